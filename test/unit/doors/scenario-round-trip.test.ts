// Issue "Never lose the user's work": a scenario survives Save, Open, quit, a browser-host restart
// and a lab round trip unchanged. The door here is the browser host's stack on a real data folder
// (world.json, settings.json through conf, scenarios/*.hvlab.json, world-aside.json); "unchanged"
// is deep equality of the engine's serialized state (world, jobs, event log, clock).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import { JsonStateStore } from '../../../doors/node/json-state-store';
import { openConfSettings } from '../../../doors/node/conf-settings-store';
import { fileAsideStore, nodeScenarioFiles } from '../../../doors/node/scenario-files';
import { manualTimer } from '../../support/manual-timer';
import type { EngineEvent, LabAction, LabResult, Result, ScenarioAction, ScenarioResult, ScenarioStatus } from '../../../engine/contract';
import type { EngineState } from '../../../engine/engine';
import { decodeScenario } from '../../../engine/persistence/scenario-file';

const LAB = 'storage-single-location';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'hvlab-scenario-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** The browser host's door on dataDir (web.main.ts wires the same stores), its clock stopped. */
function open() {
  const wall = manualTimer();
  const settings = openConfSettings(dataDir);
  const host = new EngineHost({
    timer: wall.timer,
    startClock: false,
    store: new JsonStateStore(join(dataDir, 'world.json')),
    settings: settings.store,
    scenarios: { files: nodeScenarioFiles(dataDir), aside: fileAsideStore(join(dataDir, 'world-aside.json')) },
  });
  const events: EngineEvent[] = [];
  host.subscribe((e) => events.push(e));
  let id = 1;
  const scenario = <A extends ScenarioAction>(action: A) => host.handle({ kind: 'scenario', id: id++, action }).result as Result<ScenarioResult<A>>;
  const ok = <A extends ScenarioAction>(action: A): ScenarioResult<A> => {
    const r = scenario(action);
    if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
    return r.value;
  };
  const lab = <A extends LabAction>(action: A) => host.handle({ kind: 'lab', id: id++, action }).result as Result<LabResult<A>>;
  const run = (text: string) => {
    const r = host.handle({ kind: 'run', id: id++, text });
    expect(r.result.ok).toBe(true);
  };
  const untilIdle = () => host.handle({ kind: 'clock', id: id++, control: { action: 'runUntilIdle' } });
  /** What a quit leaves: the host disposed (saving), as web.main.ts does on SIGINT. */
  const quit = () => host.dispose();
  return { host, events, scenario, ok, lab, run, untilIdle, quit, state: (): EngineState => host.engine.state() };
}

/** A datacenter with history: a finished live migration, a VM started, log entries, the clock moved on. */
function work(d: ReturnType<typeof open>): void {
  d.run('Move-VM WEB01 HV02');
  d.untilIdle();
  d.run('Start-VM TEST01 -ComputerName HV02');
  d.untilIdle();
}

