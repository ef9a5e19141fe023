// The datacenter as one serializable, versioned snapshot (docs/design.md, "State, persistence and failure").
// Units everywhere: bytes, bytes per second, simulated milliseconds, Gb/s for link speeds (as
// adapters report them). Free space is derived from the files on a volume, never stored, so a
// move cannot leave the two out of step.
import { z } from 'zod';
import { deepCopy } from './fast-parse';
import { HYPERV_LIMITS } from '../common/hyperv-limits';
import { HostDcb } from './dcb';
import { AUTOMATIC_START_ACTIONS, AUTOMATIC_START_DELAY_MAX, AUTOMATIC_STOP_ACTIONS, BIOS_DEVICES, RELATIVE_WEIGHT_MAX } from '../common/vm-configuration';

export const WORLD_SCHEMA_VERSION = 1;

const name = z.string().trim().min(1, 'must not be empty').max(255);
/**
 * A file or folder path. Its length limit is MAX_PATH's (259 characters for a file, 248 for a
 * folder: engine/common/windows-paths.ts), which the cross-checks apply with a message that names
 * the length and the limit (model/validate-limits.ts); a name's 255 would cut a file path short.
 */
const pathText = z.string().trim().min(1, 'must not be empty');
const bytes = z.number().int('must be a whole number of bytes').nonnegative();
const rate = z.number().positive('must be greater than zero');
const ipv4 = z
  .string()
  .regex(/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, 'must be an IPv4 address such as 192.168.10.11')
  .refine((s) => s.split('.').every((o) => Number(o) <= 255), 'each part of an IPv4 address must be 0..255');
const prefixLength = z.number().int().min(0).max(32);
const macAddress = z.string().regex(/^[0-9A-F]{12}$/, 'must be a MAC address of 12 hexadecimal digits such as 00155D010B00');

/**
 * The default of an object whose fields all have defaults: the schema's answer for `{}`, worked
 * out once and copied for each use (a fresh object every time, as a default function gives: no
 * two hosts share one). zod calls a default function for every object it fills in, and parsing
 * `{}` with zod each time cost about 14 ms over a 1,000-host world.
 */
function defaultsOf<S extends z.ZodType>(schema: S): () => z.output<S> {
  let value: z.output<S> | undefined;
  return () => deepCopy((value ??= schema.parse({})));
}

export const LinkSpeedGbps = z.union([z.literal(1), z.literal(10), z.literal(25), z.literal(40), z.literal(56), z.literal(100)]);
export const RdmaType = z.enum(['none', 'iWARP', 'RoCE', 'InfiniBand']);

export const Nic = z.object({
  name,
  speedGbps: LinkSpeedGbps,
  medium: z.enum(['Ethernet', 'InfiniBand']).default('Ethernet'),
  rdma: z.object({ type: RdmaType, enabled: z.boolean() }).default({ type: 'none', enabled: false }),
  /** Receive-side scaling queues; 0 or 1 means not RSS-capable for SMB (Jose Barreto, "Make sure your network interfaces are RSS-capable"). */
  rssQueues: z.number().int().min(0).max(64).default(4),
  linkUp: z.boolean().default(true),
  ipAddress: ipv4.optional(),
  prefixLength: prefixLength.default(24),
  /**
   * The adapter's "Jumbo Packet" advanced property (*JumboPacket): the largest Ethernet frame it
   * sends, header included: 1514 (off, a 1500-byte MTU), 4088 or 9014 (a 9000-byte MTU), as
   * Intel's drivers list them (Set-NetAdapterAdvancedProperty; engine/net/parameters.ts, jumbo).
   * Absent: 1514 (optional rather than defaulted, so code that builds a Nic need not name it).
   */
  jumboPacket: z.union([z.literal(1514), z.literal(4088), z.literal(9014)]).optional(),
  /** Enable-NetAdapterQos: the adapter applies the host's DCB traffic classes and PFC (engine/model/dcb.ts). Absent: disabled. */
  dcbQos: z.boolean().optional(),
});
export type Nic = z.infer<typeof Nic>;

