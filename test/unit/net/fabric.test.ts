import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GiB, Gbps, host, lab, nic, rdma, world } from './support/lab';
import { hostInterfaces, hostVnicAliases } from '../../../engine/net/interfaces';
import { NetParameters } from '../../../engine/net/parameters';
import { Resources } from '../../../engine/net/resources';
import { defaultWorld } from '../../../engine/model/default-world';

describe('NetworkFabric resources', () => {
  it('registers a world: NICs at line rate, CPU as idle cycles, volumes, SMB limits', () => {
    const { fabric } = lab(defaultWorld());
    expect(fabric.capacity(Resources.nicTx('HV01', 'SMB1'))).toBe(10 * Gbps);
    expect(fabric.capacity(Resources.volWrite('FS01', 'D'))).toBe(1800e6);
    // HV01 runs DC01 (2 vCPU × 3 %), SQL01 (4 × 35 %), WEB01 (2 × 10 %) on 16 × 2.6 GHz.
    const demand = (0.06 + 1.4 + 0.2) * 2.6e9;
    expect(fabric.capacity(Resources.cpu('HV01'))).toBeCloseTo(16 * 2.6e9 - demand, 0);
    expect(fabric.capacity(Resources.smbLimit('HV01', 'LiveMigration'))).toBe(NetParameters.unlimitedBytesPerSecond);
    expect(fabric.capacity(Resources.nicTx('HV01', 'NoSuchNic'))).toBe(0);
  });

  it("registers a host's resources when something first uses it, with the load it has then", () => {
    const w = defaultWorld();
    const { flow, fabric } = lab(w);
    // Nothing is registered up front: a 1,000-host world would spend a sixth of its load there.
    expect(flow.hasResource(Resources.cpu('HV01'))).toBe(false);
    expect(flow.hasResource(Resources.nicTx('HV02', 'SMB1'))).toBe(false);
    // HV02's VMs stop before anything uses HV02: its CPU is then all idle.
    for (const vm of w.vms) if (vm.host === 'HV02') vm.state = 'Off';
    fabric.loadChanged();
    fabric.start({ id: 'lm', bytes: 4 * GiB, request: { kind: 'LiveMigrationSmb', source: { host: 'HV01' }, destination: { host: 'HV02' } } });
    expect(flow.rate('lm')).toBeGreaterThan(0);
    expect(flow.capacity(Resources.cpu('HV02'))).toBe(16 * 2.6e9);
    expect(flow.capacity(Resources.nicRx('HV02', 'SMB1'))).toBe(10 * Gbps);
    // A load change is counted again for the host named, on its next sync.
    const hv01 = flow.capacity(Resources.cpu('HV01'));
    w.vms.find((vm) => vm.name === 'WEB01')!.state = 'Off';
    fabric.loadChanged('HV01');
    fabric.refreshHost('HV01');
    expect(flow.capacity(Resources.cpu('HV01')) - hv01).toBeCloseTo(0.2 * 2.6e9, -3);
    // A host no transfer touches stays out of the flow network; a refresh does not add it.
    fabric.refreshHost('FS01');
    expect(flow.hasResource(Resources.cpu('FS01'))).toBe(false);
    fabric.syncHost('FS01');
    expect(flow.hasResource(Resources.cpu('FS01'))).toBe(true);
  });

  it('finds the host vNICs as hostInterfaces does, for any teams and switches', () => {
    const adapter = fc.constantFrom('NIC1', 'nic2', 'SMB1', 'Team1', 'team2', 'Nope', undefined);
    const vSwitch = fc.record({
      name: fc.constantFrom('Production', 'Storage', 'Lab'),
      type: fc.constantFrom('External', 'Internal', 'Private'),
      adapter,
      allowManagementOS: fc.boolean(),
    });
    const team = fc.record({ name: fc.constantFrom('Team1', 'Team2'), members: fc.subarray(['NIC1', 'NIC2', 'smb1', 'NIC9'], { minLength: 1 }) });
    fc.assert(
      fc.property(fc.array(team, { maxLength: 2 }), fc.array(vSwitch, { maxLength: 3 }), (teams, virtualSwitches) => {
        const h = world([host('HV01', [nic('NIC1', 1, 1, 11), nic('NIC2', 1, 1, 12), nic('SMB1', 10, 2, 11)], { teams, virtualSwitches })]).hosts[0]!;
        expect(hostVnicAliases(h)).toEqual(
          hostInterfaces(h)
            .filter((i) => i.kind === 'vnic')
            .map((i) => i.alias),
        );
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('keeps capacities in step: bandwidth limit set, link down', () => {
    const w = defaultWorld();
    const { flow, fabric } = lab(w);
    w.hosts[0]!.smb.bandwidthLimits.LiveMigration = 500e6;
    fabric.onHostChanged('HV01');
    expect(flow.capacity(Resources.smbLimit('HV01', 'LiveMigration'))).toBe(500e6);
    fabric.onLinkChange('HV01', 'SMB2', false);
    expect(flow.capacity(Resources.nicRx('HV01', 'SMB2'))).toBe(0);
    expect(fabric.capacity(Resources.nicRx('HV01', 'SMB2'))).toBe(0);
    expect(w.hosts[0]!.nics.find((n) => n.name === 'SMB2')!.linkUp).toBe(false);
  });

  it('an SMB bandwidth limit caps all Multichannel connections of the category together', () => {
    const w = defaultWorld();
    w.hosts[0]!.smb.bandwidthLimits.LiveMigration = 500e6;
    const { flow, fabric } = lab(w);
    fabric.start({ id: 'lm', bytes: 4 * GiB, request: { kind: 'LiveMigrationSmb', source: { host: 'HV01' }, destination: { host: 'HV02' } } });
    expect(flow.rate('lm')).toBeCloseTo(500e6, -3);
  });
});

describe('failover (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming")', () => {
  it('SMB Multichannel: a pulled cable stalls briefly, then the copy goes on over the survivor with no error', () => {
    const w = defaultWorld();
    const { sim, flow, fabric } = lab(w);
    let done = false;
    fabric.start({
      id: 'copy',
      bytes: 100 * GiB,
      request: { kind: 'SmbFileCopy', source: { host: 'HV01', volume: 'E' }, destination: { host: 'FS01', volume: 'D', share: 'VMs' } },
      onComplete: () => {
        done = true;
      },
    });
    sim.advance(1000);
    const before = flow.rate('copy');
    const changes = fabric.onLinkChange('HV01', 'SMB2', false);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ id: 'copy', action: 'stalled', resumesAt: 1000 + NetParameters.multichannelFailoverStallMs });
    expect(changes[0]!.plan!.transport).toBe('SMB Direct (iWARP) x1');
    expect(flow.rate('copy')).toBe(0);
    sim.advance(NetParameters.multichannelFailoverStallMs);
    expect(flow.rate('copy')).toBeGreaterThan(0);
    expect(flow.rate('copy')).toBeLessThan(before);
    expect(fabric.multichannelConnections('HV01', 'FS01').find((r) => r.ClientInterfaceFriendlyName === 'SMB1')!.Selected).toBe(true);
    sim.runUntilIdle();
    expect(done).toBe(true);
  });

  it('SMB falls back to the next tier when every RDMA link is gone', () => {
    const w = world([
      host('HV01', [nic('R1', 10, 1, 11, rdma()), nic('G1', 1, 2, 11)]),
      host('FS01', [nic('R1', 10, 1, 20, rdma()), nic('G1', 1, 2, 20)], { role: 'FileServer' }),
    ]);
    const { sim, flow, fabric } = lab(w);
    fabric.start({ id: 'copy', bytes: 10 * GiB, request: { kind: 'SmbFileCopy', source: { host: 'HV01' }, destination: { host: 'FS01' } } });
    sim.advance(100);
    const c = fabric.onLinkChange('FS01', 'R1', false);
    expect(c[0]!.plan!.transport).toBe('SMB Multichannel (RSS) x1');
    sim.advance(NetParameters.multichannelFailoverStallMs + 1);
    expect(flow.rate('copy') / Gbps).toBeGreaterThan(0.8);
    expect(flow.rate('copy') / Gbps).toBeLessThan(1);
  });

  it('a TCP live migration on a stand-alone NIC that goes down fails, and says so', () => {
    const w = defaultWorld();
    const { sim, fabric } = lab(w);
    const failed: string[] = [];
    fabric.start({
      id: 'lm',
      bytes: 8 * GiB,
      request: { kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } },
      onFailed: (id) => failed.push(id),
    });
    sim.advance(2000);
    const c = fabric.onLinkChange('HV02', 'SMB1', false);
    expect(c).toHaveLength(1);
    expect(c[0]).toMatchObject({ id: 'lm', action: 'failed' });
    expect(c[0]!.bytesDone).toBeGreaterThan(0);
    expect(failed).toEqual(['lm']);
    expect(fabric.liveTransfers()).toEqual([]);
  });

  it('a TCP stream on a team moves to the surviving member', () => {
    const teamHost = (name: string, octet: number) =>
      host(
        name,
        [
          { name: 'NIC1', speedGbps: 10, rssQueues: 8 },
          { name: 'NIC2', speedGbps: 10, rssQueues: 8 },
        ],
        { teams: [{ name: 'T', members: ['NIC1', 'NIC2'], mode: 'LACP', ipAddress: `10.0.5.${octet}` }] },
      );
    const w = world([teamHost('HV01', 11), teamHost('HV02', 12)]);
    const { sim, flow, fabric } = lab(w);
    const r = fabric.start({ id: 'lm', bytes: 16 * GiB, request: { kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } } });
    const member = r.ok ? r.plan.stream!.sourceNic : '';
    sim.advance(1000);
    const c = fabric.onLinkChange('HV01', member, false);
    expect(c[0]).toMatchObject({ id: 'lm', action: 'stalled' });
    expect(c[0]!.plan!.stream!.sourceNic).not.toBe(member);
    sim.advance(NetParameters.teamFailoverStallMs);
    expect(flow.rate('lm')).toBeGreaterThan(0);
    expect(flow.usage(Resources.nicTx('HV01', member))).toBe(0);
  });

  it('RDMA disabled mid-copy: SMB goes on over TCP on the same adapters', () => {
    const w = defaultWorld();
    const { sim, fabric } = lab(w);
    fabric.start({
      id: 'copy',
      bytes: 50 * GiB,
      request: { kind: 'SmbFileCopy', source: { host: 'HV01', volume: 'E' }, destination: { host: 'FS01', volume: 'D' } },
    });
    sim.advance(500);
    for (const n of w.hosts[0]!.nics) n.rdma.enabled = false;
    const c = fabric.onHostChanged('HV01');
    expect(c[0]!.action).toBe('stalled');
    expect(c[0]!.plan!.transport).toBe('SMB Multichannel (RSS) x2');
  });
});

describe('compression backs off when VMs need the CPU (Ben Armstrong, "Faster live migration with compression" and "... with RDMA in Windows Server 2012 R2")', () => {
  it('slows down as VM CPU demand rises on the source', () => {
    const w = world(
      [host('HV01', [nic('A', 10, 1, 11)], { cpu: { vendor: 'Intel', family: 'x', cores: 8, ghz: 2.6 } }), host('HV02', [nic('A', 10, 1, 12)])],
      [
        {
          id: 'vm1',
          name: 'BUSY',
          host: 'HV01',
          state: 'Running',
          processorCount: 8,
          memory: { startupBytes: 4 * GiB, minimumBytes: 4 * GiB, maximumBytes: 4 * GiB },
          workload: { compressionRatio: 2, cpuDemandPercent: 10 },
          paths: { configuration: 'D:\\VMs\\BUSY', snapshots: 'D:\\VMs\\BUSY', smartPaging: 'D:\\VMs\\BUSY' },
        },
      ],
    );
    const { flow, fabric } = lab(w);
    fabric.start({
      id: 'lm',
      bytes: 64 * GiB,
      request: { kind: 'LiveMigrationCompression', source: { host: 'HV01' }, destination: { host: 'HV02' }, vm: 'BUSY' },
    });
    const idle = flow.rate('lm');
    w.vms[0]!.workload.cpuDemandPercent = 90;
    fabric.onHostChanged('HV01');
    const busy = flow.rate('lm');
    // It slows down, but not below TCP/IP on the same path: pages it has no CPU for go uncompressed
    // (issue 15; this test expected < 50 % of the idle rate, which was slower than TCP/IP).
    const tcp = lab(w);
    tcp.fabric.start({ id: 'tcp', bytes: 64 * GiB, request: { kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } } });
    expect(busy).toBeLessThan(idle * 0.6);
    expect(busy).toBeGreaterThanOrEqual(tcp.flow.rate('tcp') * 0.999);
    // Only idle cycles: what compression uses fits in what the VM leaves over.
    expect(flow.usage(Resources.cpu('HV01'))).toBeLessThanOrEqual(flow.capacity(Resources.cpu('HV01')) * (1 + 1e-9));
    w.vms[0]!.workload.cpuDemandPercent = 10;
    fabric.onHostChanged('HV01');
    expect(flow.rate('lm')).toBeCloseTo(idle, 0);
  });
});
