// Live migration: Move-VM and the Move Wizard's "Move the virtual machine" — VM only (files on an
// SMB share both hosts reach), with storage (shared-nothing), or per item.
//
// Stages (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499 phases; Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011 pre-copy):
//   Setup            the destination creates the container VM; its memory is reserved there
//   Storage copy     shared-nothing only: mirror + single-pass copy of the files that move, SMB
//                    in the VirtualMachine category (Ben Armstrong, "Faster live migration with compression" and "... with RDMA in Windows Server 2012 R2"), as a storage move
//   Memory transfer  pre-copy passes. Pass 1 sends all assigned memory; pass i+1 sends what the
//                    guest dirtied during pass i: min(D × T_i, W, M) (D dirty rate, T_i the pass's
//                    simulated duration, W writable working set, M memory). Each pass is a transfer
//                    on the flow network, so its duration comes from the bandwidth the transport
//                    gets at every instant — never from the closed form. Pre-copy stops when the
//                    dirty memory left could be sent within blackoutTargetMs at the bandwidth the
//                    last pass measured, or at maxPrecopyPasses (5 in 2012 R2, Savill p. 499)
//   Blackout         the VM pauses; the rest of the dirty memory plus the device state go over the
//                    transport at its current rate, plus a fixed part (blackoutFixedMs). Expected
//                    downtime is shown when it begins, measured downtime when it ends. At its end
//                    the VM runs on the destination: the switch (commit) — host and paths change
//   Resume           the source tears its VM down; an unsolicited ARP updates the network
//   Delete source    shared-nothing only: the source files are deleted after success
// An Off VM has no memory: Setup, Storage copy, then a short Switch (storageSwitchMs) commits.
// Transport: the source host's performance option (TCP/IP, Compression, SMB) through the net
// planner; Compression uses the VM's compression ratio and only idle CPU (engine/net).
import type { Host } from '../model/world';
import type { TransferKind } from '../net/transfer-planner';
import type { LogLine } from './event-log';
import { LogText } from './event-log';
import { migratingMemory } from './host-memory';
import { MoveRun, Stage } from './move-run';

export function liveStages(copies: boolean, running: boolean): string[] {
  return [
    Stage.setup,
    ...(copies ? [Stage.storageCopy] : []),
    ...(running ? [Stage.memory, Stage.blackout] : [Stage.switch]),
    Stage.resume,
    ...(copies ? [Stage.deleteSource] : []),
  ];
}

export function memoryTransferKind(source: Host): TransferKind {
  switch (source.migration.performanceOption) {
    case 'TCPIP':
      return 'LiveMigrationTcp';
    case 'SMB':
      return 'LiveMigrationSmb';
    default:
      return 'LiveMigrationCompression';
  }
}

export class LiveMigration extends MoveRun {
  readonly sourceHost: string = this.vm.host;
  destinationHost = '';
  private memoryBytes = 0;
  /** Memory bytes of finished passes. */
  private memorySent = 0;
  private passId = '';
  private passBytes = 0;
  private passStart = 0;
  private blackoutStart = 0;
  private running = false;
  private kind: TransferKind = 'LiveMigrationCompression';

  slots(): string[] {
    return [`${this.job.source!.toLowerCase()}|live`, `${this.job.destination!.toLowerCase()}|live`];
  }

  /** Memory the destination holds for the container VM, from Setup until the switch. */
  reservedMemory(): { host: string; bytes: number } | undefined {
    if (this.state !== 'running' || this.job.committedAt !== undefined) return undefined;
    return { host: this.destinationHost, bytes: this.memoryBytes };
  }

  begin(): void {
    this.state = 'running';
    this.destinationHost = this.placement.destinationHost;
    this.running = this.vm.state === 'Running';
    // Dynamic Memory holds what it has assigned still while the VM migrates (dynamic-memory.ts): that is what pre-copy copies.
    this.memoryBytes = this.running ? migratingMemory(this.vm, this.now) : 0;
    const src = this.env.world().hosts.find((h) => h.name.toLowerCase() === this.vm.host.toLowerCase());
    if (src) this.kind = memoryTransferKind(src);
    this.job.state = 'Running';
    this.job.startedAt = this.now;
    delete this.job.queuePosition;
    this.env.log(LogText.liveStarted(this.vm, this.destinationHost));
    this.enter(Stage.setup);
    this.env.memoryHeld();
    this.after(this.env.params.liveMigrationSetupMs, () => this.storage());
  }

