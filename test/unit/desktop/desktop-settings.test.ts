// The desktop window's bounds in electron-store (window-state.json), with unreadable files moved
// aside first and a failing disk reported, never thrown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWindowSettings, type KeyValueStoreOptions } from '../../../doors/desktop/desktop-settings';
import FakeElectronStore, { openedWith, resetFakeElectronStore } from './fake-electron-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-settings-'));
  resetFakeElectronStore();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const create = (o: KeyValueStoreOptions) => new FakeElectronStore(o);
const failures: unknown[] = [];
const onWriteFailed = (e: unknown) => failures.push(e);
beforeEach(() => (failures.length = 0));

describe('openWindowSettings', () => {
  it("opens window-state.json in userData, a file of the main process's own (the engine writes settings.json)", () => {
    const opened = openWindowSettings(dir, create, onWriteFailed);
    expect(opened.notice).toBeUndefined();
    expect(openedWith).toEqual([{ name: 'window-state', cwd: dir, defaults: { schemaVersion: 1 }, clearInvalidConfig: false }]);
    opened.store.set('window', { width: 1200 });
    expect(opened.store.get('window', {})).toEqual({ width: 1200 });
    expect(opened.store.get('missing', 'fallback')).toBe('fallback');
  });

  it('moves an unreadable or newer file aside before the store opens it, and says so', () => {
    writeFileSync(join(dir, 'window-state.json'), '{"schemaVersion": 99}');
    const opened = openWindowSettings(dir, create, onWriteFailed);
    expect(opened.notice).toMatch(/newer than this build/);
    expect(existsSync(join(dir, 'window-state.json'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('window-state.corrupt-'))).toHaveLength(1);
  });

  it('falls back to memory, with a notice, when the store cannot be opened', () => {
    const opened = openWindowSettings(
      dir,
      () => {
        throw new Error('EACCES: permission denied');
      },
      onWriteFailed,
    );
    expect(opened.notice).toMatch(/could not be opened \(EACCES/);
    opened.store.set('a', 1);
    expect(opened.store.get('a', 0)).toBe(1);
  });

  it('reports a failing write (disk full) and never throws: losing the last position must not take the app down', () => {
    const opened = openWindowSettings(
      dir,
      () => ({
        has: () => false,
        get: () => undefined,
        set: () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      }),
      onWriteFailed,
    );
    expect(() => opened.store.set('window', { width: 800 })).not.toThrow();
    expect(failures).toHaveLength(1);
    expect(String(failures[0])).toContain(`${join(dir, 'window-state.json')}: the disk is full (ENOSPC)`);
  });
});
