// What every move does, whatever its kind: stages on its job record, the copy of files with
// mirrored guest writes and partial destination files, cancel and rollback, the switch that
// applies the placement to the VM in one event. StorageMove and LiveMigration build their stage
// sequence on top (storage-move.ts, live-migration.ts).
//
// Consistency rule (docs/design.md "State, persistence and failure"; Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"): the
// world changes only at the switch, in one simulated event — the VM's paths (and host) change and
// its destination files become real VM files at once. Before it, the destination files exist only
// as the job's partial files, and a rollback (cancel, failure, or a restart) just drops them: the
// VM is untouched on its source. After it, nothing can roll back: later stages cannot be cancelled.
import type { Simulator, EventHandle } from '../sim/simulator';
import type { Job, JobStage } from '../model/jobs';
import type { Vm, World } from '../model/world';
import { volumeKey, type ResolvedPath } from '../model/paths';
import type { TransferChange } from '../net/fabric';
import type { FilePlacement, PlacedFile, MoveRequest } from './prechecks';
import type { MoveParams } from './parameters';
import type { LogLine } from './event-log';
import { LogText } from './event-log';
import type { Transfers, TransferInfo } from './transfers';
import { describe, fileCopyLegs } from './transfers';
import { DISK_FULL, type PartialWriter, type VolumeSpace } from './volume-space';
import { Resources } from '../net/resources';

export interface RunEnv {
  readonly sim: Simulator;
  readonly transfers: Transfers;
  readonly space: VolumeSpace;
  readonly params: MoveParams;
  world(): World;
  log(line: LogLine): void;
  /** The world changed shape (coalesced by the engine). */
  worldChanged(): void;
  /** The job changed state (coalesced by the engine). */
  jobChanged(job: Job): void;
  /**
   * A VM's memory is now held still (a live migration began): Dynamic Memory re-plans. Unlike
   * worldChanged this leaves the pre-check caches, as no VM or file changed place.
   */
  memoryHeld(): void;
  /** The run ended (completed, failed or cancelled): free its slots, admit the queue. */
  ended(run: MoveRun): void;
  /** A VM left or joined a host: its idle CPU changed (compression and TCP costs use it). */
  hostLoadChanged(host: string): void;
}

export type EndState = 'Completed' | 'Failed' | 'Cancelled';

/** Stage names, shown in the Jobs pane and the report. */
export const Stage = {
  setup: 'Setup',
  copy: 'Copy',
  storageCopy: 'Storage copy',
  memory: 'Memory transfer',
  blackout: 'Blackout',
  switch: 'Switch',
  resume: 'Resume',
  deleteSource: 'Delete source',
} as const;

/** Stages during which a move can still be cancelled (migration states Setup and Data Transfer, Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"). */
const CANCELLABLE = new Set<string>([Stage.setup, Stage.copy, Stage.storageCopy, Stage.memory]);

interface CopyItem {
  file: PlacedFile;
  src: ResolvedPath;
  dst: ResolvedPath;
  group: CopyGroup;
  /** Bytes of the group's files before this one. */
  offset: number;
  writer: PartialWriter;
}

/**
 * Files that go the same way (same source and destination volumes, same computers and shares) are
 * copied one after the other over the same path: in the fluid model that is one transfer of their
 * total size, each file filling in turn. One transfer instead of one per file (a VHD and its
 * configuration usually share the way) halves the events of a big wave of moves.
 */
interface CopyGroup {
  transferId: string;
  src: ResolvedPath;
  dst: ResolvedPath;
  bytes: number;
  items: CopyItem[];
  started: boolean;
  done: boolean;
}

export abstract class MoveRun {
  state: 'queued' | 'running' | 'ended' = 'queued';
  protected stageIndex = -1;
  protected timer: EventHandle | -1 = -1;
  protected readonly copies: CopyItem[] = [];
  private readonly groups: CopyGroup[] = [];
  private groupCursor = 0;
  private readonly mirrors: string[] = [];
  protected lastInfo: TransferInfo | undefined;
  private copyDoneCallback: (() => void) | undefined;
  private transferSeq = 0;

  constructor(
    protected readonly env: RunEnv,
    readonly job: Job,
    readonly vm: Vm,
    readonly request: MoveRequest,
    public placement: FilePlacement,
  ) {}

