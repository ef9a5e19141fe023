// Bundles a door's TypeScript entries into ES modules with esbuild, so a start compiles no
// TypeScript and starts no second process (tsx's CLI runs the program in a child node). Used by
// scripts/build-cli.mjs (`hvlab`) and scripts/build-web.mjs (the browser host).
//
// Beside a bundle, inputs.json lists the project's own source files that went into it with their
// modification times, which is all a starter needs to tell a stale bundle (a changed dependency
// shows as a newer package-lock.json, which is listed too). This module loads esbuild only when it
// builds, so checking freshness costs a stat per source file and nothing else.
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** True when the bundle in outDir exists and no source it was built from changed since. */
export function bundleIsFresh(outDir) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(outDir, 'inputs.json'), 'utf8'));
  } catch {
    return false; // never built (or the list is unreadable): build it
  }
  for (const [file, mtimeMs] of Object.entries(inputs)) {
    try {
      if (statSync(join(root, file)).mtimeMs !== mtimeMs) return false;
    } catch {
      return false; // a source was removed or renamed: build again
    }
  }
  return true;
}

/**
 * Builds `entryPoints` ({ name: source }) into a fresh folder beside outDir and swaps it in, so a
 * concurrent start never loads an entry from one build and a chunk from another. Two builders at
 * once (two test runners) both succeed: the second keeps the first one's bundle if it is fresh.
 */
export async function buildNodeBundle(outDir, entryPoints, options = {}) {
  const { build } = await import('esbuild');
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints,
    outdir: tmp,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    // Some bundled dependencies are CommonJS and call require() for Node's built-ins.
    banner: { js: "import { createRequire as __hvlabCreateRequire } from 'node:module'; const require = __hvlabCreateRequire(import.meta.url);" },
    write: true,
    ...options,
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  files.push('package-lock.json', 'package.json');
  const inputs = Object.fromEntries(files.map((f) => [relative(root, join(root, f)), statSync(join(root, f)).mtimeMs]));
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify(inputs));
  const old = `${outDir}.${process.pid}.old`;
  mkdirSync(dirname(outDir), { recursive: true });
  try {
    renameSync(outDir, old);
  } catch {
    // no earlier bundle to set aside
  }
  try {
    renameSync(tmp, outDir);
  } catch (err) {
    // Another builder swapped its bundle in between our two renames: keep it if it is current.
    rmSync(tmp, { recursive: true, force: true });
    if (!bundleIsFresh(outDir)) throw err;
  }
  rmSync(old, { recursive: true, force: true });
}
