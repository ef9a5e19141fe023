// New-VM (2012 R2 sets: no disk, a new disk, an existing disk), the VM it makes, its refusals, and
// that a new VM moves like any other — from the engine and through `hvlab run`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GB, MB, newEngine, ok, refused, vm, worldOf } from './helpers';
import { validateWorld } from '../../../engine/model/validate';
import { runScript } from '../../../engine/scripting/run-script';
import { run } from '../../../cli.main';

describe('New-VM', () => {
  it("makes an off generation 1 VM with 512 MB in the host's default folder, with a DVD drive and one unconnected adapter", () => {
    const e = newEngine();
    const out = ok(e, 'New-VM').output[0];
    expect(out).toMatchObject({
      Name: 'New Virtual Machine',
      State: 'Off',
      ComputerName: 'HV01',
      Generation: 1,
      MemoryStartup: 512 * MB,
      Path: 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V',
    });
    const v = vm(worldOf(e), 'New Virtual Machine');
    expect(v).toMatchObject({ processorCount: 1, vhds: [], dvdDrives: [{ controller: 'IDE 1:0' }], networkAdapters: [{ name: 'Network Adapter' }] });
    expect(v.id).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-A[0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(validateWorld(worldOf(e)).ok).toBe(true);
  });

  it('stores the VM in <Path>\\<Name> and creates and attaches a new dynamic disk (generation 2: SCSI 0:0)', () => {
    const e = newEngine();
    ok(
      e,
      'New-VM -Name WEB02 -MemoryStartupBytes 2GB -Generation 2 -Path E:\\VMs -SwitchName Production -NewVHDPath E:\\VMs\\WEB02\\WEB02.vhdx -NewVHDSizeBytes 127GB',
    );
    const v = vm(worldOf(e), 'WEB02');
    expect(v.paths.configuration).toBe('E:\\VMs\\WEB02');
    expect(v.vhds).toEqual([
      expect.objectContaining({ path: 'E:\\VMs\\WEB02\\WEB02.vhdx', type: 'Dynamic', controller: 'SCSI 0:0', maxSizeBytes: 127 * GB, sizeBytes: 4 * MB }),
    ]);
    expect(v.networkAdapters).toEqual([{ name: 'Network Adapter', switchName: 'Production' }]);
    expect(v.dvdDrives).toEqual([]);
    // A bare file name goes to the VM's "Virtual Hard Disks" folder.
    ok(e, 'New-VM WEB03 -Path E:\\VMs -NewVHDPath WEB03.vhdx -NewVHDSizeBytes 40GB');
    expect(vm(worldOf(e), 'WEB03').vhds[0]!.path).toBe('E:\\VMs\\WEB03\\Virtual Hard Disks\\WEB03.vhdx');
  });

  it('attaches an existing disk that no VM uses, and only that', () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\boot.vhdx 60GB');
    ok(e, 'New-VM OLD01 -VHDPath D:\\Disks\\boot.vhdx');
    expect(vm(worldOf(e), 'OLD01').vhds[0]).toMatchObject({ path: 'D:\\Disks\\boot.vhdx', controller: 'IDE 0:0' });
    expect(worldOf(e).vhdFiles).toEqual([]);
    const inUse = refused(e, 'New-VM OLD02 -VHDPath "D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx"');
    expect(inUse.message).toBe(
      "Failed to create the virtual machine 'OLD02'. The process cannot access the file because it is being used by another process. (0x80070020)",
    );
    expect(inUse.fix).toMatch(/attached to 'DC01'/);
    expect(refused(e, 'New-VM OLD03 -VHDPath D:\\Disks\\none.vhdx').message).toMatch(/The system cannot find the file specified\. \(0x80070002\)/);
  });

  it("refuses in Hyper-V's words and changes nothing", () => {
    const e = newEngine();
    expect(refused(e, 'New-VM X -SwitchName Lab').message).toBe('Hyper-V was unable to find a virtual switch with name "Lab".');
    expect(refused(e, 'New-VM X -MemoryStartupBytes 16MB').message).toBe(
      "Failed to modify device 'Memory'. Invalid startup memory value assigned for 'X'. The startup memory must be at least 32 MB.",
    );
    expect(refused(e, 'New-VM X -MemoryStartupBytes 1025MB').message).toMatch(/must be a multiple of 2 MB/);
    expect(refused(e, 'New-VM X -MemoryStartupBytes 2TB').message).toMatch(/cannot be greater than 1 TB/);
    expect(refused(e, 'New-VM X -Generation 2 -NewVHDPath D:\\X\\x.vhd -NewVHDSizeBytes 10GB').message).toBe(
      "Failed to create the virtual machine 'X'. Generation 2 virtual machines do not support the VHD format. Use a VHDX disk.",
    );
    expect(refused(e, 'New-VM X -Generation 2 -BootDevice Floppy').message).toMatch(/A generation 2 virtual machine cannot boot from 'Floppy'/);
    expect(refused(e, 'New-VM DC01').message).toBe("Failed to create the virtual machine 'DC01'. A virtual machine named 'DC01' already exists on HV01.");
    expect(refused(e, `New-VM ${'A'.repeat(101)}`).message).toMatch(/the maximum is 100\.$/);
    // A command object from the console obeys the same sets as typed text.
    const mixed = e.invoke({ cmdlet: 'New-VM', params: { Name: 'X', NewVHDPath: 'D:\\X\\x.vhdx', NewVHDSizeBytes: 10 * GB, VHDPath: 'D:\\y.vhdx' } });
    expect(!mixed.ok && mixed.error.message).toMatch(/Parameter set cannot be resolved using the specified named parameters\./);
  });

  it('makes a VM that moves like any other (Move-VM with its storage, then back)', () => {
    const e = newEngine();
    const report = runScript(
      e,
      [
        'New-VM NEW01 1GB -Generation 2 -Path D:\\VMs -SwitchName Production -NewVHDPath D:\\VMs\\NEW01\\NEW01.vhdx -NewVHDSizeBytes 127GB',
        'Start-VM NEW01',
        'Move-VM NEW01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\NEW01',
      ].join('\n'),
    );
    expect(report.ok).toBe(true);
    const v = vm(worldOf(e), 'NEW01');
    expect(v.host).toBe('HV02');
    expect(v.state).toBe('Running');
    expect(v.vhds[0]!.path.startsWith('D:\\VMs\\NEW01\\')).toBe(true);
    expect(validateWorld(worldOf(e)).ok).toBe(true);
  });
});

