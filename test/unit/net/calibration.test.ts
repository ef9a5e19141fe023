// Calibration against the published figures (the published figures in docs/calibration.md), as ratios
// with tolerances, on real transfers over a FlowNetwork + Simulator. Also writes the table in
// docs/calibration.md: `HVLAB_WRITE_CALIBRATION=1 npx vitest run test/unit/net/calibration.test.ts`;
// without that variable the test checks the document still shows the model's values.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { Gbps, GiB, host, lab, nic, rdma, world } from './support/lab';
import type { TransferKind } from '../../../engine/net/transfer-planner';
import { runScript, type JobReport, type ScriptReport } from '../../../engine/scripting/run-script';
import type { ScriptHost } from '../../../engine/scripting/script-host';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { parseWorldJson } from '../../../engine/model/validate';

interface Row {
  quantity: string;
  model: string;
  published: string;
  source: string;
  /** What reproduces the model value: an hvlab command, or this test. */
  command?: string;
}
const rows: Row[] = [];

/** Runs transfers between HV01 → HV02 to completion; returns each one's average rate (bytes/s) and peak CPU share of HV02. */
function run(
  w: ReturnType<typeof world>,
  specs: { id: string; kind: TransferKind; bytes?: number; vm?: string; ratio?: number; to?: string }[],
): { rates: number[]; cpuDst: number; cpuSrc: number; transports: string[] } {
  const { sim, flow, fabric } = lab(w);
  const done = new Map<string, number>();
  const transports: string[] = [];
  for (const s of specs) {
    const r = fabric.start({
      id: s.id,
      bytes: s.bytes ?? 8 * GiB,
      request: {
        kind: s.kind,
        source: { host: 'HV01' },
        destination: { host: s.to ?? 'HV02' },
        ...(s.vm ? { vm: s.vm } : {}),
        ...(s.ratio ? { compressionRatio: s.ratio } : {}),
      },
      onComplete: (id) => done.set(id, sim.now),
    });
    if (!r.ok) throw new Error(r.reason);
    transports.push(r.plan.transport);
  }
  const total = (h: string): number => w.hosts.find((x) => x.name === h)!.cpu.cores * w.hosts.find((x) => x.name === h)!.cpu.ghz * 1e9;
  const dst = specs[0]!.to ?? 'HV02';
  const cpuDst = flow.usage(`cpu:${dst}`) / total(dst);
  const cpuSrc = flow.usage('cpu:HV01') / total('HV01');
  sim.runUntilIdle();
  return { rates: specs.map((s) => (s.bytes ?? 8 * GiB) / (done.get(s.id)! / 1000)), cpuDst, cpuSrc, transports };
}

/**
 * Runs a script of docs/calibration/ as `hvlab run` does (on the default world, or on a world file
 * of docs/calibration/), reading hosts' transfer CPU (as the Networking pane shows it) after every
 * step of simulated time: `cpu` is the highest seen per host, `samples` all of them.
 */
function runCalibrationScript(
  file: string,
  cpuHosts: string[],
  worldFile?: string,
): { report: ScriptReport; cpuPercent: number; samples: { at: number; cpu: Record<string, number> }[] } {
  const read = (f: string) => readFileSync(new URL(`../../../docs/calibration/${f}`, import.meta.url), 'utf8');
  let world = defaultWorld();
  if (worldFile) {
    const parsed = parseWorldJson(read(worldFile));
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
    world = parsed.world;
  }
  const engine = new Engine({ world });
  const samples: { at: number; cpu: Record<string, number> }[] = [];
  const host: ScriptHost = {
    get now() {
      return engine.now;
    },
    invoke: (input) => engine.invoke(input),
    advance: (ms) => {
      engine.advance(ms);
      const cpu: Record<string, number> = {};
      for (const h of cpuHosts) {
        const view = engine.query({ name: 'network', host: h });
        const value = view.ok ? (view.value as { cpu?: { transferPercent: number } } | null) : null;
        if (value?.cpu) cpu[h] = value.cpu.transferPercent;
      }
      samples.push({ at: engine.now, cpu });
    },
    runUntilIdle: () => engine.runUntilIdle(),
    sim: engine.sim,
    operations: engine.operations,
    state: () => engine.state(),
  };
  const report = runScript(host, read(file));
  const cpuPercent = Math.max(0, ...samples.map((x) => x.cpu[cpuHosts[0]!] ?? 0));
  return { report, cpuPercent, samples };
}

