// Window bounds remembered in the settings store, restored only where they can be seen.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import type { SettingsStore } from '../../../engine/persistence/state-store';
import { DEFAULT_WINDOW_SIZE, WINDOW_STATE_KEY, isVisibleOnSomeDisplay, restoreWindowState, trackWindowState } from '../../../doors/desktop/window-state';
import { FakeBrowserWindow } from './fake-electron';

function memory(initial: Record<string, unknown> = {}): SettingsStore & { values: Map<string, unknown> } {
  const values = new Map(Object.entries(initial));
  return { values, get: <T>(k: string, f: T) => (values.has(k) ? (values.get(k) as T) : f), set: (k, v) => void values.set(k, v) };
}

const primary = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const right = { workArea: { x: 1920, y: 0, width: 1280, height: 984 } };

afterEach(() => vi.useRealTimers());

describe('isVisibleOnSomeDisplay', () => {
  it('needs a grabbable part of the title bar on one display', () => {
    expect(isVisibleOnSomeDisplay({ x: 100, y: 100, width: 1000, height: 700 }, [primary])).toBe(true);
    expect(isVisibleOnSomeDisplay({ x: 2000, y: 100, width: 1000, height: 700 }, [primary])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 2000, y: 100, width: 1000, height: 700 }, [primary, right])).toBe(true);
    // Only 50 px of the window on screen: not enough to grab it.
    expect(isVisibleOnSomeDisplay({ x: 1870, y: 100, width: 1000, height: 700 }, [primary])).toBe(false);
    // Title bar above the top of the screen.
    expect(isVisibleOnSomeDisplay({ x: 100, y: -600, width: 1000, height: 700 }, [primary])).toBe(false);
  });
});

describe('restoreWindowState', () => {
  it('uses defaults when nothing (or garbage) was saved', () => {
    expect(restoreWindowState(memory(), [primary], primary)).toEqual({ bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false });
    expect(restoreWindowState(memory({ [WINDOW_STATE_KEY]: { x: 'a' } }), [primary], primary).bounds).toEqual({ ...DEFAULT_WINDOW_SIZE });
    expect(restoreWindowState(memory({ [WINDOW_STATE_KEY]: { x: 0, y: 0, width: 10, height: 10, maximized: false } }), [primary], primary).bounds).toEqual({
      ...DEFAULT_WINDOW_SIZE,
    });
  });

  it('restores a visible position, and drops an invisible one keeping the size (fitted to the screen)', () => {
    const saved = { x: 2100, y: 50, width: 1200, height: 900, maximized: true };
    expect(restoreWindowState(memory({ [WINDOW_STATE_KEY]: saved }), [primary, right], primary)).toEqual({
      bounds: { x: 2100, y: 50, width: 1200, height: 900 },
      maximized: true,
    });
    expect(restoreWindowState(memory({ [WINDOW_STATE_KEY]: saved }), [primary], primary)).toEqual({ bounds: { width: 1200, height: 900 }, maximized: true });
    const small = { workArea: { x: 0, y: 0, width: 1024, height: 728 } };
    expect(restoreWindowState(memory({ [WINDOW_STATE_KEY]: saved }), [small], small).bounds).toEqual({ width: 1024, height: 728 });
  });
});

describe('trackWindowState', () => {
  it('saves normal bounds and maximized shortly after changes and on close', () => {
    vi.useFakeTimers();
    const settings = memory();
    const win = new FakeBrowserWindow({ x: 10, y: 20, width: 1000, height: 700 });
    const tracker = trackWindowState(win as unknown as BrowserWindow, settings, 500);
    win.bounds = { x: 30, y: 40, width: 1001.4, height: 701 };
    win.emit('move');
    win.emit('resize');
    expect(settings.values.has(WINDOW_STATE_KEY)).toBe(false);
    vi.advanceTimersByTime(500);
    expect(settings.values.get(WINDOW_STATE_KEY)).toEqual({ x: 30, y: 40, width: 1001, height: 701, maximized: false });
    win.maximized = true;
    win.emit('close');
    expect(settings.values.get(WINDOW_STATE_KEY)).toEqual({ x: 30, y: 40, width: 1001, height: 701, maximized: true });
    win.minimized = true;
    win.bounds = { x: -32000, y: -32000, width: 160, height: 28 };
    win.emit('close');
    expect(settings.values.get(WINDOW_STATE_KEY)).toMatchObject({ x: 30 });
    tracker.dispose();
    win.minimized = false;
    win.emit('close');
    expect(settings.values.get(WINDOW_STATE_KEY)).toMatchObject({ x: 30 });
  });
});
