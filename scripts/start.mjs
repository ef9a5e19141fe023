// `npm start`: the desktop app where the Electron runtime is present; otherwise one try to fetch it
// with Electron's own installer, and if that fails (offline), say so plainly and serve the same
// console in the browser. A failed try is remembered (electron-runtime.mjs): later starts go
// straight to the browser until `npm start -- --retry-electron`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_NODE_FLAGS } from './engine-node-flags.mjs';
import { electronMarkerPath, ensureElectron, RETRY_ELECTRON_FLAG } from './electron-runtime.mjs';
import { ensureWebHostBuilt } from './build-web.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    // No Electron runtime installed (the electron package throws): start the browser host instead.
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

const retry = process.argv.includes(RETRY_ELECTRON_FLAG);
const passOn = process.argv.slice(2).filter((a) => a !== RETRY_ELECTRON_FLAG);
const runtime = ensureElectron({
  electronDir: join(root, 'node_modules', 'electron'),
  markerPath: electronMarkerPath(root),
  retry,
  findBinary: electronBinary,
  onTry: () => process.stdout.write('The Electron runtime is not installed; trying once to download it…\n'),
});
const electron = runtime.binary;

ensureRendererBuilt();
if (electron) {
  const b = spawnSync(npm, ['run', '--silent', 'build:electron'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
  const child = spawn(electron, [root, ...passOn], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  process.stdout.write(
    runtime.tried
      ? 'The Electron runtime could not be downloaded (this machine looks offline), so the desktop window cannot open. ' +
          `Later starts will not try again; run \`npm start -- ${RETRY_ELECTRON_FLAG}\` when online to get it. Serving the same console in your browser instead.\n`
      : runtime.failedAt
        ? `The Electron runtime could not be downloaded when last tried (${runtime.failedAt}), so the console opens in your browser; ` +
          `\`npm start -- ${RETRY_ELECTRON_FLAG}\` tries the download again.\n`
        : 'The Electron runtime is not installed, so the console opens in your browser.\n',
  );
  // The bundled host (scripts/build-web.mjs): one process, no TypeScript compiled at start.
  const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, await ensureWebHostBuilt(), ...passOn], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}
