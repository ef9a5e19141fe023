// Processor, virtual switch, memory and pass-through pre-checks: one pass and one fail each.
import { describe, expect, it } from 'vitest';
import { hostMemoryReserveBytes, PROCESSOR_MISMATCH, runPrechecks, toMoveRequest } from '../../../engine/operations/prechecks';
import { check, clean, GiB, host, MiB, none, only, vm, world } from './helpers';

const live = { Name: 'WEB01', DestinationHost: 'HV02' };

describe('processor', () => {
  it('processor-vendor: Intel → AMD is refused even with compatibility mode', () => {
    const w = world((x) => {
      host(x, 'HV02').cpu.vendor = 'AMD';
      host(x, 'HV02').cpu.family = 'Opteron 6300';
      vm(x, 'WEB01').compatibilityForMigration = true;
    });
    const e = only(check(w, 'Move-VM', live), 'processor-vendor');
    expect(e).toMatchObject({
      message:
        'The virtual machine cannot be moved to the destination computer. The hardware on the destination computer is not compatible with the hardware requirements of this virtual machine.',
      source: 'Processor',
      parameter: 'DestinationHost',
    });
    expect(e.fix).toContain('never move between processor manufacturers');
    none(check(w, 'Move-VM', live), 'processor-family');
    // An Off VM has no processor state to carry: it moves.
    const off = world((x) => {
      host(x, 'HV02').cpu.vendor = 'AMD';
      vm(x, 'WEB01').state = 'Off';
    });
    clean(check(off, 'Move-VM', live));
  });

  it('processor-family: another generation needs processor compatibility mode', () => {
    const w = world((x) => {
      host(x, 'HV02').cpu.family = 'Xeon E5-2600 v3 (Haswell-EP)';
    });
    const e = only(check(w, 'Move-VM', live), 'processor-family');
    expect(e.message).toBe(PROCESSOR_MISMATCH);
    expect(e.fix).toBe(
      "HV01 (Xeon E5-2600 v2 (Ivy Bridge-EP)) and HV02 (Xeon E5-2600 v3 (Haswell-EP)) have different processor generations. Shut down 'WEB01', run Set-VMProcessor -VMName 'WEB01' -CompatibilityForMigrationEnabled $true (the VM must be off to change it), start it, and move it again.",
    );
    const compat = world((x) => {
      host(x, 'HV02').cpu.family = 'Xeon E5-2600 v3 (Haswell-EP)';
      vm(x, 'WEB01').compatibilityForMigration = true;
    });
    clean(check(compat, 'Move-VM', live));
  });
});

describe('virtual switch', () => {
  it('virtual-switch: "Could not find Ethernet switch" (33012) for each connected adapter', () => {
    const w = world((x) => {
      host(x, 'HV02').virtualSwitches[0]!.name = 'Prod';
    });
    expect(only(check(w, 'Move-VM', live), 'virtual-switch')).toEqual({
      check: 'virtual-switch',
      severity: 'error',
      message: "Could not find Ethernet switch 'Production'.",
      messageId: 33012,
      source: 'Network Adapter',
      fix: "Create a virtual switch named 'Production' on HV02 (New-VMSwitch -Name 'Production' -NetAdapterName <adapter> -ComputerName HV02), or connect the adapter to a switch that exists there ('Prod') or disconnect it (Disconnect-VMNetworkAdapter -VMName 'WEB01').",
      guiFix:
        "Create a virtual switch named 'Production' on HV02 (Virtual Switch Manager), or connect 'Network Adapter' of 'WEB01' to a switch that exists there ('Prod'), or disconnect it; then move again.",
    });
    // A disconnected adapter needs no switch.
    const disconnected = world((x) => {
      host(x, 'HV02').virtualSwitches = [];
      vm(x, 'WEB01').networkAdapters = [{ name: 'Network Adapter' }];
    });
    none(check(disconnected, 'Move-VM', live), 'virtual-switch');
    // Storage moves stay on the host: no switch check.
    none(check(w, 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: 'E:\\VMs\\DC01' }), 'virtual-switch');
  });
});

