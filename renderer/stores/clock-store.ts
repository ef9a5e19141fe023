// Simulated time as the engine reports it. The renderer never advances it; it shows it and asks the
// door to change speed.
import { action, makeObservable, observable } from 'mobx';
import type { ClockState } from '../../engine/contract';
import type { FrameBatch } from './frame-batch';

export type ClockSpeed = ClockState['speed'];
export const CLOCK_SPEEDS: readonly ClockSpeed[] = [0, 1, 10, 60, 600];

export class ClockStore {
  now = 0;
  speed: ClockSpeed = 1;
  idle = true;
  /** False until the first snapshot: the status bar then shows no time rather than 0. */
  known = false;
  private pending: Partial<ClockState> | undefined;

  constructor(private readonly batch: FrameBatch) {
    makeObservable<ClockStore, 'applyNow'>(this, {
      now: observable,
      speed: observable,
      idle: observable,
      known: observable,
      apply: action,
      applyNow: action,
    });
  }

  /** Applies a state right away (snapshot, answer to a clock control). */
  apply(state: Partial<ClockState>): void {
    this.pending = undefined;
    this.batch.cancel('clock');
    this.applyNow(state);
  }

  /** Queues a state for the next frame (events at tick rate). */
  enqueue(state: Partial<ClockState>): void {
    this.pending = { ...this.pending, ...state };
    this.batch.schedule('clock', () => {
      const next = this.pending;
      this.pending = undefined;
      if (next) this.applyNow(next);
    });
  }

  private applyNow(state: Partial<ClockState>): void {
    if (state.now !== undefined) this.now = state.now;
    if (state.speed !== undefined) this.speed = state.speed;
    if (state.idle !== undefined) this.idle = state.idle;
    this.known = true;
  }
}
