// Settings in electron-store behind the SettingsStore port, with unreadable files moved aside first.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDesktopSettings, settingsFilePath, worldFilePath, type KeyValueStoreOptions } from '../../../doors/desktop/desktop-settings';
import FakeElectronStore, { openedWith, resetFakeElectronStore } from './fake-electron-store';
import { EngineHost } from '../../../doors/common/engine-host';
import { RETRY_FIRST_MS } from '../../../doors/common/autosave';
import { manualTimer } from '../../support/manual-timer';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-settings-'));
  resetFakeElectronStore();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const create = (o: KeyValueStoreOptions) => new FakeElectronStore(o);

describe('openDesktopSettings', () => {
  it('opens settings.json in userData, beside world.json', () => {
    const opened = openDesktopSettings(dir, create);
    expect(opened.notice).toBeUndefined();
    expect(openedWith).toEqual([{ name: 'settings', cwd: dir, defaults: { schemaVersion: 1 }, clearInvalidConfig: false }]);
    expect(settingsFilePath(dir)).toBe(join(dir, 'settings.json'));
    expect(worldFilePath(dir)).toBe(join(dir, 'world.json'));
    opened.store.set('clockSpeed', 10);
    expect(opened.store.get('clockSpeed', 1)).toBe(10);
    expect(opened.store.get('missing', 'fallback')).toBe('fallback');
  });

  it('moves an unreadable or newer settings file aside before the store opens it, and says so', () => {
    writeFileSync(join(dir, 'settings.json'), '{"schemaVersion": 99}');
    const opened = openDesktopSettings(dir, create);
    expect(opened.notice).toMatch(/newer than this build/);
    expect(existsSync(join(dir, 'settings.json'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('settings.corrupt-'))).toHaveLength(1);
  });

  it('falls back to memory, with a notice, when the store cannot be opened', () => {
    const opened = openDesktopSettings(dir, () => {
      throw new Error('EACCES: permission denied');
    });
    expect(opened.notice).toMatch(/could not be opened \(EACCES/);
    opened.store.set('a', 1);
    expect(opened.store.get('a', 0)).toBe(1);
  });

  it('does not let a failing write take the console down: the value is kept, the user told, and the write retried', () => {
    let full = true;
    const values = new Map<string, unknown>();
    const opened = openDesktopSettings(dir, () => ({
      has: (k) => values.has(k),
      get: (k) => values.get(k),
      set: (k, v) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        values.set(k, v);
      },
    }));
    // The store names the file; the engine host's settings (what the window-state tracker uses) never throw.
    expect(() => opened.store.set('a', 1)).toThrow(`${join(dir, 'settings.json')}: the disk is full (ENOSPC)`);
    const wall = manualTimer();
    const host = new EngineHost({ settings: opened.store, timer: wall.timer, startClock: false });
    expect(() => host.settings.set('window', { width: 800 })).not.toThrow();
    expect(host.settings.get('window', {})).toEqual({ width: 800 });
    const notices = host.takeNotices().filter((n) => n.level === 'error');
    expect(notices.map((n) => n.message)).toEqual([
      expect.stringMatching(/^Your settings and lab progress could not be saved \(.*settings\.json: the disk is full \(ENOSPC\)\)/),
    ]);
    full = false;
    wall.pass(RETRY_FIRST_MS);
    expect(values.get('window')).toEqual({ width: 800 });
    expect(host.takeNotices().map((n) => n.message)).toEqual([expect.stringMatching(/saved again/)]);
    host.dispose();
  });
});
