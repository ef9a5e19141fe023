// `npm run build:electron`: bundles the desktop main process and its preload with esbuild.
//   electron.main.ts → dist/electron/main.cjs     (Node, CJS; `electron` stays external)
//   preload/index.ts → dist/electron/preload.cjs  (sandboxed preload: one CJS file, only `electron` required)
//   doors/worker/engine-worker.ts → dist/electron/engine-worker.cjs  (the engine's utility process; no electron)
// and copies the window icon beside them. Needs no Electron runtime. The main process finds the
// renderer at ../renderer/index.html relative to itself (dist/renderer, built by `vite build`).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Targets the Node and Chromium that ship with Electron 39. */
const ELECTRON_NODE = 'node22';
const ELECTRON_CHROME = 'chrome142';

export async function buildElectron({ outdir = join(root, 'dist', 'electron'), minify = false, logLevel = 'warning' } = {}) {
  mkdirSync(outdir, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'cjs',
    external: ['electron'],
    sourcemap: 'linked',
    minify,
    logLevel,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const [main, engine, preload] = await Promise.all([
    build({
      ...common,
      entryPoints: [join(root, 'electron.main.ts')],
      outfile: join(outdir, 'main.cjs'),
      platform: 'node',
      target: ELECTRON_NODE,
      metafile: true,
    }),
    build({
      ...common,
      entryPoints: [join(root, 'doors', 'worker', 'engine-worker.ts')],
      outfile: join(outdir, 'engine-worker.cjs'),
      platform: 'node',
      target: ELECTRON_NODE,
      metafile: true,
    }),
    build({
      ...common,
      entryPoints: [join(root, 'preload', 'index.ts')],
      outfile: join(outdir, 'preload.cjs'),
      // A sandboxed preload gets a browser-like context with a tiny `require` (electron, events, timers, url).
      platform: 'browser',
      target: ELECTRON_CHROME,
      metafile: true,
    }),
  ]);
  const icon = join(root, 'assets', 'icons', '256x256.png');
  if (existsSync(icon)) copyFileSync(icon, join(outdir, 'icon.png'));
  return { outdir, main: main.metafile, engine: engine.metafile, preload: preload.metafile };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outdir = process.argv.includes('--outdir') ? process.argv[process.argv.indexOf('--outdir') + 1] : undefined;
  buildElectron({ ...(outdir ? { outdir } : {}), minify: process.argv.includes('--minify') })
    .then((r) => process.stdout.write(`Built ${join(r.outdir, 'main.cjs')} and ${join(r.outdir, 'preload.cjs')}\n`))
    .catch((err) => {
      process.stderr.write(`build:electron failed: ${err.message}\n`);
      process.exit(1);
    });
}
