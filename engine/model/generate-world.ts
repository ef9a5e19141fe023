// A large, valid, deterministic world for scale tests and benches: racks of Hyper-V hosts with a
// file server each, VMs spread over them, about one in ten stored on the rack's SMB share. Same
// seed → same world (a small PRNG, never Math.random: docs/design.md "Deterministic").
import type { VmInput, WorldInput } from './world';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const TB = 1000 ** 4;
const MBps = 1000 ** 2;

/** mulberry32: tiny, fast, good enough for test data; deterministic for a given seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  hosts: number;
  vms: number;
  seed?: number;
  /** Hosts per rack; each rack's last host is a file server. Default 25. */
  rackSize?: number;
}

/** Returns the world as schema input (parse it with validateWorld / World.parse). */
export function generateWorld(opts: GenerateOptions): WorldInput {
  const rnd = prng(opts.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const rackSize = Math.max(2, opts.rackSize ?? 25);
  const hosts: WorldInput['hosts'] = [];
  const hyperV: { name: string; rack: number }[] = [];
  const fileServers = new Map<number, string>();
  for (let i = 0; i < opts.hosts; i++) {
    const rack = Math.floor(i / rackSize);
    const isFs = i % rackSize === rackSize - 1 || (opts.hosts === 1 ? false : i === opts.hosts - 1 && !fileServers.has(rack));
    const name = isFs ? `FS${String(rack + 1).padStart(3, '0')}` : `HV${String(i + 1).padStart(4, '0')}`;
    const a = rack % 250;
    const b = (i % rackSize) + 10;
    const rdma = pick(['iWARP', 'RoCE', 'none'] as const);
    const cores = pick([8, 12, 16, 20, 24]);
    const nics = [
      { name: 'NIC1', speedGbps: 1 as const, rssQueues: 4 },
      { name: 'NIC2', speedGbps: 1 as const, rssQueues: 4 },
      { name: 'SMB1', speedGbps: 10 as const, rdma: { type: rdma, enabled: rdma !== 'none' }, rssQueues: 8, ipAddress: `10.${a}.1.${b}` },
      { name: 'SMB2', speedGbps: 10 as const, rdma: { type: rdma, enabled: rdma !== 'none' }, rssQueues: 8, ipAddress: `10.${a}.2.${b}` },
    ];
    const volumes = [
      { letter: 'C', label: 'System', capacityBytes: 300 * GiB, otherDataBytes: 40 * GiB, readBytesPerSec: 500 * MBps, writeBytesPerSec: 450 * MBps },
      {
        letter: 'D',
        label: isFs ? 'Shares' : 'VMs',
        capacityBytes: (isFs ? 40 : 8) * TB,
        otherDataBytes: 20 * GiB,
        readBytesPerSec: 1500 * MBps,
        writeBytesPerSec: 1200 * MBps,
      },
    ];
    if (isFs) {
      fileServers.set(rack, name);
      hosts.push({
        name,
        role: 'FileServer',
        cpu: { vendor: 'Intel', family: 'Xeon E5-2600 v2 (Ivy Bridge-EP)', cores, ghz: 2.4 },
        memoryBytes: 64 * GiB,
        nics: [{ name: 'MGMT', speedGbps: 1, rssQueues: 4, ipAddress: `192.168.${a}.${b}` }, ...nics.slice(2)],
        volumes,
        shares: [{ name: 'VMs', path: 'D:\\Shares\\VMs', fullControl: [] }],
      });
    } else {
      hyperV.push({ name, rack });
      hosts.push({
        name,
        role: 'HyperV',
        cpu: { vendor: 'Intel', family: 'Xeon E5-2600 v2 (Ivy Bridge-EP)', cores, ghz: pick([2.2, 2.6, 3.0]) },
        memoryBytes: 256 * GiB,
        nics,
        teams: [{ name: 'Team1', members: ['NIC1', 'NIC2'], ipAddress: `192.168.${a}.${b}` }],
        virtualSwitches: [{ name: 'Production', type: 'External', adapter: 'Team1' }],
        volumes,
        migration: {
          enabled: true,
          authentication: 'Kerberos',
          performanceOption: pick(['Compression', 'SMB', 'TCPIP'] as const),
          useAnyNetwork: false,
          networks: [
            { subnet: `10.${a}.1.0/24`, priority: 0 },
            { subnet: `10.${a}.2.0/24`, priority: 1 },
          ],
        },
      });
    }
  }
  if (hyperV.length === 0) throw new RangeError('generateWorld needs at least one Hyper-V host');
  const vms: VmInput[] = [];
  for (let i = 0; i < opts.vms; i++) {
    const h = hyperV[i % hyperV.length]!;
    const name = `VM${String(i + 1).padStart(5, '0')}`;
    const fs = fileServers.get(h.rack);
    const onShare = fs !== undefined && rnd() < 0.1;
    const folder = onShare ? `\\\\${fs}\\VMs\\${name}` : `D:\\VMs\\${name}`;
    const mem = pick([1, 2, 4, 8, 16]) * GiB;
    const running = rnd() < 0.8;
    vms.push({
      id: `vm-${i + 1}`,
      name,
      host: h.name,
      state: running ? 'Running' : 'Off',
      ...(running ? { startedAt: 0 } : {}),
      processorCount: pick([1, 2, 4]),
      memory: { startupBytes: mem, minimumBytes: mem, maximumBytes: mem },
      workload: {
        memoryDirtyBytesPerSec: Math.round(rnd() * 100) * MiB,
        compressionRatio: 1.5 + Math.round(rnd() * 15) / 10,
        cpuDemandPercent: Math.round(rnd() * 40),
      },
      paths: { configuration: folder, snapshots: folder, smartPaging: folder },
      vhds: [{ path: `${folder}\\Virtual Hard Disks\\${name}.vhdx`, sizeBytes: pick([20, 40, 60, 80]) * GiB, maxSizeBytes: 127 * GiB }],
      networkAdapters: [{ name: 'Network Adapter', switchName: 'Production' }],
    });
  }
  const first = hyperV[0]!.name;
  return { schemaVersion: 1, name: `Generated ${opts.hosts}x${opts.vms}`, seed: opts.seed ?? 1, session: { signedInOn: first }, hosts, vms };
}
