// What a Browse... dialog can offer on a computer (issue: "a folder picker over the destination's
// simulated volumes and shares"). The simulation tracks files, not directories, so a folder exists
// when some VM file or virtual hard disk file lies under it — plausible for a lab world, where every folder holds VMs.
// With `files`, the virtual hard disk files directly in the folder come too (the Open dialog behind
// Inspect Disk, Edit Disk and the disk wizards' Browse... for a file).
import type { ExportEntry, ExportListing, FileEntry, FolderEntry, FolderListing, Result } from '../contract';
import type { ExportedVm, World } from '../model/world';
import {
  exportConfigurationPath,
  findHost,
  forEachVmFile,
  freeBytes,
  isUnder,
  parentPath,
  parsePath,
  joinPath,
  normalizePath,
  pathKey,
  resolvePath,
  volumeUsage,
} from '../model/paths';

/** The files an Open dialog for virtual hard disks offers (a checkpoint's .avhdx is not one). */
const VHD_FILE = /\.vhdx?$/i;

export function listFolders(world: World, hostName: string, path?: string, withFiles = false): Result<FolderListing> {
  const host = findHost(world, hostName);
  if (!host) return { ok: false, error: { code: 'NotFound', message: `The computer '${hostName}' could not be found.`, parameter: 'host' } };
  if (path === undefined) return { ok: true, value: { host: host.name, entries: roots(world, host.name) } };

  if (!parsePath(path)) return { ok: false, error: { code: 'InvalidParameter', message: `The path '${path}' is not a valid folder path.`, parameter: 'path' } };
  const base = resolvePath(world, host.name, path);
  if (!base.ok) return { ok: false, error: { code: 'NotFound', message: base.message, parameter: 'path' } };

  // Compare as the owning computer sees the bytes, so \\FS01\VMs\X and FS01's D:\Shares\VMs\X agree.
  const computer = base.value.computer.toLowerCase();
  const under = pathKey(base.value.localPath).replace(/\\+$/, '') + '\\';
  const children = new Map<string, string>();
  const files = new Map<string, FileEntry>();
  const fileHere = (name: string, sizeBytes: number) => {
    if (withFiles && VHD_FILE.test(name)) files.set(name.toLowerCase(), { name, path: joinPath(path, name), sizeBytes });
  };
  for (const vm of world.vms) {
    forEachVmFile(vm, (kind, filePath, sizeBytes) => {
      const file = resolvePath(world, vm.host, filePath);
      if (!file.ok || file.value.computer.toLowerCase() !== computer) return;
      const local = normalizePath(file.value.localPath);
      if (!local.toLowerCase().startsWith(under)) return;
      const rest = local.slice(under.length);
      if (!rest.includes('\\')) {
        if (kind === 'vhd') fileHere(rest, sizeBytes);
        return;
      }
      const name = rest.split('\\')[0]!;
      children.set(name.toLowerCase(), name);
    });
  }
  // Disk files no VM has attached (New-VHD) make their folders exist too.
  for (const d of world.vhdFiles) {
    if (d.computer.toLowerCase() !== computer) continue;
    const local = normalizePath(d.path);
    if (!local.toLowerCase().startsWith(under)) continue;
    const rest = local.slice(under.length);
    if (!rest.includes('\\')) {
      fileHere(rest, d.sizeBytes);
      continue;
    }
    const name = rest.split('\\')[0]!;
    children.set(name.toLowerCase(), name);
  }
  // Exports make their folders exist too: their files, and the configuration file in "Virtual Machines".
  for (const e of world.exports) {
    if (e.computer.toLowerCase() !== computer) continue;
    const add = (filePath: string): void => {
      const local = normalizePath(filePath);
      if (!local.toLowerCase().startsWith(under)) return;
      const rest = local.slice(under.length);
      if (rest.includes('\\')) children.set(rest.split('\\')[0]!.toLowerCase(), rest.split('\\')[0]!);
    };
    forEachVmFile(e.vm, (_kind, filePath) => add(filePath));
    add(exportConfigurationPath(e.folder, e.vm.id));
  }
  const entries: FolderEntry[] = [...children.values()]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, path: joinPath(path, name), kind: 'folder' as const }));
  const listed = withFiles ? { files: [...files.values()].sort((a, b) => a.name.localeCompare(b.name)) } : {};
  return { ok: true, value: { host: host.name, path, entries, ...listed } };
}

