// Checkpoints as a tree with Hyper-V's rules (engine/common/checkpoint-tree.ts, cmdlets/vm-snapshots.ts)
// and Rename-VM (cmdlets/vm-identity.ts).
import { describe, expect, it } from 'vitest';
import { checkpointNodes, currentCheckpoint } from '../../../engine/common/checkpoint-tree';
import { validateWorld } from '../../../engine/model/validate';
import { runScript } from '../../../engine/scripting/run-script';
import { newEngine, ok, refused, vm, worldOf } from './helpers';

const tree = (e: ReturnType<typeof newEngine>, name: string) => checkpointNodes(vm(worldOf(e), name)).map((n) => `${'  '.repeat(n.level - 1)}${n.label}`);

describe('checkpoints', () => {
  it('a checkpoint hangs under the one the VM runs from; applying one moves "Now" and branches the tree', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM DC01 A');
    ok(e, 'Checkpoint-VM DC01 B');
    expect(tree(e, 'DC01')).toEqual(['A', '  B', '    Now']);
    ok(e, 'Restore-VMSnapshot A -VMName DC01');
    // A running VM's checkpoint holds its memory: applying it leaves the VM saved.
    expect(vm(worldOf(e), 'DC01').state).toBe('Saved');
    expect(tree(e, 'DC01')).toEqual(['A', '  B', '  Now']);
    ok(e, 'Checkpoint-VM DC01 C');
    expect(tree(e, 'DC01')).toEqual(['A', '  B', '  C', '    Now']);
    const out = ok(e, 'Get-VMSnapshot DC01').output as { Name: string; ParentSnapshotName: string | null; SnapshotType: string }[];
    expect(out.map((s) => [s.Name, s.ParentSnapshotName, s.SnapshotType])).toEqual([
      ['A', null, 'Standard'],
      ['B', 'A', 'Standard'],
      ['C', 'A', 'Standard'],
    ]);
    expect(validateWorld(worldOf(e)).ok).toBe(true);
  });

  it('a checkpoint of a VM that was off applies as Off', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM TEST01 Clean -ComputerName HV02');
    ok(e, 'Start-VM TEST01 -ComputerName HV02');
    ok(e, 'Restore-VMSnapshot Clean -VMName TEST01 -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').state).toBe('Off');
  });

  it('deleting a checkpoint keeps its children under its parent and frees its files; "Now" follows', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM DC01 A');
    ok(e, 'Checkpoint-VM DC01 B');
    ok(e, 'Checkpoint-VM DC01 C');
    ok(e, 'Remove-VMSnapshot DC01 B');
    expect(tree(e, 'DC01')).toEqual(['A', '  C', '    Now']);
    ok(e, 'Remove-VMSnapshot DC01 C');
    expect(tree(e, 'DC01')).toEqual(['A', '  Now']);
    expect(currentCheckpoint(vm(worldOf(e), 'DC01'))?.name).toBe('A');
    ok(e, 'Remove-VMSnapshot DC01 A');
    expect(vm(worldOf(e), 'DC01').checkpoints).toEqual([]);
    expect(vm(worldOf(e), 'DC01').parentSnapshotId).toBeNull();
    // A new checkpoint then starts a new root, not under a deleted one.
    ok(e, 'Checkpoint-VM DC01 D');
    expect(tree(e, 'DC01')).toEqual(['D', '  Now']);
  });

  it('-IncludeAllChildSnapshots deletes the subtree; wildcards name several', () => {
    const e = newEngine();
    for (const n of ['A', 'B', 'C']) ok(e, `Checkpoint-VM DC01 ${n}`);
    ok(e, 'Restore-VMSnapshot A -VMName DC01');
    ok(e, 'Checkpoint-VM DC01 X1');
    ok(e, 'Remove-VMSnapshot DC01 B -IncludeAllChildSnapshots');
    expect(tree(e, 'DC01')).toEqual(['A', '  X1', '    Now']);
    ok(e, 'Checkpoint-VM DC01 X2');
    ok(e, 'Remove-VMSnapshot DC01 X*');
    expect(tree(e, 'DC01')).toEqual(['A', '  Now']);
  });

  it('Rename-VMSnapshot renames; the new name is what Restore finds', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM DC01 A');
    ok(e, "Rename-VMSnapshot DC01 A 'Before patching'");
    ok(e, "Restore-VMSnapshot 'Before patching' -VMName DC01");
    expect(tree(e, 'DC01')).toEqual(['Before patching', '  Now']);
    expect(refused(e, `Rename-VMSnapshot DC01 'Before patching' ${'x'.repeat(101)}`).message).toBe(
      'The checkpoint name is 101 characters long; the maximum is 100.',
    );
  });

  it('refuses unknown checkpoints naming the ones there are, and changes nothing', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM DC01 A');
    const err = refused(e, 'Restore-VMSnapshot Nope -VMName DC01');
    expect(err.message).toBe(`Hyper-V was unable to find a checkpoint with name "Nope" for virtual machine 'DC01'.`);
    expect(err.fix).toBe(`Checkpoints of 'DC01': "A" (Get-VMSnapshot -VMName DC01).`);
    expect(refused(e, 'Remove-VMSnapshot DC01 Nope').code).toBe('NotFound');
    // A wildcard that matches nothing deletes nothing and is not an error.
    ok(e, 'Remove-VMSnapshot DC01 Zz*');
  });

  it('refuses to apply or delete a checkpoint while the VM is being moved', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM DC01 A');
    const id = ok(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -AsJob').jobIds[0]!;
    expect(refused(e, 'Restore-VMSnapshot A -VMName DC01').message).toBe(
      "'DC01' failed to apply checkpoint. The operation cannot be performed while the object is in its current state.",
    );
    const del = refused(e, 'Remove-VMSnapshot DC01 A');
    expect(del.message).toBe("'DC01' failed to delete checkpoint. The operation cannot be performed while the object is in its current state.");
    expect(del.fix).toContain(`Stop-Job -Id ${id}`);
  });

  it('an older world without parentSnapshotId runs from its newest checkpoint; a dangling one is refused by validation', () => {
    const e = newEngine();
    expect(tree(e, 'APP01')).toEqual(['APP01 - (11/20/2026 - 9:14:02 AM)', '  Now']);
    const w = structuredClone(worldOf(e));
    vm(w, 'APP01').parentSnapshotId = 'cp-gone';
    const r = validateWorld(w);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.map((x) => x.path)).toContain('vms[APP01].parentSnapshotId');
  });
});

