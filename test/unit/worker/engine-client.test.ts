// The engine off the door's thread: doors/worker/engine-client.ts talking to engine-service.ts,
// over a real worker_threads Worker (what the browser host runs) and over an in-process channel
// whose "thread" the test can crash.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent, Response } from '../../../engine/contract';
import { EngineClient, MAX_RESTARTS, type EngineThread } from '../../../doors/worker/engine-client';
import { fromNodePort, type EngineConfig } from '../../../doors/worker/engine-protocol';
import { spawnWorkerThread } from '../../../doors/worker/worker-thread';
import { openDataFolder } from '../../../doors/worker/data-folder-host';

// A Worker restart spawns a thread and reloads the last save: on a busy 2-core machine that takes
// seconds, past expect.poll's 1 s default.
const POLL_MS = 20_000;
import { inProcessEngine, type InProcessEngine } from '../../support/in-process-engine';

let dir: string;
const clients: EngineClient[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-worker-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  rmSync(dir, { recursive: true, force: true });
});

function config(): Omit<EngineConfig, 'restarted'> {
  return { dataDir: dir, nativeDialogs: false, doorSettingKeys: [], watchJobs: false, startClock: false };
}

async function start(spawn: () => EngineThread, options = {}): Promise<EngineClient> {
  const client = await EngineClient.start(spawn, config(), options);
  clients.push(client);
  return client;
}

const startVm = (id: number) => ({ kind: 'run', id, text: 'Start-VM TEST01 -ComputerName HV02' });
const vmState = async (client: EngineClient, id: number) => {
  const r = await client.respond({ kind: 'run', id, text: 'Get-VM TEST01 -ComputerName HV02' });
  return JSON.stringify(r.result);
};

describe('EngineClient over a worker_threads Worker', () => {
  it('answers requests, validates them in the engine thread, and sends events', async () => {
    const client = await start(spawnWorkerThread);
    const events: EngineEvent[] = [];
    client.subscribe((e) => events.push(e));
    expect(await client.respond({ kind: 'query', id: 7, query: { name: 'clock' } })).toMatchObject({ id: 7, result: { ok: true, value: { speed: 1 } } });
    const bad = await client.respond({ kind: 'query', id: 8, query: { name: 'vm' } });
    expect(bad).toMatchObject({ id: 8, result: { ok: false, error: { code: 'InvalidRequest' } } });
    expect((await client.respond(startVm(9))).result.ok).toBe(true);
    await expect.poll(() => events.some((e) => e.type === 'world')).toBe(true);
    expect(client.scenarioStatus().dirty).toBe(true);
  });

  it('saves on stop before the thread ends, so the next start finds the change', async () => {
    const client = await EngineClient.start(spawnWorkerThread, config());
    expect((await client.respond(startVm(1))).result.ok).toBe(true);
    const before = await vmState(client, 2);
    expect(await client.stop()).toEqual([]);
    const again = openDataFolder(dir, { startClock: false });
    const r = again.handle({ kind: 'run', id: 3, text: 'Get-VM TEST01 -ComputerName HV02' });
    again.dispose();
    expect(before).toContain('"State":"Running"');
    expect(JSON.stringify(r.result)).toContain('"State":"Running"');
  });

  it('holds the notices of an unreadable settings file for the first page', async () => {
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    const client = await start(spawnWorkerThread);
    expect(client.pendingNotices().map((n) => n.message)).toEqual([expect.stringMatching(/settings could not be read/)]);
    const seen: EngineEvent[] = [];
    client.subscribe((e) => seen.push(e));
    expect(seen.filter((e) => e.type === 'notice')).toHaveLength(1);
    expect(client.pendingNotices()).toHaveLength(0);
  });

  it('tells every page when the Worker dies, starts it again from the last save, and logs it', async () => {
    const threads: EngineThread[] = [];
    const logged: string[] = [];
    const client = await start(
      () => {
        const t = spawnWorkerThread();
        threads.push(t);
        return t;
      },
      { logger: { log: (_level: string, message: string) => logged.push(message) } },
    );
    const events: EngineEvent[] = [];
    client.subscribe((e) => events.push(e));
    expect((await client.respond(startVm(1))).result.ok).toBe(true);
    expect(await client.flush()).toEqual([]);
    threads[0]!.kill(); // not asked by the client: a crash as the door sees one
    await expect
      .poll(() => events.find((e) => e.type === 'notice'), { timeout: POLL_MS })
      .toMatchObject({ level: 'error', message: expect.stringMatching(/engine stopped unexpectedly .* started again from the last save/) });
    await expect.poll(() => threads.length, { timeout: POLL_MS }).toBe(2);
    await expect.poll(() => events.some((e) => e.type === 'world' && e.view.clock !== undefined), { timeout: POLL_MS }).toBe(true);
    expect(await vmState(client, 2)).toContain('"State":"Running"');
    expect(logged.some((m) => /stopped unexpectedly/.test(m))).toBe(true);
  });
});

