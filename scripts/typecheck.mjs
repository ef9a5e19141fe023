// `npm run typecheck`: tsc once per layer, so each layer sees only the globals it runs with
// (tsconfig.<layer>.json: the engine no DOM, the renderer no Node, engine/common neither; see
// CONTRIBUTING.md). The layers run side by side, as many at once as there are cores.
//
// Incremental: each layer keeps tsc's build info under node_modules/.cache/hvlab-typecheck/, so a
// second run rechecks only the files that changed and what depends on them (tsc hashes every
// input, its own libs and node_modules' types included). A clean checkout or `npm ci` starts
// without it and checks everything.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
// The largest programs first, so the small ones fill in around them.
const LAYERS = ['test', 'renderer', 'node', 'engine', 'preload', 'common'];
const BUILD_INFO_DIR = join(root, 'node_modules', '.cache', 'hvlab-typecheck');

function check(layer) {
  return new Promise((resolve) => {
    const started = Date.now();
    const args = [
      '-p',
      join(root, `tsconfig.${layer}.json`),
      '--noEmit',
      '--pretty',
      '--incremental',
      '--tsBuildInfoFile',
      join(BUILD_INFO_DIR, `${layer}.tsbuildinfo`),
    ];
    const child = spawn(process.execPath, [tsc, ...args], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ layer, code, out, seconds: (Date.now() - started) / 1000 }));
  });
}

const queue = [...LAYERS];
const results = [];
await Promise.all(
  Array.from({ length: Math.max(1, Math.min(availableParallelism(), LAYERS.length)) }, async () => {
    for (let layer = queue.shift(); layer; layer = queue.shift()) {
      const r = await check(layer);
      results.push(r);
      process.stdout.write(`typecheck ${r.layer}: ${r.code === 0 ? 'ok' : 'FAILED'} (${r.seconds.toFixed(1)} s)\n`);
      if (r.code !== 0) process.stdout.write(r.out);
    }
  }),
);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
