// The taskbar button shows how far the running moves are, like Explorer's file copies: the average
// percent of the active jobs (queued ones count as 0 %), an indeterminate bar while jobs only wait in
// the queue, and nothing when no job is active.
import type { BrowserWindow, ProgressBarOptions } from 'electron';
import type { Job } from '../../engine/model/jobs';

export interface TaskbarState {
  /** 0..1, or -1 to remove the bar, or 2 for indeterminate (with mode 'indeterminate'). */
  progress: number;
  mode: ProgressBarOptions['mode'];
}

export const NO_PROGRESS: TaskbarState = { progress: -1, mode: 'none' };

export function isActiveJob(job: Pick<Job, 'state'>): boolean {
  return job.state === 'Running' || job.state === 'Queued';
}

export function taskbarState(jobs: readonly Pick<Job, 'state' | 'percent'>[]): TaskbarState {
  const active = jobs.filter(isActiveJob);
  if (active.length === 0) return NO_PROGRESS;
  if (!active.some((j) => j.state === 'Running')) return { progress: 2, mode: 'indeterminate' };
  const mean = active.reduce((sum, j) => sum + Math.min(100, Math.max(0, j.percent)), 0) / active.length / 100;
  return { progress: Math.round(mean * 1000) / 1000, mode: 'normal' };
}

type WindowLike = Pick<BrowserWindow, 'setProgressBar' | 'isDestroyed'>;

/** Applies taskbarState to a window, touching the OS only when the shown value changes. */
export class TaskbarProgress {
  private shown: TaskbarState = NO_PROGRESS;

  constructor(private readonly window: WindowLike) {}

  update(jobs: readonly Pick<Job, 'state' | 'percent'>[]): void {
    const next = taskbarState(jobs);
    if (next.progress === this.shown.progress && next.mode === this.shown.mode) return;
    if (this.window.isDestroyed()) return;
    this.shown = next;
    this.window.setProgressBar(next.progress, { mode: next.mode });
  }
}
