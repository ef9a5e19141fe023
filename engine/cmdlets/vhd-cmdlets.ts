// New-VHD, Get-VHD, Resize-VHD, Convert-VHD, Optimize-VHD and Merge-VHD over the simulated disk
// files (vhd-files.ts). Every size a file takes is charged to its volume: a fixed disk its whole
// size at once, a dynamic or differencing disk its metadata and the data written to it; a file
// that does not fit is refused with Windows' "There is not enough space on the disk." A disk in use
// by a virtual machine that is not off is refused with Windows' sharing-violation text, except
// where 2012 R2 allows the change online (expanding or shrinking a .vhdx on a SCSI controller).
// Each handler plans every file first and changes the world only when all are accepted.
import { CommandRefusal } from '../errors';
import type { UnattachedVhd, World } from '../model/world';
import { baseName, normalizePath, type ResolvedPath } from '../model/paths';
import { refuseWhileMoving } from '../operations/configuration-lock';
import { newVhdSignature, getVhdSignature, resizeVhdSignature, convertVhdSignature, optimizeVhdSignature, mergeVhdSignature } from './catalog/vhd';
import type { CmdletContext, CmdletDefinition } from './definition';
import { freeSpace, type FreeSpace } from './free-space';
import { stringList, targetHosts } from './targets';
import {
  checkDiskSize,
  dataBytesOf,
  fileExistsAt,
  formatOf,
  hasVhdExtension,
  locateFile,
  minimumSizeOf,
  newFileBytes,
  overheadBytes,
  requireVhd,
  reserveSpace,
  vhdObject,
  type FoundVhd,
  type VhdType,
} from './vhd-files';

const IN_USE = 'The process cannot access the file because it is being used by another process. (0x80070020)';

/** A disk attached to a VM that is not off is open by its worker process. */
export function refuseInUse(found: FoundVhd, action: string, parameter: string): void {
  if (!found.attached) return;
  if (found.vm.state !== 'Off') {
    throw new CommandRefusal(`${action} ${IN_USE}`, {
      parameter,
      fix: `'${found.disk.path}' is attached to '${found.vm.name}', which is ${found.vm.state.toLowerCase()}. Turn it off first (Stop-VM -Name '${found.vm.name.replace(/'/g, "''")}').`,
    });
  }
}

/** Replaces a disk's record (attached or not) with `next`: collections are replaced, never pushed into. */
function replaceDisk(world: World, found: FoundVhd, next: Partial<UnattachedVhd>): void {
  if (found.attached) {
    const vm = found.vm;
    vm.vhds = vm.vhds.map((d, i) => (i === found.index ? { ...d, ...next, path: d.path } : d));
  } else {
    world.vhdFiles = world.vhdFiles.map((d, i) => (i === found.index ? { ...d, ...next } : d));
  }
}

function removeUnattached(world: World, found: FoundVhd): void {
  if (found.attached) return;
  world.vhdFiles = world.vhdFiles.filter((_, i) => i !== found.index);
}

/** The record of a new loose file where its bytes are. */
function looseFile(at: ResolvedPath, sizeBytes: number, maxSizeBytes: number, type: VhdType, dataBytes: number, parentPath?: string): UnattachedVhd {
  return { computer: at.computer, path: at.localPath, sizeBytes, maxSizeBytes, type, dataBytes, ...(parentPath ? { parentPath } : {}) };
}

/** The file must not exist yet and must have a virtual hard disk's extension. */
function checkNewFile(world: World, at: ResolvedPath, path: string, action: string, parameter: string, hosts: FreeSpace['hosts']): void {
  if (!hasVhdExtension(path)) {
    // *Unconfirmed* wording: Hyper-V refuses other extensions; the lab says which ones it takes.
    throw new CommandRefusal(`${action} '${baseName(path) || path}' does not have a virtual hard disk file name extension: use .vhdx or .vhd.`, {
      parameter,
      code: 'InvalidParameter',
    });
  }
  if (fileExistsAt(world, at, hosts)) {
    throw new CommandRefusal(`${action} The system failed to create '${path}': The file exists. (0x80070050)`, {
      parameter,
      fix: 'Choose another file name, or work with the existing disk (Get-VHD, the Edit Virtual Hard Disk Wizard).',
    });
  }
}

