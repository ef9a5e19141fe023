// `npm start`: the desktop app where the Electron runtime is present; otherwise one try to fetch it
// with Electron's own installer, and if that fails (offline), say so plainly and serve the same
// console in the browser.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_NODE_FLAGS } from './engine-node-flags.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureRendererBuilt() {
  const index = join(root, 'dist', 'renderer', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(join(root, 'renderer'))) return;
  const r = spawnSync(npm, ['run', '--silent', 'build:renderer'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

let electron = electronBinary();
if (!electron && existsSync(join(root, 'node_modules', 'electron', 'install.js'))) {
  process.stdout.write('The Electron runtime is not installed; trying once to download it…\n');
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: 'ignore',
    timeout: 60_000,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  electron = electronBinary();
}

ensureRendererBuilt();
if (electron) {
  const b = spawnSync(npm, ['run', '--silent', 'build:electron'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
  const child = spawn(electron, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    'The Electron runtime could not be downloaded (this machine looks offline), so the desktop window cannot open; ' +
      'run `node node_modules/electron/install.js` when online to get it. Serving the same console in your browser instead.\n',
  );
  const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'web.main.ts'), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
