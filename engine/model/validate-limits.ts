// The cross-checks of a world that come from Hyper-V's published maximums and from Windows'
// path rules (engine/common): a world file, a lab pack or a saved state beyond them is refused with
// the field, the value and the limit. validate.ts calls these from its VM and host loops; they
// allocate nothing on the happy path.
import { HYPERV_LIMITS, maxNetworkAdapters, vhdMaxBytesFor } from '../common/hyperv-limits';
import { explainPathProblem, MAX_FILE_PATH_CHARS, MAX_FOLDER_PATH_CHARS } from '../common/windows-paths';
import { resolvePath, vmFileField, type VmFile } from './paths';
import type { Host, Vm, World } from './world';

type Err = (path: string, message: string) => void;

const TB = 1024 ** 4;

function tooLong(path: string, what: 'file' | 'folder'): string {
  const limit = what === 'file' ? MAX_FILE_PATH_CHARS : MAX_FOLDER_PATH_CHARS;
  return explainPathProblem({ kind: 'tooLong', length: path.length, limit, what });
}

/** Whether a VM holds a running partition (what "running virtual machines per server" counts). */
export function isRunningState(state: Vm['state']): boolean {
  return state === 'Running' || state === 'Paused' || state === 'Starting' || state === 'Stopping';
}

/** Per-VM maximums: checkpoints, memory, disks and their sizes, network adapters, MAX_PATH. */
export function checkVmLimits(vm: Vm, err: Err): void {
  const at = `vms[${vm.name}]`;
  const L = HYPERV_LIMITS.vm;
  if (vm.checkpoints.length > L.checkpoints) {
    err(`${at}.checkpoints`, `'${vm.name}' has ${vm.checkpoints.length} checkpoints; Hyper-V allows at most ${L.checkpoints} per virtual machine`);
  }
  const m = vm.memory;
  if (m.startupBytes > L.memoryBytes)
    err(`${at}.memory.startupBytes`, `startup memory (${m.startupBytes} bytes) is more than the 1 TB (${L.memoryBytes} bytes) a virtual machine can have`);
  if (m.maximumBytes > L.memoryBytes)
    err(`${at}.memory.maximumBytes`, `maximum memory (${m.maximumBytes} bytes) is more than the 1 TB (${L.memoryBytes} bytes) a virtual machine can have`);

  let ide = 0;
  let scsi = 0;
  for (let i = 0; i < vm.vhds.length; i++) {
    const d = vm.vhds[i]!;
    const max = vhdMaxBytesFor(d.path);
    if (d.maxSizeBytes > max.bytes) {
      err(
        `${at}.vhds[${i}].maxSizeBytes`,
        `a ${max.format} file can be at most ${max.format === 'VHD' ? '2,040 GB' : `${max.bytes / TB} TB`} (${max.bytes} bytes); '${d.path}' is ${d.maxSizeBytes} bytes`,
      );
    }
    if (d.controller.startsWith('IDE')) ide++;
    else scsi++;
  }
  for (let i = 0; i < vm.passThroughDisks.length; i++) {
    if (vm.passThroughDisks[i]!.controller.startsWith('IDE')) ide++;
    else scsi++;
  }
  if (ide > L.ideDisks) err(`${at}.vhds`, `'${vm.name}' has ${ide} disks on IDE controllers; a virtual machine has at most ${L.ideDisks}`);
  if (scsi > L.scsiDisks) err(`${at}.vhds`, `'${vm.name}' has ${scsi} disks on SCSI controllers; a virtual machine has at most ${L.scsiDisks}`);
  const nics = maxNetworkAdapters(vm.generation);
  if (vm.networkAdapters.length > nics) {
    err(
      `${at}.networkAdapters`,
      `'${vm.name}' has ${vm.networkAdapters.length} network adapters; a generation ${vm.generation} virtual machine has at most ${nics}${vm.generation === 1 ? ' (8 network adapters and 4 legacy network adapters)' : ''}`,
    );
  }

  // MAX_PATH: the three folders, then every file.
  const { configuration, snapshots, smartPaging } = vm.paths;
  if (configuration.length > MAX_FOLDER_PATH_CHARS) err(`${at}.paths.configuration`, tooLong(configuration, 'folder'));
  if (snapshots.length > MAX_FOLDER_PATH_CHARS) err(`${at}.paths.snapshots`, tooLong(snapshots, 'folder'));
  if (smartPaging.length > MAX_FOLDER_PATH_CHARS) err(`${at}.paths.smartPaging`, tooLong(smartPaging, 'folder'));
  const file = (kind: VmFile['kind'], path: string, i: number, j: number): void => {
    if (path.length > MAX_FILE_PATH_CHARS) err(`${at}.${vmFileField(kind, i, j)}`, tooLong(path, 'file'));
  };
  for (let i = 0; i < vm.vhds.length; i++) file('vhd', vm.vhds[i]!.path, i, 0);
  for (let i = 0; i < vm.checkpoints.length; i++) {
    const files = vm.checkpoints[i]!.files;
    for (let j = 0; j < files.length; j++) file('checkpoint', files[j]!.path, i, j);
  }
  if (vm.smartPagingFile) file('smartPaging', vm.smartPagingFile.path, 0, 0);
}

