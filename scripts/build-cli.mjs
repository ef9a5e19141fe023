// Bundles the command-line door (cli.main.ts and everything it imports) into ES modules under
// dist/cli/: hvlab.mjs, the entry, and one chunk per subcommand (cli.main.ts imports them when they
// run, so `hvlab --version` parses a few kilobytes, not the engine). So `hvlab` starts without compiling TypeScript on every run. bin/hvlab.mjs
// calls this on first run and whenever a source file changed since the last bundle; it can also be
// run by hand: `node scripts/build-cli.mjs`.
//
// Beside the bundle, dist/cli/inputs.json lists the project's own source files that went into it
// with their modification times, which is all bin/hvlab.mjs needs to tell a stale bundle (a
// changed dependency shows as a newer package-lock.json, which is listed too).
import { build } from 'esbuild';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const cliOutDir = join(root, 'dist', 'cli');
export const cliBundle = join(cliOutDir, 'hvlab.mjs');
export const cliInputs = join(cliOutDir, 'inputs.json');

/**
 * Builds the bundle into a fresh folder beside dist/cli and swaps it in, so a concurrent `hvlab`
 * never loads an entry from one build and a chunk from another. Returns the entry's path.
 */
export async function buildCli() {
  const tmp = `${cliOutDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { hvlab: join(root, 'cli.main.ts') },
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
  });
  const files = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/'));
  files.push('package-lock.json', 'package.json');
  const inputs = Object.fromEntries(files.map((f) => [relative(root, join(root, f)), statSync(join(root, f)).mtimeMs]));
  writeFileSync(join(tmp, 'inputs.json'), JSON.stringify(inputs));
  const old = `${cliOutDir}.${process.pid}.old`;
  mkdirSync(dirname(cliOutDir), { recursive: true });
  try {
    renameSync(cliOutDir, old);
  } catch {
    // no earlier bundle to set aside
  }
  renameSync(tmp, cliOutDir);
  rmSync(old, { recursive: true, force: true });
  return cliBundle;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildCli()
    .then((out) => process.stdout.write(`Built ${relative(root, out)}\n`))
    .catch((err) => {
      process.stderr.write(`build:cli failed: ${err.message}\n`);
      process.exit(1);
    });
}
