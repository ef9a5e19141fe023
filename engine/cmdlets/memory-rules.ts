// Hyper-V 2012 R2's rules for a virtual machine's memory settings (the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft Learn, "Hyper-V Dynamic Memory Overview"):
//   Startup 32 MB .. 1 TB; Minimum 32 MB .. Startup; Maximum Startup .. 1 TB; every size a
//   multiple of 2 MB; Buffer 5..2000 %; Priority (weight) 0..100.
//   Running (or paused): Dynamic Memory cannot be turned on or off, Startup cannot change,
//   Minimum may only fall and Maximum may only rise; Buffer and Priority may change.
//   Saved: nothing may change.
// For a VM with static memory Minimum and Maximum are kept but not checked against Startup;
// they are checked when Dynamic Memory is turned on. The message texts follow Hyper-V's
// "Failed to modify device 'Memory'" style; their exact wording is unconfirmed.
import { CommandRefusal } from '../errors';
import type { Vm, VmMemory } from '../model/world';
import { HYPERV_LIMITS } from '../common/hyperv-limits';

export const MB = 1024 ** 2;
export const MIN_MEMORY = 32 * MB;
/** 1 TB: HYPERV_LIMITS.vm.memoryBytes (engine/common/hyperv-limits.ts). */
export const MAX_MEMORY = HYPERV_LIMITS.vm.memoryBytes;
const ALIGNMENT = 2 * MB;

export interface MemoryChange {
  dynamic?: boolean;
  startupBytes?: number;
  minimumBytes?: number;
  maximumBytes?: number;
  bufferPercent?: number;
  /** 0..100 as PowerShell's -Priority; stored as the weight 0..10000. */
  priority?: number;
}

/** The parameter names a cmdlet uses for each setting (Set-VM and Set-VMMemory differ). */
export interface MemoryParameterNames {
  dynamic: string;
  startup: string;
  minimum: string;
  maximum: string;
}

const mb = (bytes: number) => `${bytes / MB} MB`;

function refuse(detail: string, parameter?: string, fix?: string): never {
  throw new CommandRefusal(`Failed to modify device 'Memory'. ${detail}`, { ...(parameter ? { parameter } : {}), ...(fix ? { fix } : {}) });
}

/** The memory settings after the change, or a refusal that names the parameter at fault. */
export function planMemory(vm: Vm, change: MemoryChange, names: MemoryParameterNames): VmMemory {
  const cur = vm.memory;
  const next: VmMemory = {
    ...cur,
    ...(change.dynamic !== undefined ? { dynamic: change.dynamic } : {}),
    ...(change.startupBytes !== undefined ? { startupBytes: change.startupBytes } : {}),
    ...(change.minimumBytes !== undefined ? { minimumBytes: change.minimumBytes } : {}),
    ...(change.maximumBytes !== undefined ? { maximumBytes: change.maximumBytes } : {}),
    ...(change.bufferPercent !== undefined ? { bufferPercent: change.bufferPercent } : {}),
    ...(change.priority !== undefined ? { weight: change.priority * 100 } : {}),
  };
  const stopFix = `Stop the virtual machine first: Stop-VM -Name '${vm.name.replace(/'/g, "''")}'`;

  if (vm.state !== 'Off' && vm.state !== 'Running' && vm.state !== 'Paused') {
    refuse(`The operation cannot be performed while the virtual machine '${vm.name}' is in its current state (${vm.state}).`);
  }

  const sizes: [keyof MemoryChange, string, string][] = [
    ['startupBytes', names.startup, 'startup'],
    ['minimumBytes', names.minimum, 'minimum'],
    ['maximumBytes', names.maximum, 'maximum'],
  ];
  for (const [key, parameter, label] of sizes) {
    const v = change[key];
    if (typeof v !== 'number') continue;
    if (v % ALIGNMENT !== 0) refuse(`Invalid ${label} memory value assigned for '${vm.name}'. The value (${v} bytes) must be a multiple of 2 MB.`, parameter);
    if (v < MIN_MEMORY) refuse(`Invalid ${label} memory value assigned for '${vm.name}'. The ${label} memory must be at least 32 MB.`, parameter);
    if (v > MAX_MEMORY)
      refuse(`Invalid ${label} memory value assigned for '${vm.name}'. The ${label} memory cannot be greater than 1 TB (1048576 MB).`, parameter);
  }

  if (vm.state === 'Running' || vm.state === 'Paused') {
    if (change.dynamic !== undefined && change.dynamic !== cur.dynamic) {
      refuse(`Dynamic Memory cannot be turned ${change.dynamic ? 'on' : 'off'} while the virtual machine '${vm.name}' is running.`, names.dynamic, stopFix);
    }
    if (change.startupBytes !== undefined && change.startupBytes !== cur.startupBytes) {
      refuse(`The startup memory of '${vm.name}' cannot be changed while the virtual machine is running.`, names.startup, stopFix);
    }
    if (cur.dynamic && change.minimumBytes !== undefined && change.minimumBytes > cur.minimumBytes) {
      refuse(
        `The minimum memory of '${vm.name}' can only be decreased while the virtual machine is running (now ${mb(cur.minimumBytes)}).`,
        names.minimum,
        stopFix,
      );
    }
    if (cur.dynamic && change.maximumBytes !== undefined && change.maximumBytes < cur.maximumBytes) {
      refuse(
        `The maximum memory of '${vm.name}' can only be increased while the virtual machine is running (now ${mb(cur.maximumBytes)}).`,
        names.maximum,
        stopFix,
      );
    }
  }

  if (next.dynamic) {
    if (next.minimumBytes > next.startupBytes) {
      refuse(
        `Invalid minimum memory value assigned for '${vm.name}'. The minimum memory (${mb(next.minimumBytes)}) cannot be greater than the startup memory (${mb(next.startupBytes)}).`,
        change.minimumBytes !== undefined ? names.minimum : names.startup,
        `Give -${names.minimum} a value of at most ${mb(next.startupBytes)}.`,
      );
    }
    if (next.maximumBytes < next.startupBytes) {
      refuse(
        `Invalid maximum memory value assigned for '${vm.name}'. The maximum memory (${mb(next.maximumBytes)}) cannot be less than the startup memory (${mb(next.startupBytes)}).`,
        change.maximumBytes !== undefined ? names.maximum : names.startup,
        `Give -${names.maximum} a value of at least ${mb(next.startupBytes)}.`,
      );
    }
  }
  return next;
}

/** A short description of what changed, for the event log. */
export function describeMemoryChange(before: VmMemory, after: VmMemory): string {
  const parts: string[] = [];
  if (before.dynamic !== after.dynamic) parts.push(`Dynamic Memory ${after.dynamic ? 'enabled' : 'disabled'}`);
  if (before.startupBytes !== after.startupBytes) parts.push(`startup ${mb(after.startupBytes)}`);
  if (before.minimumBytes !== after.minimumBytes) parts.push(`minimum ${mb(after.minimumBytes)}`);
  if (before.maximumBytes !== after.maximumBytes) parts.push(`maximum ${mb(after.maximumBytes)}`);
  if (before.bufferPercent !== after.bufferPercent) parts.push(`buffer ${after.bufferPercent}%`);
  if (before.weight !== after.weight) parts.push(`priority ${after.weight / 100}`);
  return parts.join(', ');
}
