// Simulated time and the event queue (docs/design.md, "The simulation kernel"). Deterministic: the
// engine never reads the wall clock; a door drives time with advance(ms). Events at the same
// instant run in the order they were scheduled. Time is in simulated milliseconds.
//
// The queue is a binary heap ordered by (time, scheduling sequence). cancel() is O(1): it marks
// the event dead and forgets it; dead events are dropped when they reach the top, and the heap is
// compacted when more than half of it is dead, so a model that reschedules often (the flow
// network moves its "next completion" event at every rate change) does not grow the queue.
export type EventHandle = number;

interface ScheduledEvent {
  at: number;
  seq: number;
  /** null once cancelled or run. */
  run: (() => void) | null;
}

export class Simulator {
  private nowMs: number;
  private seq = 0;
  private heap: ScheduledEvent[] = [];
  /** Live (scheduled, not yet run, not cancelled) events by handle. */
  private live = new Map<number, ScheduledEvent>();
  private ran = 0;

  constructor(startMs = 0) {
    if (!Number.isFinite(startMs)) throw new RangeError(`start time must be finite, got ${startMs}`);
    this.nowMs = startMs;
  }

  get now(): number {
    return this.nowMs;
  }

  /** Number of events scheduled and not yet run or cancelled. */
  get pending(): number {
    return this.live.size;
  }

  /** Number of events run since this simulator was created (for benchmarks and diagnostics). */
  get eventsRun(): number {
    return this.ran;
  }

  /** Schedules `run` at simulated time `at` (ms); a time in the past means "now". */
  schedule(at: number, run: () => void): EventHandle {
    if (!Number.isFinite(at)) throw new RangeError(`event time must be finite, got ${at}`);
    const event: ScheduledEvent = { at: at > this.nowMs ? at : this.nowMs, seq: this.seq++, run };
    this.live.set(event.seq, event);
    this.push(event);
    return event.seq;
  }

  /** Cancels a scheduled event; a handle that already ran or was cancelled is ignored. */
  cancel(handle: EventHandle): void {
    const event = this.live.get(handle);
    if (!event) return;
    event.run = null;
    this.live.delete(handle);
    if (this.heap.length > 64 && this.live.size * 2 < this.heap.length) this.compact();
  }

  /** Runs every event due up to now + ms, then leaves the clock at now + ms. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`advance needs a finite non-negative duration, got ${ms}`);
    const until = this.nowMs + ms;
    for (;;) {
      const top = this.peek();
      if (!top || top.at > until) break;
      this.runTop(top);
    }
    this.nowMs = until;
  }

  /** Runs events until none is left (or the limit is hit, to stop a runaway model). */
  runUntilIdle(maxEvents = 10_000_000): void {
    for (let count = 0; count < maxEvents; count++) {
      const top = this.peek();
      if (!top) return;
      this.runTop(top);
    }
  }

  nextEventAt(): number | undefined {
    return this.peek()?.at;
  }

  private peek(): ScheduledEvent | undefined {
    const h = this.heap;
    while (h.length && h[0]!.run === null) this.pop();
    return h[0];
  }

  private runTop(top: ScheduledEvent): void {
    this.pop();
    const run = top.run!;
    top.run = null;
    this.live.delete(top.seq);
    this.nowMs = top.at;
    this.ran++;
    run();
  }

  private compact(): void {
    const kept = this.heap.filter((e) => e.run !== null);
    kept.sort((a, b) => a.at - b.at || a.seq - b.seq); // a sorted array is a valid heap
    this.heap = kept;
  }

  private push(e: ScheduledEvent): void {
    const h = this.heap;
    let i = h.length;
    h.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p]!;
      if (parent.at < e.at || (parent.at === e.at && parent.seq < e.seq)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = e;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      let me = h[l]!;
      if (r < n) {
        const re = h[r]!;
        if (re.at < me.at || (re.at === me.at && re.seq < me.seq)) {
          m = r;
          me = re;
        }
      }
      if (last.at < me.at || (last.at === me.at && last.seq < me.seq)) break;
      h[i] = me;
      i = m;
    }
    h[i] = last;
  }
}
