// Simulated time and the event queue (DESIGN.md, "The simulation kernel"). Deterministic: the
// engine never reads the wall clock; a door drives time with advance(ms). Events at the same
// instant run in the order they were scheduled.
export type EventHandle = number;

interface ScheduledEvent {
  at: number;
  seq: number;
  run: () => void;
}

export class Simulator {
  private nowMs: number;
  private seq = 0;
  private heap: ScheduledEvent[] = [];
  private cancelled = new Set<number>();

  constructor(startMs = 0) {
    this.nowMs = startMs;
  }

  get now(): number {
    return this.nowMs;
  }

  get pending(): number {
    return this.heap.length - this.cancelled.size;
  }

  schedule(at: number, run: () => void): EventHandle {
    if (!Number.isFinite(at)) throw new RangeError(`event time must be finite, got ${at}`);
    const event = { at: Math.max(at, this.nowMs), seq: this.seq++, run };
    this.push(event);
    return event.seq;
  }

  cancel(handle: EventHandle): void {
    if (this.heap.some((e) => e.seq === handle)) this.cancelled.add(handle);
  }

  /** Runs every event due up to now + ms, then leaves the clock at now + ms. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`advance needs a non-negative duration, got ${ms}`);
    const until = this.nowMs + ms;
    this.runWhile((at) => at <= until);
    this.nowMs = until;
  }

  /** Runs events until none is left (or the limit is hit, to stop a runaway model). */
  runUntilIdle(maxEvents = 10_000_000): void {
    let count = 0;
    this.runWhile(() => count++ < maxEvents);
  }

  nextEventAt(): number | undefined {
    this.dropCancelledTop();
    return this.heap[0]?.at;
  }

  private runWhile(accept: (at: number) => boolean): void {
    for (;;) {
      this.dropCancelledTop();
      const top = this.heap[0];
      if (!top || !accept(top.at)) return;
      this.pop();
      this.nowMs = top.at;
      top.run();
    }
  }

  private dropCancelledTop(): void {
    while (this.heap.length && this.cancelled.has(this.heap[0]!.seq)) {
      this.cancelled.delete(this.heap[0]!.seq);
      this.pop();
    }
  }

  private less(a: ScheduledEvent, b: ScheduledEvent): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(e: ScheduledEvent): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
