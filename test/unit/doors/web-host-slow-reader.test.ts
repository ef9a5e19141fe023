// Issue 18 "Load": a client that stops reading must not grow the browser host without bound, nor
// hold up the other pages. Real sockets on loopback; the slow client pauses its TCP socket.
// Before the fix (ws queueing every message) the slow socket's buffer grew by every event sent
// while it was paused: here 6 snapshots of ~120 KB and 120 progress events, over 700 KB.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { EngineHost } from '../../../doors/common/engine-host';
import { startWebHost, type WebHost, type WebHostOptions } from '../../../doors/web/web-host';
import { generateWorld } from '../../../engine/model/generate-world';
import type { EngineState } from '../../../engine/engine';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import type { EngineEvent } from '../../../engine/contract';
import { manualTimer } from '../../support/manual-timer';

interface Client {
  ws: WebSocket;
  events: EngineEvent[];
  results: number[];
  tcp: Socket;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp(extra: Partial<WebHostOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hvlab-slow-'));
  mkdirSync(join(dir, 'renderer'));
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>t</title>');
  // A world whose snapshot is big enough (~120 KB) that a few of them show in the buffer.
  const decoded = decodeState(
    encodeState({ world: generateWorld({ hosts: 20, vms: 200, seed: 7 }) as unknown as EngineState['world'], jobs: [], log: [], now: 0 }),
  );
  if (!decoded.ok) throw new Error(decoded.reason);
  const state = decoded.state;
  const wall = manualTimer();
  const host = new EngineHost({ timer: wall.timer, store: { load: () => ({ state }), save: () => {} } });
  const slowClosed: string[] = [];
  const web = await startWebHost({ engineHost: host, rendererDir: join(dir, 'renderer'), onSlowConsumer: (why) => slowClosed.push(why), ...extra });
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => host.dispose(),
    () => web.close(),
  );
  return { host, web, wall, slowClosed };
}

