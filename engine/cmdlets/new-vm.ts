// New-VM (and Set-VMDvdDrive, which the New Virtual Machine Wizard sends after it for an
// installation image). What 2012 R2 creates, from the Hyper-V module's cmdlet help for Windows
// Server 2012 R2 and TechNet, "Generation 2 Virtual Machine Overview":
//   - the VM is off, with one virtual processor, static memory at -MemoryStartupBytes (512 MB when
//     left out) and one network adapter, connected to -SwitchName when given;
//   - its files go to <Path>\<Name> when -Path is given, else to the host's default folder
//     (VhdParameters.defaultVirtualMachinePath); checkpoints and the smart paging file with them;
//   - generation 1 (the default) boots from IDE and has a DVD drive at IDE 1:0; generation 2 boots
//     from SCSI, supports VHDX only, and has a DVD drive (SCSI 0:1) only when it boots from CD;
//   - -NewVHDPath makes a dynamically expanding disk and attaches it first (IDE 0:0 or SCSI 0:0);
//     -VHDPath attaches an existing disk that no VM uses.
// New-VM completes at once (-AsJob is accepted and changes nothing: creating the files is quick).
// Hyper-V accepts two VMs of one name; the lab names VMs uniquely on a host, so it refuses a second.
import { CommandRefusal } from '../errors';
import type { Host, UnattachedVhd, VhdFile, Vm } from '../model/world';
import { joinPath, normalizePath, parsePath } from '../model/paths';
import { explainPathProblem, nameProblem } from '../common/windows-paths';
import { LifecycleTexts, VhdParameters } from '../operations/parameters';
import { refuseWhileMoving } from '../operations/configuration-lock';
import { newVmSignature } from './catalog/new-vm';
import { setVmDvdDriveSignature } from './catalog/vhd';
import type { CmdletContext, CmdletDefinition } from './definition';
import { freeSpace } from './free-space';
import { planMemory } from './memory-rules';
import { stableGuid } from './stable-guid';
import { targetHosts, targetVms } from './targets';
import { checkDiskSize, findVhdAt, formatOf, locateFile, newFileBytes, reserveSpace } from './vhd-files';
import { vmSummary } from './vm-lifecycle';
import { sameName } from './wildcard';
import { parseController } from './hard-disk-drives';

const CONFIGURATION_BYTES = 64 * 1024;
const BOOT_DEVICES: Record<1 | 2, readonly string[]> = {
  1: ['Floppy', 'CD', 'IDE', 'LegacyNetworkAdapter'],
  2: ['VHD', 'NetworkAdapter', 'CD'],
};

type BootDevice = NonNullable<Vm['bootDevice']>;

/** Where a new VM's folder goes: <Path>\<Name>, or the host's default virtual machine folder (Hyper-V Settings, Set-VMHost). */
export function newVmFolder(path: string | undefined, name: string, host?: Host): string {
  return path !== undefined ? joinPath(path, name) : (host?.virtualMachinePath ?? VhdParameters.defaultVirtualMachinePath);
}

/** A bare file name in -NewVHDPath goes to the VM's "Virtual Hard Disks" folder or the host's default (*unconfirmed* rule). */
export function newVhdLocation(newVhdPath: string, path: string | undefined, name: string, host?: Host): string {
  if (parsePath(newVhdPath)) return normalizePath(newVhdPath);
  return joinPath(
    path !== undefined ? joinPath(path, name, 'Virtual Hard Disks') : (host?.virtualHardDiskPath ?? VhdParameters.defaultVirtualHardDiskPath),
    newVhdPath,
  );
}

