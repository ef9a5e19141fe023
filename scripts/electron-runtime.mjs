// Whether `npm start` can open the desktop window: the Electron runtime, fetched once by Electron's
// own installer when missing. Offline, that download fails only after its timeout, on every start;
// so a failure is remembered (beside the install it concerns, so a fresh `npm ci` forgets it) and
// not tried again until asked: `npm start -- --retry-electron` (issue 12).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const RETRY_ELECTRON_FLAG = '--retry-electron';

/** node_modules/.cache/hyperv-mobility-lab/electron-download.json under the project root. */
export function electronMarkerPath(root) {
  return join(root, 'node_modules', '.cache', 'hyperv-mobility-lab', 'electron-download.json');
}

/**
 * @param {{ electronDir: string, markerPath: string, retry: boolean, findBinary: () => string | undefined, timeoutMs?: number, now?: () => Date, onTry?: () => void }} o
 * @returns {{ binary?: string, failedAt?: string, tried: boolean }}
 */
export function ensureElectron(o) {
  const found = o.findBinary();
  if (found) return { binary: found, tried: false };
  const installer = join(o.electronDir, 'install.js');
  if (!existsSync(installer)) return { tried: false };
  const remembered = readMarker(o.markerPath);
  if (remembered && !o.retry) return { failedAt: remembered.failedAt, tried: false };
  o.onTry?.();
  spawnSync(process.execPath, [installer], {
    cwd: o.electronDir,
    stdio: 'ignore',
    timeout: o.timeoutMs ?? 60_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  const binary = o.findBinary();
  if (binary) {
    rmSync(o.markerPath, { force: true });
    return { binary, tried: true };
  }
  const failedAt = (o.now ?? (() => new Date()))().toISOString();
  try {
    mkdirSync(dirname(o.markerPath), { recursive: true });
    writeFileSync(o.markerPath, `${JSON.stringify({ failedAt }, null, 2)}\n`);
  } catch {
    // A read-only install: it is tried again next time, which is what happened before.
  }
  return { failedAt, tried: true };
}

function readMarker(path) {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed?.failedAt === 'string' ? parsed : undefined;
  } catch {
    // No marker, or an unreadable one: act as if no earlier attempt failed.
    return undefined;
  }
}
