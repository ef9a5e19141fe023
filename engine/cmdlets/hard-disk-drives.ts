// Get-VMHardDiskDrive, Add-VMHardDiskDrive and Remove-VMHardDiskDrive: the drives through which a
// VM uses its virtual hard disk files. A drive sits at a controller location ("IDE 0:1", "SCSI
// 0:3"): generation 1 VMs have two IDE controllers with two locations each, both generations SCSI
// controllers with 64 locations (TechNet, "Hyper-V scalability in Windows Server 2012 and Windows
// Server 2012 R2"; generation 2 VMs have no IDE: TechNet, "Generation 2 Virtual Machine
// Overview"). IDE drives change only while the VM is off; SCSI drives can be added and removed
// while it runs (hot add, 2012 R2). The lab does not model Add-VMScsiController: every VM is
// taken to have its four SCSI controllers. Removing a drive keeps the file on its volume, as
// Hyper-V does; it becomes an unattached disk (world.vhdFiles).
import { CommandRefusal } from '../errors';
import type { VhdFile, Vm } from '../model/world';
import { hostIndexOf, normalizePath } from '../model/paths';
import { HYPERV_LIMITS } from '../common/hyperv-limits';
import { refuseWhileMoving } from '../operations/configuration-lock';
import { addVmHardDiskDriveSignature, getVmHardDiskDriveSignature, removeVmHardDiskDriveSignature } from './catalog/vhd';
import type { CmdletDefinition } from './definition';
import { targetVms } from './targets';
import { detachedDisk, findVhdAt, formatOf, locateFile } from './vhd-files';

export type ControllerType = 'IDE' | 'SCSI';
export interface Slot {
  type: ControllerType;
  number: number;
  location: number;
}

export function parseController(controller: string): Slot | undefined {
  const m = /^(IDE|SCSI)\s+(\d+):(\d+)$/i.exec(controller.trim());
  return m ? { type: m[1]!.toUpperCase() as ControllerType, number: Number(m[2]), location: Number(m[3]) } : undefined;
}

export function controllerText(s: Slot): string {
  return `${s.type} ${s.number}:${s.location}`;
}

const bounds: Record<ControllerType, { controllers: number; locations: number }> = {
  IDE: { controllers: 2, locations: 2 },
  SCSI: { controllers: 4, locations: HYPERV_LIMITS.vm.scsiDisks / 4 },
};

/** The slots a VM's drives take: its hard drives and DVD drives. */
function takenSlots(vm: Vm): Set<string> {
  return new Set([...vm.vhds, ...vm.dvdDrives].map((d) => d.controller.toUpperCase().replace(/\s+/g, ' ')));
}

/** The first free slot of a controller type, or the one asked for; refuses when none or taken. */
export function chooseSlot(vm: Vm, type: ControllerType, number?: number, location?: number): Slot {
  const b = bounds[type];
  const taken = takenSlots(vm);
  if (number !== undefined && number >= b.controllers) {
    throw new CommandRefusal(`'${vm.name}' has no ${type} controller ${number}: ${type} controllers are numbered 0 to ${b.controllers - 1}.`, {
      parameter: 'ControllerNumber',
      code: 'InvalidParameter',
    });
  }
  if (location !== undefined && location >= b.locations) {
    throw new CommandRefusal(`An ${type} controller has locations 0 to ${b.locations - 1}; ${location} does not exist.`, {
      parameter: 'ControllerLocation',
      code: 'InvalidParameter',
    });
  }
  for (let n = number ?? 0; n < (number !== undefined ? number + 1 : b.controllers); n++) {
    for (let l = location ?? 0; l < (location !== undefined ? location + 1 : b.locations); l++) {
      const slot = { type, number: n, location: l };
      if (!taken.has(controllerText(slot))) return slot;
    }
  }
  const asked = number !== undefined && location !== undefined ? `${type} ${number}:${location}` : undefined;
  // *Unconfirmed* wording (Hyper-V's "Failed to add device" pattern).
  throw new CommandRefusal(
    `'${vm.name}' failed to add device 'Virtual Hard Disk'. ${asked ? `The location ${asked} is already in use.` : `There is no free location on its ${type} controller${number !== undefined ? ` ${number}` : 's'}.`}`,
    {
      parameter: asked ? 'ControllerLocation' : 'ControllerType',
      fix:
        type === 'IDE' && vm.generation === 1
          ? 'Use a SCSI controller (-ControllerType SCSI), which has 64 locations.'
          : 'Choose another controller number or location (Get-VMHardDiskDrive lists the ones in use).',
    },
  );
}

