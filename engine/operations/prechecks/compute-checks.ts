// What the destination must offer the running VM: the same kind of processor, its virtual
// switches, and memory (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499).
import type { Host, Vm } from '../../model/world';
import { runLimitProblem, runningLoad } from '../host-limits';
import { physicalMemoryAt } from '../../common/dynamic-memory';
import { formatBytes, sameName, type Precheck, type PrecheckOptions } from './context';
import { error, type Incompatibility } from './incompatibility';

// the Hyper-V module's cmdlet help for Windows Server 2012 R2, "Processor mismatch": the real text, used for both processor checks.
export const PROCESSOR_MISMATCH =
  'The virtual machine cannot be moved to the destination computer. The hardware on the destination computer is not compatible with the hardware requirements of this virtual machine.';

/**
 * The processor matters while the VM's processor state exists, i.e. while it runs (or is paused
 * or saved — refused for live moves anyway, see vm-checks.ts). An Off VM boots afresh on the
 * destination, so its move is not held back by the processor (our reading; unconfirmed).
 * Same manufacturer always (Intel ↔ AMD never, Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499); another generation only with processor
 * compatibility mode.
 */
export const processor: Precheck = ({ vm, source, destination, live }) => {
  if (!live || vm.state === 'Off') return [];
  if (source.cpu.vendor !== destination.cpu.vendor) {
    return [
      error('processor-vendor', {
        message: PROCESSOR_MISMATCH,
        source: 'Processor',
        fix: `${source.name} has an ${source.cpu.vendor} processor and ${destination.name} an ${destination.cpu.vendor} one. A running virtual machine can never move between processor manufacturers, not even with processor compatibility mode: choose a host with an ${source.cpu.vendor} processor, or shut '${vm.name}' down and move it while it is off.`,
        parameter: 'DestinationHost',
      }),
    ];
  }
  if (source.cpu.family !== destination.cpu.family && !vm.compatibilityForMigration) {
    return [
      error('processor-family', {
        message: PROCESSOR_MISMATCH,
        source: 'Processor',
        fix: `${source.name} (${source.cpu.family}) and ${destination.name} (${destination.cpu.family}) have different processor generations. Shut down '${vm.name}', run Set-VMProcessor -VMName '${vm.name}' -CompatibilityForMigrationEnabled $true (the VM must be off to change it), start it, and move it again.`,
        guiFix: `${source.name} (${source.cpu.family}) and ${destination.name} (${destination.cpu.family}) have different processor generations. Cancel the wizard, shut down '${vm.name}', tick Settings → Processor → Compatibility → "Migrate to a physical computer with a different processor version", start it, and move it again.`,
        parameter: 'DestinationHost',
      }),
    ];
  }
  return [];
};

/**
 * Each connected network adapter needs a virtual switch of the same name on the destination —
 * the real message and MessageId (the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft's Compare-VM example). Compare-VM reports
 * it whatever the VM's state.
 */
export const virtualSwitches: Precheck = ({ vm, destination, live }) => {
  if (!live) return [];
  const out: Incompatibility[] = [];
  for (const a of vm.networkAdapters) {
    if (!a.switchName) continue;
    if (destination.virtualSwitches.some((s) => sameName(s.name, a.switchName!))) continue;
    const have = destination.virtualSwitches.map((s) => `'${s.name}'`).join(', ');
    out.push(
      error('virtual-switch', {
        message: `Could not find Ethernet switch '${a.switchName}'.`,
        messageId: 33012,
        source: a.name,
        fix: `Create a virtual switch named '${a.switchName}' on ${destination.name} (New-VMSwitch -Name '${a.switchName}' -NetAdapterName <adapter> -ComputerName ${destination.name}), or connect the adapter to a switch that exists there${have ? ` (${have})` : ''} or disconnect it (Disconnect-VMNetworkAdapter -VMName '${vm.name}').`,
        guiFix: `Create a virtual switch named '${a.switchName}' on ${destination.name} (Virtual Switch Manager), or connect '${a.name}' of '${vm.name}' to a switch that exists there${have ? ` (${have})` : ''}, or disconnect it; then move again.`,
      }),
    );
  }
  return out;
};

