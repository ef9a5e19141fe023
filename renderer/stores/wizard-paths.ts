// What the Move Wizard and the settings dialogs can check about a folder the user typed before
// asking the engine: that it is a full Windows path at all (X:\... or \\server\share\...), and that
// it keeps Windows' naming rules — MAX_PATH, reserved characters, control characters, device names
// such as CON or NUL.vhdx (engine/common/windows-paths.ts, the one rule the engine applies too).
// Whether the volume or share exists, and whether there is room, is the engine's to say (precheck
// query). Wording: "The path is not valid" is what the 2012 R2 wizard says for a malformed folder;
// the rest of each message is the lab's (unconfirmed).
import { explainPathProblem, pathTextProblem } from '../../engine/common/windows-paths';

/**
 * `empty`: nothing typed. `incomplete`: not a full path (yet) — said when the user moves on.
 * `rule`: a naming rule is broken, whatever is typed next — said at once, under the field.
 */
export type FolderProblem = { kind: 'empty' | 'incomplete' | 'rule'; message: string };

export const EMPTY_FOLDER_MESSAGE = 'Specify a folder.';
export const INVALID_FOLDER_MESSAGE = 'The path is not valid. Type a full path such as D:\\VMs\\Name, or a share path such as \\\\FS01\\VMs\\Name.';

/** Undefined when `text` is a full local or UNC folder path that Windows' naming rules allow. */
export function folderProblem(text: string): FolderProblem | undefined {
  const p = text.trim();
  if (!p) return { kind: 'empty', message: EMPTY_FOLDER_MESSAGE };
  const rule = pathTextProblem(p, 'folder');
  if (!rule) return undefined;
  if (rule.kind === 'notFullPath') return { kind: 'incomplete', message: INVALID_FOLDER_MESSAGE };
  return { kind: 'rule', message: `The path is not valid. ${explainPathProblem(rule)}` };
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