  /** Slot keys this move occupies while it runs: "host|live" / "host|storage". */
  abstract slots(): string[];
  /** Called when admitted. */
  abstract begin(): void;
  /** Interpolated progress into the job record (bytes, rates, percent, ETA) at sim.now. */
  abstract refresh(): void;
  protected abstract failedLog(reason: string): LogLine;
  protected abstract cancelledLog(): LogLine;

  get id(): string {
    return this.job.id;
  }

  /** Still running (a callback may have failed or cancelled it meanwhile). */
  protected get alive(): boolean {
    return this.state === 'running';
  }

  get now(): number {
    return this.env.sim.now;
  }

  get cancellable(): boolean {
    if (this.state === 'queued') return true;
    if (this.state === 'ended') return false;
    const s = this.job.stages[this.stageIndex];
    return !!s && CANCELLABLE.has(s.name);
  }

  protected stage(name: string): JobStage {
    const s = this.job.stages.find((x) => x.name === name);
    if (!s) throw new Error(`job ${this.job.id} has no stage ${name}`);
    return s;
  }

  protected hasStage(name: string): boolean {
    return this.job.stages.some((x) => x.name === name);
  }

  /** Ends the current stage as Done and starts `name`. */
  protected enter(name: string): JobStage {
    const cur = this.job.stages[this.stageIndex];
    if (cur && cur.status === 'Running') this.closeStage(cur, 'Done');
    const i = this.job.stages.findIndex((x) => x.name === name);
    // Stages skipped on the way (e.g. no storage to copy) are marked so.
    for (let k = this.stageIndex + 1; k < i; k++) {
      const s = this.job.stages[k]!;
      if (s.status === 'Pending') s.status = 'Skipped';
    }
    this.stageIndex = i;
    const s = this.job.stages[i]!;
    s.status = 'Running';
    s.startedAt = this.now;
    this.job.cancellable = CANCELLABLE.has(name);
    this.env.jobChanged(this.job);
    return s;
  }

  protected closeStage(s: JobStage, status: JobStage['status']): void {
    s.status = status;
    s.endedAt = this.now;
    s.elapsedMs = s.startedAt !== undefined ? this.now - s.startedAt : 0;
    s.rate = 0;
    delete s.etaMs;
    if (status === 'Done' && s.bytesTotal > s.bytesDone) s.bytesDone = s.bytesTotal;
  }

  protected after(ms: number, then: () => void): void {
    if (this.timer !== -1) this.env.sim.cancel(this.timer);
    this.timer = this.env.sim.schedule(this.now + ms, () => {
      this.timer = -1;
      if (this.state === 'running') then();
    });
  }

  protected nextTransferId(what: string): string {
    return `job${this.job.id}:${what}:${++this.transferSeq}`;
  }

  /** Transport per part of the move (storage, memory), in the order first used. */
  private readonly transports = new Map<string, string>();

  protected noteInfo(info: TransferInfo | undefined, part: 'storage' | 'memory' = 'storage'): void {
    if (!info) return;
    this.lastInfo = info;
    this.transports.set(part, info.transport);
    this.job.transport = this.transports.size === 1 ? info.transport : [...this.transports].map(([k, t]) => `${t} (${k})`).join(' + ');
    const seen = new Set(this.job.channels.map((c) => `${c.client}>${c.server}:${c.rdma}`));
    for (const c of info.channels) {
      const k = `${c.client}>${c.server}:${c.rdma}`;
      if (!seen.has(k)) {
        seen.add(k);
        this.job.channels.push(c);
      }
    }
    for (const n of info.nics) if (!this.job.nics.includes(n)) this.job.nics.push(n);
  }

  /** The fabric stalled or re-routed a transfer of this move (failover): noted on the job and in the log. */
  protected onTransferChanged(c: TransferChange, part: 'storage' | 'memory'): void {
    this.job.notes.push(`${formatTime(this.now)}: ${c.reason}`);
    this.env.log(LogText.stalled(this.vm, c.reason));
    if (c.plan) this.noteInfo(describe([c.plan]), part);
    this.env.jobChanged(this.job);
  }

  // ── Copy phase ────────────────────────────────────────────────────────────────────────────────

