// electron.main.ts booted against a recording fake of `electron` (and of electron-store): what
// window it opens, what it installs, and how it answers IPC from trusted and foreign frames.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, basename } from 'node:path';
import type { Response } from '../../../engine/contract';
import { Job } from '../../../engine/model/jobs';
import type { FakeWebFrame as FakeWebFrameType } from './fake-electron';

// One instance of each fake for the test and for every fresh import of electron.main.ts (vi.resetModules
// would otherwise hand the app a second copy of the fake modules).
const { fakes, store } = await vi.hoisted(async () => ({
  fakes: await import('./fake-electron'),
  store: await import('./fake-electron-store'),
}));
vi.mock('electron', () => {
  // Getters, so a module imported after resetFakeElectron() sees the fresh fakes.
  const mod: Record<string, unknown> = {};
  for (const key of Object.keys(fakes.electron))
    Object.defineProperty(mod, key, { enumerable: true, get: () => fakes.electron[key as keyof typeof fakes.electron] });
  return mod;
});
vi.mock('electron-store', () => ({ default: store.default }));
const { electron, fakeEvent, FakeBrowserWindow, FakeNotification, FakeUtilityProcess, FakeWebFrame, resetFakeElectron } = fakes;
const { resetFakeElectronStore } = store;
type FakeWebFrame = FakeWebFrameType;
type FakeBrowserWindow = InstanceType<typeof FakeBrowserWindow>;

type Fake = typeof electron;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-desktop-'));
  resetFakeElectronStore();
});

