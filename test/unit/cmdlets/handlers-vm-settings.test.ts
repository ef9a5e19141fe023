// Set-VM, Set-VMMemory and Set-VMProcessor with Hyper-V's rules, run through the engine on the
// default world (signed in on HV01: DC01, SQL01, WEB01 there; APP01 and TEST01 on HV02, TEST01 off).
import { describe, expect, it } from 'vitest';
import type { World } from '../../../engine/model/world';
import { GB, MB, TB, host, newEngine, ok, refused, vm, worldOf } from './helpers';

describe('which VM a command finds', () => {
  it('looks only on the signed-in host unless -ComputerName says otherwise, and says where the VM is', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VMProcessor TEST01 -Count 2')).toMatchObject({
      code: 'NotFound',
      parameter: 'VMName',
      message: 'Hyper-V was unable to find a virtual machine with name "TEST01".',
      fix: "'TEST01' runs on HV02: add -ComputerName HV02.",
    });
    ok(e, 'Set-VMProcessor TEST01 -Count 2 -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').processorCount).toBe(2);
  });

  it('accepts wildcards and several names', () => {
    const e = newEngine();
    ok(e, 'Set-VMMemory -VMName DC*,WEB01 -Buffer 30');
    expect(['DC01', 'WEB01', 'SQL01'].map((n) => vm(worldOf(e), n).memory.bufferPercent)).toEqual([30, 30, 20]);
  });
});

describe('Set-VM', () => {
  const dc01Off = (w: World) => {
    vm(w, 'DC01').state = 'Off';
  };

  it('-SmartPagingFilePath changes only that setting, and logs it', () => {
    const e = newEngine(dc01Off);
    const before = vm(worldOf(e), 'DC01');
    ok(e, 'Set-VM DC01 -SmartPagingFilePath E:\\SmartPaging\\DC01');
    const after = vm(worldOf(e), 'DC01');
    expect(after).toEqual({ ...before, paths: { ...before.paths, smartPaging: 'E:\\SmartPaging\\DC01' } });
    expect(e.state().log.at(-1)!.message).toBe("'DC01' configuration changed: smart paging file path: E:\\SmartPaging\\DC01.");
  });

  it('accepts an SMB share the host may use', () => {
    const e = newEngine(dc01Off);
    ok(e, 'Set-VM DC01 -SmartPagingFilePath \\\\FS01\\VMs\\Paging');
    expect(vm(worldOf(e), 'DC01').paths.smartPaging).toBe('\\\\FS01\\VMs\\Paging');
  });

  it.each([
    ['E:\\bad|name', 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)'],
    ['SmartPaging', 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)'],
    ['E:SmartPaging', 'The filename, directory name, or volume label syntax is incorrect. (0x8007007B)'],
    ['Z:\\SmartPaging', 'The system cannot find the path specified. (0x80070003)'],
    ['\\\\NAS01\\VMs', 'The network path was not found. (0x80070035)'],
    ['\\\\FS01\\Nope\\x', 'The network name cannot be found. (0x80070043)'],
  ])('refuses the smart paging path %s, changing nothing', (path, problem) => {
    const e = newEngine();
    expect(refused(e, `Set-VM DC01 -SmartPagingFilePath '${path}'`)).toMatchObject({
      message: `Failed to change the smart paging file path of 'DC01' to '${path}'. ${problem}`,
      parameter: 'SmartPagingFilePath',
    });
  });

  it('-SmartPagingFilePath needs the VM off, as Hyper-V Manager greys it out; the same folder is no change', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VM DC01 -SmartPagingFilePath E:\\SmartPaging\\DC01')).toMatchObject({
      message:
        "'DC01' failed to modify device 'Smart Paging File Location'. The operation cannot be performed while the virtual machine is in its current state.",
      parameter: 'SmartPagingFilePath',
      fix: "The virtual machine is Running; turn it off first: Stop-VM -Name 'DC01'; or move it while it runs: Move-VMStorage -VMName 'DC01' -SmartPagingFilePath 'E:\\SmartPaging\\DC01'",
    });
    ok(e, `Set-VM DC01 -SmartPagingFilePath '${vm(worldOf(e), 'DC01').paths.smartPaging}'`);
  });

  it('refuses a share that does not grant the host access', () => {
    const e = newEngine((w) => {
      host(w, 'FS01').shares[0]!.fullControl = ['CONTOSO\\HV02$'];
    });
    expect(refused(e, 'Set-VM DC01 -SmartPagingFilePath \\\\FS01\\VMs\\DC01').message).toMatch(/General access denied error. \(0x80070005\)$/);
  });

  it('refuses the smart paging path while a smart paging file is in use', () => {
    const e = newEngine((w) => {
      vm(w, 'DC01').smartPagingFile = { path: 'D:\\VMs\\DC01\\sp.bin', sizeBytes: GB, createdAt: 0 };
    });
    expect(refused(e, 'Set-VM DC01 -SmartPagingFilePath E:\\SP').message).toMatch(/while its smart paging file is in use/);
  });

  it('-SnapshotFileLocation is refused while the VM has checkpoints', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VM APP01 -ComputerName HV02 -SnapshotFileLocation E:\\Snapshots').message).toBe(
      "The snapshot file location of 'APP01' cannot be changed because the virtual machine has checkpoints.",
    );
    ok(e, 'Set-VM DC01 -SnapshotFileLocation E:\\Snapshots -Notes "Domain controller"');
    expect(vm(worldOf(e), 'DC01')).toMatchObject({ paths: { snapshots: 'E:\\Snapshots' }, notes: 'Domain controller' });
  });

  it('-ProcessorCount needs the VM off and no more processors than the host has', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VM DC01 -ProcessorCount 4')).toMatchObject({
      message: "'DC01' failed to modify device 'Processor'. The operation cannot be performed while the virtual machine is in its current state.",
      parameter: 'ProcessorCount',
    });
    expect(refused(e, 'Set-VM TEST01 -ComputerName HV02 -ProcessorCount 32').message).toMatch(/than the host 'HV02' has logical processors \(16\)/);
    ok(e, 'Set-VM TEST01 -ComputerName HV02 -ProcessorCount 4');
    expect(vm(worldOf(e), 'TEST01').processorCount).toBe(4);
  });

  it("memory through Set-VM follows the Set-VMMemory rules, naming Set-VM's parameters", () => {
    const e = newEngine();
    expect(refused(e, 'Set-VM SQL01 -MemoryStartupBytes 16GB').parameter).toBe('MemoryStartupBytes');
    ok(e, 'Set-VM TEST01 -ComputerName HV02 -DynamicMemory -MemoryMinimumBytes 512MB -MemoryMaximumBytes 4GB');
    expect(vm(worldOf(e), 'TEST01').memory).toMatchObject({ dynamic: true, startupBytes: GB, minimumBytes: 512 * MB, maximumBytes: 4 * GB });
    expect(refused(e, 'Set-VM TEST01 -ComputerName HV02 -DynamicMemory -StaticMemory').parameter).toBe('StaticMemory');
  });

  it('returns the VM with -Passthru', () => {
    const out = ok(newEngine(), 'Set-VM DC01 -Notes x -Passthru').output;
    expect(out).toEqual([expect.objectContaining({ Name: 'DC01', Notes: 'x' })]);
  });
});

