// Settings for the browser host and CLI through `conf` — the library electron-store is built on, so
// the desktop and the browser keep settings the same way. An unreadable file is moved aside first:
// conf would otherwise throw (or silently clear it), and we promise to say so and keep a copy.
import { join } from 'node:path';
import Conf from 'conf';
import type { SettingsStore } from '../../engine/persistence/state-store';
import { memorySettings } from '../common/pending-settings';
import { quarantine } from './atomic-file';
import { readUserFile, UserFileError } from './user-file';
import { describeFileError, errorCode, fileError } from './file-errors';

export interface OpenedSettings {
  store: SettingsStore;
  notice?: string;
}

export const SETTINGS_SCHEMA_VERSION = 1;
/** Settings are a few keys; anything near this is not a settings file. */
const SETTINGS_MAX_BYTES = 1024 * 1024;

/** The options handed to conf / electron-store (a subset of their Options). */
export interface KeyValueStoreOptions {
  name: string;
  cwd: string;
  defaults: Record<string, unknown>;
  clearInvalidConfig: false;
}

/** What we use of a conf or electron-store instance. */
export interface KeyValueStore {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Checks a settings file before a store library opens it; returns a notice if it was moved aside. */
export function quarantineIfUnreadable(path: string): string | undefined {
  let reason: string | undefined;
  try {
    const parsed: unknown = JSON.parse(readUserFile(path, { maxBytes: SETTINGS_MAX_BYTES, what: 'settings' }));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) reason = 'it is not a settings object';
    else {
      const v = (parsed as { schemaVersion?: unknown }).schemaVersion;
      if (v !== undefined && (typeof v !== 'number' || v > SETTINGS_SCHEMA_VERSION))
        reason = `it has settings schema version ${String(v)}, newer than this build's ${SETTINGS_SCHEMA_VERSION}`;
    }
  } catch (err) {
    const failure = err instanceof UserFileError ? err.cause : err;
    if (errorCode(failure) === 'ENOENT') return undefined;
    if (failure !== undefined && !(failure instanceof SyntaxError)) {
      // The file system refused the read (permission denied, I/O error): the file may be fine, so it
      // is moved aside unchanged rather than left for the store library to write over. If it cannot
      // be moved, the library cannot read it either and the caller falls back to settings in memory.
      try {
        const movedTo = quarantine(path, 'unreadable');
        return `Your settings could not be read (${describeFileError(failure)}). The file was moved, unchanged, to ${movedTo} and defaults are in use.`;
      } catch {
        return undefined; // the store library's own read fails next, and openSettingsFile says why
      }
    }
    reason = err instanceof UserFileError ? err.reason : `it is not valid JSON (${(err as Error).message})`;
  }
  if (!reason) return undefined;
  const movedTo = quarantine(path);
  return `Your settings could not be read because ${reason}. They were moved to ${movedTo} and defaults are in use.`;
}

/**
 * Opens a settings file with a store library (`createStore`: conf, electron-store, or a test's
 * fake). A write that fails throws an error naming the file (the engine host keeps the value in
 * memory and retries); a file that cannot be opened at all leaves settings in memory for this
 * session, and the user is told.
 */
export function openSettingsFile(path: string, options: KeyValueStoreOptions, createStore: (options: KeyValueStoreOptions) => KeyValueStore): OpenedSettings {
  const notices: string[] = [];
  let moved: string | undefined;
  try {
    moved = quarantineIfUnreadable(path);
  } catch (err) {
    notices.push(`Your settings at ${path} could not be used, and could not be moved aside (${describeFileError(err)}).`);
  }
  if (moved) notices.push(moved);
  let store: SettingsStore;
  try {
    const kv = createStore(options);
    store = {
      get: <T>(key: string, fallback: T) => (kv.has(key) ? (kv.get(key) as T) : fallback),
      set: (key, value) => {
        try {
          kv.set(key, value);
        } catch (err) {
          throw fileError(path, err);
        }
      },
    };
  } catch (err) {
    store = memorySettings();
    notices.push(`Your settings could not be opened (${describeFileError(err)}); changes made now will not be kept after you close the console.`);
  }
  return { store, ...(notices.length ? { notice: notices.join(' ') } : {}) };
}

export function openConfSettings(dataDir: string): OpenedSettings {
  return openSettingsFile(
    join(dataDir, 'settings.json'),
    { name: 'settings', cwd: dataDir, defaults: { schemaVersion: SETTINGS_SCHEMA_VERSION }, clearInvalidConfig: false },
    (o) =>
      new Conf<Record<string, unknown>>({
        cwd: o.cwd,
        configName: o.name,
        projectName: 'hyperv-mobility-lab',
        defaults: o.defaults,
        clearInvalidConfig: o.clearInvalidConfig,
      }),
  );
}
