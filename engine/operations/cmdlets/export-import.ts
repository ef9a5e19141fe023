// Export-VM and Import-VM (facts and unconfirmed choices: ../export-import-parameters.ts). Every
// check runs before anything starts, so a refusal changes nothing: the VM's state, the folder
// (`<Path>\<name>` must not exist yet), the paths as the acting host reaches them, and the free
// space of every destination volume for every file at once. An export and an import copy are
// timed jobs (../export-import-run.ts); registering in place is immediate.
import { CommandRefusal } from '../../errors';
import type { CmdletContext, CmdletDefinition } from '../../cmdlets/definition';
import type { BoundParams } from '../../cmdlets/signature';
import { formatCommand } from '../../cmdlets/format';
import { exportVmSignature, exportVmSnapshotSignature, importVmSignature } from '../../cmdlets/catalog/export-import';
import { holdsMemory, matchingCheckpoints, snapshotSummary } from '../../cmdlets/vm-snapshots';
import { vmSummary } from '../../cmdlets/vm-lifecycle';
import { hostOfVm, stringList, targetHosts, targetVms } from '../../cmdlets/targets';
import { sameName } from '../../cmdlets/wildcard';
import { freeSpace, type FreeSpace } from '../../cmdlets/free-space';
import { fileExistsAt, locateFile, reserveSpace } from '../../cmdlets/vhd-files';
import { stableGuid } from '../../cmdlets/stable-guid';
import { deepCopy } from '../../model/fast-parse';
import {
  baseName,
  exportConfigurationPath,
  forEachVmFile,
  isUnder,
  joinPath,
  parentPath,
  parsePath,
  pathKey,
  resolvePath,
  type ResolvedPath,
} from '../../model/paths';
import type { Checkpoint, ExportedVm, Host, Vm, World } from '../../model/world';
import { locate } from '../prechecks/locate';
import type { FilePlacement, PlacedFile } from '../prechecks';
import type { FileKind } from '../prechecks/placement';
import type { Operations } from '../operations';
import { VhdParameters } from '../parameters';
import { ExportImportParameters, ExportImportTexts as T } from '../export-import-parameters';
import { jobRow, operationsOf } from './common';

const configurationFileOf = exportConfigurationPath;

/** `path` (under `from`) moved under `to`, keeping its place below the folder; a path outside `from` keeps its file name. */
function rebase(path: string, from: string, to: string): string {
  const p = parsePath(path);
  const f = parsePath(from);
  if (p && f && isUnder(path, from)) return joinPath(to, ...p.segments.slice(f.segments.length));
  return joinPath(to, baseName(path) || path);
}

interface CopyFile {
  kind: FileKind;
  field: string;
  label: string;
  sizeBytes: number;
  sourcePath: string;
  destinationPath: string;
  /** The parameter that named the destination. */
  parameter: string;
}

/**
 * Locates both ends of every file as `host` sees them and builds the plan a copy job runs, or
 * refuses naming the parameter of the first path that cannot be reached. Free space is taken
 * from `space` per destination volume (every file of the command together).
 */
function planCopies(world: World, host: string, files: readonly CopyFile[], space: FreeSpace, action: string, vm: Vm): FilePlacement {
  const placed: PlacedFile[] = [];
  const demand = new Map<string, { at: ResolvedPath; bytes: number; parameter: string }>();
  for (const f of files) {
    const source = locate(world, host, f.sourcePath);
    if (!source.ok) throw new CommandRefusal(`${action} ${source.problem.win32}`, { parameter: f.parameter, fix: source.problem.fix });
    const destination = locate(world, host, f.destinationPath);
    if (!destination.ok) throw new CommandRefusal(`${action} ${destination.problem.win32}`, { parameter: f.parameter, fix: destination.problem.fix });
    const k = `${destination.at.computer}|${destination.at.volume}`.toLowerCase();
    const d = demand.get(k) ?? { at: destination.at, bytes: 0, parameter: f.parameter };
    d.bytes += f.sizeBytes;
    demand.set(k, d);
    placed.push({ ...f, source, destination, action: 'copy' });
  }
  for (const d of demand.values()) reserveSpace(space, d.at, d.bytes, action, d.parameter);
  const unchanged = (before: string) => ({ before, after: before, changed: false });
  return {
    kind: 'Storage',
    mode: 'PerItem',
    vmId: vm.id,
    vmName: vm.name,
    sourceHost: host,
    destinationHost: host,
    files: placed,
    locations: { configuration: unchanged(vm.paths.configuration), snapshots: unchanged(vm.paths.snapshots), smartPaging: unchanged(vm.paths.smartPaging) },
    requestedPaths: [],
    vhdIssues: [],
    volumes: [],
    bytesToCopy: files.reduce((n, f) => n + f.sizeBytes, 0),
    retainVhdCopiesOnSource: false,
  };
}