describe('Set-VMMemory on a VM that is off', () => {
  const off = () => newEngine();
  const set = (args: string) => `Set-VMMemory TEST01 -ComputerName HV02 ${args}`;

  it('turns Dynamic Memory on with startup, minimum, maximum, buffer and priority', () => {
    const e = off();
    ok(e, set('-DynamicMemoryEnabled $true -StartupBytes 2GB -MinimumBytes 512MB -MaximumBytes 8GB -Buffer 25 -Priority 80'));
    expect(vm(worldOf(e), 'TEST01').memory).toEqual({
      dynamic: true,
      startupBytes: 2 * GB,
      minimumBytes: 512 * MB,
      maximumBytes: 8 * GB,
      bufferPercent: 25,
      weight: 8000,
    });
    expect(e.state().log.at(-1)!.message).toMatch(/Dynamic Memory enabled, startup 2048 MB, minimum 512 MB, maximum 8192 MB, buffer 25%, priority 80/);
  });

  it.each([
    ['-StartupBytes 1001MB', 'StartupBytes', /Invalid startup memory value assigned for 'TEST01'. The value \(1049624576 bytes\) must be a multiple of 2 MB./],
    ['-StartupBytes 16MB', 'StartupBytes', /The startup memory must be at least 32 MB./],
    ['-DynamicMemoryEnabled $true -MinimumBytes 16MB', 'MinimumBytes', /The minimum memory must be at least 32 MB./],
    ['-DynamicMemoryEnabled $true -MaximumBytes 2TB', 'MaximumBytes', /The maximum memory cannot be greater than 1 TB/],
    ['-DynamicMemoryEnabled $true -MinimumBytes 2GB', 'MinimumBytes', /The minimum memory \(2048 MB\) cannot be greater than the startup memory \(1024 MB\)./],
    ['-DynamicMemoryEnabled $true -MaximumBytes 512MB', 'MaximumBytes', /The maximum memory \(512 MB\) cannot be less than the startup memory \(1024 MB\)./],
    ['-DynamicMemoryEnabled $true -MaximumBytes 4GB -StartupBytes 8GB', 'MaximumBytes', /cannot be less than the startup memory \(8192 MB\)/],
  ])('refuses %s, changing nothing', (args, parameter, message) => {
    const error = refused(off(), set(args));
    expect(error.parameter).toBe(parameter);
    expect(error.message).toMatch(/^Failed to modify device 'Memory'\. /);
    expect(error.message).toMatch(message);
  });

  it('does not check minimum and maximum of static memory against startup', () => {
    const e = off();
    ok(e, set('-StartupBytes 2GB'));
    expect(vm(worldOf(e), 'TEST01').memory).toMatchObject({ dynamic: false, startupBytes: 2 * GB, minimumBytes: GB, maximumBytes: GB });
    expect(refused(e, set('-DynamicMemoryEnabled $true')).message).toMatch(/maximum memory \(1024 MB\) cannot be less than the startup memory \(2048 MB\)/);
  });
});

