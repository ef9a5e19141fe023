// The Jobs pane's list: running jobs, then queued ones in queue order, then the history of finished
// jobs, newest first — each group under a header row. Read from the JobStore (which the frame
// batch updates once per animation frame), so 200 running jobs cost one recompute per frame.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Job } from '../../engine/model/jobs';
import type { JobStore } from './job-store';

export type JobListRow = { kind: 'header'; key: string; label: string; count: number } | { kind: 'job'; key: string; job: Job };

export type JobFilter = 'all' | 'active' | 'finished';

export function isActive(job: Pick<Job, 'state'>): boolean {
  return job.state === 'Running' || job.state === 'Queued';
}

function idNumber(job: Job): number {
  const n = Number(job.id);
  return Number.isFinite(n) ? n : 0;
}

export class JobListStore {
  filter: JobFilter = 'all';

  constructor(private readonly jobs: JobStore) {
    makeObservable(this, {
      filter: observable,
      setFilter: action,
      running: computed,
      queued: computed,
      finished: computed,
      rows: computed,
    });
  }

  setFilter(filter: JobFilter): void {
    this.filter = filter;
  }

  get running(): Job[] {
    return this.jobs.all
      .filter((j) => j.state === 'Running')
      .sort((a, b) => (a.startedAt ?? a.createdAt) - (b.startedAt ?? b.createdAt) || idNumber(a) - idNumber(b));
  }

  get queued(): Job[] {
    return this.jobs.all
      .filter((j) => j.state === 'Queued')
      .sort((a, b) => (a.queuePosition ?? 0) - (b.queuePosition ?? 0) || a.createdAt - b.createdAt || idNumber(a) - idNumber(b));
  }

  /** Finished jobs, the most recent first. */
  get finished(): Job[] {
    return this.jobs.all.filter((j) => !isActive(j)).sort((a, b) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt) || idNumber(b) - idNumber(a));
  }

  get rows(): JobListRow[] {
    const rows: JobListRow[] = [];
    const group = (key: string, label: string, jobs: Job[]) => {
      if (jobs.length === 0) return;
      rows.push({ kind: 'header', key: `h-${key}`, label, count: jobs.length });
      for (const job of jobs) rows.push({ kind: 'job', key: job.id, job });
    };
    if (this.filter !== 'finished') {
      group('running', 'Running', this.running);
      group('queued', 'Queued', this.queued);
    }
    if (this.filter !== 'active') group('finished', 'History', this.finished);
    return rows;
  }
}
