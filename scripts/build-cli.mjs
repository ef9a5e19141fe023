// Bundles the command-line door (cli.main.ts and everything it imports) into ES modules under
// dist/cli/: hvlab.mjs, the entry, and one chunk per subcommand (cli.main.ts imports them when they
// run, so `hvlab --version` parses a few kilobytes, not the engine). So `hvlab` starts without compiling TypeScript on every run. bin/hvlab.mjs
// calls this on first run and whenever a source file changed since the last bundle (dist/cli/inputs.json,
// scripts/node-bundle.mjs); it can also be run by hand: `node scripts/build-cli.mjs`.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildNodeBundle, root } from './node-bundle.mjs';

export { root };
export const cliOutDir = join(root, 'dist', 'cli');
export const cliBundle = join(cliOutDir, 'hvlab.mjs');
export const cliInputs = join(cliOutDir, 'inputs.json');

/** Builds dist/cli (swapped in whole, see buildNodeBundle). Returns the entry's path. */
export async function buildCli() {
  await buildNodeBundle(cliOutDir, { hvlab: join(root, 'cli.main.ts') });
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
