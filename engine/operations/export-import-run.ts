// Export and import copies as timed jobs. Both copy a VM's files the way a storage move does
// (MoveRun: the same flow-network transfers from the source volume over the network to the
// destination volume, partial files taking space as they are written, a full volume failing the
// job, Stop-Job and a restart rolling it back), but neither switches a VM to the copies:
//   Export  Setup → Copy; at its end the export folder becomes a record of the world
//           (world.exports) that Import-VM can read. The VM is untouched, before and after.
//   Import  Setup → Copy; at its end the new VM (restore: same ID, copy: a new one) is
//           registered on the host with the copies. Until then it does not exist.
// Neither takes a migration slot: Hyper-V's "Simultaneous storage migrations" limit governs moves
// only (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"); several
// exports share the disks and network as the flow network divides them.
import type { ExportedVm, Vm } from '../model/world';
import type { Job } from '../model/jobs';
import type { LogLine } from './event-log';
import { VMMS } from './event-log';
import { MoveRun, Stage, type RunEnv } from './move-run';
import type { FilePlacement, MoveRequest } from './prechecks';
import { ExportImportEventIds as Ids, ExportImportParameters, ExportImportTexts as T } from './export-import-parameters';

export const COPY_JOB_STAGES = [Stage.setup, Stage.copy] as const;

abstract class CopyJobRun extends MoveRun {
  slots(): string[] {
    return [];
  }

  protected override mirrorsGuestWrites(): boolean {
    return false;
  }

  /** The computer whose SMB client reads and writes the files. */
  protected abstract get mover(): string;
  protected abstract startedLog(): LogLine;
  /** Applies the finished copy to the world; returns the log line, or a reason to fail instead. */
  protected abstract land(): LogLine | { fail: string };

  begin(): void {
    this.state = 'running';
    this.job.state = 'Running';
    this.job.startedAt = this.now;
    delete this.job.queuePosition;
    this.env.log(this.startedLog());
    this.enter(Stage.setup);
    this.after(ExportImportParameters.setupMs, () => {
      this.prepareCopies();
      const s = this.enter(Stage.copy);
      s.bytesTotal = this.copyBytesTotal();
      this.runCopies(this.mover, () => this.finishCopy());
    });
  }

  private finishCopy(): void {
    const landed = this.land();
    if ('fail' in landed) {
      this.fail(landed.fail);
      return;
    }
    // The copies are files of the world now: no longer partial, counted from the world.
    this.dropPartials();
    this.env.space.invalidate();
    this.job.committedAt = this.now;
    this.job.cancellable = false;
    this.env.worldChanged();
    this.complete(landed);
  }

  refresh(): void {
    if (this.state !== 'running') return;
    const cur = this.job.stages[this.stageIndex];
    if (cur?.name === Stage.copy) {
      const total = this.copyBytesTotal();
      const done = this.copyBytesDone();
      const rate = this.copyRate();
      cur.bytesDone = done;
      cur.rate = rate;
      cur.elapsedMs = this.now - (cur.startedAt ?? this.now);
      if (rate > 0) cur.etaMs = ((total - done) * 1000) / rate;
      else delete cur.etaMs;
      this.recordPartials();
      this.job.percent = total > 0 ? Math.min(99, (100 * done) / total) : 99;
      if (rate > 0) this.job.etaMs = ((total - done) * 1000) / rate;
      else delete this.job.etaMs;
    } else if (cur?.startedAt !== undefined) {
      cur.elapsedMs = this.now - cur.startedAt;
      this.job.etaMs = Math.max(0, ExportImportParameters.setupMs - cur.elapsedMs);
    }
  }
}

export class ExportRun extends CopyJobRun {
  constructor(
    env: RunEnv,
    job: Job,
    vm: Vm,
    request: MoveRequest,
    placement: FilePlacement,
    /** The export as it will be recorded: the VM as it was when the export began. */
    readonly record: ExportedVm,
  ) {
    super(env, job, vm, request, placement);
  }

  protected get mover(): string {
    return this.vm.host;
  }

  protected startedLog(): LogLine {
    return { level: 'Information', source: VMMS, eventId: Ids.exportStarted, message: T.exportStarted(this.vm.name, this.vm.id, this.job.destination ?? '') };
  }

  protected land(): LogLine {
    this.record.exportedAt = this.now;
    this.env.world().exports.push(this.record);
    return {
      level: 'Information',
      source: VMMS,
      eventId: Ids.exportCompleted,
      message: T.exportCompleted(this.vm.name, this.vm.id, this.job.destination ?? ''),
    };
  }

  protected failedLog(reason: string): LogLine {
    return { level: 'Error', source: VMMS, eventId: Ids.exportFailed, message: T.exportFailedLog(this.vm.name, this.vm.id, reason) };
  }

  protected cancelledLog(): LogLine {
    return { level: 'Warning', source: VMMS, eventId: Ids.exportFailed, message: T.exportCancelled(this.vm.name, this.vm.id) };
  }

  protected override rollbackNote(): string {
    return `rolled back — the partial export in '${this.job.destination ?? ''}' was deleted; '${this.vm.name}' is unchanged.`;
  }
}

export class ImportRun extends CopyJobRun {
  /** `vm` is the VM to register once its files are copied: not in the world until then. */
  constructor(
    env: RunEnv,
    job: Job,
    vm: Vm,
    request: MoveRequest,
    placement: FilePlacement,
    private readonly from: string,
  ) {
    super(env, job, vm, request, placement);
  }

  protected get mover(): string {
    return this.vm.host;
  }

  protected startedLog(): LogLine {
    return { level: 'Information', source: VMMS, eventId: Ids.importStarted, message: T.importStarted(this.vm.name, this.vm.id, this.from) };
  }

  protected land(): LogLine | { fail: string } {
    const world = this.env.world();
    const vm = this.vm;
    // The ID and the name were free when the import began; a VM registered meanwhile wins.
    if (world.vms.some((v) => v.id.toLowerCase() === vm.id.toLowerCase())) return { fail: T.idInUse() };
    const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
    const clash = world.vms.find((v) => same(v.host, vm.host) && same(v.name, vm.name));
    if (clash) return { fail: `A virtual machine named '${clash.name}' was created on ${vm.host} meanwhile.` };
    world.vms.push(vm);
    this.env.hostLoadChanged(vm.host);
    return { level: 'Information', source: VMMS, eventId: Ids.importCompleted, message: T.importCompleted(vm.name, vm.id, vm.host) };
  }

  protected failedLog(reason: string): LogLine {
    return { level: 'Error', source: VMMS, eventId: Ids.importFailed, message: T.importFailedLog(this.vm.name, this.vm.id, reason) };
  }

  protected cancelledLog(): LogLine {
    return { level: 'Warning', source: VMMS, eventId: Ids.importFailed, message: T.importCancelled(this.vm.name, this.vm.id) };
  }

  protected override rollbackNote(): string {
    return `rolled back — the copied files were deleted; '${this.vm.name}' was not imported.`;
  }
}