describe('Rename-VM', () => {
  it('renames the VM, keeping its id and files; commands then find it by its new name', () => {
    const e = newEngine();
    const before = vm(worldOf(e), 'DC01');
    ok(e, 'Rename-VM DC01 DC02');
    const after = vm(worldOf(e), 'DC02');
    expect(after.id).toBe(before.id);
    expect(after.paths).toEqual(before.paths);
    expect(refused(e, 'Get-VM DC01').code).toBe('NotFound');
  });

  it('refuses a name another VM on the host has, an over-long one, and while the VM is moved', () => {
    const e = newEngine();
    const clash = refused(e, 'Rename-VM DC01 sql01');
    expect(clash.message).toBe("'DC01' failed to rename. The operation cannot be performed while the object is in its current state.");
    expect(clash.fix).toContain("HV01 already has a virtual machine named 'SQL01'");
    expect(refused(e, `Rename-VM DC01 ${'n'.repeat(101)}`).message).toBe('The virtual machine name is 101 characters long; the maximum is 100.');
    ok(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -AsJob');
    expect(refused(e, 'Rename-VM DC01 DC09').fix).toContain('Wait-Job');
  });

  it('a VM of the same name on another host is no clash; runs the same from a script', () => {
    const e = newEngine();
    const r = runScript(e, 'Rename-VM TEST01 DC01 -ComputerName HV02\nStart-VM DC01 -ComputerName HV02');
    expect(r.ok).toBe(true);
    expect(r.vms.filter((v) => v.name === 'DC01').map((v) => [v.host, v.state])).toEqual([
      ['HV01', 'Running'],
      ['HV02', 'Running'],
    ]);
  });
});
