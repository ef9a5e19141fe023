import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../../engine/model/default-world';
import { planTransfer, jobChannels, migrationPairs } from '../../../engine/net/transfer-planner';
import { NetParameters } from '../../../engine/net/parameters';
import { Resources } from '../../../engine/net/resources';
import { host, nic, world } from './support/lab';

describe('planTransfer', () => {
  it('TCP/IP uses the first live migration network in priority order, one stream', () => {
    const w = defaultWorld();
    w.hosts[1]!.migration.networks = [
      { subnet: '10.10.2.0/24', priority: 0 },
      { subnet: '10.10.1.0/24', priority: 1 },
    ];
    const r = planTransfer(w, { id: 'lm', kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } });
    expect(r.ok && r.plan.stream).toMatchObject({ sourceInterface: 'SMB2', destinationInterface: 'SMB2' });
    expect(r.ok && r.plan.paths).toHaveLength(1);
    expect(r.ok && jobChannels(r.plan)).toEqual([{ client: 'HV01 SMB2 (10.10.2.11)', server: 'HV02 SMB2 (10.10.2.12)', rdma: false, connections: 1 }]);
  });

  it('Compression: wire bytes = bytes / ratio, compress and decompress CPU on each end', () => {
    const r = planTransfer(defaultWorld(), {
      id: 'lm',
      kind: 'LiveMigrationCompression',
      source: { host: 'HV01' },
      destination: { host: 'HV02' },
      vm: 'SQL01',
    });
    if (!r.ok) throw new Error(r.reason);
    const tx = r.plan.paths[0]!.uses.find((u) => u.resource === Resources.nicTx('HV01', 'SMB1'))!;
    expect(tx.perByte).toBeCloseTo(1 / (1.8 * NetParameters.tcpEfficiency), 12);
    expect(r.plan.cpuCyclesPerByte.source).toBeCloseTo(NetParameters.tcpSendCyclesPerByte / 1.8 + NetParameters.compressCyclesPerByte, 12);
    expect(r.plan.transport).toBe('Compression');
  });

  it('refuses when no live migration network is set, or none connects the hosts', () => {
    const w = defaultWorld();
    w.hosts[1]!.migration.networks = [];
    const r = planTransfer(w, { id: 'lm', kind: 'LiveMigrationTcp', source: { host: 'HV01' }, destination: { host: 'HV02' } });
    expect(!r.ok && r.code).toBe('NoMigrationNetwork');
    w.hosts[1]!.migration.networks = [{ subnet: '172.16.0.0/16', priority: 0 }];
    const r2 = planTransfer(w, { id: 'lm', kind: 'LiveMigrationSmb', source: { host: 'HV01' }, destination: { host: 'HV02' } });
    expect(!r2.ok && r2.code).toBe('NoNetwork');
  });

  it('use any network: picks the fastest pair', () => {
    const w = world([host('A', [nic('G', 1, 1, 11), nic('X', 10, 2, 11)]), host('B', [nic('G', 1, 1, 12), nic('X', 10, 2, 12)])]);
    const pairs = migrationPairs(w.hosts[0]!, w.hosts[1]!);
    expect(pairs[0]!.source.alias).toBe('X');
  });

  it('storage copies read the source volume and write the destination volume; a local copy uses no network', () => {
    const w = defaultWorld();
    const local = planTransfer(w, { id: 's', kind: 'LocalCopy', source: { host: 'HV01', volume: 'D' }, destination: { host: 'HV01', volume: 'E' } });
    expect(local.ok && local.plan.paths).toEqual([
      {
        uses: [
          { resource: 'vol:HV01:D:read', perByte: 1 },
          { resource: 'vol:HV01:E:write', perByte: 1 },
        ],
      },
    ]);
    const snlm = planTransfer(w, {
      id: 's',
      kind: 'SmbFileCopy',
      category: 'VirtualMachine',
      source: { host: 'HV01', volume: 'D' },
      destination: { host: 'HV02', volume: 'D' },
    });
    if (!snlm.ok) throw new Error(snlm.reason);
    expect(snlm.plan.client).toBe('HV01');
    const uses = snlm.plan.paths[0]!.uses.map((u) => u.resource);
    expect(uses).toEqual(expect.arrayContaining(['vol:HV01:D:read', 'vol:HV02:D:write', 'smblimit:HV01:VirtualMachine']));
    const bad = planTransfer(w, { id: 's', kind: 'LocalCopy', source: { host: 'HV01', volume: 'Q' }, destination: { host: 'HV01', volume: 'E' } });
    expect(!bad.ok && bad.code).toBe('UnknownVolume');
  });

  it('reading from a file server: the Hyper-V host is the SMB client and the bytes flow server → client', () => {
    const r = planTransfer(defaultWorld(), {
      id: 's',
      kind: 'SmbFileCopy',
      source: { host: 'FS01', volume: 'D', share: 'VMs' },
      destination: { host: 'HV01', volume: 'D' },
    });
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.client).toBe('HV01');
    expect(r.plan.paths[0]!.uses.map((u) => u.resource)).toEqual(expect.arrayContaining(['nic:FS01:SMB1:tx', 'nic:HV01:SMB1:rx', 'smblimit:HV01:Default']));
  });
});
