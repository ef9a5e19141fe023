// Desktop settings in electron-store (main process only), behind the engine's SettingsStore port.
// The file is checked before electron-store opens it: an unreadable one is moved aside and the
// user is told once (the notice), exactly as the browser host does with `conf`.
import { join } from 'node:path';
import { openSettingsFile, SETTINGS_SCHEMA_VERSION, type KeyValueStore, type KeyValueStoreOptions, type OpenedSettings } from '../node/conf-settings-store';

export type { KeyValueStore, KeyValueStoreOptions };

export const SETTINGS_NAME = 'settings';
export const WORLD_FILE_NAME = 'world.json';

export function settingsFilePath(userDataDir: string): string {
  return join(userDataDir, `${SETTINGS_NAME}.json`);
}

export function worldFilePath(userDataDir: string): string {
  return join(userDataDir, WORLD_FILE_NAME);
}

/**
 * Opens the settings with `createStore` (electron-store in the app, a fake in tests). A failed
 * write throws an error naming the file; the engine host's settings (EngineHost.settings) keep the
 * value in memory, tell the user and retry. If the store cannot be opened at all, settings live in
 * memory for this session and the user is told.
 */
export function openDesktopSettings(userDataDir: string, createStore: (options: KeyValueStoreOptions) => KeyValueStore): OpenedSettings {
  return openSettingsFile(
    settingsFilePath(userDataDir),
    { name: SETTINGS_NAME, cwd: userDataDir, defaults: { schemaVersion: SETTINGS_SCHEMA_VERSION }, clearInvalidConfig: false },
    createStore,
  );
}