function hostsOf(ctx: CmdletContext, params: Parameters<CmdletDefinition['run']>[1]) {
  return targetHosts(ctx, params, 'ComputerName', true);
}

function logDisk(ctx: CmdletContext, message: string): void {
  ctx.log('Information', 'Hyper-V-VMMS', message);
}

export const newVhd: CmdletDefinition = {
  signature: newVhdSignature,
  run(ctx, params) {
    const space = freeSpace(ctx);
    const planned: UnattachedVhd[] = [];
    const type: VhdType = params.Differencing || params.ParentPath !== undefined ? 'Differencing' : params.Fixed ? 'Fixed' : 'Dynamic';
    for (const host of hostsOf(ctx, params)) {
      for (const path of stringList(params.Path)) {
        const action = `Failed to create the virtual hard disk.`;
        const at = locateFile(ctx.world, host.name, path, 'Path', space.hosts);
        checkNewFile(ctx.world, at, path, action, 'Path', space.hosts);
        if (planned.some((p) => p.computer === at.computer && normalizePath(p.path).toLowerCase() === at.localPath.toLowerCase())) {
          throw new CommandRefusal(`${action} The system failed to create '${path}': The file exists. (0x80070050)`, { parameter: 'Path' });
        }
        const format = formatOf(path);
        let maxSizeBytes: number;
        let parentPath: string | undefined;
        if (type === 'Differencing') {
          const parent = requireVhd(ctx.world, host.name, String(params.ParentPath), 'ParentPath', space.hosts);
          if (formatOf(parent.disk.path) !== format) {
            // *Unconfirmed* wording; Hyper-V requires a child of the parent's format.
            throw new CommandRefusal(
              `${action} The differencing disk '${path}' must have the same format as its parent '${params.ParentPath}' (${formatOf(parent.disk.path)}).`,
              { parameter: 'Path', code: 'InvalidParameter' },
            );
          }
          maxSizeBytes = parent.disk.maxSizeBytes;
          parentPath = parent.at.computer === at.computer ? parent.at.localPath : normalizePath(String(params.ParentPath));
        } else {
          maxSizeBytes = Number(params.SizeBytes);
          checkDiskSize(path, maxSizeBytes, 'SizeBytes');
        }
        const sizeBytes = newFileBytes(format, type, maxSizeBytes);
        reserveSpace(space, at, sizeBytes, `${action} The system failed to create '${path}'.`, 'Path');
        planned.push(looseFile(at, sizeBytes, maxSizeBytes, type, 0, parentPath));
      }
    }
    ctx.world.vhdFiles = [...ctx.world.vhdFiles, ...planned];
    for (const d of planned) logDisk(ctx, `The virtual hard disk '${d.path}' was created on ${d.computer} (${formatOf(d.path)}, ${d.type}).`);
    ctx.worldChanged();
    return {
      output: planned.map((d) =>
        vhdObject({ attached: false, index: -1, disk: d, at: { computer: d.computer, volume: d.path[0]!.toUpperCase(), remote: false, localPath: d.path } }),
      ),
    };
  },
};

export const getVhd: CmdletDefinition = {
  signature: getVhdSignature,
  run(ctx, params) {
    const out: unknown[] = [];
    for (const host of hostsOf(ctx, params)) {
      for (const path of stringList(params.Path)) out.push(vhdObject(requireVhd(ctx.world, host.name, path, 'Path')));
    }
    return { output: out };
  },
};

/** The disks a cmdlet acts on, each refused while its VM is being moved. */
function disksOf(ctx: CmdletContext, params: Parameters<CmdletDefinition['run']>[1], space: FreeSpace): FoundVhd[] {
  const out: FoundVhd[] = [];
  for (const host of hostsOf(ctx, params)) {
    for (const path of stringList(params.Path)) {
      const found = requireVhd(ctx.world, host.name, path, 'Path', space.hosts);
      if (found.attached) refuseWhileMoving(ctx.operations, found.vm, 'Path');
      out.push(found);
    }
  }
  return out;
}

