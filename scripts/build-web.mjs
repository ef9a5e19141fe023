// Bundles the browser host (web.main.ts) and the engine's thread (doors/worker/engine-worker.ts)
// into ES modules under dist/web/: web-host.mjs and engine-worker.mjs, sharing their chunks. Started
// as `node dist/web/web-host.mjs`, the host compiles no TypeScript and runs in one process: through
// tsx it was two node processes and a compile of the engine on each start (4.2 s to the first URL
// on an idle 2-core machine; see CONTRIBUTING.md's test section for the figures). `npm start`
// and the tests start the bundle; `npm run dev` runs the sources. Rebuilt when a source changed
// (dist/web/inputs.json, scripts/node-bundle.mjs); by hand: `node scripts/build-web.mjs`.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleIsFresh, buildNodeBundle, root } from './node-bundle.mjs';

export const webOutDir = join(root, 'dist', 'web');
export const webHostBundle = join(webOutDir, 'web-host.mjs');

/** Builds dist/web (swapped in whole, see buildNodeBundle). Returns the host's entry. */
export async function buildWebHost() {
  await buildNodeBundle(
    webOutDir,
    { 'web-host': join(root, 'web.main.ts'), 'engine-worker': join(root, 'doors', 'worker', 'engine-worker.ts') },
    // Vite is only for `--dev`, loaded when asked for, from node_modules.
    { external: ['vite'] },
  );
  return webHostBundle;
}

/** The host's entry, built first if it is missing or older than a source. */
export async function ensureWebHostBuilt() {
  if (!bundleIsFresh(webOutDir)) await buildWebHost();
  return webHostBundle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWebHost()
    .then((out) => process.stdout.write(`Built ${relative(root, out)}\n`))
    .catch((err) => {
      process.stderr.write(`build:web failed: ${err.message}\n`);
      process.exit(1);
    });
}
