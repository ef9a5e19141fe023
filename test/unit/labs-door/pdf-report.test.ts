// The desktop door's PDF report, without Electron: the wrapper around the request handler, and the
// printer driven through a fake window (the real printToPDF needs the runtime; see lab-report-pdf.ts).
import { describe, expect, it, vi } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import { createPdfPrinter, isLabReportRequest, withPdfReports, type PrintWindow } from '../../../doors/desktop/lab-report-pdf';
import type { LabReport, Response } from '../../../engine/contract';

describe('lab reports on the desktop', () => {
  it('adds the PDF to a lab report, and leaves every other answer alone', async () => {
    const host = new EngineHost({ startClock: false });
    const print = vi.fn(async (html: string) => new TextEncoder().encode(`%PDF-1.7 ${html.length}`));
    const door = withPdfReports(host, print);
    host.handle({ kind: 'lab', id: 1, action: { type: 'start', labId: 'storage-single-location' } });

    const list = door.handle({ kind: 'lab', id: 2, action: { type: 'list' } });
    expect(list).not.toBeInstanceOf(Promise);
    expect(print).not.toHaveBeenCalled();

    const answer = await door.handle({ kind: 'lab', id: 3, action: { type: 'report' } });
    expect(answer.id).toBe(3);
    expect(answer.result.ok).toBe(true);
    const report = (answer.result as { value: LabReport }).value;
    expect(report.html).toMatch(/^<!doctype html>/);
    expect(report.pdf!.fileName).toBe('storage-single-location-report.pdf');
    expect(Buffer.from(report.pdf!.base64, 'base64').toString()).toBe(`%PDF-1.7 ${report.html.length}`);
    expect(print).toHaveBeenCalledWith(report.html);
    host.dispose();
  });

  it('keeps the HTML report when printing fails, and does not print refused requests', async () => {
    const host = new EngineHost({ startClock: false });
    const onError = vi.fn();
    const door = withPdfReports(
      host,
      async () => {
        throw new Error('no GPU');
      },
      onError,
    );
    const refused = door.handle({ kind: 'lab', id: 1, action: { type: 'report' } }) as Response;
    expect(refused.result.ok).toBe(false); // no lab running
    const answer = await door.handle({ kind: 'lab', id: 2, action: { type: 'report', labId: 'storage-per-item' } });
    expect(answer.result.ok).toBe(true);
    expect((answer.result as { value: LabReport }).value.pdf).toBeUndefined();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(isLabReportRequest({ kind: 'lab', id: 1, action: { type: 'report', extra: 1 } })).toBe(false);
    expect(isLabReportRequest({ kind: 'query', id: 1, query: { name: 'world' } })).toBe(false);
    host.dispose();
  });

  it('prints in a hidden window without script, from a data: URL, and always closes it', async () => {
    const calls: string[] = [];
    let options: unknown;
    const fake = (fail: boolean): PrintWindow => ({
      loadURL: async (url) => void calls.push(url.slice(0, 36)),
      webContents: {
        printToPDF: async () => {
          if (fail) throw new Error('print failed');
          return Buffer.from('%PDF');
        },
      },
      destroy: () => void calls.push('destroy'),
    });
    const ok = createPdfPrinter((o) => {
      options = o;
      return fake(false);
    });
    expect(Buffer.from(await ok('<p>x</p>')).toString()).toBe('%PDF');
    // Its webPreferences (sandboxed, no script) are written at the `new BrowserWindow` in
    // electron.main.ts, where electronegativity.test.ts checks them.
    expect(options).toMatchObject({ show: false });
    await expect(createPdfPrinter(() => fake(true))('<p>x</p>')).rejects.toThrow('print failed');
    expect(calls).toEqual(['data:text/html;charset=utf-8;base64,', 'destroy', 'data:text/html;charset=utf-8;base64,', 'destroy']);
  });
});
