import { describe, expect, it } from 'vitest';
import { MoveParameters as P } from '../../../engine/operations/parameters';
import type { WorldInput } from '../../../engine/model/world';
import { GiB, MiB, engineOf, job, ok, refused, runUntil, stageOf, start, vm, worldWith } from './support';

/** Puts a VM's files on \\FS01\VMs (so "move only the virtual machine" applies). */
function onShare(x: WorldInput, name: string): void {
  const v = x.vms!.find((vv) => vv.name === name)!;
  const folder = `\\\\FS01\\VMs\\${name}`;
  v.paths = { configuration: folder, snapshots: folder, smartPaging: folder };
  v.vhds = (v.vhds ?? []).map((d) => ({ ...d, path: `${folder}\\Virtual Hard Disks\\${d.path.split('\\').at(-1)!}` }));
}

const runningStage = (e: ReturnType<typeof engineOf>, id: string): string | undefined => job(e, id).stages.find((s) => s.status === 'Running')?.name;

describe('Move-VM, VM only (files on an SMB share; Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"; Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499)', () => {
  it('pre-copies, blacks out briefly, resumes on the destination; the VM never stops', () => {
    const e = engineOf();
    const id = start(e, 'Move-VM WEB01 HV02');
    const seen = new Set<string>();
    let hostSwitchedAt = -1;
    runUntil(e, () => {
      const v = vm(e, 'WEB01');
      expect(v.state).toBe('Running');
      const stage = runningStage(e, id);
      if (stage) seen.add(stage);
      if (v.host === 'HV02' && hostSwitchedAt < 0) hostSwitchedAt = e.now;
      if (stage === 'Memory transfer') {
        // The container VM on HV02 holds WEB01's memory while it is copied.
        expect(e.operations.incomingMemory().get('hv02')).toBe(2 * GiB);
        expect(v.host).toBe('HV01');
      }
      return job(e, id).state !== 'Running';
    });
    const j = job(e, id);
    expect(j.state).toBe('Completed');
    expect([...seen]).toEqual(['Setup', 'Memory transfer', 'Blackout', 'Resume']);
    expect(j.committedAt).toBe(hostSwitchedAt);
    expect(vm(e, 'WEB01').host).toBe('HV02');
    expect(vm(e, 'WEB01').paths.configuration).toBe('\\\\FS01\\VMs\\WEB01');
    // Pass 1 sends all memory (2 GiB startup); WEB01 dirties 20 MiB/s of a 512 MiB working set.
    expect(j.precopyPasses[0]!.bytes).toBe(2 * GiB);
    const p1 = j.precopyPasses[0]!;
    const t1 = (p1.endedAt! - p1.startedAt) / 1000;
    expect(j.precopyPasses[1]!.bytes).toBe(Math.round(20 * MiB * t1));
    expect(j.precopyPasses.length).toBeLessThanOrEqual(P.maxPrecopyPasses);
    expect(j.transport).toBe('Compression');
    expect(j.nics).toEqual(['HV01:SMB1', 'HV02:SMB1']);
    // Blackout: the rest + device state at the last pass's rate, plus the fixed part.
    expect(j.expectedDowntimeMs).toBeGreaterThan(P.blackoutFixedMs);
    expect(j.expectedDowntimeMs).toBeLessThan(100);
    expect(j.measuredDowntimeMs).toBeCloseTo(j.expectedDowntimeMs!, 0);
    expect(j.endedAt! - j.committedAt!).toBeCloseTo(P.liveMigrationResumeMs, 6);
    expect(e.operations.incomingMemory().size).toBe(0);
    const log = e.state().log.map((l) => l.message);
    expect(log[0]).toBe(
      "The Virtual Machine Management service initiated the live migration of virtual machine 'WEB01' (Virtual machine ID vm-web01) to destination host 'HV02'.",
    );
    expect(log.at(-1)).toMatch(/completed the live migration of virtual machine 'WEB01'/);
  });

  it('the performance option picks the transport: TCP/IP, Compression, SMB Direct', () => {
    const transports: Record<string, string> = {};
    const times: Record<string, number> = {};
    for (const option of ['TCPIP', 'Compression', 'SMB']) {
      const e = engineOf();
      ok(e, `Set-VMHost -VirtualMachineMigrationPerformanceOption ${option}`);
      const id = start(e, 'Move-VM WEB01 HV02');
      e.runUntilIdle();
      const j = job(e, id);
      expect(j.state).toBe('Completed');
      transports[option] = j.transport!;
      times[option] = stageOf(j, 'Memory transfer').endedAt! - stageOf(j, 'Memory transfer').startedAt!;
    }
    expect(transports).toEqual({ TCPIP: 'TCP/IP', Compression: 'Compression', SMB: 'SMB: SMB Direct (iWARP) x2' });
    expect(times.SMB!).toBeLessThan(times.Compression!);
    expect(times.Compression!).toBeLessThan(times.TCPIP!);
  });

  it('with the pass cap, a VM dirtying faster than the link stops at 5 passes with a long blackout', () => {
    const w = worldWith((x) => {
      const v = x.vms!.find((vv) => vv.name === 'WEB01')!;
      v.workload = { ...v.workload, memoryDirtyBytesPerSec: 4 * GiB, writableWorkingSetBytes: 2 * GiB };
    });
    const e = engineOf(w);
    const id = start(e, 'Move-VM WEB01 HV02');
    e.runUntilIdle();
    const j = job(e, id);
    expect(j.state).toBe('Completed');
    expect(j.precopyPasses).toHaveLength(5);
    expect(j.precopyPasses.slice(1).every((p) => p.bytes === 2 * GiB)).toBe(true);
    expect(j.notes.some((n) => n.includes('5-pass limit'))).toBe(true);
    expect(j.measuredDowntimeMs).toBeGreaterThan(1000);
  });
});

