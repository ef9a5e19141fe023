import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { MoveParameters as P } from '../../../engine/operations/parameters';
import { hostMemory, restartMemory, startMemoryProblem } from '../../../engine/operations/host-memory';
import { GiB, engineOf, ok, refused, vm, worldWith } from './support';

// HV01 runs DC01 (2 GiB, static), SQL01 (8 GiB startup, dynamic) and WEB01 (2 GiB startup, 1 GiB
// minimum, dynamic). With no root reserve and 11.5 GiB of memory, a restarting WEB01 can get
// 1.5 GiB: more than its minimum, less than its startup memory.
const tight = (memory = 11.5 * GiB, edit?: Parameters<typeof worldWith>[0]) =>
  worldWith((x) => {
    x.hosts.find((h) => h.name === 'HV01')!.memoryBytes = memory;
    edit?.(x);
  });
const params = { moveParams: { hostReserveBytes: 0 } };

describe('host memory accounting (one place)', () => {
  it('running VMs hold their startup memory; the reserve and incoming migrations come off', () => {
    const w = tight();
    const hv01 = w.hosts.find((h) => h.name === 'HV01')!;
    const m = hostMemory(w, hv01, { hostReserveBytes: 0 }, new Map([['hv01', 0.5 * GiB]]));
    expect(m).toMatchObject({ assignedBytes: 12 * GiB, incomingBytes: 0.5 * GiB, availableBytes: -1 * GiB });
    // The published reserve formula by default: 384 MB + 64 MB per GB.
    expect(hostMemory(w, hv01, { hostReserveBytes: undefined }).reserveBytes).toBe(384 * 1024 ** 2 + 64 * 1024 ** 2 * 12);
    const web = w.vms.find((v) => v.name === 'WEB01')!;
    expect(restartMemory(w, hv01, web, { hostReserveBytes: 0 })).toEqual({ kind: 'smartPaging', physicalBytes: 1.5 * GiB, gapBytes: 0.5 * GiB });
  });

  it('Start-VM from Off never uses Smart Paging: it needs its startup memory', () => {
    const w = tight(13 * GiB, (x) => {
      x.vms!.find((v) => v.name === 'WEB01')!.state = 'Off';
    });
    const hv01 = w.hosts.find((h) => h.name === 'HV01')!;
    const web = w.vms.find((v) => v.name === 'WEB01')!;
    // 13 − 10 = 3 GiB free: enough for its 2 GiB.
    expect(startMemoryProblem(w, hv01, web, { hostReserveBytes: 0 })).toBeUndefined();
    hv01.memoryBytes = 11.5 * GiB;
    expect(startMemoryProblem(w, hv01, web, { hostReserveBytes: 0 })).toBe('Not enough memory in the system to start the virtual machine WEB01.');
  });
});

describe('Start-VM from Off (the Hyper-V module cmdlet help for Windows Server 2012 R2; Microsoft Learn, "Hyper-V Dynamic Memory Overview")', () => {
  it('starts when the startup memory is free, and never uses Smart Paging otherwise', () => {
    const w = () =>
      tight(13 * GiB, (x) => {
        x.vms!.find((v) => v.name === 'WEB01')!.state = 'Off';
        delete x.vms!.find((v) => v.name === 'WEB01')!.startedAt;
      });
    const e = engineOf(w(), params);
    ok(e, 'Start-VM WEB01');
    expect(vm(e, 'WEB01').state).toBe('Running');
    const e2 = engineOf(w(), params);
    ok(e2, 'Set-VMMemory WEB01 -StartupBytes 4GB -MaximumBytes 8GB');
    const err = refused(e2, 'Start-VM WEB01');
    expect(err.message).toBe(
      "'WEB01' failed to start. Not enough memory in the system to start the virtual machine WEB01. Could not initialize memory: Ran out of memory (0x8007000E).",
    );
    expect(vm(e2, 'WEB01')).toMatchObject({ state: 'Off' });
    expect(vm(e2, 'WEB01').smartPagingFile).toBeUndefined();
  });
});

