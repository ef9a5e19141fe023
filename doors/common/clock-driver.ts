// Drives simulated time from wall time at the speed the user picked (docs/design.md: hosts drive the
// clock). Doors may read the wall clock; the engine never does. Progress reaches the page at most
// TICKS_PER_SECOND times a second, whatever the number of jobs (issue: ≤ 10 bridge messages/s).
import type { ClockState, ClockControl } from '../../engine/contract';
import type { Engine } from '../../engine/engine';

export interface WallTimer {
  now(): number;
  every(ms: number, fn: () => void): () => void;
}

export const systemTimer: WallTimer = {
  now: () => performance.now(),
  every(ms, fn) {
    const h = setInterval(fn, ms);
    h.unref?.();
    return () => clearInterval(h);
  },
};

export const TICKS_PER_SECOND = 4;

export class ClockDriver {
  private speedValue: ClockState['speed'];
  private stop?: () => void;
  private last = 0;

  constructor(
    private engine: Engine,
    private readonly onTick: () => void,
    private readonly timer: WallTimer = systemTimer,
    initialSpeed: ClockState['speed'] = 1,
  ) {
    this.speedValue = initialSpeed;
  }

  get speed(): ClockState['speed'] {
    return this.speedValue;
  }

  state(): ClockState {
    return this.engine.clockState(this.speedValue);
  }

  start(): void {
    if (this.stop) return;
    this.last = this.timer.now();
    this.stop = this.timer.every(1000 / TICKS_PER_SECOND, () => this.tick());
  }

  /** Drives another engine from now on, at the same speed (a lab replaced the world). */
  retarget(engine: Engine): void {
    this.engine = engine;
    this.last = this.timer.now();
  }

  dispose(): void {
    this.stop?.();
    this.stop = undefined;
  }

  control(c: ClockControl): ClockState {
    if (c.action === 'setSpeed') {
      this.tick();
      this.speedValue = c.speed;
    } else {
      this.engine.runUntilIdle();
      this.onTick();
    }
    return this.state();
  }

  private tick(): void {
    const wall = this.timer.now();
    const elapsed = Math.max(0, wall - this.last);
    this.last = wall;
    if (this.speedValue > 0 && elapsed > 0) {
      this.engine.advance(elapsed * this.speedValue);
      this.onTick();
    }
  }
}
