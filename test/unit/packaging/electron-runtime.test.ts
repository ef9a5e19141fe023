// `npm start` remembers that the Electron runtime could not be fetched and does not try again on
// every start (issue 12); `--retry-electron` tries again, and a success forgets the failure.
// The installer here is a real script run by Node, standing in for Electron's install.js offline.
// Before, start.mjs ran the installer on every start: the second call below would have run it again.
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { electronMarkerPath, ensureElectron } from '../../../scripts/electron-runtime.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** An electron package folder whose install.js counts its runs and fails, or "installs" a binary. */
function fakeElectron(succeeds: () => boolean) {
  const root = mkdtempSync(join(tmpdir(), 'hvlab-electron-'));
  dirs.push(root);
  const electronDir = join(root, 'node_modules', 'electron');
  const runs = join(root, 'runs.txt');
  const binary = join(root, 'electron-binary');
  const write = () =>
    writeFileSync(
      join(electronDir, 'install.js'),
      succeeds()
        ? `require('fs').appendFileSync(${JSON.stringify(runs)}, 'x'); require('fs').writeFileSync(${JSON.stringify(binary)}, '');`
        : `require('fs').appendFileSync(${JSON.stringify(runs)}, 'x'); process.exit(1);`,
    );
  mkdirSync(electronDir, { recursive: true });
  write();
  const options = (retry: boolean) => ({
    electronDir,
    markerPath: electronMarkerPath(root),
    retry,
    findBinary: () => (existsSync(binary) ? binary : undefined),
    now: () => new Date('2026-12-07T12:00:00Z'),
  });
  return { options, rewrite: write, runs: () => (existsSync(runs) ? readFileSync(runs, 'utf8').length : 0), markerPath: electronMarkerPath(root) };
}

describe('npm start and the Electron runtime', () => {
  it('tries the download once, remembers the failure, and does not try again until asked', () => {
    let online = false;
    const e = fakeElectron(() => online);
    expect(ensureElectron(e.options(false))).toEqual({ failedAt: '2026-12-07T12:00:00.000Z', tried: true });
    expect(e.runs()).toBe(1);
    expect(ensureElectron(e.options(false))).toEqual({ failedAt: '2026-12-07T12:00:00.000Z', tried: false });
    expect(ensureElectron(e.options(false)).tried).toBe(false);
    expect(e.runs()).toBe(1);
    // --retry-electron, now online: it runs again, succeeds, and the failure is forgotten.
    online = true;
    e.rewrite();
    expect(ensureElectron(e.options(true))).toMatchObject({ binary: expect.stringContaining('electron-binary'), tried: true });
    expect(e.runs()).toBe(2);
    expect(existsSync(e.markerPath)).toBe(false);
    expect(ensureElectron(e.options(false))).toMatchObject({ tried: false, binary: expect.any(String) });
  });
});
