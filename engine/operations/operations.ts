// The job runner: creates move jobs, admits them per host, runs them, answers Get-Job / Stop-Job /
// Wait-Job, interpolates progress for the doors, reacts to network changes, and rolls interrupted
// jobs back after a restart (issue "Moves" §3–§6).
//
// Admission (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Ben Armstrong, "How does storage migration actually work?"): a host runs at most its
// "Simultaneous live migrations" (maximumLiveMigrations) and "Simultaneous storage migrations"
// (maximumStorageMigrations); more wait in a queue. A live migration takes a live slot on its
// source AND on its destination; a storage move a storage slot on the VM's host. A shared-nothing
// live migration counts as a live migration only (*unconfirmed*: Hyper-V counts it under live
// migrations in the Hyper-V Settings UI). Waiting moves start first-come first-served as soon as
// all of their slots are free; a move never waits for one that needs other hosts. Limits are read
// when a slot frees, so Set-VMHost -MaximumVirtualMachineMigrations takes effect for the queue.
import type { Simulator } from '../sim/simulator';
import type { FlowNetwork } from '../sim/flow-network';
import type { NetworkFabric } from '../net/fabric';
import type { Job } from '../model/jobs';
import type { Host, Vm, World } from '../model/world';
import { hostIndexOf } from '../model/paths';
import { LogText, type LogLine } from './event-log';
import type { MoveParams } from './parameters';
import { runPrechecks, type FilePlacement, type MoveRequest, type PrecheckResult } from './prechecks';
import { PrecheckView } from './precheck-view';
import { CommandRefusal } from '../errors';
import { Transfers } from './transfers';
import { VolumeSpace } from './volume-space';
import { formatTime, type MoveRun, type RunEnv } from './move-run';
import { StorageMove, STORAGE_STAGES } from './storage-move';
import { LiveMigration, liveStages } from './live-migration';
import { SmartPaging } from './smart-paging';
import { DynamicMemory } from './dynamic-memory';
import { COPY_JOB_STAGES, ExportRun, ImportRun } from './export-import-run';
import type { ExportedVm } from '../model/world';

export interface OperationsHost {
  readonly sim: Simulator;
  readonly flow: FlowNetwork;
  readonly fabric: NetworkFabric;
  readonly params: MoveParams;
  world(): World;
  /** The engine's job list: new jobs are appended, records are updated in place. */
  readonly jobs: Job[];
  log(line: LogLine): void;
  worldChanged(): void;
  jobChanged(job: Job): void;
}

export interface NewMove {
  cmdlet: string;
  commandText: string;
  request: MoveRequest;
  vm: Vm;
  placement: FilePlacement;
}

/** PowerShell's job states for our job states (Get-Job's State column). */
export const PS_STATE: Record<Job['state'], string> = {
  Queued: 'NotStarted',
  Running: 'Running',
  Completed: 'Completed',
  Failed: 'Failed',
  Cancelled: 'Stopped',
};

/** An export or an import copy, checked by its cmdlet (engine/operations/cmdlets/export-import.ts). */
export type NewCopyJob = {
  cmdlet: string;
  commandText: string;
  /** The VM exported, or the VM an import will register (not in the world until the copy ends). */
  vm: Vm;
  placement: FilePlacement;
  /** Where the copies go, for the Jobs pane. */
  destination: string;
} & ({ kind: 'Export'; record: ExportedVm } | { kind: 'Import'; from: string });

export class Operations {
  readonly transfers: Transfers;
  readonly space: VolumeSpace;
  readonly smartPaging: SmartPaging;
  readonly dynamicMemory: DynamicMemory;
  private readonly runs = new Map<string, MoveRun>();
  private readonly byVm = new Map<string, MoveRun>();
  private waiting: MoveRun[] = [];
  private readonly slotUse = new Map<string, number>();
  private readonly jobIndex = new Map<string, Job>();
  private nextId: number;
  private hosts: Map<string, Host> | undefined;
  private readonly env: RunEnv;
  private readonly view: PrecheckView;
  /** Destination files claimed by moves not yet switched ("computer|local path" → job id). */
  private readonly claims = new Map<string, string>();
  private readonly claimsOf = new Map<string, string[]>();

