// Every tunable constant of the move operations (storage migration, live migration, smart paging,
// the job queue), each with its source or the reason for its value (docs/design.md: "Every tunable
// constant lives in one documented parameters module with its source"). Network constants live in
// engine/net/parameters.ts. Values marked *unconfirmed* have no published source: they are the
// most plausible choice and are kept here to be changed. Tests and what-if labs override them
// through `new Engine(state, { moveParams })`.

const MiB = 1024 ** 2;

export const MoveParameters = {
  // ── Live migration (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499, Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011) ─────────────────────────
  /**
   * Setup: the destination creates the container ("planned") VM and the two hosts open the
   * migration connection before any memory moves. *Unconfirmed*: Hyper-V publishes no figure; a
   * second or two is what a 2012 R2 host shows between "Starting" and the first percent.
   */
  liveMigrationSetupMs: 1500,
  /**
   * At most this many pre-copy passes, the first included (2012 R2: 5; 2008 R2: 10 — Savill,
   * *Mastering Hyper-V 2012 R2*, p. 499; Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011 table). Set to Infinity to
   * lift the cap (the accuracy test compares against the closed form, which has no cap);
   * `safetyMaxPasses` then still ends a migration that never converges.
   */
  maxPrecopyPasses: 5,
  /** With the cap lifted, a non-converging migration (λ ≥ 1) stops after this many passes. */
  safetyMaxPasses: 1000,
  /**
   * Pre-copy stops once the dirty memory left could be sent within this blackout at the bandwidth
   * the last pass measured ("dirty set small enough", Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011). Hyper-V's exact threshold is
   * *unconfirmed*; 30 ms is the worked case's V_stop = B × 30 ms (Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011). QEMU uses
   * 300 ms, which would stop earlier with a longer pause.
   */
  blackoutTargetMs: 30,
  /**
   * Processor and device state sent during the blackout on top of the last dirty pages.
   * *Unconfirmed*: a few MB (virtual devices, synthetic device queues, APIC, CPU registers).
   */
  deviceStateBytes: 2 * MiB,
  /**
   * Fixed part of the blackout, T_state (pause on the source, hand-off, start of the virtual
   * processors on the destination). *Unconfirmed*: the published blackouts (60–210 ms, Clark et al.;
   * "normally milliseconds", Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499) leave a few tens of ms for it.
   */
  blackoutFixedMs: 40,
  /**
   * Resume: after the VM runs on the destination, the source's VM is torn down and an unsolicited
   * ARP updates the switches (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). Not downtime (the VM already runs). *Unconfirmed*.
   */
  liveMigrationResumeMs: 500,

  // ── Storage migration (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?", Ben Armstrong, "How does storage migration actually work?") ──────────────────────
  /** Create the destination folder and files, start mirroring. *Unconfirmed*: a short constant. */
  storageSetupMs: 500,
  /** Switch the VM to the destination copies: "a short constant, not proportional to disk size" (Mashtizadeh et al.). */
  storageSwitchMs: 200,
  /** Delete the source files after the switch. *Unconfirmed*: file deletion is metadata work. */
  sourceDeleteMs: 200,
  /**
   * Guest writes are mirrored to the destination while a running VM's disks are copied ("guest
   * writes cost double write bandwidth", Ben Armstrong, "How does storage migration actually work?"). Modelled as an extra flow of the
   * VM's diskWriteBytesPerSec over the source volume's write, the network path (if remote) and the
   * destination volume's write, for as long as mirroring lasts. *Plausible modelling*: the normal
   * guest write is not otherwise simulated, so both writes are charged here.
   */
  mirrorGuestWrites: true,
  /**
   * A destination volume counts as full when less than this is free: Windows then fails the
   * write with ERROR_DISK_FULL. Also the resolution of the volume watch. *Choice*, not a source.
   */
  volumeFullMarginBytes: 1 * MiB,

  // ── Host memory and Smart Paging (Microsoft Learn, "Hyper-V Dynamic Memory Overview") ─────────────────────────────────
  /**
   * Memory the management OS keeps for itself, never given to VMs. Undefined: the published
   * formula the pre-checks use (384 MB + 64 MB per GB of host memory, prechecks/compute-checks.ts
   * hostMemoryReserveBytes, with its source), so admission and pre-checks agree. A number overrides
   * it on every host (tests, what-if labs).
   */
  hostReserveBytes: undefined as number | undefined,
  /**
   * Dynamic Memory (Microsoft TechNet, "Hyper-V Dynamic Memory Overview"; "Hyper-V Dynamic Memory
   * Configuration Guide"): after a start the VM holds its startup memory until its guest has booted
   * and its Dynamic Memory driver runs; then Hyper-V adds memory (hot add) and takes it back
   * (ballooning) towards demand + buffer. Neither source gives the times or rates: *unconfirmed*
   * choices — 60 s of boot, memory taken back at 16 MB/s and added at 64 MB/s. With them a smart
   * paging file of 2.4 GB is released about 3.5 minutes after the restart, inside the Overview's
   * "expected within 10 minutes" (see smart-paging.ts).
   */
  dynamicMemoryBootMs: 60_000,
  dynamicMemoryBalloonBytesPerSec: 16 * MiB,
  dynamicMemoryHotAddBytesPerSec: 64 * MiB,
  /** Smart paging file name inside the Smart Paging File Location (Hyper-V writes <VM ID>.slp). */
  smartPagingExtension: '.slp',
} as const;

