// How fast `hvlab` starts, as a ratio to a bare Node start measured beside it (target: within 3x).
// Runs alternate (node -e 0, hvlab --version, node -e 0, ...) so a load change on the shared
// machine hits both sides alike; the bundle is built once before timing, as after a first run.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Bench } from './harness';
import { ROOT } from '../support/web-host-process';

const ROUNDS = 15;

function wallMs(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export const benches: Bench[] = [
  {
    name: 'cli.start',
    description: '`hvlab --version` against `node -e 0`, alternated, medians of 15 each',
    target: 'ratio <= 3',
    run() {
      const hvlab = join(ROOT, 'bin', 'hvlab.mjs');
      wallMs([hvlab, '--version']); // builds the bundle if it is stale
      const node: number[] = [];
      const cli: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        node.push(wallMs(['-e', '0']));
        cli.push(wallMs([hvlab, '--version']));
      }
      const nodeMs = median(node);
      const hvlabMs = median(cli);
      return { ratio: hvlabMs / nodeMs, hvlab_ms: hvlabMs, node_ms: nodeMs };
    },
  },
];
