// The File menu's store against a real EngineHost in this process (the bridge's scenario() is the
// host's handle()): the title, Save / Don't Save / Cancel before a datacenter is replaced, Save As
// asking before it replaces a file, and the limits it shares with the contract.
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import {
  GENERATED_LIMITS as CONTRACT_LIMITS,
  SCENARIO_UPLOAD_MAX_CHARS,
  type EngineEvent,
  type Result,
  type ScenarioAction,
  type ScenarioResult,
} from '../../../engine/contract';
import { DialogStore } from '../../../renderer/stores/dialog-store';
import { GENERATED_LIMITS, ScenarioStore, UPLOAD_MAX_CHARS } from '../../../renderer/stores/scenario-store';

function setup() {
  const host = new EngineHost({ startClock: false });
  let id = 1;
  const bridge = {
    scenario: async <A extends ScenarioAction>(action: A) => host.handle({ kind: 'scenario', id: id++, action }).result as Result<ScenarioResult<A>>,
  };
  const dialogs = new DialogStore();
  let replaced = 0;
  const downloads: string[] = [];
  const store = new ScenarioStore({ bridge, dialogs, onWorldReplaced: () => void (replaced += 1), download: (name) => void downloads.push(name) });
  host.subscribe((e: EngineEvent) => {
    if (e.type === 'scenario') store.apply(e);
  });
  const change = () => host.handle({ kind: 'run', id: id++, text: 'Start-VM TEST01 -ComputerName HV02' });
  return { host, store, dialogs, change, replaced: () => replaced, downloads };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('ScenarioStore', () => {
  it('shows the name and the unsaved mark in the title', async () => {
    const { store, change } = setup();
    expect(store.title).toBe('Hyper-V Mobility Lab');
    await store.sync();
    expect(store.title).toBe('Untitled - Hyper-V Mobility Lab');
    change();
    expect(store.title).toBe('Untitled* - Hyper-V Mobility Lab');
    await store.saveAs('Rack A');
    expect(store.title).toBe('Rack A - Hyper-V Mobility Lab');
  });

  it("asks Save / Don't Save / Cancel before New replaces unsaved changes", async () => {
    const { host, store, change, replaced } = setup();
    await store.sync();
    await store.saveAs('Base');
    change();
    const changed = host.engine.state();
    store.create('empty');
    expect(store.dialog).toMatchObject({ kind: 'saveChanges', name: 'Base' });
    store.answerSaveChanges('cancel');
    await settle();
    expect(store.dialog).toBeUndefined();
    expect(host.engine.state()).toEqual(changed);

    // Save: saved first, then replaced.
    store.create('empty');
    store.answerSaveChanges('save');
    await settle();
    await settle();
    expect(host.engine.state().world.vms).toEqual([]);
    expect(replaced()).toBe(1);
    await store.sync();
    expect(store.status?.library.map((s) => s.name)).toEqual(['Base']);
    store.open('Base');
    await settle();
    expect(host.engine.state()).toEqual(changed);

    // Don't Save: replaced, the file as it was.
    change();
    store.create('training');
    store.answerSaveChanges('discard');
    await settle();
    expect(store.status).toMatchObject({ name: 'Untitled', dirty: false });
  });

  it('Save of a never-saved scenario opens Save As; replacing a file asks Yes / No', async () => {
    const { store, dialogs, downloads } = setup();
    await store.sync();
    await store.save();
    expect(store.dialog).toMatchObject({ kind: 'saveAs' });
    await store.saveAs('One');
    expect(store.dialog).toBeUndefined();
    store.create('empty');
    await settle();
    const r = await store.saveAs('One');
    expect(r.ok).toBe(false);
    expect(dialogs.current).toMatchObject({
      kind: 'confirm',
      title: 'Confirm Save As',
      message: 'One.hvlab.json already exists.',
      detail: 'Do you want to replace it?',
      confirmLabel: 'Yes',
      cancelLabel: 'No',
    });
    await store.download();
    expect(downloads).toEqual(['Untitled.hvlab.json']);
  });

  it("uses the contract's limits", () => {
    expect(GENERATED_LIMITS).toEqual(CONTRACT_LIMITS);
    expect(UPLOAD_MAX_CHARS).toBe(SCENARIO_UPLOAD_MAX_CHARS);
  });
});