describe('Move-VM with storage (shared-nothing; Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?" "storage mirror first, then live migration")', () => {
  it('copies storage first, then memory, then deletes the source', () => {
    const e = engineOf();
    const freeHv02 = e.operations.space.freeBytes('HV02', 'D');
    const freeHv01 = e.operations.space.freeBytes('HV01', 'D');
    const id = start(e, 'Move-VM APP01 HV01 -IncludeStorage -DestinationStoragePath D:\\VMs\\APP01 -ComputerName HV02');
    e.runUntilIdle();
    const j = job(e, id);
    expect(j.state).toBe('Completed');
    expect(j.stages.map((s) => s.name)).toEqual(['Setup', 'Storage copy', 'Memory transfer', 'Blackout', 'Resume', 'Delete source']);
    expect(stageOf(j, 'Storage copy').endedAt).toBeLessThanOrEqual(stageOf(j, 'Memory transfer').startedAt!);
    expect(stageOf(j, 'Storage copy').bytesDone).toBe(35 * GiB + 64 * 1024 + 64 * 1024);
    expect(j.transport).toBe('SMB Direct (iWARP) x2 (storage) + Compression (memory)');
    const v = vm(e, 'APP01');
    expect(v.host).toBe('HV01');
    expect(v.vhds[0]!.path).toBe('D:\\VMs\\APP01\\Virtual Hard Disks\\APP01.vhdx');
    expect(v.checkpoints[0]!.files[0]!.path).toBe('D:\\VMs\\APP01\\Snapshots\\3F2A9C1E-5B7D-4E21-9A0C-1D2E3F4A5B6C.xml');
    const moved = 35 * GiB + 2 * 64 * 1024;
    expect(e.operations.space.freeBytes('HV02', 'D') - freeHv02).toBe(moved);
    expect(freeHv01 - e.operations.space.freeBytes('HV01', 'D')).toBe(moved);
  });

  it('per item: each file where it is told, the rest stays on shared storage', () => {
    const e = engineOf();
    // WEB01 lives on \\FS01\VMs: its disk stays there, its configuration moves to HV02's E:.
    const id = start(e, 'Move-VM WEB01 HV02 -VirtualMachinePath E:\\VMs\\WEB01 -SnapshotFilePath E:\\VMs\\WEB01\\Snapshots');
    e.runUntilIdle();
    const j = job(e, id);
    expect(j.state).toBe('Completed');
    expect(stageOf(j, 'Storage copy').bytesDone).toBe(64 * 1024);
    const v = vm(e, 'WEB01');
    expect(v).toMatchObject({
      host: 'HV02',
      paths: { configuration: 'E:\\VMs\\WEB01', snapshots: 'E:\\VMs\\WEB01\\Snapshots', smartPaging: '\\\\FS01\\VMs\\WEB01' },
    });
    expect(v.vhds[0]!.path).toBe('\\\\FS01\\VMs\\WEB01\\Virtual Hard Disks\\WEB01.vhdx');
  });

  it('an off VM moves with its storage: no memory, a short switch', () => {
    const e = engineOf();
    const id = start(e, 'Move-VM TEST01 HV01 -IncludeStorage -DestinationStoragePath D:\\VMs\\TEST01 -ComputerName HV02');
    e.runUntilIdle();
    const j = job(e, id);
    expect(j.state).toBe('Completed');
    expect(j.stages.map((s) => s.name)).toEqual(['Setup', 'Storage copy', 'Switch', 'Resume', 'Delete source']);
    expect(j.precopyPasses).toEqual([]);
    expect(j.measuredDowntimeMs).toBeUndefined();
    expect(vm(e, 'TEST01')).toMatchObject({ host: 'HV01', state: 'Off' });
  });
});

