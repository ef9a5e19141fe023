// Files the Labs pane hands to the learner: a pack (export), a report (.html, or .pdf from the
// desktop door). A download in a browser saves to the downloads folder; in Electron it shows a
// save dialog. The printable report opens as a new document from a blob: URL (it has no script).

const REVOKE_AFTER_MS = 60_000;

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

export function downloadBase64(fileName: string, base64: string, type: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  downloadBlob(fileName, new Blob([bytes], { type }));
}

/** Opens an HTML document in a new tab; false when the browser blocked it. */
export function openHtmlDocument(html: string): boolean {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return win !== null;
}

/** Reads a picked file as text. */
export function readFileText(file: File): Promise<string> {
  return file.text();
}