/**
 * Memory Hyper-V keeps for the management OS (the root reserve) before it gives any to VMs.
 * Source: the MemoryReserve default of 2008 R2 SP1 Hyper-V, 384 MB + 64 MB per GB of host memory
 * (hyper-v.nu, "Intelligent Automatic Pagefile Setting in Windows Server 2012 Hyper-V", 2012/10,
 * quoting Microsoft). 2012 R2 computes its reserve internally and publishes no formula, so this
 * published one is the stand-in (unconfirmed for 2012 R2). 128 GB host → 8.4 GB reserved.
 * runPrechecks() takes an override (PrecheckOptions.hostReserveBytes) so the engine can use the
 * same figure as the move operations' admission (engine/operations parameters).
 */
export const ROOT_RESERVE_BASE_BYTES = 384 * 1024 ** 2;
export const ROOT_RESERVE_PER_GIB_BYTES = 64 * 1024 ** 2;

export function hostMemoryReserveBytes(host: Host): number {
  return ROOT_RESERVE_BASE_BYTES + ROOT_RESERVE_PER_GIB_BYTES * Math.ceil(host.memoryBytes / 1024 ** 3);
}

/**
 * Memory a VM holds on its host at `now` (default: as of the engine's last Dynamic Memory event): a
 * static VM its startup memory, a Dynamic Memory VM what is assigned to it now, less what a smart
 * paging file still bridges (Microsoft Learn, "Hyper-V Dynamic Memory Overview";
 * engine/common/dynamic-memory.ts). Same rule as engine/operations/host-memory.ts, so the
 * pre-check and the move's admission agree. A VM that is off or saved holds none.
 */
export function memoryHeldBytes(vm: Vm, now?: number): number {
  return physicalMemoryAt(vm, now);
}

/** The root reserve in force: the caller's (the operations' tunable parameters) or the documented default. */
export function reserveFor(host: Host, override: PrecheckOptions['hostReserveBytes']): number {
  if (override === undefined) return hostMemoryReserveBytes(host);
  return typeof override === 'function' ? override(host) : override;
}

/**
 * A running VM needs its memory on the destination when it arrives; an Off VM needs none until
 * it starts. Text: the real messages of the Hyper-V module's cmdlet help for Windows Server 2012 R2, together.
 */
export const memory: Precheck = ({ world, vm, destination, live, options }) => {
  if (!live || vm.state !== 'Running') return [];
  const reserve = reserveFor(destination, options.hostReserveBytes);
  const usable = destination.memoryBytes - reserve;
  const residents = world.vms.filter((v) => v.id !== vm.id && sameName(v.host, destination.name));
  const used = residents.reduce((n, v) => n + memoryHeldBytes(v, options.now), 0);
  const needed = memoryHeldBytes(vm, options.now);
  if (used + needed <= usable) return [];
  return [
    error('memory', {
      message: `Not enough memory in the system to start the virtual machine ${vm.name}. Could not initialize memory: Ran out of memory (0x8007000E).`,
      source: 'Memory',
      fix: `${destination.name} has ${formatBytes(destination.memoryBytes)} of memory, keeps ${formatBytes(reserve)} for itself, and its running virtual machines hold ${formatBytes(used)}; '${vm.name}' needs ${formatBytes(needed)}, ${formatBytes(used + needed - usable)} more than is free. Shut down or move a virtual machine off ${destination.name}, or lower the startup memory of '${vm.name}' (Set-VMMemory, with the VM off).`,
      guiFix: `${destination.name} has ${formatBytes(destination.memoryBytes)} of memory, keeps ${formatBytes(reserve)} for itself, and its running virtual machines hold ${formatBytes(used)}; '${vm.name}' needs ${formatBytes(needed)}, ${formatBytes(used + needed - usable)} more than is free. Go back to "Specify Destination Computer" and name another computer, or shut down or move a virtual machine off ${destination.name}.`,
      parameter: 'DestinationHost',
    }),
  ];
};

/**
 * A running VM arriving must fit within the destination's maximums for running virtual machines
 * (1,024 VMs, 2,048 virtual processors; operations/host-limits.ts). The text is unconfirmed.
 */
export const runningLimits: Precheck = ({ world, vm, destination, live }) => {
  if (!live || vm.state !== 'Running') return [];
  const problem = runLimitProblem(destination, runningLoad(world, destination, new Set([vm.id])), vm);
  if (!problem) return [];
  return [
    error('host-limit', {
      message: `The virtual machine '${vm.name}' cannot be moved to '${destination.name}'. ${problem}`,
      source: destination.name,
      fix: `Shut down or move a virtual machine off ${destination.name}, or choose another destination host.`,
      parameter: 'DestinationHost',
    }),
  ];
};
