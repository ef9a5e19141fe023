// Keeps something saved (the world, the settings) without ever letting a failed save take the door
// down. A save that throws (a full disk, a read-only folder, a folder where the file should be) is
// caught: the state stays in memory, the user is told once, the save is retried with a growing
// delay, and the user is told again when it works (issue 18: a full disk used to kill the browser
// host from inside the clock tick). The store is responsible for leaving its last good copy intact.
import type { WallTimer } from './clock-driver';

/** The first retry after a failed save, doubled after each further failure up to RETRY_MAX_MS. */
export const RETRY_FIRST_MS = 1000;
export const RETRY_MAX_MS = 60_000;

export interface AutosaveOptions {
  /** Writes the current state; throws when it could not be kept. */
  write(): void;
  timer: WallTimer;
  /** Least wall time between two saves while changes keep coming (0: save every change at once). */
  intervalMs: number;
  /** What is saved, as the subject of a sentence: "The world", "Your settings". */
  what: string;
  notify(level: 'error' | 'info', message: string): void;
}

export class Autosave {
  private dirty = false;
  private lastSave = -Infinity;
  /** Set while saving fails: the delay before the next attempt, and how to cancel that attempt. */
  private failure?: { delayMs: number; reason: string; cancelRetry: () => void };

  constructor(private readonly o: AutosaveOptions) {}

  /** Whether the last attempt failed (the state is in memory only until a retry works). */
  get failing(): boolean {
    return this.failure !== undefined;
  }

  /** Something changed: it is saved now, unless a save ran less than intervalMs ago or a retry is scheduled. */
  changed(): void {
    this.dirty = true;
    this.saveIfDue();
  }

  /** Saves pending changes once the interval has passed; while failing, the retry timer decides. */
  saveIfDue(): void {
    if (!this.dirty || this.failure) return;
    if (this.o.timer.now() - this.lastSave >= this.o.intervalMs) this.save();
  }

  /** Marks the state changed and saves it now, whatever the interval or backoff (a lab replaced the world). */
  saveNow(): void {
    this.dirty = true;
    this.flush();
  }

  /**
   * Saves now if anything is unsaved (shutdown). Returns undefined when everything is kept, else
   * why it is not, in words.
   */
  flush(): string | undefined {
    if (this.dirty) this.save();
    return this.failure ? `${this.o.what} could not be saved (${this.failure.reason}); the changes since the last successful save are lost.` : undefined;
  }

  /** Stops retrying (the door is closing); flush first to keep the latest state. */
  dispose(): void {
    this.failure?.cancelRetry();
  }

  private save(): void {
    try {
      this.o.write();
    } catch (err) {
      this.failed(err);
      return;
    }
    this.dirty = false;
    this.lastSave = this.o.timer.now();
    if (this.failure) {
      this.failure.cancelRetry();
      this.failure = undefined;
      this.o.notify('info', `${this.o.what} is saved again; nothing was lost.`);
    }
  }

  private failed(err: unknown): void {
    const reason = err instanceof Error ? err.message : String(err);
    const previous = this.failure;
    previous?.cancelRetry();
    const delayMs = previous ? Math.min(RETRY_MAX_MS, previous.delayMs * 2) : RETRY_FIRST_MS;
    this.failure = { delayMs, reason, cancelRetry: once(this.o.timer, delayMs, () => this.save()) };
    // Told once per spell of failures, however many retries fail the same way.
    if (!previous) {
      this.o.notify(
        'error',
        `${this.o.what} could not be saved (${reason}). The console keeps running and keeps your changes in memory; it tries again in ${RETRY_FIRST_MS / 1000} s, then less often (at least once a minute), and tells you when saving works again.`,
      );
    }
  }
}

/** Runs fn once after ms (WallTimer only repeats); the returned function cancels it. */
function once(timer: WallTimer, ms: number, fn: () => void): () => void {
  let stop: (() => void) | undefined;
  const cancel = (): void => {
    const s = stop;
    stop = undefined;
    s?.();
  };
  stop = timer.every(ms, () => {
    cancel();
    fn();
  });
  return cancel;
}