  constructor(private readonly host: OperationsHost) {
    this.transfers = new Transfers(host.flow, host.fabric);
    this.space = new VolumeSpace(
      () => host.world(),
      host.sim,
      (r) => host.fabric.capacity(r),
      host.params.volumeFullMarginBytes,
    );
    let max = 0;
    for (const j of host.jobs) {
      this.jobIndex.set(j.id, j);
      const n = Number(j.id);
      if (Number.isInteger(n) && n > max) max = n;
    }
    this.nextId = max + 1;
    this.view = new PrecheckView(() => host.world());
    // Whatever changes the world from here (a switch, a smart paging file) also changes what the
    // pre-checks must see.
    const worldChanged = (): void => {
      this.view.invalidate();
      host.worldChanged();
      this.dynamicMemory.rebalance();
    };
    this.env = {
      sim: host.sim,
      transfers: this.transfers,
      space: this.space,
      params: host.params,
      world: () => host.world(),
      log: (l) => host.log(l),
      worldChanged,
      memoryHeld: () => this.dynamicMemory.rebalance(),
      jobChanged: (j) => host.jobChanged(j),
      ended: (run) => this.ended(run),
      hostLoadChanged: (h) => this.transfers.hostLoadChanged(h),
    };
    this.smartPaging = new SmartPaging({
      sim: host.sim,
      params: host.params,
      space: this.space,
      world: () => host.world(),
      log: (l) => host.log(l),
      worldChanged,
      incomingMemory: () => this.incomingMemory(),
      isMigrating: (vm) => this.byVm.get(vm.id) instanceof LiveMigration,
    });
    this.dynamicMemory = new DynamicMemory({
      sim: host.sim,
      params: host.params,
      world: () => host.world(),
      worldChanged: () => {
        this.view.invalidate();
        host.worldChanged();
      },
      incomingMemory: () => this.incomingMemory(),
      isMigrating: (vm) => this.byVm.get(vm.id) instanceof LiveMigration,
      releaseSmartPaging: (vm) => this.smartPaging.release(vm),
    });
  }

  // ── Queries ───────────────────────────────────────────────────────────────────────────────────

  get params(): MoveParams {
    return this.host.params;
  }

  get fabric(): NetworkFabric {
    return this.host.fabric;
  }

  /** Every job of this engine, oldest first. */
  allJobs(): readonly Job[] {
    return this.host.jobs;
  }

  job(id: string): Job | undefined {
    return this.jobIndex.get(id);
  }

  /** The move in progress (queued or running) of a VM, if any. */
  activeMoveOf(vm: Vm): Job | undefined {
    return this.byVm.get(vm.id)?.job;
  }

  /** Brings every active job's progress to sim.now (bytes from the flow network). */
  refresh(): void {
    for (const run of this.runs.values()) run.refresh();
    this.updateQueuePositions();
  }

  /** Active jobs (queued or running), progress as of now. The records themselves, not copies. */
  activeJobs(): Job[] {
    this.refresh();
    return [...this.runs.values()].map((r) => r.job);
  }

  get activeCount(): number {
    return this.runs.size;
  }

  /** Memory reserved on destinations by running live migrations (lower-case host → bytes). */
  incomingMemory(): Map<string, number> {
    const m = new Map<string, number>();
    for (const run of this.runs.values()) {
      if (!(run instanceof LiveMigration)) continue;
      const r = run.reservedMemory();
      if (r) m.set(r.host.toLowerCase(), (m.get(r.host.toLowerCase()) ?? 0) + r.bytes);
    }
    return m;
  }

  // ── Moves ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * Compare-VM / the Move Wizard's checks for a request, over the part of the world the move
   * touches (precheck-view.ts): the same result as over the whole world, at the cost of the move.
   */
  prechecks(request: MoveRequest): PrecheckResult {
    const options = { hostReserveBytes: this.host.params.hostReserveBytes, now: this.host.sim.now };
    const quick = runPrechecks(this.view.viewFor(request, false), request, options);
    return quick.errors.length === 0 ? quick : runPrechecks(this.view.viewFor(request, true), request, options);
  }

  /** Destination files of a placement, as "computer|local path" (folders are not files). */
  private destinationKeys(p: FilePlacement): string[] {
    const keys: string[] = [];
    for (const f of p.files) {
      if (f.kind === 'configuration' || f.action === 'stay' || !f.destination.ok) continue;
      keys.push(`${f.destination.at.computer}|${f.destination.at.localPath}`.toLowerCase());
    }
    return keys;
  }