/** IDE drives change only while the VM is off; generation 2 VMs have no IDE controller. */
export function checkControllerRules(vm: Vm, type: ControllerType, verb: 'add' | 'remove'): void {
  if (type === 'IDE' && vm.generation === 2) {
    throw new CommandRefusal(`'${vm.name}' is a generation 2 virtual machine, which has no IDE controller.`, {
      parameter: 'ControllerType',
      code: 'InvalidParameter',
      fix: 'Use -ControllerType SCSI.',
    });
  }
  if (type === 'IDE' && vm.state !== 'Off') {
    // *Unconfirmed* wording; the rule is Hyper-V's (hot add and removal are SCSI-only).
    throw new CommandRefusal(
      `'${vm.name}' failed to ${verb} device 'Virtual Hard Disk'. IDE drives can be ${verb === 'add' ? 'added' : 'removed'} only while the virtual machine is off.`,
      {
        parameter: 'ControllerType',
        fix:
          vm.generation === 1
            ? 'Turn the virtual machine off first, or use a SCSI controller, which accepts drives while it runs.'
            : 'Turn the virtual machine off first.',
      },
    );
  }
  if (vm.state === 'Saved' || vm.state === 'Starting' || vm.state === 'Stopping') {
    throw new CommandRefusal(
      `'${vm.name}' failed to ${verb} device 'Virtual Hard Disk'. The operation cannot be performed while the virtual machine is in its current state (${vm.state}).`,
      { parameter: 'VMName' },
    );
  }
}

function driveObject(vm: Vm, d: VhdFile) {
  const slot = parseController(d.controller);
  return {
    VMName: vm.name,
    ControllerType: slot?.type ?? d.controller,
    ControllerNumber: slot?.number ?? 0,
    ControllerLocation: slot?.location ?? 0,
    DiskNumber: null,
    Path: d.path,
    ComputerName: vm.host,
    Name: 'Hard Drive',
  };
}

export const getVmHardDiskDrive: CmdletDefinition = {
  signature: getVmHardDiskDriveSignature,
  run(ctx, params) {
    const out: unknown[] = [];
    for (const vm of targetVms(ctx, params, 'VMName')) {
      for (const d of vm.vhds) {
        const slot = parseController(d.controller);
        if (params.ControllerType !== undefined && slot?.type !== params.ControllerType) continue;
        if (params.ControllerNumber !== undefined && slot?.number !== params.ControllerNumber) continue;
        if (params.ControllerLocation !== undefined && slot?.location !== params.ControllerLocation) continue;
        out.push(driveObject(vm, d));
      }
    }
    return { output: out };
  },
};

