// The browser door's composition root: stores, engine host, web host. Logic lives in doors/.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { EngineHost } from './doors/common/engine-host';
import { JsonStateStore } from './doors/node/json-state-store';
import { FileLogger } from './doors/node/file-logger';
import { fileAsideStore, nodeScenarioFiles } from './doors/node/scenario-files';
import { openConfSettings } from './doors/node/conf-settings-store';
import { defaultDataDir } from './doors/node/data-dir';
import { parseArgs } from './doors/node/args';
import { startWebHost } from './doors/web/web-host';
import { startDevServer } from './doors/web/dev-server';
import { rememberIdentity, resolveIdentity } from './doors/node/web-host-identity';

const root = dirname(fileURLToPath(import.meta.url));

export async function main(argv: string[]): Promise<void> {
  const { options } = parseArgs(argv, { port: 'value', 'data-dir': 'value', dev: 'flag', token: 'value', 'token-file': 'value' });
  const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : defaultDataDir();
  const identity = resolveIdentity(dataDir, {
    ...(typeof options.port === 'string' ? { port: options.port } : {}),
    ...(typeof options.token === 'string' ? { token: options.token } : {}),
    ...(typeof options['token-file'] === 'string' ? { tokenFile: options['token-file'] } : {}),
  });
  const settings = openConfSettings(dataDir);
  const engineHost = new EngineHost({
    store: new JsonStateStore(join(dataDir, 'world.json')),
    settings: settings.store,
    notices: settings.notice ? [settings.notice] : [],
    logger: new FileLogger(join(dataDir, 'logs')),
    scenarios: { files: nodeScenarioFiles(dataDir), aside: fileAsideStore(join(dataDir, 'world-aside.json')) },
  });
  const rendererDir = join(root, 'dist', 'renderer');
  const dev = options.dev ? await startDevServer(join(root, 'vite.config.ts')) : undefined;
  if (!dev && !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The console is not built yet: run `npm run build:renderer` (npm start does it for you).');
  }
  const web = await startWebHost({
    engineHost, rendererDir, port: identity.port, portIsPreference: identity.portIsPreference,
    ...(identity.token !== undefined ? { token: identity.token } : {}),
    ...(dev ? { middleware: dev.middleware } : {}),
    onSlowConsumer: (why) => process.stderr.write(`A page that stopped reading its updates was disconnected (${why}); it reconnects on its own.\n`),
  });
  const notRemembered = rememberIdentity(dataDir, web.port, identity.ownToken ? web.token : undefined);
  for (const notice of [...identity.notices, ...(notRemembered ? [notRemembered] : []), ...engineHost.pendingNotices().map((n) => n.message)]) process.stderr.write(`${notice}\n`);
  if (web.portTaken !== undefined) {
    process.stderr.write(`Port ${web.portTaken}, which the console used last time, is taken by another program: serving on ${web.port} instead (an open tab needs the new address).\n`);
  }
  process.stdout.write(`Hyper-V Mobility Lab is serving the console at ${web.url}\n`);
  const shutdown = () => {
    for (const unsaved of engineHost.flush()) process.stderr.write(`hvlab web: ${unsaved}\n`);
    engineHost.dispose();
    void Promise.all([web.close(), dev?.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`hvlab web: ${err.message}\n`);
    process.exit(1);
  });
}
