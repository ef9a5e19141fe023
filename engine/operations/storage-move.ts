// Storage migration: Move-VMStorage and the Move Wizard's "Move the virtual machine's storage",
// for a running or an off VM, with every placement the wizard offers (one folder, per item,
// disks only, configuration only, smart paging location only).
//
// Stages (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?", "semantics of a running storage move"; Ben Armstrong, "How does storage migration actually work?"):
//   Setup          create the destination folder and disks; mirroring of guest writes begins
//   Copy           single pass over each file (VHDs, then configuration, checkpoints, smart paging
//                  file), source volume read → network (if remote, SMB, VirtualMachine category)
//                  → destination volume write, at the bottleneck rate the flow network gives;
//                  guest writes are mirrored meanwhile (move-run.ts)
//   Switch         a short constant; the VM switches to the destination copies at its end (commit)
//   Delete source  only after the switch; -RetainVhdCopiesOnSource keeps the VHD copies
// A file moving within its own volume is renamed at the switch: no bytes, no extra space — as the
// placement plans it (prechecks/placement.ts "moveWithinVolume"). Whether Hyper-V renames or copies
// there is unconfirmed; renaming is what the free-space pre-check assumes, so the two agree.
import type { LogLine } from './event-log';
import { LogText } from './event-log';
import { MoveRun, Stage } from './move-run';

export const STORAGE_STAGES = [Stage.setup, Stage.copy, Stage.switch, Stage.deleteSource] as const;

export class StorageMove extends MoveRun {
  slots(): string[] {
    return [`${this.vm.host.toLowerCase()}|storage`];
  }

  begin(): void {
    this.state = 'running';
    this.job.state = 'Running';
    this.job.startedAt = this.now;
    delete this.job.queuePosition;
    this.env.log(LogText.storageStarted(this.vm, describeDestination(this.placement.locations.configuration.after, this.placement)));
    this.enter(Stage.setup);
    this.after(this.env.params.storageSetupMs, () => this.copy());
  }

  private copy(): void {
    this.prepareCopies();
    const s = this.enter(Stage.copy);
    s.bytesTotal = this.copyBytesTotal();
    this.runCopies(this.vm.host, () => this.switchOver());
  }

  private switchOver(): void {
    this.enter(Stage.switch);
    this.after(this.env.params.storageSwitchMs, () => {
      this.commit();
      this.enter(Stage.deleteSource);
      this.after(this.env.params.sourceDeleteMs, () => this.complete(LogText.storageCompleted(this.vm)));
    });
  }

  refresh(): void {
    if (this.state !== 'running') return;
    const total = this.copyBytesTotal();
    const done = this.copyBytesDone();
    const rate = this.copyRate();
    const cur = this.job.stages[this.stageIndex];
    const copy = this.job.stages.find((s) => s.name === Stage.copy)!;
    const p = this.env.params;
    if (cur === copy) {
      copy.bytesDone = done;
      copy.rate = rate;
      copy.elapsedMs = this.now - (copy.startedAt ?? this.now);
      if (rate > 0) copy.etaMs = ((total - done) * 1000) / rate;
      else delete copy.etaMs;
    } else if (cur?.startedAt !== undefined) {
      cur.elapsedMs = this.now - cur.startedAt;
    }
    this.recordPartials();
    const committed = this.job.committedAt !== undefined;
    this.job.percent = committed ? 100 : total > 0 ? Math.min(99, (100 * done) / total) : cur === copy || cur?.name === Stage.switch ? 99 : 0;
    const constants = (committed ? 0 : p.storageSwitchMs) + p.sourceDeleteMs;
    const setupLeft = cur?.name === Stage.setup ? Math.max(0, p.storageSetupMs - (this.now - (cur.startedAt ?? this.now))) : 0;
    if (cur?.name === Stage.setup) this.job.etaMs = setupLeft + constants;
    else if (cur === copy) {
      if (rate > 0) this.job.etaMs = ((total - done) * 1000) / rate + constants;
      else delete this.job.etaMs;
    } else if (cur?.startedAt !== undefined) {
      const stageMs = cur.name === Stage.switch ? p.storageSwitchMs : p.sourceDeleteMs;
      this.job.etaMs = Math.max(0, stageMs - (this.now - cur.startedAt)) + (cur.name === Stage.switch ? p.sourceDeleteMs : 0);
    }
  }

  protected failedLog(reason: string): LogLine {
    return LogText.storageFailed(this.vm, reason);
  }

  protected cancelledLog(): LogLine {
    return LogText.storageCancelled(this.vm);
  }
}

function describeDestination(configuration: string, placement: { files: { action: string; destinationPath: string }[] }): string {
  const moving = placement.files.filter((f) => f.action !== 'stay').map((f) => f.destinationPath);
  return moving.length ? moving.join(', ') : configuration;
}
