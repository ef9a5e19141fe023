// The virtual machine settings beyond memory and moves, as Windows Server 2012 R2 has them: the
// integration services, the automatic start and stop actions, processor resource control, the
// BIOS startup order (generation 1) and the firmware boot order and Secure Boot (generation 2).
// One place for the names, texts and defaults, shared by the cmdlets (engine/cmdlets/vm-configuration.ts)
// and VM Settings in the console, so both say the same. It stands alone (engine/common): the
// helpers take the few fields they read, not the world's types.
//
// Sources: the Hyper-V module's cmdlet help for Windows Server 2012 R2 (Set-VM, Set-VMProcessor,
// Set-VMBios, Set-VMFirmware, Enable-VMIntegrationService); TechNet, "Generation 2 Virtual Machine
// Overview"; Microsoft Learn, "Manage Hyper-V Integration Services".
import { HYPERV_LIMITS } from './hyperv-limits';

/**
 * The integration services of a 2012 R2 virtual machine, as Get-VMIntegrationService names them,
 * with the label VM Settings → Integration Services shows. 2012 R2 added Guest Service Interface
 * (Copy-VMFile), which is the one offered but not enabled on a new VM; the other five are enabled.
 */
export const INTEGRATION_SERVICES = [
  { name: 'Shutdown', label: 'Operating system shutdown', enabledByDefault: true },
  { name: 'Time Synchronization', label: 'Time synchronization', enabledByDefault: true },
  { name: 'Key-Value Pair Exchange', label: 'Data Exchange', enabledByDefault: true },
  { name: 'Heartbeat', label: 'Heartbeat', enabledByDefault: true },
  { name: 'VSS', label: 'Backup (volume checkpoint)', enabledByDefault: true },
  { name: 'Guest Service Interface', label: 'Guest services', enabledByDefault: false },
] as const;

export type IntegrationServiceName = (typeof INTEGRATION_SERVICES)[number]['name'];
export const INTEGRATION_SERVICE_NAMES: readonly IntegrationServiceName[] = INTEGRATION_SERVICES.map((s) => s.name);

/** Whether a service is enabled: what the VM stores, else the 2012 R2 default. */
export function integrationServiceEnabled(stored: Readonly<Record<string, boolean>> | undefined, name: IntegrationServiceName): boolean {
  const value = stored?.[name];
  return value ?? INTEGRATION_SERVICES.find((s) => s.name === name)!.enabledByDefault;
}

/** Set-VM -AutomaticStartAction, with VM Settings' wording. New VMs start if they were running. */
export const AUTOMATIC_START_ACTIONS = ['Nothing', 'StartIfRunning', 'Start'] as const;
export type AutomaticStartAction = (typeof AUTOMATIC_START_ACTIONS)[number];
export const AUTOMATIC_START_LABELS: Record<AutomaticStartAction, string> = {
  Nothing: 'Nothing',
  StartIfRunning: 'Automatically start if it was running when the service stopped',
  Start: 'Always start this virtual machine automatically',
};
export const DEFAULT_AUTOMATIC_START_ACTION: AutomaticStartAction = 'StartIfRunning';

/** Set-VM -AutomaticStartDelay, in seconds (an Int32 in the cmdlet; the lab keeps it under a day, *unconfirmed*). */
export const AUTOMATIC_START_DELAY_MAX = 86_400;

/** Set-VM -AutomaticStopAction, with VM Settings' wording. New VMs are saved. */
export const AUTOMATIC_STOP_ACTIONS = ['Save', 'TurnOff', 'ShutDown'] as const;
export type AutomaticStopAction = (typeof AUTOMATIC_STOP_ACTIONS)[number];
export const AUTOMATIC_STOP_LABELS: Record<AutomaticStopAction, string> = {
  Save: 'Save the virtual machine state',
  TurnOff: 'Turn off the virtual machine',
  ShutDown: 'Shut down the guest operating system',
};
export const DEFAULT_AUTOMATIC_STOP_ACTION: AutomaticStopAction = 'Save';

/**
 * Processor resource control (Set-VMProcessor -Reserve, -Maximum, -RelativeWeight): reserve and
 * limit are percentages of the VM's processors (0..100), the weight 0..10000; new VMs have 0, 100
 * and 100.
 */
export const PROCESSOR_DEFAULTS = { reserve: 0, maximum: 100, relativeWeight: 100 } as const;
export const RELATIVE_WEIGHT_MAX = 10_000;

export interface ProcessorControl {
  reserve: number;
  maximum: number;
  relativeWeight: number;
}

export function processorControlOf(stored: Partial<ProcessorControl> | undefined): ProcessorControl {
  return {
    reserve: stored?.reserve ?? PROCESSOR_DEFAULTS.reserve,
    maximum: stored?.maximum ?? PROCESSOR_DEFAULTS.maximum,
    relativeWeight: stored?.relativeWeight ?? PROCESSOR_DEFAULTS.relativeWeight,
  };
}

/**
 * "Percent of total system resources" beside reserve and limit: the VM's share of the host's
 * logical processors, as Hyper-V Manager computes it (percentage × virtual processors ÷ logical
 * processors), rounded down.
 */
export function percentOfSystem(percent: number, virtualProcessors: number, logicalProcessors: number): number {
  if (logicalProcessors <= 0) return 0;
  return Math.floor((percent * virtualProcessors) / logicalProcessors);
}