export const Team = z.object({
  name,
  members: z.array(name).min(1, 'a team needs at least one member adapter'),
  mode: z.enum(['SwitchIndependent', 'Static', 'LACP']).default('SwitchIndependent'),
  /**
   * The member in Standby (Set-NetLbfoTeamMember -AdministrativeMode Standby): it carries nothing
   * until an active member fails. 2012 R2 allows one standby member, in a Switch Independent team
   * (Microsoft Learn, "NIC Teaming settings": "Standby adapter").
   */
  standbyMember: name.optional(),
  loadBalancing: z.enum(['AddressHash', 'HyperVPort', 'Dynamic']).default('Dynamic'),
  ipAddress: ipv4.optional(),
  prefixLength: prefixLength.default(24),
  /**
   * The members' own IP settings while they are teamed: Windows unbinds TCP/IP from a team member
   * but keeps its configuration, so removing the team gives each adapter its address back.
   */
  memberAddresses: z.record(z.string(), z.object({ ipAddress: ipv4, prefixLength })).default(() => ({})),
});
export type Team = z.infer<typeof Team>;

export const VirtualSwitch = z.object({
  name,
  type: z.enum(['External', 'Internal', 'Private']).default('External'),
  /** The adapter or team an External switch is bound to. */
  adapter: name.optional(),
  /**
   * Allow management operating system to share this network adapter (the Hyper-V default). When
   * true, the bound adapter's or team's IP address belongs to the host vNIC "vEthernet (<switch>)",
   * which is never RDMA- or RSS-capable in 2012 R2 (Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming").
   */
  allowManagementOS: z.boolean().default(true),
  /**
   * "Enable virtual LAN identification for management operating system": the VLAN the host vNIC
   * tags its traffic with (Set-VMNetworkAdapterVlan -ManagementOS -Access -VlanId; 1..4094).
   */
  managementVlanId: z.number().int().min(1).max(4094).optional(),
  notes: z.string().optional(),
  /**
   * The bound adapter's (or team's) own IP settings while the management OS does not share it:
   * kept so that sharing it again, or removing the switch, gives them back (*unconfirmed*:
   * Windows may fall back to DHCP; see engine/cmdlets/vm-switch-rules.ts).
   */
  keptAddress: z.object({ ipAddress: ipv4, prefixLength }).optional(),
});
export type VirtualSwitch = z.infer<typeof VirtualSwitch>;

export const Volume = z.object({
  letter: z.string().regex(/^[A-Z]$/, 'must be a single drive letter A..Z'),
  label: z.string().default(''),
  capacityBytes: bytes,
  /** Space taken by everything that is not a VM file the simulation tracks (OS, other data). */
  otherDataBytes: bytes.default(0),
  readBytesPerSec: rate,
  writeBytesPerSec: rate,
});
export type Volume = z.infer<typeof Volume>;

export const Share = z.object({
  name,
  /** Local folder on the file server, e.g. D:\Shares\VMs. */
  path: name,
  /** Accounts with Full Control, e.g. CONTOSO\HV01$ (Microsoft Learn, "Set up hosts for live migration without Failover Clustering", SMB storage). */
  fullControl: z.array(name).default([]),
  /**
   * Accounts with Change and with Read access, and those denied (New-SmbShare, Grant-/Block-SmbShareAccess).
   * Optional (absent: none, no description) so that code building a Share need not name them.
   */
  changeAccess: z.array(name).optional(),
  readAccess: z.array(name).optional(),
  noAccess: z.array(name).optional(),
  description: z.string().optional(),
  encryptData: z.boolean().default(false),
});
export type Share = z.infer<typeof Share>;

export const BandwidthLimits = z.object({
  Default: rate.optional(),
  VirtualMachine: rate.optional(),
  LiveMigration: rate.optional(),
});
export type BandwidthLimits = z.infer<typeof BandwidthLimits>;

export const MigrationNetwork = z.object({
  /** IPv4 or IPv6 with its prefix length; the cross-checks read it (engine/common/ip-addresses.ts). */
  subnet: z.string().regex(/^[0-9A-Fa-f.:]+\/\d{1,3}$/, 'must be a subnet such as 192.168.10.0/24 or fd00::/64'),
  priority: z.number().int().min(0).default(0),
});

