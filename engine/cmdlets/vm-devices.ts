// Add Hardware in VM Settings, as cmdlets: Add-VMNetworkAdapter (a network adapter, or on generation
// 1 a legacy one), Add-VMScsiController and Add-VMDvdDrive. The rules are Hyper-V 2012 R2's: the
// VM must be off to gain a controller or a network adapter (hot add of network adapters came with
// Windows Server 2016: Microsoft Learn, "What's new in Hyper-V on Windows Server"), generation 2
// VMs have neither IDE nor legacy adapters (TechNet, "Generation 2 Virtual Machine Overview"), and
// the maximums of engine/common/hyperv-limits.ts hold.
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import { normalizePath } from '../model/paths';
import { HYPERV_LIMITS, maxNetworkAdapters } from '../common/hyperv-limits';
import { refuseWhileMoving } from '../operations/configuration-lock';
import { addVmDvdDriveSignature, addVmNetworkAdapterSignature, addVmScsiControllerSignature } from './catalog/vm-configuration';
import type { CmdletDefinition } from './definition';
import { chooseSlot, controllerText, parseController } from './hard-disk-drives';
import { isoPathProblem } from './new-vm';
import { hostOfVm, targetVms } from './targets';
import { scsiControllerCount } from '../common/vm-configuration';
import { sameName } from './wildcard';

const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Whether an adapter is a legacy one (New-VM -BootDevice LegacyNetworkAdapter names it so). */
export function isLegacyAdapter(a: Vm['networkAdapters'][number]): boolean {
  return a.legacy ?? a.name === 'Legacy Network Adapter';
}

/** Hyper-V's refusal to add a device to a VM that is not off. */
function needsOff(vm: Vm, device: string, parameter = 'VMName'): CommandRefusal {
  return new CommandRefusal(
    `'${vm.name}' failed to add device '${device}'. The operation cannot be performed while the virtual machine is in its current state.`,
    { parameter, fix: `The virtual machine is ${vm.state}; turn it off first: Stop-VM -Name ${psQuote(vm.name)}` },
  );
}

function adapterObject(vm: Vm, a: Vm['networkAdapters'][number]) {
  return { VMName: vm.name, ComputerName: vm.host, Name: a.name, IsLegacy: isLegacyAdapter(a), SwitchName: a.switchName ?? '' };
}

export const addVmNetworkAdapter: CmdletDefinition = {
  signature: addVmNetworkAdapterSignature,
  run(ctx, params) {
    const legacy = params.IsLegacy === true;
    const name = params.Name !== undefined ? String(params.Name) : legacy ? 'Legacy Network Adapter' : 'Network Adapter';
    const vms = targetVms(ctx, params, 'VMName');
    const plans = vms.map((vm) => {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      const device = legacy ? 'Legacy Network Adapter' : 'Synthetic Ethernet Port';
      if (legacy && vm.generation === 2) {
        // TechNet, "Generation 2 Virtual Machine Overview": no legacy network adapter. *Unconfirmed* wording.
        throw new CommandRefusal(`'${vm.name}' failed to add device '${device}'. Generation 2 virtual machines do not support legacy network adapters.`, {
          parameter: 'IsLegacy',
          code: 'InvalidParameter',
          fix: 'Leave -IsLegacy out: a generation 2 virtual machine boots from the network with a standard network adapter.',
        });
      }
      if (vm.state !== 'Off') throw needsOff(vm, device);
      const legacyCount = vm.networkAdapters.filter(isLegacyAdapter).length;
      const max = legacy ? HYPERV_LIMITS.vm.legacyNetworkAdapters : maxNetworkAdapters(2);
      const have = legacy ? legacyCount : vm.networkAdapters.length - legacyCount;
      if (have >= max) {
        throw new CommandRefusal(
          `'${vm.name}' failed to add device '${device}'. A virtual machine can have at most ${max} ${legacy ? 'legacy ' : ''}network adapters${legacy ? '' : ' (besides legacy ones)'}.`,
          { parameter: 'VMName' },
        );
      }
      let switchName: string | undefined;
      if (params.SwitchName !== undefined) {
        const host = hostOfVm(ctx, vm);
        const sw = host?.virtualSwitches.find((s) => sameName(s.name, String(params.SwitchName)));
        if (!sw) {
          throw new CommandRefusal(`Hyper-V was unable to find a virtual switch with name "${params.SwitchName}".`, {
            parameter: 'SwitchName',
            code: 'NotFound',
            fix: host?.virtualSwitches.length
              ? `Virtual switches on ${vm.host}: ${host.virtualSwitches.map((s) => s.name).join(', ')}.`
              : `${vm.host} has no virtual switch: leave -SwitchName out (Not connected).`,
          });
        }
        switchName = sw.name;
      }
      return { vm, adapter: { name, ...(switchName ? { switchName } : {}), ...(legacy ? { legacy: true } : {}) } };
    });
    for (const { vm, adapter } of plans) {
      vm.networkAdapters = [...vm.networkAdapters, adapter];
      ctx.log(
        'Information',
        'Hyper-V-VMMS',
        `'${vm.name}': ${legacy ? 'a legacy network adapter' : 'a network adapter'} was added (${adapter.switchName ?? 'not connected'}).`,
      );
    }
    if (plans.length) ctx.worldChanged();
    return params.Passthru ? { output: plans.map(({ vm, adapter }) => adapterObject(vm, adapter)) } : {};
  },
};

