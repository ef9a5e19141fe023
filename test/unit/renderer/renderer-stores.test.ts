// The renderer's logic without a browser: the WebSocket bridge (over a fake socket), the frame
// coalescing of job progress, the snapshot/event ordering of the RootStore, list sorting and the
// column formats. Runs in Node under Vitest.
import { describe, expect, it as test } from 'vitest';
import { reaction } from 'mobx';
import type { EngineEvent, WorldView } from '../../../engine/contract';
import { Job } from '../../../engine/model/jobs';
import type { Vm } from '../../../engine/model/world';
import { defaultWorld } from '../../../engine/model/default-world';
import { alwaysConnected, type ConnectionStatus, type LabBridge } from '../../../renderer/bridge/connection';
import { WebSocketBridge, type SocketLike } from '../../../renderer/bridge/websocket-bridge';
import { FrameBatch, type FrameScheduler } from '../../../renderer/stores/frame-batch';
import { JobStore, moveStatusText } from '../../../renderer/stores/job-store';
import { RootStore } from '../../../renderer/stores/root-store';
import { UiStore } from '../../../renderer/stores/ui-store';
import { sortVms } from '../../../renderer/stores/vm-list';
import { assignedMemoryText, cpuUsageText, uptimeText } from '../../../renderer/format/vm-columns';
import { timeSpanText } from '../../../engine/common/time-span';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: Event) => void) | null = null;
  onclose: ((ev: CloseEvent) => void) | null = null;
  onerror: ((ev: Event) => void) | null = null;
  onmessage: ((ev: MessageEvent) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.drop(1000);
  }
  open() {
    this.readyState = 1;
    this.onopen?.({} as Event);
  }
  drop(code = 1006, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason } as CloseEvent);
  }
  receive(msg: unknown) {
    this.onmessage?.({ data: JSON.stringify(msg) } as MessageEvent);
  }
}

function harness() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const statuses: ConnectionStatus[] = [];
  const bridge = new WebSocketBridge({
    url: 'ws://127.0.0.1:4800/bridge?token=t',
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    clearTimer: () => {},
    now: () => 0,
  });
  bridge.connection.onStatus((s) => statuses.push(s));
  return { bridge, sockets, timers, statuses };
}

describe('WebSocket bridge', () => {
  test('answers each request by id and forwards events', async () => {
    const { bridge, sockets } = harness();
    const socket = sockets[0]!;
    socket.open();
    const events: EngineEvent[] = [];
    bridge.subscribe((e) => events.push(e));
    const a = bridge.query({ name: 'clock' });
    const b = bridge.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01' } });
    expect(socket.sent).toEqual([
      { kind: 'query', id: 1, query: { name: 'clock' } },
      { kind: 'invoke', id: 2, command: { cmdlet: 'Start-VM', params: { Name: 'TEST01' } } },
    ]);
    socket.receive({ kind: 'result', id: 2, result: { ok: false, error: { code: 'CommandRefused', message: 'no' } } });
    socket.receive({ kind: 'event', event: { type: 'clock', clock: { now: 5, speed: 1, idle: true } } });
    socket.receive({ kind: 'result', id: 1, result: { ok: true, value: { now: 5, speed: 1, idle: true } } });
    expect(await b).toEqual({ ok: false, error: { code: 'CommandRefused', message: 'no' } });
    expect(await a).toEqual({ ok: true, value: { now: 5, speed: 1, idle: true } });
    expect(events).toEqual([{ type: 'clock', clock: { now: 5, speed: 1, idle: true } }]);
  });

  test('a drop fails pending requests, then reconnects with growing delays', async () => {
    const { bridge, sockets, timers, statuses } = harness();
    sockets[0]!.open();
    const pending = bridge.query({ name: 'world' });
    sockets[0]!.drop();
    const result = await pending;
    expect(result.ok).toBe(false);
    expect(statuses.at(-1)).toMatchObject({ phase: 'reconnecting', attempt: 1, detail: 'Disconnected from the engine — reconnecting…' });
    expect((await bridge.invoke({ cmdlet: 'Start-VM', params: { Name: 'TEST01' } })).ok).toBe(false); // nothing sent while down
    timers.shift()!.fn();
    sockets[1]!.drop();
    timers.shift()!.fn();
    sockets[2]!.drop();
    expect(timers.map((t) => t.ms)).toEqual([2000]);
    expect(statuses.filter((s) => s.phase === 'reconnecting').map((s) => s.attempt)).toEqual([1, 2, 3]);
    timers.shift()!.fn();
    sockets[3]!.open();
    expect(statuses.at(-1)).toMatchObject({ phase: 'connected' });
  });

  test('a first connection that never opens, a refusal, or no token is a failure page', async () => {
    const first = harness();
    first.sockets[0]!.drop();
    expect(first.statuses.at(-1)).toMatchObject({ phase: 'failed', retryable: true });
    expect(first.timers).toHaveLength(0);

    const refused = harness();
    refused.sockets[0]!.open();
    refused.sockets[0]!.drop(4401, 'wrong token');
    expect(refused.statuses.at(-1)).toMatchObject({ phase: 'failed' });

    const none = new WebSocketBridge({
      url: undefined,
      createSocket: () => {
        throw new Error('must not connect');
      },
    });
    expect(none.connection.status()).toMatchObject({ phase: 'failed', retryable: false });
  });
});

