// "world.1000x10000": a generated 1,000-host, 10,000-VM world as JSON text → parse + validate
// (load) and the full inventory query (`new Engine({world}).view()`). Target: load + query
// ≤ 200 ms, peak RSS < 300 MB; figures are medians over 5 fresh processes (one run varies by ±10 %).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Bench } from './harness';
import { heapUsedMiB, peakRssMiB } from './harness';
import { Engine } from '../../engine/engine';
import { generateWorld } from '../../engine/model/generate-world';
import { parseWorldJson } from '../../engine/model/validate';

export const benches: Bench[] = [
  {
    name: 'world.1000x10000',
    description: 'Load (JSON parse + validate) a 1,000-host 10,000-VM world, then take the full inventory view',
    target: 'total_ms (load + query) <= 200, peak_rss_mb < 300',
    processes: 5,
    run() {
      const text = JSON.stringify(generateWorld({ hosts: 1000, vms: 10_000, seed: 42 }));
      // Collect the generator's garbage first, so the figures are the load's own.
      setFlagsFromString('--expose-gc');
      (runInNewContext('gc') as () => void)();
      const t0 = performance.now();
      const r = parseWorldJson(text);
      const t1 = performance.now();
      if (!r.ok) throw new Error(`generated world is invalid: ${JSON.stringify(r.errors.slice(0, 3))}`);
      const engine = new Engine({ world: r.world });
      const view = engine.view();
      const t2 = performance.now();
      if (view.world.vms.length !== 10_000) throw new Error('view lost VMs');
      return {
        total_ms: t2 - t0,
        load_ms: t1 - t0,
        query_ms: t2 - t1,
        json_mb: Math.round(text.length / 1024 / 1024),
        peak_rss_mb: peakRssMiB(),
        heap_mb: heapUsedMiB(),
      };
    },
  },
];