describe('Set-VMMemory on a running VM (SQL01: dynamic, startup 8 GB, minimum 4 GB, maximum 32 GB)', () => {
  it('lets Maximum rise, Minimum fall, Buffer and Priority change', () => {
    const e = newEngine();
    ok(e, 'Set-VMMemory SQL01 -MaximumBytes 48GB -MinimumBytes 2GB -Buffer 50 -Priority 100');
    expect(vm(worldOf(e), 'SQL01').memory).toEqual({
      dynamic: true,
      startupBytes: 8 * GB,
      minimumBytes: 2 * GB,
      maximumBytes: 48 * GB,
      bufferPercent: 50,
      weight: 10000,
    });
  });

  it.each([
    ['-MinimumBytes 6GB', 'MinimumBytes', "The minimum memory of 'SQL01' can only be decreased while the virtual machine is running (now 4096 MB)."],
    ['-MaximumBytes 16GB', 'MaximumBytes', "The maximum memory of 'SQL01' can only be increased while the virtual machine is running (now 32768 MB)."],
    ['-StartupBytes 4GB', 'StartupBytes', "The startup memory of 'SQL01' cannot be changed while the virtual machine is running."],
    ['-DynamicMemoryEnabled $false', 'DynamicMemoryEnabled', "Dynamic Memory cannot be turned off while the virtual machine 'SQL01' is running."],
  ])('refuses %s, changing nothing', (args, parameter, detail) => {
    const error = refused(newEngine(), `Set-VMMemory SQL01 ${args}`);
    expect(error).toMatchObject({
      parameter,
      message: `Failed to modify device 'Memory'. ${detail}`,
      fix: "Stop the virtual machine first: Stop-VM -Name 'SQL01'",
    });
  });

  it('checks every VM before changing any', () => {
    const e = newEngine();
    refused(e, 'Set-VMMemory DC01,SQL01 -MaximumBytes 16GB');
    expect(vm(worldOf(e), 'DC01').memory.maximumBytes).toBe(2 * GB);
  });

  it('refuses every memory change of a saved VM', () => {
    const e = newEngine((w) => {
      vm(w, 'DC01').state = 'Saved';
    });
    expect(refused(e, 'Set-VMMemory DC01 -Buffer 30').message).toMatch(/current state \(Saved\)/);
  });

  it('returns the memory settings with -Passthru', () => {
    expect(ok(newEngine(), 'Set-VMMemory SQL01 -Buffer 30 -Passthru').output).toEqual([
      { VMName: 'SQL01', ComputerName: 'HV01', DynamicMemoryEnabled: true, Startup: 8 * GB, Minimum: 4 * GB, Maximum: 32 * GB, Buffer: 30, Priority: 80 },
    ]);
  });

  it('the 1 TB maximum is accepted exactly', () => {
    const e = newEngine();
    ok(e, 'Set-VMMemory SQL01 -MaximumBytes 1TB');
    expect(vm(worldOf(e), 'SQL01').memory.maximumBytes).toBe(TB);
  });
});

describe('Set-VMProcessor', () => {
  it('-CompatibilityForMigrationEnabled needs the VM off', () => {
    const e = newEngine();
    expect(refused(e, 'Set-VMProcessor SQL01 -CompatibilityForMigrationEnabled $true')).toMatchObject({
      message: "'SQL01' failed to modify device 'Processor'. The operation cannot be performed while the virtual machine is in its current state.",
      parameter: 'CompatibilityForMigrationEnabled',
      fix: "The virtual machine is Running; turn it off first: Stop-VM -Name 'SQL01'",
    });
    ok(e, 'Stop-VM SQL01 -TurnOff');
    ok(e, 'Set-VMProcessor SQL01 -CompatibilityForMigrationEnabled $true');
    expect(vm(worldOf(e), 'SQL01').compatibilityForMigration).toBe(true);
    expect(e.state().log.at(-1)!.message).toBe("'SQL01' configuration changed: processor compatibility for migration enabled.");
  });
});
