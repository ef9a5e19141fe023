// Virtual hard disk files as Hyper-V's storage cmdlets see them: found by path from the computer a
// command acts on, whether a VM has them attached (vm.vhds) or not (world.vhdFiles); their format
// by extension; the size of the file each format and type takes (VhdParameters, with the format
// specifications it cites); and the object Get-VHD writes. Refusals use Windows' own texts where
// Windows has one ("The system cannot find the file specified.", ERROR_FILE_NOT_FOUND).
import { CommandRefusal } from '../errors';
import type { UnattachedVhd, VhdFile, Vm, World } from '../model/world';
import { parsePath, pathKey, resolvePath, type ResolvedPath } from '../model/paths';
import { vhdMaxBytesFor } from '../common/hyperv-limits';
import { pathTextProblem, explainPathProblem } from '../common/windows-paths';
import { VhdParameters } from '../operations/parameters';
import type { FreeSpace } from './free-space';

export type VhdFormat = 'VHD' | 'VHDX';
export type VhdType = VhdFile['type'];

/** A disk file found on a volume: attached to a VM's drive, or loose. */
export type FoundVhd =
  { attached: true; vm: Vm; index: number; disk: VhdFile; at: ResolvedPath } | { attached: false; index: number; disk: UnattachedVhd; at: ResolvedPath };

export function formatOf(path: string): VhdFormat {
  return vhdMaxBytesFor(path).format;
}

/** True for a path ending in .vhd or .vhdx (checkpoint disks, .avhd(x), are not made by these cmdlets). */
export function hasVhdExtension(path: string): boolean {
  return /\.vhdx?$/i.test(path.trim());
}

const where = (at: ResolvedPath) => `${at.computer.toLowerCase()}|${pathKey(at.localPath)}`;

/**
 * Where `path`, as typed on `computer`, lands; or a refusal naming the parameter. A relative path
 * is refused: the lab has no current directory.
 */
export function locateFile(world: World, computer: string, path: string, parameter: string, hostIndex?: FreeSpace['hosts']): ResolvedPath {
  const problem = pathTextProblem(path, 'file');
  if (problem)
    throw new CommandRefusal(`Cannot validate argument on parameter '${parameter}'. ${explainPathProblem(problem)}`, { parameter, code: 'InvalidParameter' });
  if (!parsePath(path)) {
    throw new CommandRefusal(`'${path}' is not a valid path. Specify a full path such as D:\\VMs\\Disk.vhdx or \\\\FS01\\VMs\\Disk.vhdx.`, {
      parameter,
      code: 'InvalidParameter',
    });
  }
  const r = resolvePath(world, computer, path, hostIndex);
  if (!r.ok)
    throw new CommandRefusal(`The system cannot find the path specified. (0x80070003) ${r.message[0]!.toUpperCase()}${r.message.slice(1)}.`, {
      parameter,
      code: 'NotFound',
    });
  return r.value;
}

/**
 * A VM's disk that leaves the VM (Remove-VMHardDiskDrive, Remove-VM): Hyper-V never deletes the
 * file, so it stays on its volume as an unattached disk, recorded where its bytes are.
 */
export function detachedDisk(world: World, vm: Vm, disk: VhdFile, parameter: string): UnattachedVhd {
  const at = locateFile(world, vm.host, disk.path, parameter);
  return {
    computer: at.computer,
    path: at.localPath,
    sizeBytes: disk.sizeBytes,
    maxSizeBytes: disk.maxSizeBytes,
    type: disk.type,
    ...(disk.parentPath ? { parentPath: disk.parentPath } : {}),
    ...(disk.dataBytes !== undefined ? { dataBytes: disk.dataBytes } : {}),
  };
}

