// One console per user.
import { describe, expect, it } from 'vitest';
import type { App, BrowserWindow } from 'electron';
import { claimSingleInstance } from '../../../doors/desktop/single-instance';
import { FakeBrowserWindow, resetFakeElectron } from './fake-electron';

describe('claimSingleInstance', () => {
  it('quits at once when another instance has the lock', () => {
    const { app } = resetFakeElectron();
    app.lock = false;
    expect(claimSingleInstance(app as unknown as App, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings the first window forward when a second instance starts', () => {
    const { app } = resetFakeElectron();
    const current: { win?: FakeBrowserWindow } = {};
    expect(claimSingleInstance(app as unknown as App, () => current.win as unknown as BrowserWindow | undefined)).toBe(true);
    app.emit('second-instance', {}, ['hvlab'], '/');
    const win = (current.win = new FakeBrowserWindow({}));
    win.minimized = true;
    app.emit('second-instance', {}, ['hvlab'], '/');
    expect(win).toMatchObject({ minimized: false, visible: true, focused: 1 });
    win.destroyed = true;
    app.emit('second-instance', {}, ['hvlab'], '/');
    expect(win.focused).toBe(1);
    expect(app.quit).not.toHaveBeenCalled();
  });
});
