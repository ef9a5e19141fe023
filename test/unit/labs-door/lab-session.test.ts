// The door side of the Labs pane: the 'lab' request through the EngineHost, with in-memory stores
// standing in for world.json and electron-store / conf.
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import { LAB_SETTINGS } from '../../../doors/common/lab-session';
import { manualTimer } from '../../support/manual-timer';
import { EngineEvent, type ContractError, type LabAction, type LabResult, type Result } from '../../../engine/contract';
import type { EngineState } from '../../../engine/engine';
import type { SettingsStore, StateStore } from '../../../engine/persistence/state-store';
import { findBuiltinLab, parseLabPackJson } from '../../../engine/labs';
import { LAB_PACK_LIMITS, utf8Bytes } from '../../../engine/common/lab-limits';

const LAB = 'storage-single-location';
const SOLUTION = 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01';

/** world.json: keeps the last save, as JSON. */
function memoryStateStore(): StateStore & { saved(): EngineState | undefined } {
  let text: string | undefined;
  return {
    load: () => (text ? { state: JSON.parse(text) as EngineState } : {}),
    save: (s) => void (text = JSON.stringify(s)),
    saved: () => (text ? (JSON.parse(text) as EngineState) : undefined),
  };
}

/** settings.json: values go through JSON, as conf and electron-store write them. */
function memorySettings(): SettingsStore & { dump(): string } {
  const values = new Map<string, string>();
  return {
    get: <T>(key: string, fallback: T) => (values.has(key) ? (JSON.parse(values.get(key)!) as T) : fallback),
    set: (key, value) => void values.set(key, JSON.stringify(value)),
    dump: () => JSON.stringify([...values.entries()].sort()),
  };
}

function door(stores = { state: memoryStateStore(), settings: memorySettings() }) {
  const wall = manualTimer();
  const host = new EngineHost({ timer: wall.timer, store: stores.state, settings: stores.settings });
  const events: EngineEvent[] = [];
  host.subscribe((e) => events.push(e));
  let id = 1;
  const lab = <A extends LabAction>(action: A): Result<LabResult<A>> => host.handle({ kind: 'lab', id: id++, action }).result as Result<LabResult<A>>;
  const ok = <A extends LabAction>(action: A): LabResult<A> => {
    const r = lab(action);
    if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
    return r.value;
  };
  const run = (text: string) => host.handle({ kind: 'run', id: id++, text });
  const untilIdle = () => host.handle({ kind: 'clock', id: id++, control: { action: 'runUntilIdle' } });
  return { host, wall, events, lab, ok, run, untilIdle, stores };
}