describe('hvlab run: a disk and VM script', () => {
  it("runs New-VHD, New-VM, Add-VMHardDiskDrive and Get-VHD as the prompt does, with Hyper-V's refusal in the report", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvlab-newvm-'));
    const script = join(dir, 'new.ps1');
    writeFileSync(
      script,
      [
        'New-VHD -Path E:\\Disks\\data.vhdx -SizeBytes 200GB -Fixed',
        'New-VM -Name LAB01 -MemoryStartupBytes 1GB -Generation 2 -Path E:\\VMs -NewVHDPath E:\\VMs\\LAB01\\LAB01.vhdx -NewVHDSizeBytes 60GB',
        'Add-VMHardDiskDrive -VMName LAB01 -Path E:\\Disks\\data.vhdx',
        'Get-VHD E:\\Disks\\data.vhdx',
        'New-VHD -Path E:\\Disks\\more.vhdx -SizeBytes 700GB -Fixed',
      ].join('\n'),
    );
    let out = '';
    const code = await run(
      ['run', script, '--json'],
      (s) => {
        out += s;
      },
      () => undefined,
    );
    const report = JSON.parse(out) as {
      ok: boolean;
      statements: { ok: boolean; output: unknown[]; error?: { message: string } }[];
      vms: { name: string; vhds: { path: string }[] }[];
    };
    expect(code).not.toBe(0);
    expect(report.statements.map((s) => s.ok)).toEqual([true, true, true, true, false]);
    expect(report.statements[3]!.output[0]).toMatchObject({ VhdType: 'Fixed', Attached: false, Size: 200 * GB });
    expect(report.statements[4]!.error!.message).toBe(
      "Failed to create the virtual hard disk. The system failed to create 'E:\\Disks\\more.vhdx'. There is not enough space on the disk. (0x80070070)",
    );
    expect(report.vms.find((v) => v.name === 'LAB01')!.vhds.map((d) => d.path)).toEqual(['E:\\VMs\\LAB01\\LAB01.vhdx', 'E:\\Disks\\data.vhdx']);
  });
});
