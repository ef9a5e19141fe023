import { describe, expect, it } from 'vitest';
import { MoveParameters as P } from '../../../engine/operations/parameters';
import { Resources } from '../../../engine/net/resources';
import { DISK_FULL } from '../../../engine/operations/volume-space';
import { GiB, KiB, MBps, MiB, engineOf, job, ok, refused, runUntil, stageOf, start, vm, worldWith } from './support';

const copyMs = (bytes: number, rate: number): number => (bytes * 1000) / rate;

describe('Move-VMStorage: one folder, running VM (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?")', () => {
  it('copies in one pass at the bottleneck rate, switches at the end, deletes the source', () => {
    const e = engineOf();
    const freeD0 = e.operations.space.freeBytes('HV01', 'D');
    const freeE0 = e.operations.space.freeBytes('HV01', 'E');
    const id = start(e, 'Move-VMStorage DC01 -DestinationStoragePath E:\\VMs\\DC01');
    e.advance(10_000);
    const mid = job(e, id);
    expect(mid.state).toBe('Running');
    expect(stageOf(mid, 'Copy').status).toBe('Running');
    // Source volume D read (1,100 MB/s) is the bottleneck; E writes 2,000 MB/s.
    expect(stageOf(mid, 'Copy').rate).toBeCloseTo(1100 * MBps, -3);
    expect(mid.partialFiles).toHaveLength(1);
    expect(mid.partialFiles[0]!.path).toBe('E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    // The VM still uses its source files until the switch; the destination space is taken already.
    expect(vm(e, 'DC01').vhds[0]!.path).toBe('D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    expect(freeE0 - e.operations.space.freeBytes('HV01', 'E')).toBeCloseTo(9500 * 1.1 * MBps, -4);
    expect(mid.percent).toBeGreaterThan(20);
    expect(mid.percent).toBeLessThan(30);
    e.runUntilIdle();
    const done = job(e, id);
    expect(done.state).toBe('Completed');
    const expected = P.storageSetupMs + copyMs(40 * GiB + 64 * KiB, 1100 * MBps) + P.storageSwitchMs + P.sourceDeleteMs;
    expect(done.endedAt! - done.startedAt!).toBeCloseTo(expected, 0);
    expect(done.stages.map((s) => s.status)).toEqual(['Done', 'Done', 'Done', 'Done']);
    expect(done.partialFiles).toEqual([]);
    expect(done.committedAt).toBeCloseTo(done.endedAt! - P.sourceDeleteMs, 6);
    const v = vm(e, 'DC01');
    expect(v.host).toBe('HV01');
    expect(v.state).toBe('Running');
    expect(v.paths).toEqual({ configuration: 'E:\\VMs\\DC01', snapshots: 'E:\\VMs\\DC01', smartPaging: 'E:\\VMs\\DC01' });
    expect(v.vhds[0]!.path).toBe('E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    expect(e.operations.space.freeBytes('HV01', 'D') - freeD0).toBe(40 * GiB + 64 * KiB);
    expect(freeE0 - e.operations.space.freeBytes('HV01', 'E')).toBe(40 * GiB + 64 * KiB);
    const log = e.state().log.map((l) => l.message);
    expect(log).toContain("Storage migration for virtual machine 'DC01' (Virtual machine ID vm-dc01) completed successfully.");
    expect(e.flow.activeTransfers()).toEqual([]);
  });

  it('returns once the job exists; -AsJob writes the job object', () => {
    const e = engineOf();
    const out = ok(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -AsJob');
    expect(out.output[0]).toMatchObject({
      Id: 1,
      Name: 'Job1',
      State: 'Running',
      Command: 'Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01 -AsJob',
    });
    expect(ok(e, 'Get-Job').output).toHaveLength(1);
    const waited = ok(e, 'Wait-Job -Id 1');
    expect(waited.output[0]).toMatchObject({ Id: 1, State: 'Completed' });
    expect(ok(e, 'Get-Job -State Completed').output).toHaveLength(1);
    expect(ok(e, 'Get-Job -State Running').output).toHaveLength(0);
  });

  it('pre-checks refuse with the Hyper-V message and nothing starts', () => {
    const e = engineOf();
    const err = refused(e, 'Move-VMStorage NOPE E:\\VMs\\NOPE');
    expect(err.message).toBe('Hyper-V was unable to find a virtual machine with name "NOPE".');
    expect(e.state().jobs).toEqual([]);
  });

  it('one move per VM at a time', () => {
    const e = engineOf();
    start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    expect(refused(e, 'Move-VMStorage DC01 E:\\VMs\\DC01b').message).toMatch(/already being moved/);
  });
});

describe('Move-VMStorage: per item, disks only, configuration only, smart paging only', () => {
  it('configuration only moves the configuration; the disks stay', () => {
    const e = engineOf();
    start(e, 'Move-VMStorage DC01 -VirtualMachinePath E:\\Config\\DC01');
    e.runUntilIdle();
    const v = vm(e, 'DC01');
    expect(v.paths.configuration).toBe('E:\\Config\\DC01');
    expect(v.paths.snapshots).toBe('D:\\VMs\\DC01');
    expect(v.vhds[0]!.path).toBe('D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    expect(stageOf(e.state().jobs[0]!, 'Copy').bytesTotal).toBe(64 * KiB);
  });

  it('disks only (-Vhds) moves each disk to its own folder', () => {
    const e = engineOf();
    start(
      e,
      'Move-VMStorage SQL01 -Vhds @(@{"SourceFilePath"="D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx";"DestinationFilePath"="E:\\Data\\SQL01-Data.vhdx"})',
    );
    e.runUntilIdle();
    const v = vm(e, 'SQL01');
    expect(v.vhds.map((d) => d.path)).toEqual(['D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', 'E:\\Data\\SQL01-Data.vhdx']);
    expect(v.paths.configuration).toBe('D:\\VMs\\SQL01');
    expect(e.state().jobs[0]!.state).toBe('Completed');
  });

  it('smart paging location only: no bytes move, the setting changes at the switch', () => {
    const e = engineOf();
    start(e, 'Move-VMStorage WEB01 -SmartPagingFilePath E:\\SmartPaging');
    e.runUntilIdle();
    const j = e.state().jobs[0]!;
    expect(j.state).toBe('Completed');
    expect(stageOf(j, 'Copy').bytesTotal).toBe(0);
    expect(j.endedAt! - j.startedAt!).toBeCloseTo(P.storageSetupMs + P.storageSwitchMs + P.sourceDeleteMs, 6);
    expect(vm(e, 'WEB01').paths.smartPaging).toBe('E:\\SmartPaging');
    expect(vm(e, 'WEB01').paths.configuration).toBe('\\\\FS01\\VMs\\WEB01');
  });

  it('-RetainVhdCopiesOnSource keeps the source copy on its volume', () => {
    const e = engineOf();
    const freeD0 = e.operations.space.freeBytes('HV01', 'D');
    start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -RetainVhdCopiesOnSource');
    e.runUntilIdle();
    // The configuration left D; the VHD's source copy stays (as data the VM no longer uses).
    expect(e.operations.space.freeBytes('HV01', 'D') - freeD0).toBe(64 * KiB);
    expect(vm(e, 'DC01').vhds[0]!.path).toBe('E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
  });

  it('an off VM: no mirrored writes, same stages', () => {
    const e = engineOf();
    const id = start(e, 'Move-VMStorage TEST01 E:\\VMs\\TEST01 -ComputerName HV02');
    e.advance(2000);
    expect(e.flow.activeTransfers()).toHaveLength(1);
    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
    expect(vm(e, 'TEST01').vhds[0]!.path).toBe('E:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx');
  });
});

describe('mirrored guest writes and remote copies (Ben Armstrong, "How does storage migration actually work?"; Microsoft Learn, "Set-SmbBandwidthLimit")', () => {
  it('guest writes cost write bandwidth on both volumes while mirroring', () => {
    const w = worldWith((x) => {
      const h = x.hosts.find((hh) => hh.name === 'HV01')!;
      h.volumes = [
        { letter: 'C', capacityBytes: 300 * GiB, readBytesPerSec: 500 * MBps, writeBytesPerSec: 500 * MBps },
        { letter: 'D', capacityBytes: 2000 * GiB, readBytesPerSec: 2000 * MBps, writeBytesPerSec: 2000 * MBps },
        { letter: 'E', capacityBytes: 2000 * GiB, readBytesPerSec: 2000 * MBps, writeBytesPerSec: 1000 * MBps },
      ];
      const dc = x.vms!.find((v) => v.name === 'DC01')!;
      dc.workload = { ...dc.workload, diskWriteBytesPerSec: 100 * MBps };
    });
    const e = engineOf(w);
    const id = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    e.advance(5000);
    // E writes 1,000 MB/s: 100 MB/s of mirrored guest writes, 900 MB/s left for the copy.
    expect(stageOf(job(e, id), 'Copy').rate).toBeCloseTo(900 * MBps, -3);
    expect(e.flow.usage(Resources.volWrite('HV01', 'D'))).toBeCloseTo(100 * MBps, -3);
    e.runUntilIdle();
    // Mirroring ends at the switch.
    expect(e.flow.activeTransfers()).toEqual([]);
  });

  it('to an SMB share: SMB Direct over both RDMA adapters, in the VirtualMachine bandwidth category', () => {
    const w = worldWith((x) => {
      x.hosts.find((h) => h.name === 'HV01')!.smb = { bandwidthLimits: { VirtualMachine: 300 * MBps } };
    });
    const e = engineOf(w);
    const id = start(e, 'Move-VMStorage DC01 \\\\FS01\\VMs\\DC01');
    e.advance(3000);
    const j = job(e, id);
    expect(j.transport).toBe('SMB Direct (iWARP) x2');
    expect(j.channels.every((c) => c.rdma)).toBe(true);
    expect(j.nics.sort()).toEqual(['FS01:SMB1', 'FS01:SMB2', 'HV01:SMB1', 'HV01:SMB2']);
    // The copy and the mirror (512 KB/s of guest writes) share the 300 MB/s VirtualMachine cap.
    expect(stageOf(j, 'Copy').rate + 512 * KiB).toBeCloseTo(300 * MBps, -3);
    e.runUntilIdle();
    expect(vm(e, 'DC01').vhds[0]!.path).toBe('\\\\FS01\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
  });

  it('share to share: relayed by the VM host, every resource within its capacity', () => {
    const w = worldWith((x) => {
      x.hosts.push({
        ...structuredClone(x.hosts.find((h) => h.name === 'FS01')!),
        name: 'FS02',
        nics: [
          { name: 'MGMT', speedGbps: 1, rssQueues: 4, ipAddress: '192.168.1.21' },
          { name: 'SMB1', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8, ipAddress: '10.10.1.21' },
          { name: 'SMB2', speedGbps: 10, rdma: { type: 'iWARP', enabled: true }, rssQueues: 8, ipAddress: '10.10.2.21' },
        ],
      });
    });
    const e = engineOf(w);
    const id = start(e, 'Move-VMStorage WEB01 \\\\FS02\\VMs\\WEB01');
    e.advance(3000);
    const j = job(e, id);
    expect(j.transport).toContain(' + ');
    // HV01's RDMA adapters carry both legs: in from FS01 and out to FS02 (full duplex).
    expect(e.flow.usage(Resources.nicRx('HV01', 'SMB1'))).toBeGreaterThan(0);
    expect(e.flow.usage(Resources.nicTx('HV01', 'SMB1'))).toBeGreaterThan(0);
    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
    expect(vm(e, 'WEB01').paths.configuration).toBe('\\\\FS02\\VMs\\WEB01');
  });
});

describe('queue: simultaneous storage migrations per host (Microsoft Learn, "Set up hosts for live migration without Failover Clustering")', () => {
  it('a third storage move on a host waits with a queue position, then starts', () => {
    const e = engineOf();
    const a = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    const b = start(e, 'Move-VMStorage WEB01 E:\\VMs\\WEB01');
    const c = start(
      e,
      'Move-VMStorage SQL01 -Vhds @(@{"SourceFilePath"="D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx";"DestinationFilePath"="E:\\VMs\\SQL01.vhdx"})',
    );
    // On another host: not queued behind HV01's.
    const d = start(e, 'Move-VMStorage TEST01 E:\\VMs\\TEST01 -ComputerName HV02');
    expect(job(e, a).state).toBe('Running');
    expect(job(e, b).state).toBe('Running');
    expect(job(e, c).state).toBe('Queued');
    expect(job(e, c).queuePosition).toBe(1);
    expect(job(e, d).state).toBe('Running');
    expect(ok(e, `Get-Job -Id ${c}`).output[0]).toMatchObject({ State: 'NotStarted', QueuePosition: 1 });
    runUntil(e, () => job(e, c).state === 'Running');
    const first = [job(e, a), job(e, b)].find((j) => j.state === 'Completed')!;
    expect(job(e, c).startedAt).toBe(first.endedAt);
    e.runUntilIdle();
    expect([a, b, c, d].map((id) => job(e, id).state)).toEqual(['Completed', 'Completed', 'Completed', 'Completed']);
  });

  it('Set-VMHost -MaximumStorageMigrations 1 makes the second one wait', () => {
    const e = engineOf();
    ok(e, 'Set-VMHost -MaximumStorageMigrations 1');
    start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    const b = start(e, 'Move-VMStorage WEB01 E:\\VMs\\WEB01');
    expect(job(e, b).state).toBe('Queued');
    expect(e.state().log.some((l) => l.message.includes('queued'))).toBe(true);
  });
});

describe('cancel and rollback (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?": cancel in Setup or Data Transfer)', () => {
  it('Stop-Job during the copy rolls back: VM untouched, partial files gone, flows cancelled', () => {
    const e = engineOf();
    const freeE0 = e.operations.space.freeBytes('HV01', 'E');
    const before = vm(e, 'DC01');
    const id = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -AsJob');
    e.advance(8000);
    ok(e, `Stop-Job -Id ${id}`);
    const j = job(e, id);
    expect(j.state).toBe('Cancelled');
    expect(ok(e, `Get-Job -Id ${id}`).output[0]).toMatchObject({ State: 'Stopped' });
    expect(stageOf(j, 'Copy').status).toBe('Cancelled');
    expect(stageOf(j, 'Switch').status).toBe('Skipped');
    expect(j.partialFiles).toEqual([]);
    expect(vm(e, 'DC01')).toEqual(before);
    expect(e.operations.space.freeBytes('HV01', 'E')).toBe(freeE0);
    expect(e.flow.activeTransfers()).toEqual([]);
    expect(e.state().log.at(-1)!.message).toMatch(/was cancelled/);
    e.runUntilIdle();
    expect(vm(e, 'DC01')).toEqual(before);
  });

  it('a queued move cancels at once', () => {
    const e = engineOf();
    ok(e, 'Set-VMHost -MaximumStorageMigrations 1');
    start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    const b = start(e, 'Move-VMStorage WEB01 E:\\VMs\\WEB01');
    ok(e, `Stop-Job -Id ${b}`);
    expect(job(e, b).state).toBe('Cancelled');
    e.runUntilIdle();
    expect(vm(e, 'WEB01').paths.configuration).toBe('\\\\FS01\\VMs\\WEB01');
  });

  it('the switch and the source deletion cannot be cancelled: Stop-Job says so', () => {
    const e = engineOf();
    const id = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    runUntil(e, () => job(e, id).stages.find((s) => s.status === 'Running')?.name === 'Switch');
    expect(job(e, id).cancellable).toBe(false);
    const err = refused(e, `Stop-Job -Id ${id}`);
    expect(err.message).toMatch(/cannot be cancelled now: it is in its Switch stage/);
    runUntil(e, () => job(e, id).stages.find((s) => s.status === 'Running')?.name === 'Delete source');
    expect(refused(e, `Stop-Job -Id ${id}`).message).toMatch(/Delete source stage/);
    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
  });

  it('Stop-Job of a job that does not exist', () => {
    expect(refused(engineOf(), 'Stop-Job -Id 42').message).toMatch(/cannot find a job with the job ID 42/);
  });
});

describe('a destination volume filling up mid-move (issue §5)', () => {
  it('fails the move still writing there when the volume is full, and rolls it back', () => {
    // E: 60 GiB free. DC01 (40 GiB) and WEB01 (40 GiB) each fit alone (pre-checks pass), not together.
    const w = worldWith((x) => {
      const e = x.hosts.find((h) => h.name === 'HV01')!.volumes.find((v) => v.letter === 'E')!;
      e.otherDataBytes = e.capacityBytes - 60 * GiB;
    });
    const e = engineOf(w);
    const a = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    const b = start(e, 'Move-VMStorage WEB01 E:\\VMs\\WEB01');
    let lowest = Infinity;
    runUntil(e, () => {
      lowest = Math.min(lowest, e.operations.space.freeBytes('HV01', 'E'));
      return job(e, a).state !== 'Running';
    });
    // WEB01 (read from FS01 over SMB Direct) finished first; DC01 was still writing when E filled up.
    expect(job(e, b).state).toBe('Completed');
    const j = job(e, a);
    expect(j.state).toBe('Failed');
    expect(j.error!.message).toBe(
      `Failed to copy 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx' to 'E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx': ${DISK_FULL}`,
    );
    expect(j.partialFiles).toEqual([]);
    expect(stageOf(j, 'Copy').status).toBe('Failed');
    // It failed when E was full (within the margin), not before, not after.
    expect(lowest).toBeGreaterThanOrEqual(0);
    expect(lowest).toBeLessThan(P.volumeFullMarginBytes + MiB);
    expect(vm(e, 'DC01').vhds[0]!.path).toBe('D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    expect(vm(e, 'WEB01').vhds[0]!.path).toBe('E:\\VMs\\WEB01\\Virtual Hard Disks\\WEB01.vhdx');
    // DC01's partial file is gone: what is left on E is exactly WEB01's files.
    expect(e.operations.space.freeBytes('HV01', 'E')).toBe(60 * GiB - 40 * GiB - 64 * KiB);
    expect(
      e
        .state()
        .log.filter((l) => l.level === 'Error')
        .map((l) => l.message)[0],
    ).toMatch(/^Storage migration for virtual machine 'DC01'.*failed\./);
    e.runUntilIdle();
    expect(e.flow.activeTransfers()).toEqual([]);
  });
});