/** A file the lab tracks (a VM's, a loose disk, an export's) at a location, or a file a running job is writing there. */
function occupied(world: World, ops: Operations, at: ResolvedPath): boolean {
  if (fileExistsAt(world, at)) return true;
  if (ops.claimOf(at.computer, at.localPath)) return true;
  const key = pathKey(at.localPath);
  return [...world.exports, ...ops.exportsInProgress()].some((e) => {
    if (!sameName(e.computer, at.computer)) return false;
    let hit = false;
    forEachVmFile(e.vm, (kind, path) => {
      if (kind !== 'configuration' && pathKey(path) === key) hit = true;
    });
    return hit;
  });
}

/** A folder the lab knows holds something: any tracked file under it, or an export (done or running) in it. */
function folderInUse(world: World, ops: Operations, at: ResolvedPath): boolean {
  const inside = (computer: string, localPath: string) => sameName(computer, at.computer) && isUnder(localPath, at.localPath);
  const exports = [...world.exports, ...ops.exportsInProgress()];
  if (exports.some((e) => inside(e.computer, e.folder) || (sameName(e.computer, at.computer) && isUnder(at.localPath, e.folder)))) return true;
  if (world.vhdFiles.some((d) => inside(d.computer, d.path))) return true;
  for (const vm of world.vms) {
    let hit = false;
    forEachVmFile(vm, (_k, path) => {
      if (hit) return;
      const r = resolvePath(world, vm.host, path);
      if (r.ok && inside(r.value.computer, r.value.localPath)) hit = true;
    });
    if (hit) return true;
  }
  return false;
}

function busyRefusal(ops: Operations, vm: Vm, message: string, parameter: string): void {
  const busy = ops.activeMoveOf(vm);
  if (!busy) return;
  throw new CommandRefusal(message, {
    parameter,
    fix: `Job ${busy.id} (${busy.cmdlet}) is using '${vm.name}'. Wait for it to finish (Wait-Job -Id ${busy.id}) or cancel it (Stop-Job -Id ${busy.id}).`,
  });
}

/**
 * Plans the export of `vm`, or with `checkpoint` the export of that checkpoint (Export-VMSnapshot):
 * the export is then a virtual machine without checkpoints, in the state the checkpoint holds
 * (Saved when it holds memory, else Off). The lab records no per-checkpoint configuration or disk contents, so the exported
 * settings and disk sizes are the VM's current ones (*unconfirmed*: Hyper-V exports the
 * checkpoint's own configuration and merges the disk chain as of the checkpoint).
 */
