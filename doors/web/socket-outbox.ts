// One page's outgoing messages, with a memory budget. `ws` queues whatever send() is given, without
// limit: a client that stops reading (a frozen tab, a script that never reads its replies) grew the
// browser host from 230 MB to 4 GB in 20 s (issue 18). So each socket is watched:
//  - below SOFT bytes buffered, every message goes out as it comes;
//  - above it the socket is "behind": the host stops reading its requests (TCP pushes back on a
//    client that does not read its answers), and events are coalesced instead of queued — the
//    latest world snapshot, the latest state of each job, the latest clock and lab; log entries
//    and notices are kept in order up to a count. When the socket drains, the coalesced events
//    go out and reading resumes. The page sees the same end state, with fewer progress steps.
//  - above HARD bytes buffered (answers keep coming to requests already read), or when the
//    coalesced log or notices outgrow their caps, the socket is closed with 1013 "Try Again
//    Later" (RFC 6455 §7.4.2, IANA WebSocket close codes) and a reason; the page reconnects and
//    fetches a fresh snapshot, so nothing it shows is lost.
import type { EngineEvent, EventMessage, Response } from '../../engine/contract';

export interface OutboxLimits {
  /** Buffered bytes above which events are coalesced and the socket's requests are not read. */
  softBytes: number;
  /** Buffered bytes above which the socket is closed. Above one world snapshot (7 MB for 10,000 VMs). */
  hardBytes: number;
  /** Coalesced log entries or notices above which the socket is closed rather than hold more. */
  maxPendingItems: number;
  /** How long a closed slow socket may take to read its close frame before it is cut. */
  closeGraceMs: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = {
  softBytes: 1024 * 1024,
  hardBytes: 64 * 1024 * 1024,
  maxPendingItems: 10_000,
  closeGraceMs: 1000,
};

/** RFC 6455 registry: "Try Again Later". Not a refusal, so the page's bridge reconnects. */
export const SLOW_CONSUMER_CLOSE_CODE = 1013;
export const SLOW_CONSUMER_REASON = 'This page fell behind reading the console updates; reconnect for a fresh copy.';

/** The parts of a `ws` WebSocket the outbox uses. */
export interface OutboxSocket {
  readonly bufferedAmount: number;
  readonly readyState: number;
  send(data: string, cb?: (err?: Error) => void): void;
  pause(): void;
  resume(): void;
  close(code: number, reason: string): void;
  terminate(): void;
}

const OPEN = 1;

type Pending =
  | { type: 'world'; event: Extract<EngineEvent, { type: 'world' }> }
  | { type: 'jobs'; jobs: Map<string, Extract<EngineEvent, { type: 'jobs' }>['jobs'][number]>; clock: Extract<EngineEvent, { type: 'jobs' }>['clock'] }
  | { type: 'clock'; event: Extract<EngineEvent, { type: 'clock' }> }
  | { type: 'lab'; event: Extract<EngineEvent, { type: 'lab' }> }
  | { type: 'scenario'; event: Extract<EngineEvent, { type: 'scenario' }> }
  | { type: 'log'; entries: Extract<EngineEvent, { type: 'log' }>['entries'] }
  | { type: 'notice'; events: Extract<EngineEvent, { type: 'notice' }>[] };

export class SocketOutbox {
  private behind = false;
  private closed = false;
  /** Coalesced events by type, in the order each type first fell behind. */
  private readonly pending = new Map<EngineEvent['type'], Pending>();
  private readonly written = (err?: Error) => {
    if (!err && this.behind && this.socket.bufferedAmount <= this.limits.softBytes / 4) this.catchUp();
  };

  constructor(
    private readonly socket: OutboxSocket,
    private readonly limits: OutboxLimits = DEFAULT_OUTBOX_LIMITS,
    /** Closes or terminates; told once, e.g. to log it. */
    private readonly onSlowClose: (why: string) => void = () => {},
    /** Stops and restarts reading the page's requests (default: the socket's own pause and resume). */
    private readonly reading: Pick<OutboxSocket, 'pause' | 'resume'> = socket,
  ) {}

