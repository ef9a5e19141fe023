import { describe, expect, it } from 'vitest';
import { host, nic, rdma, world } from './support/lab';
import { clientNetworkInterfaces, multichannelConnectionRows, planMultichannel } from '../../../engine/net/multichannel-planner';
import { planTransfer } from '../../../engine/net/transfer-planner';
import { defaultWorld } from '../../../engine/model/default-world';

/** The reference demo: 1G RSS, 2×10G RSS and 2×10G RDMA on both ends, each on its own subnet. */
function demo(opts: { rdmaOnServer?: boolean } = {}) {
  const nics = (octet: number, server: boolean) => [
    nic('GbE', 1, 1, octet),
    nic('RSS1', 10, 2, octet),
    nic('RSS2', 10, 3, octet),
    nic('RDMA1', 10, 4, octet, server && opts.rdmaOnServer === false ? { rdma: { type: 'iWARP', enabled: false } } : rdma()),
    nic('RDMA2', 10, 5, octet, server && opts.rdmaOnServer === false ? { rdma: { type: 'iWARP', enabled: false } } : rdma()),
  ];
  return world([host('HV01', nics(11, false)), host('FS01', nics(20, true), { role: 'FileServer' })]);
}

const selected = (w: ReturnType<typeof world>, client = 'HV01', server = 'FS01') => {
  const r = planMultichannel(w, client, server);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};

