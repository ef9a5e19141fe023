// The Move Wizard's Summary never contradicts itself (issue 12): a move with nothing to move cannot
// Finish and says why, fixes name the wizard's pages and options (never a PowerShell parameter,
// which only View script shows), and each error appears once. The store runs against a real
// engine through a bridge that answers its queries, as the console's does.
import { runInAction, when } from 'mobx';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import type { Query } from '../../../engine/contract';
import { InventoryStore } from '../../../renderer/stores/inventory-store';
import type { UiStore } from '../../../renderer/stores/ui-store';
import { MoveWizardStore, onceEach } from '../../../renderer/stores/wizard-move';

/** PowerShell in a text: a -Parameter or a Verb-Noun cmdlet. */
const POWERSHELL = /(^|[\s(])-[A-Z][A-Za-z]+|\b(Get|Set|Move|Enable|New|Add|Grant|Start|Stop|Remove|Rename|Disconnect|Resume|Compare)-[A-Z][A-Za-z]+/;

function wizardFor(vmName: string) {
  const engine = new Engine({ world: defaultWorld() });
  const inventory = new InventoryStore({ selectedServerName: undefined, selectedVmId: undefined } as unknown as UiStore);
  inventory.applyWorld(engine.state().world);
  const vm = engine.state().world.vms.find((v) => v.name === vmName)!;
  const bridge = { query: async (q: Query) => engine.query(q) } as never;
  const wizard = new MoveWizardStore(
    {
      bridge,
      inventory,
      commands: {
        run: async () => {
          throw new Error('Finish must not run');
        },
      },
    },
    vm,
    () => undefined,
  );
  return wizard;
}

async function summary(wizard: MoveWizardStore) {
  runInAction(() => {
    wizard.currentId = 'summary';
  });
  await when(() => !wizard.precheckPending);
  const texts = [...wizard.summaryErrors, ...wizard.summaryWarnings].flatMap((m) => [m.message, m.fix ?? '']);
  return { errors: wizard.summaryErrors, warnings: wizard.summaryWarnings, texts };
}

describe('Move Wizard Summary', () => {
  it('a storage move to the folder the files are already in cannot Finish, and says which page to go back to', async () => {
    const wizard = wizardFor('SQL01');
    wizard.setMoveType('storage');
    wizard.setStorageOption('single');
    const s = await summary(wizard);
    expect(s.errors).toEqual([
      {
        message: "There is nothing to move: the files of 'SQL01' are already in the locations given.",
        fix: 'Go back to "Choose a new location for virtual machine" and choose a folder other than the one the files of \'SQL01\' are in now (D:\\VMs\\SQL01).',
      },
    ]);
    expect(s.warnings).toEqual([]);
    expect(wizard.canFinish).toBe(false);
    for (const t of s.texts) expect(t).not.toMatch(POWERSHELL);
    // View script still shows the PowerShell.
    expect(wizard.scriptText).toBe('Move-VMStorage -VMName SQL01 -ComputerName HV01 -DestinationStoragePath D:\\VMs\\SQL01');
    // A new folder lets it through.
    wizard.setSingleFolder('E:\\VMs\\SQL01');
    await when(() => !wizard.precheckPending);
    expect(wizard.summaryErrors).toEqual([]);
    expect(wizard.canFinish).toBe(true);
    wizard.dispose();
  });

  it('disks only with no disk ticked: no command, no pending check, and the page and option to change', async () => {
    const wizard = wizardFor('SQL01');
    wizard.setMoveType('storage');
    wizard.setStorageOption('vhds');
    for (const item of wizard.items) wizard.setDiskTicked(item.key, false);
    expect(wizard.command).toBeUndefined();
    const s = await summary(wizard);
    expect(s.errors).toEqual([
      {
        message: 'No virtual hard disk is selected, so there is nothing to move.',
        fix: 'Go back to "Choose a new location for the virtual machine\'s virtual hard disks" and select at least one disk, or go back to "Choose Options for Moving Storage" and choose another option.',
      },
    ]);
    expect(wizard.canFinish).toBe(false);
    // Before the fix the empty selection went to the engine as Move-VMStorage -VMName SQL01 and the
    // Summary showed the binder's "missing mandatory parameters: DestinationStoragePath".
    for (const t of s.texts) expect(t).not.toMatch(POWERSHELL);
    wizard.dispose();
  });

  it("every item ticked already in its folder: refused with the wizard's words", async () => {
    const wizard = wizardFor('SQL01');
    wizard.setMoveType('storage');
    wizard.setStorageOption('items');
    for (const item of wizard.items) wizard.setTicked(item.key, item.key === 'smartPaging');
    const s = await summary(wizard);
    expect(s.errors.map((e) => e.message)).toEqual(["There is nothing to move: the files of 'SQL01' are already in the locations given."]);
    expect(s.errors[0]!.fix).toContain('Go back to "Choose Items to Move"');
    expect(wizard.canFinish).toBe(false);
    for (const t of s.texts) expect(t).not.toMatch(POWERSHELL);
    wizard.dispose();
  });

  it('"Move only the virtual machine" with local files: one message per file, the shared fix once, in the wizard\'s words', async () => {
    const wizard = wizardFor('SQL01');
    wizard.setMoveType('vm');
    wizard.setDestinationHost('HV02');
    wizard.setVmOption('vmOnly');
    const s = await summary(wizard);
    expect(s.errors.map((e) => e.message)).toEqual([
      "The virtual machine 'SQL01' cannot be moved to 'HV02' without its storage: 'D:\\VMs\\SQL01' is not on shared storage that 'HV02' can reach.",
      "The virtual machine 'SQL01' cannot be moved to 'HV02' without its storage: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx' is not on shared storage that 'HV02' can reach.",
      "The virtual machine 'SQL01' cannot be moved to 'HV02' without its storage: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx' is not on shared storage that 'HV02' can reach.",
    ]);
    expect(s.errors.map((e) => e.fix !== undefined)).toEqual([false, false, true]);
    expect(s.errors[2]!.fix).toContain('Go back to "Choose Move Options" and choose "Move the virtual machine\'s data to a single location"');
    for (const t of s.texts) expect(t).not.toMatch(POWERSHELL);
    expect(wizard.canFinish).toBe(false);
    wizard.dispose();
  });

  it('onceEach: a message repeated is listed once; a fix shared by neighbours is shown after the last of them', () => {
    const row = (message: string, fix: string, guiFix?: string) => ({
      check: 'path-invalid',
      message,
      fix,
      severity: 'error' as const,
      ...(guiFix ? { guiFix } : {}),
    });
    expect(onceEach([row('A', 'ps', 'gui'), row('A', 'ps', 'gui'), row('B', 'ps', 'gui'), row('C', 'other')])).toEqual([
      { message: 'A' },
      { message: 'B', fix: 'gui' },
      { message: 'C', fix: 'other' },
    ]);
  });
});
