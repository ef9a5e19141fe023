// The world a new install opens onto: two Hyper-V hosts and a file server, as a small training
// datacenter would have them. Each host: a 2×1 GbE LBFO team carrying the "Production" virtual
// switch and management, plus two un-teamed 10 GbE iWARP adapters for SMB and live migration —
// the 2012 R2 way to aggregate RDMA (Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming").
import { World, type VmInput, type WorldInput } from './world';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const TB = 1000 ** 4;
const MBps = 1000 ** 2;

function hyperVHost(name: string, octet: number): WorldInput['hosts'][number] {
  return {
    name,
    role: 'HyperV',
    os: '2012R2',
    domain: 'CONTOSO',
    cpu: { vendor: 'Intel', family: 'Xeon E5-2600 v2 (Ivy Bridge-EP)', cores: 16, ghz: 2.6 },
    memoryBytes: 128 * GiB,
    nics: [
      { name: 'NIC1', speedGbps: 1, rssQueues: 4, ipAddress: undefined },
      { name: 'NIC2', speedGbps: 1, rssQueues: 4, ipAddress: undefined },
      { name: 'SMB1', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8, ipAddress: `10.10.1.${octet}` },
      { name: 'SMB2', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8, ipAddress: `10.10.2.${octet}` },
    ],
    teams: [{ name: 'Team1', members: ['NIC1', 'NIC2'], mode: 'SwitchIndependent', loadBalancing: 'Dynamic', ipAddress: `192.168.1.${octet}` }],
    virtualSwitches: [{ name: 'Production', type: 'External', adapter: 'Team1' }],
    volumes: [
      { letter: 'C', label: 'System', capacityBytes: 300 * GiB, otherDataBytes: 40 * GiB, readBytesPerSec: 500 * MBps, writeBytesPerSec: 450 * MBps },
      { letter: 'D', label: 'VMs', capacityBytes: 2 * TB, otherDataBytes: 20 * GiB, readBytesPerSec: 1100 * MBps, writeBytesPerSec: 900 * MBps },
      { letter: 'E', label: 'Fast', capacityBytes: 800 * GiB, otherDataBytes: 0, readBytesPerSec: 2500 * MBps, writeBytesPerSec: 2000 * MBps },
    ],
    migration: {
      enabled: true,
      authentication: 'Kerberos',
      performanceOption: 'Compression',
      maximumLiveMigrations: 2,
      maximumStorageMigrations: 2,
      useAnyNetwork: false,
      networks: [
        { subnet: '10.10.1.0/24', priority: 0 },
        { subnet: '10.10.2.0/24', priority: 1 },
      ],
    },
    delegation: ['cifs/FS01', 'cifs/HV01', 'cifs/HV02', 'Microsoft Virtual System Migration Service/HV01', 'Microsoft Virtual System Migration Service/HV02'],
  };
}

function vm(id: string, name: string, host: string, folder: string, extra: Partial<VmInput> = {}): VmInput {
  return {
    id,
    name,
    host,
    generation: 2,
    state: 'Running',
    startedAt: 0,
    processorCount: 2,
    memory: { dynamic: false, startupBytes: 4 * GiB, minimumBytes: 4 * GiB, maximumBytes: 4 * GiB },
    workload: {
      memoryDirtyBytesPerSec: 20 * MiB,
      writableWorkingSetBytes: 512 * MiB,
      compressionRatio: 2.2,
      diskWriteBytesPerSec: 2 * MiB,
      cpuDemandPercent: 10,
    },
    paths: { configuration: folder, snapshots: folder, smartPaging: folder },
    vhds: [{ path: `${folder}\\Virtual Hard Disks\\${name}.vhdx`, sizeBytes: 40 * GiB, maxSizeBytes: 127 * GiB, type: 'Dynamic', controller: 'SCSI 0:0' }],
    networkAdapters: [{ name: 'Network Adapter', switchName: 'Production' }],
    ...extra,
  };
}

