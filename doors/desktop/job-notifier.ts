// Job transitions seen from the engine host's events: which jobs are active now (for the taskbar),
// and which ones just ended — Completed, Failed or Cancelled — for a system notification.
import type { NotificationConstructorOptions } from 'electron';
import type { EngineEvent } from '../../engine/contract';
import type { Job } from '../../engine/model/jobs';
import { isActiveJob } from './taskbar-progress';

/** Where the watcher reads jobs (the engine, through the host). */
export interface JobSource {
  activeJobs(): Job[];
  allJobs(): Job[];
}

export interface JobWatcherHandlers {
  progress(active: readonly Job[]): void;
  ended(job: Job): void;
}

const ENDED = new Set<Job['state']>(['Completed', 'Failed', 'Cancelled']);

/**
 * Call `onEvent` with every EngineHost event. Jobs that were active at the previous event and are
 * not any more have ended; a 'world' event also reveals jobs that began and ended between two events
 * (run until idle). Jobs already ended when the watcher starts are never announced.
 */
export class JobWatcher {
  private active = new Set<string>();
  private readonly announced = new Set<string>();

  constructor(
    private readonly source: JobSource,
    private readonly handlers: JobWatcherHandlers,
  ) {
    for (const job of source.allJobs()) {
      if (ENDED.has(job.state)) this.announced.add(job.id);
      else if (isActiveJob(job)) this.active.add(job.id);
    }
  }

  onEvent(event: EngineEvent): void {
    if (event.type === 'notice') return;
    const active = this.source.activeJobs();
    const ids = new Set(active.map((j) => j.id));
    this.handlers.progress(active);
    const gone = [...this.active].filter((id) => !ids.has(id));
    this.active = ids;
    const candidates = event.type === 'world' ? event.view.jobs : gone.length > 0 ? this.source.allJobs() : [];
    const goneSet = new Set(gone);
    for (const job of candidates) {
      if (!ENDED.has(job.state) || this.announced.has(job.id)) continue;
      if (event.type !== 'world' && !goneSet.has(job.id)) continue;
      this.announced.add(job.id);
      this.handlers.ended(job);
    }
  }
}

const KIND_LABEL: Record<Job['kind'], string> = {
  StorageMove: 'Storage migration',
  LiveMigration: 'Live migration',
  SmartPaging: 'Smart paging file move',
  Export: 'Export',
  Import: 'Import',
  Other: '',
};

const STATE_WORD: Record<'Completed' | 'Failed' | 'Cancelled', string> = {
  Completed: 'completed',
  Failed: 'failed',
  Cancelled: 'was cancelled',
};

/** The notification's words, Hyper-V style: what ran, on which VM, and how it ended. */
export function jobEndNotice(job: Job): { title: string; body: string } {
  const what = KIND_LABEL[job.kind] || job.cmdlet;
  const word = STATE_WORD[job.state as keyof typeof STATE_WORD] ?? job.state.toLowerCase();
  const title = `${what} ${word}`;
  const vm = job.vmName ? `'${job.vmName}'` : undefined;
  const route = job.source && job.destination ? ` from ${job.source} to ${job.destination}` : job.destination ? ` to ${job.destination}` : '';
  let body: string;
  if (job.state === 'Failed') body = `${vm ? `${vm}: ` : ''}${job.error?.message ?? 'The operation failed.'}`;
  else if (job.state === 'Cancelled')
    body = `${vm ? `The operation on ${vm}` : 'The operation'}${route} was cancelled; the virtual machine stays where it was.`;
  else body = `${vm ?? 'The operation'}${route} finished.`;
  return { title, body };
}

export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}

export interface JobNotifierOptions {
  create(options: NotificationConstructorOptions): NotificationLike;
  isSupported(): boolean;
  /** Brings the console window forward when a notification is clicked. */
  focus(): void;
  icon?: string;
}

/** Shows one system notification per ended job. */
export function createJobNotifier(options: JobNotifierOptions): (job: Job) => void {
  return (job) => {
    if (!options.isSupported()) return;
    const { title, body } = jobEndNotice(job);
    const notification = options.create({ title, body, ...(options.icon ? { icon: options.icon } : {}) });
    notification.on('click', () => options.focus());
    notification.show();
  };
}