/** The disk file at a resolved location, if one is there. */
export function findVhdAt(world: World, at: ResolvedPath, hostIndex?: FreeSpace['hosts']): FoundVhd | undefined {
  const key = where(at);
  for (let i = 0; i < world.vhdFiles.length; i++) {
    const d = world.vhdFiles[i]!;
    if (`${d.computer.toLowerCase()}|${pathKey(d.path)}` === key) return { attached: false, index: i, disk: d, at };
  }
  for (const vm of world.vms) {
    for (let i = 0; i < vm.vhds.length; i++) {
      const d = vm.vhds[i]!;
      const r = resolvePath(world, vm.host, d.path, hostIndex);
      if (r.ok && where(r.value) === key) return { attached: true, vm, index: i, disk: d, at: r.value };
    }
  }
  return undefined;
}

/** Any file the lab tracks at that location (a disk, a configuration, checkpoint or paging file). */
export function fileExistsAt(world: World, at: ResolvedPath, hostIndex?: FreeSpace['hosts']): boolean {
  if (findVhdAt(world, at, hostIndex)) return true;
  const key = where(at);
  for (const vm of world.vms) {
    const files = [...vm.checkpoints.flatMap((c) => c.files.map((f) => f.path)), ...(vm.smartPagingFile ? [vm.smartPagingFile.path] : [])];
    for (const f of files) {
      const r = resolvePath(world, vm.host, f, hostIndex);
      if (r.ok && where(r.value) === key) return true;
    }
  }
  return false;
}

/** The disk at `path` (typed on `computer`), or Windows' "cannot find the file" naming the parameter. */
export function requireVhd(world: World, computer: string, path: string, parameter: string, hostIndex?: FreeSpace['hosts']): FoundVhd {
  const at = locateFile(world, computer, path, parameter, hostIndex);
  const found = findVhdAt(world, at, hostIndex);
  if (!found) {
    throw new CommandRefusal(`Failed to get the disk information. The system cannot find the file specified. (0x80070002) '${path}'`, {
      parameter,
      code: 'NotFound',
      fix: `No virtual hard disk file is at '${path}' as seen from ${computer}. Get-VHD -VMId or Get-VMHardDiskDrive lists the disks a virtual machine uses.`,
    });
  }
  return found;
}

/** Bytes the Block Allocation Table of a dynamic VHD takes: 4 bytes per 2 MB block, in 512-byte sectors. */
function vhdBatBytes(sizeBytes: number): number {
  const entries = Math.ceil(sizeBytes / VhdParameters.vhdBlockBytes);
  return Math.ceil((entries * 4) / 512) * 512;
}

/** The metadata a file of this format and type carries besides data. */
export function overheadBytes(format: VhdFormat, type: VhdType, maxSizeBytes: number): number {
  if (format === 'VHDX') return type === 'Fixed' ? VhdParameters.vhdxFixedOverheadBytes : VhdParameters.vhdxEmptyBytes;
  if (type === 'Fixed') return VhdParameters.vhdFooterBytes;
  return 2 * VhdParameters.vhdFooterBytes + VhdParameters.vhdDynamicHeaderBytes + vhdBatBytes(maxSizeBytes);
}

/** The file a new disk takes: a fixed disk its whole size, a dynamic or differencing one its metadata. */
export function newFileBytes(format: VhdFormat, type: VhdType, maxSizeBytes: number): number {
  const overhead = overheadBytes(format, type, maxSizeBytes);
  return type === 'Fixed' ? maxSizeBytes + overhead : overhead;
}

/**
 * Bytes of data the guest has written that are still in use: what a dynamic copy keeps. Disks the
 * world states nothing about are given the plausible shares of VhdParameters (*unconfirmed*).
 */
export function dataBytesOf(disk: VhdFile | UnattachedVhd, format: VhdFormat): number {
  if (disk.dataBytes !== undefined) return disk.dataBytes;
  if (disk.type === 'Fixed') return Math.round(disk.maxSizeBytes * VhdParameters.fixedDataShare);
  const written = Math.max(0, disk.sizeBytes - overheadBytes(format, disk.type, disk.maxSizeBytes));
  return Math.round(written * (1 - VhdParameters.reclaimableShare));
}

/** Hyper-V's block size of a format (what Get-VHD reports as BlockSize; 0 for fixed disks). */
export function blockBytes(format: VhdFormat, type: VhdType): number {
  if (type === 'Fixed') return 0;
  return format === 'VHDX' ? VhdParameters.vhdxBlockBytes : VhdParameters.vhdBlockBytes;
}