function planExport(ctx: CmdletContext, ops: Operations, vm: Vm, host: Host, path: string, space: FreeSpace, checkpoint?: Checkpoint) {
  const action = T.exportFailed(vm.name);
  if (vm.state === 'Starting' || vm.state === 'Stopping' || ((vm.state === 'Running' || vm.state === 'Paused') && host.os === '2012')) {
    throw new CommandRefusal(T.exportRunningRefused(vm.name), {
      parameter: 'Name',
      fix:
        host.os === '2012'
          ? `${host.name} runs Windows Server 2012, which exports a virtual machine only when it is off or saved ('${vm.name}' is ${vm.state}). Save it (Save-VM) or shut it down first.`
          : `'${vm.name}' is ${vm.state}; wait until it has finished, then export it.`,
    });
  }
  busyRefusal(ops, vm, action, 'Name');
  const folder = joinPath(path, vm.name);
  const where = locate(ctx.world, vm.host, folder, 'folder');
  if (!where.ok) throw new CommandRefusal(`${action} ${where.problem.win32}`, { parameter: 'Path', fix: where.problem.fix });
  if (folderInUse(ctx.world, ops, where.at)) {
    throw new CommandRefusal(T.exportFolderExists(vm.name, folder), {
      parameter: 'Path',
      fix: `'${folder}' already exists (it holds an export or a virtual machine's files). Export to another folder, or delete the old export first.`,
    });
  }
  const local = where.at.localPath;
  const files: CopyFile[] = [];
  const record: ExportedVm = { computer: where.at.computer, folder: local, exportedAt: ctx.sim.now, vm: deepCopy(vm) };
  const copy = record.vm;
  const configFile = (f: string) => configurationFileOf(f, vm.id);
  files.push({
    kind: 'configuration',
    field: 'paths.configuration',
    label: 'Configuration',
    sizeBytes: vm.configurationSizeBytes,
    sourcePath: vm.paths.configuration,
    destinationPath: configFile(folder),
    parameter: 'Path',
  });
  copy.paths = { configuration: local, snapshots: joinPath(local, 'Snapshots'), smartPaging: local };
  const names = new Set<string>();
  vm.vhds.forEach((d, i) => {
    const name = baseName(d.path) || d.path;
    if (names.has(name.toLowerCase())) {
      throw new CommandRefusal(T.fileExists(joinPath(folder, 'Virtual Hard Disks', name)), {
        parameter: 'Name',
        fix: `Two of '${vm.name}''s virtual hard disks are named '${name}'; an export puts them in one folder. Rename one of them first.`,
      });
    }
    names.add(name.toLowerCase());
    files.push({
      kind: 'vhd',
      field: `vhds[${i}].path`,
      label: name,
      sizeBytes: d.sizeBytes,
      sourcePath: d.path,
      destinationPath: joinPath(folder, 'Virtual Hard Disks', name),
      parameter: 'Path',
    });
    copy.vhds[i]!.path = joinPath(local, 'Virtual Hard Disks', name);
  });
  if (checkpoint) {
    // The lab keeps no file for a saved VM's memory (a Saved VM's .bin/.vsv are not on its volumes'
    // books), so the checkpoint's saved-state files are not copied either: the export is its
    // configuration and disks, in the state the checkpoint holds.
    copy.checkpoints = [];
    copy.parentSnapshotId = null;
    copy.state = holdsMemory(checkpoint) ? 'Saved' : 'Off';
  }
  (checkpoint ? [] : vm.checkpoints).forEach((c, i) => {
    c.files.forEach((f, j) => {
      files.push({
        kind: 'checkpoint',
        field: `checkpoints[${i}].files[${j}].path`,
        label: c.name,
        sizeBytes: f.sizeBytes,
        sourcePath: f.path,
        destinationPath: rebase(f.path, vm.paths.snapshots, joinPath(folder, 'Snapshots')),
        parameter: 'Path',
      });
      copy.checkpoints[i]!.files[j]!.path = rebase(f.path, vm.paths.snapshots, joinPath(local, 'Snapshots'));
    });
  });
  // A smart paging file bridges one restart of the running VM; it is not part of an export.
  delete copy.smartPagingFile;
  delete copy.startedAt;
  if (copy.state !== 'Off' && copy.state !== 'Saved') copy.state = ExportImportParameters.liveExportState;
  const placement = planCopies(ctx.world, vm.host, files, space, action, vm);
  return { vm, folder, record, placement };
}

export const exportVm: CmdletDefinition = {
  signature: exportVmSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const path = String(params.Path);
    const vms = targetVms(ctx, params, 'Name');
    const space = freeSpace(ctx);
    const plans = vms.map((vm) => planExport(ctx, ops, vm, hostOfVm(ctx, vm)!, path, space));
    const commandText = formatCommand(exportVmSignature, params);
    const jobs = plans.map((p) =>
      ops.startCopyJob({ kind: 'Export', cmdlet: 'Export-VM', commandText, vm: p.vm, placement: p.placement, destination: p.folder, record: p.record }),
    );
    const output: unknown[] = params.AsJob === true ? jobs.map(jobRow) : params.Passthru === true ? vms.map((vm) => vmSummary(vm, ctx.sim.now)) : [];
    return { output, jobIds: jobs.map((j) => j.id) };
  },
};