  /** Creates the job of a checked move and starts it, or queues it behind the hosts' limits. */
  startMove(m: NewMove): Job {
    // The pre-checks see the world's files; a move not yet switched has its destination files only
    // as partial files. Two moves writing one file would leave two VMs on one disk: refused, with
    // the text Windows gives for an existing file.
    const keys = this.destinationKeys(m.placement);
    for (const k of keys) {
      const owner = this.claims.get(k);
      if (owner === undefined) continue;
      const f = m.placement.files.find((x) => x.destination.ok && `${x.destination.at.computer}|${x.destination.at.localPath}`.toLowerCase() === k)!;
      const other = this.jobIndex.get(owner);
      throw new CommandRefusal(`Failed to create '${f.destinationPath}': The file exists. (0x80070050)`, {
        parameter: f.parameter ?? 'DestinationStoragePath',
        fix: `Job ${owner} (moving '${other?.vmName ?? '?'}') is writing '${f.destinationPath}'. Choose another folder, or wait for job ${owner} to finish.`,
      });
    }
    const live = m.request.kind === 'Live';
    const copies = m.placement.files.some((f) => f.action === 'copy');
    const stages = live ? liveStages(copies, m.vm.state === 'Running') : [...STORAGE_STAGES];
    const job: Job = {
      id: String(this.nextId++),
      cmdlet: m.cmdlet,
      commandText: m.commandText,
      kind: live ? 'LiveMigration' : 'StorageMove',
      vmId: m.vm.id,
      vmName: m.vm.name,
      source: m.vm.host,
      destination: live ? m.placement.destinationHost : storageDestination(m.placement, m.request),
      state: 'Queued',
      stages: stages.map((name) => ({ name, status: 'Pending', bytesDone: 0, bytesTotal: 0, rate: 0 })),
      percent: 0,
      createdAt: this.host.sim.now,
      precopyPasses: [],
      channels: [],
      cancellable: true,
      nics: [],
      partialFiles: [],
      notes: [],
    };
    this.host.jobs.push(job);
    this.jobIndex.set(job.id, job);
    for (const k of keys) this.claims.set(k, job.id);
    this.claimsOf.set(job.id, keys);
    const run: MoveRun = live ? new LiveMigration(this.env, job, m.vm, m.request, m.placement) : new StorageMove(this.env, job, m.vm, m.request, m.placement);
    this.runs.set(job.id, run);
    this.byVm.set(m.vm.id, run);
    if (this.admit(run)) run.begin();
    else {
      this.waiting.push(run);
      this.updateQueuePositions();
      const full = run
        .slots()
        .filter((k) => !this.slotFree(k))
        .map((k) => k.split('|')[0]!);
      const names = full.map((h) => this.hostByKey(h)?.name ?? h).join(' and ');
      this.host.log(LogText.queued(m.vm, live ? 'live' : 'storage', names, live ? 'live migrations' : 'storage migrations'));
    }
    this.host.jobChanged(job);
    return job;
  }

  /**
   * Starts an export or an import copy (export-import-run.ts). It takes no migration slot, so it
   * starts at once; the VM (exported, or to be imported) counts as busy, as during a move.
   */
  startCopyJob(m: NewCopyJob): Job {
    const keys = this.destinationKeys(m.placement);
    const job: Job = {
      id: String(this.nextId++),
      cmdlet: m.cmdlet,
      commandText: m.commandText,
      kind: m.kind,
      vmId: m.vm.id,
      vmName: m.vm.name,
      source: m.vm.host,
      destination: m.destination,
      state: 'Queued',
      stages: COPY_JOB_STAGES.map((name) => ({ name, status: 'Pending', bytesDone: 0, bytesTotal: 0, rate: 0 })),
      percent: 0,
      createdAt: this.host.sim.now,
      precopyPasses: [],
      channels: [],
      cancellable: true,
      nics: [],
      partialFiles: [],
      notes: [],
    };
    this.host.jobs.push(job);
    this.jobIndex.set(job.id, job);
    for (const k of keys) this.claims.set(k, job.id);
    this.claimsOf.set(job.id, keys);
    const request: MoveRequest = {
      kind: 'Storage',
      vmName: m.vm.name,
      includeStorage: false,
      placement: { mode: 'PerItem', vhds: [] },
      retainVhdCopiesOnSource: false,
      allowUnverifiedPaths: false,
      initiatedOn: m.vm.host,
    };
    const run: MoveRun =
      m.kind === 'Export'
        ? new ExportRun(this.env, job, m.vm, request, m.placement, m.record)
        : new ImportRun(this.env, job, m.vm, request, m.placement, m.from);
    this.runs.set(job.id, run);
    this.byVm.set(m.vm.id, run);
    this.admit(run);
    run.begin();
    this.host.jobChanged(job);
    return job;
  }