  /** The files this move copies, VHDs first (the long part), then configuration, checkpoints, smart paging. */
  protected prepareCopies(): void {
    const order = { vhd: 0, configuration: 1, checkpoint: 2, smartPaging: 3 } as const;
    const files = this.placement.files.filter((f) => f.action === 'copy').sort((a, b) => order[a.kind] - order[b.kind]);
    const byWay = new Map<string, CopyGroup>();
    for (const file of files) {
      if (!file.source.ok || !file.destination.ok) continue; // the pre-checks refused these; never reached
      const src = file.source.at;
      const dst = file.destination.at;
      const way = `${src.computer}|${src.volume}|${src.share ?? ''}>${dst.computer}|${dst.volume}|${dst.share ?? ''}`.toLowerCase();
      let group = byWay.get(way);
      if (!group) {
        group = { transferId: '', src, dst, bytes: 0, items: [], started: false, done: false };
        byWay.set(way, group);
        this.groups.push(group);
      }
      const item: CopyItem = { file, src, dst, group, offset: group.bytes, writer: undefined as unknown as PartialWriter };
      group.bytes += file.sizeBytes;
      group.items.push(item);
      const g = group;
      item.writer = {
        key: volumeKey(dst.computer, dst.volume),
        computer: dst.computer,
        volume: dst.volume,
        sizeBytes: file.sizeBytes,
        written: () => {
          if (g.done) return file.sizeBytes;
          if (!g.started) return 0;
          const w = this.env.transfers.bytesDone(g.transferId) - item.offset;
          return w <= 0 ? 0 : w >= file.sizeBytes ? file.sizeBytes : w;
        },
        growing: () => g.started && !g.done,
        owner: { diskFull: () => this.fail(`Failed to copy '${file.sourcePath}' to '${file.destinationPath}': ${DISK_FULL}`) },
      };
      this.copies.push(item);
    }
  }

  protected copyBytesTotal(): number {
    return this.copies.reduce((n, c) => n + c.file.sizeBytes, 0);
  }

  protected copyBytesDone(): number {
    let n = 0;
    for (const c of this.copies) n += c.writer.written();
    return n;
  }

  protected copyRate(): number {
    const g = this.groups[this.groupCursor];
    return g && g.started && !g.done ? this.env.transfers.rate(g.transferId) : 0;
  }

  /** The file being written now, for messages. */
  private currentItem(g: CopyGroup): CopyItem {
    const done = g.started ? this.env.transfers.bytesDone(g.transferId) : 0;
    return g.items.find((i) => done < i.offset + i.file.sizeBytes) ?? g.items.at(-1)!;
  }

  /** Copies every file in order, with mirroring; calls `then` when all are done. */
  protected runCopies(mover: string, then: () => void): void {
    this.copyDoneCallback = then;
    this.startMirrors(mover);
    this.copyNext(mover);
  }

  private copyNext(mover: string): void {
    if (this.state !== 'running') return;
    const g = this.groups[this.groupCursor];
    if (!g) {
      const cb = this.copyDoneCallback;
      this.copyDoneCallback = undefined;
      cb?.();
      return;
    }
    g.transferId = this.nextTransferId('copy');
    const failed = (reason: string): void => {
      const item = this.currentItem(g);
      this.fail(`Failed to copy '${item.file.sourcePath}' to '${item.file.destinationPath}': ${reason}`);
    };
    const r = this.env.transfers.start({
      id: g.transferId,
      bytes: g.bytes,
      legs: fileCopyLegs(g.transferId, mover, g.src, g.dst),
      onComplete: () => {
        if (this.state !== 'running') return;
        g.done = true;
        this.recordPartials();
        this.env.space.touch(g.items[0]!.writer.key);
        this.groupCursor++;
        this.copyNext(mover);
      },
      onFailed: failed,
      onChanged: (c) => this.onTransferChanged(c, 'storage'),
    });
    if (!r.ok) {
      failed(r.reason);
      return;
    }
    g.started = true;
    this.noteInfo(this.env.transfers.info(g.transferId));
    this.recordPartials();
    for (const item of g.items) {
      this.env.space.add(item.writer);
      if (!this.alive) return; // the volume was already full: the move failed
    }
  }

