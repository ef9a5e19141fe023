import type { Bench } from './harness';
import { peakRssMiB } from './harness';
import { Engine } from '../../engine/engine';
import { defaultWorld } from '../../engine/model/default-world';

export const benches: Bench[] = [
  {
    name: 'engine.default-world',
    description: 'Create the engine on the default world and take one view',
    run() {
      const t0 = performance.now();
      const e = new Engine({ world: defaultWorld() });
      e.view();
      return { wall_ms: performance.now() - t0, peak_rss_mb: peakRssMiB() };
    },
  },
];