export const addVmScsiController: CmdletDefinition = {
  signature: addVmScsiControllerSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    for (const vm of vms) {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      if (vm.state !== 'Off') throw needsOff(vm, 'SCSI Controller');
      if (scsiControllerCount(vm) >= HYPERV_LIMITS.vm.scsiControllers) {
        // *Unconfirmed* wording; the limit is TechNet's ("Hyper-V scalability in Windows Server 2012 and Windows Server 2012 R2").
        throw new CommandRefusal(
          `'${vm.name}' failed to add device 'SCSI Controller'. A virtual machine can have at most ${HYPERV_LIMITS.vm.scsiControllers} SCSI controllers.`,
          { parameter: 'VMName' },
        );
      }
    }
    for (const vm of vms) {
      vm.scsiControllers = scsiControllerCount(vm) + 1;
      ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}': SCSI controller ${vm.scsiControllers - 1} was added.`);
    }
    if (vms.length) ctx.worldChanged();
    return params.Passthru
      ? { output: vms.map((vm) => ({ VMName: vm.name, ComputerName: vm.host, Name: 'SCSI Controller', ControllerNumber: scsiControllerCount(vm) - 1 })) }
      : {};
  },
};

export const addVmDvdDrive: CmdletDefinition = {
  signature: addVmDvdDriveSignature,
  run(ctx, params) {
    const path = params.Path !== undefined ? String(params.Path) : undefined;
    const problem = path !== undefined ? isoPathProblem(path) : undefined;
    if (problem) throw new CommandRefusal(problem, { parameter: 'Path', code: 'InvalidParameter' });
    const vms = targetVms(ctx, params, 'VMName');
    const plans = vms.map((vm) => {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      // Generation 1 keeps DVD drives on its IDE controllers, generation 2 on SCSI (TechNet, "Generation 2 Virtual Machine Overview").
      const type = vm.generation === 1 ? 'IDE' : 'SCSI';
      // *Unconfirmed* for generation 2: Hyper-V Manager offers Add only while the VM is off.
      if (vm.state !== 'Off') throw needsOff(vm, 'DVD Drive');
      if (type === 'SCSI' && params.ControllerNumber !== undefined && Number(params.ControllerNumber) >= scsiControllerCount(vm)) {
        throw new CommandRefusal(`'${vm.name}' has no SCSI controller ${Number(params.ControllerNumber)}.`, {
          parameter: 'ControllerNumber',
          code: 'InvalidParameter',
          fix: `It has ${scsiControllerCount(vm)}; add one with Add-VMScsiController.`,
        });
      }
      const slot = chooseSlot(vm, type, params.ControllerNumber as number | undefined, params.ControllerLocation as number | undefined);
      return { vm, drive: { controller: controllerText(slot), ...(path !== undefined ? { path: normalizePath(path) } : {}) } };
    });
    for (const { vm, drive } of plans) {
      vm.dvdDrives = [...vm.dvdDrives, drive];
      ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}': a DVD drive was added at ${drive.controller}${drive.path ? ` holding '${drive.path}'` : ''}.`);
    }
    if (plans.length) ctx.worldChanged();
    return params.Passthru
      ? {
          output: plans.map(({ vm, drive }) => {
            const slot = parseController(drive.controller)!;
            return {
              VMName: vm.name,
              ComputerName: vm.host,
              ControllerType: slot.type,
              ControllerNumber: slot.number,
              ControllerLocation: slot.location,
              Path: drive.path ?? '',
            };
          }),
        }
      : {};
  },
};
