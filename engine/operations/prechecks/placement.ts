// Where every file of a VM goes in a move: the plan the pre-checks judge and the operations
// follow. One entry per file the simulation tracks (each VHD, the configuration, each checkpoint
// file, the smart paging file if there is one — model/paths.ts vmFiles()), each with its source
// and destination path, size, and the computer and volume at both ends.
//
// Wizard semantics (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?", "single location"): after a move to one folder
// the disks live in `<folder>\Virtual Hard Disks\<file name>`, and the configuration, checkpoint
// and smart paging locations all point at the folder. The configuration "file" is the
// configuration folder (Hyper-V keeps `Virtual Machines\<GUID>.xml` under it; the model stores
// the folder), so its destination is a folder too. Checkpoint files and the smart paging file keep
// their place relative to their location folder (APP01's checkpoints are in `<location>\Snapshots`).
import { baseName, isUnder, joinPath, parsePath, samePath, vmFileBytesByVolume, volumeUsage, type ResolvedPath } from '../../model/paths';
import type { Vm, World } from '../../model/world';
import { locate, sameLocation, sameVolume, type Located } from './locate';
import { canonicalHost, type MoveRequest, type Placement } from './move-request';

export type FileKind = 'vhd' | 'configuration' | 'checkpoint' | 'smartPaging';

/**
 * - `stay`: no bytes move. destinationPath may still be spelled differently (the same bytes
 *   named through a share). In a live move the destination host then uses the file where it is;
 *   `destination` says how the destination host sees that path (it may be other bytes — a local
 *   path names the destination's own disk — which the shared-storage check refuses).
 * - `copy`: the bytes go to another volume or computer; the destination volume needs the space.
 * - `moveWithinVolume`: a new path on the same volume of the same computer; no extra space.
 */
export type FileAction = 'stay' | 'copy' | 'moveWithinVolume';

export interface PlacedFile {
  kind: FileKind;
  /** Field in the VM: vhds[0].path, paths.configuration, checkpoints[0].files[0].path, smartPagingFile.path. */
  field: string;
  /** What Compare-VM's Source would name: the VHD's file name, "Configuration", the checkpoint's name. */
  label: string;
  sizeBytes: number;
  sourcePath: string;
  /** The path the VM refers to after the move (normalized spelling when it changes). */
  destinationPath: string;
  /** Seen from the source host (the VM's host). */
  source: Located;
  /** Seen from the destination host (the VM's host for a storage move). */
  destination: Located;
  action: FileAction;
  /** The parameter that named this file's destination; absent when the request does not name it. */
  parameter?: string;
}

/** A location setting of the VM (its folders), before and after the move. */
export interface LocationChange {
  before: string;
  after: string;
  /** Whether the setting's text changes (a live move keeps a local path's text but not its disk). */
  changed: boolean;
  parameter?: string;
}

/** A path the request names, checked once however many files it places. */
export interface RequestedPath {
  path: string;
  parameter: string;
  /** Seen from the destination host. */
  located: Located;
}

/** Bytes that must fit on one destination volume. */
export interface VolumeDemand {
  computer: string;
  volume: string;
  /** Sum of the `copy` files landing there (files moving within the volume need nothing). */
  requiredBytes: number;
  /** Free space now, before anything moves (sources are freed only after success). */
  freeBytes: number;
  /** Labels of the files landing there, in plan order. */
  files: string[];
}

export interface VhdRequestIssue {
  /** Index in the -Vhds array. */
  index: number;
  source: string;
  destination: string;
  issue: 'notAttached' | 'duplicate';
}

export interface FilePlacement {
  kind: MoveRequest['kind'];
  mode: Placement['mode'];
  vmId: string;
  vmName: string;
  sourceHost: string;
  /** The VM's host after the move (= sourceHost for a storage move). */
  destinationHost: string;
  files: PlacedFile[];
  locations: { configuration: LocationChange; snapshots: LocationChange; smartPaging: LocationChange };
  requestedPaths: RequestedPath[];
  /** -Vhds entries that place no file. */
  vhdIssues: VhdRequestIssue[];
  /** Per destination volume, the bytes `copy` files need there. */
  volumes: VolumeDemand[];
  /** Total bytes crossing volumes or computers. */
  bytesToCopy: number;
  retainVhdCopiesOnSource: boolean;
}

interface Target {
  path: string;
  parameter: string;
}