  /** Which running job, if any, writes the file at "computer|local path" (a move, an export or an import copy). */
  claimOf(computer: string, localPath: string): Job | undefined {
    const owner = this.claims.get(`${computer}|${localPath}`.toLowerCase());
    return owner === undefined ? undefined : this.jobIndex.get(owner);
  }

  /** Exports in progress, as the records they will leave. */
  exportsInProgress(): ExportedVm[] {
    return [...this.runs.values()].filter((r): r is ExportRun => r instanceof ExportRun).map((r) => r.record);
  }

  /** Stop-Job: cancels a queued or running move if it is still in a cancellable stage. */
  cancel(id: string): { ok: true; job: Job } | { ok: false; message: string; job?: Job } {
    const job = this.jobIndex.get(id);
    if (!job) return { ok: false, message: `Cannot find a job with the job ID ${id}.` };
    const run = this.runs.get(id);
    if (!run) return { ok: true, job };
    const r = run.cancel();
    return r.ok ? { ok: true, job } : { ok: false, message: r.message, job };
  }

  /**
   * Wait-Job: runs the simulation forward, event by event, until the jobs end (all, or any one
   * with `any`), or `timeoutMs` of simulated time has passed. Returns true if they ended.
   */
  waitFor(ids: readonly string[], opts: { any?: boolean; timeoutMs?: number } = {}): boolean {
    const sim = this.host.sim;
    const until = opts.timeoutMs !== undefined && opts.timeoutMs >= 0 ? sim.now + opts.timeoutMs : Infinity;
    const ended = (): boolean => {
      const active = ids.filter((id) => this.runs.has(id)).length;
      return opts.any ? active < ids.length || ids.length === 0 : active === 0;
    };
    while (!ended()) {
      const next = sim.nextEventAt();
      if (next === undefined) return ended();
      if (next > until) {
        if (until > sim.now) sim.advance(until - sim.now);
        return ended();
      }
      sim.advance(Math.max(0, next - sim.now));
    }
    return true;
  }

  // ── Admission ─────────────────────────────────────────────────────────────────────────────────

  private hostByKey(lower: string): Host | undefined {
    this.hosts ??= hostIndexOf(this.host.world());
    return this.hosts.get(lower);
  }

  private limit(key: string): number {
    const [h, kind] = key.split('|') as [string, 'live' | 'storage'];
    const host = this.hostByKey(h);
    if (!host) return 2;
    return kind === 'live' ? host.migration.maximumLiveMigrations : host.migration.maximumStorageMigrations;
  }

  private slotFree(key: string): boolean {
    return (this.slotUse.get(key) ?? 0) < this.limit(key);
  }

  private admit(run: MoveRun): boolean {
    const keys = run.slots();
    if (!keys.every((k) => this.slotFree(k))) return false;
    for (const k of keys) this.slotUse.set(k, (this.slotUse.get(k) ?? 0) + 1);
    return true;
  }

  private release(run: MoveRun): void {
    for (const k of run.slots()) {
      const n = (this.slotUse.get(k) ?? 0) - 1;
      if (n > 0) this.slotUse.set(k, n);
      else this.slotUse.delete(k);
    }
  }

  /** Starts every waiting move whose slots are free, first come first served. */
  pump(): void {
    if (this.waiting.length === 0) return;
    const still: MoveRun[] = [];
    const started: MoveRun[] = [];
    for (const run of this.waiting) {
      if (run.state === 'queued' && this.admit(run)) started.push(run);
      else if (run.state === 'queued') still.push(run);
    }
    this.waiting = still;
    this.updateQueuePositions();
    for (const run of started) run.begin();
  }

  private updateQueuePositions(): void {
    if (this.waiting.length === 0) return;
    const ahead = new Map<string, number>();
    for (const run of this.waiting) {
      const keys = run.slots();
      let pos = 1;
      for (const k of keys) pos = Math.max(pos, (ahead.get(k) ?? 0) + 1);
      run.job.queuePosition = pos;
      for (const k of keys) ahead.set(k, (ahead.get(k) ?? 0) + 1);
    }
  }

