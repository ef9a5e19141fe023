#!/usr/bin/env node
// The `hvlab` command: runs cli.main.ts through tsx, so `npx hvlab` works right after `npm ci`.
// It runs in a Node process set up like the engine's others (scripts/engine-node-flags.mjs): when
// started without those flags it starts itself once more with them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { ENGINE_NODE_FLAGS } from '../scripts/engine-node-flags.mjs';

if (!ENGINE_NODE_FLAGS.every((f) => process.execArgv.includes(f))) {
  const r = spawnSync(process.execPath, [...ENGINE_NODE_FLAGS, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.error) throw r.error;
  process.exit(r.status ?? (r.signal ? 1 : 0));
}
register();
const { run } = await import('../cli.main.ts');
process.exitCode = await run(process.argv.slice(2));