function plan(
  ctx: CmdletContext,
  host: Host,
  params: Parameters<CmdletDefinition['run']>[1],
  space: ReturnType<typeof freeSpace>,
  n: number,
): { vm: Vm; newDisk?: UnattachedVhd; usedLoose?: number } {
  const name = params.Name !== undefined ? String(params.Name) : 'New Virtual Machine';
  const generation = (params.Generation !== undefined ? Number(params.Generation) : 1) as 1 | 2;
  const action = `Failed to create the virtual machine '${name}'.`;
  if (name.length > LifecycleTexts.vmNameMaxLength) {
    throw new CommandRefusal(`${action} ${LifecycleTexts.nameTooLong('virtual machine', name.length, LifecycleTexts.vmNameMaxLength)}`, {
      parameter: 'Name',
      code: 'InvalidParameter',
    });
  }
  if (ctx.world.vms.some((v) => sameName(v.host, host.name) && sameName(v.name, name))) {
    throw new CommandRefusal(`${action} A virtual machine named '${name}' already exists on ${host.name}.`, {
      parameter: 'Name',
      fix: 'Hyper-V itself allows two virtual machines of one name, but this lab names each virtual machine once per host: choose another name.',
    });
  }
  const path = params.Path !== undefined ? String(params.Path) : undefined;
  if (path !== undefined) {
    const problem = nameProblem(name);
    if (problem)
      throw new CommandRefusal(`${action} Its folder '${name}' cannot be created under '${path}': ${explainPathProblem(problem)}`, {
        parameter: 'Name',
        code: 'InvalidParameter',
      });
  }
  const folder = newVmFolder(path, name, host);
  const folderAt = locateFile(ctx.world, host.name, folder, 'Path', space.hosts);
  reserveSpace(space, folderAt, CONFIGURATION_BYTES, action, 'Path');

  const boot = params.BootDevice as BootDevice | undefined;
  if (boot !== undefined && !BOOT_DEVICES[generation].includes(boot)) {
    // *Unconfirmed* wording; the devices each generation has are TechNet's ("Generation 2 Virtual Machine Overview").
    throw new CommandRefusal(
      `${action} A generation ${generation} virtual machine cannot boot from '${boot}'. Choose one of: ${BOOT_DEVICES[generation].join(', ')}.`,
      { parameter: 'BootDevice', code: 'InvalidParameter' },
    );
  }

  let switchName: string | undefined;
  if (params.SwitchName !== undefined) {
    const sw = host.virtualSwitches.find((s) => sameName(s.name, String(params.SwitchName)));
    if (!sw) {
      throw new CommandRefusal(`Hyper-V was unable to find a virtual switch with name "${params.SwitchName}".`, {
        parameter: 'SwitchName',
        code: 'NotFound',
        fix: host.virtualSwitches.length
          ? `Virtual switches on ${host.name}: ${host.virtualSwitches.map((s) => s.name).join(', ')}.`
          : `${host.name} has no virtual switch: leave -SwitchName out (Not Connected).`,
      });
    }
    switchName = sw.name;
  }

  const guid = stableGuid(`${host.name}|${name}|${ctx.sim.now}|${ctx.world.vms.length + n}`, n);
  const startup = params.MemoryStartupBytes !== undefined ? Number(params.MemoryStartupBytes) : VhdParameters.defaultStartupBytes;
  const draft: Vm = {
    id: guid,
    name,
    host: host.name,
    generation,
    configurationVersion: '5.0',
    state: 'Off',
    processorCount: 1,
    compatibilityForMigration: false,
    memory: {
      dynamic: false,
      startupBytes: VhdParameters.defaultStartupBytes,
      minimumBytes: VhdParameters.defaultStartupBytes,
      maximumBytes: 1024 ** 4,
      bufferPercent: 20,
      weight: 5000,
    },
    workload: { memoryDirtyBytesPerSec: 0, compressionRatio: 2, diskWriteBytesPerSec: 0, cpuDemandPercent: 5 },
    paths: { configuration: folder, snapshots: folder, smartPaging: folder },
    configurationSizeBytes: CONFIGURATION_BYTES,
    vhds: [],
    passThroughDisks: [],
    networkAdapters: [
      boot === 'LegacyNetworkAdapter'
        ? { name: 'Legacy Network Adapter', legacy: true, ...(switchName ? { switchName } : {}) }
        : { name: 'Network Adapter', ...(switchName ? { switchName } : {}) },
    ],
    dvdDrives: [],
    checkpoints: [],
    notes: '',
    ...(boot ? { bootDevice: boot } : {}),
  };
  // The memory rules of Set-VMMemory (32 MB .. 1 TB, a multiple of 2 MB); Hyper-V's dynamic
  // minimum and maximum defaults: 512 MB (or the startup, when less) and 1 TB.
  const memory = planMemory(
    draft,
    { startupBytes: startup },
    { dynamic: 'MemoryStartupBytes', startup: 'MemoryStartupBytes', minimum: 'MemoryStartupBytes', maximum: 'MemoryStartupBytes' },
  );
  draft.memory = { ...memory, minimumBytes: Math.min(memory.minimumBytes, startup) };

  const bootSlot = generation === 1 ? 'IDE 0:0' : 'SCSI 0:0';
  let newDisk: UnattachedVhd | undefined;
  let usedLoose: number | undefined;
  if (params.NewVHDPath !== undefined) {
    const vhdPath = newVhdLocation(String(params.NewVHDPath), path, name, host);
    const at = locateFile(ctx.world, host.name, vhdPath, 'NewVHDPath', space.hosts);
    if (!/\.vhdx?$/i.test(vhdPath))
      throw new CommandRefusal(`${action} '${vhdPath}' does not have a virtual hard disk file name extension: use .vhdx or .vhd.`, {
        parameter: 'NewVHDPath',
        code: 'InvalidParameter',
      });
    if (generation === 2 && formatOf(vhdPath) === 'VHD') throw gen2Vhd(action, 'NewVHDPath');
    if (findVhdAt(ctx.world, at, space.hosts)) {
      throw new CommandRefusal(`${action} The system failed to create '${vhdPath}': The file exists. (0x80070050)`, {
        parameter: 'NewVHDPath',
        fix: 'Choose another file name, or attach the existing disk (-VHDPath).',
      });
    }
    const size = Number(params.NewVHDSizeBytes);
    checkDiskSize(vhdPath, size, 'NewVHDSizeBytes');
    const sizeBytes = newFileBytes(formatOf(vhdPath), 'Dynamic', size);
    reserveSpace(space, at, sizeBytes, `${action} The system failed to create '${vhdPath}'.`, 'NewVHDPath');
    newDisk = { computer: at.computer, path: at.localPath, sizeBytes, maxSizeBytes: size, type: 'Dynamic', dataBytes: 0 };
    draft.vhds = [{ path: vhdPath, sizeBytes, maxSizeBytes: size, type: 'Dynamic', controller: bootSlot, dataBytes: 0 }];
  } else if (params.VHDPath !== undefined) {
    const vhdPath = String(params.VHDPath);
    const at = locateFile(ctx.world, host.name, vhdPath, 'VHDPath', space.hosts);
    const found = findVhdAt(ctx.world, at, space.hosts);
    if (!found)
      throw new CommandRefusal(`${action} The system cannot find the file specified. (0x80070002) '${vhdPath}'`, { parameter: 'VHDPath', code: 'NotFound' });
    if (found.attached) {
      throw new CommandRefusal(`${action} The process cannot access the file because it is being used by another process. (0x80070020)`, {
        parameter: 'VHDPath',
        fix: `'${vhdPath}' is attached to '${found.vm.name}'. A virtual hard disk file can be attached to one virtual machine at a time.`,
      });
    }
    if (generation === 2 && formatOf(vhdPath) === 'VHD') throw gen2Vhd(action, 'VHDPath');
    const d = found.disk;
    usedLoose = found.index;
    const disk: VhdFile = {
      path: normalizePath(vhdPath),
      sizeBytes: d.sizeBytes,
      maxSizeBytes: d.maxSizeBytes,
      type: d.type,
      controller: bootSlot,
      ...(d.parentPath ? { parentPath: d.parentPath } : {}),
      ...(d.dataBytes !== undefined ? { dataBytes: d.dataBytes } : {}),
    };
    draft.vhds = [disk];
  }
  // Generation 1 always has a DVD drive on the second IDE controller; generation 2 one only to boot from.
  if (generation === 1) draft.dvdDrives = [{ controller: 'IDE 1:0' }];
  else if (boot === 'CD') draft.dvdDrives = [{ controller: draft.vhds.length ? 'SCSI 0:1' : 'SCSI 0:0' }];
  return { vm: draft, ...(newDisk ? { newDisk } : {}), ...(usedLoose !== undefined ? { usedLoose } : {}) };
}