export const MigrationSettings = z.object({
  // Defaults from Microsoft Learn, "Set up hosts for live migration without Failover Clustering".
  enabled: z.boolean().default(false),
  authentication: z.enum(['CredSSP', 'Kerberos']).default('CredSSP'),
  performanceOption: z.enum(['TCPIP', 'Compression', 'SMB']).default('Compression'),
  maximumLiveMigrations: z.number().int().min(1).max(64).default(2),
  maximumStorageMigrations: z.number().int().min(1).max(64).default(2),
  useAnyNetwork: z.boolean().default(true),
  networks: z.array(MigrationNetwork).default([]),
});
export type MigrationSettings = z.infer<typeof MigrationSettings>;

export const SmbClientSettings = z.object({
  // Client defaults from Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct".
  multichannelEnabled: z.boolean().default(true),
  connectionsPerRssInterface: z.number().int().min(1).max(16).default(4),
  connectionsPerRdmaInterface: z.number().int().min(1).max(16).default(2),
  connectionsPerNonRssInterface: z.number().int().min(1).max(16).default(1),
  maximumConnectionCountPerServer: z.number().int().min(1).max(64).default(32),
  bandwidthLimits: BandwidthLimits.default({}),
  /** New-SmbMultichannelConstraint: server name → interface aliases allowed. */
  constraints: z.record(z.string(), z.array(name)).default({}),
});

/** The computer as SMB server (Set-SmbServerConfiguration). */
export const SmbServerSettings = z.object({
  /** EnableMultiChannel: off at either end, a session uses one connection and no SMB Direct. */
  multichannelEnabled: z.boolean().default(true),
});

export const Host = z.object({
  name,
  role: z.enum(['HyperV', 'FileServer']).default('HyperV'),
  os: z.enum(['2012', '2012R2']).default('2012R2'),
  domain: name.default('CONTOSO'),
  cpu: z.object({
    vendor: z.enum(['Intel', 'AMD']),
    family: name,
    /** Logical processors; 2012 R2 Hyper-V supports at most 320 (engine/common/hyperv-limits.ts). */
    cores: z
      .number()
      .int()
      .min(1)
      .max(HYPERV_LIMITS.host.logicalProcessors, `Hyper-V supports at most ${HYPERV_LIMITS.host.logicalProcessors} logical processors per host`),
    ghz: z.number().positive().max(10),
  }),
  memoryBytes: bytes.max(HYPERV_LIMITS.host.memoryBytes, `Hyper-V supports at most 4 TB (${HYPERV_LIMITS.host.memoryBytes} bytes) of physical memory per host`),
  nics: z.array(Nic).default([]),
  teams: z.array(Team).default([]),
  virtualSwitches: z.array(VirtualSwitch).default([]),
  /**
   * Global Network Settings → MAC Address Range: the dynamic MAC addresses this host gives virtual
   * network adapters, as 12 hex digits. Absent: Hyper-V's default, 00-15-5D and two bytes of the
   * host's IP address, then 00..FF (engine/cmdlets/vm-switch-rules.ts).
   */
  macAddressRange: z.object({ minimum: macAddress, maximum: macAddress }).optional(),
  volumes: z.array(Volume).min(1, 'a computer needs at least one volume'),
  shares: z.array(Share).default([]),
  migration: MigrationSettings.default(defaultsOf(MigrationSettings)),
  smb: SmbClientSettings.default(defaultsOf(SmbClientSettings)),
  /** Absent: 2012 R2's defaults (optional so that code building a Host need not name it). */
  smbServer: SmbServerSettings.optional(),
  /** Kerberos constrained delegation this computer account is trusted for, as "service/host". */
  delegation: z.array(z.string()).default([]),
  /**
   * Hyper-V's Virtual Machine Management service (vmms) on a Hyper-V host: absent, it runs.
   * Stopped (Stop-Service / Set-Service, Hyper-V Manager's Stop Service), the VMs keep running but
   * no Hyper-V cmdlet can manage them (engine/cmdlets/services.ts).
   */
  vmms: z.enum(['Running', 'Stopped']).optional(),
  /** Hyper-V Settings → Virtual Hard Disks / Virtual Machines (Set-VMHost); absent: Hyper-V's defaults (VhdParameters). */
  virtualHardDiskPath: pathText.optional(),
  virtualMachinePath: pathText.optional(),
  /** Hyper-V Settings → NUMA Spanning (Set-VMHost -NumaSpanningEnabled); absent: enabled, the default. */
  numaSpanningEnabled: z.boolean().optional(),
  /** Data Center Bridging and NetQos policies (engine/model/dcb.ts); absent: the feature is not installed and nothing is set. */
  dcb: HostDcb.optional(),
});
export type Host = z.infer<typeof Host>;