  /**
   * Guest writes mirrored to the destination while a running VM's disks are copied
   * (parameters.mirrorGuestWrites): one flow per VHD being copied, at the VM's disk write rate
   * shared in proportion to disk size, until the switch.
   */
  private startMirrors(mover: string): void {
    const vm = this.vm;
    const rate = vm.workload.diskWriteBytesPerSec;
    if (!this.env.params.mirrorGuestWrites || !this.mirrorsGuestWrites() || vm.state !== 'Running' || !(rate > 0)) return;
    const disks = this.copies.filter((c) => c.file.kind === 'vhd');
    const total = vm.vhds.reduce((n, d) => n + d.sizeBytes, 0);
    if (!disks.length || total <= 0) return;
    for (const c of disks) {
      const id = this.nextTransferId('mirror');
      const share = c.file.sizeBytes / total;
      if (!(share > 0)) continue;
      const r = this.env.transfers.start({
        id,
        // Runs until the switch cancels it: a size it cannot reach in any simulated run.
        bytes: 1e18,
        legs: fileCopyLegs(id, mover, c.src, c.dst, { readSource: false }),
        extraUses: [{ resource: Resources.volWrite(c.src.computer, c.src.volume), perByte: 1 }],
        maxRate: rate * share,
        onComplete: () => undefined,
        // A mirror that loses its path is dropped; the copy on the same path fails the move.
        onFailed: () => {
          const i = this.mirrors.indexOf(id);
          if (i >= 0) this.mirrors.splice(i, 1);
        },
      });
      if (r.ok) this.mirrors.push(id);
    }
  }

  /** Whether the destination copy must follow the guest's writes (a move does; an export is a point-in-time copy). */
  protected mirrorsGuestWrites(): boolean {
    return true;
  }

  protected stopMirrors(): void {
    for (const id of this.mirrors) this.env.transfers.cancel(id);
    this.mirrors.length = 0;
  }

  /** Keeps Job.partialFiles in step with the copies (what a restart removes). */
  protected recordPartials(): void {
    if (this.job.committedAt !== undefined || this.state !== 'running') return;
    // A file exists on the destination once its copy has begun (files of a group begin in turn).
    const begun = (c: CopyItem): boolean =>
      c.group.done || (c.group.started && (c.offset === 0 || this.env.transfers.bytesDone(c.group.transferId) >= c.offset));
    this.job.partialFiles = this.copies.filter(begun).map((c) => ({
      computer: c.dst.computer,
      volume: c.dst.volume,
      path: c.file.destinationPath,
      sizeBytes: c.file.sizeBytes,
      bytesWritten: c.writer.written(),
    }));
  }

  protected dropPartials(): void {
    for (const c of this.copies) if (c.group.started) this.env.space.remove(c.writer);
    this.job.partialFiles = [];
  }

  // ── Switch ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Applies the placement to the VM in this one event: every copied or renamed file takes its
   * destination path, the location settings change, and (live) the VM's host. A file whose
   * current path is no longer the one planned (the VM changed meanwhile) is left alone.
   * RetainVhdCopiesOnSource: the source copies of copied VHDs stay on their volume as files the
   * world no longer tracks as VM files, i.e. as other data of that volume.
   */
  protected commit(newHost?: string): void {
    const vm = this.vm;
    const world = this.env.world();
    this.env.space.applyVm(vm, -1);
    this.stopMirrors();
    this.dropPartials();
    const oldHost = vm.host;
    for (const f of this.placement.files) {
      if (f.action === 'stay') continue;
      setFilePath(vm, f);
      if (f.kind === 'vhd' && f.action === 'copy' && this.placement.retainVhdCopiesOnSource && f.source.ok) {
        const at = f.source.at;
        const host = world.hosts.find((x) => x.name.toLowerCase() === at.computer.toLowerCase());
        const v = host?.volumes.find((x) => x.letter === at.volume);
        if (v) v.otherDataBytes += f.sizeBytes;
      }
    }
    const loc = this.placement.locations;
    if (loc.configuration.changed) vm.paths.configuration = loc.configuration.after;
    if (loc.snapshots.changed) vm.paths.snapshots = loc.snapshots.after;
    if (loc.smartPaging.changed) vm.paths.smartPaging = loc.smartPaging.after;
    if (newHost) vm.host = newHost;
    this.env.space.applyVm(vm, 1);
    this.job.committedAt = this.now;
    this.job.cancellable = false;
    if (newHost && newHost !== oldHost) {
      this.env.hostLoadChanged(oldHost);
      this.env.hostLoadChanged(newHost);
    }
    this.env.worldChanged();
    this.env.jobChanged(this.job);
  }