async function connect(web: WebHost): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${web.port}/bridge?token=${web.token}`);
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const client: Client = { ws, events: [], results: [], tcp: (ws as unknown as { _socket: Socket })._socket };
  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as { kind: string; id: number; event: EngineEvent };
    if (m.kind === 'event') client.events.push(m.event);
    else client.results.push(m.id);
  });
  return client;
}

const turn = () => new Promise((resolve) => setTimeout(resolve, 5));

async function until(what: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out');
    await turn();
  }
}

describe('browser host with a client that stops reading', () => {
  it("keeps the slow socket's buffer bounded, coalesces its updates, and keeps the other pages fed", async () => {
    const { web, wall } = await setUp();
    const fast = await connect(web);
    const slow = await connect(web);
    await until(() => web.sockets().length === 2);

    // The slow page stops reading, then asks for snapshots it will not read: its answers fill the
    // kernel's buffers and then the host's, until the host says it is behind.
    slow.tcp.pause();
    let id = 1;
    while (!web.sockets().some((s) => s.behind) && id < 400) {
      slow.ws.send(JSON.stringify({ kind: 'query', id: id++, query: { name: 'world' } }));
      await turn();
    }
    expect(web.sockets().some((s) => s.behind)).toBe(true);
    const asked = id - 1;
    const slowBuffer = () => web.sockets().find((s) => s.behind)!.bufferedAmount;
    const atStart = slowBuffer();

    // A move runs (progress at every tick) and the world changes several times (a snapshot each).
    const move = await ask(fast, { kind: 'run', id: 10_000, text: 'Move-VMStorage -VMName VM00001 -DestinationStoragePath C:\\Moved -ComputerName HV0001' });
    expect(move).toBe(true);
    let peak = atStart;
    const fastJobsBefore = fast.events.filter((e) => e.type === 'jobs').length;
    for (let t = 0; t < 120; t++) {
      wall.pass(250);
      if (t % 20 === 0)
        fast.ws.send(
          JSON.stringify({
            kind: 'invoke',
            id: 20_000 + t,
            command: { cmdlet: 'Set-VM', params: { Name: 'VM00002', ComputerName: 'HV0002', Notes: `note ${t}` } },
          }),
        );
      await turn();
      peak = Math.max(peak, slowBuffer());
    }
    // Nothing more was queued for the slow page while it was behind...
    expect(peak - atStart).toBeLessThan(16 * 1024);
    // ...while the page that reads got every tick's progress and every snapshot.
    await until(() => fast.events.filter((e) => e.type === 'world').length >= 6);
    expect(fast.events.filter((e) => e.type === 'jobs').length - fastJobsBefore).toBeGreaterThanOrEqual(100);

    // The slow page reads again: every answer arrives, then one coalesced copy of what it missed,
    // ending in the same state the fast page saw.
    const slowEventsBefore = slow.events.length;
    slow.tcp.resume();
    await until(() => slow.results.length === asked && !web.sockets().some((s) => s.behind));
    await until(() => slow.events.some((e, i) => i >= slowEventsBefore && e.type === 'world'));
    const missed = slow.events.slice(slowEventsBefore);
    expect(missed.filter((e) => e.type === 'world')).toHaveLength(1);
    expect(missed.filter((e) => e.type === 'jobs').length).toBeLessThanOrEqual(1);
    const lastWorld = (events: EngineEvent[]) => events.filter((e) => e.type === 'world').at(-1) as Extract<EngineEvent, { type: 'world' }>;
    expect(lastWorld(missed).view.world.vms.find((v) => v.name === 'VM00002')!.notes).toBe('note 100');
    const lastJob = (events: EngineEvent[]) => (events.filter((e) => e.type === 'jobs').at(-1) as Extract<EngineEvent, { type: 'jobs' }>).jobs[0];
    expect(lastJob(missed)).toEqual(lastJob(fast.events));
    // And it is read from again: a new question gets its answer.
    expect(await ask(slow, { kind: 'query', id: 30_000, query: { name: 'clock' } })).toBe(true);
  });

  it("answers a page's requests one per turn, so a page sending hundreds at once does not hold up another", async () => {
    const { host, web } = await setUp();
    const busy = await connect(web);
    const other = await connect(web);
    // Which page's request the host answered, in order.
    const order: number[] = [];
    const respond = host.respond.bind(host);
    host.respond = (raw) => {
      order.push((raw as { id: number }).id);
      return respond(raw);
    };
    // 500 requests in one go arrive in one or two TCP reads; before, the host answered all of a
    // read's requests before looking at any other socket, so the other page came 501st.
    for (let i = 1; i <= 500; i++) busy.ws.send(JSON.stringify({ kind: 'query', id: i, query: { name: 'jobs' } }));
    await until(() => order.length > 0);
    expect(await ask(other, { kind: 'query', id: 9999, query: { name: 'clock' } })).toBe(true);
    expect(order.indexOf(9999)).toBeLessThan(100);
    await until(() => busy.results.length === 500);
  });

  it('closes a socket whose unread answers pass the cap, and the other pages carry on', async () => {
    const { web, wall, slowClosed } = await setUp({ outboxLimits: { softBytes: 64 * 1024, hardBytes: 1024 * 1024, maxPendingItems: 100, closeGraceMs: 200 } });
    const fast = await connect(web);
    const slow = await connect(web);
    const slowClosedAt = new Promise<void>((resolve) => slow.ws.once('close', () => resolve()));
    slow.tcp.pause();
    // 300 snapshots of ~120 KB asked at once, never read: far past the 1 MiB cap.
    for (let i = 1; i <= 300; i++) slow.ws.send(JSON.stringify({ kind: 'query', id: i, query: { name: 'world' } }));
    await until(() => slowClosed.length === 1);
    expect(slowClosed[0]).toMatch(/more than 1048576 bytes were waiting/);
    await until(() => web.sockets().length === 1);
    slow.tcp.resume();
    await slowClosedAt;
    const before = fast.events.length;
    wall.pass(1000);
    await until(() => fast.events.length >= before + 4);
    expect(await ask(fast, { kind: 'query', id: 5, query: { name: 'clock' } })).toBe(true);
  });
});

async function ask(client: Client, msg: { id: number } & Record<string, unknown>): Promise<boolean> {
  const ok = new Promise<boolean>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const m = JSON.parse(data.toString()) as { kind: string; id: number; result: { ok: boolean } };
      if (m.kind === 'result' && m.id === msg.id) {
        client.ws.off('message', onMessage);
        resolve(m.result.ok);
      }
    };
    client.ws.on('message', onMessage);
  });
  client.ws.send(JSON.stringify(msg));
  return ok;
}