  private storage(): void {
    this.prepareCopies();
    if (this.copies.length === 0) {
      this.afterStorage();
      return;
    }
    const s = this.enter(Stage.storageCopy);
    s.bytesTotal = this.copyBytesTotal();
    this.runCopies(this.sourceHost, () => this.afterStorage());
  }

  private afterStorage(): void {
    if (!this.running) {
      this.enter(Stage.switch);
      this.after(this.env.params.storageSwitchMs, () => this.switched(0));
      return;
    }
    const s = this.enter(Stage.memory);
    s.bytesTotal = this.memoryBytes;
    this.pass(this.memoryBytes);
  }

  private passCap(): number {
    const p = this.env.params;
    return Math.min(p.maxPrecopyPasses, p.safetyMaxPasses);
  }

  private pass(bytes: number): void {
    const n = this.job.precopyPasses.length + 1;
    this.passId = this.nextTransferId(`pass${n}`);
    this.passBytes = bytes;
    this.passStart = this.now;
    this.job.precopyPasses.push({ pass: n, bytes, startedAt: this.now });
    const started = this.startMemoryTransfer(this.passId, bytes, () => this.passDone());
    if (started) this.env.jobChanged(this.job);
  }

  private startMemoryTransfer(id: string, bytes: number, done: () => void): boolean {
    const r = this.env.transfers.start({
      id,
      bytes,
      // One migration connection for all passes: the request id (which seeds the team-member hash of
      // a TCP stream) is the migration's, the transfer id the pass's.
      legs: [
        { id: `job${this.job.id}:memory`, kind: this.kind, source: { host: this.sourceHost }, destination: { host: this.destinationHost }, vm: this.vm.id },
      ],
      onComplete: () => {
        if (this.state === 'running') done();
      },
      onFailed: (reason) => this.fail(reason),
      onChanged: (c) => this.onTransferChanged(c, 'memory'),
    });
    if (!r.ok) {
      this.fail(r.reason);
      return false;
    }
    this.noteInfo(this.env.transfers.info(id), 'memory');
    return true;
  }

  private passDone(): void {
    const p = this.env.params;
    const seconds = (this.now - this.passStart) / 1000;
    const record = this.job.precopyPasses.at(-1)!;
    record.endedAt = this.now;
    this.memorySent += this.passBytes;
    this.passId = '';
    // Bandwidth the transport delivered over this pass (what Hyper-V can measure).
    const bandwidth = seconds > 0 ? this.passBytes / seconds : Infinity;
    const w = this.vm.workload;
    // Whole bytes (pages are what is really resent; bytes keep the closed-form comparison exact enough).
    const dirty = Math.round(Math.min(w.memoryDirtyBytesPerSec * seconds, w.writableWorkingSetBytes ?? this.memoryBytes, this.memoryBytes));
    const stage = this.stage(Stage.memory);
    stage.bytesDone = this.memorySent;
    stage.bytesTotal = this.memorySent + dirty;
    const smallEnough = dirty <= (bandwidth * p.blackoutTargetMs) / 1000;
    if (smallEnough || this.job.precopyPasses.length >= this.passCap()) {
      if (!smallEnough)
        this.job.notes.push(`pre-copy stopped at the ${this.job.precopyPasses.length}-pass limit with ${(dirty / 1024 ** 2).toFixed(1)} MiB still dirty`);
      this.blackout(dirty, bandwidth);
      return;
    }
    this.pass(dirty);
  }

  private blackout(rest: number, bandwidth: number): void {
    const p = this.env.params;
    this.enter(Stage.blackout);
    // The guest is paused: no more writes to mirror.
    this.stopMirrors();
    const bytes = rest + p.deviceStateBytes;
    this.job.expectedDowntimeMs = (bandwidth === Infinity ? 0 : (bytes * 1000) / bandwidth) + p.blackoutFixedMs;
    this.blackoutStart = this.now;
    this.passId = this.nextTransferId('blackout');
    this.passBytes = bytes;
    this.passStart = this.now;
    const s = this.stage(Stage.blackout);
    s.bytesTotal = bytes;
    this.startMemoryTransfer(this.passId, bytes, () => {
      this.memorySent += bytes;
      this.passId = '';
      this.after(p.blackoutFixedMs, () => this.switched(this.now - this.blackoutStart));
    });
    this.env.jobChanged(this.job);
  }