function job(id: string, percent: number, extra: Partial<Job> = {}): Job {
  return Job.parse({ id, cmdlet: 'Move-VMStorage', commandText: '', kind: 'StorageMove', vmId: 'vm-sql01', state: 'Running', percent, createdAt: 0, ...extra });
}

class ManualFrames implements FrameScheduler {
  queued: (() => void)[] = [];
  request(fn: () => void) {
    this.queued.push(fn);
  }
  frame() {
    const q = this.queued;
    this.queued = [];
    for (const fn of q) fn();
  }
}

describe('job progress', () => {
  test('is coalesced: the latest value per job, applied once per frame in one action', () => {
    const frames = new ManualFrames();
    const jobs = new JobStore(new FrameBatch(frames));
    const seen: string[] = [];
    const dispose = reaction(
      () => jobs.statusOf('vm-sql01'),
      (s) => seen.push(s),
    );
    for (let p = 1; p <= 50; p++) jobs.enqueue([job('j1', p), job('j2', p, { vmId: 'vm-web01', kind: 'LiveMigration' })]);
    expect(frames.queued).toHaveLength(1);
    expect(jobs.statusOf('vm-sql01')).toBe('');
    frames.frame();
    expect(seen).toEqual(['Moving storage (50%)']);
    expect(jobs.statusOf('vm-web01')).toBe('Migrating (50%)');
    jobs.replaceAll([]);
    jobs.enqueue([job('j1', 60)]);
    jobs.replaceAll([job('j1', 70)]); // a newer snapshot wins over queued (older) progress
    frames.frame();
    expect(jobs.statusOf('vm-sql01')).toBe('Moving storage (70%)');
    dispose();
  });

  test('status wording', () => {
    expect(moveStatusText({ kind: 'StorageMove', state: 'Running', percent: 37.9 })).toBe('Moving storage (37%)');
    expect(moveStatusText({ kind: 'LiveMigration', state: 'Running', percent: 37 })).toBe('Migrating (37%)');
    expect(moveStatusText({ kind: 'LiveMigration', state: 'Queued', percent: 0 })).toBe('Migrating (queued)');
  });
});