export const resizeVhd: CmdletDefinition = {
  signature: resizeVhdSignature,
  run(ctx, params) {
    const space = freeSpace(ctx);
    const changes: { found: FoundVhd; maxSizeBytes: number; sizeBytes: number }[] = [];
    for (const found of disksOf(ctx, params, space)) {
      const d = found.disk;
      const format = formatOf(d.path);
      const action = `Failed to resize the virtual disk '${d.path}'.`;
      const target = params.ToMinimumSize ? minimumSizeOf(d, format) : Number(params.SizeBytes);
      if (found.attached && found.vm.state !== 'Off') {
        // 2012 R2 resizes a .vhdx online when it is on a SCSI controller (Microsoft Learn, "Online
        // virtual hard disk resizing overview"); an IDE disk or a .vhd must be off-line.
        const online = format === 'VHDX' && /^SCSI/i.test(found.disk.controller);
        if (!online) {
          throw new CommandRefusal(`${action} ${IN_USE}`, {
            parameter: 'Path',
            fix: `'${found.vm.name}' is ${found.vm.state.toLowerCase()}: only a .vhdx on a SCSI controller can be resized while its virtual machine runs. Turn the virtual machine off first.`,
          });
        }
      }
      if (target < d.maxSizeBytes && format === 'VHD') {
        throw new CommandRefusal(`${action} Only virtual hard disks in the VHDX format can be shrunk.`, { parameter: 'SizeBytes', code: 'InvalidParameter' });
      }
      checkDiskSize(d.path, target, params.ToMinimumSize ? 'ToMinimumSize' : 'SizeBytes');
      const minimum = minimumSizeOf(d, format);
      if (target < minimum) {
        throw new CommandRefusal(
          `${action} The size requested (${target} bytes) is smaller than the minimum size of the virtual hard disk (${minimum} bytes).`,
          {
            parameter: 'SizeBytes',
            code: 'InvalidParameter',
            fix: `Get-VHD reports the disk's MinimumSize; Resize-VHD -ToMinimumSize shrinks it as far as it can go.`,
          },
        );
      }
      const sizeBytes =
        d.type === 'Fixed'
          ? target + overheadBytes(format, 'Fixed', target)
          : d.sizeBytes + overheadBytes(format, d.type, target) - overheadBytes(format, d.type, d.maxSizeBytes);
      reserveSpace(space, found.at, sizeBytes - d.sizeBytes, action, 'SizeBytes');
      changes.push({ found, maxSizeBytes: target, sizeBytes });
    }
    for (const c of changes) {
      replaceDisk(ctx.world, c.found, { maxSizeBytes: c.maxSizeBytes, sizeBytes: c.sizeBytes });
      logDisk(ctx, `The virtual hard disk '${c.found.disk.path}' was resized to ${c.maxSizeBytes} bytes.`);
    }
    if (changes.length) ctx.worldChanged();
    return params.Passthru
      ? { output: changes.map((c) => vhdObject({ ...c.found, disk: { ...c.found.disk, maxSizeBytes: c.maxSizeBytes, sizeBytes: c.sizeBytes } } as FoundVhd)) }
      : {};
  },
};