  private switched(downtimeMs: number): void {
    if (this.running) this.job.measuredDowntimeMs = downtimeMs;
    this.commit(this.destinationHost);
    this.enter(Stage.resume);
    this.after(this.env.params.liveMigrationResumeMs, () => {
      if (!this.hasStage(Stage.deleteSource)) {
        this.done();
        return;
      }
      this.enter(Stage.deleteSource);
      this.after(this.env.params.sourceDeleteMs, () => this.done());
    });
  }

  private done(): void {
    this.complete(LogText.liveCompleted(this.vm, this.destinationHost, this.job.measuredDowntimeMs ?? 0));
  }

  protected override cancelOwnTransfers(): void {
    if (this.passId) this.env.transfers.cancel(this.passId);
    this.passId = '';
  }

  refresh(): void {
    if (this.state !== 'running') return;
    const p = this.env.params;
    const cur = this.job.stages[this.stageIndex];
    if (cur?.startedAt !== undefined) cur.elapsedMs = this.now - cur.startedAt;
    const copyTotal = this.copyBytesTotal();
    const copyDone = this.copyBytesDone();
    const passDone = this.passId ? this.env.transfers.bytesDone(this.passId) : 0;
    const passRate = this.passId ? this.env.transfers.rate(this.passId) : 0;
    const memoryPhase = cur?.name === Stage.memory || cur?.name === Stage.blackout;
    let memoryLeft = 0;
    if (cur?.name === Stage.memory && this.passId) {
      // This pass's rest, plus what the guest has dirtied so far in it (the next pass, at least).
      const w = this.vm.workload;
      const dirty = Math.min(w.memoryDirtyBytesPerSec * ((this.now - this.passStart) / 1000), w.writableWorkingSetBytes ?? this.memoryBytes, this.memoryBytes);
      memoryLeft = this.passBytes - passDone + dirty;
    } else if (cur?.name === Stage.blackout && this.passId) {
      memoryLeft = this.passBytes - passDone;
    } else if (!memoryPhase && this.job.committedAt === undefined) {
      memoryLeft = this.memoryBytes;
    }
    const memorySent = this.memorySent + passDone;
    if (cur?.name === Stage.storageCopy) {
      cur.bytesDone = copyDone;
      cur.rate = this.copyRate();
      if (cur.rate > 0) cur.etaMs = ((copyTotal - copyDone) * 1000) / cur.rate;
    } else if (cur?.name === Stage.memory) {
      cur.bytesDone = memorySent;
      cur.bytesTotal = memorySent + memoryLeft;
      cur.rate = passRate;
      if (passRate > 0) cur.etaMs = (memoryLeft * 1000) / passRate;
      else delete cur.etaMs;
    } else if (cur?.name === Stage.blackout) {
      cur.bytesDone = passDone;
      cur.rate = passRate;
    }
    this.recordPartials();
    const done = copyDone + memorySent;
    const left = copyTotal - copyDone + memoryLeft;
    // Can step back: dirty memory is resent (libvirt's job statistics (virDomainJobInfo) — the pass number says why).
    this.job.percent = this.job.committedAt !== undefined ? 100 : done + left > 0 ? Math.min(99, (100 * done) / (done + left)) : 0;
    const rate = cur?.name === Stage.storageCopy ? this.copyRate() : passRate;
    const tail =
      (this.job.committedAt === undefined ? p.blackoutFixedMs : 0) + p.liveMigrationResumeMs + (this.hasStage(Stage.deleteSource) ? p.sourceDeleteMs : 0);
    if (cur?.name === Stage.setup) this.job.etaMs = Math.max(0, p.liveMigrationSetupMs - (this.now - (cur.startedAt ?? this.now))) + tail;
    else if (rate > 0) this.job.etaMs = (left * 1000) / rate + tail;
    else if (this.job.committedAt !== undefined && cur?.startedAt !== undefined) {
      const stageMs = cur.name === Stage.resume ? p.liveMigrationResumeMs : p.sourceDeleteMs;
      this.job.etaMs =
        Math.max(0, stageMs - (this.now - cur.startedAt)) + (cur.name === Stage.resume && this.hasStage(Stage.deleteSource) ? p.sourceDeleteMs : 0);
    } else delete this.job.etaMs;
  }

  protected failedLog(reason: string): LogLine {
    return LogText.liveFailed(this.vm, this.sourceHost, reason);
  }

  protected cancelledLog(): LogLine {
    return LogText.liveCancelled(this.vm, this.sourceHost);
  }
}
