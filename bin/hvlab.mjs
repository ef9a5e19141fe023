#!/usr/bin/env node
// The `hvlab` command: runs cli.main.ts through tsx, so `npx hvlab` works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../cli.main.ts');
process.exitCode = await run(process.argv.slice(2));
