// The browser door's composition root: the engine in a Worker (its data folder opened there), the web
// host on this thread. Logic lives in doors/.
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { EngineClient } from './doors/worker/engine-client';
import { ENGINE_WORKER_ENTRY, spawnWorkerThread } from './doors/worker/worker-thread';
import { LOG_DIR } from './doors/worker/data-folder-host';
import { FileLogger } from './doors/node/file-logger';
import { defaultDataDir } from './doors/node/data-dir';
import { parseArgs } from './doors/node/args';
import { startWebHost } from './doors/web/web-host';
import { startDevServer } from './doors/web/dev-server';
import { rememberIdentity, resolveIdentity } from './doors/node/web-host-identity';
import { classroomLabs, lanNames, startClassroom } from './doors/classroom/classroom-server';
import { readUserFile, USER_FILE_LIMITS } from './doors/node/user-file';

// Run from the sources (tsx web.main.ts, `npm run dev`) or from its bundle dist/web/web-host.mjs
// (scripts/build-web.mjs: `npm start` and the tests), which has the engine's entry beside it.
const here = dirname(fileURLToPath(import.meta.url));
const bundled = basename(here) === 'web' && basename(dirname(here)) === 'dist';
const root = bundled ? join(here, '..', '..') : here;
const engineEntry = bundled ? new URL('./engine-worker.mjs', import.meta.url) : ENGINE_WORKER_ENTRY;

export async function main(argv: string[]): Promise<void> {
  const { options, positionals } = parseArgs(argv, {
    port: 'value',
    'data-dir': 'value',
    dev: 'flag',
    token: 'value',
    'token-file': 'value',
    classroom: 'flag',
    listen: 'value',
  });
  const dataDir = typeof options['data-dir'] === 'string' ? options['data-dir'] : defaultDataDir();
  if (options.classroom) return classroom(positionals, options, dataDir);
  if (positionals.length || options.listen)
    throw new Error('labs and --listen are for a classroom: hvlab serve --classroom <id|pack.json...> [--listen <address>]');
  const identity = resolveIdentity(dataDir, {
    ...(typeof options.port === 'string' ? { port: options.port } : {}),
    ...(typeof options.token === 'string' ? { token: options.token } : {}),
    ...(typeof options['token-file'] === 'string' ? { tokenFile: options['token-file'] } : {}),
  });
  const engineHost = await EngineClient.start(
    () => spawnWorkerThread(engineEntry),
    {
      dataDir,
      nativeDialogs: false,
      doorSettingKeys: [],
      watchJobs: false,
      startClock: true,
    },
    {
      // Crashes of the engine's thread, in the same log as the engine's own failures.
      logger: new FileLogger(join(dataDir, LOG_DIR)),
    },
  );
  const rendererDir = join(root, 'dist', 'renderer');
  const dev = options.dev ? await startDevServer(join(root, 'vite.config.ts')) : undefined;
  if (!dev && !existsSync(join(rendererDir, 'index.html'))) {
    throw new Error('The console is not built yet: run `npm run build:renderer` (npm start does it for you).');
  }
  const web = await startWebHost({
    engineHost,
    rendererDir,
    port: identity.port,
    portIsPreference: identity.portIsPreference,
    ...(identity.token !== undefined ? { token: identity.token } : {}),
    ...(dev ? { middleware: dev.middleware } : {}),
    onSlowConsumer: (why) => process.stderr.write(`A page that stopped reading its updates was disconnected (${why}); it reconnects on its own.\n`),
  });
  const notRemembered = rememberIdentity(dataDir, web.port, identity.ownToken ? web.token : undefined);
  for (const notice of [...identity.notices, ...(notRemembered ? [notRemembered] : []), ...engineHost.pendingNotices().map((n) => n.message)])
    process.stderr.write(`${notice}\n`);
  if (web.portTaken !== undefined) {
    process.stderr.write(
      `Port ${web.portTaken}, which the console used last time, is taken by another program: serving on ${web.port} instead (an open tab needs the new address).\n`,
    );
  }
  process.stdout.write(`Hyper-V Mobility Lab is serving the console at ${web.url}\n`);
  // The engine saves one last time and stops before the process exits.
  const shutdown = () => {
    void engineHost
      .stop()
      .then((unsaved) => {
        for (const line of unsaved) process.stderr.write(`hvlab web: ${line}\n`);
        return Promise.all([web.close(), dev?.close()]);
      })
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** `--classroom`: one engine thread and data folder per learner under <data-dir>/classroom, the join and trainer pages. */
async function classroom(labArgs: string[], options: Record<string, string | true>, dataDir: string): Promise<void> {
  const labs = classroomLabs(labArgs, (path) => readUserFile(path, { maxBytes: USER_FILE_LIMITS.labPack, what: 'lab pack' }));
  const rendererDir = join(root, 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The console is not built yet: run `npm run build:renderer`.');
  const listen = typeof options.listen === 'string' ? options.listen : '0.0.0.0';
  const lanHosts = listen === '0.0.0.0' ? lanNames() : [listen];
  const roomDir = join(dataDir, 'classroom');
  const logger = new FileLogger(join(roomDir, LOG_DIR));
  const server = await startClassroom({
    dataDir: roomDir,
    labs,
    rendererDir,
    listen,
    lanHosts,
    ...(typeof options.port === 'string' ? { port: portNumber(options.port) } : {}),
    openDoor: (learnerDir) =>
      EngineClient.start(
        () => spawnWorkerThread(engineEntry),
        { dataDir: learnerDir, nativeDialogs: false, doorSettingKeys: [], watchJobs: false, startClock: true },
        { logger },
      ),
  });
  process.stdout.write(
    `Hyper-V Mobility Lab classroom: ${labs.map((l) => l.title).join(', ')}\n` +
      `Learners open ${server.joinUrls.join(' or ')} and type the session code ${server.room.code}\n` +
      `Trainer page (keep this link to yourself): ${server.trainerUrl}\n`,
  );
  const shutdown = () => {
    void server
      .close()
      .then((unsaved) => {
        for (const line of unsaved) process.stderr.write(`hvlab serve: ${line}\n`);
      })
      .then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

function portNumber(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be a port number from 1 to 65535 (0: any free port), not "${text}"`);
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((err: Error) => {
    process.stderr.write(`hvlab web: ${err.message}\n`);
    process.exit(1);
  });
}
