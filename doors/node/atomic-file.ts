// Atomic writes and quarantine of unreadable files, shared by every Node-side store.
import { chmodSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';
import { writeFileSync as writeThroughTemp } from 'atomically';

/**
 * How long one write keeps retrying the errors that pass by themselves (EPERM, EBUSY, EACCES,
 * EMFILE): on Windows a virus scanner or the search indexer holds a file just written, and the
 * rename over it fails for a moment. On POSIX those errors mean a real permission problem, so a
 * failed save gives up quickly and the door's backoff (doors/common/autosave.ts) retries later.
 * The retries are synchronous: the door's event loop waits for them.
 */
const RETRY_MS = process.platform === 'win32' ? 1000 : 50;

/**
 * Writes through a temporary file, fsync and a rename (atomically, the library `conf` and
 * electron-store write with), so a crash or a full disk leaves the old file or the new one, never
 * half of one, and no temporary file behind. Throws the file-system error when it cannot.
 *
 * The text goes into the temporary file through Node's writeFileSync, from atomically's
 * `tmpCreated` hook, not as atomically's `data`: atomically (2.1) writes data with one write(2)
 * and does not check for a short write, so a disk that fills part-way through would have it
 * rename a truncated file over the good one (measured: a 4 MiB save under a 32 KiB file-size
 * limit replaced the file with its first 32 KiB; write-file-atomic 8 does the same). Node's
 * writeFileSync writes until every byte is down or throws (ENOSPC, EFBIG); atomically then
 * fsyncs, renames (retrying Windows' transient errors) and removes the temporary file on failure.
 * `mode` (e.g. 0o600 for a secret) is set on the temporary file before anything is written;
 * without it, an existing file keeps its mode.
 */
export function writeFileAtomic(path: string, text: string, mode?: number): void {
  let temp: string | undefined;
  try {
    writeThroughTemp(path, undefined, {
      timeout: RETRY_MS,
      ...(mode !== undefined ? { mode } : {}),
      tmpCreated: (tempPath) => {
        temp = tempPath;
        // The open's mode is masked by the umask: set exactly, before the text is in the file.
        if (mode !== undefined) chmodSync(tempPath, mode);
        writeFileSync(tempPath, text, 'utf8');
      },
    });
  } catch (err) {
    // atomically removes a failed write's temporary file asynchronously (or at exit); removed here
    // at once, so nothing is left behind should the process end first. Its own later attempt then
    // finds nothing and ignores that.
    if (temp) rmSync(temp, { force: true });
    throw err;
  }
}

/** Why a file was moved aside: it was read but is not a usable state, or it could not be read at all. */
export type QuarantineReason = 'corrupt' | 'unreadable';

/** Moves a file aside as `<name>.corrupt-<timestamp>.json` (or `.unreadable-`) and returns the new path. */
export function quarantine(path: string, reason: QuarantineReason = 'corrupt', wallClock: Date = new Date()): string {
  const stamp = wallClock.toISOString().replace(/[:.]/g, '-');
  const ext = extname(path) || '.json';
  const base = basename(path, ext);
  let target = join(dirname(path), `${base}.${reason}-${stamp}${ext}`);
  for (let n = 1; existsSync(target); n++) target = join(dirname(path), `${base}.${reason}-${stamp}-${n}${ext}`);
  renameSync(path, target);
  return target;
}
