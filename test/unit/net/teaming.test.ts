// NIC teaming (LBFO) load balancing as Windows Server 2012 R2 does it (Microsoft, "Windows Server
// 2012 R2 NIC Teaming (LBFO) Deployment and Management"; engine/net/interfaces.ts): which member
// sends and which receives each TCP connection, by mode, on a 2 × 10 GbE team between two hosts.
// Before this change every mode placed a connection by a hash of its transfer id (HyperVPort aside),
// Switch Independent Dynamic received on one member like Address Hash, and nothing rebalanced.
import { describe, expect, it } from 'vitest';
import { GiB, Gbps, host, lab, world } from './support/lab';
import { hostInterfaces, receiveMember, sendMember, tupleHash, type TcpTuple } from '../../../engine/net/interfaces';
import type { WorldInput } from '../../../engine/model/world';

type Mode = 'SwitchIndependent' | 'Static' | 'LACP';
type Balancing = 'AddressHash' | 'HyperVPort' | 'Dynamic';

function teamHost(name: string, octet: number, mode: Mode, loadBalancing: Balancing, extra: Partial<WorldInput['hosts'][number]> = {}) {
  return host(
    name,
    [
      { name: 'NIC1', speedGbps: 10, rssQueues: 8 },
      { name: 'NIC2', speedGbps: 10, rssQueues: 8 },
    ],
    { teams: [{ name: 'Team', members: ['NIC1', 'NIC2'], mode, loadBalancing, ipAddress: `10.0.5.${octet}` }], ...extra },
  );
}

const teamWorld = (mode: Mode, lb: Balancing) => world([teamHost('HV01', 11, mode, lb), teamHost('HV02', 12, mode, lb)]);

/** Starts live migrations HV01 → HV02 over TCP/IP; returns the fabric and each one's members. */
function migrate(w: ReturnType<typeof world>, ids: string[], bytes = 8 * GiB) {
  const l = lab(w);
  const done = new Map<string, number>();
  const members = ids.map((id) => {
    const r = l.fabric.start({
      id,
      bytes,
      request: { kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } },
      onComplete: (x) => done.set(x, l.sim.now),
    });
    if (!r.ok) throw new Error(r.reason);
    return { send: r.plan.stream!.sourceNic, receive: r.plan.stream!.destinationNic };
  });
  return { ...l, done, members };
}

const tuple = (sourcePort: number): TcpTuple => ({ sourceIp: '10.0.5.11', destinationIp: '10.0.5.12', sourcePort, destinationPort: 6600 });

