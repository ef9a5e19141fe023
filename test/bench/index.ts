// `npm run bench [-- --json] [-- --only <prefix>]`: runs every test/bench/*.bench.ts module's
// benches in a fresh child process each (so peak memory is per bench) and prints their figures.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { medianFigures, type Bench, type BenchFigure } from './harness';
import { ENGINE_NODE_FLAGS } from '../../scripts/engine-node-flags.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const child = process.env.HVLAB_BENCH_CHILD;

async function benchesOf(file: string): Promise<Bench[]> {
  const mod = (await import(join(here, file))) as { benches?: Bench[] };
  return mod.benches ?? [];
}

function format(name: string, figures: Record<string, number | string>, target?: string): string {
  const cells = Object.entries(figures).map(([k, v]) => `${k}=${typeof v === 'number' ? (Number.isInteger(v) ? v : v.toFixed(3)) : v}`);
  return `${name.padEnd(34)} ${cells.join('  ')}${target ? `  (target: ${target})` : ''}`;
}

if (child) {
  const [file, name] = child.split('::') as [string, string];
  const bench = (await benchesOf(file)).find((b) => b.name === name);
  if (!bench) throw new Error(`no bench ${name} in ${file}`);
  const figures = await bench.run();
  process.stdout.write(JSON.stringify(figures));
} else {
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  let failed = false;
  for (const file of files) {
    for (const bench of await benchesOf(file)) {
      if (only && !bench.name.startsWith(only)) continue;
      const runs: BenchFigure[] = [];
      for (let i = 0; i < (bench.processes ?? 1); i++) {
        // Each bench in a process set up like the engine's own (scripts/engine-node-flags.mjs).
        const r = spawnSync(process.execPath, [...ENGINE_NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url)], {
          env: { ...process.env, HVLAB_BENCH_CHILD: `${file}::${bench.name}` },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        if (r.status !== 0) {
          process.stderr.write(`${bench.name}: failed\n${r.stderr}\n`);
          break;
        }
        runs.push(JSON.parse(r.stdout) as BenchFigure);
      }
      if (runs.length < (bench.processes ?? 1)) {
        failed = true;
        continue;
      }
      const figures = medianFigures(runs);
      process.stdout.write(
        json ? `${JSON.stringify({ bench: bench.name, ...figures, target: bench.target })}\n` : `${format(bench.name, figures, bench.target)}\n`,
      );
    }
  }
  if (failed) process.exitCode = 1;
}
