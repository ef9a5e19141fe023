// Coalesces high-frequency updates (job progress, clock) into one MobX action per animation frame
// (docs/design.md, "Renderer"). Each source registers a flush under a key; however many events arrive
// between two frames, each flush runs once, all of them inside a single action.
import { runInAction } from 'mobx';

export interface FrameScheduler {
  request(fn: () => void): void;
}

export const animationFrameScheduler: FrameScheduler = {
  request(fn) {
    // A hidden tab gets no animation frames; a timer keeps progress moving there (bounded: only
    // the latest value per job is kept anyway).
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') setTimeout(fn, 250);
    else requestAnimationFrame(() => fn());
  },
};

export class FrameBatch {
  private readonly flushes = new Map<string, () => void>();
  private scheduled = false;

  constructor(private readonly scheduler: FrameScheduler = animationFrameScheduler) {}

  /** Runs `flush` in the next frame's action (replacing an earlier flush under the same key). */
  schedule(key: string, flush: () => void): void {
    this.flushes.set(key, flush);
    if (this.scheduled) return;
    this.scheduled = true;
    this.scheduler.request(() => this.run());
  }

  /** Drops a queued flush (a fresher snapshot superseded it). */
  cancel(key: string): void {
    this.flushes.delete(key);
  }

  /** Applies everything queued now (tests, or before reading state synchronously). */
  run(): void {
    this.scheduled = false;
    if (this.flushes.size === 0) return;
    const work = [...this.flushes.values()];
    this.flushes.clear();
    runInAction(() => {
      for (const flush of work) flush();
    });
  }
}
