// The desktop main process's own settings (the window's bounds) in electron-store, behind the
// engine's SettingsStore port. The engine's utility process writes settings.json with `conf` (the
// library electron-store is built on), so the window keeps a file of its own: two processes never
// write one file. The file is checked before electron-store opens it: an unreadable one is moved
// aside, exactly as the browser host does with `conf`.
import { join } from 'node:path';
import { openSettingsFile, SETTINGS_SCHEMA_VERSION, type KeyValueStore, type KeyValueStoreOptions, type OpenedSettings } from '../node/conf-settings-store';

export type { KeyValueStore, KeyValueStoreOptions };

/** The window's file: bounds and maximized state, written by the main process only. */
export const WINDOW_SETTINGS_NAME = 'window-state';

/**
 * Opens the window's settings with `createStore` (electron-store in the app, a fake in tests). A
 * write that fails is reported to `onWriteFailed` and otherwise ignored: losing the window's last
 * position must never take the app down.
 */
export function openWindowSettings(
  userDataDir: string,
  createStore: (options: KeyValueStoreOptions) => KeyValueStore,
  onWriteFailed: (error: unknown) => void,
): OpenedSettings {
  const opened = openSettingsFile(
    join(userDataDir, `${WINDOW_SETTINGS_NAME}.json`),
    { name: WINDOW_SETTINGS_NAME, cwd: userDataDir, defaults: { schemaVersion: SETTINGS_SCHEMA_VERSION }, clearInvalidConfig: false },
    createStore,
  );
  const { store } = opened;
  return {
    ...opened,
    store: {
      get: (key, fallback) => store.get(key, fallback),
      set: (key, value) => {
        try {
          store.set(key, value);
        } catch (err) {
          onWriteFailed(err);
        }
      },
    },
  };
}
