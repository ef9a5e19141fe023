// The browser host's engine thread: doors/worker/engine-worker.ts in a worker_threads Worker.
import { Worker } from 'node:worker_threads';
import type { EngineThread } from './engine-client';
import type { PortLike } from './engine-protocol';

/** Marks the Worker as the engine's, so engine-worker.ts serves only there. */
export const ENGINE_WORKER_DATA = { hvlabEngine: true } as const;

/** The entry as the sources run it (tsx); a bundled door passes its own built entry. */
export const ENGINE_WORKER_ENTRY = new URL('./engine-worker-tsx.mjs', import.meta.url);

/** Starts the engine in a Worker (engine-worker.ts, the same entry the desktop's utility process runs). */
export function spawnWorkerThread(entry: URL = ENGINE_WORKER_ENTRY): EngineThread {
  const worker = new Worker(entry, { workerData: ENGINE_WORKER_DATA });
  let why: string | undefined;
  worker.on('error', (err) => (why = err.message));
  const port: PortLike = {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    close: () => void worker.terminate(),
  };
  return {
    port,
    onExit: (listener) => worker.once('exit', (code) => listener(code, why)),
    kill: () => void worker.terminate(),
  };
}