export function planPlacement(world: World, vm: Vm, request: MoveRequest): FilePlacement {
  const sourceHost = vm.host;
  const destinationHost = request.kind === 'Live' && request.destinationHost ? canonicalHost(world, request.destinationHost) : vm.host;
  const p = request.placement;

  // Folder targets and the per-VHD rule for each wizard option.
  let configuration: Target | undefined;
  let snapshots: Target | undefined;
  let smartPaging: Target | undefined;
  const vhdTargets = new Map<number, Target>();
  const vhdIssues: VhdRequestIssue[] = [];
  const requestedPaths: RequestedPath[] = [];
  const named = (path: string, parameter: string): Target => {
    requestedPaths.push({ path, parameter, located: locate(world, destinationHost, path, parameter === 'Vhds' ? 'file' : 'folder') });
    return { path, parameter };
  };

  if (p.mode === 'SingleFolder') {
    const t = named(p.folder, 'DestinationStoragePath');
    configuration = snapshots = smartPaging = t;
    vm.vhds.forEach((d, i) => vhdTargets.set(i, { path: joinPath(p.folder, 'Virtual Hard Disks', baseName(d.path) || d.path), parameter: t.parameter }));
  } else if (p.mode === 'PerItem') {
    if (p.configuration !== undefined) configuration = named(p.configuration, 'VirtualMachinePath');
    if (p.snapshots !== undefined) snapshots = named(p.snapshots, 'SnapshotFilePath');
    if (p.smartPaging !== undefined) smartPaging = named(p.smartPaging, 'SmartPagingFilePath');
    p.vhds.forEach((entry, index) => {
      const i = vm.vhds.findIndex((d) => samePath(d.path, entry.source));
      if (i < 0) vhdIssues.push({ index, source: entry.source, destination: entry.destination, issue: 'notAttached' });
      else if (vhdTargets.has(i)) vhdIssues.push({ index, source: entry.source, destination: entry.destination, issue: 'duplicate' });
      else {
        vhdTargets.set(i, named(entry.destination, 'Vhds'));
      }
    });
  }

  const files: PlacedFile[] = [];
  const place = (
    kind: FileKind,
    field: string,
    label: string,
    sourcePath: string,
    sizeBytes: number,
    target: Target | undefined,
    destinationPath: string | undefined,
  ): void => {
    const source = locate(world, sourceHost, sourcePath);
    if (!target || destinationPath === undefined) {
      files.push({
        kind,
        field,
        label,
        sizeBytes,
        sourcePath,
        destinationPath: sourcePath,
        source,
        destination: locate(world, destinationHost, sourcePath),
        action: 'stay',
      });
      return;
    }
    const normalized = parsePath(destinationPath) ? joinPath(destinationPath) : destinationPath;
    const destination = locate(world, destinationHost, normalized);
    files.push({
      kind,
      field,
      label,
      sizeBytes,
      sourcePath,
      destinationPath: normalized,
      source,
      destination,
      action: actionOf(source, destination),
      parameter: target.parameter,
    });
  };

  place('configuration', 'paths.configuration', 'Configuration', vm.paths.configuration, vm.configurationSizeBytes, configuration, configuration?.path);
  vm.vhds.forEach((d, i) => {
    const t = vhdTargets.get(i);
    place('vhd', `vhds[${i}].path`, baseName(d.path) || d.path, d.path, d.sizeBytes, t, t?.path);
  });
  vm.checkpoints.forEach((c, i) => {
    c.files.forEach((f, j) => {
      const dest = snapshots ? joinPath(snapshots.path, ...relativeTo(f.path, vm.paths.snapshots)) : undefined;
      place('checkpoint', `checkpoints[${i}].files[${j}].path`, c.name, f.path, f.sizeBytes, snapshots, dest);
    });
  });
  if (vm.smartPagingFile) {
    const f = vm.smartPagingFile;
    const dest = smartPaging ? joinPath(smartPaging.path, ...relativeTo(f.path, vm.paths.smartPaging)) : undefined;
    place('smartPaging', 'smartPagingFile.path', 'Smart Paging File', f.path, f.sizeBytes, smartPaging, dest);
  }

  const location = (before: string, t: Target | undefined): LocationChange => {
    if (!t) return { before, after: before, changed: false };
    const after = parsePath(t.path) ? joinPath(t.path) : t.path;
    return { before, after, changed: !samePath(before, after), parameter: t.parameter };
  };

  const volumes = demandByVolume(world, files);
  return {
    kind: request.kind,
    mode: p.mode,
    vmId: vm.id,
    vmName: vm.name,
    sourceHost,
    destinationHost,
    files,
    locations: {
      configuration: location(vm.paths.configuration, configuration),
      snapshots: location(vm.paths.snapshots, snapshots),
      smartPaging: location(vm.paths.smartPaging, smartPaging),
    },
    requestedPaths,
    vhdIssues,
    volumes,
    bytesToCopy: volumes.reduce((n, v) => n + v.requiredBytes, 0),
    retainVhdCopiesOnSource: request.retainVhdCopiesOnSource,
  };
}

function actionOf(source: Located, destination: Located): FileAction {
  // Unreachable ends are reported by the path check; plan them as a copy, which they would be.
  if (!source.ok || !destination.ok) return 'copy';
  if (sameLocation(source.at, destination.at)) return 'stay';
  return sameVolume(source.at, destination.at) ? 'moveWithinVolume' : 'copy';
}

/** Segments of `path` below `folder`; just the file name when it is not under it. */
function relativeTo(path: string, folder: string): string[] {
  const p = parsePath(path);
  const f = parsePath(folder);
  if (p && f && isUnder(path, folder)) return p.segments.slice(f.segments.length);
  return [baseName(path) || path];
}

function demandByVolume(world: World, files: readonly PlacedFile[]): VolumeDemand[] {
  const byVolume = new Map<string, VolumeDemand>();
  let usage: Map<string, number> | undefined;
  for (const f of files) {
    if (f.action !== 'copy' || !f.destination.ok) continue;
    const at: ResolvedPath = f.destination.at;
    const key = `${at.computer.toLowerCase()}|${at.volume}`;
    let d = byVolume.get(key);
    if (!d) {
      usage ??= vmFileBytesByVolume(world);
      d = {
        computer: at.computer,
        volume: at.volume,
        requiredBytes: 0,
        freeBytes: volumeUsage(world, at.computer, at.volume, usage)?.freeBytes ?? 0,
        files: [],
      };
      byVolume.set(key, d);
    }
    d.requiredBytes += f.sizeBytes;
    d.files.push(f.label);
  }
  return [...byVolume.values()];
}
