// The desktop door's extra for the Labs pane's "Report": the HTML report every door makes, printed
// to PDF by Chromium (webContents.printToPDF) in a hidden, script-less window, and added to the
// answer so the page can offer it for download (Electron shows a save dialog).
//
// UNTESTED WITH THE RUNTIME: the tests here run without Electron. withPdfReports() is unit-tested
// with a fake printer (test/unit/labs-door/pdf-report.test.ts); createPdfPrinter() has only been
// type-checked against Electron's API. If printing fails, the answer keeps the HTML report only.
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { LabAction, type LabReport, type Response } from '../../engine/contract';

/** Renders a complete HTML document to PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Uint8Array>;

/** What is used of a BrowserWindow (structural, so a fake will do). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  readonly webContents: Pick<WebContents, 'printToPDF'>;
  destroy(): void;
}

export function isLabReportRequest(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null || (raw as { kind?: unknown }).kind !== 'lab') return false;
  const action = LabAction.safeParse((raw as { action?: unknown }).action);
  return action.success && action.data.type === 'report';
}

/** Wraps a door's request handler (answering now, or later from the engine's process): a successful lab report also carries its PDF. */
export function withPdfReports(
  handler: { handle(raw: unknown): Response | Promise<Response> },
  print: PdfPrinter,
  onError?: (err: unknown) => void,
): { handle(raw: unknown): Response | Promise<Response> } {
  const addPdf = (raw: unknown, response: Response): Response | Promise<Response> => {
    if (!isLabReportRequest(raw) || !response.result.ok) return response;
    const report = response.result.value as LabReport;
    return print(report.html).then(
      (bytes): Response => ({
        ...response,
        result: {
          ok: true,
          value: { ...report, pdf: { fileName: report.fileName.replace(/\.html$/i, '') + '.pdf', base64: Buffer.from(bytes).toString('base64') } },
        },
      }),
      (err: unknown) => {
        onError?.(err);
        return response;
      },
    );
  };
  return {
    handle(raw) {
      const response = handler.handle(raw);
      return response instanceof Promise ? response.then((r) => addPdf(raw, r)) : addPdf(raw, response);
    },
  };
}

/** The hidden window a report is printed in; its webPreferences (sandboxed, no script, no preload) are stated where electron.main.ts creates it. */
export const PRINT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  show: false,
  width: 900,
  height: 1200,
};

export function createPdfPrinter(createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow): PdfPrinter {
  return async (html) => {
    const win = createWindow(PRINT_WINDOW_OPTIONS);
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } });
    } finally {
      win.destroy();
    }
  };
}
