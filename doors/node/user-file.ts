// Reading a file a user named (a script, a world, a flow set, a lab pack): check what it is and how
// big it is before reading, then read no more than the limit. `readFileSync` on /dev/zero grows
// until the process aborts, on a FIFO or /dev/urandom it never returns, and on a 3 GB file it
// holds gigabytes before the parser can say no. Here each of those is one sentence naming the file.
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { MAX_SCRIPT_TEXT } from '../../engine/scripting/script-limits';
import { byteSizeText } from '../../engine/common/byte-size';
import { LAB_RESULT_LIMITS } from '../../engine/common/lab-limits';

/** Size limits per kind of file, in bytes (docs: README "Command line"). */
export const USER_FILE_LIMITS = {
  /** A PowerShell script for `hvlab run` / `hvlab lab check --script`: the engine's script limit. */
  script: MAX_SCRIPT_TEXT,
  /** A world file or saved console state: about six times the 10,000-VM bench world, indented. */
  world: 64 * 1024 * 1024,
  /** A flow-set file for `hvlab flows`: far above the 256 × 10,000 bench set. */
  flowSet: 64 * 1024 * 1024,
  /** A lab pack: a briefing and a world patch. */
  labPack: 8 * 1024 * 1024,
  /** A learner's result file for `hvlab lab grade`: the limit the result format sets. */
  labResult: LAB_RESULT_LIMITS.fileBytes,
} as const;

export interface UserFileOptions {
  /** The largest file accepted, in bytes. */
  maxBytes: number;
  /** What the file is for, as a user calls it: "script", "world", "flow-set", "lab pack". */
  what: string;
}

/** A file that cannot be read; the message names the file and is meant for the user. */
export class UserFileError extends Error {
  override name = 'UserFileError';
  constructor(
    readonly path: string,
    readonly what: string,
    /** Why, without the file's name: "it is a folder, not a regular file". */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`cannot read the ${what} file ${path}: ${reason}`, options);
  }
}

const formatBytes = (n: number) => byteSizeText(n, 'iec');

function kindOf(s: Stats): string | undefined {
  if (s.isFile()) return undefined;
  if (s.isDirectory()) return 'a folder';
  if (s.isFIFO()) return 'a pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function refuse(path: string, what: string, reason: string): never {
  throw new UserFileError(path, what, reason);
}

function checkStats(path: string, s: Stats, o: UserFileOptions): void {
  const kind = kindOf(s);
  if (kind) refuse(path, o.what, `it is ${kind}, not a regular file`);
  if (s.size > o.maxBytes) refuse(path, o.what, `it is ${formatBytes(s.size)}, larger than the limit of ${formatBytes(o.maxBytes)} for a ${o.what} file`);
}

/**
 * The file's text (UTF-8), after checking it is a regular file within `maxBytes`. Reads at most
 * `maxBytes + 1` bytes whatever the size claims (files under /proc report 0, a file may grow).
 */
export function readUserFile(path: string, o: UserFileOptions): string {
  let fd: number;
  try {
    // Stat by name first so that a FIFO is never opened (opening one for reading waits for a writer).
    checkStats(path, statSync(path), o);
    // O_NONBLOCK: should the name be swapped for a FIFO between the stat and the open, the open
    // still returns, and the fstat below refuses it. Windows has no such flag (and no FIFOs).
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if (e instanceof UserFileError) throw e;
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EACCES' || err.code === 'EPERM' ? 'permission denied' : err.message;
    throw new UserFileError(path, o.what, reason, { cause: e });
  }
  try {
    checkStats(path, fstatSync(fd), o);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, o.maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > o.maxBytes) refuse(path, o.what, `it is larger than the limit of ${formatBytes(o.maxBytes)} for a ${o.what} file`);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (e) {
    if (e instanceof UserFileError) throw e;
    throw new UserFileError(path, o.what, (e as Error).message, { cause: e });
  } finally {
    closeSync(fd);
  }
}
