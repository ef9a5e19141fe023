// Settings for the browser host and CLI through `conf` — the library electron-store is built on, so
// the desktop and the browser keep settings the same way. An unreadable file is moved aside first:
// conf would otherwise throw (or silently clear it), and we promise to say so and keep a copy.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import type { SettingsStore } from '../../engine/persistence/state-store';
import { quarantine } from './atomic-file';
import { readUserFile, UserFileError } from './user-file';

export interface OpenedSettings {
  store: SettingsStore;
  notice?: string;
}

export const SETTINGS_SCHEMA_VERSION = 1;
/** Settings are a few keys; anything near this is not a settings file. */
const SETTINGS_MAX_BYTES = 1024 * 1024;

/** Checks a settings file before a store library opens it; returns a notice if it was moved aside. */
export function quarantineIfUnreadable(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  let reason: string | undefined;
  try {
    const parsed: unknown = JSON.parse(readUserFile(path, { maxBytes: SETTINGS_MAX_BYTES, what: 'settings' }));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) reason = 'it is not a settings object';
    else {
      const v = (parsed as { schemaVersion?: unknown }).schemaVersion;
      if (v !== undefined && (typeof v !== 'number' || v > SETTINGS_SCHEMA_VERSION)) reason = `it has settings schema version ${String(v)}, newer than this build's ${SETTINGS_SCHEMA_VERSION}`;
    }
  } catch (err) {
    reason = err instanceof UserFileError ? err.reason : `it is not valid JSON (${(err as Error).message})`;
  }
  if (!reason) return undefined;
  const movedTo = quarantine(path);
  return `Your settings could not be read because ${reason}. They were moved to ${movedTo} and defaults are in use.`;
}

export function openConfSettings(dataDir: string): OpenedSettings {
  const notice = quarantineIfUnreadable(join(dataDir, 'settings.json'));
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'hyperv-mobility-lab',
    defaults: { schemaVersion: SETTINGS_SCHEMA_VERSION },
  });
  return {
    store: {
      get: <T>(key: string, fallback: T) => (conf.has(key) ? (conf.get(key) as T) : fallback),
      set: (key, value) => conf.set(key, value),
    },
    ...(notice ? { notice } : {}),
  };
}
