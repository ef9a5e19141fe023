// The *bundled* main process (dist/electron/main.cjs as esbuild writes it) started under plain Node
// with a stand-in `electron` module: the bundled engine (engine-worker.cjs) runs in a stand-in utility
// process with the real conf, the page is served through the app protocol with its CSP, IPC answers
// and refuses as it should, and quitting waits for the engine's last save.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

let dir: string;
let report: {
  calls: string[];
  privileged: { scheme: string }[];
  windowOptions: { webPreferences: Record<string, unknown> };
  loadedUrl: string;
  menu: string[];
  page: { status: number; csp: string; body: string };
  answer: { id: number; result: { ok: boolean } };
  refused: { id: number; result: { ok: boolean; error?: { message: string } } };
  ipcListeners: Record<string, number>;
  forked: { file: string; serviceName: string };
  quitHeld: boolean;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-bundle-'));
  mkdirSync(join(dir, 'renderer'));
  mkdirSync(join(dir, 'userData'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Hyper-V Manager</title>');
  // @ts-expect-error -- an .mjs script without type declarations
  const { buildElectron } = (await import('../../../scripts/build-electron.mjs')) as {
    buildElectron(o: { outdir: string; logLevel: string }): Promise<unknown>;
  };
  await buildElectron({ outdir: join(dir, 'electron'), logLevel: 'silent' });
  const out = execFileSync(
    process.execPath,
    ['--import', pathToFileURL(join(import.meta.dirname, 'fixtures', 'electron-stand-in.mjs')).href, join(dir, 'electron', 'main.cjs')],
    {
      env: { ...process.env, HVLAB_TEST_USER_DATA: join(dir, 'userData') },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 30_000,
    },
  );
  report = JSON.parse(out.trim().split('\n').at(-1)!);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bundled main process', () => {
  it('starts: registers the scheme, opens the hardened window with the bundled preload, sets the menu', () => {
    expect(report.privileged.map((s) => s.scheme)).toEqual(['hvlab']);
    expect(report.calls).toContain('app.enableSandbox');
    expect(report.windowOptions.webPreferences).toMatchObject({
      preload: join(dir, 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(report.loadedUrl).toBe('hvlab://console/index.html');
    expect(report.menu).toEqual(['&File', '&Action', '&View', '&Help']);
  });

  it('serves ../renderer/index.html through the app protocol with the desktop CSP', () => {
    expect(report.page.status).toBe(200);
    expect(report.page.body).toContain('<title>Hyper-V Manager</title>');
    expect(report.page.csp).toContain("connect-src 'self';");
  });

  it('answers the console frame and refuses a foreign one', () => {
    expect(report.answer).toMatchObject({ id: 3, result: { ok: true } });
    expect(report.refused).toMatchObject({ id: 4, result: { ok: false } });
    expect(report.refused.result.error?.message).toMatch(/refused/);
  });

  it('runs the engine in its own utility process and holds the quit for its last save', () => {
    expect(report.forked).toEqual({ file: 'engine-worker.cjs', serviceName: 'Hyper-V Mobility Lab engine' });
    expect(report.quitHeld).toBe(true);
    expect(report.calls).toContain('app.quit');
  });

  it("keeps settings in userData (the engine's process writes settings.json, the window its electron-store file), and leaves electron-store's page channel closed", () => {
    const settings = JSON.parse(readFileSync(join(dir, 'userData', 'settings.json'), 'utf8'));
    expect(settings).toMatchObject({ schemaVersion: 1 });
    expect(settings).not.toHaveProperty('window');
    const windowState = JSON.parse(readFileSync(join(dir, 'userData', 'window-state.json'), 'utf8'));
    expect(windowState).toMatchObject({ schemaVersion: 1, window: { width: 1280, height: 800, maximized: false } });
    expect(report.ipcListeners['electron-store-get-data']).toBe(0);
  });
});