describe('SMB Multichannel interface selection (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming")', () => {
  it('uses only the two RDMA NICs when 1G RSS, 2×10G RSS and 2×10G RDMA are present', () => {
    const p = selected(demo());
    expect(p.tier).toBe('RDMA');
    expect(p.channels.map((c) => c.client.alias)).toEqual(['RDMA1', 'RDMA2']);
    expect(p.channels.map((c) => c.connections)).toEqual([2, 2]);
    expect(p.candidates.filter((c) => !c.selected).map((c) => c.client.alias)).toEqual(['GbE', 'RSS1', 'RSS2']);
    const rows = multichannelConnectionRows(p);
    expect(rows.find((r) => r.ClientInterfaceFriendlyName === 'RDMA1')).toMatchObject({
      Selected: true,
      ClientRdmaCapable: true,
      CurrentChannels: 2,
      MaxChannels: 2,
      ClientLinkSpeed: 10e9,
      ServerName: 'FS01',
    });
    expect(rows.find((r) => r.ClientInterfaceFriendlyName === 'RSS1')).toMatchObject({ Selected: false, CurrentChannels: 0, MaxChannels: 4 });
  });

  it('falls back to the four 10G RSS-capable NICs (4 connections each) when RDMA is disabled on one end', () => {
    const p = selected(demo({ rdmaOnServer: false }));
    expect(p.tier).toBe('RSS');
    expect(p.channels.map((c) => [c.client.alias, c.connections])).toEqual([
      ['RSS1', 4],
      ['RSS2', 4],
      ['RDMA1', 4],
      ['RDMA2', 4],
    ]);
    const t = planTransfer(demo({ rdmaOnServer: false }), { id: 'c', kind: 'SmbFileCopy', source: { host: 'HV01' }, destination: { host: 'FS01' } });
    expect(t.ok && t.plan.transport).toBe('SMB Multichannel (RSS) x4');
  });

  it('teamed RDMA NICs lose RDMA: the team is one RSS interface of the summed speed', () => {
    const both = (octet: number) =>
      host(
        octet === 11 ? 'HV01' : 'FS01',
        [
          { name: 'RDMA1', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8 },
          { name: 'RDMA2', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8 },
        ],
        { teams: [{ name: 'Team1', members: ['RDMA1', 'RDMA2'], mode: 'LACP', ipAddress: `10.0.9.${octet}` }] },
      );
    const w = world([both(11), both(20)]);
    const p = selected(w);
    expect(p.tier).toBe('RSS');
    expect(p.channels).toHaveLength(1);
    expect(p.channels[0]!.client).toMatchObject({ alias: 'Team1', rdma: false, rss: true, linkSpeedGbps: 20 });
    expect(p.channels[0]!.connections).toBe(4);
    const t = planTransfer(w, { id: 'c', kind: 'SmbFileCopy', source: { host: 'HV01' }, destination: { host: 'FS01' } });
    // Four connections, each bound to one member by the hash: both members carry some.
    expect(t.ok && new Set(t.plan.channels[0]!.sendNics)).toEqual(new Set(['RDMA1', 'RDMA2']));
  });

  it('uses only the fastest speed within a tier (mixed 1G and 10G RSS)', () => {
    const w = world([host('HV01', [nic('A', 1, 1, 11), nic('B', 10, 2, 11)]), host('FS01', [nic('A', 1, 1, 20), nic('B', 10, 2, 20)])]);
    const p = selected(w);
    expect(p.channels.map((c) => c.client.alias)).toEqual(['B']);
  });

  it('a single non-RSS NIC does not use Multichannel: one connection', () => {
    const w = world([host('HV01', [nic('A', 1, 1, 11, { rssQueues: 1 })]), host('FS01', [nic('A', 1, 1, 20, { rssQueues: 1 })])]);
    const p = selected(w);
    expect(p.tier).toBe('Other');
    expect(p.totalConnections).toBe(1);
    const t = planTransfer(w, { id: 'c', kind: 'SmbFileCopy', source: { host: 'HV01' }, destination: { host: 'FS01' } });
    expect(t.ok && t.plan.transport).toBe('SMB (TCP/IP)');
  });

  it('honours a multichannel constraint', () => {
    const w = demo();
    w.hosts[0]!.smb.constraints = { FS01: ['RSS1', 'RSS2'] };
    const p = selected(w);
    expect(p.channels.map((c) => c.client.alias)).toEqual(['RSS1', 'RSS2']);
  });

  it('skips interfaces with no common subnet, and refuses when none is left', () => {
    const w = world([
      host('HV01', [nic('A', 10, 1, 11, rdma()), nic('B', 10, 2, 11, rdma())]),
      host('FS01', [nic('A', 10, 1, 20, rdma()), nic('B', 10, 7, 20, rdma())]),
    ]);
    expect(selected(w).channels.map((c) => c.client.alias)).toEqual(['A']);
    const none = world([host('HV01', [nic('A', 10, 1, 11)]), host('FS01', [nic('A', 10, 2, 20)])]);
    const r = planMultichannel(none, 'HV01', 'FS01');
    expect(r.ok).toBe(false);
    const t = planTransfer(none, { id: 'c', kind: 'SmbFileCopy', source: { host: 'HV01' }, destination: { host: 'FS01' } });
    expect(!t.ok && t.code).toBe('NoNetwork');
  });

  it('skips interfaces whose link is down', () => {
    const w = demo();
    w.hosts[0]!.nics.find((n) => n.name === 'RDMA2')!.linkUp = false;
    expect(selected(w).channels.map((c) => c.client.alias)).toEqual(['RDMA1']);
  });

  it('with Multichannel disabled: one connection and no SMB Direct', () => {
    const w = demo();
    w.hosts[0]!.smb.multichannelEnabled = false;
    const p = selected(w);
    expect(p.totalConnections).toBe(1);
    expect(p.tier).not.toBe('RDMA');
  });

  it('caps connections at MaximumConnectionCountPerServer', () => {
    const w = demo({ rdmaOnServer: false });
    w.hosts[0]!.smb.maximumConnectionCountPerServer = 6;
    const p = selected(w);
    expect(p.totalConnections).toBe(6);
  });

  it('the default world: HV01 → FS01 over SMB Direct on SMB1 and SMB2; the vNIC stays standby', () => {
    const w = defaultWorld();
    const p = selected(w);
    expect(p.channels.map((c) => c.client.alias)).toEqual(['SMB1', 'SMB2']);
    expect(p.candidates.find((c) => !c.selected)!.client).toMatchObject({ alias: 'vEthernet (Production)', rdma: false, rss: false });
    const rows = clientNetworkInterfaces(w.hosts[0]!);
    expect(rows.map((r) => r.FriendlyName)).toEqual(['SMB1', 'SMB2', 'vEthernet (Production)']);
    expect(rows[0]).toMatchObject({ RdmaCapable: true, RssCapable: true, LinkSpeed: 10e9, IpAddresses: ['10.10.1.11'] });
  });

  it('SMB encryption: RDMA channels without direct data placement cost TCP CPU', () => {
    const w = defaultWorld();
    w.hosts[2]!.shares[0]!.encryptData = true;
    const t = planTransfer(w, {
      id: 'c',
      kind: 'SmbFileCopy',
      source: { host: 'HV01', volume: 'D' },
      destination: { host: 'FS01', volume: 'D', share: 'VMs' },
    });
    expect(t.ok && t.plan.transport).toBe('SMB Direct (iWARP, encrypted: no direct data placement) x2');
    expect(t.ok && t.plan.cpuCyclesPerByte.destination).toBeGreaterThan(4);
  });
});
