import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonStateStore } from '../../../doors/node/json-state-store';
import { openConfSettings } from '../../../doors/node/conf-settings-store';
import { encodeState } from '../../../engine/persistence/saved-state';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { EngineHost } from '../../../doors/common/engine-host';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const corruptFiles = () => readdirSync(dir).filter((f) => /\.corrupt-.*\.json$/.test(f));

function validStateText(): string {
  return encodeState(new Engine({ world: defaultWorld() }).state());
}

describe('JsonStateStore', () => {
  it('round-trips the engine state', () => {
    const store = new JsonStateStore(join(dir, 'world.json'));
    const engine = new Engine({ world: defaultWorld() });
    engine.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } });
    engine.advance(5000);
    store.save(engine.state());
    const loaded = store.load();
    expect(loaded.notice).toBeUndefined();
    expect(loaded.state).toEqual(engine.state());
  });

  it('starts empty when there is no file', () => {
    expect(new JsonStateStore(join(dir, 'none.json')).load()).toEqual({});
  });

  const cases: [string, () => string, RegExp][] = [
    ['a truncated file', () => validStateText().slice(0, 200), /not valid JSON/],
    ['random bytes', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256)).toString('latin1'), /not valid JSON/],
    [
      'a schema violation',
      () => validStateText().replace('"memoryBytes":', '"memoryBytes":"lots","x":'),
      /does not match the saved-state schema \(state\.world\.hosts\.0\.memoryBytes/,
    ],
    ['a newer version', () => validStateText().replace('"version":1', '"version":99'), /newer version/],
  ];
  for (const [what, make, reason] of cases) {
    it(`moves ${what} aside, says why once, and starts from defaults`, () => {
      const path = join(dir, 'world.json');
      const bad = make();
      writeFileSync(path, bad, 'latin1');
      const store = new JsonStateStore(path);
      const loaded = store.load();
      expect(loaded.state).toBeUndefined();
      expect(loaded.notice).toMatch(reason);
      expect(existsSync(path)).toBe(false);
      const [moved] = corruptFiles();
      expect(moved).toMatch(/^world\.corrupt-\d{4}-\d\d-\d\dT.*\.json$/);
      expect(readFileSync(join(dir, moved!), 'latin1')).toBe(bad);
      expect(loaded.notice).toContain(moved);

      const host = new EngineHost({ store, notices: loaded.notice ? [loaded.notice] : [], startClock: false });
      const seen: string[] = [];
      host.subscribe((e) => e.type === 'notice' && seen.push(e.message));
      host.subscribe((e) => e.type === 'notice' && seen.push(e.message));
      expect(seen).toHaveLength(1);
      expect(host.engine.view().world.vms.map((v) => v.name)).toContain('SQL01');
      host.dispose();
    });
  }
});

describe('conf settings', () => {
  it('keeps values and moves an unreadable file aside with a notice', () => {
    const first = openConfSettings(dir);
    first.store.set('clockSpeed', 10);
    expect(openConfSettings(dir).store.get('clockSpeed', 1)).toBe(10);
    writeFileSync(join(dir, 'settings.json'), '{"clockSpeed": 1');
    const reopened = openConfSettings(dir);
    expect(reopened.notice).toMatch(/settings could not be read because it is not valid JSON/);
    expect(reopened.store.get('clockSpeed', 1)).toBe(1);
    expect(corruptFiles()).toHaveLength(1);
  });

  it('refuses settings from a newer version', () => {
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 7 }));
    expect(openConfSettings(dir).notice).toMatch(/newer than this build/);
  });
});
