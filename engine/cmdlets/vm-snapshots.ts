// Checkpoints (PowerShell: snapshots) of a VM: Get-VMSnapshot, Restore-VMSnapshot (the Manager's
// Apply, and Revert: apply the checkpoint the VM runs from), Remove-VMSnapshot [-IncludeAllChildSnapshots]
// (Delete Checkpoint / Delete Checkpoint Subtree) and Rename-VMSnapshot. Checkpoint-VM is in
// checkpoint-vm.ts. The tree rules are engine/common/checkpoint-tree.ts.
//
// Applying a checkpoint puts the VM in the state the checkpoint holds: a checkpoint taken while
// the VM ran holds its memory, so the VM is then Saved; one taken while it was off leaves it Off
// (Microsoft Learn, "Using checkpoints to revert virtual machines to a previous state"). The
// configuration a checkpoint holds (memory, processors) is not recorded by the lab, so applying
// one does not roll those back. Deleting a checkpoint deletes its files; Hyper-V then merges its
// differencing disks into their children, which the lab does not model (no .avhdx files).
import { CommandRefusal } from '../errors';
import type { Checkpoint, Vm } from '../model/world';
import { currentCheckpoint, parentOf, subtreeIds } from '../common/checkpoint-tree';
import { getVmSnapshotSignature, removeVmSnapshotSignature, renameVmSnapshotSignature, restoreVmSnapshotSignature } from './catalog/vm-lifecycle';
import type { CmdletContext, CmdletDefinition } from './definition';
import { refuseStateChangeWhileMoving } from '../operations/configuration-lock';
import { LifecycleTexts as T } from '../operations/parameters';
import { stringList, targetVms } from './targets';
import { hasWildcard, sameName, wildcardMatcher } from './wildcard';

/** What Get-VMSnapshot writes to the pipeline. */
export function snapshotSummary(vm: Vm, cp: Checkpoint) {
  return {
    VMName: vm.name,
    Name: cp.name,
    SnapshotType: 'Standard',
    CreationTime: cp.createdAt,
    ParentSnapshotName: parentOf(vm, cp)?.name ?? null,
    ComputerName: vm.host,
    Id: cp.id,
  };
}

/** Checkpoints of `vm` matching any of the names (wildcards allowed); a plain name that matches none is refused. */
export function matchingCheckpoints(vm: Vm, names: readonly string[]): Checkpoint[] {
  if (names.length === 0) return [...vm.checkpoints];
  const out = new Set<Checkpoint>();
  for (const name of names) {
    const match = wildcardMatcher(name);
    const found = vm.checkpoints.filter((c) => match(c.name));
    if (found.length === 0 && !hasWildcard(name))
      throw new CommandRefusal(T.checkpointNotFound(vm.name, name), { parameter: 'Name', code: 'NotFound', fix: checkpointList(vm) });
    for (const c of found) out.add(c);
  }
  return [...out];
}

function checkpointList(vm: Vm): string {
  return vm.checkpoints.length
    ? `Checkpoints of '${vm.name}': ${vm.checkpoints.map((c) => `"${c.name}"`).join(', ')} (Get-VMSnapshot -VMName ${vm.name}).`
    : `'${vm.name}' has no checkpoints.`;
}

/** The one checkpoint `name` (no wildcards) names, for Restore-VMSnapshot. */
function oneCheckpoint(vm: Vm, name: string): Checkpoint {
  const found = vm.checkpoints.filter((c) => sameName(c.name, name));
  if (found.length === 0) throw new CommandRefusal(T.checkpointNotFound(vm.name, name), { parameter: 'Name', code: 'NotFound', fix: checkpointList(vm) });
  if (found.length > 1)
    throw new CommandRefusal(T.checkpointAmbiguous(vm.name, name, found.length), {
      parameter: 'Name',
      fix: `Rename one of them first (Rename-VMSnapshot, or Rename... in the Checkpoints pane).`,
    });
  return found[0]!;
}

function checkName(name: string, parameter: string): string {
  const trimmed = name.trim();
  if (trimmed.length > T.checkpointNameMaxLength) {
    throw new CommandRefusal(T.nameTooLong('checkpoint', trimmed.length, T.checkpointNameMaxLength), { parameter, code: 'InvalidParameter' });
  }
  if (trimmed.length === 0) throw new CommandRefusal('The checkpoint name cannot be empty.', { parameter, code: 'InvalidParameter' });
  return trimmed;
}

/** Whether a checkpoint holds the VM's memory (taken while it ran or was paused): applying it leaves the VM saved. */
export function holdsMemory(cp: Checkpoint): boolean {
  return cp.files.some((f) => f.path.toLowerCase().endsWith('.bin'));
}

