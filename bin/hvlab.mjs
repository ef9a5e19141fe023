#!/usr/bin/env -S node --v8-pool-size=0
// The `hvlab` command. It runs dist/cli/hvlab.mjs, one ES module bundled from cli.main.ts by
// scripts/build-cli.mjs, so a start compiles no TypeScript and starts no second process. The bundle
// is built on first run, and again when a source file it came from is newer than it (a developer's
// edit), which costs a stat per source file (~150) on every start.
//
// The engine's Node flags (scripts/engine-node-flags.mjs) come from the line above where the system
// reads it (`npx hvlab`, `./bin/hvlab.mjs`). Started as `node bin/hvlab.mjs` without them, a
// command that simulates starts itself once more with them; --help and --version never do.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ENGINE_NODE_FLAGS } from '../scripts/engine-node-flags.mjs';
import { bundleIsFresh } from '../scripts/node-bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist', 'cli', 'hvlab.mjs');
const args = process.argv.slice(2);

const simulates = !['--help', '-h', 'help', '--version', '-v', undefined].includes(args[0]);
if (simulates && !ENGINE_NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const r = spawnSync(process.execPath, [...ENGINE_NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit' });
  if (r.error) throw r.error;
  process.exit(r.status ?? (r.signal ? 1 : 0));
}

// `hvlab serve [...]` is the browser host (web.main.ts, its own bundle with the engine's worker
// entry beside it): `hvlab serve --classroom <labs...>` serves a class on the local network.
if (args[0] === 'serve') {
  const { ensureWebHostBuilt } = await import('../scripts/build-web.mjs');
  const host = await ensureWebHostBuilt();
  const r = spawnSync(process.execPath, [...process.execArgv, host, ...args.slice(1)], { stdio: 'inherit' });
  if (r.error) throw r.error;
  process.exit(r.status ?? (r.signal ? 1 : 0));
}

if (!bundleIsFresh(join(root, 'dist', 'cli'))) {
  const { buildCli } = await import('../scripts/build-cli.mjs');
  await buildCli();
}
const { run } = await import(pathToFileURL(bundle).href);
process.exitCode = await run(args);
