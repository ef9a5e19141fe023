// The published maximums of Windows Server 2012 R2 Hyper-V that the lab's model has fields for.
// Source for every figure unless noted: Microsoft TechNet, "Hyper-V scalability in Windows Server
// 2012 and Windows Server 2012 R2" (the table of virtual machine and host maximums). Virtual hard
// disk sizes: TechNet, "Hyper-V Virtual Hard Disk Format Overview" (VHDX up to 64 TB; VHD up to
// 2,040 GB). Pure data in the shared layer (engine/common/): the engine and the console both read it.
//
// Not enforced because the model has no field for them: 4 virtual
// Fibre Channel adapters, 2 COM ports, 1 floppy drive per VM; 64 nodes and 8,000 VMs per failover
// cluster (the lab has no clusters).

const GB = 1024 ** 3;
const TB = 1024 ** 4;

export const HYPERV_LIMITS = {
  vm: {
    /** "Virtual processors: 64" per virtual machine. */
    virtualProcessors: 64,
    /** "Memory: 1 TB" per virtual machine (startup and Dynamic Memory maximum alike). */
    memoryBytes: 1 * TB,
    /** "Checkpoints: 50" per virtual machine (the TechNet table still says "Snapshots" for 2012). */
    checkpoints: 50,
    /** "Virtual IDE disks: 4" (two IDE controllers with two locations each; generation 1 only). */
    ideDisks: 4,
    /** "Virtual SCSI disks: 256" (4 SCSI controllers × 64 disks). */
    scsiDisks: 256,
    /** 4 virtual SCSI controllers (Add-VMScsiController refuses a fifth). */
    scsiControllers: 4,
    /** Of the 12 network adapters of a generation 1 VM, at most 4 are legacy ones. */
    legacyNetworkAdapters: 4,
    /**
     * "Virtual network adapters: 12 total — 8 Hyper-V-specific network adapters, 4 legacy network
     * adapters". Generation 2 virtual machines have no legacy adapter (TechNet, "Generation 2
     * Virtual Machine Overview"), so they have at most 8.
     */
    networkAdapters: { generation1: 12, generation2: 8 },
  },
  disk: {
    /** "Virtual hard disk capacity: up to 64 TB for VHDX; up to 2,040 GB for VHD". */
    vhdxMaxBytes: 64 * TB,
    vhdMaxBytes: 2040 * GB,
  },
  host: {
    /** "Logical processors: 320" per host. */
    logicalProcessors: 320,
    /** "Physical memory: 4 TB" per host. */
    memoryBytes: 4 * TB,
    /** "Running virtual machines per server: 1,024". */
    runningVms: 1024,
    /** "Virtual processors per server: 2,048" (of running virtual machines). */
    virtualProcessors: 2048,
  },
} as const;

/** The size limit of a virtual hard disk file by its extension (.vhd or .vhdx; .avhd(x) likewise). */
export function vhdMaxBytesFor(path: string): { bytes: number; format: 'VHD' | 'VHDX' } {
  return /\.a?vhd$/i.test(path.trim()) ? { bytes: HYPERV_LIMITS.disk.vhdMaxBytes, format: 'VHD' } : { bytes: HYPERV_LIMITS.disk.vhdxMaxBytes, format: 'VHDX' };
}

/** The most network adapters a VM of this generation can have. */
export function maxNetworkAdapters(generation: 1 | 2): number {
  return generation === 1 ? HYPERV_LIMITS.vm.networkAdapters.generation1 : HYPERV_LIMITS.vm.networkAdapters.generation2;
}
