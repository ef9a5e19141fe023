// The Labs pane's store against a real EngineHost in this process (the bridge's lab() is the
// host's handle()): confirmations before anything is lost, events, the countdown, local refusals.
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import type { EngineEvent, LabAction, LabResult, Result } from '../../../engine/contract';
import { ClockStore } from '../../../renderer/stores/clock-store';
import { DialogStore } from '../../../renderer/stores/dialog-store';
import { FrameBatch } from '../../../renderer/stores/frame-batch';
import { LAB_PACK_LIMITS } from '../../../engine/common/lab-limits';
import { LabStore } from '../../../renderer/stores/lab-store';

const LAB = 'storage-single-location';

function setup(host = new EngineHost({ startClock: false })) {
  let id = 1;
  const calls: LabAction['type'][] = [];
  const bridge = {
    lab: async <A extends LabAction>(action: A) => {
      calls.push(action.type);
      return host.handle({ kind: 'lab', id: id++, action }).result as Result<LabResult<A>>;
    },
  };
  const dialogs = new DialogStore();
  const clock = new ClockStore(new FrameBatch({ request: (fn) => fn() }));
  let replaced = 0;
  const store = new LabStore({ bridge, dialogs, clock, onWorldReplaced: () => void (replaced += 1) });
  host.subscribe((e: EngineEvent) => {
    if (e.type === 'lab') store.apply(e);
  });
  return { host, store, dialogs, clock, calls, replaced: () => replaced };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** The user presses the confirming button of the dialog on screen. */
function confirmCurrent(dialogs: DialogStore): void {
  const d = dialogs.current;
  if (d?.kind !== 'confirm') throw new Error(`expected a confirmation, got ${d?.kind}`);
  dialogs.close(d.id);
  d.onConfirm();
}

describe('LabStore', () => {
  it('loads the list; a new page reopens the running lab', async () => {
    const host = new EngineHost({ startClock: false });
    host.handle({ kind: 'lab', id: 1, action: { type: 'start', labId: LAB } });
    const { store } = setup(host);
    expect(store.open).toBe(false);
    await store.sync();
    expect(store.loaded).toBe(true);
    expect(store.open).toBe(true);
    expect(store.selectedId).toBe(LAB);
    expect(store.view?.summary).toMatchObject({ id: LAB, active: true });
    expect(store.activeLab?.id).toBe(LAB);
  });

  it('asks before a lab keeps the datacenter aside, and before ending another; hints ask before they cost', async () => {
    const { store, dialogs, host, replaced } = setup();
    await store.sync();
    store.select(LAB);
    await settle();
    const users = host.engine.state();
    store.start(LAB);
    await settle();
    // Nothing happens before the user says so (issue "Never lose the user's work").
    expect(host.labs.activeLabId).toBeNull();
    expect(dialogs.current).toMatchObject({ kind: 'confirm', title: 'Start lab', confirmLabel: 'Start lab', detail: expect.stringContaining('is kept aside') });
    confirmCurrent(dialogs);
    await settle();
    expect(store.view?.summary.active).toBe(true);
    expect(replaced()).toBe(1);

    const hint = store.view!.hints[0]!;
    store.takeHint(hint);
    expect(dialogs.current).toMatchObject({ kind: 'confirm', confirmLabel: 'Show hint (−1)' });
    dialogs.close(dialogs.current!.id);
    expect(store.view!.hintPoints).toBe(0);
    store.takeHint(hint);
    const confirm = dialogs.current as Extract<typeof dialogs.current, { kind: 'confirm' }>;
    dialogs.close(confirm.id);
    confirm.onConfirm();
    await settle();
    expect(store.view!.hintPoints).toBe(1);

    store.start('storage-per-item');
    expect(dialogs.current).toMatchObject({ kind: 'confirm', title: 'Start lab' });
    expect(host.labs.activeLabId).toBe(LAB);

    store.reset();
    expect(dialogs.queue.map((d) => d.kind)).toEqual(['confirm', 'confirm']);
    expect(replaced()).toBe(1);
    dialogs.close(dialogs.current!.id);
    dialogs.close(dialogs.current!.id);

    // Leave lab asks too, then the user's datacenter comes back as it was.
    store.leave();
    expect(dialogs.current).toMatchObject({ kind: 'confirm', title: 'Leave lab', message: expect.stringContaining('comes back exactly as it was') });
    confirmCurrent(dialogs);
    await settle();
    expect(host.labs.activeLabId).toBeNull();
    expect(host.engine.state()).toEqual(users);
    expect(replaced()).toBe(2);
  });

  it('counts the time left down with the clock, for a lab with a limit', async () => {
    const { store, clock, dialogs } = setup();
    const pack = {
      formatVersion: 1,
      id: 'timed',
      title: 'Timed',
      level: 'Beginner',
      estimatedMinutes: 5,
      timeLimitMinutes: 10,
      objectives: ['o'],
      briefing: 'b',
      world: { base: 'default', patch: {} },
      tasks: [{ id: 't', title: 'T', description: 'd', checks: [{ type: 'vmOnHost', vm: 'DC01', host: 'HV01' }] }],
      referenceSolution: 'Get-VM',
    };
    const outcome = await store.importPack('timed.json', JSON.stringify(pack));
    expect(outcome.ok).toBe(true);
    store.select('timed');
    await settle();
    expect(store.timeLeftMs).toBeUndefined(); // not running
    store.start('timed');
    confirmCurrent(dialogs);
    await settle();
    clock.apply({ now: 0 });
    expect(store.timeLeftMs).toBe(600_000);
    clock.apply({ now: 660_000 });
    expect(store.timeLeftMs).toBe(-60_000);
    expect(store.elapsedMs).toBe(660_000);
  });

  it("refuses a file too large to be a pack without sending it, and keeps the door's field errors", async () => {
    const { store, calls } = setup();
    const big = await store.importPack('huge.json', 'x'.repeat(LAB_PACK_LIMITS.packBytes + 1));
    expect(big.ok).toBe(false);
    expect(!big.ok && big.error.message).toBe('The file is 513 KB; a lab pack may be at most 512 KB.');
    // a picked file over the limit is refused by its size, before it is read
    let read = false;
    const huge = await store.importFile({ name: 'dvd.iso', size: 4_700_000_000, text: async () => ((read = true), '') });
    expect(!huge.ok && huge.error.message).toBe('The file is 4,482.3 MB; a lab pack may be at most 512 KB.');
    expect(read).toBe(false);
    expect(calls).not.toContain('import');
    const bad = await store.importPack('bad.json', '{"formatVersion": 1}');
    expect(bad.ok).toBe(false);
    expect(store.lastImport).toBe(bad);
    expect(!bad.ok && bad.error.issues!.map((i) => i.path)).toEqual(expect.arrayContaining(['id', 'title', 'tasks']));
  });

  it('removes an imported lab after asking; the pane goes back to the list', async () => {
    const { store, dialogs } = setup();
    const pack = {
      formatVersion: 1,
      id: 'mine',
      title: 'Mine',
      level: 'Beginner',
      estimatedMinutes: 5,
      objectives: ['o'],
      briefing: 'b',
      world: { base: 'default', patch: {} },
      tasks: [{ id: 't', title: 'T', description: 'd', checks: [{ type: 'vmOnHost', vm: 'DC01', host: 'HV01' }] }],
      referenceSolution: 'Get-VM',
    };
    await store.importPack('mine.json', JSON.stringify(pack));
    await store.sync();
    store.select('mine');
    await settle();
    store.remove('mine');
    expect(dialogs.queue.map((d) => d.kind)).toEqual(['confirm']);
    const confirm = dialogs.queue[0] as Extract<(typeof dialogs.queue)[number], { kind: 'confirm' }>;
    confirm.onConfirm();
    await settle();
    await settle();
    expect(store.labs.some((l) => l.id === 'mine')).toBe(false);
    expect(store.selectedId).toBeNull();
    store.remove(LAB); // a built-in lab: nothing to ask
    expect(dialogs.queue).toHaveLength(1);
  });
});