export const optimizeVhd: CmdletDefinition = {
  signature: optimizeVhdSignature,
  run(ctx, params) {
    const space = freeSpace(ctx);
    const changes: { found: FoundVhd; sizeBytes: number; dataBytes: number }[] = [];
    for (const found of disksOf(ctx, params, space)) {
      const d = found.disk;
      const action = `Failed to compact the virtual disk '${d.path}'.`;
      if (d.type === 'Fixed') {
        // *Unconfirmed* wording: only dynamically expanding and differencing disks can be compacted (the cmdlet's synopsis).
        throw new CommandRefusal(`${action} A fixed virtual hard disk cannot be compacted; only dynamically expanding and differencing disks can.`, {
          parameter: 'Path',
          fix: 'Convert it to a dynamically expanding disk instead (Convert-VHD -VHDType Dynamic, or Edit Disk > Convert).',
        });
      }
      refuseInUse(found, action, 'Path');
      const format = formatOf(d.path);
      const dataBytes = dataBytesOf(d, format);
      changes.push({ found, dataBytes, sizeBytes: Math.min(d.sizeBytes, overheadBytes(format, d.type, d.maxSizeBytes) + dataBytes) });
    }
    for (const c of changes) {
      replaceDisk(ctx.world, c.found, { sizeBytes: c.sizeBytes, dataBytes: c.dataBytes });
      logDisk(ctx, `The virtual hard disk '${c.found.disk.path}' was compacted from ${c.found.disk.sizeBytes} to ${c.sizeBytes} bytes.`);
    }
    if (changes.length) ctx.worldChanged();
    return params.Passthru
      ? { output: changes.map((c) => vhdObject({ ...c.found, disk: { ...c.found.disk, sizeBytes: c.sizeBytes, dataBytes: c.dataBytes } } as FoundVhd)) }
      : {};
  },
};

/** The parent a differencing disk names, found from its own computer. */
function parentOf(world: World, found: FoundVhd, hosts: FreeSpace['hosts']): FoundVhd {
  const parentPath = found.disk.parentPath;
  if (!parentPath)
    throw new CommandRefusal(`The virtual hard disk '${found.disk.path}' is not a differencing disk, so it has no parent.`, {
      parameter: 'Path',
      code: 'InvalidParameter',
    });
  const from = found.attached ? found.vm.host : found.at.computer;
  try {
    return requireVhd(world, from, parentPath, 'Path', hosts);
  } catch {
    throw new CommandRefusal(
      `The parent '${parentPath}' of the differencing disk '${found.disk.path}' cannot be found. The system cannot find the file specified. (0x80070002)`,
      { parameter: 'Path', code: 'NotFound' },
    );
  }
}

export const convertVhd: CmdletDefinition = {
  signature: convertVhdSignature,
  run(ctx, params) {
    const space = freeSpace(ctx);
    const [host] = hostsOf(ctx, params);
    const source = requireVhd(ctx.world, host!.name, String(params.Path), 'Path', space.hosts);
    const d = source.disk;
    const destinationPath = String(params.DestinationPath);
    const action = `Failed to convert the virtual hard disk '${d.path}'.`;
    refuseInUse(source, action, 'Path');
    if (source.attached) refuseWhileMoving(ctx.operations, source.vm, 'Path');
    const at = locateFile(ctx.world, host!.name, destinationPath, 'DestinationPath', space.hosts);
    checkNewFile(ctx.world, at, destinationPath, action, 'DestinationPath', space.hosts);
    const format = formatOf(destinationPath);
    checkDiskSize(destinationPath, d.maxSizeBytes, 'DestinationPath');
    const type: VhdType = params.VHDType === 'Fixed' || params.VHDType === 'Dynamic' ? params.VHDType : d.type === 'Differencing' ? 'Dynamic' : d.type;
    // A differencing source is converted to a standalone disk holding its parent's data and its own.
    let dataBytes = dataBytesOf(d, formatOf(d.path));
    if (d.type === 'Differencing') {
      const parent = parentOf(ctx.world, source, space.hosts);
      dataBytes = Math.min(d.maxSizeBytes, dataBytes + dataBytesOf(parent.disk, formatOf(parent.disk.path)));
    }
    const sizeBytes = type === 'Fixed' ? newFileBytes(format, 'Fixed', d.maxSizeBytes) : overheadBytes(format, type, d.maxSizeBytes) + dataBytes;
    reserveSpace(space, at, sizeBytes, action, 'DestinationPath');
    if (params.DeleteSource && source.attached) {
      throw new CommandRefusal(`${action} '${d.path}' is attached to '${source.vm.name}' and cannot be deleted.`, {
        parameter: 'DeleteSource',
        fix: `Remove the drive from '${source.vm.name}' first (Remove-VMHardDiskDrive), or convert without -DeleteSource.`,
      });
    }
    const created = looseFile(at, sizeBytes, d.maxSizeBytes, type, dataBytes);
    if (params.DeleteSource) removeUnattached(ctx.world, source);
    ctx.world.vhdFiles = [...ctx.world.vhdFiles, created];
    logDisk(
      ctx,
      `The virtual hard disk '${d.path}' was converted to '${created.path}' (${format}, ${type})${params.DeleteSource ? '; the source was deleted' : ''}.`,
    );
    ctx.worldChanged();
    return params.Passthru ? { output: [vhdObject({ attached: false, index: -1, disk: created, at })] } : {};
  },
};