describe('admission: simultaneous live migrations count on both hosts', () => {
  it('a second migration into a host limited to one waits', () => {
    const e = engineOf(worldWith((x) => onShare(x, 'DC01')));
    ok(e, 'Set-VMHost -MaximumVirtualMachineMigrations 1 -ComputerName HV02');
    const a = start(e, 'Move-VM WEB01 HV02');
    const b = start(e, 'Move-VM DC01 HV02');
    expect(job(e, a).state).toBe('Running');
    expect(job(e, b)).toMatchObject({ state: 'Queued', queuePosition: 1 });
    // HV01 still has a free live slot, and storage moves use other slots.
    const c = start(e, 'Move-VMStorage SQL01 -VirtualMachinePath E:\\Config\\SQL01');
    expect(job(e, c).state).toBe('Running');
    e.runUntilIdle();
    expect(job(e, b).startedAt).toBe(job(e, a).endedAt);
    expect(vm(e, 'DC01').host).toBe('HV02');
  });
});

describe('cancel (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?": only in Setup or Data Transfer)', () => {
  it('Stop-Job during pre-copy: the VM stays on its source, flows and reservation gone', () => {
    const e = engineOf();
    const before = vm(e, 'WEB01');
    const id = start(e, 'Move-VM WEB01 HV02 -AsJob');
    runUntil(e, () => runningStage(e, id) === 'Memory transfer');
    e.advance(500);
    ok(e, `Stop-Job -Id ${id}`);
    const j = job(e, id);
    expect(j.state).toBe('Cancelled');
    expect(stageOf(j, 'Memory transfer').status).toBe('Cancelled');
    expect(stageOf(j, 'Blackout').status).toBe('Skipped');
    expect(vm(e, 'WEB01')).toEqual(before);
    expect(e.flow.activeTransfers()).toEqual([]);
    expect(e.operations.incomingMemory().size).toBe(0);
    expect(e.state().log.at(-1)!.message).toMatch(/was cancelled at migration source 'HV01'/);
  });

  it('the blackout cannot be cancelled', () => {
    const e = engineOf();
    const id = start(e, 'Move-VM WEB01 HV02');
    runUntil(e, () => runningStage(e, id) === 'Blackout');
    expect(refused(e, `Stop-Job -Id ${id}`).message).toMatch(/Blackout stage, which cannot be interrupted/);
    e.runUntilIdle();
    expect(vm(e, 'WEB01').host).toBe('HV02');
  });
});