export const exportVmSnapshot: CmdletDefinition = {
  signature: exportVmSnapshotSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const path = String(params.Path);
    const names = stringList(params.Name);
    const space = freeSpace(ctx);
    const folders = new Set<string>();
    const plans = targetVms(ctx, params, 'VMName').flatMap((vm) =>
      matchingCheckpoints(vm, names).map((cp) => {
        const plan = planExport(ctx, ops, vm, hostOfVm(ctx, vm)!, path, space, cp);
        // Each export goes into <Path>\<VM name>: two checkpoints of one VM need two commands with two paths.
        const key = `${vm.host}|${pathKey(plan.folder)}`.toLowerCase();
        if (folders.has(key)) {
          throw new CommandRefusal(T.exportFolderExists(vm.name, plan.folder), {
            parameter: 'Name',
            fix: `Each checkpoint export goes into '${plan.folder}'. Export one checkpoint of '${vm.name}' per folder (-Path).`,
          });
        }
        folders.add(key);
        return { plan, cp };
      }),
    );
    const commandText = formatCommand(exportVmSnapshotSignature, params);
    const jobs = plans.map(({ plan: p }) =>
      ops.startCopyJob({ kind: 'Export', cmdlet: 'Export-VMSnapshot', commandText, vm: p.vm, placement: p.placement, destination: p.folder, record: p.record }),
    );
    const output: unknown[] =
      params.AsJob === true ? jobs.map(jobRow) : params.Passthru === true ? plans.map(({ plan, cp }) => snapshotSummary(plan.vm, cp)) : [];
    return { output, jobIds: jobs.map((j) => j.id) };
  },
};

/** The export whose configuration file is at `at`; or a refusal that says what Import-VM -Path wants. */
function findExport(world: World, ops: Operations, at: ResolvedPath, path: string): ExportedVm {
  const key = pathKey(at.localPath);
  const here = world.exports.filter((e) => sameName(e.computer, at.computer));
  const found = here.find((e) => pathKey(configurationFileOf(e.folder, e.vm.id)) === key);
  if (found) return found;
  // The export's folder or its Virtual Machines folder named instead of the file.
  const near = here.find((e) => pathKey(e.folder) === key || pathKey(joinPath(e.folder, 'Virtual Machines')) === key);
  const running = ops.exportsInProgress().find((e) => sameName(e.computer, at.computer) && isUnder(at.localPath, e.folder));
  const fix = near
    ? `Import-VM -Path takes the configuration file, not the folder: '${pathKey(near.folder) === key ? configurationFileOf(path, near.vm.id) : joinPath(path, `${near.vm.id}.xml`)}'.`
    : running
      ? `'${running.vm.name}' is still being exported there; wait for the export job to finish (Get-Job).`
      : `No exported virtual machine has its configuration file at '${path}'. An export keeps it in '<export folder>\\Virtual Machines\\<ID>.xml'.`;
  throw new CommandRefusal(T.configurationNotFound(path), { parameter: 'Path', code: 'NotFound', fix });
}

function refuseIdInUse(world: World, ops: Operations, id: string): void {
  const registered = world.vms.find((v) => v.id.toLowerCase() === id.toLowerCase());
  const importing = ops.activeJobs().find((j) => j.kind === 'Import' && j.vmId?.toLowerCase() === id.toLowerCase());
  if (!registered && !importing) return;
  const who = registered
    ? `'${registered.name}' on ${registered.host} has the ID ${id}`
    : `job ${importing!.id} is importing a virtual machine with the ID ${id}`;
  throw new CommandRefusal(T.idInUse(), {
    parameter: 'Path',
    fix: `${who}. Import a copy with a new ID (Import-VM -Copy -GenerateNewId), or delete the registered one first (Remove-VM).`,
    guiFix: `${who}. Choose "Copy the virtual machine (create a new unique ID)" on the Choose Import Type page, or delete the registered virtual machine first.`,
  });
}