describe('the lab request', () => {
  it('lists the built-in labs with their status from saved progress', () => {
    const d = door();
    const listing = d.ok({ type: 'list' });
    expect(listing.activeLabId).toBeNull();
    expect(listing.labs.length).toBeGreaterThanOrEqual(12);
    const item = listing.labs.find((l) => l.id === LAB)!;
    expect(item).toMatchObject({
      title: 'Storage migration: everything to one place',
      level: 'Beginner',
      estimatedMinutes: 15,
      status: 'NotStarted',
      source: 'builtin',
      active: false,
      maxScore: 25,
    });
    expect(item.bestScore).toBeUndefined();
    d.host.dispose();
  });

  it('is validated like every request: a bad action names the field at fault and changes nothing', () => {
    const d = door();
    const r = d.host.handle({ kind: 'lab', id: 7, action: { type: 'hint' } });
    expect(r.id).toBe(7);
    expect(r.result.ok).toBe(false);
    const error = (r.result as { error: ContractError }).error;
    expect(error.code).toBe('InvalidRequest');
    expect(error.issues?.[0]?.path).toBe('action.hintId');
    expect(d.host.handle({ kind: 'lab', id: 8, action: { type: 'launch', labId: LAB } }).result.ok).toBe(false);
    expect(d.lab({ type: 'show', labId: 'no-such-lab' })).toMatchObject({ ok: false, error: { code: 'NotFound', parameter: 'labId' } });
    expect(d.lab({ type: 'check' })).toMatchObject({ ok: false, error: { code: 'CommandRefused' } });
    d.host.dispose();
  });

  it('shows a lab without its reference solution, hint texts hidden until taken', () => {
    const d = door();
    const view = d.ok({ type: 'show', labId: LAB });
    expect(view.briefing).toMatch(/^## The situation/);
    expect(view.tasks.map((t) => t.id)).toEqual(['move-all', 'stay-online']);
    expect(view.tasks[0]!.checks[0]).toBe("All of SQL01's files are under \\\\FS01\\VMs\\SQL01");
    expect(view.hints.map((h) => [h.id, h.costPoints, h.taken, h.text])).toEqual([
      ['why-storage', 1, false, undefined],
      ['wizard', 2, false, undefined],
      ['cmdlet', 3, false, undefined],
    ]);
    expect(JSON.stringify(view)).not.toContain('referenceSolution');
    expect(JSON.stringify(view)).not.toContain('Move-VMStorage -VMName SQL01 -DestinationStoragePath');
    expect(EngineEvent.safeParse({ type: 'lab', view, listing: d.ok({ type: 'list' }), worldReplaced: false }).success).toBe(true);
    d.host.dispose();
  });
});

describe('a lab session through the engine host', () => {
  it('start replaces the world: a new engine on the lab world, clock at 0, driven by the same clock, saved and broadcast', () => {
    const d = door();
    d.run('Start-VM -Name TEST01 -ComputerName HV02');
    d.wall.pass(5000);
    const before = d.host.engine;
    expect(before.now).toBe(5000);
    d.events.length = 0;

    const view = d.ok({ type: 'start', labId: LAB });
    expect(view.summary).toMatchObject({ active: true, status: 'InProgress' });
    expect(view.startedAt).toBe(0);
    const engine = d.host.engine;
    expect(engine).not.toBe(before);
    expect(engine.now).toBe(0);
    expect(engine.state().world.name).toBe('Contoso — SQL01 moves to the file server');
    expect(engine.state().log).toEqual([]);
    // Saved at once: a restart finds the lab's world.
    expect(d.stores.state.saved()!.world.name).toBe('Contoso — SQL01 moves to the file server');
    // A fresh snapshot, then the lab event, then the scenario's (its title names the lab).
    expect(d.events.map((e) => e.type)).toEqual(['world', 'lab', 'scenario']);
    const worldEvent = d.events[0] as Extract<EngineEvent, { type: 'world' }>;
    expect(worldEvent.view.world.name).toBe('Contoso — SQL01 moves to the file server');
    expect(worldEvent.view.clock.now).toBe(0);
    const labEvent = d.events[1] as Extract<EngineEvent, { type: 'lab' }>;
    expect(labEvent.worldReplaced).toBe(true);
    expect(labEvent.listing.activeLabId).toBe(LAB);
    expect(EngineEvent.safeParse(labEvent).success).toBe(true);

    // The clock now drives the new engine; the old one stays where it was.
    d.wall.pass(1000);
    expect(engine.now).toBe(1000);
    expect(before.now).toBe(5000);
    // Events of the new engine reach the pages; the old engine is no longer listened to.
    d.events.length = 0;
    before.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01', ComputerName: 'HV02' } });
    expect(d.events.filter((e) => e.type === 'log')).toEqual([]);
    d.run(SOLUTION);
    expect(d.events.some((e) => e.type === 'log' || e.type === 'jobs')).toBe(true);

    // Starting the active lab again resumes it: nothing is replaced.
    expect(d.ok({ type: 'start', labId: LAB }).summary.active).toBe(true);
    expect(d.host.engine).toBe(engine);
    d.host.dispose();
  });

  it('Check grades the world as it is: failures say what was expected and found; the reference moves pass every task', () => {
    const d = door();
    d.ok({ type: 'start', labId: LAB });
    const early = d.ok({ type: 'check' });
    expect(early.score).toBe(0);
    expect(early.completed).toBe(false);
    const move = early.tasks[0]!.result!;
    expect(move.pass).toBe(false);
    expect(move.checks[0]!.pass).toBe(false);
    expect(move.checks[0]!.expected).toBeTruthy();
    expect(move.checks[0]!.found).toBeTruthy();
    expect(d.ok({ type: 'list' }).labs.find((l) => l.id === LAB)).toMatchObject({ status: 'InProgress', lastScore: 0, bestScore: 0 });

    const ran = d.run(SOLUTION);
    expect(ran.result.ok).toBe(true);
    d.untilIdle();
    const done = d.ok({ type: 'check' });
    expect(done.tasks.map((t) => t.result?.pass)).toEqual([true, true]);
    expect(done.score).toBe(25);
    expect(done.maxScore).toBe(25);
    expect(done.completed).toBe(true);
    expect(done.lastCheck!.passed).toBe(true);
    expect(d.ok({ type: 'list' }).labs.find((l) => l.id === LAB)).toMatchObject({ status: 'Completed', lastScore: 25, bestScore: 25 });
    d.host.dispose();
  });

  it('a hint costs its points once, and its text is shown once taken', () => {
    const d = door();
    d.ok({ type: 'start', labId: LAB });
    expect(d.lab({ type: 'hint', hintId: 'nope' })).toMatchObject({ ok: false, error: { code: 'InvalidParameter', parameter: 'hintId' } });
    const v = d.ok({ type: 'hint', hintId: 'cmdlet' });
    expect(v.hintPoints).toBe(3);
    expect(v.hints.find((h) => h.id === 'cmdlet')).toMatchObject({ taken: true, text: expect.stringContaining('Move-VMStorage') });
    expect(v.hints.find((h) => h.id === 'wizard')!.text).toBeUndefined();
    expect(d.ok({ type: 'hint', hintId: 'cmdlet' }).hintPoints).toBe(3);
    d.run(SOLUTION);
    d.untilIdle();
    const checked = d.ok({ type: 'check' });
    expect(checked.score).toBe(22);
    expect(checked.lastCheck).toMatchObject({ hintsUsed: 1, hintPoints: 3, passed: true });
    d.host.dispose();
  });

  it('progress, best score, the active lab and its world survive a new EngineHost on the same stores', () => {
    const stores = { state: memoryStateStore(), settings: memorySettings() };
    const first = door(stores);
    first.ok({ type: 'start', labId: LAB });
    first.ok({ type: 'hint', hintId: 'why-storage' });
    first.run(SOLUTION);
    first.untilIdle();
    first.ok({ type: 'check' });
    first.host.dispose();

    const second = door(stores);
    expect(second.host.takeNotices()).toEqual([]);
    const listing = second.ok({ type: 'list' });
    expect(listing.activeLabId).toBe(LAB);
    expect(listing.labs.find((l) => l.id === LAB)).toMatchObject({ status: 'Completed', bestScore: 24, lastScore: 24, active: true });
    const view = second.ok({ type: 'show', labId: LAB });
    expect(view.score).toBe(24);
    expect(view.hints.find((h) => h.id === 'why-storage')).toMatchObject({ taken: true });
    expect(view.tasks.every((t) => t.result?.pass)).toBe(true);
    // The world is the lab's, with SQL01 moved: a Check after the restart still passes.
    expect(second.host.engine.state().world.name).toBe('Contoso — SQL01 moves to the file server');
    expect(second.ok({ type: 'check' }).score).toBe(24);
    second.host.dispose();
  });

  it('does not reopen a lab whose world could not be read back (the door started on a fresh world)', () => {
    const settings = memorySettings();
    const first = door({ state: memoryStateStore(), settings });
    first.ok({ type: 'start', labId: LAB });
    first.host.dispose();
    const second = door({ state: memoryStateStore(), settings }); // world.json lost
    expect(second.ok({ type: 'list' }).activeLabId).toBeNull();
    const notice = second.events.find((e) => e.type === 'notice') as { message: string } | undefined;
    expect(notice?.message).toMatch(/could not be reopened because its datacenter could not be read back/);
    expect(second.ok({ type: 'list' }).labs.find((l) => l.id === LAB)!.status).toBe('InProgress');
    second.host.dispose();
  });

  it("reset starts the lab over (world, results) and keeps the best score and the hints taken; quit brings the user's datacenter back", () => {
    const d = door();
    const users = d.host.engine.state();
    d.ok({ type: 'start', labId: LAB });
    d.run(SOLUTION);
    d.untilIdle();
    d.ok({ type: 'check' });
    d.ok({ type: 'hint', hintId: 'wizard' });
    const moved = d.host.engine;
    d.events.length = 0;
    const reset = d.ok({ type: 'reset' });
    expect(d.host.engine).not.toBe(moved);
    expect(d.events.map((e) => e.type)).toEqual(['world', 'lab']);
    expect(reset.lastCheck).toBeUndefined();
    // Starting over does not buy back a hint's points (issue "Never lose the user's work").
    expect(reset.hints.find((h) => h.id === 'wizard')).toMatchObject({ taken: true });
    expect(reset.hintPoints).toBeGreaterThan(0);
    expect(reset.completed).toBe(false);
    expect(reset.summary).toMatchObject({ status: 'Completed', bestScore: 25, active: true });
    expect(d.ok({ type: 'check' }).score).toBe(0);

    const engine = d.host.engine;
    const quit = d.ok({ type: 'quit' });
    expect(quit.activeLabId).toBeNull();
    expect(d.host.engine).not.toBe(engine);
    expect(d.host.engine.state()).toEqual(users);
    expect(d.lab({ type: 'check' }).ok).toBe(false);
    expect(d.lab({ type: 'reset' }).ok).toBe(false);
    d.host.dispose();
  });

  it('notes the commands run during the lab, and the report lists them with the results', () => {
    const d = door();
    d.run('Get-VM -ComputerName HV01');
    d.ok({ type: 'start', labId: LAB });
    d.run('Get-VM -Name NOPE -ComputerName HV01');
    d.host.handle({
      kind: 'invoke',
      id: 99,
      command: { cmdlet: 'Move-VMStorage', params: { VMName: 'SQL01', DestinationStoragePath: '\\\\FS01\\VMs\\SQL01' } },
    });
    d.untilIdle();
    d.ok({ type: 'hint', hintId: 'why-storage' });
    d.ok({ type: 'check' });
    const report = d.ok({ type: 'report' });
    expect(report.fileName).toBe(`${LAB}-report.html`);
    // The learner's name, typed before the report is made, is in it (and in the file name).
    const named = d.ok({ type: 'report', learner: 'Ana <Pérez>' });
    expect(named.html).toContain('Learner: <strong class="learner">Ana &lt;Pérez&gt;</strong>');
    expect(named.fileName).toBe(`${LAB}-report-Ana-Pérez.html`);
    expect(report.pdf).toBeUndefined();
    const html = report.html;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<h1>Storage migration: everything to one place</h1>');
    expect(html).toContain('24 / 25');
    expect(html).toContain('Get-VM -Name NOPE -ComputerName HV01');
    expect(html).toContain('refused');
    expect(html).toContain('Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
    expect(html).not.toContain('Get-VM -ComputerName HV01</pre>'); // before the lab started
    expect(html).toContain('why-storage');
    expect(html.match(/class="pass">PASS/g)).toHaveLength(2);
    // Text from the pack is escaped, never markup.
    expect(html).toContain('SQL01&#39;s files are under');
    d.host.dispose();
  });
});

describe('importing and exporting packs', () => {
  function trainerPack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      formatVersion: 1,
      id: 'my-first-lab',
      title: 'Move DC01 to the E: volume',
      level: 'Beginner',
      estimatedMinutes: 10,
      timeLimitMinutes: 20,
      objectives: ['70-412: perform storage migration'],
      briefing: '## The situation\n\nDC01 needs room.',
      world: { base: 'default', patch: {} },
      tasks: [{ id: 'move', title: 'Move DC01', description: 'Move it.', points: 10, checks: [{ type: 'vmFilesUnder', vm: 'DC01', path: 'E:\\VMs\\DC01' }] }],
      hints: [{ id: 'cmdlet', task: 'move', costPoints: 2, text: '`Move-VMStorage`' }],
      referenceSolution: 'Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -ComputerName HV01',
      ...overrides,
    };
  }

  it('refuses a bad pack with every problem at its path, and changes nothing', () => {
    const d = door();
    d.ok({ type: 'start', labId: LAB });
    const settingsBefore = d.stores.settings.dump();
    const listBefore = d.ok({ type: 'list' });
    const engine = d.host.engine;
    d.events.length = 0;
    const bad = trainerPack({
      level: 'Expert',
      tasks: [
        {
          id: 'move',
          title: 'Move',
          description: 'x',
          checks: [
            { type: 'vmFilesUnder', path: 'E:\\VMs' },
            { type: 'vmOnHost', vm: 'SQL02', host: 'HV01' },
          ],
        },
      ],
      hints: [{ id: 'h', task: 'moove', costPoints: 1, text: 'x' }],
    });
    const r = d.lab({ type: 'import', packJson: JSON.stringify(bad) });
    expect(r.ok).toBe(false);
    const error = (r as { error: ContractError }).error;
    expect(error.code).toBe('InvalidParameter');
    expect(error.parameter).toBe('packJson');
    expect(error.issues!.map((i) => i.path)).toEqual(expect.arrayContaining(['level', 'tasks[0].checks[0].vm']));
    expect(error.message).toMatch(/^The lab pack was refused: \d+ problems? \(first: /);

    const syntax = d.lab({ type: 'import', packJson: '{"formatVersion": 1, "id": ' });
    expect(syntax.ok).toBe(false);
    expect((syntax as { error: ContractError }).error.issues!.length).toBeGreaterThan(0);

    const clash = d.lab({ type: 'import', packJson: JSON.stringify(trainerPack({ id: LAB })) });
    expect((clash as { error: ContractError }).error.issues).toEqual([{ path: 'id', message: expect.stringContaining('built-in') }]);

    expect(d.stores.settings.dump()).toBe(settingsBefore);
    expect(d.ok({ type: 'list' })).toEqual(listBefore);
    expect(d.host.engine).toBe(engine);
    expect(d.events).toEqual([]);
    d.host.dispose();
  });

  it('keeps an imported pack across restarts, plays it, and exports it as it was imported', () => {
    const stores = { state: memoryStateStore(), settings: memorySettings() };
    const d = door(stores);
    const text = JSON.stringify(trainerPack(), null, 2);
    const item = d.ok({ type: 'import', packJson: text });
    expect(item).toMatchObject({ id: 'my-first-lab', source: 'imported', status: 'NotStarted', maxScore: 10, timeLimitMinutes: 20 });
    expect(d.events.at(-1)).toMatchObject({ type: 'lab', worldReplaced: false });
    d.host.dispose();

    const again = door(stores);
    expect(again.ok({ type: 'list' }).labs.map((l) => l.id)).toContain('my-first-lab');
    expect(again.ok({ type: 'export', labId: 'my-first-lab' })).toEqual({ labId: 'my-first-lab', fileName: 'my-first-lab.json', packJson: text });
    const started = again.ok({ type: 'start', labId: 'my-first-lab' });
    expect(started.timeLimitMs).toBe(20 * 60_000);
    expect(started.timeLeftMs).toBe(20 * 60_000);
    again.wall.pass(60_000);
    expect(again.ok({ type: 'show', labId: 'my-first-lab' }).timeLeftMs).toBe(19 * 60_000);
    again.run('Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -ComputerName HV01');
    again.untilIdle();
    expect(again.ok({ type: 'check' }).score).toBe(10);
    again.host.dispose();
  });

  it('exports a built-in pack as a complete file that loads back', () => {
    const d = door();
    const exported = d.ok({ type: 'export', labId: LAB });
    expect(exported.fileName).toBe(`${LAB}.json`);
    const loaded = parseLabPackJson(exported.packJson);
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.pack).toEqual(findBuiltinLab(LAB));
    d.host.dispose();
  });

  it('drops stored records that no longer load, and says so once', () => {
    const settings = memorySettings();
    settings.set(LAB_SETTINGS.imported, { 'broken-lab': '{ not json' });
    settings.set(LAB_SETTINGS.progress, { [LAB]: '{"formatVersion": 99}' });
    settings.set(LAB_SETTINGS.active, 'broken-lab');
    const d = door({ state: memoryStateStore(), settings });
    const notices = d.events.filter((e) => e.type === 'notice').map((e) => (e as { message: string }).message);
    expect(notices).toHaveLength(3);
    expect(notices.join('\n')).toMatch(/broken-lab/);
    expect(d.ok({ type: 'list' }).activeLabId).toBeNull();
    expect(d.ok({ type: 'list' }).labs.find((l) => l.id === LAB)!.status).toBe('NotStarted');
    d.host.dispose();
  });

  // Issue 18: before, any number of packs of any total size were kept in the settings file and
  // re-read at every start; both are limited now, and a refusal names the limit and the count.
  it('keeps at most LAB_PACK_LIMITS.importedPacks imported packs; replacing one by its id still works', () => {
    const d = door();
    const max = LAB_PACK_LIMITS.importedPacks;
    for (let i = 0; i < max; i++) d.ok({ type: 'import', packJson: JSON.stringify(trainerPack({ id: `lab-${i}` })) });
    const refused = d.lab({ type: 'import', packJson: JSON.stringify(trainerPack({ id: 'one-more' })) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toBe(`The lab pack was refused: this console already keeps ${max} imported labs, the most it keeps (${max}).`);
    expect(!refused.ok && refused.error.issues).toEqual([{ path: '(root)', message: `at most ${max} imported labs; this console has ${max}` }]);
    expect(d.ok({ type: 'import', packJson: JSON.stringify(trainerPack({ id: 'lab-3', title: 'Replaced' })) }).title).toBe('Replaced');
    // removing one makes room
    d.ok({ type: 'remove', labId: 'lab-0' });
    expect(d.ok({ type: 'import', packJson: JSON.stringify(trainerPack({ id: 'one-more' })) }).id).toBe('one-more');
    d.host.dispose();
  });

  it('keeps at most LAB_PACK_LIMITS.importedBytes of imported packs in all', () => {
    const d = door();
    const padded = (id: string) => JSON.stringify(trainerPack({ id })) + ' '.repeat(500_000); // JSON allows trailing white space
    const fit = Math.floor(LAB_PACK_LIMITS.importedBytes / utf8Bytes(padded('lab-0')));
    for (let i = 0; i < fit; i++) d.ok({ type: 'import', packJson: padded(`lab-${i}`) });
    const refused = d.lab({ type: 'import', packJson: padded('one-more') });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.message).toMatch(
      /^The lab pack was refused: imported labs would take 4\.\d MB in all with it, more than the 4 MB this console keeps\.$/,
    );
    expect(d.ok({ type: 'list' }).labs.filter((l) => l.source === 'imported')).toHaveLength(fit);
    d.host.dispose();
  });

  it('removes an imported lab with its progress; never a built-in one or the one running', () => {
    const stores = { state: memoryStateStore(), settings: memorySettings() };
    const d = door(stores);
    d.ok({ type: 'import', packJson: JSON.stringify(trainerPack()) });
    d.ok({ type: 'start', labId: 'my-first-lab' });
    const running = d.lab({ type: 'remove', labId: 'my-first-lab' });
    expect(!running.ok && running.error).toMatchObject({ code: 'CommandRefused', fix: 'Press Leave lab, then Remove.' });
    d.ok({ type: 'check' });
    d.ok({ type: 'quit' });
    const listing = d.ok({ type: 'remove', labId: 'my-first-lab' });
    expect(listing.labs.map((l) => l.id)).not.toContain('my-first-lab');
    expect(d.events.at(-1)).toMatchObject({ type: 'lab', view: null, worldReplaced: false });
    const builtin = d.lab({ type: 'remove', labId: LAB });
    expect(!builtin.ok && builtin.error.code).toBe('CommandRefused');
    expect(d.lab({ type: 'remove', labId: 'my-first-lab' }).ok).toBe(false);
    d.host.dispose();
    expect(stores.settings.dump()).not.toContain('my-first-lab');
  });
});