/**
 * The NUMA topology a VM sees (Processor → NUMA, read-only here). The lab's hosts have no NUMA
 * description: it takes each host as two sockets with one NUMA node each, splitting its logical
 * processors and memory evenly (*unconfirmed*; a one-socket host would show one node).
 */
export const NUMA_NODES_PER_HOST = 2;
export function numaNodeOf(host: { cores: number; memoryBytes: number }): { processors: number; memoryBytes: number } {
  const nodes = host.cores >= NUMA_NODES_PER_HOST ? NUMA_NODES_PER_HOST : 1;
  return { processors: Math.max(1, Math.floor(host.cores / nodes)), memoryBytes: Math.floor(host.memoryBytes / nodes) };
}

/** Generation 1 BIOS devices (Set-VMBios -StartupOrder) and their labels in BIOS → Startup order; 2012 R2's default order. */
export const BIOS_DEVICES = ['CD', 'IDE', 'LegacyNetworkAdapter', 'Floppy'] as const;
export type BiosDevice = (typeof BIOS_DEVICES)[number];
export const BIOS_DEVICE_LABELS: Record<BiosDevice, string> = { CD: 'CD', IDE: 'IDE', LegacyNetworkAdapter: 'Legacy Network adapter', Floppy: 'Floppy' };

/** The startup order: as set, else the default with New-VM -BootDevice's device first. */
export function biosStartupOrder(stored: readonly string[] | undefined, bootDevice: string | undefined): BiosDevice[] {
  if (stored && stored.length === BIOS_DEVICES.length) return stored as BiosDevice[];
  const first = BIOS_DEVICES.find((d) => d === bootDevice);
  return first ? [first, ...BIOS_DEVICES.filter((d) => d !== first)] : [...BIOS_DEVICES];
}

/** Secure Boot (Set-VMFirmware -EnableSecureBoot On|Off): on by default for a generation 2 VM. */
export const ON_OFF = ['On', 'Off'] as const;

/** One entry of a generation 2 VM's boot order (Firmware → Boot order; Get-VMFirmware's BootOrder). */
export interface BootEntry {
  /** What Set-VMFirmware -BootOrder names it by in the lab: the drive's controller location ('SCSI 0:1') or the adapter's name. */
  key: string;
  bootType: 'Drive' | 'Network';
  device: 'Hard Drive' | 'DVD Drive' | 'Network Adapter';
  /** The file on a drive (a VHDX, an .iso) or the adapter's switch; '' when none. */
  detail: string;
}

interface BootDevices {
  vhds: readonly { controller: string; path: string }[];
  dvdDrives: readonly { controller: string; path?: string | undefined }[];
  networkAdapters: readonly { name: string; switchName?: string | undefined }[];
  bootDevice?: string | undefined;
}

/** 'scsi  0:1' → 'SCSI 0:1'. */
export function controllerKey(controller: string): string {
  return controller.trim().toUpperCase().replace(/\s+/g, ' ');
}

/**
 * The boot order of a generation 2 VM: the devices in the stored order, then any device the order
 * does not name yet, as Hyper-V appends a device added later. Without a stored order: the device
 * New-VM -BootDevice named first, then hard drives, DVD drives and network adapters (*unconfirmed*
 * for a VM made without -BootDevice, where Hyper-V lists the devices as they were added).
 */
export function firmwareBootOrder(vm: BootDevices, stored: readonly string[] | undefined): BootEntry[] {
  const drives: BootEntry[] = [
    ...vm.vhds.map((d) => ({ key: controllerKey(d.controller), bootType: 'Drive' as const, device: 'Hard Drive' as const, detail: d.path })),
    ...vm.dvdDrives.map((d) => ({ key: controllerKey(d.controller), bootType: 'Drive' as const, device: 'DVD Drive' as const, detail: d.path ?? '' })),
  ];
  const nics: BootEntry[] = vm.networkAdapters.map((a) => ({
    key: a.name,
    bootType: 'Network' as const,
    device: 'Network Adapter' as const,
    detail: a.switchName ?? '',
  }));
  const byDefault = [...drives, ...nics];
  const firstKind = vm.bootDevice === 'CD' ? 'DVD Drive' : vm.bootDevice === 'NetworkAdapter' ? 'Network Adapter' : undefined;
  const defaults = firstKind ? [...byDefault.filter((e) => e.device === firstKind), ...byDefault.filter((e) => e.device !== firstKind)] : byDefault;
  if (!stored?.length) return defaults;
  const left = [...defaults];
  const out: BootEntry[] = [];
  for (const key of stored) {
    const i = left.findIndex((e) => e.key.toUpperCase() === key.toUpperCase());
    if (i >= 0) out.push(...left.splice(i, 1));
  }
  return [...out, ...left];
}

/**
 * The SCSI controllers a VM has: those added (Add-VMScsiController), at least one on generation 2
 * (it boots from SCSI), and at least as many as its drives use (worlds written before controllers
 * were counted).
 */
export function scsiControllerCount(vm: {
  generation: 1 | 2;
  scsiControllers?: number | undefined;
  vhds: readonly { controller: string }[];
  dvdDrives: readonly { controller: string }[];
}): number {
  let used = 0;
  for (const d of [...vm.vhds, ...vm.dvdDrives]) {
    const m = /^SCSI\s+(\d+):/i.exec(d.controller.trim());
    if (m) used = Math.max(used, Number(m[1]) + 1);
  }
  return Math.min(HYPERV_LIMITS.vm.scsiControllers, Math.max(vm.scsiControllers ?? 0, vm.generation === 2 ? 1 : 0, used));
}