export function defaultWorldInput(): WorldInput {
  return {
    schemaVersion: 1,
    name: 'Contoso training datacenter',
    seed: 2012,
    session: { signedInOn: 'HV01', user: 'CONTOSO\\Administrator' },
    hosts: [
      hyperVHost('HV01', 11),
      hyperVHost('HV02', 12),
      {
        name: 'FS01',
        role: 'FileServer',
        os: '2012R2',
        cpu: { vendor: 'Intel', family: 'Xeon E5-2600 v2 (Ivy Bridge-EP)', cores: 8, ghz: 2.4 },
        memoryBytes: 64 * GiB,
        nics: [
          { name: 'MGMT', speedGbps: 1, rssQueues: 4, ipAddress: '192.168.1.20' },
          { name: 'SMB1', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8, ipAddress: '10.10.1.20' },
          { name: 'SMB2', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8, ipAddress: '10.10.2.20' },
        ],
        volumes: [
          { letter: 'C', label: 'System', capacityBytes: 200 * GiB, otherDataBytes: 30 * GiB, readBytesPerSec: 500 * MBps, writeBytesPerSec: 450 * MBps },
          { letter: 'D', label: 'Shares', capacityBytes: 8 * TB, otherDataBytes: 500 * GiB, readBytesPerSec: 2200 * MBps, writeBytesPerSec: 1800 * MBps },
        ],
        shares: [{ name: 'VMs', path: 'D:\\Shares\\VMs', fullControl: ['CONTOSO\\HV01$', 'CONTOSO\\HV02$', 'CONTOSO\\Domain Admins'] }],
      },
    ],
    vms: [
      vm('vm-dc01', 'DC01', 'HV01', 'D:\\VMs\\DC01', {
        memory: { dynamic: false, startupBytes: 2 * GiB, minimumBytes: 2 * GiB, maximumBytes: 2 * GiB },
        workload: {
          memoryDirtyBytesPerSec: 4 * MiB,
          writableWorkingSetBytes: 128 * MiB,
          compressionRatio: 2.5,
          diskWriteBytesPerSec: 512 * 1024,
          cpuDemandPercent: 3,
        },
      }),
      vm('vm-sql01', 'SQL01', 'HV01', 'D:\\VMs\\SQL01', {
        processorCount: 4,
        memory: { dynamic: true, startupBytes: 8 * GiB, minimumBytes: 4 * GiB, maximumBytes: 32 * GiB, bufferPercent: 20, weight: 8000 },
        workload: {
          memoryDirtyBytesPerSec: 120 * MiB,
          writableWorkingSetBytes: 3 * GiB,
          compressionRatio: 1.8,
          diskWriteBytesPerSec: 20 * MiB,
          cpuDemandPercent: 35,
        },
        vhds: [
          { path: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', sizeBytes: 60 * GiB, maxSizeBytes: 127 * GiB, type: 'Dynamic', controller: 'SCSI 0:0' },
          { path: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx', sizeBytes: 200 * GiB, maxSizeBytes: 200 * GiB, type: 'Fixed', controller: 'SCSI 0:1' },
        ],
      }),
      vm('vm-web01', 'WEB01', 'HV01', '\\\\FS01\\VMs\\WEB01', {
        memory: { dynamic: true, startupBytes: 2 * GiB, minimumBytes: 1 * GiB, maximumBytes: 8 * GiB },
      }),
      vm('vm-app01', 'APP01', 'HV02', 'D:\\VMs\\APP01', {
        memory: { dynamic: true, startupBytes: 4 * GiB, minimumBytes: 2 * GiB, maximumBytes: 16 * GiB },
        checkpoints: [
          {
            id: 'cp-app01-1',
            name: 'APP01 - (11/20/2026 - 9:14:02 AM)',
            createdAt: 0,
            files: [{ path: 'D:\\VMs\\APP01\\Snapshots\\3F2A9C1E-5B7D-4E21-9A0C-1D2E3F4A5B6C.xml', sizeBytes: 64 * 1024 }],
          },
        ],
        vhds: [
          { path: 'D:\\VMs\\APP01\\Virtual Hard Disks\\APP01.vhdx', sizeBytes: 35 * GiB, maxSizeBytes: 127 * GiB, type: 'Dynamic', controller: 'SCSI 0:0' },
        ],
      }),
      vm('vm-test01', 'TEST01', 'HV02', 'D:\\VMs\\TEST01', {
        state: 'Off',
        startedAt: undefined,
        generation: 1,
        memory: { dynamic: false, startupBytes: 1 * GiB, minimumBytes: 1 * GiB, maximumBytes: 1 * GiB },
        vhds: [
          { path: 'D:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx', sizeBytes: 12 * GiB, maxSizeBytes: 60 * GiB, type: 'Dynamic', controller: 'IDE 0:0' },
        ],
      }),
    ],
  };
}

export function defaultWorld(): World {
  return World.parse(defaultWorldInput());
}