describe('NIC team load balancing (LBFO)', () => {
  it('Address Hash sends each connection on the member its 4-tuple hashes to: consecutive source ports alternate', () => {
    const team = hostInterfaces(world([teamHost('HV01', 11, 'LACP', 'AddressHash')]).hosts[0]!).find((i) => i.alias === 'Team')!;
    const members = [49152, 49153, 49154, 49155].map((p) => sendMember(team, { tuple: tuple(p) }));
    expect(members).toEqual(['NIC1', 'NIC2', 'NIC1', 'NIC2']);
    // The same connection always hashes to the same member, whatever else is sending.
    expect(sendMember(team, { tuple: tuple(49153), load: (m) => (m === 'NIC2' ? 9 : 0) })).toBe('NIC2');
    expect(tupleHash(tuple(49153))).toBe(tupleHash(tuple(49153)));
  });

  it('four TCP migrations over LACP teams: Address Hash and Dynamic use both members each way; each stream stays ≤ one member', () => {
    for (const lb of ['AddressHash', 'Dynamic'] as const) {
      const run = migrate(teamWorld('LACP', lb), ['a', 'b', 'c', 'd']);
      expect(run.members.map((m) => m.send).sort()).toEqual(['NIC1', 'NIC1', 'NIC2', 'NIC2']);
      expect(run.members.map((m) => m.receive).sort()).toEqual(['NIC1', 'NIC1', 'NIC2', 'NIC2']);
      for (const id of ['a', 'b', 'c', 'd']) expect(run.fabric.capacity('nic:HV01:NIC1:tx')).toBeGreaterThanOrEqual(run.flow.rate(id));
      run.sim.runUntilIdle();
      const total = (4 * 8 * GiB) / (Math.max(...run.done.values()) / 1000);
      expect(total / Gbps).toBeGreaterThan(16.5);
    }
    const one = migrate(teamWorld('LACP', 'AddressHash'), ['solo'], 8 * GiB);
    one.sim.runUntilIdle();
    expect((8 * GiB) / (one.done.get('solo')! / 1000) / Gbps).toBeLessThanOrEqual(10);
  });

  it('Switch Independent: Address Hash and Dynamic receive on the primary member (one MAC); LACP lets the switch spread inbound', () => {
    for (const lb of ['AddressHash', 'Dynamic'] as const) {
      const run = migrate(teamWorld('SwitchIndependent', lb), ['a', 'b', 'c', 'd']);
      expect(run.members.map((m) => m.receive)).toEqual(['NIC1', 'NIC1', 'NIC1', 'NIC1']);
      expect(new Set(run.members.map((m) => m.send)).size).toBe(2);
      run.sim.runUntilIdle();
      // Inbound is one 10 Gb member: four streams share it.
      const total = (4 * 8 * GiB) / (Math.max(...run.done.values()) / 1000);
      expect(total / Gbps).toBeLessThan(10);
    }
  });

  it('Hyper-V Port: a host team interface is one switch port, so all its connections use one member each way', () => {
    const run = migrate(teamWorld('LACP', 'HyperVPort'), ['a', 'b', 'c', 'd']);
    expect(new Set(run.members.map((m) => m.send))).toEqual(new Set(['NIC1']));
    // The switch (LACP) still spreads what arrives.
    expect(new Set(run.members.map((m) => m.receive)).size).toBe(2);
    const si = migrate(teamWorld('SwitchIndependent', 'HyperVPort'), ['a', 'b']);
    expect(si.members).toEqual([
      { send: 'NIC1', receive: 'NIC1' },
      { send: 'NIC1', receive: 'NIC1' },
    ]);
  });

  it('Dynamic rebalances: when a transfer ends, a stream moves to the member it left idle, with no stall', () => {
    // Three streams: two on one member, one on the other; the lone one ends first (smaller).
    const w = teamWorld('LACP', 'Dynamic');
    const l = lab(w);
    const start = (id: string, bytes: number) => {
      const r = l.fabric.start({ id, bytes, request: { kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } } });
      if (!r.ok) throw new Error(r.reason);
      return r.plan.stream!.sourceNic;
    };
    const first = start('a', 16 * GiB);
    const second = start('b', 1 * GiB);
    const third = start('c', 16 * GiB);
    expect(second).not.toBe(first);
    expect(third).toBe(first === 'NIC1' ? 'NIC1' : 'NIC2');
    const lone = second;
    // Run until 'b' is done: 'a' and 'c' then share `first`, and one of them moves to `lone`.
    while (l.fabric.liveTransfers().includes('b')) l.sim.advance(Math.max(0, l.sim.nextEventAt()! - l.sim.now));
    const after = ['a', 'c'].map((id) => l.fabric.planOf(id)!.stream!.sourceNic);
    expect(after.sort()).toEqual(['NIC1', 'NIC2']);
    expect(after).toContain(lone);
    expect(['a', 'c'].some((id) => l.fabric.isStalled(id))).toBe(false);
  });

  it('a Standby member carries nothing until the active member fails', () => {
    const standby = (name: string, octet: number) => {
      const h = teamHost(name, octet, 'SwitchIndependent', 'AddressHash');
      h.teams![0]!.standbyMember = 'NIC2';
      return h;
    };
    const w = world([standby('HV01', 11), standby('HV02', 12)]);
    const team = hostInterfaces(w.hosts[0]!).find((i) => i.alias === 'Team')!;
    expect(team.upMembers).toEqual(['NIC1']);
    expect([49152, 49153, 49154].map((p) => sendMember(team, { tuple: tuple(p) }))).toEqual(['NIC1', 'NIC1', 'NIC1']);
    w.hosts[0]!.nics[0]!.linkUp = false;
    const degraded = hostInterfaces(w.hosts[0]!).find((i) => i.alias === 'Team')!;
    expect(sendMember(degraded, { tuple: tuple(49152) })).toBe('NIC2');
    expect(receiveMember(degraded, { tuple: tuple(49152) })).toBe('NIC2');
  });

  it('SMB over a team (no RDMA, one RSS interface) spreads its four connections over both members', () => {
    const fs = (mode: Mode, lb: Balancing) => world([teamHost('HV01', 11, mode, lb), teamHost('FS01', 20, mode, lb, { role: 'FileServer' })]);
    for (const lb of ['AddressHash', 'Dynamic'] as const) {
      const l = lab(fs('LACP', lb));
      const r = l.fabric.start({ id: 'copy', bytes: 64 * GiB, request: { kind: 'SmbFileCopy', source: { host: 'HV01' }, destination: { host: 'FS01' } } });
      if (!r.ok) throw new Error(r.reason);
      expect(r.plan.transport).toBe('SMB Multichannel (RSS) x1');
      expect(r.plan.channels[0]!.connections).toBe(4);
      expect(r.plan.channels[0]!.sendNics.sort()).toEqual(['NIC1', 'NIC2']);
      expect(r.plan.channels[0]!.receiveNics.sort()).toEqual(['NIC1', 'NIC2']);
      // Two connections per member, each on its own core: more than one member's worth.
      expect(l.flow.rate('copy') / Gbps).toBeGreaterThan(12);
    }
  });
});