  // ── Ending ────────────────────────────────────────────────────────────────────────────────────

  protected complete(log: LogLine): void {
    const cur = this.job.stages[this.stageIndex];
    if (cur && cur.status === 'Running') this.closeStage(cur, 'Done');
    this.refresh();
    this.job.percent = 100;
    this.job.etaMs = 0;
    this.finish('Completed');
    this.env.log(log);
  }

  /** Stop-Job: rolls back if still possible, else says why not. */
  cancel(): { ok: true } | { ok: false; message: string } {
    if (this.state === 'ended') return { ok: true };
    if (!this.cancellable) {
      const s = this.job.stages[this.stageIndex]?.name ?? 'final';
      return {
        ok: false,
        message: `The move of virtual machine '${this.vm.name}' cannot be cancelled now: it is in its ${s} stage, which cannot be interrupted. A move can be cancelled only during Setup or while data is being transferred.`,
      };
    }
    this.rollback('Cancelled', undefined);
    this.env.log(this.cancelledLog());
    return { ok: true };
  }

  /** Fails the move: before the switch it rolls back; after it (never expected) it is recorded. */
  fail(reason: string): void {
    if (this.state === 'ended') return;
    if (this.job.committedAt !== undefined) {
      // Nothing after the switch moves bytes over the network, so nothing should fail there.
      this.job.notes.push(`${formatTime(this.now)}: ${reason}`);
      return;
    }
    this.rollback('Failed', reason);
    this.env.log(this.failedLog(reason));
  }

  protected rollback(state: 'Failed' | 'Cancelled', reason: string | undefined): void {
    if (this.timer !== -1) this.env.sim.cancel(this.timer);
    this.timer = -1;
    for (const g of this.groups) if (g.started && !g.done) this.env.transfers.cancel(g.transferId);
    this.stopMirrors();
    this.cancelOwnTransfers();
    this.dropPartials();
    const status = state === 'Failed' ? 'Failed' : 'Cancelled';
    const cur = this.job.stages[this.stageIndex];
    if (cur && cur.status === 'Running') this.closeStage(cur, status);
    for (const s of this.job.stages) if (s.status === 'Pending') s.status = 'Skipped';
    if (reason !== undefined) this.job.error = { message: reason };
    this.job.notes.push(`${formatTime(this.now)}: ${this.rollbackNote()}`);
    this.finish(state);
  }

  /** What a rollback leaves, for the job's notes. */
  protected rollbackNote(): string {
    return `rolled back — '${this.vm.name}' stays on ${this.vm.host} with its original files; partial destination files removed.`;
  }

  /** Transfers the subclass runs besides copies and mirrors (memory passes). */
  protected cancelOwnTransfers(): void {}

  protected finish(state: EndState): void {
    const wasQueued = this.state === 'queued';
    this.state = 'ended';
    this.job.state = state;
    this.job.endedAt = this.now;
    this.job.cancellable = false;
    delete this.job.queuePosition;
    if (!wasQueued || state !== 'Completed') delete this.job.etaMs;
    this.env.ended(this);
    this.env.jobChanged(this.job);
  }
}

/** Sets one file's path in the VM from a placed file's field, if it still holds the planned source. */
function setFilePath(vm: Vm, f: PlacedFile): void {
  const same = (p: string): boolean => p.toLowerCase() === f.sourcePath.toLowerCase();
  let m: RegExpExecArray | null;
  if (f.field === 'paths.configuration') return; // the location change carries it
  if ((m = /^vhds\[(\d+)\]\.path$/.exec(f.field))) {
    const d = vm.vhds[Number(m[1])];
    if (d && same(d.path)) d.path = f.destinationPath;
    return;
  }
  if ((m = /^checkpoints\[(\d+)\]\.files\[(\d+)\]\.path$/.exec(f.field))) {
    const file = vm.checkpoints[Number(m[1])]?.files[Number(m[2])];
    if (file && same(file.path)) file.path = f.destinationPath;
    return;
  }
  if (f.field === 'smartPagingFile.path' && vm.smartPagingFile && same(vm.smartPagingFile.path)) vm.smartPagingFile.path = f.destinationPath;
}

export function formatTime(ms: number): string {
  const s = ms / 1000;
  return `t=${s.toFixed(s < 100 ? 3 : 1)}s`;
}