/** The smallest size a disk can shrink to: its data, rounded up to a megabyte (Get-VHD's MinimumSize). */
export function minimumSizeOf(disk: VhdFile | UnattachedVhd, format: VhdFormat): number {
  const mb = 1024 ** 2;
  return Math.max(VhdParameters.minimumSizeBytes, Math.ceil(dataBytesOf(disk, format) / mb) * mb);
}

/** What Get-VHD writes for a disk (the properties of Microsoft.Vhd.PowerShell.VirtualHardDisk). */
export function vhdObject(found: FoundVhd) {
  const d = found.disk;
  const format = formatOf(d.path);
  return {
    ComputerName: found.at.computer,
    Path: found.attached ? d.path : found.at.localPath,
    VhdFormat: format,
    VhdType: d.type,
    FileSize: d.sizeBytes,
    Size: d.maxSizeBytes,
    MinimumSize: d.type === 'Fixed' && format === 'VHD' ? null : minimumSizeOf(d, format),
    LogicalSectorSize: 512,
    PhysicalSectorSize: format === 'VHDX' ? 4096 : 512,
    BlockSize: blockBytes(format, d.type),
    ParentPath: d.parentPath ?? '',
    FragmentationPercentage: 0,
    Alignment: 1,
    Attached: found.attached && found.vm.state !== 'Off',
    DiskNumber: null,
    ...(found.attached ? { AttachedTo: found.vm.name } : {}),
  };
}

/** Windows' refusal to write a file that does not fit (the same text as a full volume during a move). */
export function refuseNoSpace(action: string, at: ResolvedPath, needed: number, free: number, parameter: string): never {
  const gb = (n: number) => `${(n / 1024 ** 3).toFixed(n >= 10 * 1024 ** 3 ? 0 : 1)} GB`;
  throw new CommandRefusal(`${action} There is not enough space on the disk. (0x80070070)`, {
    parameter,
    fix: `${at.computer} ${at.volume}: has ${gb(Math.max(0, free))} free and the file needs ${gb(needed)}. Choose another volume, a dynamically expanding disk, or a smaller size.`,
  });
}

/** Takes `bytes` more on the volume of `at`, or refuses with Windows' disk-full text. */
export function reserveSpace(space: FreeSpace, at: ResolvedPath, bytes: number, action: string, parameter: string): void {
  if (bytes <= 0) return;
  const free = space.free(at.computer, at.volume);
  if (bytes > free) refuseNoSpace(action, at, bytes, free, parameter);
  space.take(at.computer, at.volume, bytes);
}

/** The size rule of a format: at least the minimum, at most 2,040 GB (VHD) or 64 TB (VHDX), whole 512-byte sectors. */
export function checkDiskSize(path: string, sizeBytes: number, parameter: string): void {
  const { bytes: max, format } = vhdMaxBytesFor(path);
  // Texts: *unconfirmed* wording; the limits are TechNet's "Hyper-V Virtual Hard Disk Format Overview".
  if (sizeBytes > max) {
    throw new CommandRefusal(
      `The size of the virtual hard disk (${sizeBytes} bytes) is larger than the maximum supported by the ${format} format (${format === 'VHD' ? '2040 GB' : '64 TB'}).`,
      {
        parameter,
        code: 'InvalidParameter',
        ...(format === 'VHD' ? { fix: 'Use the VHDX format (a .vhdx file) for disks larger than 2,040 GB.' } : {}),
      },
    );
  }
  if (sizeBytes < VhdParameters.minimumSizeBytes) {
    throw new CommandRefusal(`The size of the virtual hard disk (${sizeBytes} bytes) is smaller than the minimum of 3 MB.`, {
      parameter,
      code: 'InvalidParameter',
    });
  }
  if (sizeBytes % 512 !== 0) {
    throw new CommandRefusal(`The size of the virtual hard disk (${sizeBytes} bytes) must be a multiple of the logical sector size (512 bytes).`, {
      parameter,
      code: 'InvalidParameter',
    });
  }
}
