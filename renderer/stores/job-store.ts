// Jobs by id, fed by the snapshot and by 'jobs' events. Progress arrives at tick rate for every
// running job; only the latest value per job is kept and they are applied together once per frame.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Job } from '../../engine/model/jobs';
import type { FrameBatch } from './frame-batch';

const ACTIVE: ReadonlySet<Job['state']> = new Set(['Running', 'Queued']);

export class JobStore {
  readonly byId = observable.map<string, Job>({}, { deep: false });
  private pending = new Map<string, Job>();

  constructor(private readonly batch: FrameBatch) {
    makeObservable<JobStore, 'applyPending'>(this, {
      replaceAll: action,
      applyPending: action,
      all: computed,
      active: computed,
      activeMoveByVm: computed,
    });
  }

  /** The snapshot's jobs replace everything (and any progress queued before it, which is older). */
  replaceAll(jobs: readonly Job[]): void {
    this.pending.clear();
    this.batch.cancel('jobs');
    this.byId.replace(jobs.map((j) => [j.id, j] as const));
  }

  /** Queues changed jobs; applied at the next animation frame, latest value per job wins. */
  enqueue(jobs: readonly Job[]): void {
    for (const job of jobs) this.pending.set(job.id, job);
    this.batch.schedule('jobs', () => this.applyPending());
  }

  get(id: string): Job | undefined {
    return this.byId.get(id);
  }

  /** Every job, oldest first. */
  get all(): Job[] {
    return [...this.byId.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  }

  get active(): Job[] {
    return this.all.filter((j) => ACTIVE.has(j.state));
  }

  /** The running or queued move (storage move or live migration) or export of each VM, by VM id. */
  get activeMoveByVm(): ReadonlyMap<string, Job> {
    const map = new Map<string, Job>();
    for (const job of this.active) {
      if ((job.kind !== 'StorageMove' && job.kind !== 'LiveMigration' && job.kind !== 'Export') || !job.vmId) continue;
      const seen = map.get(job.vmId);
      // A running job says more than a queued one.
      if (!seen || (seen.state !== 'Running' && job.state === 'Running')) map.set(job.vmId, job);
    }
    return map;
  }

  /** The list's Status column for a VM: "Moving storage (37%)", "Migrating (37%)", or ''. */
  statusOf(vmId: string): string {
    const job = this.activeMoveByVm.get(vmId);
    return job ? moveStatusText(job) : '';
  }

  /** Applies everything queued now (the frame batch calls this; tests may too). */
  flush(): void {
    this.batch.cancel('jobs');
    this.applyPending();
  }

  private applyPending(): void {
    if (this.pending.size === 0) return;
    for (const job of this.pending.values()) this.byId.set(job.id, job);
    this.pending.clear();
  }
}

/** Status text for a move or an export. *Unconfirmed wording* (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"): "Moving storage (37%)" / "Migrating (37%)" / "Exporting (37%)". */
export function moveStatusText(job: Pick<Job, 'kind' | 'state' | 'percent'>): string {
  const verb = job.kind === 'LiveMigration' ? 'Migrating' : job.kind === 'Export' ? 'Exporting' : 'Moving storage';
  if (job.state === 'Queued') return `${verb} (queued)`;
  return `${verb} (${Math.floor(job.percent)}%)`;
}
