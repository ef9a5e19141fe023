// The console window's size, position and maximized state, kept in the settings store and given
// back at the next start — but only where it can be seen: a window saved on a monitor that is gone
// opens centred on the primary display instead.
import { z } from 'zod';
import type { BrowserWindow, Rectangle } from 'electron';
import type { SettingsStore } from '../../engine/persistence/state-store';

export const WINDOW_STATE_KEY = 'window';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 520 } as const;
/** How much of the title bar must lie on a display for the saved position to be used. */
const MIN_VISIBLE_TITLE_BAR = { width: 120, height: 24 } as const;
const TITLE_BAR_HEIGHT = 32;
const SAVE_DELAY_MS = 500;

export const SavedWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(MIN_WINDOW_SIZE.width).max(32_000),
  height: z.number().int().min(MIN_WINDOW_SIZE.height).max(32_000),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof SavedWindowState>;

export interface DisplayLike {
  workArea: Rectangle;
}

export interface RestoredWindowState {
  /** For the BrowserWindow constructor: x/y only when the saved place is visible. */
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** True when enough of the window's title bar lies on one display's work area to grab it. */
export function isVisibleOnSomeDisplay(bounds: Rectangle, displays: readonly DisplayLike[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(TITLE_BAR_HEIGHT, bounds.height) };
  const need = { width: Math.min(MIN_VISIBLE_TITLE_BAR.width, bounds.width), height: Math.min(MIN_VISIBLE_TITLE_BAR.height, titleBar.height) };
  return displays.some((d) => {
    const o = overlap(titleBar, d.workArea);
    return o.width >= need.width && o.height >= need.height;
  });
}

export function restoreWindowState(settings: SettingsStore, displays: readonly DisplayLike[], primary?: DisplayLike): RestoredWindowState {
  const parsed = SavedWindowState.safeParse(settings.get<unknown>(WINDOW_STATE_KEY, undefined));
  const area = primary?.workArea ?? displays[0]?.workArea;
  const fit = (width: number, height: number) => ({
    width: area ? Math.min(width, Math.max(MIN_WINDOW_SIZE.width, area.width)) : width,
    height: area ? Math.min(height, Math.max(MIN_WINDOW_SIZE.height, area.height)) : height,
  });
  if (!parsed.success) return { bounds: fit(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height), maximized: false };
  const saved = parsed.data;
  if (isVisibleOnSomeDisplay(saved, displays)) {
    return { bounds: { x: saved.x, y: saved.y, width: saved.width, height: saved.height }, maximized: saved.maximized };
  }
  return { bounds: fit(saved.width, saved.height), maximized: saved.maximized };
}

type WindowLike = Pick<BrowserWindow, 'getNormalBounds' | 'isMaximized' | 'isMinimized' | 'isFullScreen' | 'isDestroyed' | 'on'>;

export interface WindowStateTracker {
  /** Saves now (also done on 'close'). */
  save(): void;
  dispose(): void;
}

/** Saves the window's normal bounds and maximized flag shortly after each change and on close. */
export function trackWindowState(window: WindowLike, settings: SettingsStore, delayMs = SAVE_DELAY_MS): WindowStateTracker {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const save = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (disposed || window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const b = window.getNormalBounds();
    const state = { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width), height: Math.round(b.height), maximized: window.isMaximized() };
    if (SavedWindowState.safeParse(state).success) settings.set(WINDOW_STATE_KEY, state);
  };
  const later = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', later);
  window.on('close', save);
  return {
    save,
    dispose() {
      if (timer) clearTimeout(timer);
      disposed = true;
    },
  };
}