describe('memory', () => {
  it('documents the root reserve: 384 MB + 64 MB per GB of host memory', () => {
    expect(hostMemoryReserveBytes(host(world(), 'HV02'))).toBe(384 * MiB + 128 * 64 * MiB);
  });

  it('memory: running VMs on the destination plus this one must fit in host memory minus the reserve', () => {
    // HV02 with 16 GB: APP01 (running) holds its startup memory; SQL01 needs 8 GB.
    const fits = (app01Startup: number) =>
      world((x) => {
        host(x, 'HV02').memoryBytes = 16 * GiB;
        const app = vm(x, 'APP01');
        app.memory.startupBytes = app.memory.minimumBytes = app01Startup;
        app.memory.maximumBytes = 16 * GiB;
      });
    const usable = 16 * GiB - hostMemoryReserveBytes(host(fits(0), 'HV02'));
    const exact = usable - 8 * GiB;
    const sqlLive = { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'D:\\VMs\\SQL01' };
    none(check(fits(exact), 'Move-VM', sqlLive), 'memory');
    const e = only(check(fits(exact + MiB), 'Move-VM', sqlLive), 'memory');
    expect(e).toMatchObject({
      message: 'Not enough memory in the system to start the virtual machine SQL01. Could not initialize memory: Ran out of memory (0x8007000E).',
      source: 'Memory',
      parameter: 'DestinationHost',
    });
    expect(e.fix).toBe(
      "HV02 has 16.0 GB of memory, keeps 1.4 GB for itself, and its running virtual machines hold 6.6 GB; 'SQL01' needs 8.0 GB, 1.0 MB more than is free. Shut down or move a virtual machine off HV02, or lower the startup memory of 'SQL01' (Set-VMMemory, with the VM off).",
    );
  });

  it('memory: VMs that are off or saved hold none, and an Off VM being moved needs none', () => {
    const w = world((x) => {
      host(x, 'HV02').memoryBytes = 8 * GiB;
      vm(x, 'APP01').state = 'Saved';
    });
    const sqlLive = { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'D:\\VMs\\SQL01' };
    expect(only(check(w, 'Move-VM', sqlLive), 'memory').fix).toContain('running virtual machines hold 0.0 MB');
    const small = world((x) => {
      host(x, 'HV02').memoryBytes = 4 * GiB;
      vm(x, 'APP01').state = 'Off';
      vm(x, 'SQL01').state = 'Off';
    });
    none(check(small, 'Move-VM', sqlLive), 'memory');
  });
});

describe('memory options', () => {
  const sqlLive = { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'D:\\VMs\\SQL01' };
  // HV02 with 13 GB: the default reserve (1.2 GB) leaves 11.8 GB, APP01 holds 4 GB → 7.8 GB < 8 GB.
  const tight = () =>
    world((x) => {
      host(x, 'HV02').memoryBytes = 13 * GiB;
    });

  it("memory: the engine can pass the operations' reserve so the check and the admission agree", () => {
    expect(only(check(tight(), 'Move-VM', sqlLive), 'memory').fix).toContain('keeps 1.2 GB for itself');
    const w = tight();
    const before = structuredClone(w);
    const r = runPrechecks(w, toMoveRequest('Move-VM', sqlLive, w), { hostReserveBytes: 512 * MiB });
    expect(w).toEqual(before);
    expect(r.errors.filter((e) => e.check === 'memory')).toEqual([]);
    const perHost = runPrechecks(w, toMoveRequest('Move-VM', sqlLive, w), { hostReserveBytes: (h) => (h.name === 'HV02' ? 2 * GiB : 0) });
    expect(perHost.errors.find((e) => e.check === 'memory')?.fix).toContain('keeps 2.0 GB for itself');
  });

  it('memory: the part of startup memory a smart paging file bridges is on disk, not in host memory', () => {
    const w = tight();
    vm(w, 'APP01').smartPagingFile = { path: 'D:\\VMs\\APP01\\APP01.slp', sizeBytes: 1 * GiB, createdAt: 0 };
    none(check(w, 'Move-VM', sqlLive), 'memory');
  });
});

describe('pass-through disks', () => {
  it('pass-through-disk: refuses a live move, warns on a storage move', () => {
    const w = world((x) => {
      vm(x, 'WEB01').passThroughDisks = [{ controller: 'SCSI 0:2', diskNumber: 3 }];
    });
    expect(only(check(w, 'Move-VM', live), 'pass-through-disk')).toMatchObject({
      severity: 'error',
      message:
        "The virtual machine 'WEB01' cannot be moved because it is attached to a pass-through disk (physical disk 3 on SCSI 0:2). Pass-through disks cannot be moved.",
      source: 'Hard Drive (SCSI 0:2)',
    });
    const storage = check(w, 'Move-VMStorage', { VMName: 'WEB01', DestinationStoragePath: 'E:\\VMs\\WEB01' });
    expect(storage.errors).toEqual([]);
    expect(only(storage, 'pass-through-disk').severity).toBe('warning');
    none(check(world(), 'Move-VM', live), 'pass-through-disk');
  });
});
