// What a Dynamic Memory VM holds and wants, as pure functions of the world and the simulated clock,
// so the engine (operations/dynamic-memory.ts), Get-VM and Hyper-V Manager's columns read one rule.
//
// Microsoft TechNet, "Hyper-V Dynamic Memory Overview" and "Hyper-V Dynamic Memory Configuration
// Guide": a VM with Dynamic Memory starts with its Startup memory; once its guest runs, Hyper-V
// gives it its memory demand plus the Memory Buffer (a percentage of the demand), never less than
// Minimum nor more than Maximum, adding memory (hot add) and taking it back (the balloon driver).
// When the host cannot meet every VM's demand, Memory Weight decides which VMs get memory first.
//
// The engine keeps, per running Dynamic Memory VM, a linear stretch: `bytes` at `at` (simulated
// ms), moving towards `toBytes` at `bytesPerSec`. Before `at` (the guest still booting) it holds
// `bytes`. The engine re-plans the stretch at events (a demand step, a VM reaching its target, a
// start or stop), never per tick, so the value at any instant is this function of the stretch.

const MiB = 1024 * 1024;

/** One step of a workload's memory demand: from `afterSeconds` of uptime on, the guest wants `bytes`. */
export interface MemoryDemandPoint {
  afterSeconds: number;
  bytes: number;
}

/** Where a Dynamic Memory VM's assigned memory is going (see the header). */
export interface AssignedMemoryStretch {
  bytes: number;
  at: number;
  toBytes: number;
  bytesPerSec: number;
}

/** The parts of a VM these rules read (structural, so engine/common needs no model import). */
export interface DynamicMemoryVm {
  state: string;
  startedAt?: number | undefined;
  memory: { dynamic: boolean; startupBytes: number; minimumBytes: number; maximumBytes: number; bufferPercent: number; weight: number };
  workload: { memoryDemand?: readonly MemoryDemandPoint[] | undefined };
  assignedMemory?: AssignedMemoryStretch | undefined;
  smartPagingFile?: { sizeBytes: number } | undefined;
}

/** The states in which a VM has a worker process holding memory. */
export function holdsMemoryState(state: string): boolean {
  return state === 'Running' || state === 'Paused' || state === 'Starting' || state === 'Stopping';
}

/**
 * The guest's steady demand when its workload has no demand curve: what it booted with, less the
 * default 20 % buffer, so its target is exactly its startup memory (the steady state worlds without
 * curves have always had). *Unconfirmed* modelling choice.
 */
export function steadyDemandBytes(startupBytes: number): number {
  return Math.floor((startupBytes * 100) / 120);
}

/** The guest's memory demand at `now` (0 when it is not running): the curve's step at its uptime. */
export function memoryDemandAt(vm: DynamicMemoryVm, now: number): number {
  if (!holdsMemoryState(vm.state)) return 0;
  const curve = vm.workload.memoryDemand;
  if (!curve || curve.length === 0) return steadyDemandBytes(vm.memory.startupBytes);
  const uptimeSeconds = Math.max(0, now - (vm.startedAt ?? 0)) / 1000;
  let demand = curve[0]!.bytes;
  for (const p of curve) {
    if (p.afterSeconds > uptimeSeconds) break;
    demand = p.bytes;
  }
  return demand;
}

/** The simulated time of the curve's next step after `now`, or undefined. */
export function nextDemandStepAt(vm: DynamicMemoryVm, now: number): number | undefined {
  const curve = vm.workload.memoryDemand;
  if (!curve || !holdsMemoryState(vm.state)) return undefined;
  const start = vm.startedAt ?? 0;
  for (const p of curve) {
    const at = start + p.afterSeconds * 1000;
    if (at > now) return at;
  }
  return undefined;
}

/** Demand plus the buffer, between Minimum and Maximum, in whole MB (the Configuration Guide's target). */
export function memoryTargetBytes(vm: DynamicMemoryVm, demandBytes: number): number {
  const m = vm.memory;
  const wanted = Math.ceil((demandBytes * (100 + m.bufferPercent)) / 100 / MiB) * MiB;
  return Math.min(m.maximumBytes, Math.max(m.minimumBytes, wanted));
}

/** Memory assigned to the VM at `now`: 0 when it holds none, Startup for static memory, else its stretch. */
export function assignedMemoryAt(vm: DynamicMemoryVm, now?: number): number {
  if (!holdsMemoryState(vm.state)) return 0;
  const a = vm.assignedMemory;
  if (!vm.memory.dynamic || !a) return vm.memory.startupBytes;
  const t = now ?? a.at;
  if (t <= a.at || a.bytesPerSec <= 0 || a.toBytes === a.bytes) return a.bytes;
  const moved = Math.floor((a.bytesPerSec * (t - a.at)) / 1000);
  return a.toBytes > a.bytes ? Math.min(a.toBytes, a.bytes + moved) : Math.max(a.toBytes, a.bytes - moved);
}

/** Host memory the VM holds at `now`: what is assigned, less what a smart paging file still bridges. */
export function physicalMemoryAt(vm: DynamicMemoryVm, now?: number): number {
  const assigned = assignedMemoryAt(vm, now);
  const paged = vm.smartPagingFile?.sizeBytes ?? 0;
  return paged > 0 ? Math.max(0, Math.min(assigned, vm.memory.startupBytes - paged)) : assigned;
}

/** Hyper-V Manager's Memory Status column and Get-VM's MemoryStatus. */
export type MemoryStatus = 'OK' | 'Low' | 'Warning' | '';

/**
 * OK when the VM has its demand and its buffer; Low when it has its demand but not the whole buffer
 * (Maximum reached, or the host short of memory); Warning when it has less than its demand (the
 * guest pages). Blank for static memory and VMs not running. *Unconfirmed* thresholds: the
 * Configuration Guide names the states, not the arithmetic.
 */
export function memoryStatusAt(vm: DynamicMemoryVm, now: number): MemoryStatus {
  if (!vm.memory.dynamic || !holdsMemoryState(vm.state)) return '';
  const demand = memoryDemandAt(vm, now);
  const assigned = assignedMemoryAt(vm, now);
  if (assigned < demand) return 'Warning';
  const wanted = Math.ceil((demand * (100 + vm.memory.bufferPercent)) / 100 / MiB) * MiB;
  return assigned < wanted ? 'Low' : 'OK';
}
