// Small worlds and a flow network for net tests: two (or three) hosts wired as a test describes.
import { FlowNetwork } from '../../../../engine/sim/flow-network';
import { Simulator } from '../../../../engine/sim/simulator';
import { World, type WorldInput } from '../../../../engine/model/world';
import { NetworkFabric } from '../../../../engine/net/fabric';

export const GiB = 1024 ** 3;
export const Gbps = 1e9 / 8;

type HostInput = WorldInput['hosts'][number];
type NicInput = NonNullable<HostInput['nics']>[number];

export function host(name: string, nics: NicInput[], extra: Partial<HostInput> = {}): HostInput {
  return {
    name,
    role: 'HyperV',
    cpu: { vendor: 'Intel', family: 'Xeon E5-2650 v2', cores: 16, ghz: 2.6 },
    memoryBytes: 256 * GiB,
    nics,
    volumes: [{ letter: 'D', capacityBytes: 10 * 1000 ** 4, readBytesPerSec: 20e9, writeBytesPerSec: 20e9 }],
    migration: { enabled: true, useAnyNetwork: true },
    ...extra,
  };
}

/** An adapter on subnet 10.0.<net>.0/24 with host octet `octet`. */
export function nic(name: string, speedGbps: 1 | 10 | 25 | 40 | 56 | 100, net: number, octet: number, opts: Partial<NicInput> = {}): NicInput {
  return { name, speedGbps, rssQueues: 8, ipAddress: `10.0.${net}.${octet}`, ...opts };
}

export const rdma = (type: 'iWARP' | 'RoCE' = 'iWARP'): Partial<NicInput> => ({ rdma: { type, enabled: true } });

export function world(hosts: HostInput[], vms: WorldInput['vms'] = []): World {
  return World.parse({ schemaVersion: 1, session: { signedInOn: hosts[0]!.name }, hosts, vms });
}

export function lab(w: World): { sim: Simulator; flow: FlowNetwork; fabric: NetworkFabric; world: World } {
  const sim = new Simulator();
  const flow = new FlowNetwork(sim);
  const fabric = new NetworkFabric(flow, sim, w);
  return { sim, flow, fabric, world: w };
}

/** Runs until every transfer is done; returns bytes / seconds per transfer id. */
export function averageRates(sim: Simulator, started: { id: string; bytes: number }[], done: Map<string, number>): Map<string, number> {
  const t0 = sim.now;
  sim.runUntilIdle();
  return new Map(started.map((s) => [s.id, s.bytes / (((done.get(s.id) ?? Infinity) - t0) / 1000)]));
}