afterEach(async () => {
  await quit(electron);
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** Quits as Electron does: 'will-quit', held by the app until the engine's last save, then app.quit() again. */
async function quit(e: Fake): Promise<void> {
  if (e.app.listenerCount('will-quit') === 0) return;
  const calls = e.app.quit.mock.calls.length;
  const event = fakeEvent({});
  e.app.emit('will-quit', event);
  expect(event.defaultPrevented).toBe(true);
  await vi.waitFor(() => expect(e.app.quit.mock.calls.length).toBeGreaterThan(calls), { timeout: 15_000 });
  e.app.emit('will-quit', fakeEvent({}));
  e.app.removeAllListeners('will-quit');
}

async function boot(setup?: (e: Fake) => void): Promise<Fake> {
  vi.resetModules();
  const e = resetFakeElectron();
  e.app.userData = dir;
  setup?.(e);
  await import('../../../electron.main');
  await e.app.ready;
  // The window opens once the engine's process has opened the data folder.
  await vi.waitFor(() => expect(FakeBrowserWindow.instances.length > 0 || e.app.quit.mock.calls.length > 0).toBe(true), { timeout: 30_000 });
  return e;
}

function theWindow(): FakeBrowserWindow {
  expect(FakeBrowserWindow.instances).toHaveLength(1);
  return FakeBrowserWindow.instances[0]!;
}

async function request(e: Fake, raw: unknown, frame?: FakeWebFrame | null, sender?: unknown): Promise<Response> {
  const win = theWindow();
  const handler = e.ipcMain.handlers.get('hvlab:request');
  expect(handler).toBeTypeOf('function');
  return (await handler!({ sender: sender ?? win.webContents, senderFrame: frame === undefined ? win.webContents.mainFrame : frame }, raw)) as Response;
}

/** A request whose handler answers later (Save As waits for the native dialog). */
async function requestAsync(e: Fake, raw: unknown): Promise<Response> {
  const handler = e.ipcMain.handlers.get('hvlab:request');
  expect(handler).toBeTypeOf('function');
  return (await handler!({ sender: theWindow().webContents, senderFrame: theWindow().webContents.mainFrame }, raw)) as Response;
}

describe('electron.main.ts', () => {
  it('opens one isolated, sandboxed window without Node, with the built preload, on the app origin', async () => {
    const e = await boot();
    expect(e.app.enableSandbox).toHaveBeenCalled();
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'hvlab', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const win = theWindow();
    const prefs = win.options.webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(isAbsolute(prefs.preload as string)).toBe(true);
    expect(basename(prefs.preload as string)).toBe('preload.cjs');
    expect(win.loadedUrl).toBe('hvlab://console/index.html');
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    expect(e.session.defaultSession.protocol.handlers.has('hvlab')).toBe(true);
  });

  it('denies new windows, navigation away, every permission, and adds the CSP to responses', async () => {
    const e = await boot();
    const win = theWindow();
    e.app.emit('web-contents-created', {}, win.webContents);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    const nav = fakeEvent({ url: 'https://example.com/', isSameDocument: false, isMainFrame: true });
    win.webContents.emit('will-navigate', nav);
    expect(nav.defaultPrevented).toBe(true);
    const webview = fakeEvent({});
    win.webContents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);

    const s = e.session.defaultSession;
    const granted: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal'])
      s.permissionRequest?.(win.webContents, permission, (g) => granted.push(g), {});
    expect(granted).toEqual([false, false, false, false]);
    expect(s.permissionCheck?.(win.webContents, 'clipboard-read')).toBe(false);

    let headers: Record<string, string[]> | undefined;
    s.webRequest.headersReceived?.(
      { url: 'hvlab://console/index.html', responseHeaders: { 'content-security-policy': ['default-src *'] } },
      (r) => (headers = r.responseHeaders),
    );
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("connect-src 'self'");
    expect(headers?.['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(headers?.['content-security-policy']).toBeUndefined();
    let cancelled: boolean | undefined;
    s.webRequest.beforeRequest?.({ url: 'https://example.com/x.js' }, (r) => (cancelled = r.cancel));
    expect(cancelled).toBe(true);
  });

  it('answers a valid request from the console frame through the engine host', async () => {
    const e = await boot();
    const r = await request(e, { kind: 'query', id: 4, query: { name: 'clock' } });
    expect(r).toMatchObject({ kind: 'result', id: 4, result: { ok: true, value: { speed: 1 } } });
  });

  it("asks Save / Don't Save / Cancel when the window closes with unsaved changes, and answers Save As with the native dialog", async () => {
    const e = await boot();
    const win = theWindow();
    expect((await request(e, { kind: 'run', id: 1, text: 'Start-VM TEST01 -ComputerName HV02' })).result.ok).toBe(true);
    // Save, then Cancel in the Save As dialog: the window stays open.
    win.close();
    await vi.waitFor(() => expect(e.dialog.showSaveDialog).toHaveBeenCalledTimes(1));
    expect(e.dialog.showMessageBox).toHaveBeenCalledWith(
      win,
      expect.objectContaining({ message: 'Do you want to save changes to Untitled?', buttons: ['Save', "Don't Save", 'Cancel'] }),
    );
    await new Promise((r) => setImmediate(r));
    expect(win.destroyed).toBe(false);
    // File → Save As from the page: the native dialog chooses the file; the renderer sends no path.
    e.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(dir, 'Exam.hvlab.json') });
    const saved = await requestAsync(e, { kind: 'scenario', id: 2, action: { type: 'saveAs' } });
    expect(saved.result).toMatchObject({ ok: true, value: { name: 'Exam', location: 'file', dirty: false, nativeDialogs: true } });
    expect(readdirSync(dir)).toContain('Exam.hvlab.json');
    // Saved: the window closes without a question.
    win.close();
    expect(win.destroyed).toBe(true);
    expect(e.dialog.showMessageBox).toHaveBeenCalledTimes(1);
  });

  it('answers a malformed request with an error naming the field', async () => {
    const e = await boot();
    const r = await request(e, { kind: 'query', id: 5, query: { name: 'vm' } });
    expect(r.id).toBe(5);
    expect(r.result.ok).toBe(false);
    if (r.result.ok) return;
    expect(r.result.error.code).toBe('InvalidRequest');
    expect(r.result.error.issues?.map((i) => i.path)).toContain('query.vm');
    expect(r.result.error.message).toContain('query.vm');
  });

  it('refuses requests from a foreign origin, a subframe or another window without touching the engine', async () => {
    const e = await boot();
    const { EngineHost } = await import('../../../doors/common/engine-host');
    const handle = vi.spyOn(EngineHost.prototype, 'handle');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const win = theWindow();
    const valid = { kind: 'query', id: 9, query: { name: 'world' } };
    const foreign = new FakeWebFrame('https://evil.example/', null, win.webContents.mainFrame.processId, win.webContents.mainFrame.routingId);
    const sub = new FakeWebFrame('hvlab://console/index.html', win.webContents.mainFrame, 7, 2);
    for (const r of [
      await request(e, valid, foreign),
      await request(e, valid, sub),
      await request(e, valid, new FakeWebFrame('file:///etc/passwd')),
      await request(e, valid, undefined, { other: 'webContents' }),
      await request(e, valid, null),
    ]) {
      expect(r).toMatchObject({ kind: 'result', id: 9, result: { ok: false, error: { code: 'InvalidRequest' } } });
      if (!r.result.ok) expect(r.result.error.message).toMatch(/refused/i);
    }
    expect(handle).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(5);
    expect(await request(e, valid)).toMatchObject({ id: 9, result: { ok: true } });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('quits when another instance holds the lock, and a second launch focuses the first window', async () => {
    const e1 = await boot((e) => (e.app.lock = false));
    expect(e1.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);

    const e2 = await boot();
    const win = theWindow();
    win.minimize();
    e2.app.emit('second-instance', {}, [], '/');
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(1);
    expect(e2.app.quit).not.toHaveBeenCalled();
  });

  it('remembers the window bounds and maximized state, and restores them only on a visible display', async () => {
    const e = await boot();
    const win = theWindow();
    win.bounds = { x: 200, y: 120, width: 1100, height: 700 };
    win.maximized = true;
    win.emit('close');
    // The main process keeps the window in electron-store, in a file of its own; the engine's process owns settings.json.
    await quit(e);
    const windowFile = store.savedFiles.get(`${dir}/window-state.json`);
    expect(windowFile?.get('window')).toEqual({ x: 200, y: 120, width: 1100, height: 700, maximized: true });
    expect(store.openedWith.filter((o) => o.name === 'window-state').map((o) => o.cwd)).toEqual([dir]);

    await boot();
    const again = theWindow();
    expect(again.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 700 });
    again.emit('ready-to-show');
    expect(again.maximized).toBe(true);
    await quit(electron);

    windowFile?.set('window', { x: 5000, y: 3000, width: 1100, height: 700, maximized: false });
    await boot();
    const offscreen = theWindow();
    expect(offscreen.options.x).toBeUndefined();
    expect(offscreen.options.y).toBeUndefined();
    expect(offscreen.options).toMatchObject({ width: 1100, height: 700 });
  });

  it('keeps settings and the world in userData, and tells the page once about unreadable files', async () => {
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    writeFileSync(join(dir, 'world.json'), '{ "schemaVersion": "not a world" }');
    const e = await boot();
    const { EngineHost } = await import('../../../doors/common/engine-host');
    const dispose = vi.spyOn(EngineHost.prototype, 'dispose');
    expect(readdirSync(dir).some((f) => /^settings\.corrupt-.*\.json$/.test(f))).toBe(true);
    expect(readdirSync(dir).some((f) => /^world\.corrupt-.*\.json$/.test(f))).toBe(true);
    const win = theWindow();
    const notices = () =>
      win.webContents.sent
        .filter(([c, p]) => c === 'hvlab:event' && (p as { type: string }).type === 'notice')
        .map(([, p]) => (p as { message: string }).message);
    expect(notices()).toEqual([]);
    e.ipcMain.emit('hvlab:subscribe', { sender: win.webContents, senderFrame: win.webContents.mainFrame });
    expect(notices()).toHaveLength(2);
    expect(notices()[0]).toMatch(/settings could not be read/);
    expect(notices()[1]).toMatch(/saved world could not be used/);
    e.ipcMain.emit('hvlab:subscribe', { sender: win.webContents, senderFrame: win.webContents.mainFrame });
    expect(notices()).toHaveLength(2);

    // Quitting disposes the engine host (in the engine's process), which saves the world beside the settings.
    await quit(e);
    expect(dispose).toHaveBeenCalledTimes(1);
  });

  it('puts the Hyper-V Manager menu bar up and sends Action commands to the page', async () => {
    const e = await boot();
    const built = e.Menu.setApplicationMenu.mock.calls[0]?.[0] as {
      template: { label?: string; submenu?: { id?: string; label?: string; click?: () => void }[] }[];
    };
    expect(built.template.map((m) => m.label)).toEqual(['&File', '&Action', '&View', '&Help']);
    const action = built.template[1]!.submenu!;
    action.find((i) => i.id === 'move')!.click!();
    const win = theWindow();
    expect(win.webContents.sent).toContainEqual(['hvlab:menu', 'move']);
    const view = built.template[2]!.submenu!;
    expect(view.some((i) => i.id === 'reload')).toBe(true); // app.isPackaged is false here
    view.find((i) => i.id === 'toggle-devtools')!.click!();
    expect(win.webContents.toggleDevTools).toHaveBeenCalled();
  });

  it('leaves Reload and DevTools out of a packaged build, and turns DevTools off', async () => {
    const e = await boot((x) => (x.app.isPackaged = true));
    const built = e.Menu.setApplicationMenu.mock.calls[0]?.[0] as { template: { submenu?: { id?: string }[] }[] };
    expect(built.template[2]!.submenu!.map((i) => i.id)).not.toContain('reload');
    expect(built.template[2]!.submenu!.map((i) => i.id)).not.toContain('toggle-devtools');
    expect(theWindow().options.webPreferences!.devTools).toBe(false);
  });

  it('shows job progress on the taskbar and a notification when a job ends', async () => {
    const e = await boot();
    const { Engine } = await import('../../../engine/engine');
    const job = (state: Job['state'], percent: number): Job =>
      Job.parse({
        id: 'job-1',
        cmdlet: 'Move-VMStorage',
        commandText: "Move-VMStorage -VMName 'VM01' -DestinationStoragePath 'D:\\VMs'",
        kind: 'StorageMove',
        vmName: 'VM01',
        destination: 'D:\\VMs',
        state,
        percent,
        createdAt: 0,
      });
    let jobs: Job[] = [job('Running', 40)];
    vi.spyOn(Engine.prototype, 'activeJobs').mockImplementation(() => jobs.filter((j) => j.state === 'Running' || j.state === 'Queued'));
    const realQuery = Engine.prototype.query;
    vi.spyOn(Engine.prototype, 'query').mockImplementation(function (this: InstanceType<typeof Engine>, q: unknown) {
      return (q as { name?: string }).name === 'jobs' ? { ok: true, value: jobs } : realQuery.call(this, q);
    });
    const win = theWindow();
    // Any engine event makes the door look at the jobs; a clock control broadcasts one.
    // The engine's process watches the jobs; the main process shows what it reports.
    await request(e, { kind: 'clock', id: 1, control: { action: 'setSpeed', speed: 1 } });
    await vi.waitFor(() => expect(win.progress.at(-1)).toEqual([0.4, { mode: 'normal' }]));
    jobs = [job('Completed', 100)];
    await request(e, { kind: 'clock', id: 2, control: { action: 'setSpeed', speed: 1 } });
    await vi.waitFor(() => expect(win.progress.at(-1)).toEqual([-1, { mode: 'none' }]));
    expect(FakeNotification.shown).toEqual([expect.objectContaining({ title: 'Storage migration completed', body: "'VM01' to D:\\VMs finished." })]);
    await request(e, { kind: 'clock', id: 3, control: { action: 'setSpeed', speed: 1 } });
    expect(FakeNotification.shown).toHaveLength(1);
  });

  it('runs the engine in a utility process; when it dies the page is told plainly and it is started again', async () => {
    const e = await boot();
    const win = theWindow();
    e.ipcMain.emit('hvlab:subscribe', { sender: win.webContents, senderFrame: win.webContents.mainFrame });
    expect(FakeUtilityProcess.forked).toHaveLength(1);
    expect(basename(FakeUtilityProcess.forked[0]!.modulePath)).toBe('engine-worker.cjs');
    FakeUtilityProcess.forked[0]!.crash(3);
    await vi.waitFor(() => expect(FakeUtilityProcess.forked).toHaveLength(2));
    const notices = () =>
      win.webContents.sent
        .filter(([c, p]) => c === 'hvlab:event' && (p as { type: string }).type === 'notice')
        .map(([, p]) => (p as { message: string }).message);
    await vi.waitFor(() => expect(notices()).toContainEqual(expect.stringMatching(/engine stopped unexpectedly \(exit code 3\) and was started again/)));
    await vi.waitFor(async () => expect(await request(e, { kind: 'query', id: 2, query: { name: 'clock' } })).toMatchObject({ id: 2, result: { ok: true } }), {
      timeout: 15_000,
    });
  });
});
