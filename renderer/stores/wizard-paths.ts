// What the Move Wizard and the settings dialogs can check about a folder the user typed before
// asking the engine: that it is a full Windows path at all (X:\... or \\server\share\...). Whether
// the volume or share exists, and whether there is room, is the engine's to say (precheck query).
// Wording: "The path is not valid" is what the 2012 R2 wizard says for a malformed folder; the
// rest of each message is the lab's (unconfirmed).

/** Characters Windows forbids in a file or folder name (control characters too). */
const BAD_NAME = { test: (s: string) => /[<>:"|?*]/.test(s) || [...s].some((c) => c.charCodeAt(0) < 32) };

export type FolderProblem = { kind: 'empty' | 'invalid'; message: string };

export const EMPTY_FOLDER_MESSAGE = 'Specify a folder.';
export const INVALID_FOLDER_MESSAGE =
  'The path is not valid. Type a full path such as D:\\VMs\\Name, or a share path such as \\\\FS01\\VMs\\Name.';

/** Undefined when `text` is a full local or UNC folder path. */
export function folderProblem(text: string): FolderProblem | undefined {
  const p = text.trim();
  if (!p) return { kind: 'empty', message: EMPTY_FOLDER_MESSAGE };
  return isFullPath(p) ? undefined : { kind: 'invalid', message: INVALID_FOLDER_MESSAGE };
}

export function isFullPath(text: string): boolean {
  const p = text.trim().replace(/\//g, '\\');
  const local = /^([A-Za-z]):(\\.*)?$/.exec(p);
  if (local) return segmentsValid(local[2] ?? '');
  const unc = /^\\\\([^\\]+)\\([^\\]+)(\\.*)?$/.exec(p);
  if (unc) return !BAD_NAME.test(unc[1]!) && !BAD_NAME.test(unc[2]!) && segmentsValid(unc[3] ?? '');
  return false;
}

function segmentsValid(rest: string): boolean {
  for (const s of rest.split('\\')) {
    if (!s) continue;
    if (BAD_NAME.test(s)) return false;
    // Windows trims a trailing dot or space from a name, so such a folder is not the one typed.
    if (/[. ]$/.test(s) && s !== '.' && s !== '..') return false;
  }
  return true;
}

/** The folder as typed, without trailing separators (a drive root keeps its backslash: E:\). */
export function cleanFolder(text: string): string {
  const p = text.trim().replace(/\//g, '\\');
  if (/^[A-Za-z]:\\*$/.test(p)) return `${p.slice(0, 2).toUpperCase()}\\`;
  return p.replace(/\\+$/, '');
}

/** A file name under a folder: E:\ + a.vhdx → E:\a.vhdx; E:\VMs + a.vhdx → E:\VMs\a.vhdx. */
export function joinFolder(folder: string, name: string): string {
  const f = cleanFolder(folder);
  return f.endsWith('\\') ? `${f}${name}` : `${f}\\${name}`;
}

/** The last part of a path: the file name of a disk. */
export function fileName(path: string): string {
  const parts = path.replace(/\//g, '\\').split('\\').filter(Boolean);
  return parts.at(-1) ?? path;
}

/** The folder a file is in. */
export function folderOf(path: string): string {
  const p = path.replace(/\//g, '\\');
  const i = p.lastIndexOf('\\');
  if (i < 0) return p;
  const head = p.slice(0, i);
  return /^[A-Za-z]:$/.test(head) ? `${head}\\` : head;
}

/** Case-insensitive comparison, as Windows compares paths. */
export function samePath(a: string, b: string): boolean {
  return cleanFolder(a).toLowerCase() === cleanFolder(b).toLowerCase();
}