describe('EngineClient when its engine thread dies', () => {
  it('answers a request the dead engine was answering with a plain error, not silence', async () => {
    const threads: InProcessEngine[] = [];
    const client = await start(() => {
      const t = inProcessEngine();
      threads.push(t);
      return t;
    });
    // The engine never answers this one: its thread dies first.
    threads[0]!.enginePort.onMessage(() => threads[0]!.crash(134, 'Maximum call stack size exceeded'));
    const answer: Response = await client.respond({ kind: 'query', id: 12, query: { name: 'clock' } });
    expect(answer).toMatchObject({
      id: 12,
      result: { ok: false, error: { code: 'Internal', message: expect.stringMatching(/stopped unexpectedly.*134: Maximum call stack/) } },
    });
    await expect.poll(() => threads.length, { timeout: POLL_MS }).toBe(2);
    expect(await client.respond({ kind: 'query', id: 13, query: { name: 'clock' } })).toMatchObject({ id: 13, result: { ok: true } });
  });

  it(`stops starting it again after ${MAX_RESTARTS} restarts in a row, and says so on every request`, async () => {
    const threads: InProcessEngine[] = [];
    const client = await start(() => {
      const t = inProcessEngine();
      threads.push(t);
      return t;
    });
    const notices: string[] = [];
    client.subscribe((e) => e.type === 'notice' && notices.push(e.message));
    for (let i = 0; i <= MAX_RESTARTS; i++) {
      await expect.poll(() => threads.length).toBe(i + 1);
      await client.respond({ kind: 'query', id: 1, query: { name: 'clock' } });
      threads[i]!.crash(1);
    }
    await expect.poll(() => notices.at(-1)).toMatch(/stopped unexpectedly 4 times in a row .* not started again/);
    expect(threads).toHaveLength(MAX_RESTARTS + 1);
    const r = await client.respond({ kind: 'query', id: 5, query: { name: 'clock' } });
    expect(r).toMatchObject({ id: 5, result: { ok: false, error: { code: 'Internal', message: expect.stringMatching(/not started again/) } } });
  });

  it('drops an engine message that is not part of the protocol, and logs it', async () => {
    let thread: InProcessEngine | undefined;
    const logged: string[] = [];
    const client = await start(() => (thread = inProcessEngine()), { logger: { log: (_l: string, m: string) => logged.push(m) } });
    thread!.enginePort.postMessage({ type: 'response', call: 'x', response: {} });
    await expect.poll(() => logged).toEqual([expect.stringMatching(/does not understand: call: /)]);
    expect(await client.respond({ kind: 'query', id: 2, query: { name: 'clock' } })).toMatchObject({ result: { ok: true } });
  });

  it('rejects the start with the reason the engine gives when it cannot start', async () => {
    const { port1, port2 } = new MessageChannel();
    port2.on('message', () => port2.postMessage({ type: 'failed', message: 'The data folder /x is not writable.' }));
    let killed = false;
    const thread: EngineThread = { port: fromNodePort(port1), onExit: () => {}, kill: () => ((killed = true), port1.close()) };
    await expect(EngineClient.start(() => thread, config())).rejects.toThrow('The data folder /x is not writable.');
    expect(killed).toBe(true);
  });
});