/** Whether the computer, as SMB server, accepts SMB Multichannel (Set-SmbServerConfiguration -EnableMultiChannel; default on). */
export function serverMultichannelEnabled(h: Host): boolean {
  return h.smbServer?.multichannelEnabled ?? true;
}

export const VhdFile = z.object({
  path: pathText,
  /** Bytes the file occupies now (what a copy moves). */
  sizeBytes: bytes,
  /** Maximum size the guest sees. */
  maxSizeBytes: bytes,
  type: z.enum(['Dynamic', 'Fixed', 'Differencing']).default('Dynamic'),
  controller: z.string().default('SCSI 0:0'),
  /** A differencing disk's parent (New-VHD -Differencing -ParentPath), as seen from the same computer. */
  parentPath: pathText.optional(),
  /**
   * Bytes of guest data in use inside the file (what Compact and Convert keep). Absent: the lab
   * assumes a plausible share (engine/operations/parameters.ts, VhdParameters).
   */
  dataBytes: bytes.optional(),
});
export type VhdFile = z.infer<typeof VhdFile>;

/**
 * A virtual hard disk file no virtual machine has attached: made by New-VHD or the New Virtual
 * Hard Disk Wizard, or left on its volume by Remove-VMHardDiskDrive (Hyper-V never deletes the
 * file when a drive is removed). Kept where its bytes are: `path` is a local path on `computer`,
 * so the same file reached as \\FS01\VMs\x.vhdx and as FS01's D:\Shares\VMs\x.vhdx is one record.
 */
export const UnattachedVhd = z.object({
  computer: name,
  path: pathText,
  sizeBytes: bytes,
  maxSizeBytes: bytes,
  type: z.enum(['Dynamic', 'Fixed', 'Differencing']).default('Dynamic'),
  parentPath: pathText.optional(),
  dataBytes: bytes.optional(),
});
export type UnattachedVhd = z.infer<typeof UnattachedVhd>;