/** The parameters as plain values (for overrides in tests and what-if labs). */
export type MoveParams = {
  -readonly [K in keyof typeof MoveParameters]: (typeof MoveParameters)[K] extends number
    ? number
    : (typeof MoveParameters)[K] extends boolean
      ? boolean
      : (typeof MoveParameters)[K] extends string
        ? string
        : (typeof MoveParameters)[K];
};

export function moveParams(overrides: Partial<MoveParams> = {}): MoveParams {
  return { ...MoveParameters, ...overrides };
}

/**
 * Hyper-V's refusal of a configuration change (Set-VM, Set-VMMemory, Set-VMProcessor,
 * Checkpoint-VM, the VM Settings dialog) while the VM is being moved. A move carries the
 * configuration it found when it started and switches the VM to that copy, so Hyper-V 2012 R2
 * does not accept changes meanwhile. *Unconfirmed* wording: no published source gives the text;
 * this is Hyper-V's "failed to modify" pattern with Windows' invalid-state sentence, and the lab
 * says why in the fix (engine/operations/configuration-lock.ts).
 */
export function configurationLockedText(vmName: string): string {
  return `'${vmName}' failed to modify settings. The operation cannot be performed while the object is in its current state.`;
}

/**
 * Hyper-V's refusal of a power action the VM's state does not allow (Save-VM of a VM that is off,
 * Suspend-VM of a saved one: engine/common/vm-power-rules.ts), and of a state change while a move
 * of the VM runs. *Unconfirmed* wording: Hyper-V's "failed to change state" pattern with Windows'
 * invalid-state sentence, as 2012 R2 prints it for Stop-VM of a VM in a transitional state.
 */
export function stateChangeRefusedText(vmName: string): string {
  return `'${vmName}' failed to change state. The operation cannot be performed while the object is in its current state.`;
}

/** Start-VM's own refusal ("failed to start"), used when the VM's state does not allow a start. *Unconfirmed* second sentence as above. */
export function startRefusedText(vmName: string): string {
  return `'${vmName}' failed to start. The operation cannot be performed while the object is in its current state.`;
}

/** PowerShell's warning (not an error) when the VM already is where it was asked to go. *Unconfirmed* exact text. */
export function alreadyInStateText(vmName: string): string {
  return `The virtual machine '${vmName}' is already in the specified state.`;
}

/**
 * Texts and limits of renaming and deleting VMs and of checkpoints (Rename-VM, Remove-VM,
 * Get-/Restore-/Remove-/Rename-VMSnapshot). *Unconfirmed* wording throughout: Hyper-V's
 * "failed to <verb>" pattern with Windows' invalid-state sentence, and the not-found text of
 * Get-VM with "checkpoint" (2012 R2's word in the Manager) in place of "virtual machine".
 */
