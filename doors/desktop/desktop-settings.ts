// Desktop settings in electron-store (main process only), behind the engine's SettingsStore port.
// The file is checked before electron-store opens it: an unreadable one is moved aside and the
// user is told once (the notice), exactly as the browser host does with `conf`.
import { join } from 'node:path';
import type { SettingsStore } from '../../engine/persistence/state-store';
import { quarantineIfUnreadable, SETTINGS_SCHEMA_VERSION, type OpenedSettings } from '../node/conf-settings-store';

export const SETTINGS_NAME = 'settings';
export const WORLD_FILE_NAME = 'world.json';

/** The options handed to electron-store (a subset of its Options). */
export interface KeyValueStoreOptions {
  name: string;
  cwd: string;
  defaults: Record<string, unknown>;
  clearInvalidConfig: false;
}

/** What we use of an electron-store instance. */
export interface KeyValueStore {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export function settingsFilePath(userDataDir: string): string {
  return join(userDataDir, `${SETTINGS_NAME}.json`);
}

export function worldFilePath(userDataDir: string): string {
  return join(userDataDir, WORLD_FILE_NAME);
}

function memoryStore(): SettingsStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string, fallback: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    set: (key, value) => void values.set(key, value),
  };
}

/**
 * Opens the settings with `createStore` (electron-store in the app, a fake in tests). If the store
 * cannot be opened at all, settings live in memory for this session and the user is told.
 */
export function openDesktopSettings(userDataDir: string, createStore: (options: KeyValueStoreOptions) => KeyValueStore): OpenedSettings {
  const notices: string[] = [];
  const moved = quarantineIfUnreadable(settingsFilePath(userDataDir));
  if (moved) notices.push(moved);
  let store: SettingsStore;
  try {
    const kv = createStore({ name: SETTINGS_NAME, cwd: userDataDir, defaults: { schemaVersion: SETTINGS_SCHEMA_VERSION }, clearInvalidConfig: false });
    store = {
      get: <T>(key: string, fallback: T) => (kv.has(key) ? (kv.get(key) as T) : fallback),
      set: (key, value) => {
        try {
          kv.set(key, value);
        } catch {
          // A full or read-only disk must not take the console down; the value is simply not kept.
        }
      },
    };
  } catch (err) {
    store = memoryStore();
    notices.push(`Your settings could not be opened (${(err as Error).message}); changes made now will not be kept after you close the console.`);
  }
  return { store, ...(notices.length ? { notice: notices.join(' ') } : {}) };
}