export const getVmSnapshot: CmdletDefinition = {
  signature: getVmSnapshotSignature,
  run(ctx, params) {
    const names = stringList(params.Name);
    const output = targetVms(ctx, params, 'VMName').flatMap((vm) => matchingCheckpoints(vm, names).map((cp) => snapshotSummary(vm, cp)));
    return { output };
  },
};

/** Applies `cp` to `vm` (checked by the caller). */
export function applyCheckpoint(ctx: CmdletContext, vm: Vm, cp: Checkpoint): void {
  vm.state = holdsMemory(cp) ? 'Saved' : 'Off';
  delete vm.startedAt;
  vm.parentSnapshotId = cp.id;
  ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' was restored to checkpoint '${cp.name}'.`);
}

export const restoreVmSnapshot: CmdletDefinition = {
  signature: restoreVmSnapshotSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    const plans = vms.map((vm) => {
      const cp = oneCheckpoint(vm, String(params.Name));
      refuseStateChangeWhileMoving(ctx.operations, vm, 'VMName', T.applyRefused(vm.name));
      if (vm.state === 'Starting' || vm.state === 'Stopping')
        throw new CommandRefusal(T.applyRefused(vm.name), { parameter: 'VMName', fix: `'${vm.name}' is ${vm.state}; wait until it is Running or Off.` });
      return { vm, cp };
    });
    for (const { vm, cp } of plans) applyCheckpoint(ctx, vm, cp);
    if (plans.length) ctx.worldChanged();
    return params.Passthru ? { output: plans.map(({ vm, cp }) => snapshotSummary(vm, cp)) } : {};
  },
};

export const removeVmSnapshot: CmdletDefinition = {
  signature: removeVmSnapshotSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    const names = stringList(params.Name);
    const plans = vms.map((vm) => {
      const named = matchingCheckpoints(vm, names);
      if (named.length) refuseStateChangeWhileMoving(ctx.operations, vm, 'VMName', T.deleteCheckpointRefused(vm.name));
      const removed = new Set<string>();
      for (const cp of named) {
        if (params.IncludeAllChildSnapshots) for (const id of subtreeIds(vm, cp.id)) removed.add(id);
        else removed.add(cp.id);
      }
      return { vm, removed };
    });
    const output: ReturnType<typeof snapshotSummary>[] = [];
    for (const { vm, removed } of plans) {
      if (removed.size === 0) continue;
      // Each survivor hangs under its nearest surviving ancestor, and so does "Now".
      const byId = new Map(vm.checkpoints.map((c) => [c.id, c]));
      const survivingAncestor = (id: string | undefined): string | undefined => {
        let at = id;
        while (at !== undefined && removed.has(at)) at = byId.get(at)?.parentId;
        return at !== undefined && byId.has(at) ? at : undefined;
      };
      const current = currentCheckpoint(vm);
      for (const cp of vm.checkpoints) if (removed.has(cp.id) && params.Passthru) output.push(snapshotSummary(vm, cp));
      const kept = vm.checkpoints
        .filter((c) => !removed.has(c.id))
        .map((c): Checkpoint => {
          const parentId = survivingAncestor(c.parentId);
          const { parentId: _old, ...rest } = c;
          return parentId === undefined ? rest : { ...rest, parentId };
        });
      const newCurrent = current ? survivingAncestor(current.id) : undefined;
      for (const cp of vm.checkpoints) if (removed.has(cp.id)) ctx.log('Information', 'Hyper-V-VMMS', `Checkpoint '${cp.name}' of '${vm.name}' was deleted.`);
      vm.checkpoints = kept;
      vm.parentSnapshotId = newCurrent ?? null;
    }
    if (plans.some((p) => p.removed.size)) ctx.worldChanged();
    return params.Passthru ? { output } : {};
  },
};

export const renameVmSnapshot: CmdletDefinition = {
  signature: renameVmSnapshotSignature,
  run(ctx, params) {
    const newName = checkName(String(params.NewName), 'NewName');
    const plans = targetVms(ctx, params, 'VMName').map((vm) => ({ vm, cps: matchingCheckpoints(vm, [String(params.Name)]) }));
    for (const { vm, cps } of plans) {
      for (const cp of cps) {
        ctx.log('Information', 'Hyper-V-VMMS', `Checkpoint '${cp.name}' of '${vm.name}' was renamed to '${newName}'.`);
        cp.name = newName;
      }
    }
    ctx.worldChanged();
    return params.Passthru ? { output: plans.flatMap(({ vm, cps }) => cps.map((cp) => snapshotSummary(vm, cp))) } : {};
  },
};
