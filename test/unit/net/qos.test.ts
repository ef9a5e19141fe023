// ETS and PFC in the fabric (engine/net/qos.ts): classes share a DCB adapter's transmit link by
// their percentages under contention, an idle class's share is lent, Strict goes first, the
// adapter without NetAdapterQos (or the host without the feature) ignores the classes, and the
// tagging follows the policies (-LiveMigration is TCP 6600 only; SMB Direct needs a NetDirect policy).
import { describe, expect, it } from 'vitest';
import { GiB, Gbps, host, lab, nic, rdma, world } from './support/lab';
import { taggedPriority } from '../../../engine/net/qos';
import { HostDcb } from '../../../engine/model/dcb';
import type { World } from '../../../engine/model/world';

/** A and B on one 10 GbE RDMA subnet; B shares a folder. */
function pair(): World {
  return world([
    host('A', [nic('R1', 10, 1, 1, rdma())]),
    host('B', [nic('R1', 10, 1, 2, rdma())], { shares: [{ name: 'S', path: 'D:\\S', fullControl: [] }] }),
  ]);
}

function withDcb(w: World, classes: HostDcb['trafficClasses'], opts: { feature?: boolean; adapterQos?: boolean } = {}): World {
  const a = w.hosts[0]!;
  a.dcb = HostDcb.parse({
    featureInstalled: opts.feature ?? true,
    policies: [
      { name: 'SMBDirect', netDirectPort: 445, priority: 3 },
      { name: 'LM', template: 'LiveMigration', priority: 5 },
    ],
    trafficClasses: classes,
  });
  a.nics[0]!.dcbQos = opts.adapterQos ?? true;
  return w;
}

/** Wire bytes/s each transfer sends on A's R1, with a TCP live migration and an SMB Direct copy both running. */
function shares(w: World): { lm: number; copy: number } {
  const { fabric } = lab(w);
  fabric.start({ id: 'lm', bytes: 100 * GiB, request: { kind: 'LiveMigrationTcp', source: { host: 'A' }, destination: { host: 'B' } } });
  fabric.start({
    id: 'copy',
    bytes: 100 * GiB,
    request: { kind: 'SmbFileCopy', source: { host: 'A', volume: 'D' }, destination: { host: 'B', volume: 'D', share: 'S' } },
  });
  const t = fabric.qosTraffic();
  const sum = (id: string) => t.filter((x) => x.transfer === id).reduce((s, x) => s + x.wireBytesPerSec, 0);
  return { lm: sum('lm') / (10 * Gbps), copy: sum('copy') / (10 * Gbps) };
}

describe('ETS on a DCB adapter', () => {
  it('without classes, one TCP stream against two SMB Direct connections gets a third of the link', () => {
    const s = shares(pair());
    expect(s.lm).toBeCloseTo(1 / 3, 2);
    expect(s.copy).toBeCloseTo(2 / 3, 2);
  });

  it('classes 20 % (LM) and 60 % (SMB) with [Default] idle: 25 % / 75 % of the link, the idle share lent', () => {
    const s = shares(
      withDcb(pair(), [
        { name: 'LM', priorities: [5], algorithm: 'ETS', bandwidthPercentage: 20 },
        { name: 'SMB', priorities: [3], algorithm: 'ETS', bandwidthPercentage: 60 },
      ]),
    );
    expect(s.lm).toBeCloseTo(0.25, 3);
    expect(s.copy).toBeCloseTo(0.75, 3);
  });

  it('a class that cannot use its share (one TCP stream, one core) lends the rest: the link stays full', () => {
    const s = shares(withDcb(pair(), [{ name: 'SMB', priorities: [3], algorithm: 'ETS', bandwidthPercentage: 10 }]));
    // [Default] (the untagged... here priority 5 has no class: [Default], 90 %) would give the stream 90 %,
    // but one stream carries ~4.25 Gb/s of payload: the copy borrows the rest.
    expect(s.lm).toBeLessThan(0.5);
    expect(s.lm + s.copy).toBeCloseTo(1, 3);
  });

  it('Strict is served before ETS', () => {
    const s = shares(
      withDcb(pair(), [
        { name: 'SMB', priorities: [3], algorithm: 'Strict', bandwidthPercentage: 1 },
        { name: 'LM', priorities: [5], algorithm: 'ETS', bandwidthPercentage: 90 },
      ]),
    );
    expect(s.copy).toBeGreaterThan(0.999);
  });

  it('no NetAdapterQos on the adapter, or no Data-Center-Bridging feature: the classes do nothing', () => {
    const classes: HostDcb['trafficClasses'] = [{ name: 'LM', priorities: [5], algorithm: 'ETS', bandwidthPercentage: 90 }];
    for (const opts of [{ adapterQos: false }, { feature: false }]) {
      const s = shares(withDcb(pair(), classes, opts));
      expect(s.lm).toBeCloseTo(1 / 3, 2);
    }
  });

  it('removing the classes mid-transfer restores plain max-min at once', () => {
    const w = withDcb(pair(), [{ name: 'LM', priorities: [5], algorithm: 'ETS', bandwidthPercentage: 20 }]);
    const { fabric } = lab(w);
    fabric.start({ id: 'lm', bytes: 100 * GiB, request: { kind: 'LiveMigrationTcp', source: { host: 'A' }, destination: { host: 'B' } } });
    fabric.start({
      id: 'copy',
      bytes: 100 * GiB,
      request: { kind: 'SmbFileCopy', source: { host: 'A', volume: 'D' }, destination: { host: 'B', volume: 'D', share: 'S' } },
    });
    const lmShare = () => fabric.qosTraffic().find((x) => x.transfer === 'lm')!.wireBytesPerSec / (10 * Gbps);
    expect(lmShare()).toBeCloseTo(0.2, 3);
    w.hosts[0]!.dcb!.trafficClasses = [];
    fabric.onHostChanged('A');
    expect(lmShare()).toBeCloseTo(1 / 3, 2);
  });
});

describe('tagging', () => {
  const a = withDcb(pair(), []).hosts[0]!;
  it('-LiveMigration is TCP 6600; live migration over SMB Direct is port 445 RDMA', () => {
    expect(taggedPriority(a, { rdma: false, port: 6600 })).toBe(5);
    expect(taggedPriority(a, { rdma: true, port: 445 })).toBe(3);
    // SMB over TCP: no -SMB policy here, so untagged.
    expect(taggedPriority(a, { rdma: false, port: 445 })).toBe(0);
  });
});

describe('RoCE without PFC', () => {
  it('a single uncongested RoCE copy runs at full speed without PFC', () => {
    const w = world([
      host('A', [nic('R1', 10, 1, 1, rdma('RoCE'))]),
      host('B', [nic('R1', 10, 1, 2, rdma('RoCE'))], { shares: [{ name: 'S', path: 'D:\\S', fullControl: [] }] }),
    ]);
    const { fabric, flow } = lab(w);
    fabric.start({
      id: 'c',
      bytes: 100 * GiB,
      request: { kind: 'SmbFileCopy', source: { host: 'A', volume: 'D' }, destination: { host: 'B', volume: 'D', share: 'S' } },
    });
    expect(flow.rate('c')).toBeCloseTo(10 * Gbps * 0.97, -3);
    expect(fabric.qosTraffic().every((x) => !x.lossy)).toBe(true);
  });
});