function refuseNameInUse(world: World, ops: Operations, name: string, host: string): void {
  const clash =
    world.vms.find((v) => sameName(v.host, host) && sameName(v.name, name)) ??
    ops.activeJobs().find((j) => j.kind === 'Import' && sameName(j.source ?? '', host) && sameName(j.vmName ?? '', name));
  if (!clash) return;
  throw new CommandRefusal(T.nameInUse(name, host), {
    parameter: 'Path',
    fix: `Hyper-V itself allows two virtual machines of one name, but this lab names each virtual machine once per host: rename the existing '${name}' first (Rename-VM), or import on another host (-ComputerName).`,
  });
}

/** Adapters whose switch the host lacks are disconnected, with a warning (Hyper-V's import asks the same in its Connect Network page). */
function fitNetwork(vm: Vm, host: Host): string[] {
  const warnings: string[] = [];
  for (const a of vm.networkAdapters) {
    if (a.switchName && !host.virtualSwitches.some((s) => sameName(s.name, a.switchName!))) {
      warnings.push(
        `Could not find Ethernet switch '${a.switchName}' on ${host.name}: '${vm.name}''s ${a.name} is not connected (Connect-VMNetworkAdapter connects it).`,
      );
      delete a.switchName;
    }
  }
  return warnings;
}

function importRegister(ctx: CmdletContext, ops: Operations, host: Host, path: string, e: ExportedVm, typedFolder: string) {
  refuseIdInUse(ctx.world, ops, e.vm.id);
  refuseNameInUse(ctx.world, ops, e.vm.name, host.name);
  const vm = deepCopy(e.vm);
  vm.host = host.name;
  // The VM refers to its files as the host reaches them (a share path stays a share path).
  const move = (p: string) => rebase(p, e.folder, typedFolder);
  vm.paths = { configuration: move(vm.paths.configuration), snapshots: move(vm.paths.snapshots), smartPaging: move(vm.paths.smartPaging) };
  for (const d of vm.vhds) d.path = move(d.path);
  for (const c of vm.checkpoints) for (const f of c.files) f.path = move(f.path);
  const warnings = fitNetwork(vm, host);
  ctx.world.exports = ctx.world.exports.filter((x) => x !== e);
  ctx.world.vms.push(vm);
  ctx.log('Information', 'Hyper-V-VMMS', T.registered(vm.name, vm.id, host.name));
  ctx.worldChanged();
  return { output: [vmSummary(vm, ctx.sim.now)], warnings };
}

function newIdFor(world: World, ops: Operations, seed: string): string {
  const taken = new Set([...world.vms.map((v) => v.id.toLowerCase()), ...ops.activeJobs().map((j) => (j.vmId ?? '').toLowerCase())]);
  for (let n = 1; ; n++) {
    const id = stableGuid(`${seed}|import`, n);
    if (!taken.has(id.toLowerCase())) return id;
  }
}

