// Rename-VM and Remove-VM. Renaming changes the name only: Hyper-V keeps the VM's id and leaves its folders and
// files as they are named (Microsoft Learn, "Rename-VM"). It works in any state, but not while a
// move of the VM runs (the move switches the VM to the configuration it planned from).
//
// Hyper-V itself allows two VMs of one name on a host; the lab does not (every command names a VM
// by its name, and world validation refuses duplicates), so a rename to a name in use there is
// refused.
//
// Deleting a VM deletes its configuration, its checkpoints' files and its saved state, but keeps
// its virtual hard disks on their volumes (Microsoft Learn, "Remove-VM"; Hyper-V Manager's delete
// confirmation says so): they become unattached disks (world.vhdFiles), still taking their space.
// A running or paused VM cannot be deleted (the Manager offers Delete only when it is off or
// saved; *unconfirmed* for the cmdlet), nor one being moved. Without -Force PowerShell would ask
// for confirmation; the lab's prompt does not ask yet, so both delete.
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import { removeVmSignature, renameVmSignature } from './catalog/vm-lifecycle';
import { detachedDisk } from './vhd-files';
import type { CmdletDefinition } from './definition';
import { refuseStateChangeWhileMoving } from '../operations/configuration-lock';
import { LifecycleTexts as T } from '../operations/parameters';
import { targetVms } from './targets';
import { sameName } from './wildcard';
import { vmSummary } from './vm-lifecycle';

export const renameVm: CmdletDefinition = {
  signature: renameVmSignature,
  run(ctx, params) {
    const newName = String(params.NewName).trim();
    if (newName.length === 0) throw new CommandRefusal('The virtual machine name cannot be empty.', { parameter: 'NewName', code: 'InvalidParameter' });
    if (newName.length > T.vmNameMaxLength)
      throw new CommandRefusal(T.nameTooLong('virtual machine', newName.length, T.vmNameMaxLength), { parameter: 'NewName', code: 'InvalidParameter' });
    const vms = targetVms(ctx, params, 'Name');
    if (vms.length > 1)
      throw new CommandRefusal(`${vms.length} virtual machines match '${String(params.Name)}'; Rename-VM renames one.`, {
        parameter: 'Name',
        code: 'InvalidParameter',
      });
    const vm = vms[0]!;
    const clash = ctx.world.vms.find((v) => v !== vm && sameName(v.host, vm.host) && sameName(v.name, newName));
    if (clash) {
      throw new CommandRefusal(T.renameRefused(vm.name), {
        parameter: 'NewName',
        fix: `${vm.host} already has a virtual machine named '${clash.name}'. Hyper-V allows two of one name, but this lab names every VM by its name: choose another.`,
      });
    }
    refuseStateChangeWhileMoving(ctx.operations, vm, 'Name', T.renameRefused(vm.name));
    if (vm.name !== newName) {
      ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' was renamed to '${newName}'.`);
      vm.name = newName;
      ctx.worldChanged();
    }
    return params.Passthru ? { output: [vmSummary(vm, ctx.sim.now)] } : {};
  },
};

export const removeVm: CmdletDefinition = {
  signature: removeVmSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'Name');
    for (const vm of vms) {
      if (vm.state !== 'Off' && vm.state !== 'Saved') {
        throw new CommandRefusal(T.deleteRefused(vm.name), {
          parameter: 'Name',
          fix: `'${vm.name}' is ${vm.state}. Turn it off or shut it down first (Stop-VM).`,
        });
      }
      refuseStateChangeWhileMoving(ctx.operations, vm, 'Name', T.deleteRefused(vm.name));
    }
    const gone = new Set<Vm>(vms);
    const output = params.Passthru ? vms.map((vm) => vmSummary(vm, ctx.sim.now)) : undefined;
    // Every disk is located before anything changes (a refusal changes nothing).
    const kept = vms.flatMap((vm) => vm.vhds.map((d) => detachedDisk(ctx.world, vm, d, 'Name')));
    ctx.world.vhdFiles = [...ctx.world.vhdFiles, ...kept];
    ctx.world.vms = ctx.world.vms.filter((v) => !gone.has(v));
    for (const vm of vms) ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' was deleted. Its virtual hard disks were kept.`);
    if (vms.length) ctx.worldChanged();
    return output ? { output } : {};
  },
};
