// How Hyper-V Manager writes each column of the Virtual Machines list. Display only: every number
// comes from the engine's snapshot (the workload's CPU demand, the memory assigned, the start time).
import type { Vm } from '../../engine/model/world';
import { timeSpanText } from '../../engine/common/time-span';
import { assignedMemoryAt, memoryDemandAt, memoryStatusAt } from '../../engine/common/dynamic-memory';

const MiB = 1024 * 1024;

/** States in which a VM has a worker process, so CPU, memory and uptime mean something. */
function isActive(vm: Vm): boolean {
  return vm.state === 'Running' || vm.state === 'Paused' || vm.state === 'Stopping';
}

/** "10 %" while running; blank otherwise (Hyper-V Manager leaves it empty for VMs that are off). */
export function cpuUsageText(vm: Vm): string {
  return vm.state === 'Running' ? `${Math.round(vm.workload.cpuDemandPercent)} %` : '';
}

export function cpuUsageValue(vm: Vm): number | undefined {
  return vm.state === 'Running' ? vm.workload.cpuDemandPercent : undefined;
}

/**
 * "4096 MB", like Hyper-V: what is assigned at `now` — the startup memory for static memory, what
 * Dynamic Memory gives the VM for Dynamic Memory (engine/common/dynamic-memory.ts, the engine's
 * own rule). Without `now`, as of the engine's last Dynamic Memory event (sorting).
 */
export function assignedMemoryText(vm: Vm, now?: number): string {
  const bytes = assignedMemoryValue(vm, now);
  return bytes === undefined ? '' : `${Math.round(bytes / MiB)} MB`;
}

export function assignedMemoryValue(vm: Vm, now?: number): number | undefined {
  return isActive(vm) ? assignedMemoryAt(vm, now) : undefined;
}

/** Memory Demand: what the guest asks for, shown for running Dynamic Memory VMs only (*unconfirmed* for static ones: blank). */
export function memoryDemandValue(vm: Vm, now?: number): number | undefined {
  if (!isActive(vm) || !vm.memory.dynamic) return undefined;
  return memoryDemandAt(vm, now ?? vm.assignedMemory?.at ?? vm.startedAt ?? 0);
}

export function memoryDemandText(vm: Vm, now?: number): string {
  const bytes = memoryDemandValue(vm, now);
  return bytes === undefined ? '' : `${Math.round(bytes / MiB)} MB`;
}

/** Memory Status: OK, Low or Warning for running Dynamic Memory VMs, blank otherwise. */
export function memoryStatusText(vm: Vm, now?: number): string {
  return memoryStatusAt(vm, now ?? vm.assignedMemory?.at ?? vm.startedAt ?? 0);
}

/** Milliseconds of uptime at `now`, or undefined when the VM is not running. */
export function uptimeMs(vm: Vm, now: number): number | undefined {
  if (!isActive(vm) || vm.startedAt === undefined) return undefined;
  return Math.max(0, now - vm.startedAt);
}

export function uptimeText(vm: Vm, now: number): string {
  const ms = uptimeMs(vm, now);
  return ms === undefined ? '' : timeSpanText(ms);
}

export function memoryMbText(bytes: number): string {
  return `${Math.round(bytes / MiB)} MB`;
}