describe('a scenario round trip', () => {
  it('comes back unchanged after Save As, Open, Revert, a restart and a lab', () => {
    const d = open();
    expect(d.ok({ type: 'status' })).toMatchObject({ name: 'Untitled', dirty: false, location: 'none', lab: null });
    work(d);
    const saved = d.state();
    expect(saved.jobs.length).toBeGreaterThan(0);
    expect(saved.log.length).toBeGreaterThan(0);
    expect(saved.now).toBeGreaterThan(0);
    expect(d.ok({ type: 'status' }).dirty).toBe(true);

    // Save As: the file holds exactly the state.
    const afterSave = d.ok({ type: 'saveAs', name: 'Rack A' });
    expect(afterSave).toMatchObject({ name: 'Rack A', dirty: false, location: 'library', where: 'Rack A.hvlab.json' });
    expect(afterSave.library.map((s) => s.name)).toEqual(['Rack A']);
    expect(afterSave.recent).toMatchObject([{ name: 'Rack A', where: 'Data folder' }]);
    const file = decodeScenario(readFileSync(join(dataDir, 'scenarios', 'Rack A.hvlab.json'), 'utf8'));
    expect(file.ok && file.state).toEqual(saved);

    // Modify, then Revert.
    d.run('Move-VMStorage SQL01 -DestinationStoragePath E:\\VMs\\SQL01 -ComputerName HV01');
    d.untilIdle();
    expect(d.ok({ type: 'status' }).dirty).toBe(true);
    expect(d.state()).not.toEqual(saved);
    expect(d.ok({ type: 'revert' })).toMatchObject({ name: 'Rack A', dirty: false });
    expect(d.state()).toEqual(saved);

    // New, then Open.
    d.ok({ type: 'new', template: 'empty' });
    expect(d.state().world.vms).toEqual([]);
    expect(d.ok({ type: 'open', name: 'Rack A' })).toMatchObject({ name: 'Rack A', dirty: false });
    expect(d.state()).toEqual(saved);

    // Quit and restart the host on the same data folder.
    d.quit();
    const again = open();
    expect(again.state()).toEqual(saved);
    expect(again.ok({ type: 'status' })).toMatchObject({ name: 'Rack A', dirty: false, location: 'library' });

    // A lab round trip, with a host restart in the middle of the lab.
    const started = again.lab({ type: 'start', labId: LAB });
    expect(started.ok).toBe(true);
    expect(again.state()).not.toEqual(saved);
    expect(again.ok({ type: 'status' }).lab).toMatchObject({ id: LAB });
    expect(existsSync(join(dataDir, 'world-aside.json'))).toBe(true);
    again.run('Move-VMStorage SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
    again.quit();
    const midLab = open();
    expect(midLab.ok({ type: 'status' })).toMatchObject({ name: 'Rack A', lab: { id: LAB } });
    expect(midLab.scenario({ type: 'save' })).toMatchObject({ ok: false, error: { code: 'CommandRefused' } });
    expect(midLab.lab({ type: 'quit' }).ok).toBe(true);
    expect(midLab.state()).toEqual(saved);
    expect(midLab.ok({ type: 'status' })).toMatchObject({ name: 'Rack A', dirty: false, lab: null });
    expect(existsSync(join(dataDir, 'world-aside.json'))).toBe(false);
    const replaced = midLab.events.filter((e) => e.type === 'lab' && e.worldReplaced);
    expect(replaced.length).toBe(1);
    midLab.quit();

    // And once more after that: the restored datacenter is what the next start finds.
    const last = open();
    expect(last.state()).toEqual(saved);
    last.quit();
  });

  it('keeps an unsaved datacenter exactly through a lab, unsaved mark included', () => {
    const d = open();
    work(d);
    const before = d.state();
    expect(d.lab({ type: 'start', labId: LAB }).ok).toBe(true);
    // While the lab runs, its commands do not mark the user's scenario.
    d.run('Move-VMStorage SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
    expect(d.ok({ type: 'status' })).toMatchObject({ name: 'Untitled', dirty: true });
    expect(d.lab({ type: 'quit' }).ok).toBe(true);
    expect(d.state()).toEqual(before);
    expect(d.ok({ type: 'status' })).toMatchObject({ name: 'Untitled', dirty: true, lab: null });
    d.quit();
  });

  it('brings the datacenter back at start-up when its lab cannot be reopened', () => {
    const d = open();
    work(d);
    const before = d.state();
    expect(d.lab({ type: 'start', labId: LAB }).ok).toBe(true);
    d.quit();
    // The lab's world cannot be read back: the lab cannot resume, so the user's datacenter returns.
    writeFileSync(join(dataDir, 'world.json'), '{ broken');
    const after = open();
    expect(after.state()).toEqual(before);
    expect(after.ok({ type: 'status' }).lab).toBeNull();
    after.quit();
  });
});

describe('replacing the datacenter asks first', () => {
  it("refuses New, Open, Open recent and an upload over unsaved changes unless the user chose Don't Save", () => {
    const d = open();
    d.ok({ type: 'saveAs', name: 'Base' });
    work(d);
    const dirty = d.state();
    for (const action of [
      { type: 'new', template: 'training' },
      { type: 'open', name: 'Base' },
      { type: 'openRecent', key: d.ok({ type: 'status' }).recent[0]!.key },
      { type: 'openText', fileName: 'x.hvlab.json', text: '{}' },
    ] as const) {
      const r = d.scenario(action);
      expect(r, action.type).toMatchObject({
        ok: false,
        error: { code: 'CommandRefused', message: expect.stringContaining('Do you want to save changes to Base?') },
      });
      expect(d.state()).toEqual(dirty);
    }
    expect(d.ok({ type: 'new', template: 'training', discardChanges: true })).toMatchObject({ name: 'Untitled', dirty: false, location: 'none' });
    d.quit();
  });

  it("refuses to start a lab while moves run in the user's datacenter", () => {
    const d = open();
    d.run('Move-VM WEB01 HV02');
    const before = d.state();
    const r = d.lab({ type: 'start', labId: LAB });
    expect(r).toMatchObject({ ok: false, error: { code: 'CommandRefused', message: expect.stringContaining('WEB01') } });
    expect(d.state()).toEqual(before);
    d.quit();
  });
});

describe('scenario names and files', () => {
  it('refuses names that are not Windows file names or would leave the scenarios folder', () => {
    const d = open();
    for (const name of ['../evil', '..', 'a/b', 'a\\b', 'C:x', 'CON', 'nul', 'trailing.', ' lead', 'x'.repeat(101), 'tab\there']) {
      const r = d.scenario({ type: 'saveAs', name });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'InvalidParameter', parameter: 'name' } });
    }
    expect(d.scenario({ type: 'open', name: '../world' })).toMatchObject({ ok: false, error: { parameter: 'name' } });
    expect(existsSync(join(dataDir, 'evil.hvlab.json'))).toBe(false);
    d.quit();
  });

  it('asks before Save As replaces another scenario', () => {
    const d = open();
    d.ok({ type: 'saveAs', name: 'One' });
    d.ok({ type: 'new', template: 'empty' });
    expect(d.scenario({ type: 'saveAs', name: 'One' })).toMatchObject({
      ok: false,
      error: { code: 'CommandRefused', parameter: 'overwrite', message: 'One.hvlab.json already exists.' },
    });
    expect(d.ok({ type: 'saveAs', name: 'One', overwrite: true })).toMatchObject({ name: 'One', dirty: false });
    d.quit();
  });

  it('names every problem of a bad file, and leaves the datacenter as it was', () => {
    const d = open();
    const before = d.state();
    const world = JSON.parse(JSON.stringify(before.world)) as { hosts: { name: string; nics: { speedGbps: unknown }[] }[] };
    world.hosts[0]!.nics[0]!.speedGbps = 'fast';
    const text = JSON.stringify({ format: 'hvlab-state', version: 1, savedAt: 0, state: { world, jobs: [], log: [], now: -5 } });
    const r = d.scenario({ type: 'openText', fileName: 'broken.hvlab.json', text });
    expect(r.ok).toBe(false);
    const issues = !r.ok ? (r.error.issues ?? []) : [];
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['state.now']));
    // The world's own problems are named the way world files name them.
    const r2 = d.scenario({ type: 'openText', fileName: 'w.json', text: JSON.stringify(world) });
    expect(!r2.ok && r2.error.issues?.[0]?.path).toBe('hosts[HV01].nics[NIC1].speedGbps');
    expect(d.scenario({ type: 'openText', fileName: 'j.json', text: '{"format": "hvlab-state",' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: '(file)' }] },
    });
    expect(d.state()).toEqual(before);
    d.quit();
  });

  it('opens a bare world file and a generated datacenter of the chosen size', () => {
    const d = open();
    const world = d.state().world;
    const s: ScenarioStatus = d.ok({ type: 'openText', fileName: 'Lab world.json', text: JSON.stringify(world) });
    expect(s).toMatchObject({ name: 'Lab world', location: 'none', dirty: false });
    expect(d.state()).toEqual({ world, jobs: [], log: [], now: 0 });
    d.ok({ type: 'new', template: 'generated', hosts: 30, vms: 200 });
    expect(d.state().world.hosts).toHaveLength(30);
    expect(d.state().world.vms).toHaveLength(200);
    expect(d.scenario({ type: 'new', template: 'generated', hosts: 5000, vms: 1 })).toMatchObject({ ok: false, error: { code: 'InvalidRequest' } });
    d.quit();
  });
});
