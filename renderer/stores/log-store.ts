// The engine's event log (Hyper-V-VMMS-style entries) as the Event Log pane shows it: loaded with
// the 'eventLog' query when the console (re)connects, then kept up to date by 'log' events.
// Entries are kept in sequence order, without duplicates, at most LOG_KEEP of them (the engine
// keeps 10,000 too).
import { action, computed, makeObservable, observable } from 'mobx';
import type { Bridge, ContractError } from '../../engine/contract';
import type { LogEntry } from '../../engine/model/jobs';

export type LogLevel = LogEntry['level'];
export const LOG_LEVELS: readonly LogLevel[] = ['Error', 'Warning', 'Information'];
export const LOG_KEEP = 10_000;

export class LogStore {
  /** Oldest first. Replaced, never mutated, so views can hold on to one version. */
  entries: readonly LogEntry[] = [];
  readonly levels = observable.set<LogLevel>(LOG_LEVELS);
  loadError: ContractError | undefined = undefined;
  private lastSeq = 0;
  private loading: Promise<void> | undefined;

  constructor(private readonly bridge: Pick<Bridge, 'query'>) {
    makeObservable<LogStore, 'merge'>(this, {
      entries: observable.ref,
      loadError: observable.ref,
      merge: action,
      add: action,
      toggleLevel: action,
      clear: action,
      visible: computed,
      counts: computed,
    });
  }

  /**
   * Catches up with the engine: what was logged since the last entry we have. When the engine's
   * log is behind ours (a different saved world was loaded), starts over.
   */
  sync(engineLogSeq?: number): Promise<void> {
    if (engineLogSeq !== undefined && engineLogSeq < this.lastSeq) this.clear();
    this.loading ??= (async () => {
      try {
        const result = await this.bridge.query({ name: 'eventLog', sinceSeq: this.lastSeq });
        action(() => {
          if (result.ok) {
            this.loadError = undefined;
            this.merge(result.value);
          } else {
            this.loadError = result.error;
          }
        })();
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  /** New entries from a 'log' event. */
  add(entries: readonly LogEntry[]): void {
    this.merge(entries);
  }

  toggleLevel(level: LogLevel): void {
    if (this.levels.has(level)) this.levels.delete(level);
    else this.levels.add(level);
  }

  clear(): void {
    this.entries = [];
    this.lastSeq = 0;
  }

  /** Newest first, only the levels the filter lets through. */
  get visible(): readonly LogEntry[] {
    const out: LogEntry[] = [];
    const all = this.entries;
    const levels = this.levels;
    for (let i = all.length - 1; i >= 0; i--) {
      const e = all[i]!;
      if (levels.has(e.level)) out.push(e);
    }
    return out;
  }

  get counts(): Record<LogLevel, number> {
    const counts: Record<LogLevel, number> = { Error: 0, Warning: 0, Information: 0 };
    for (const e of this.entries) counts[e.level] += 1;
    return counts;
  }

  entry(seq: number): LogEntry | undefined {
    // Entries are in seq order: binary search.
    const all = this.entries;
    let lo = 0;
    let hi = all.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = all[mid]!.seq;
      if (s === seq) return all[mid];
      if (s < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  private merge(incoming: readonly LogEntry[]): void {
    if (incoming.length === 0) return;
    let next: LogEntry[];
    if (incoming.every((e, i) => e.seq > this.lastSeq && (i === 0 || e.seq > incoming[i - 1]!.seq))) {
      next = [...this.entries, ...incoming];
    } else {
      // Out of order (an answer overtaken by events): merge by sequence number.
      const bySeq = new Map<number, LogEntry>();
      for (const e of this.entries) bySeq.set(e.seq, e);
      for (const e of incoming) bySeq.set(e.seq, e);
      next = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    }
    if (next.length > LOG_KEEP) next = next.slice(next.length - LOG_KEEP);
    this.entries = next;
    this.lastSeq = next.at(-1)?.seq ?? 0;
  }
}
