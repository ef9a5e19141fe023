// "webhost.main-thread-moves.1000": the moves.1000 workload (moves.bench.ts: 1,000 concurrent moves
// in the 1,000-host, 10,000-VM world, then the clock's runUntilIdle) sent by a page through the
// browser host's WebSocket, with the engine on the host's main thread (EngineHost, as before issue
// 16) and in a worker_threads Worker (EngineClient, as web.main.ts runs it), in the same run.
// Figures, never pass/fail:
//   thread_block_ms, worker_block_ms   the longest the main thread could not run anything while the
//                                      workload ran: the largest gap between the ticks of a 2 ms
//                                      timer, less its period (what a menu, a window drag or another
//                                      page's request would have waited)
//   thread_eld_max_ms, worker_eld_max_ms   perf_hooks.monitorEventLoopDelay's max over the same time
//   block_ratio                        thread_block_ms / worker_block_ms
//   thread_ms, worker_ms               the workload's wall time, first command to runUntilIdle's answer
// The page runs in a Worker of its own, so its JSON parsing of the 10,000-VM snapshots is not
// counted against the host's thread.
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { Bench } from './harness';
import { benchWorld, commands } from './moves.bench';
import { Engine } from '../../engine/engine';
import { JsonStateStore } from '../../doors/node/json-state-store';
import { openDataFolder, WORLD_FILE } from '../../doors/worker/data-folder-host';
import { EngineClient } from '../../doors/worker/engine-client';
import { spawnWorkerThread } from '../../doors/worker/worker-thread';
import { startWebHost } from '../../doors/web/web-host';
import type { EngineDoor } from '../../doors/common/engine-door';

const PROBE_MS = 2;

/** The page: sends every command, then runUntilIdle, and answers with the time it took. */
const PAGE = `
const { parentPort, workerData } = require('node:worker_threads');
const WebSocket = require(workerData.ws);
const ws = new WebSocket(workerData.url, { maxPayload: 0 });
ws.on('open', () => {
  const t0 = performance.now();
  let id = 0;
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString());
    if (m.kind === 'result' && m.id === workerData.commands.length + 1) {
      if (!m.result.ok) throw new Error(JSON.stringify(m.result.error));
      parentPort.postMessage({ ms: performance.now() - t0 });
      ws.close();
    }
  });
  for (const command of workerData.commands) ws.send(JSON.stringify({ kind: 'invoke', id: ++id, command }));
  ws.send(JSON.stringify({ kind: 'clock', id: ++id, control: { action: 'runUntilIdle' } }));
});
`;

async function measure(door: EngineDoor, rendererDir: string, cmds: unknown[]): Promise<{ block: number; eld: number; ms: number }> {
  const web = await startWebHost({ engineHost: door, rendererDir });
  const url = `ws://127.0.0.1:${web.port}/bridge?token=${web.token}`;
  const eld = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let block = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    block = Math.max(block, now - last - PROBE_MS);
    last = now;
  }, PROBE_MS);
  eld.enable();
  const page = new Worker(PAGE, { eval: true, workerData: { url, commands: cmds, ws: createRequire(import.meta.url).resolve('ws') } });
  const ms = await new Promise<number>((resolve, reject) => {
    page.once('message', (m: { ms: number }) => resolve(m.ms));
    page.once('error', reject);
  });
  eld.disable();
  clearInterval(probe);
  await page.terminate();
  await web.close();
  return { block, eld: eld.max / 1e6, ms };
}

export const benches: Bench[] = [
  {
    name: 'webhost.main-thread-moves.1000',
    description: "the browser host's longest main-thread block while moves.1000 runs through it: engine in the main thread vs in a Worker",
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'hvlab-bench-main-'));
      try {
        const rendererDir = join(dir, 'renderer');
        mkdirSync(rendererDir);
        const w = benchWorld();
        const cmds = commands(w);
        const saved = () => new JsonStateStore(join(dir, WORLD_FILE)).save(new Engine({ world: w }).state());
        saved();
        const client = await EngineClient.start(spawnWorkerThread, {
          dataDir: dir,
          nativeDialogs: false,
          doorSettingKeys: [],
          watchJobs: false,
          startClock: false,
        });
        const worker = await measure(client, rendererDir, cmds);
        await client.stop();
        saved();
        const host = openDataFolder(dir, { startClock: false });
        const thread = await measure(host, rendererDir, cmds);
        host.dispose();
        return {
          thread_block_ms: Math.round(thread.block),
          worker_block_ms: Math.round(worker.block),
          block_ratio: Number((thread.block / Math.max(worker.block, 0.001)).toFixed(1)),
          thread_eld_max_ms: Math.round(thread.eld),
          worker_eld_max_ms: Math.round(worker.eld),
          thread_ms: Math.round(thread.ms),
          worker_ms: Math.round(worker.ms),
        };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