  /** Whether events are being coalesced now (for tests and the benchmark). */
  get isBehind(): boolean {
    return this.behind;
  }

  /** An answer to a request: never coalesced (the page waits for it). */
  result(message: Response): void {
    this.write(JSON.stringify(message));
  }

  /** An event for every page; `text` is its serialized message, shared by all sockets. */
  event(event: EngineEvent, text: string): void {
    if (this.closed) return;
    if (!this.behind) this.write(text);
    else this.coalesce(event);
  }

  private write(text: string): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    if (this.socket.bufferedAmount > this.limits.hardBytes) {
      this.closeSlow(`more than ${this.limits.hardBytes} bytes were waiting to be read`);
      return;
    }
    this.socket.send(text, this.written);
    if (!this.behind && this.socket.bufferedAmount > this.limits.softBytes) {
      this.behind = true;
      this.reading.pause();
    }
  }

  private coalesce(event: EngineEvent): void {
    switch (event.type) {
      case 'world':
        // A snapshot holds the jobs and the clock: what was pending of them is older.
        this.pending.delete('jobs');
        this.pending.delete('clock');
        this.pending.delete('world');
        this.pending.set('world', { type: 'world', event });
        return;
      case 'jobs': {
        const seen = this.pending.get('jobs');
        const jobs = seen?.type === 'jobs' ? seen.jobs : new Map<string, (typeof event.jobs)[number]>();
        for (const job of event.jobs) jobs.set(job.id, job);
        this.pending.set('jobs', { type: 'jobs', jobs, clock: event.clock });
        return;
      }
      case 'clock':
        this.pending.set('clock', { type: 'clock', event });
        return;
      case 'lab': {
        const seen = this.pending.get('lab');
        const worldReplaced = event.worldReplaced || (seen?.type === 'lab' && seen.event.worldReplaced);
        this.pending.set('lab', { type: 'lab', event: { ...event, worldReplaced } });
        return;
      }
      case 'scenario': {
        // The latest status says it all; a replaced world must still be refetched by the page.
        const seen = this.pending.get('scenario');
        const worldReplaced = event.worldReplaced || (seen?.type === 'scenario' && seen.event.worldReplaced);
        this.pending.set('scenario', { type: 'scenario', event: { ...event, worldReplaced } });
        return;
      }
      case 'log': {
        const seen = this.pending.get('log');
        const entries = seen?.type === 'log' ? seen.entries : [];
        entries.push(...event.entries);
        this.pending.set('log', { type: 'log', entries });
        if (entries.length > this.limits.maxPendingItems) this.closeSlow(`more than ${this.limits.maxPendingItems} log entries were waiting`);
        return;
      }
      case 'notice': {
        const seen = this.pending.get('notice');
        const events = seen?.type === 'notice' ? seen.events : [];
        events.push(event);
        this.pending.set('notice', { type: 'notice', events });
        if (events.length > this.limits.maxPendingItems) this.closeSlow(`more than ${this.limits.maxPendingItems} notices were waiting`);
        return;
      }
    }
  }

  private catchUp(): void {
    this.behind = false;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      for (const event of expand(p)) {
        // Sending may fall behind again midway: the rest is coalesced once more, in order.
        if (this.behind) this.coalesce(event);
        else this.write(JSON.stringify({ kind: 'event', event } satisfies EventMessage));
      }
    }
    if (!this.behind && !this.closed) this.reading.resume();
  }

  private closeSlow(why: string): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.onSlowClose(why);
    this.socket.close(SLOW_CONSUMER_CLOSE_CODE, SLOW_CONSUMER_REASON);
    // A client that reads nothing will not read the close frame either: cut it so its buffer goes.
    setTimeout(() => this.socket.terminate(), this.limits.closeGraceMs).unref?.();
  }
}

function expand(p: Pending): EngineEvent[] {
  switch (p.type) {
    case 'jobs':
      return [{ type: 'jobs', jobs: [...p.jobs.values()], clock: p.clock }];
    case 'log':
      return [{ type: 'log', entries: p.entries }];
    case 'notice':
      return p.events;
    default:
      return [p.event];
  }
}