function gen2Vhd(action: string, parameter: string): CommandRefusal {
  // Generation 2 VMs use VHDX only (TechNet, "Generation 2 Virtual Machine Overview"). *Unconfirmed* wording.
  return new CommandRefusal(`${action} Generation 2 virtual machines do not support the VHD format. Use a VHDX disk.`, { parameter, code: 'InvalidParameter' });
}

export const newVm: CmdletDefinition = {
  signature: newVmSignature,
  run(ctx, params) {
    const space = freeSpace(ctx);
    const plans = targetHosts(ctx, params, 'ComputerName', true).map((host, n) => plan(ctx, host, params, space, n));
    const used = new Set(plans.flatMap((p) => (p.usedLoose !== undefined ? [p.usedLoose] : [])));
    if (used.size) ctx.world.vhdFiles = ctx.world.vhdFiles.filter((_, i) => !used.has(i));
    for (const p of plans) {
      ctx.world.vms = [...ctx.world.vms, p.vm];
      ctx.log(
        'Information',
        'Hyper-V-VMMS',
        `Virtual machine '${p.vm.name}' was created (generation ${p.vm.generation}, ${p.vm.memory.startupBytes / 1024 ** 2} MB) on ${p.vm.host}.`,
        13002,
      );
      if (p.newDisk)
        ctx.log(
          'Information',
          'Hyper-V-VMMS',
          `The virtual hard disk '${p.newDisk.path}' was created on ${p.newDisk.computer} (${formatOf(p.newDisk.path)}, Dynamic).`,
        );
    }
    ctx.worldChanged();
    return { output: plans.map((p) => vmSummary(p.vm, ctx.sim.now)) };
  },
};