describe('faults (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming", via the fabric)', () => {
  it('TCP/IP on a stand-alone adapter that goes down fails the migration, which rolls back', () => {
    const e = engineOf();
    ok(e, 'Set-VMHost -VirtualMachineMigrationPerformanceOption TCPIP');
    const id = start(e, 'Move-VM WEB01 HV02');
    runUntil(e, () => runningStage(e, id) === 'Memory transfer');
    e.advance(300);
    ok(e, 'Disable-NetAdapter -Name SMB1 -CimSession HV02');
    const j = job(e, id);
    expect(j.state).toBe('Failed');
    expect(j.error!.message).toMatch(/the live migration connection over SMB1 → SMB1 was lost/);
    expect(vm(e, 'WEB01').host).toBe('HV01');
    expect(e.flow.activeTransfers()).toEqual([]);
    expect(e.state().log.at(-1)!.message).toMatch(/^Virtual machine migration operation for 'WEB01' failed at migration source 'HV01'/);
  });

  it('SMB Multichannel losing a channel stalls, then goes on over the survivor', () => {
    const e = engineOf(
      worldWith((x) => {
        onShare(x, 'SQL01');
        x.vms!.find((v) => v.name === 'SQL01')!.networkAdapters = [];
      }),
    );
    ok(e, 'Set-VMHost -VirtualMachineMigrationPerformanceOption SMB');
    const id = start(e, 'Move-VM SQL01 HV02');
    runUntil(e, () => runningStage(e, id) === 'Memory transfer');
    e.advance(200);
    ok(e, 'Disable-NetAdapter -Name SMB2 -CimSession HV02');
    expect(job(e, id).state).toBe('Running');
    expect(job(e, id).notes.join('\n')).toMatch(/SMB Multichannel lost SMB2 → SMB2; continuing on SMB: SMB Direct \(iWARP\) x1/);
    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
    expect(job(e, id).transport).toBe('SMB: SMB Direct (iWARP) x1');
    expect(vm(e, 'SQL01').host).toBe('HV02');
  });

  it('a TCP stream on a team moves to the surviving member when its member fails', () => {
    const e = engineOf(
      worldWith((x) => {
        for (const h of x.hosts.filter((hh) => hh.role === 'HyperV')) {
          h.migration = { ...h.migration, useAnyNetwork: true, networks: [], performanceOption: 'TCPIP' };
          for (const n of h.nics!) if (n.name.startsWith('SMB')) n.linkUp = false;
        }
      }),
    );
    const id = start(e, 'Move-VM WEB01 HV02');
    runUntil(e, () => runningStage(e, id) === 'Memory transfer');
    const member = job(e, id)
      .nics.find((n) => n.startsWith('HV02:'))!
      .split(':')[1]!;
    expect(['NIC1', 'NIC2']).toContain(member);
    ok(e, `Disable-NetAdapter -Name ${member} -CimSession HV02`);
    expect(job(e, id).state).toBe('Running');
    expect(job(e, id).notes.join('\n')).toMatch(/team failover/);
    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
    expect(job(e, id).nics).toContain(`HV02:${member === 'NIC1' ? 'NIC2' : 'NIC1'}`);
    expect(vm(e, 'WEB01').host).toBe('HV02');
  });

  it('a storage copy over SMB survives a pulled cable (Multichannel failover)', () => {
    const e = engineOf();
    const id = start(e, 'Move-VMStorage DC01 \\\\FS01\\VMs\\DC01');
    runUntil(e, () => runningStage(e, id) === 'Copy');
    e.advance(2000);
    ok(e, 'Disable-NetAdapter -Name SMB1');
    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
    expect(job(e, id).notes.length).toBeGreaterThan(0);
  });
});

describe('host CPU follows the VMs (compression and TCP use idle CPU only)', () => {
  it("a VM moving in or out, or stopping, changes the hosts' idle CPU", async () => {
    const { Resources } = await import('../../../engine/net/resources');
    const e = engineOf();
    const cpu = (h: string) => {
      e.query({ name: 'clock' });
      return e.fabric.capacity(Resources.cpu(h));
    };
    const hv01 = cpu('HV01');
    const hv02 = cpu('HV02');
    start(e, 'Move-VM WEB01 HV02');
    e.runUntilIdle();
    // WEB01 asks 10 % of 2 vCPUs at 2.6 GHz.
    expect(cpu('HV01') - hv01).toBeCloseTo(0.2 * 2.6e9, -3);
    expect(hv02 - cpu('HV02')).toBeCloseTo(0.2 * 2.6e9, -3);
    ok(e, 'Stop-VM WEB01 -TurnOff -ComputerName HV02');
    expect(cpu('HV02')).toBeCloseTo(hv02, -3);
  });
});
