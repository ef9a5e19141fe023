// The IPC transport alone: sender checks, validation by the engine host, notices held until the page listens.
import { describe, expect, it, vi } from 'vitest';
import type { IpcMain } from 'electron';
import { installIpcBridge, isTrustedSender, REFUSED_SENDER_MESSAGE, type WindowLike } from '../../../doors/desktop/ipc-bridge';
import { EngineHost } from '../../../doors/common/engine-host';
import { electron, FakeBrowserWindow, FakeWebFrame, resetFakeElectron } from './fake-electron';

function setup() {
  resetFakeElectron();
  const win = new FakeBrowserWindow({});
  const engine = new EngineHost({ startClock: false });
  const onRefused = vi.fn();
  const bridge = installIpcBridge({ ipcMain: electron.ipcMain as unknown as IpcMain, engine, window: win as unknown as WindowLike, onRefused });
  const handler = electron.ipcMain.handlers.get('hvlab:request')!;
  const ask = (raw: unknown, senderFrame: FakeWebFrame | null = win.webContents.mainFrame, sender: unknown = win.webContents) =>
    handler({ sender, senderFrame }, raw) as ReturnType<EngineHost['handle']>;
  const subscribe = (senderFrame: FakeWebFrame | null = win.webContents.mainFrame) =>
    electron.ipcMain.emit('hvlab:subscribe', { sender: win.webContents, senderFrame });
  return { win, engine, bridge, ask, subscribe, onRefused };
}

describe('isTrustedSender', () => {
  it('trusts the main frame of the console window on the app origin only', () => {
    const win = new FakeBrowserWindow({});
    const w = win as unknown as WindowLike;
    const main = win.webContents.mainFrame;
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: main }, w)).toBe(true);
    // A different WebFrameMain object for the same frame is still the main frame.
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: new FakeWebFrame(main.url, null, main.processId, main.routingId) }, w)).toBe(true);
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: new FakeWebFrame(main.url, null, 99, 1) }, w)).toBe(false);
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: new FakeWebFrame(main.url, main, main.processId, 5) }, w)).toBe(false);
    main.url = 'https://example.com/';
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: main }, w)).toBe(false);
    main.url = 'hvlab://console/index.html';
    win.destroyed = true;
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: main }, w)).toBe(false);
  });

  it('treats a frame that throws on access (disposed) as untrusted', () => {
    const win = new FakeBrowserWindow({});
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed');
      },
      parent: null,
      processId: 7,
      routingId: 1,
    };
    expect(isTrustedSender({ sender: win.webContents as never, senderFrame: disposed }, win as unknown as WindowLike)).toBe(false);
  });
});

describe('installIpcBridge', () => {
  it('passes trusted requests to the engine host, which validates them', () => {
    const { ask, engine } = setup();
    expect(ask({ kind: 'query', id: 1, query: { name: 'jobs' } })).toMatchObject({ id: 1, result: { ok: true, value: [] } });
    const bad = ask({ kind: 'clock', id: 2, control: { action: 'setSpeed', speed: 7 } });
    expect(bad.result.ok).toBe(false);
    if (!bad.result.ok) expect(bad.result.error.issues?.[0]?.path).toBe('control.speed');
    expect(ask('not even an object').result.ok).toBe(false);
    engine.dispose();
  });

  it('refuses other frames with an error carrying the request id', () => {
    const { ask, engine, onRefused } = setup();
    const handle = vi.spyOn(engine, 'handle');
    const r = ask({ kind: 'query', id: 12, query: { name: 'world' } }, new FakeWebFrame('https://example.com/'));
    expect(r).toEqual({ kind: 'result', id: 12, result: { ok: false, error: { code: 'InvalidRequest', message: REFUSED_SENDER_MESSAGE } } });
    expect(ask({ id: -3 }, null).id).toBe(0);
    expect(handle).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('hvlab:request', 'https://example.com/');
    engine.dispose();
  });

  it('forwards events, but holds notices until the page subscribes; a reload subscribes again', () => {
    const { win, bridge, subscribe, engine } = setup();
    bridge.forward({ type: 'clock', clock: { now: 1, speed: 1, idle: true } });
    bridge.forward({ type: 'notice', level: 'warning', message: 'settings moved aside' });
    expect(win.webContents.sent.map(([, e]) => (e as { type: string }).type)).toEqual(['clock']);
    subscribe(new FakeWebFrame('https://example.com/'));
    expect(win.webContents.sent).toHaveLength(1);
    subscribe();
    expect(win.webContents.sent.map(([c, e]) => [c, (e as { type: string }).type])).toEqual([
      ['hvlab:event', 'clock'],
      ['hvlab:event', 'notice'],
    ]);
    bridge.forward({ type: 'notice', level: 'info', message: 'now' });
    expect(win.webContents.sent).toHaveLength(3);

    win.webContents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false, url: 'hvlab://console/index.html' });
    bridge.forward({ type: 'notice', level: 'info', message: 'after reload' });
    expect(win.webContents.sent).toHaveLength(3);
    subscribe();
    expect(win.webContents.sent).toHaveLength(4);
    engine.dispose();
  });

  it('sends menu commands, skips a destroyed window, and removes its handlers on dispose', () => {
    const { win, bridge, engine } = setup();
    bridge.menu('move');
    expect(win.webContents.sent).toEqual([['hvlab:menu', 'move']]);
    win.destroyed = true;
    bridge.menu('start');
    expect(win.webContents.sent).toHaveLength(1);
    bridge.dispose();
    expect(electron.ipcMain.handlers.has('hvlab:request')).toBe(false);
    expect(electron.ipcMain.listenerCount('hvlab:subscribe')).toBe(0);
    engine.dispose();
  });
});