function importCopy(ctx: CmdletContext, ops: Operations, host: Host, path: string, params: BoundParams, e: ExportedVm, typedFolder: string) {
  const newId = params.GenerateNewId === true;
  if (!newId) refuseIdInUse(ctx.world, ops, e.vm.id);
  refuseNameInUse(ctx.world, ops, e.vm.name, host.name);
  const action = T.importFailed(path);
  const folderParam = (name: 'VirtualMachinePath' | 'SnapshotFilePath' | 'SmartPagingFilePath' | 'VhdDestinationPath', fallback: string) => {
    const v = params[name];
    if (v === undefined) return { path: fallback, parameter: name };
    const at = locate(ctx.world, host.name, String(v), 'folder');
    if (!at.ok) throw new CommandRefusal(`${action} ${at.problem.win32}`, { parameter: name, fix: at.problem.fix });
    return { path: joinPath(String(v)), parameter: name };
  };
  const vmPath = folderParam('VirtualMachinePath', VhdParameters.defaultVirtualMachinePath);
  const snapPath = folderParam('SnapshotFilePath', vmPath.path);
  const pagingPath = folderParam('SmartPagingFilePath', vmPath.path);
  const vhdPath = folderParam('VhdDestinationPath', VhdParameters.defaultVirtualHardDiskPath);
  const vm = deepCopy(e.vm);
  vm.host = host.name;
  if (newId) vm.id = newIdFor(ctx.world, ops, e.vm.id);
  vm.paths = { configuration: vmPath.path, snapshots: snapPath.path, smartPaging: pagingPath.path };
  const from = (p: string) => rebase(p, e.folder, typedFolder);
  const files: CopyFile[] = [
    {
      kind: 'configuration',
      field: 'paths.configuration',
      label: 'Configuration',
      sizeBytes: e.vm.configurationSizeBytes,
      sourcePath: path,
      destinationPath: configurationFileOf(vmPath.path, vm.id),
      parameter: vmPath.parameter,
    },
  ];
  e.vm.vhds.forEach((d, i) => {
    const to = joinPath(vhdPath.path, baseName(d.path));
    files.push({
      kind: 'vhd',
      field: `vhds[${i}].path`,
      label: baseName(d.path),
      sizeBytes: d.sizeBytes,
      sourcePath: from(d.path),
      destinationPath: to,
      parameter: vhdPath.parameter,
    });
    vm.vhds[i]!.path = to;
  });
  e.vm.checkpoints.forEach((c, i) => {
    c.files.forEach((f, j) => {
      const to = rebase(f.path, e.vm.paths.snapshots, snapPath.path);
      files.push({
        kind: 'checkpoint',
        field: `checkpoints[${i}].files[${j}].path`,
        label: c.name,
        sizeBytes: f.sizeBytes,
        sourcePath: from(f.path),
        destinationPath: to,
        parameter: snapPath.parameter,
      });
      vm.checkpoints[i]!.files[j]!.path = to;
    });
  });
  // A destination file that exists already (another VM's disk, an export's, one being written) is never overwritten.
  const seen = new Set<string>();
  for (const f of files) {
    if (f.kind === 'configuration') continue;
    const at = locateFile(ctx.world, host.name, f.destinationPath, f.parameter);
    const k = `${at.computer}|${pathKey(at.localPath)}`.toLowerCase();
    if (seen.has(k) || occupied(ctx.world, ops, at)) {
      throw new CommandRefusal(`${action} ${T.fileExists(f.destinationPath)}`, {
        parameter: f.parameter,
        fix: `'${f.destinationPath}' exists already. Choose another folder for ${f.kind === 'vhd' ? 'the virtual hard disks (-VhdDestinationPath)' : 'the checkpoints (-SnapshotFilePath)'}.`,
        guiFix: `'${f.destinationPath}' exists already. Choose another folder on the Choose Folders page${f.kind === 'vhd' ? ' for virtual hard disks' : ''}.`,
      });
    }
    seen.add(k);
  }
  const warnings = fitNetwork(vm, host);
  const placement = planCopies(ctx.world, host.name, files, freeSpace(ctx), action, vm);
  const job = ops.startCopyJob({
    kind: 'Import',
    cmdlet: 'Import-VM',
    commandText: formatCommand(importVmSignature, params),
    vm,
    placement,
    destination: vmPath.path,
    from: path,
  });
  return { output: params.AsJob === true ? [jobRow(job)] : [], jobIds: [job.id], warnings };
}

export const importVm: CmdletDefinition = {
  signature: importVmSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    if (hosts.length > 1) {
      throw new CommandRefusal(`Import-VM registers a virtual machine on one computer; ${hosts.length} were named.`, {
        parameter: 'ComputerName',
        code: 'InvalidParameter',
      });
    }
    const host = hosts[0]!;
    const path = String(params.Path);
    const at = locateFile(ctx.world, host.name, path, 'Path');
    const e = findExport(ctx.world, ops, at, path);
    // <export folder>\Virtual Machines\<ID>.xml, as typed: two folders up is the export folder.
    const typedFolder = parentPath(parentPath(path));
    return params.Copy === true ? importCopy(ctx, ops, host, path, params, e, typedFolder) : importRegister(ctx, ops, host, path, e, typedFolder);
  },
};