const gbit = (bytesPerSec: number): number => (bytesPerSec * 8) / 1e9;
const fmt = (x: number, d = 1): string => x.toFixed(d);

const pair = (a: Parameters<typeof nic>[], b = a) =>
  world([
    host(
      'HV01',
      a.map(([n, s, net, , o]) => nic(n, s, net, 11, o)),
    ),
    host(
      'HV02',
      b.map(([n, s, net, , o]) => nic(n, s, net, 12, o)),
    ),
  ]);

describe('calibration (the published figures in docs/calibration.md)', () => {
  it('TCP live migration on 1 GbE runs at ~95 % of the link', () => {
    const r = run(pair([['NIC1', 1, 1, 0, {}]]), [{ id: 'lm', kind: 'LiveMigrationTcp' }]);
    const share = r.rates[0]! / (1 * Gbps);
    expect(share).toBeGreaterThan(0.93);
    expect(share).toBeLessThan(0.97);
    rows.push({ quantity: 'TCP live migration on 1 GbE', model: `${fmt(share * 100)} % of link`, published: '~95 % of link', source: 'aidanfinn ?p=15421' });
  });

  it('SMB Direct on one 10 Gb iWARP NIC runs at ~line rate with practically no CPU', () => {
    const r = run(pair([['SMB1', 10, 1, 0, rdma()]]), [{ id: 'lm', kind: 'LiveMigrationSmb' }]);
    expect(r.transports[0]).toBe('SMB: SMB Direct (iWARP) x1');
    expect(gbit(r.rates[0]!)).toBeGreaterThan(9.5);
    expect(gbit(r.rates[0]!)).toBeLessThanOrEqual(10);
    expect(r.cpuDst).toBeLessThan(0.01);
    rows.push({
      quantity: 'SMB Direct live migration, one 10 G iWARP NIC',
      model: `${fmt(gbit(r.rates[0]!), 2)} Gb/s at ${fmt(r.cpuDst * 100, 2)} % CPU`,
      published: '~10 Gb/s',
      source: 'aidanfinn ?p=15421',
    });
    rows.push({
      quantity: 'RDMA live migration CPU',
      model: `${fmt(r.cpuDst * 100, 2)} % of a 16-core 2.6 GHz host`,
      published: '"practically zero"',
      source: 'MS Armstrong 2013/12/30',
    });
  });

  it('SMB Direct over two 10 Gb RDMA NICs fills ~20 Gb/s', () => {
    const r = run(
      pair([
        ['SMB1', 10, 1, 0, rdma()],
        ['SMB2', 10, 2, 0, rdma()],
      ]),
      [{ id: 'lm', kind: 'LiveMigrationSmb' }],
    );
    expect(r.transports[0]).toBe('SMB: SMB Direct (iWARP) x2');
    expect(gbit(r.rates[0]!) / 20).toBeGreaterThan(0.95);
    rows.push({
      quantity: 'SMB Direct, 2×10 G RDMA',
      model: `${fmt(gbit(r.rates[0]!), 1)} Gb/s`,
      published: 'fills ~20 Gb/s',
      source: 'workinghardinit 2013/09/03',
    });
  });

  it('TCP live migration over a 2×10 Gb LACP team (hvlab run, Move-VM -AsJob): one stream ≤ 10 Gb/s, four ≈ 17 Gb/s at ≈ 22 % CPU', () => {
    // The default world's hosts are the published ones: dual socket, 8 cores each, 2.6 GHz
    // (workinghardinit 2015/08/04). The script teams their two 10 GbE adapters (LACP, Dynamic),
    // allows four simultaneous migrations and moves four 16 GiB VMs; HV02's CPU is read from the
    // Networking view during the memory transfer. Before the LBFO modes were modelled, the team
    // hash of the migration ids put all four streams on one member: 9.5 Gb/s.
    const four = runCalibrationScript('lacp-team-four.ps1', ['HV02']);
    const memory = (j: JobReport) => j.stages.find((s) => s.name === 'Memory transfer')!;
    expect(four.report.ok).toBe(true);
    expect(four.report.jobs).toHaveLength(4);
    // Each stream on one member each way, two per member (Dynamic outbound, the switch's hash inbound).
    const sendNics = four.report.jobs.map((j) => j.nics[0]);
    expect(sendNics.filter((n) => n === 'HV01:SMB1')).toHaveLength(2);
    expect(sendNics.filter((n) => n === 'HV01:SMB2')).toHaveLength(2);
    const starts = four.report.jobs.map((j) => memory(j).startedAt!);
    const ends = four.report.jobs.map((j) => memory(j).endedAt!);
    const bytes = four.report.jobs.reduce((s, j) => s + memory(j).bytesDone, 0);
    const total = bytes / ((Math.max(...ends) - Math.min(...starts)) / 1000);
    expect(gbit(total) / 17).toBeGreaterThan(0.95);
    expect(gbit(total) / 17).toBeLessThan(1.05);
    expect(four.cpuPercent).toBeGreaterThan(18);
    expect(four.cpuPercent).toBeLessThan(26);

    const one = runCalibrationScript('lacp-team-one.ps1', ['HV02']);
    expect(one.report.ok).toBe(true);
    const oneRate = memory(one.report.jobs[0]!).averageRate!;
    expect(gbit(oneRate)).toBeLessThanOrEqual(10);
    rows.push({
      quantity: 'TCP live migration, 2×10 G LACP team, one VM',
      model: `${fmt(gbit(oneRate))} Gb/s`,
      published: '≤ 10 Gb/s (one member per stream)',
      source: 'workinghardinit 2013/06/30',
      command: 'hvlab run docs/calibration/lacp-team-one.ps1',
    });
    rows.push({
      quantity: 'TCP live migration, 2×10 G LACP team, four VMs',
      model: `${fmt(gbit(total))} Gb/s at ${fmt(four.cpuPercent)} % CPU (16 × 2.6 GHz, receiver)`,
      published: '~17 Gb/s at ~22 % CPU',
      source: 'workinghardinit 2015/08/04',
      command: 'hvlab run docs/calibration/lacp-team-four.ps1',
    });
  });

  it('Compression is ≈ 2× TCP/IP on 1 and 10 Gb links with idle CPU, and SMB Direct beats it at 10 Gb and above', () => {
    for (const speed of [1, 10] as const) {
      const w = pair([['SMB1', speed, 1, 0, speed >= 10 ? rdma() : {}]]);
      const tcp = run(w, [{ id: 'a', kind: 'LiveMigrationTcp' }]).rates[0]!;
      const comp = run(w, [{ id: 'b', kind: 'LiveMigrationCompression', ratio: 2 }]).rates[0]!;
      expect(comp / tcp).toBeGreaterThan(1.8);
      expect(comp / tcp).toBeLessThan(2.2);
      rows.push({
        quantity: `Compression speed-up on ${speed} Gb (ratio 2, idle CPU)`,
        model: `${fmt(comp / tcp, 2)}×`,
        published: '~2×',
        source: 'aidanfinn ?p=14907',
      });
    }
    for (const speed of [10, 25, 40, 56, 100] as const) {
      const w = pair([['SMB1', speed, 1, 0, rdma(speed === 56 ? 'RoCE' : 'iWARP')]]);
      const comp = run(w, [{ id: 'b', kind: 'LiveMigrationCompression', ratio: 2 }]).rates[0]!;
      const smb = run(w, [{ id: 'c', kind: 'LiveMigrationSmb' }]).rates[0]!;
      expect(smb).toBeGreaterThan(comp);
      if (speed === 10)
        rows.push({
          quantity: 'SMB Direct vs Compression, one 10 G RDMA NIC',
          model: `${fmt(gbit(smb))} vs ${fmt(gbit(comp))} Gb/s (memory)`,
          published: 'SMB at ≥ 10 Gb/s',
          source: 'itprotoday, when to use SMB live migration',
        });
    }
  });

  it('TechEd 2013 demo (hvlab run, Move-VM): TCP/IP > 60 s, Compression ~15 s with CPU, SMB Direct < 10 s without, in those proportions', () => {
    // The same VM moved with each performance option in turn (docs/calibration/teched-demo.ps1).
    // The demo's hardware and VM are not published: 40 GbE RDMA and a 32 GiB VM that compresses
    // 5:1 are our choice (docs/calibration.md). The old test used 2×10 GbE and checked the order
    // only: TCP/IP 32.4 s, Compression 8.1 s, SMB Direct 7.1 s — Compression was not 1.5× SMB Direct.
    const run = runCalibrationScript('teched-demo.ps1', ['HV01', 'HV02'], 'teched-demo.world.json');
    expect(run.report.ok).toBe(true);
    const [tcp, comp, smb] = run.report.jobs;
    if (!tcp || !comp || !smb) throw new Error('expected three jobs');
    expect([tcp.transport, comp.transport, smb.transport]).toEqual(['TCP/IP', 'Compression', 'SMB: SMB Direct (RoCE) x1']);
    const secs = (j: JobReport) => j.durationMs! / 1000;
    expect(secs(tcp)).toBeGreaterThan(60);
    expect(secs(comp)).toBeGreaterThan(12);
    expect(secs(comp)).toBeLessThan(18);
    expect(secs(smb)).toBeLessThan(10);
    // Proportions: TCP/IP over 4× Compression (> 60 : ~15), Compression over 1.5× SMB Direct (~15 : < 10).
    expect(secs(tcp) / secs(comp)).toBeGreaterThan(4);
    expect(secs(comp) / secs(smb)).toBeGreaterThan(1.5);
    // CPU of the sending host while each job ran: Compression's rises, SMB Direct's stays near zero.
    const cpuDuring = (j: JobReport) => Math.max(0, ...run.samples.filter((x) => x.at > j.startedAt! && x.at <= j.endedAt!).map((x) => x.cpu[j.source] ?? 0));
    expect(cpuDuring(comp)).toBeGreaterThan(2 * cpuDuring(tcp));
    expect(cpuDuring(smb)).toBeLessThan(2); // 0.1 cycle/byte at 40 Gb/s: about 1 % of 16 cores
    rows.push({
      quantity: 'same VM (32 GiB, compresses 5:1), 40 G RDMA hosts',
      model: `TCP/IP ${fmt(secs(tcp))} s (${fmt(cpuDuring(tcp))} % CPU), Compression ${fmt(secs(comp))} s (${fmt(cpuDuring(comp))} % CPU), SMB Direct ${fmt(secs(smb))} s (${fmt(cpuDuring(smb), 2)} % CPU)`,
      published: 'TCP/IP > 60 s, Compression ~15 s (CPU rises), SMB Direct < 10 s (no CPU); hardware and VM size unpublished',
      source: 'TechEd 2013 demo, press figure',
      command: 'hvlab run docs/calibration/teched-demo.ps1 --world docs/calibration/teched-demo.world.json',
    });
  });

  it('SMB Multichannel over 4×10 GbE (RSS, no RDMA) carries ~4,300 MB/s', () => {
    const nics = [1, 2, 3, 4].map((i) => [`NIC${i}`, 10, i, 0, {}] as Parameters<typeof nic>);
    const w = world([
      host(
        'HV01',
        nics.map(([n, s, net, , o]) => nic(n, s, net, 11, o)),
      ),
      host(
        'FS01',
        nics.map(([n, s, net, , o]) => nic(n, s, net, 20, o)),
        { role: 'FileServer' },
      ),
    ]);
    const r = run(w, [{ id: 'copy', kind: 'SmbFileCopy', to: 'FS01', bytes: 64 * GiB }]);
    expect(r.transports[0]).toBe('SMB Multichannel (RSS) x4');
    const mbps = r.rates[0]! / 1e6;
    expect(mbps / 4300).toBeGreaterThan(0.97);
    expect(mbps / 4300).toBeLessThan(1.03);
    rows.push({ quantity: 'SMB Multichannel 4×10 GbE', model: `${Math.round(mbps)} MB/s`, published: '4,300 MB/s', source: 'MS Barreto 2012/04/10' });
  });

  afterAll(() => {
    const table = [
      '| quantity | model value | published value | source | reproduce with |',
      '|---|---|---|---|---|',
      ...rows.map(
        (r) => `| ${r.quantity} | ${r.model} | ${r.published} | ${r.source} | \`${r.command ?? 'npx vitest run test/unit/net/calibration.test.ts'}\` |`,
      ),
    ].join('\n');
    const file = new URL('../../../docs/calibration.md', import.meta.url);
    const begin = '<!-- calibration-table:begin -->';
    const end = '<!-- calibration-table:end -->';
    const doc = readFileSync(file, 'utf8');
    const updated = doc.replace(new RegExp(`${begin}[\\s\\S]*${end}`), `${begin}\n${table}\n${end}`);
    if (process.env.HVLAB_WRITE_CALIBRATION) writeFileSync(file, updated);
    else if (rows.length === 11) expect(updated, 'docs/calibration.md is out of date: run with HVLAB_WRITE_CALIBRATION=1').toBe(doc);
  });
});
