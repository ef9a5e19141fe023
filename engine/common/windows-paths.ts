// The rules Windows sets for the text of a path, as one pure function the engine (cmdlets, move
// pre-checks, world validation) and the console (the folder fields where a path is typed) share.
// Source: MSDN, "Naming Files, Paths, and Namespaces" (Win32 file system documentation):
//   - "the maximum length for a path is MAX_PATH, which is defined as 260 characters ... the
//     maximum path on drive D is 'D:\some 256-character path string<NUL>'": a file's full path
//     has at most 259 characters, the terminating null being the 260th;
//   - "When using an API to create a directory, the specified path cannot be so long that you
//     cannot append an 8.3 file name (that is, the directory name cannot exceed MAX_PATH minus
//     12)": a folder's path has at most 248 characters;
//   - reserved characters `< > : " / \ | ? *` and "characters whose integer representations are
//     in the range from 1 through 31" may not appear in a name (nor NUL, which ends the string);
//   - "Do not use the following reserved names for the name of a file: CON, PRN, AUX, NUL, COM1 ...
//     COM9, LPT1 ... LPT9. Also avoid these names followed immediately by an extension; for
//     example, NUL.txt is not recommended";
//   - "Do not end a file or directory name with a space or a period."
// Whether the volume, share or folder exists is not a text rule: the engine answers that.
// It lives in engine/common/, the shared pure layer the renderer may run too (docs/architecture.md).

export const MAX_PATH = 260;
/** Characters in a file's full path: MAX_PATH less the terminating null. */
export const MAX_FILE_PATH_CHARS = MAX_PATH - 1;
/** Characters in a folder's path: MAX_PATH less 12, the room for an 8.3 file name. */
export const MAX_FOLDER_PATH_CHARS = MAX_PATH - 12;

export type PathKind = 'file' | 'folder';

export type PathTextProblem =
  /** Neither `X:\...` nor `\\server\share\...`. */
  | { kind: 'notFullPath' }
  | { kind: 'tooLong'; length: number; limit: number; what: PathKind }
  | { kind: 'invalidCharacter'; character: string; name: string }
  | { kind: 'controlCharacter'; code: number; name: string }
  | { kind: 'reservedName'; name: string; device: string }
  | { kind: 'trailingDotOrSpace'; name: string };

const RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])$/i;
const INVALID = '<>:"|?*';

/** The device name a file or folder name stands for (`nul.vhdx` → NUL), or undefined. */
export function reservedDeviceName(name: string): string | undefined {
  const dot = name.indexOf('.');
  const stem = (dot < 0 ? name : name.slice(0, dot)).replace(/ +$/, '');
  return RESERVED.test(stem) ? stem.toUpperCase() : undefined;
}

/** Why one file or folder name (a path segment) breaks Windows' naming rules, or undefined. */
export function nameProblem(name: string): PathTextProblem | undefined {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 32) return { kind: 'controlCharacter', code: c, name };
    if (INVALID.includes(name[i]!)) return { kind: 'invalidCharacter', character: name[i]!, name };
  }
  if (name === '.' || name === '..') return undefined;
  const device = reservedDeviceName(name);
  if (device) return { kind: 'reservedName', name, device };
  if (/[ .]$/.test(name)) return { kind: 'trailingDotOrSpace', name };
  return undefined;
}

/**
 * Why `path` (as typed: `/` counts as `\`, blanks around it are ignored) cannot name a file or a
 * folder on Windows, or undefined when its text is fine. Linear in the path's length.
 */
export function pathTextProblem(text: string, what: PathKind): PathTextProblem | undefined {
  const path = text.trim();
  const limit = what === 'file' ? MAX_FILE_PATH_CHARS : MAX_FOLDER_PATH_CHARS;
  if (path.length > limit) return { kind: 'tooLong', length: path.length, limit, what };
  const parts = path.split(/[\\/]/);
  let names: string[];
  // `D:` alone is relative (the current folder of drive D), not a full path.
  if (/^[A-Za-z]:$/.test(parts[0]!) && parts.length > 1) {
    names = parts.slice(1);
  } else if (parts.length >= 4 && parts[0] === '' && parts[1] === '' && parts[2] !== '' && parts[3] !== '') {
    names = parts.slice(2); // the server and share names follow the same character rules
  } else {
    return { kind: 'notFullPath' };
  }
  for (const name of names) {
    if (name === '') continue; // D:\VMs\\A: Windows reads doubled separators as one
    const p = nameProblem(name);
    if (p) return p;
  }
  return undefined;
}

function characterName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The problem in plain words, naming the value and the limit: the same sentence for PowerShell
 * (after the Win32 error text) and for the console (under the field).
 */
export function explainPathProblem(p: PathTextProblem): string {
  switch (p.kind) {
    case 'notFullPath':
      return 'A full path starts with a drive letter (D:\\VMs) or a share (\\\\FS01\\VMs).';
    case 'tooLong':
      return `The path is ${p.length} characters long; a ${p.what} path can have at most ${p.limit} characters (MAX_PATH is ${MAX_PATH}).`;
    case 'invalidCharacter':
      return `The name '${p.name}' contains '${p.character}'; a file or folder name cannot contain any of ${INVALID.split('').join(' ')} (or a colon other than the drive's).`;
    case 'controlCharacter':
      return `The name '${[...p.name].map((c) => (c.charCodeAt(0) < 32 ? '?' : c)).join('')}' contains the control character ${characterName(p.code)}; names cannot contain characters 0 to 31.`;
    case 'reservedName':
      return `'${p.name}' is the reserved device name ${p.device}; Windows reserves CON, PRN, AUX, NUL, COM1-COM9 and LPT1-LPT9, with or without an extension.`;
    case 'trailingDotOrSpace':
      return `The name '${p.name}' ends with a ${p.name.endsWith('.') ? 'period' : 'space'}, which Windows drops; a file or folder name cannot end with a space or a period.`;
  }
}

/** Windows' own error text (with its HRESULT) for each problem, as PowerShell and Hyper-V report it. */
export function win32TextFor(p: PathTextProblem): string {
  return p.kind === 'tooLong'
    ? 'The filename or extension is too long. (0x800700CE)'
    : 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)';
}
