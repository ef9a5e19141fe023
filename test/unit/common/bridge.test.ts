// createBridge (engine/common/bridge.ts) over fake transports: the one implementation of the Bridge
// that the WebSocket, the desktop preload and the tests' clients share.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, Request } from '../../../engine/contract';
import { createBridge } from '../../../engine/common/bridge';

/** A message transport (like a WebSocket): requests are recorded, answers arrive through receive(). */
function messageTransport() {
  const sent: Request[] = [];
  const bridge = createBridge((request) => {
    sent.push(request);
  });
  return { bridge, sent };
}

const clock = { now: 5, speed: 1, idle: true } as const;

describe('createBridge over a message transport', () => {
  it('numbers requests 1, 2, 3… and sends each as one contract Request', () => {
    const { bridge, sent } = messageTransport();
    void bridge.query({ name: 'clock' });
    void bridge.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01' } });
    void bridge.run('Get-VM');
    void bridge.lab({ type: 'list' });
    void bridge.scenario({ type: 'status' });
    void bridge.clock({ action: 'runUntilIdle' });
    expect(sent).toEqual([
      { kind: 'query', id: 1, query: { name: 'clock' } },
      { kind: 'invoke', id: 2, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01' } } },
      { kind: 'run', id: 3, text: 'Get-VM' },
      { kind: 'lab', id: 4, action: { type: 'list' } },
      { kind: 'scenario', id: 5, action: { type: 'status' } },
      { kind: 'clock', id: 6, control: { action: 'runUntilIdle' } },
    ]);
    expect(bridge.pendingCount).toBe(6);
  });

  it('matches answers that arrive out of order to their requests by id', async () => {
    const { bridge } = messageTransport();
    const first = bridge.query({ name: 'clock' });
    const second = bridge.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01' } });
    const third = bridge.query({ name: 'jobs' });
    bridge.receive({ kind: 'result', id: 3, result: { ok: true, value: [] } });
    bridge.receive({ kind: 'result', id: 1, result: { ok: true, value: clock } });
    bridge.receive({ kind: 'result', id: 2, result: { ok: false, error: { code: 'CommandRefused', message: 'no' } } });
    expect(await first).toEqual({ ok: true, value: clock });
    expect(await second).toEqual({ ok: false, error: { code: 'CommandRefused', message: 'no' } });
    expect(await third).toEqual({ ok: true, value: [] });
    expect(bridge.pendingCount).toBe(0);
  });

  it('ignores answers to no pending request, and a second answer to the same id', async () => {
    const { bridge } = messageTransport();
    const a = bridge.query({ name: 'jobs' });
    bridge.receive({ kind: 'result', id: 99, result: { ok: true, value: 'stray' } });
    bridge.receive({ kind: 'result', id: 1, result: { ok: true, value: [] } });
    bridge.receive({ kind: 'result', id: 1, result: { ok: true, value: 'late duplicate' } });
    expect(await a).toEqual({ ok: true, value: [] });
  });

  it('a transport drop fails every pending request with the message it gives, and later answers change nothing', async () => {
    const { bridge } = messageTransport();
    const a = bridge.query({ name: 'world' });
    const b = bridge.run('Move-VM WEB01 HV02');
    bridge.failPending('The connection to the engine was lost before it answered.');
    const lost = { ok: false, error: { code: 'Internal', message: 'The connection to the engine was lost before it answered.' } };
    expect(await a).toEqual(lost);
    expect(await b).toEqual(lost);
    bridge.receive({ kind: 'result', id: 1, result: { ok: true, value: 'too late' } });
    expect(bridge.pendingCount).toBe(0);
    // The next request gets a new id: an old answer can never be taken for it.
    const sent: Request[] = [];
    const again = createBridge((r) => void sent.push(r));
    void again.query({ name: 'jobs' });
    expect(sent[0]!.id).toBe(1);
  });

  it("a request the transport cannot send fails at once with the transport's own words", async () => {
    const bridge = createBridge(() => {
      throw new Error('The console is not connected to the engine, so nothing was sent.');
    });
    expect(await bridge.query({ name: 'jobs' })).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'The console is not connected to the engine, so nothing was sent.' },
    });
    expect(bridge.pendingCount).toBe(0);
  });

  it('a malformed answer fails its request, naming what is wrong, instead of resolving with it', async () => {
    const { bridge } = messageTransport();
    const a = bridge.query({ name: 'jobs' });
    const b = bridge.query({ name: 'jobs' });
    bridge.receive({ kind: 'result', id: 1, result: { ok: false, error: { code: 'Teapot', message: 'x' } } });
    bridge.receive({ kind: 'result', id: 2, result: { value: [] } });
    const ra = await a;
    const rb = await b;
    expect(ra.ok).toBe(false);
    expect(rb.ok).toBe(false);
    if (!ra.ok) expect(ra.error.message).toMatch(/^The engine answered with something the console cannot read \(result\.error\.code: .*\)\.$/);
    if (!rb.ok) expect(rb.error.message).toMatch(/cannot read \(result/);
  });

  it('hands events to every listener until it unsubscribes; a listener that throws does not stop the others', () => {
    const { bridge } = messageTransport();
    const seen: EngineEvent[] = [];
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const off = bridge.subscribe((e) => seen.push(e));
      bridge.subscribe(() => {
        throw new Error('listener bug');
      });
      const event: EngineEvent = { type: 'clock', clock };
      bridge.receive({ kind: 'event', event });
      bridge.receive({ kind: 'event', event: { type: 'not-an-event' } });
      bridge.receive({ kind: 'something else' });
      bridge.receive('not even an object');
      off();
      off();
      bridge.receive({ kind: 'event', event });
      expect(seen).toEqual([event]);
      expect(errors).toHaveLength(2);
    } finally {
      console.error = original;
    }
    expect(() => bridge.subscribe('not a function' as never)).toThrow(TypeError);
  });

  it('tells the transport once, when the first listener subscribes', () => {
    let told = 0;
    const bridge = createBridge(() => {}, { onFirstListener: () => void told++ });
    expect(told).toBe(0);
    bridge.subscribe(() => {});
    bridge.subscribe(() => {});
    expect(told).toBe(1);
  });
});

describe('createBridge over a request/response transport', () => {
  it('takes the answer the transport returns, and checks that it answers this request', async () => {
    const bridge = createBridge((request) => Promise.resolve({ kind: 'result', id: request.id === 2 ? 7 : request.id, result: { ok: true, value: clock } }));
    expect(await bridge.clock({ action: 'setSpeed', speed: 1 })).toEqual({ ok: true, value: clock });
    const wrong = await bridge.clock({ action: 'setSpeed', speed: 1 });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'The engine answered with something the console cannot read: it answered request 7 instead of 2.' },
    });
  });

  it("a rejected send fails the request with the rejection's message", async () => {
    const bridge = createBridge(() => Promise.reject(new Error('The desktop bridge failed: No handler registered')));
    expect(await bridge.query({ name: 'jobs' })).toEqual({
      ok: false,
      error: { code: 'Internal', message: 'The desktop bridge failed: No handler registered' },
    });
  });
});
