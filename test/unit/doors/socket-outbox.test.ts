// The outbox's coalescing rules, against a socket whose buffer the test fills and drains by hand
// (the real-socket behaviour is in web-host-slow-reader.test.ts).
import { describe, expect, it, vi } from 'vitest';
import { SLOW_CONSUMER_CLOSE_CODE, SocketOutbox, type OutboxSocket } from '../../../doors/web/socket-outbox';
import type { EngineEvent } from '../../../engine/contract';

function fakeSocket() {
  const sent: string[] = [];
  const callbacks: (() => void)[] = [];
  const socket = {
    bufferedAmount: 0,
    readyState: 1,
    paused: false,
    closed: undefined as { code: number; reason: string } | undefined,
    send(data: string, cb?: () => void) {
      sent.push(data);
      socket.bufferedAmount += data.length;
      if (cb) callbacks.push(cb);
    },
    pause() {
      socket.paused = true;
    },
    resume() {
      socket.paused = false;
    },
    close(code: number, reason: string) {
      socket.closed = { code, reason };
    },
    terminate() {},
    /** The client read everything. */
    drain() {
      socket.bufferedAmount = 0;
      for (const cb of callbacks.splice(0)) cb();
    },
  };
  return { socket: socket satisfies OutboxSocket, sent };
}

const limits = { softBytes: 200, hardBytes: 1000, maxPendingItems: 3, closeGraceMs: 10 };
const log = (seq: number): EngineEvent => ({ type: 'log', entries: [{ seq } as never] });
const text = (e: EngineEvent) => JSON.stringify({ kind: 'event', event: e });
const events = (sent: string[]) => sent.map((s) => (JSON.parse(s) as { event: EngineEvent }).event);

describe('SocketOutbox', () => {
  it("keeps log entries in order and a lab's worldReplaced while behind, and stops reading the socket", () => {
    const { socket, sent } = fakeSocket();
    const outbox = new SocketOutbox(socket, limits);
    outbox.result({ kind: 'result', id: 1, result: { ok: true, value: 'x'.repeat(300) } });
    expect(outbox.isBehind).toBe(true);
    expect(socket.paused).toBe(true);
    const labA = { type: 'lab', view: null, listing: [], worldReplaced: true } as unknown as EngineEvent;
    const labB = { type: 'lab', view: null, listing: [], worldReplaced: false } as unknown as EngineEvent;
    for (const e of [log(1), labA, log(2), labB]) outbox.event(e, text(e));
    expect(sent).toHaveLength(1);
    socket.drain();
    expect(socket.paused).toBe(false);
    expect(events(sent.slice(1))).toEqual([
      { type: 'log', entries: [{ seq: 1 }, { seq: 2 }] },
      { type: 'lab', view: null, listing: [], worldReplaced: true },
    ]);
  });

  it('keeps the latest scenario status while behind, with worldReplaced if any of them replaced the world', () => {
    const { socket, sent } = fakeSocket();
    const outbox = new SocketOutbox(socket, limits);
    outbox.result({ kind: 'result', id: 1, result: { ok: true, value: 'x'.repeat(300) } });
    const a = { type: 'scenario', status: { name: 'A' }, worldReplaced: true } as unknown as EngineEvent;
    const b = { type: 'scenario', status: { name: 'B' }, worldReplaced: false } as unknown as EngineEvent;
    for (const e of [a, b]) outbox.event(e, text(e));
    socket.drain();
    expect(events(sent.slice(1))).toEqual([{ type: 'scenario', status: { name: 'B' }, worldReplaced: true }]);
  });

  it('closes with 1013 and a reason once more log entries wait than it keeps', () => {
    vi.useFakeTimers();
    const { socket } = fakeSocket();
    const terminate = vi.spyOn(socket, 'terminate');
    const why: string[] = [];
    const outbox = new SocketOutbox(socket, limits, (w) => why.push(w));
    outbox.result({ kind: 'result', id: 1, result: { ok: true, value: 'x'.repeat(300) } });
    for (let seq = 1; seq <= 4; seq++) outbox.event(log(seq), text(log(seq)));
    expect(socket.closed).toEqual({ code: SLOW_CONSUMER_CLOSE_CODE, reason: expect.stringMatching(/fell behind/) });
    expect(why).toEqual(['more than 3 log entries were waiting']);
    vi.advanceTimersByTime(10);
    expect(terminate).toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('drops progress that a newer snapshot already holds', () => {
    const { socket, sent } = fakeSocket();
    const outbox = new SocketOutbox(socket, limits);
    outbox.result({ kind: 'result', id: 1, result: { ok: true, value: 'x'.repeat(300) } });
    const clock = { now: 1 } as never;
    const jobs: EngineEvent = { type: 'jobs', jobs: [{ id: '1' } as never], clock };
    const world = { type: 'world', view: { jobs: [] } } as unknown as EngineEvent;
    const tick: EngineEvent = { type: 'clock', clock };
    for (const e of [jobs, tick, world, tick]) outbox.event(e, text(e));
    socket.drain();
    expect(events(sent.slice(1)).map((e) => e.type)).toEqual(['world', 'clock']);
  });
});