export const LifecycleTexts = {
  /** Longest checkpoint name the lab accepts. *Unconfirmed*: Hyper-V Manager's box takes 100 characters, as for VM names. */
  checkpointNameMaxLength: 100,
  /** Longest VM name (Hyper-V Manager accepts up to 100 characters). *Unconfirmed* figure. */
  vmNameMaxLength: 100,
  checkpointNotFound: (vm: string, name: string) => `Hyper-V was unable to find a checkpoint with name "${name}" for virtual machine '${vm}'.`,
  checkpointAmbiguous: (vm: string, name: string, count: number) => `'${vm}' has ${count} checkpoints named "${name}"; Hyper-V cannot tell which one to apply.`,
  deleteRefused: (vm: string) => `'${vm}' failed to delete. The operation cannot be performed while the object is in its current state.`,
  renameRefused: (vm: string) => `'${vm}' failed to rename. The operation cannot be performed while the object is in its current state.`,
  applyRefused: (vm: string) => `'${vm}' failed to apply checkpoint. The operation cannot be performed while the object is in its current state.`,
  deleteCheckpointRefused: (vm: string) => `'${vm}' failed to delete checkpoint. The operation cannot be performed while the object is in its current state.`,
  nameTooLong: (what: 'virtual machine' | 'checkpoint', length: number, max: number) => `The ${what} name is ${length} characters long; the maximum is ${max}.`,
} as const;

const GiB = 1024 ** 3;

/**
 * Virtual hard disk files (New-VHD, New-VM, the New Virtual Hard Disk and Edit Virtual Hard Disk
 * wizards). Sizes of the files themselves follow the published formats: "Virtual Hard Disk Image
 * Format Specification" (Microsoft, version 1.0, 2006) for VHD and "[MS-VHDX]: Virtual Hard Disk v2
 * (VHDX) File Format" for VHDX; the maximums live in engine/common/hyperv-limits.ts.
 */
export const VhdParameters = {
  /** A VHD's 512-byte footer (fixed: the only metadata; dynamic: a copy at the start too). */
  vhdFooterBytes: 512,
  /** A dynamic VHD's header (1,024 bytes) — the Block Allocation Table follows it. */
  vhdDynamicHeaderBytes: 1024,
  /** Default block size of a dynamic VHD: 2 MB (VHD specification; Hyper-V's default). */
  vhdBlockBytes: 2 * 1024 ** 2,
  /**
   * An empty dynamic or differencing VHDX: headers, region tables, log, BAT and metadata regions
   * round to 4 MB on 2012 R2 (what New-VHD leaves on disk). *Unconfirmed* exact figure: [MS-VHDX]
   * sets the 1 MB alignment of each region, not the total Hyper-V writes.
   */
  vhdxEmptyBytes: 4 * 1024 ** 2,
  /** Metadata a fixed VHDX carries besides its data (the same regions): *unconfirmed*, 4 MB. */
  vhdxFixedOverheadBytes: 4 * 1024 ** 2,
  /** VHDX's default block size on 2012 R2: 32 MB ([MS-VHDX]; New-VHD -BlockSizeBytes default). */
  vhdxBlockBytes: 32 * 1024 ** 2,
  /**
   * The smallest disk New-VHD makes: 3 MB. *Unconfirmed*: the cmdlet help gives no minimum; 3 MB
   * is the smallest size Windows' Disk Management offers for a VHD.
   */
  minimumSizeBytes: 3 * 1024 ** 2,
  /** The New Virtual Machine Wizard's and New Virtual Hard Disk Wizard's default size: 127 GB (2012 R2). */
  wizardDefaultSizeBytes: 127 * GiB,
  /**
   * Share of a used dynamic or differencing disk's data blocks that the guest has since freed
   * (deleted files, page-file churn) and that Compact returns, for disks whose freed bytes the
   * world does not state. *Unconfirmed*: the lab has no guest file system; a tenth is plausible
   * for a server that has run a while. Disks the lab creates start with nothing to return.
   */
  reclaimableShare: 0.1,
  /**
   * Share of a fixed disk's size the guest has written, for fixed disks whose data the world does
   * not state (what Convert to dynamic keeps). *Unconfirmed*: a half-full data disk.
   */
  fixedDataShare: 0.5,
  /**
   * Where Hyper-V keeps a new VM and its new disks when no folder is given: the host's default
   * folders as installed (Hyper-V Settings, "Virtual Machines" and "Virtual Hard Disks"; Microsoft
   * Learn, "Set-VMHost" -VirtualMachinePath / -VirtualHardDiskPath). The lab has no per-host setting
   * for them yet, so these are every host's.
   */
  defaultVirtualMachinePath: 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V',
  defaultVirtualHardDiskPath: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks',
  /** New-VM's startup memory when none is given: 512 MB (the 2012 R2 New Virtual Machine Wizard's default too). */
  defaultStartupBytes: 512 * 1024 ** 2,
} as const;