/** Why a DVD drive cannot take this path (Set-VMDvdDrive, Add-VMDvdDrive -Path), or undefined. */
export function isoPathProblem(path: string): string | undefined {
  if (!parsePath(path)) return `'${path}' is not a valid path. Specify a full path such as D:\\ISO\\WindowsServer2012R2.iso.`;
  if (!/\.iso$/i.test(path)) return `'${path}' is not an image file: a virtual DVD drive takes an .iso file.`;
  return undefined;
}

export const setVmDvdDrive: CmdletDefinition = {
  signature: setVmDvdDriveSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'VMName');
    const path = params.Path !== undefined ? String(params.Path) : undefined;
    const problem = path !== undefined ? isoPathProblem(path) : undefined;
    if (problem) throw new CommandRefusal(problem, { parameter: 'Path', code: 'InvalidParameter' });
    const changes = vms.map((vm) => {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      const index = vm.dvdDrives.findIndex((d) => {
        const s = parseController(d.controller);
        return (
          (params.ControllerNumber === undefined || s?.number === params.ControllerNumber) &&
          (params.ControllerLocation === undefined || s?.location === params.ControllerLocation)
        );
      });
      if (index < 0) {
        // *Unconfirmed* wording.
        throw new CommandRefusal(
          `Hyper-V was unable to find a DVD drive${params.ControllerNumber !== undefined ? ` on controller ${params.ControllerNumber}` : ''}${params.ControllerLocation !== undefined ? ` at location ${params.ControllerLocation}` : ''} of virtual machine '${vm.name}'.`,
          { parameter: 'VMName', code: 'NotFound' },
        );
      }
      return { vm, index };
    });
    for (const { vm, index } of changes) {
      vm.dvdDrives = vm.dvdDrives.map((d, i) => (i === index ? { controller: d.controller, ...(path !== undefined ? { path: normalizePath(path) } : {}) } : d));
      ctx.log(
        'Information',
        'Hyper-V-VMMS',
        `'${vm.name}': the DVD drive at ${vm.dvdDrives[index]!.controller} ${path !== undefined ? `now holds '${path}'` : 'is empty'}.`,
      );
    }
    if (changes.length) ctx.worldChanged();
    return params.Passthru
      ? {
          output: changes.map(({ vm, index }) => ({
            VMName: vm.name,
            ControllerType: parseController(vm.dvdDrives[index]!.controller)?.type,
            ControllerNumber: parseController(vm.dvdDrives[index]!.controller)?.number,
            ControllerLocation: parseController(vm.dvdDrives[index]!.controller)?.location,
            Path: vm.dvdDrives[index]!.path ?? '',
            ComputerName: vm.host,
          })),
        }
      : {};
  },
};