export const mergeVhd: CmdletDefinition = {
  signature: mergeVhdSignature,
  run(ctx, params) {
    const space = freeSpace(ctx);
    const [host] = hostsOf(ctx, params);
    const child = requireVhd(ctx.world, host!.name, String(params.Path), 'Path', space.hosts);
    const action = `Failed to merge the virtual hard disk '${child.disk.path}'.`;
    if (child.disk.type !== 'Differencing') {
      throw new CommandRefusal(`${action} It is not a differencing disk: only a differencing disk can be merged into its parent.`, {
        parameter: 'Path',
        code: 'InvalidParameter',
      });
    }
    if (child.attached) {
      // *Unconfirmed* wording; merging removes the file the virtual machine's drive points at.
      throw new CommandRefusal(`${action} ${IN_USE}`, {
        parameter: 'Path',
        fix: `'${child.disk.path}' is attached to '${child.vm.name}'. Remove the drive first (Remove-VMHardDiskDrive), then merge.`,
      });
    }
    const parent = parentOf(ctx.world, child, space.hosts);
    if (params.DestinationPath !== undefined) {
      const dest = requireVhd(ctx.world, host!.name, String(params.DestinationPath), 'DestinationPath', space.hosts);
      if (dest.at.computer !== parent.at.computer || dest.at.localPath.toLowerCase() !== parent.at.localPath.toLowerCase()) {
        throw new CommandRefusal(
          `${action} '${params.DestinationPath}' is not the parent of '${child.disk.path}'. This lab merges a differencing disk into its parent, one level at a time.`,
          { parameter: 'DestinationPath', code: 'InvalidParameter' },
        );
      }
    }
    refuseInUse(parent, action, 'Path');
    if (parent.attached) refuseWhileMoving(ctx.operations, parent.vm, 'Path');
    const pFormat = formatOf(parent.disk.path);
    const dataBytes = Math.min(parent.disk.maxSizeBytes, dataBytesOf(parent.disk, pFormat) + dataBytesOf(child.disk, formatOf(child.disk.path)));
    const sizeBytes =
      parent.disk.type === 'Fixed'
        ? parent.disk.sizeBytes
        : Math.max(parent.disk.sizeBytes, overheadBytes(pFormat, parent.disk.type, parent.disk.maxSizeBytes) + dataBytes);
    reserveSpace(space, parent.at, sizeBytes - parent.disk.sizeBytes, action, 'Path');
    // The parent's record first (its index does not move), then the child's goes.
    replaceDisk(ctx.world, parent, { sizeBytes, dataBytes });
    const childIndex = ctx.world.vhdFiles.indexOf(child.disk);
    ctx.world.vhdFiles = ctx.world.vhdFiles.filter((_, i) => i !== (childIndex >= 0 ? childIndex : child.index));
    logDisk(ctx, `The differencing disk '${child.disk.path}' was merged into '${parent.disk.path}'.`);
    ctx.worldChanged();
    return params.Passthru ? { output: [vhdObject({ ...parent, disk: { ...parent.disk, sizeBytes, dataBytes } } as FoundVhd)] } : {};
  },
};