function fakeLabBridge(view: WorldView) {
  const listeners = new Set<(e: EngineEvent) => void>();
  let answer: ((v: unknown) => void) | undefined;
  const bridge: LabBridge = {
    connection: alwaysConnected('dev'),
    invoke: async () => ({ ok: true, value: { output: [], jobIds: [], warnings: [], commandText: '' } }),
    query: () =>
      new Promise((resolve) => {
        answer = resolve as (v: unknown) => void;
      }),
    clock: async () => ({ ok: true, value: view.clock }),
    run: async () => ({ ok: true, value: { statements: [] } }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    bridge,
    emit: (e: EngineEvent) => listeners.forEach((l) => l(e)),
    answer: () => answer?.({ ok: true, value: view }),
  };
}

describe('RootStore', () => {
  test('loads the snapshot, ignores older events meanwhile, then follows events', async () => {
    const view: WorldView = { contractVersion: 1, world: defaultWorld(), jobs: [], clock: { now: 1000, speed: 10, idle: true }, logSeq: 0 };
    const fake = fakeLabBridge(view);
    const frames = new ManualFrames();
    const root = new RootStore(fake.bridge, { scheduler: frames });
    root.start();
    fake.emit({ type: 'jobs', jobs: [job('old', 99)], clock: { now: 500, speed: 1, idle: false } });
    fake.answer();
    await new Promise((r) => setTimeout(r, 0));
    frames.frame();
    expect(root.jobs.all).toEqual([]);
    expect(root.clock.now).toBe(1000);
    expect(root.ui.selectedServerName).toBe('HV01'); // where the session is signed in
    expect(root.vmList.rows.map((v) => v.name)).toEqual(['DC01', 'SQL01', 'WEB01']);

    fake.emit({ type: 'jobs', jobs: [job('j1', 12)], clock: { now: 2000, speed: 10, idle: false } });
    frames.frame();
    expect(root.jobs.statusOf('vm-sql01')).toBe('Moving storage (12%)');
    expect(root.clock.now).toBe(2000);

    const moved = structuredClone(view.world);
    moved.vms.find((v) => v.name === 'WEB01')!.host = 'HV02';
    fake.emit({ type: 'world', view: { ...view, world: moved, clock: { now: 3000, speed: 0, idle: true } } });
    expect(root.vmList.rows.map((v) => v.name)).toEqual(['DC01', 'SQL01']);
    expect(root.clock.speed).toBe(10); // a world event's clock does not know the door's speed
    fake.emit({ type: 'notice', level: 'warning', message: 'settings file was unreadable' });
    expect(root.notices.items.map((n) => n.message)).toEqual(['settings file was unreadable']);
    root.dispose();
  });
});

describe('list and formats', () => {
  const vms = defaultWorld().vms;
  const name = (list: Vm[]) => list.map((v) => v.name);

  test('sorting puts blank cells last in both directions', () => {
    const off = vms.find((v) => v.name === 'TEST01')!;
    expect(name(sortVms(vms, { column: 'cpu', direction: 'ascending' }, () => ''))).toEqual(['DC01', 'APP01', 'WEB01', 'SQL01', 'TEST01']);
    expect(name(sortVms(vms, { column: 'cpu', direction: 'descending' }, () => ''))).toEqual(['SQL01', 'APP01', 'WEB01', 'DC01', 'TEST01']);
    expect(name(sortVms(vms, { column: 'name', direction: 'descending' }, () => ''))).toEqual(['WEB01', 'TEST01', 'SQL01', 'DC01', 'APP01']);
    expect(cpuUsageText(off)).toBe('');
    expect(assignedMemoryText(off)).toBe('');
  });

  test('Hyper-V formats', () => {
    const dc = vms.find((v) => v.name === 'DC01')!;
    expect(cpuUsageText(dc)).toBe('3 %');
    expect(assignedMemoryText(dc)).toBe('2048 MB');
    expect(uptimeText(dc, 3_723_000)).toBe('01:02:03');
    expect(timeSpanText(90_061_000)).toBe('1.01:01:01');
    expect(timeSpanText(0)).toBe('00:00:00');
  });

  test('UI choices persist (and bad stored values are ignored)', async () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const ui = new UiStore({ storage });
    ui.setPaneSize('tree', 5000);
    expect(ui.paneSizes.tree).toBe(480);
    ui.setThemePreference('dark');
    ui.sortBy('uptime');
    await new Promise((r) => setTimeout(r, 300));
    ui.dispose();
    const again = new UiStore({ storage });
    expect(again.paneSizes.tree).toBe(480);
    expect(again.theme).toBe('dark');
    expect(again.sort).toEqual({ column: 'uptime', direction: 'ascending' });
    again.dispose();
    data.set('hvlab.ui.v1', '{"paneSizes":{"tree":"wide"},"theme":"neon","sort":{"column":"x"}}');
    const third = new UiStore({ storage });
    expect(third.paneSizes.tree).toBe(190);
    expect(third.themePreference).toBe('system');
    third.dispose();
  });
});