/** Per-host maximums over the VMs on it: running VMs and their virtual processors. */
export class HostLoadCheck {
  private readonly running = new Map<Host, { vms: number; processors: number }>();

  add(host: Host, vm: Vm): void {
    if (!isRunningState(vm.state)) return;
    const n = this.running.get(host);
    if (n) {
      n.vms++;
      n.processors += vm.processorCount;
    } else {
      this.running.set(host, { vms: 1, processors: vm.processorCount });
    }
  }

  report(err: Err): void {
    const L = HYPERV_LIMITS.host;
    for (const [h, n] of this.running) {
      if (n.vms > L.runningVms) err(`hosts[${h.name}]`, `${n.vms} virtual machines are running on ${h.name}; Hyper-V runs at most ${L.runningVms} per host`);
      if (n.processors > L.virtualProcessors)
        err(
          `hosts[${h.name}]`,
          `the running virtual machines on ${h.name} have ${n.processors} virtual processors; Hyper-V supports at most ${L.virtualProcessors} per host`,
        );
    }
  }
}

/**
 * One owner per virtual hard disk file: two VMs (or two slots of one VM) may not attach the same
 * file, however it is spelled (a share path and the file server's local path name the same
 * bytes). Shared VHDX, 2012 R2's guest-clustering exception, needs a Cluster Shared Volume or a
 * Scale-Out File Server the lab does not model. Candidates are grouped by volume and file name
 * (cheap); only a clash there resolves the full paths.
 */
export class VhdOwnerCheck {
  private readonly byName = new Map<string, { vm: Vm; index: number }[]>();

  /** `volume` is the disk's volumeKey (locateVolume's answer, not an error). */
  add(vm: Vm, index: number, volume: string): void {
    const path = vm.vhds[index]!.path;
    let cut = path.length;
    while (cut > 0 && path.charCodeAt(cut - 1) !== 92 && path.charCodeAt(cut - 1) !== 47) cut--;
    const key = `${volume}|${path.slice(cut).toLowerCase()}`;
    const list = this.byName.get(key);
    if (list) list.push({ vm, index });
    else this.byName.set(key, [{ vm, index }]);
  }

  report(world: World, hostIndex: ReadonlyMap<string, Host>, err: Err): void {
    for (const list of this.byName.values()) {
      if (list.length < 2) continue;
      const owners = new Map<string, { vm: Vm; index: number }>();
      for (const d of list) {
        const path = d.vm.vhds[d.index]!.path;
        const r = resolvePath(world, d.vm.host, path, hostIndex);
        if (!r.ok) continue;
        const where = `${r.value.computer.toLowerCase()}|${r.value.localPath.toLowerCase()}`;
        const first = owners.get(where);
        if (!first) {
          owners.set(where, d);
          continue;
        }
        const other = first.vm === d.vm ? `vhds[${first.index}] of the same virtual machine` : `virtual machine '${first.vm.name}' (vhds[${first.index}])`;
        err(`vms[${d.vm.name}].vhds[${d.index}].path`, `'${path}' is already attached to ${other}; a virtual hard disk file can be attached once`);
      }
    }
  }
}
