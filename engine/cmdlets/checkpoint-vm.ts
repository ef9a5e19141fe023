// Checkpoint-VM: a standard (2012 R2) checkpoint. Its configuration file goes to the VM's checkpoint
// (snapshot) file location, and a running VM's memory is saved beside it — so checkpoints take
// space there and are bytes a storage move must carry. The differencing disks (.avhdx) that real
// checkpoints start are not modelled: they begin nearly empty, and the lab keeps one file per VHD.
// Default names follow Hyper-V's "<VM> - (<date>)", with the lab's simulated day and time standing
// in for the calendar date (unconfirmed wording of our own). A real checkpoint takes seconds (a
// running VM's memory is saved), so two default names of one VM never share a stamp; here a
// checkpoint is instantaneous and two can land in one simulated second. The second then gets
// " (2)" (our own, *unconfirmed*), so Revert, Apply and Rename in the Manager, which name the
// checkpoint, never meet two of the same default name.
//
// A VM has at most 50 checkpoints (TechNet, "Hyper-V scalability in Windows Server 2012 and
// Windows Server 2012 R2"). The free space of a volume is worked out once per command (the world's
// files are counted once, not once per checkpoint: each checkpoint used to count every file of the
// world again, its predecessors' included, so each took longer than the last).
import { CommandRefusal } from '../errors';
import type { Checkpoint, Vm, World } from '../model/world';
import { joinPath, resolvePath } from '../model/paths';
import { freeSpace, type FreeSpace } from './free-space';
import { stableGuid } from './stable-guid';
import { refuseWhileMoving } from '../operations/configuration-lock';
import { HYPERV_LIMITS } from '../common/hyperv-limits';
import { dayAndTime } from '../common/time-span';
import { currentCheckpoint } from '../common/checkpoint-tree';
import { checkpointVmSignature } from './catalog/vm';
import type { CmdletDefinition } from './definition';
import { targetVms } from './targets';
import { sameName } from './wildcard';

const CONFIGURATION_BYTES = 64 * 1024;
/** Saved device state beside the memory image (.vsv); small and constant. */
const DEVICE_STATE_BYTES = 2 * 1024 * 1024;

function simulatedStamp(now: number): string {
  const { day, time } = dayAndTime(now);
  return `Day ${day} - ${time}`;
}

/** Hyper-V's default name, made unique among the VM's checkpoints (see the note at the top). */
function defaultName(vm: Vm, now: number): string {
  const base = `${vm.name} - (${simulatedStamp(now)})`;
  const taken = (name: string) => vm.checkpoints.some((c) => sameName(c.name, name));
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}

/** A GUID-shaped id that is the same for the same VM, checkpoint number and time (deterministic). */
function checkpointGuid(vm: Vm, n: number, now: number): string {
  return stableGuid(`${vm.id}|${n}|${now}`, n);
}

function plan(world: World, vm: Vm, name: string, now: number, space: FreeSpace): Checkpoint {
  const max = HYPERV_LIMITS.vm.checkpoints;
  if (vm.checkpoints.length >= max) {
    // Hyper-V's wording for this refusal is unconfirmed; the figure is the published maximum.
    throw new CommandRefusal(
      `Checkpoint operation for '${vm.name}' failed. '${vm.name}' already has ${vm.checkpoints.length} checkpoints; a virtual machine can have at most ${max}.`,
      {
        parameter: 'Name',
        fix: `Delete checkpoints of '${vm.name}' you no longer need before taking another (Remove-VMSnapshot, or Delete Checkpoint in Hyper-V Manager).`,
      },
    );
  }
  const n = vm.checkpoints.length + 1;
  const guid = checkpointGuid(vm, n, now);
  const folder = joinPath(vm.paths.snapshots, 'Snapshots');
  const files = [{ path: joinPath(folder, `${guid}.xml`), sizeBytes: CONFIGURATION_BYTES }];
  if (vm.state === 'Running' || vm.state === 'Paused') {
    files.push({ path: joinPath(folder, guid, `${guid}.bin`), sizeBytes: vm.memory.startupBytes });
    files.push({ path: joinPath(folder, guid, `${guid}.vsv`), sizeBytes: DEVICE_STATE_BYTES });
  }
  const where = resolvePath(world, vm.host, folder, space.hosts);
  if (!where.ok) throw new CommandRefusal(`Checkpoint operation for '${vm.name}' failed. ${where.message}`, { parameter: 'Name' });
  const needed = files.reduce((sum, f) => sum + f.sizeBytes, 0);
  if (needed > space.free(where.value.computer, where.value.volume)) {
    throw new CommandRefusal(`Checkpoint operation for '${vm.name}' failed. There is not enough space on the disk. (0x80070070)`, {
      parameter: 'Name',
      fix: `Free space on ${where.value.computer} ${where.value.volume}: or move the checkpoint file location (Move-VMStorage -SnapshotFilePath).`,
    });
  }
  space.take(where.value.computer, where.value.volume, needed);
  // The new checkpoint hangs under the one the VM runs from (engine/common/checkpoint-tree.ts).
  const parent = currentCheckpoint(vm);
  return { id: `cp-${guid}`, name, createdAt: now, ...(parent ? { parentId: parent.id } : {}), files };
}

export const checkpointVm: CmdletDefinition = {
  signature: checkpointVmSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'Name');
    const now = ctx.sim.now;
    const free = freeSpace(ctx);
    // Every checkpoint is planned (and refused) before any is taken: bad input changes nothing.
    const planned = vms.map((vm) => {
      // A checkpoint adds files the running move did not plan for (they would stay behind at its switch).
      refuseWhileMoving(ctx.operations, vm, 'Name');
      if (vm.state === 'Starting' || vm.state === 'Stopping') {
        throw new CommandRefusal(`The operation cannot be performed while the virtual machine '${vm.name}' is in its current state (${vm.state}).`, {
          parameter: 'Name',
        });
      }
      const name = typeof params.SnapshotName === 'string' ? params.SnapshotName : defaultName(vm, now);
      return { vm, checkpoint: plan(ctx.world, vm, name, now, free) };
    });
    for (const { vm, checkpoint } of planned) {
      vm.checkpoints = [...vm.checkpoints, checkpoint];
      vm.parentSnapshotId = checkpoint.id;
      ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' was checkpointed as '${checkpoint.name}'.`, 18596);
    }
    ctx.worldChanged();
    return params.Passthru
      ? { output: planned.map(({ vm, checkpoint }) => ({ VMName: vm.name, Name: checkpoint.name, ComputerName: vm.host, CreationTime: checkpoint.createdAt })) }
      : {};
  },
};
