// One console per user: a second launch hands over to the first, which comes to the front.
import type { App, BrowserWindow } from 'electron';

type AppLike = Pick<App, 'requestSingleInstanceLock' | 'quit' | 'on'>;
type WindowLike = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>;

export function focusWindow(window: WindowLike | undefined): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

/** Returns false (and quits) when another instance holds the lock. */
export function claimSingleInstance(app: AppLike, currentWindow: () => WindowLike | undefined): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => focusWindow(currentWindow()));
  return true;
}
