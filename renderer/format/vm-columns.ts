// How Hyper-V Manager writes each column of the Virtual Machines list. Display only: every number
// comes from the engine's snapshot (the workload's CPU demand, the memory setting, the start time).
import type { Vm } from '../../engine/model/world';
import { timeSpanText } from '../../engine/common/time-span';

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
 * "4096 MB", like Hyper-V. The world model has no live assigned-memory figure for Dynamic Memory
 * VMs yet, so this shows the startup memory the VM was given.
 */
export function assignedMemoryText(vm: Vm): string {
  const bytes = assignedMemoryValue(vm);
  return bytes === undefined ? '' : `${Math.round(bytes / MiB)} MB`;
}

export function assignedMemoryValue(vm: Vm): number | undefined {
  return isActive(vm) ? vm.memory.startupBytes : undefined;
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