export const addVmHardDiskDrive: CmdletDefinition = {
  signature: addVmHardDiskDriveSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    if (params.Path === undefined) {
      throw new CommandRefusal('Specify the virtual hard disk file to attach with -Path.', {
        parameter: 'Path',
        code: 'InvalidParameter',
        fix: 'This lab models virtual hard disks only: pass-through physical disks (-DiskNumber) and empty drives are not modelled.',
      });
    }
    const path = String(params.Path);
    const hosts = hostIndexOf(ctx.world);
    const planned: { vm: Vm; disk: VhdFile; fromLoose: number }[] = [];
    for (const vm of vms) {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      const type: ControllerType = (params.ControllerType as ControllerType | undefined) ?? (vm.generation === 1 ? 'IDE' : 'SCSI');
      checkControllerRules(vm, type, 'add');
      const at = locateFile(ctx.world, vm.host, path, 'Path', hosts);
      const found = findVhdAt(ctx.world, at, hosts);
      const action = `'${vm.name}' failed to add device 'Virtual Hard Disk'.`;
      if (!found)
        throw new CommandRefusal(`${action} The system cannot find the file specified. (0x80070002) '${path}'`, {
          parameter: 'Path',
          code: 'NotFound',
          fix: 'Create the disk first (New-VHD, or Action > New > Hard Disk...).',
        });
      const twice = planned.find((p) => p.fromLoose === found.index && !found.attached);
      if (found.attached || twice) {
        const owner = found.attached ? found.vm.name : twice!.vm.name;
        throw new CommandRefusal(`${action} The process cannot access the file because it is being used by another process. (0x80070020)`, {
          parameter: 'Path',
          fix: `'${path}' is already attached to '${owner}'. A virtual hard disk file can be attached to one virtual machine at a time.`,
        });
      }
      if (vm.generation === 2 && formatOf(path) === 'VHD') {
        // Generation 2 VMs boot and run from VHDX only (TechNet, "Generation 2 Virtual Machine Overview"). *Unconfirmed* wording.
        throw new CommandRefusal(`${action} Generation 2 virtual machines do not support the VHD format. Use a VHDX disk.`, {
          parameter: 'Path',
          code: 'InvalidParameter',
          fix: 'Convert the disk first (Convert-VHD, or Edit Disk > Convert).',
        });
      }
      const slot = chooseSlot(vm, type, params.ControllerNumber as number | undefined, params.ControllerLocation as number | undefined);
      const loose = found.disk;
      planned.push({
        vm,
        fromLoose: found.index,
        disk: {
          path: normalizePath(path),
          sizeBytes: loose.sizeBytes,
          maxSizeBytes: loose.maxSizeBytes,
          type: loose.type,
          controller: controllerText(slot),
          ...(loose.parentPath ? { parentPath: loose.parentPath } : {}),
          ...(loose.dataBytes !== undefined ? { dataBytes: loose.dataBytes } : {}),
        },
      });
    }
    const taken = new Set(planned.map((p) => p.fromLoose));
    ctx.world.vhdFiles = ctx.world.vhdFiles.filter((_, i) => !taken.has(i));
    for (const p of planned) {
      p.vm.vhds = [...p.vm.vhds, p.disk];
      ctx.log('Information', 'Hyper-V-VMMS', `'${p.vm.name}': the virtual hard disk '${p.disk.path}' was attached at ${p.disk.controller}.`);
    }
    ctx.worldChanged();
    return params.Passthru ? { output: planned.map((p) => driveObject(p.vm, p.disk)) } : {};
  },
};

export const removeVmHardDiskDrive: CmdletDefinition = {
  signature: removeVmHardDiskDriveSignature,
  run(ctx, params) {
    const [vm] = targetVms(ctx, params, 'VMName');
    if (!vm) return {};
    const slot: Slot = { type: params.ControllerType as ControllerType, number: Number(params.ControllerNumber), location: Number(params.ControllerLocation) };
    refuseWhileMoving(ctx.operations, vm, 'VMName');
    checkControllerRules(vm, slot.type, 'remove');
    const index = vm.vhds.findIndex((d) => d.controller.toUpperCase().replace(/\s+/g, ' ') === controllerText(slot));
    if (index < 0) {
      // *Unconfirmed* wording.
      throw new CommandRefusal(`Hyper-V was unable to find a hard disk drive at ${controllerText(slot)} of virtual machine '${vm.name}'.`, {
        parameter: 'ControllerLocation',
        code: 'NotFound',
        fix: `Get-VMHardDiskDrive -VMName '${vm.name.replace(/'/g, "''")}' lists its drives.`,
      });
    }
    const disk = vm.vhds[index]!;
    const kept = detachedDisk(ctx.world, vm, disk, 'VMName');
    vm.vhds = vm.vhds.filter((_, i) => i !== index);
    ctx.world.vhdFiles = [...ctx.world.vhdFiles, kept];
    ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}': the hard disk drive at ${disk.controller} was removed; '${disk.path}' stays on its volume.`);
    ctx.worldChanged();
    return params.Passthru ? { output: [driveObject(vm, disk)] } : {};
  },
};