describe('Restart-VM with Smart Paging (Microsoft Learn, "Hyper-V Dynamic Memory Overview")', () => {
  it('bridges the gap with a smart paging file in the Smart Paging File Location, deleted later', () => {
    const e = engineOf(tight(), params);
    const freeBefore = e.operations.space.freeBytes('FS01', 'D');
    const out = ok(e, 'Restart-VM WEB01 -Force');
    expect(out.warnings[0]).toMatch(/512 MB smart paging file/);
    const v = vm(e, 'WEB01');
    expect(v.state).toBe('Running');
    expect(v.startedAt).toBe(0);
    expect(v.smartPagingFile).toEqual({ path: '\\\\FS01\\VMs\\WEB01\\vm-web01.slp', sizeBytes: 0.5 * GiB, createdAt: 0 });
    // The file takes space where it lives (the share on FS01).
    expect(freeBefore - e.operations.space.freeBytes('FS01', 'D')).toBe(0.5 * GiB);
    expect(e.state().log.map((l) => l.message)).toContain(
      "'WEB01' is using a smart paging file (\\\\FS01\\VMs\\WEB01\\vm-web01.slp, 512 MB) to restart because the host cannot give it its startup memory. (Virtual machine ID vm-web01)",
    );
    // Released once WEB01 has booted and ballooned the 512 MB back out: within the Overview's 10 minutes.
    const releaseAt = P.dynamicMemoryBootMs + Math.ceil((0.5 * GiB * 1000) / P.dynamicMemoryBalloonBytesPerSec);
    expect(releaseAt).toBeLessThanOrEqual(10 * 60_000);
    e.advance(releaseAt - 1);
    expect(vm(e, 'WEB01').smartPagingFile).toBeDefined();
    e.advance(1);
    expect(vm(e, 'WEB01').smartPagingFile).toBeUndefined();
    expect(ok(e, 'Get-VM WEB01').output[0]).toMatchObject({ MemoryAssigned: 1.5 * GiB });
    expect(e.state().log.map((l) => l.message)).toContain(
      "'WEB01' no longer uses its smart paging file; \\\\FS01\\VMs\\WEB01\\vm-web01.slp was deleted. (Virtual machine ID vm-web01)",
    );
    expect(e.operations.space.freeBytes('FS01', 'D')).toBe(freeBefore);
    e.runUntilIdle();
    expect(e.idle).toBe(true);
  });

  it('turning off or saving the VM deletes its smart paging file at once, freeing its space', () => {
    for (const stop of ['Stop-VM WEB01 -TurnOff', 'Save-VM WEB01', 'Stop-VM WEB01']) {
      const e = engineOf(tight(), params);
      const freeBefore = e.operations.space.freeBytes('FS01', 'D');
      ok(e, 'Restart-VM WEB01 -Force');
      expect(vm(e, 'WEB01').smartPagingFile).toBeDefined();
      ok(e, stop);
      expect(vm(e, 'WEB01').smartPagingFile, stop).toBeUndefined();
      expect(e.operations.space.freeBytes('FS01', 'D'), stop).toBe(freeBefore);
      e.runUntilIdle();
    }
  });

  it('with enough memory a restart needs no smart paging file', () => {
    const e = engineOf(tight(20 * GiB), params);
    ok(e, 'Restart-VM WEB01 -Force');
    expect(vm(e, 'WEB01').smartPagingFile).toBeUndefined();
    e.runUntilIdle();
    expect(e.idle).toBe(true);
    expect(e.state().log.filter((l) => /smart paging/.test(l.message))).toEqual([]);
  });

  it('no room in the Smart Paging File Location: the restart fails and the VM is off', () => {
    const e = engineOf(
      tight(11.5 * GiB, (x) => {
        const d = x.hosts.find((h) => h.name === 'HV01')!.volumes.find((v) => v.letter === 'E')!;
        d.otherDataBytes = d.capacityBytes - 100 * 1024 ** 2;
        x.vms!.find((v) => v.name === 'WEB01')!.paths.smartPaging = 'E:\\SmartPaging';
      }),
      params,
    );
    const err = refused(e, 'Restart-VM WEB01 -Force');
    expect(err.message).toBe(
      "'WEB01' failed to restart. Could not create the smart paging file 'E:\\SmartPaging\\vm-web01.slp' (512 MB needed, 100 MB free on HV01 E:): There is not enough space on the disk. (0x80070070)",
    );
    expect(err.fix).toMatch(/Move-VMStorage 'WEB01' -SmartPagingFilePath/);
    expect(vm(e, 'WEB01').state).toBe('Off');
    expect(vm(e, 'WEB01').smartPagingFile).toBeUndefined();
  });

  it('a static VM, or less than the minimum: not enough memory', () => {
    const e = engineOf(tight(10.5 * GiB), params);
    const err = refused(e, 'Restart-VM WEB01 -Force');
    expect(err.message).toBe(
      "'WEB01' failed to restart. Not enough memory in the system to start the virtual machine WEB01. Could not initialize memory: Ran out of memory (0x8007000E).",
    );
    expect(vm(e, 'WEB01').state).toBe('Off');
    const e2 = engineOf(tight(11.5 * GiB), params);
    expect(refused(e2, 'Restart-VM DC01 -Force').message).toMatch(/Not enough memory in the system to start the virtual machine DC01/);
  });

  it('a smart paging file survives an engine restart and is still released on time', () => {
    const e = engineOf(tight(), params);
    ok(e, 'Restart-VM WEB01 -Force');
    e.advance(60_000);
    const restored = new Engine(e.state(), params);
    expect(vm(restored, 'WEB01').smartPagingFile).toBeDefined();
    const releaseAt = P.dynamicMemoryBootMs + Math.ceil((0.5 * GiB * 1000) / P.dynamicMemoryBalloonBytesPerSec);
    restored.advance(releaseAt - 60_000 - 1);
    expect(vm(restored, 'WEB01').smartPagingFile).toBeDefined();
    restored.advance(1);
    expect(vm(restored, 'WEB01').smartPagingFile).toBeUndefined();
  });
});