export const Checkpoint = z.object({
  id: name,
  name,
  createdAt: z.number().nonnegative(),
  parentId: name.optional(),
  /** Checkpoint configuration and saved-state files, under the checkpoint (snapshot) folder. */
  files: z.array(z.object({ path: pathText, sizeBytes: bytes })).default([]),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

export const VmMemory = z.object({
  dynamic: z.boolean().default(false),
  startupBytes: bytes,
  minimumBytes: bytes,
  maximumBytes: bytes,
  bufferPercent: z.number().int().min(5).max(2000).default(20),
  weight: z.number().int().min(0).max(10000).default(5000),
});
export type VmMemory = z.infer<typeof VmMemory>;

/** Bounds of a workload's memory demand curve (world files are read in time linear in their size). */
const MEMORY_DEMAND_MAX_POINTS = 10_000;
const MEMORY_DEMAND_MAX_SECONDS = 1000 * 365 * 24 * 3600;

export const VmWorkload = z.object({
  /** Guest memory write rate while running (Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011, D). */
  memoryDirtyBytesPerSec: z.number().nonnegative().default(0),
  /** Writable working set W: a pass never resends more than this. */
  writableWorkingSetBytes: bytes.optional(),
  /** Uncompressed / compressed size of its memory (≥ 1). */
  compressionRatio: z.number().min(1).max(20).default(2),
  diskWriteBytesPerSec: z.number().nonnegative().default(0),
  cpuDemandPercent: z.number().min(0).max(100).default(5),
  /**
   * The guest's memory demand over its uptime, as steps: from `afterSeconds` after each start the
   * guest wants `bytes` (the first step also holds before its time). Absent: a steady demand that
   * keeps a Dynamic Memory VM at its startup memory (engine/common/dynamic-memory.ts). Drives
   * Dynamic Memory (Microsoft TechNet, "Hyper-V Dynamic Memory Overview").
   */
  memoryDemand: z
    .array(
      z.object({
        afterSeconds: z.number().nonnegative().max(MEMORY_DEMAND_MAX_SECONDS, 'a demand step must come within 1,000 years of uptime'),
        bytes: bytes.max(HYPERV_LIMITS.vm.memoryBytes, `a guest cannot demand more than 1 TB (${HYPERV_LIMITS.vm.memoryBytes} bytes)`),
      }),
    )
    .min(1, 'a memory demand curve needs at least one step')
    .max(MEMORY_DEMAND_MAX_POINTS, `a memory demand curve has at most ${MEMORY_DEMAND_MAX_POINTS} steps`)
    .refine((c) => c.every((p, i) => i === 0 || p.afterSeconds > c[i - 1]!.afterSeconds), {
      message: 'the steps of a memory demand curve must come in strictly increasing afterSeconds',
    })
    .optional(),
});
export type VmWorkload = z.infer<typeof VmWorkload>;

export const VmState = z.enum(['Running', 'Off', 'Saved', 'Paused', 'Starting', 'Stopping']);
export type VmState = z.infer<typeof VmState>;

export const Vm = z.object({
  id: name,
  name,
  host: name,
  generation: z.union([z.literal(1), z.literal(2)]).default(2),
  configurationVersion: z.literal('5.0').default('5.0'),
  state: VmState.default('Off'),
  /** Simulated ms when it last started; uptime = now - startedAt while running. */
  startedAt: z.number().nonnegative().optional(),
  processorCount: z
    .number()
    .int()
    .min(1)
    .max(HYPERV_LIMITS.vm.virtualProcessors, `a virtual machine has at most ${HYPERV_LIMITS.vm.virtualProcessors} virtual processors`)
    .default(1),
  compatibilityForMigration: z.boolean().default(false),
  memory: VmMemory,
  workload: VmWorkload.default(defaultsOf(VmWorkload)),
  paths: z.object({
    configuration: pathText,
    snapshots: pathText,
    smartPaging: pathText,
  }),
  configurationSizeBytes: bytes.default(64 * 1024),
  vhds: z.array(VhdFile).default([]),
  passThroughDisks: z.array(z.object({ controller: z.string(), diskNumber: z.number().int().nonnegative() })).default([]),
  networkAdapters: z
    .array(
      z.object({
        name: z.string().default('Network Adapter'),
        switchName: name.optional(),
        /** Access-mode VLAN of the adapter (Set-VMNetworkAdapterVlan -Access -VlanId; 1..4094); absent: untagged. */
        vlanId: z.number().int().min(1).max(4094).optional(),
        /** A legacy network adapter (generation 1; Add-VMNetworkAdapter -IsLegacy $true); absent: named 'Legacy Network Adapter' or not. */
        legacy: z.boolean().optional(),
      }),
    )
    .default([]),
  /** DVD drives: their controller location and the image (.iso) inserted, if any (New-VM, Set-VMDvdDrive). */
  dvdDrives: z.array(z.object({ controller: z.string(), path: pathText.optional() })).default([]),
  /** The device New-VM -BootDevice put first in the startup order, when one was named. */
  bootDevice: z.enum(['Floppy', 'CD', 'IDE', 'LegacyNetworkAdapter', 'NetworkAdapter', 'VHD']).optional(),
  checkpoints: z.array(Checkpoint).default([]),
  /**
   * The checkpoint the VM's current state descends from (Hyper-V's ParentSnapshotId; the "Now"
   * marker sits under it): null for none; absent in older worlds, read as the newest checkpoint
   * (engine/common/checkpoint-tree.ts).
   */
  parentSnapshotId: z.string().nullable().optional(),
  /** Present only while a restart is bridged by Smart Paging (Microsoft Learn, "Hyper-V Dynamic Memory Overview"). */
  smartPagingFile: z.object({ path: pathText, sizeBytes: bytes, createdAt: z.number() }).optional(),
  /**
   * A running Dynamic Memory VM's assigned memory: `bytes` at simulated ms `at` (held until then,
   * while the guest boots), moving towards `toBytes` at `bytesPerSec` (hot add or balloon). Written
   * by the engine (operations/dynamic-memory.ts); absent for static memory and VMs not running.
   */
  assignedMemory: z
    .object({
      bytes,
      at: z.number().nonnegative(),
      toBytes: bytes,
      bytesPerSec: z.number().nonnegative(),
    })
    .optional(),
  notes: z.string().default(''),
  // The settings below are absent in worlds written before they were modelled: absent means
  // 2012 R2's default, read through engine/common/vm-configuration.ts.
  /** Management → Automatic Start Action (Set-VM -AutomaticStartAction, -AutomaticStartDelay in seconds). */
  automaticStartAction: z.enum(AUTOMATIC_START_ACTIONS).optional(),
  automaticStartDelaySeconds: z.number().int().min(0).max(AUTOMATIC_START_DELAY_MAX).optional(),
  /** Management → Automatic Stop Action (Set-VM -AutomaticStopAction). */
  automaticStopAction: z.enum(AUTOMATIC_STOP_ACTIONS).optional(),
  /** Management → Integration Services: service name (Get-VMIntegrationService) → enabled. */
  integrationServices: z.record(z.string(), z.boolean()).optional(),
  /** Processor → Resource control (Set-VMProcessor -Reserve, -Maximum in percent, -RelativeWeight). */
  processor: z
    .object({
      reserve: z.number().int().min(0).max(100).optional(),
      maximum: z.number().int().min(0).max(100).optional(),
      relativeWeight: z.number().int().min(0).max(RELATIVE_WEIGHT_MAX).optional(),
    })
    .optional(),
  /** Generation 1: BIOS → Startup order and Num Lock (Set-VMBios). */
  bios: z.object({ startupOrder: z.array(z.enum(BIOS_DEVICES)).length(BIOS_DEVICES.length).optional(), numLock: z.boolean().optional() }).optional(),
  /** Generation 2: Firmware → Boot order (device keys, see firmwareBootOrder) and Secure Boot (Set-VMFirmware). */
  firmware: z.object({ bootOrder: z.array(z.string()).optional(), secureBoot: z.boolean().optional() }).optional(),
  /** SCSI controllers added with Add-VMScsiController (Hardware → Add Hardware); see scsiControllerCount. */
  scsiControllers: z.number().int().min(0).max(4).optional(),
});
export type Vm = z.infer<typeof Vm>;

/**
 * A virtual machine exported to a folder (Export-VM, the Manager's Export...): what Import-VM can
 * read back. The export folder holds `Virtual Machines\<ID>.xml`, `Virtual Hard Disks` and
 * `Snapshots` (Microsoft Learn, "Export-VM", Windows Server 2012 R2). `computer` holds the bytes and
 * every path in `vm` is a local path on it, under `folder`, so an export reached through a share
 * and the same folder seen on the file server are one record.
 */
export const ExportedVm = z.object({
  computer: name,
  /** <Path>\<VM name>, a local path on `computer`. */
  folder: pathText,
  exportedAt: z.number().nonnegative().default(0),
  /** The configuration as exported: its id, settings, disks and checkpoints, its files in `folder`. */
  vm: Vm,
});
export type ExportedVm = z.infer<typeof ExportedVm>;

export const WorldSession = z.object({
  /** The computer the console runs on: CredSSP moves work only when started from the source host. */
  signedInOn: name,
  user: name.default('CONTOSO\\Administrator'),
});

export const World = z.object({
  schemaVersion: z.literal(WORLD_SCHEMA_VERSION),
  name: z.string().default('Lab'),
  seed: z.number().int().default(1),
  session: WorldSession,
  hosts: z.array(Host).min(1, 'a world needs at least one computer'),
  vms: z.array(Vm).default([]),
  /** Virtual hard disk files on the volumes that no VM has attached (see UnattachedVhd). */
  vhdFiles: z.array(UnattachedVhd).default([]),
  /** Virtual machines exported to folders on the volumes (see ExportedVm). */
  exports: z.array(ExportedVm).default([]),
});
export type World = z.infer<typeof World>;
export type WorldInput = z.input<typeof World>;
export type VmInput = z.input<typeof Vm>;