  private ended(run: MoveRun): void {
    const wasWaiting = this.waiting.includes(run);
    if (wasWaiting) this.waiting = this.waiting.filter((r) => r !== run);
    else this.release(run);
    this.runs.delete(run.id);
    if (this.byVm.get(run.vm.id) === run) this.byVm.delete(run.vm.id);
    for (const k of this.claimsOf.get(run.id) ?? []) if (this.claims.get(k) === run.id) this.claims.delete(k);
    this.claimsOf.delete(run.id);
    this.pump();
    this.dynamicMemory.rebalance();
  }

  // ── Outside changes ───────────────────────────────────────────────────────────────────────────

  /**
   * A cmdlet ran. If it changed the world (it said so: ctx.worldChanged / networkChanged), the
   * caches built from the world are dropped; either way the queue re-checks its limits.
   */
  worldTouched(changed = true): void {
    if (changed) {
      this.space.invalidate();
      this.view.invalidate();
      this.hosts = undefined;
      this.transfers.allHostsChanged(this.host.world().hosts.map((h) => h.name));
    }
    this.pump();
    // A start, a stop, a restart or a memory setting changes what Dynamic Memory gives each VM.
    if (changed) this.dynamicMemory.rebalance();
  }

  /** A cmdlet changed a host's network (engine.onNetworkChanged): re-plan and apply failover. */
  networkChanged(host: string): void {
    this.transfers.networkChanged(host);
    this.space.touchHost(host);
  }

  // ── Restart ───────────────────────────────────────────────────────────────────────────────────

  /**
   * After a restart (new Engine(savedState)): every move that was queued or running in the saved
   * state is settled. Before its switch, it rolls back: the world in a saved state never holds a
   * move's destination files (they are the job's partial files), so the VM is on its source with
   * its original paths; the partial files are dropped, the job is Failed and the log says so.
   * After its switch (the VM already ran on the destination), it rolls forward: only the source
   * clean-up was left, and it is done now — the job is Completed.
   */
  recover(): void {
    const now = this.host.sim.now;
    for (const job of this.host.jobs) {
      if (job.state !== 'Running' && job.state !== 'Queued') continue;
      const vm = { name: job.vmName ?? '?', id: job.vmId ?? '?' };
      for (const s of job.stages) {
        if (s.status === 'Running') {
          s.status = job.committedAt !== undefined ? 'Done' : 'Failed';
          s.endedAt = now;
          s.rate = 0;
          delete s.etaMs;
        } else if (s.status === 'Pending') s.status = job.committedAt !== undefined ? 'Done' : 'Skipped';
      }
      const removed = job.partialFiles.map((f) => f.path);
      job.partialFiles = [];
      job.cancellable = false;
      job.endedAt = now;
      delete job.queuePosition;
      delete job.etaMs;
      if (job.committedAt !== undefined) {
        job.state = 'Completed';
        job.percent = 100;
        job.notes.push(`${formatTime(now)}: the engine restarted after the switch; the move had committed, and the source clean-up was finished at restart.`);
        this.host.log(
          job.kind === 'LiveMigration' ? LogText.liveCompleted(vm, job.destination ?? '?', job.measuredDowntimeMs ?? 0) : LogText.storageCompleted(vm),
        );
      } else {
        job.state = 'Failed';
        job.error = { message: 'The move was interrupted by a restart; rolled back.' };
        job.notes.push(`${formatTime(now)}: interrupted by a restart; rolled back${removed.length ? ` (partial files removed: ${removed.join(', ')})` : ''}.`);
        this.host.log(LogText.rolledBack(vm, 'interrupted by a restart'));
      }
    }
    this.dynamicMemory.rebalance();
  }
}

function storageDestination(p: FilePlacement, request: MoveRequest): string {
  if (request.placement.mode === 'SingleFolder') return p.locations.configuration.after;
  const moving = p.files.filter((f) => f.action !== 'stay');
  const loc = p.locations;
  const folders = new Set<string>();
  for (const l of [loc.configuration, loc.snapshots, loc.smartPaging]) if (l.changed) folders.add(l.after);
  for (const f of moving) if (f.kind === 'vhd') folders.add(f.destinationPath.replace(/\\[^\\]*$/, ''));
  return [...folders].join(', ') || p.sourceHost;
}

export type { LogLine };
