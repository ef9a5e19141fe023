// The browser door's composition root: stores, engine host, web host. Logic lives in doors/.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { EngineHost } from './doors/common/engine-host';
import { JsonStateStore } from './doors/node/json-state-store';
import { fileAsideStore, nodeScenarioFiles } from './doors/node/scenario-files';
import { openConfSettings } from './doors/node/conf-settings-store';
import { defaultDataDir } from './doors/node/data-dir';
import { parseArgs } from './doors/node/args';
import { startWebHost, type WebHostOptions } from './doors/web/web-host';

const root = dirname(fileURLToPath(import.meta.url));

export async function main(argv: string[]): Promise<void> {
  const { options } = parseArgs(argv, { port: 'value', 'data-dir': 'value', dev: 'flag', token: 'value' });
  const port = options.port === undefined ? 0 : Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number 0..65535, got "${String(options.port)}"`);
  const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : defaultDataDir();
  const settings = openConfSettings(dataDir);
  const engineHost = new EngineHost({
    store: new JsonStateStore(join(dataDir, 'world.json')),
    settings: settings.store,
    notices: settings.notice ? [settings.notice] : [],
    scenarios: { files: nodeScenarioFiles(dataDir), aside: fileAsideStore(join(dataDir, 'world-aside.json')) },
  });
  const rendererDir = join(root, 'dist', 'renderer');
  const dev: Partial<WebHostOptions> = {};
  if (options.dev) {
    // Live reload of the renderer: Vite answers HTTP and its own HMR socket; the bridge stays ours.
    const { createServer } = await import('vite');
    const vite = await createServer({ configFile: join(root, 'vite.config.ts'), server: { middlewareMode: true, hmr: { port: 0 } }, appType: 'spa' });
    dev.middleware = (req, res, next) => vite.middlewares(req, res, next);
  } else if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The console is not built yet: run `npm run build:renderer` (npm start does it for you).');
  }
  const web = await startWebHost({
    engineHost, rendererDir, port, ...(typeof options.token === 'string' ? { token: options.token } : {}), ...dev,
    onSlowConsumer: (why) => process.stderr.write(`A page that stopped reading its updates was disconnected (${why}); it reconnects on its own.\n`),
  });
  for (const notice of [...engineHost.pendingNotices()]) process.stderr.write(`${notice}\n`);
  process.stdout.write(`Hyper-V Mobility Lab is serving the console at ${web.url}\n`);
  const shutdown = () => {
    engineHost.dispose();
    void web.close().then(() => process.exit(0));
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
