// Atomic writes and quarantine of unreadable files, shared by every Node-side store.
import { closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname, basename, extname, join } from 'node:path';

/**
 * Writes through a temporary file and a rename, so a crash leaves the old or the new file, never half
 * of one. `mode` (e.g. 0o600 for a secret) is set on the temporary file before anything is written.
 */
export function writeFileAtomic(path: string, text: string, mode?: number): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', mode);
  if (mode !== undefined) fchmodSync(fd, mode); // openSync's mode is masked by the umask and ignored for an existing file
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

/** Moves an unreadable file aside as `<name>.corrupt-<timestamp>.json` and returns the new path. */
export function quarantine(path: string, wallClock: Date = new Date()): string {
  const stamp = wallClock.toISOString().replace(/[:.]/g, '-');
  const ext = extname(path) || '.json';
  const base = basename(path, ext);
  let target = join(dirname(path), `${base}.corrupt-${stamp}${ext}`);
  for (let n = 1; existsSync(target); n++) target = join(dirname(path), `${base}.corrupt-${stamp}-${n}${ext}`);
  renameSync(path, target);
  return target;
}
