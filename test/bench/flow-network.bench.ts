// "flows.64x1000" and "flows.256x10000": the flow network on generated workloads (docs/flow-files.md):
// each host has one NIC of 1, 10 or 40 Gb/s (links h<i>.tx and h<i>.rx), each flow goes from a random
// host's tx to another random host's rx, sizes 1–100 GB, starts uniform over 100 s; run to
// completion. Targets: ≤ 100 ms and ≤ 1000 ms wall (the run itself; generation is not timed), for the
// first run in a fresh process — JIT warm-up included, as `hvlab flows` sees it — reported as the
// median over 5 fresh processes (wall_ms_min/max give the spread); run2_* are a second run of the
// same set in the same process (less warm-up: about the steady state for 256x10000, still partly
// cold for 64x1000).
// HVLAB_WRITE_FLOWS=<dir> writes the generated sets there as flow files, for `hvlab flows <file>`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench, BenchFigure } from './harness';
import { peakRssMiB } from './harness';
import { formatFlowFile, generateFlowSet, runFlowSet } from '../../engine/sim/flow-file';

function flowsBench(hosts: number, flows: number, target: string): Bench {
  const name = `flows.${hosts}x${flows}`;
  return {
    name,
    description: `Flow network: ${hosts} hosts × ${flows} flows (NIC tx → NIC rx, 1/10/40 Gb/s, 1–100 GB, starts over 100 s) run to completion`,
    target,
    processes: 5,
    run(): BenchFigure {
      const set = generateFlowSet({ hosts, flows, seed: 1 });
      const dir = process.env.HVLAB_WRITE_FLOWS;
      if (dir) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${name}.flows`), formatFlowFile(set, `${name}: generateFlowSet({ hosts: ${hosts}, flows: ${flows}, seed: 1 })`));
      }
      const cpu0 = process.cpuUsage();
      const r = runFlowSet(set);
      const cpu = process.cpuUsage(cpu0);
      if (r.finishes.length !== flows) throw new Error(`only ${r.finishes.length} of ${flows} flows finished`);
      // A second run in the same process: the first (the figure against the target) includes the
      // JIT warming up, the second much less of it; both must give identical finishes.
      const peakRss = peakRssMiB();
      const cpu1 = process.cpuUsage();
      const r2 = runFlowSet(set);
      const cpuWarm = process.cpuUsage(cpu1);
      for (let i = 0; i < flows; i++) {
        const a = r.finishes[i]!;
        const b = r2.finishes[i];
        if (!b || a.id !== b.id || a.finishS !== b.finishS) throw new Error(`second run differs at flow ${a.id}: the flow network is not deterministic`);
      }
      return {
        wall_ms: r.wallMs,
        cpu_ms: (cpu.user + cpu.system) / 1000,
        run2_wall_ms: r2.wallMs,
        run2_cpu_ms: (cpuWarm.user + cpuWarm.system) / 1000,
        events: r.events,
        events_per_s: Math.round(r.events / (r.wallMs / 1000)),
        recomputes: r.recomputes,
        flows_touched_per_recompute: Math.round(r.flowsTouched / Math.max(1, r.recomputes)),
        settled_pct: Math.round((100 * r.settled) / Math.max(1, r.recomputes)),
        paths_moved: r.pathsMoved,
        sim_end_s: Math.max(...r.finishes.map((f) => f.finishS)),
        peak_rss_mb: peakRss,
      };
    },
  };
}

export const benches: Bench[] = [flowsBench(64, 1000, '≤ 100 ms'), flowsBench(256, 10_000, '≤ 1000 ms')];
