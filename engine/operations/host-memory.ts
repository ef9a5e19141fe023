// Host memory accounting, in one place (Microsoft Learn, "Hyper-V Dynamic Memory Overview"; Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499): what a Hyper-V host has
// given to its VMs, what it keeps for itself, what incoming live migrations have reserved, and what
// is left. Start-VM, Restart-VM (Smart Paging) and live migration admission all ask here.
//
//   available = memoryBytes − hostReserve − Σ assigned(VMs holding memory on the host)
//               − Σ memory reserved by live migrations coming in (their container VM)
//
// assigned(vm): a VM that is off or saved holds none. A running static VM holds its startup
// memory. A running Dynamic Memory VM holds what Dynamic Memory has assigned it now (demand plus
// buffer, ballooned over time: operations/dynamic-memory.ts), not its startup memory. While a smart
// paging file bridges part of its memory, only the physical part counts.
import type { Host, Vm, World } from '../model/world';
import { memoryHeldBytes, reserveFor } from './prechecks';
import type { MoveParams } from './parameters';

/** Physical memory a VM holds on its host at `now` (the pre-checks' memoryHeldBytes: one rule for both). */
export function assignedMemory(vm: Vm, now?: number): number {
  return memoryHeldBytes(vm, now);
}

/** The management OS's reserve on a host: the parameter if set, else the pre-checks' published formula. */
export function hostReserve(host: Host, params: Pick<MoveParams, 'hostReserveBytes'>): number {
  return reserveFor(host, params.hostReserveBytes);
}

/** Memory a live migration copies and needs on the destination: what is assigned to the VM at `now`. */
export function migratingMemory(vm: Vm, now?: number): number {
  return assignedMemory(vm, now);
}

export interface HostMemory {
  host: string;
  totalBytes: number;
  reserveBytes: number;
  /** Held by the VMs on the host. */
  assignedBytes: number;
  /** Reserved by live migrations coming in. */
  incomingBytes: number;
  availableBytes: number;
}

/** Memory of one host. `incoming` maps lower-case host names to bytes reserved by incoming migrations. */
export function hostMemory(
  world: World,
  host: Host,
  params: Pick<MoveParams, 'hostReserveBytes'>,
  incoming?: ReadonlyMap<string, number>,
  exclude?: Vm,
  now?: number,
): HostMemory {
  const key = host.name.toLowerCase();
  let assigned = 0;
  for (const vm of world.vms) {
    if (vm === exclude || vm.host.toLowerCase() !== key) continue;
    assigned += assignedMemory(vm, now);
  }
  const incomingBytes = incoming?.get(key) ?? 0;
  const reserveBytes = hostReserve(host, params);
  return {
    host: host.name,
    totalBytes: host.memoryBytes,
    reserveBytes,
    assignedBytes: assigned,
    incomingBytes,
    availableBytes: host.memoryBytes - reserveBytes - assigned - incomingBytes,
  };
}

/** Hyper-V's message when a VM cannot get the memory it needs to start (the Hyper-V module's cmdlet help for Windows Server 2012 R2). */
export function notEnoughMemoryMessage(vm: Vm): string {
  return `Not enough memory in the system to start the virtual machine ${vm.name}.`;
}

/**
 * Start-VM from Off (or Saved): needs the startup memory in physical memory; Smart Paging is never
 * used when starting from Off (Microsoft Learn, "Hyper-V Dynamic Memory Overview"). Returns the refusal message, or undefined.
 */
export function startMemoryProblem(
  world: World,
  host: Host,
  vm: Vm,
  params: Pick<MoveParams, 'hostReserveBytes'>,
  incoming?: ReadonlyMap<string, number>,
  now?: number,
): string | undefined {
  const m = hostMemory(world, host, params, incoming, vm, now);
  return m.availableBytes >= vm.memory.startupBytes ? undefined : notEnoughMemoryMessage(vm);
}

export type RestartMemory =
  | { kind: 'physical' }
  /** Smart Paging bridges `gapBytes` between what the host can give (`physicalBytes`) and startup memory. */
  | { kind: 'smartPaging'; physicalBytes: number; gapBytes: number }
  | { kind: 'refused'; message: string };

/**
 * Restart-VM: the VM gives its memory back and asks for its startup memory again. Smart Paging
 * bridges the gap only when all hold (Microsoft Learn, "Hyper-V Dynamic Memory Overview"): the VM is restarting (this path), it has
 * Dynamic Memory (Smart Paging bridges Minimum → Startup), physical memory cannot cover startup,
 * and it can cover the minimum. "None can be reclaimed from other VMs": other Dynamic Memory VMs
 * give memory back only by ballooning, at their rate (dynamic-memory.ts), not at the instant of
 * the restart, so what is free now is what the restart can have (*unconfirmed* simplification).
 */
export function restartMemory(
  world: World,
  host: Host,
  vm: Vm,
  params: Pick<MoveParams, 'hostReserveBytes'>,
  incoming?: ReadonlyMap<string, number>,
  now?: number,
): RestartMemory {
  const m = hostMemory(world, host, params, incoming, vm, now);
  const available = Math.max(0, m.availableBytes);
  if (available >= vm.memory.startupBytes) return { kind: 'physical' };
  if (vm.memory.dynamic && available >= vm.memory.minimumBytes) {
    return { kind: 'smartPaging', physicalBytes: available, gapBytes: vm.memory.startupBytes - available };
  }
  return { kind: 'refused', message: notEnoughMemoryMessage(vm) };
}