/**
 * The exported VMs the Import Virtual Machine wizard finds at `path` as `hostName` sees it: those
 * whose export folder is `path` or whose "Virtual Machines" folder is (*unconfirmed*: the 2012 R2
 * wizard's exact search), plus the export folders one level below, for the page's hint.
 */
export function listExports(world: World, hostName: string, path: string): Result<ExportListing> {
  const host = findHost(world, hostName);
  if (!host) return { ok: false, error: { code: 'NotFound', message: `The computer '${hostName}' could not be found.`, parameter: 'host' } };
  if (!parsePath(path)) return { ok: false, error: { code: 'InvalidParameter', message: `The path '${path}' is not a valid folder path.`, parameter: 'path' } };
  const base = resolvePath(world, host.name, path);
  if (!base.ok) return { ok: false, error: { code: 'NotFound', message: base.message, parameter: 'path' } };
  const at = base.value;
  const key = pathKey(at.localPath);
  const typed = normalizePath(path);
  const entries: ExportEntry[] = [];
  const below: string[] = [];
  for (const e of world.exports) {
    if (e.computer.toLowerCase() !== at.computer.toLowerCase()) continue;
    const folderKey = pathKey(e.folder);
    const inVms = pathKey(joinPath(e.folder, 'Virtual Machines')) === key;
    if (folderKey === key || inVms) {
      const folder = inVms ? parentPath(typed) : typed;
      entries.push(exportEntry(e, folder));
    } else if (isUnder(e.folder, at.localPath) && pathKey(parentPath(e.folder)) === key) {
      below.push(joinPath(typed, e.folder.split('\\').at(-1)!));
    }
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  return { ok: true, value: { host: host.name, path: typed, entries, below: below.sort() } };
}

function exportEntry(e: ExportedVm, folder: string): ExportEntry {
  let sizeBytes = 0;
  forEachVmFile(e.vm, (_k, _p, size) => (sizeBytes += size));
  return {
    name: e.vm.name,
    id: e.vm.id,
    configurationFile: exportConfigurationPath(folder, e.vm.id),
    folder,
    exportedAt: e.exportedAt,
    generation: e.vm.generation,
    sizeBytes,
    vhds: e.vm.vhds.map((d) => d.path.split('\\').at(-1)!),
    checkpoints: e.vm.checkpoints.length,
  };
}

function roots(world: World, hostName: string): FolderEntry[] {
  const host = findHost(world, hostName)!;
  const entries: FolderEntry[] = host.volumes.map((v) => {
    const usage = volumeUsage(world, host.name, v.letter);
    return {
      name: `${v.label ? `${v.label} ` : ''}(${v.letter}:)`,
      path: `${v.letter}:\\`,
      kind: 'volume' as const,
      capacityBytes: v.capacityBytes,
      ...(usage ? { freeBytes: usage.freeBytes } : {}),
    };
  });
  for (const server of world.hosts) {
    for (const share of server.shares) {
      const local = parsePath(share.path);
      const letter = local && local.kind === 'local' ? local.drive : undefined;
      const free = letter ? freeBytes(world, server.name, letter) : undefined;
      entries.push({
        name: `\\\\${server.name}\\${share.name}`,
        path: `\\\\${server.name}\\${share.name}`,
        kind: 'share',
        ...(free !== undefined ? { freeBytes: free } : {}),
      });
    }
  }
  return entries;
}
