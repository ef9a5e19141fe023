// The virtual hard disk cmdlets over the simulated volumes: sizes charged to the volume, Hyper-V's
// limits and messages, refusals that change nothing, and the drives that attach the files.
import { describe, expect, it } from 'vitest';
import { GB, MB, TB, host, newEngine, ok, refused, vm, worldOf } from './helpers';
import { volumeUsage } from '../../../engine/model/paths';
import { validateWorld } from '../../../engine/model/validate';
import { VhdParameters } from '../../../engine/operations/parameters';

const free = (e: ReturnType<typeof newEngine>, computer: string, letter: string) => volumeUsage(worldOf(e), computer, letter)!.freeBytes;
const loose = (e: ReturnType<typeof newEngine>, path: string) => worldOf(e).vhdFiles.find((d) => d.path.toLowerCase() === path.toLowerCase());

describe('New-VHD', () => {
  it("takes a fixed disk's whole size on its volume at once, a dynamic disk only its metadata", () => {
    const e = newEngine();
    const before = free(e, 'HV01', 'E');
    ok(e, 'New-VHD E:\\Disks\\fixed.vhdx 100GB -Fixed');
    expect(before - free(e, 'HV01', 'E')).toBe(100 * GB + VhdParameters.vhdxFixedOverheadBytes);
    ok(e, 'New-VHD E:\\Disks\\dynamic.vhdx 100GB');
    expect(loose(e, 'E:\\Disks\\dynamic.vhdx')).toMatchObject({
      computer: 'HV01',
      type: 'Dynamic',
      sizeBytes: VhdParameters.vhdxEmptyBytes,
      maxSizeBytes: 100 * GB,
    });
    // A fixed VHD is its data plus the 512-byte footer (VHD specification).
    ok(e, 'New-VHD E:\\Disks\\old.vhd 1GB -Fixed');
    expect(loose(e, 'E:\\Disks\\old.vhd')!.sizeBytes).toBe(GB + 512);
  });

  it('writes the disk object Get-VHD reads back', () => {
    const e = newEngine();
    const out = ok(e, 'New-VHD D:\\Disks\\a.vhdx -SizeBytes 10GB').output[0];
    expect(out).toMatchObject({
      Path: 'D:\\Disks\\a.vhdx',
      VhdFormat: 'VHDX',
      VhdType: 'Dynamic',
      Size: 10 * GB,
      FileSize: 4 * MB,
      Attached: false,
      ComputerName: 'HV01',
    });
    expect(ok(e, 'Get-VHD D:\\Disks\\a.vhdx').output[0]).toEqual(out);
  });

  it("refuses a file that does not fit, with Windows' disk-full text, and changes nothing", () => {
    const e = newEngine();
    const err = refused(e, 'New-VHD E:\\Disks\\huge.vhdx 900GB -Fixed');
    expect(err.message).toBe(
      "Failed to create the virtual hard disk. The system failed to create 'E:\\Disks\\huge.vhdx'. There is not enough space on the disk. (0x80070070)",
    );
    expect(err.fix).toMatch(/HV01 E: has 800 GB free/);
    // The same size as a dynamic disk fits: it grows as data is written.
    ok(e, 'New-VHD E:\\Disks\\huge.vhdx 900GB');
  });

  it("keeps to the formats' maximums: VHD 2,040 GB, VHDX 64 TB", () => {
    const e = newEngine();
    expect(refused(e, 'New-VHD D:\\Disks\\big.vhd 2041GB').message).toBe(
      'The size of the virtual hard disk (2191507062784 bytes) is larger than the maximum supported by the VHD format (2040 GB).',
    );
    ok(e, 'New-VHD D:\\Disks\\big.vhd 2040GB');
    expect(refused(e, 'New-VHD D:\\Disks\\big2.vhdx 65TB').message).toMatch(/maximum supported by the VHDX format \(64 TB\)/);
    ok(e, `New-VHD D:\\Disks\\big2.vhdx ${64 * TB}`);
  });

  it('refuses an existing file, a wrong extension and a missing volume', () => {
    const e = newEngine();
    expect(refused(e, 'New-VHD "D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx" 10GB').message).toBe(
      "Failed to create the virtual hard disk. The system failed to create 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx': The file exists. (0x80070050)",
    );
    expect(refused(e, 'New-VHD D:\\Disks\\a.img 10GB').message).toMatch(/does not have a virtual hard disk file name extension: use \.vhdx or \.vhd/);
    expect(refused(e, 'New-VHD Q:\\a.vhdx 10GB').message).toMatch(
      /^The system cannot find the path specified\. \(0x80070003\) Volume Q: does not exist on HV01/,
    );
  });

  it("makes a differencing disk of its parent's format and size", () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\base.vhdx 40GB');
    ok(e, 'New-VHD D:\\Disks\\child.vhdx -ParentPath D:\\Disks\\base.vhdx -Differencing');
    expect(loose(e, 'D:\\Disks\\child.vhdx')).toMatchObject({ type: 'Differencing', parentPath: 'D:\\Disks\\base.vhdx', maxSizeBytes: 40 * GB });
    expect(refused(e, 'New-VHD D:\\Disks\\child.vhd -ParentPath D:\\Disks\\base.vhdx').message).toMatch(/must have the same format as its parent/);
    expect(refused(e, 'New-VHD D:\\Disks\\c2.vhdx -ParentPath D:\\Disks\\none.vhdx').message).toMatch(/cannot find the file specified\. \(0x80070002\)/);
  });

  it('leaves a world that validates, files counted on their volume', () => {
    const e = newEngine();
    ok(e, 'New-VHD \\\\FS01\\VMs\\Shared\\s.vhdx 10GB -Fixed');
    const w = worldOf(e);
    expect(w.vhdFiles.at(-1)).toMatchObject({ computer: 'FS01', path: 'D:\\Shares\\VMs\\Shared\\s.vhdx' });
    expect(validateWorld(w)).toEqual({ ok: true, world: expect.anything() });
  });
});

describe('Resize-VHD, Optimize-VHD, Convert-VHD, Merge-VHD', () => {
  it('expands a fixed disk on its volume, and shrinks a VHDX no further than its data', () => {
    const e = newEngine();
    ok(e, 'New-VHD E:\\Disks\\f.vhdx 10GB -Fixed');
    const before = free(e, 'HV01', 'E');
    ok(e, 'Resize-VHD E:\\Disks\\f.vhdx 30GB');
    expect(before - free(e, 'HV01', 'E')).toBe(20 * GB);
    expect(loose(e, 'E:\\Disks\\f.vhdx')!.maxSizeBytes).toBe(30 * GB);
    // A new disk holds no data yet: it shrinks to the 3 MB minimum.
    ok(e, 'Resize-VHD E:\\Disks\\f.vhdx -ToMinimumSize');
    expect(loose(e, 'E:\\Disks\\f.vhdx')!.maxSizeBytes).toBe(3 * MB);
    // SQL01's fixed 200 GB data disk is taken as half written (VhdParameters.fixedDataShare, unconfirmed).
    ok(e, 'Stop-VM SQL01');
    const data = '"D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx"';
    expect(refused(e, `Resize-VHD ${data} 50GB`).message).toBe(
      "Failed to resize the virtual disk 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx'. The size requested (53687091200 bytes) is smaller than the minimum size of the virtual hard disk (107374182400 bytes).",
    );
    ok(e, `Resize-VHD ${data} 100GB`);
  });

  it("refuses to shrink a VHD, and to resize a running VM's IDE or VHD disk while expanding its SCSI VHDX online", () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\v.vhd 10GB');
    expect(refused(e, 'Resize-VHD D:\\Disks\\v.vhd 5GB').message).toMatch(/Only virtual hard disks in the VHDX format can be shrunk/);
    // DC01 runs with its disk on SCSI 0:0: 2012 R2 expands a VHDX online.
    ok(e, 'Resize-VHD "D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx" 200GB');
    expect(vm(worldOf(e), 'DC01').vhds[0]!.maxSizeBytes).toBe(200 * GB);
    ok(e, 'Start-VM TEST01 -ComputerName HV02');
    expect(refused(e, 'Resize-VHD "D:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx" 100GB -ComputerName HV02').message).toMatch(
      /being used by another process\. \(0x80070020\)$/,
    );
  });

  it('compacts a dynamic disk once, refuses a fixed one and one in use', () => {
    const e = newEngine();
    const test01 = () => vm(worldOf(e), 'TEST01').vhds[0]!;
    const size = test01().sizeBytes;
    ok(e, 'Optimize-VHD "D:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx" -ComputerName HV02');
    const compacted = test01().sizeBytes;
    expect(compacted).toBeLessThan(size);
    expect(compacted).toBe(Math.round((size - 4 * MB) * 0.9) + 4 * MB);
    ok(e, 'Optimize-VHD "D:\\VMs\\TEST01\\Virtual Hard Disks\\TEST01.vhdx" -ComputerName HV02');
    expect(test01().sizeBytes).toBe(compacted);
    expect(refused(e, 'Optimize-VHD "D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx"').message).toMatch(/A fixed virtual hard disk cannot be compacted/);
    const inUse = refused(e, 'Optimize-VHD "D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx"');
    expect(inUse.message).toBe(
      "Failed to compact the virtual disk 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx'. The process cannot access the file because it is being used by another process. (0x80070020)",
    );
    expect(inUse.fix).toMatch(/attached to 'DC01', which is running/);
  });

  it("converts to a new file of the destination's format, charging the destination volume", () => {
    const e = newEngine();
    ok(e, 'New-VHD E:\\Disks\\d.vhdx 50GB');
    const before = free(e, 'HV01', 'D');
    ok(e, 'Convert-VHD E:\\Disks\\d.vhdx D:\\Disks\\d-fixed.vhd -VHDType Fixed');
    expect(loose(e, 'D:\\Disks\\d-fixed.vhd')).toMatchObject({ type: 'Fixed', sizeBytes: 50 * GB + 512, maxSizeBytes: 50 * GB });
    expect(before - free(e, 'HV01', 'D')).toBe(50 * GB + 512);
    expect(loose(e, 'E:\\Disks\\d.vhdx')).toBeDefined();
    ok(e, 'Convert-VHD D:\\Disks\\d-fixed.vhd D:\\Disks\\d2.vhdx -VHDType Dynamic -DeleteSource');
    expect(loose(e, 'D:\\Disks\\d-fixed.vhd')).toBeUndefined();
    // A disk the lab made holds no data: its dynamic copy is empty.
    expect(loose(e, 'D:\\Disks\\d2.vhdx')!.sizeBytes).toBe(4 * MB);
    // SQL01's fixed data disk is taken as half written (unconfirmed share): the dynamic copy keeps that.
    ok(e, 'Stop-VM SQL01');
    ok(e, 'Convert-VHD "D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx" E:\\Disks\\SQL01-Data.vhdx -VHDType Dynamic');
    expect(loose(e, 'E:\\Disks\\SQL01-Data.vhdx')!.sizeBytes).toBe(4 * MB + 100 * GB);
    ok(e, 'New-VHD D:\\Disks\\big.vhdx 3TB');
    expect(refused(e, 'Convert-VHD D:\\Disks\\big.vhdx D:\\Disks\\big.vhd').message).toMatch(/maximum supported by the VHD format \(2040 GB\)/);
  });

  it('merges a differencing disk into its parent and deletes it', () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\base.vhdx 40GB');
    ok(e, 'New-VHD D:\\Disks\\child.vhdx -ParentPath D:\\Disks\\base.vhdx');
    ok(e, 'Merge-VHD D:\\Disks\\child.vhdx');
    expect(loose(e, 'D:\\Disks\\child.vhdx')).toBeUndefined();
    expect(loose(e, 'D:\\Disks\\base.vhdx')).toBeDefined();
    expect(refused(e, 'Merge-VHD D:\\Disks\\base.vhdx').message).toMatch(/It is not a differencing disk/);
  });
});

describe('Get-, Add- and Remove-VMHardDiskDrive', () => {
  it('lists drives with their controller locations', () => {
    const e = newEngine();
    expect(ok(e, 'Get-VMHardDiskDrive SQL01').output).toEqual([
      expect.objectContaining({
        VMName: 'SQL01',
        ControllerType: 'SCSI',
        ControllerNumber: 0,
        ControllerLocation: 0,
        Path: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx',
      }),
      expect.objectContaining({ ControllerLocation: 1, Path: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx' }),
    ]);
    expect(ok(e, 'Get-VMHardDiskDrive SQL01 -ControllerLocation 1').output).toHaveLength(1);
  });

  it('hot-adds a disk to a running VM on SCSI, at the next free location, and removing it keeps the file', () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\extra.vhdx 20GB');
    const before = free(e, 'HV01', 'D');
    ok(e, 'Add-VMHardDiskDrive SQL01 -Path D:\\Disks\\extra.vhdx');
    expect(vm(worldOf(e), 'SQL01').vhds.at(-1)).toMatchObject({ path: 'D:\\Disks\\extra.vhdx', controller: 'SCSI 0:2' });
    expect(loose(e, 'D:\\Disks\\extra.vhdx')).toBeUndefined();
    expect(free(e, 'HV01', 'D')).toBe(before);
    expect(refused(e, 'Add-VMHardDiskDrive DC01 -Path D:\\Disks\\extra.vhdx').fix).toBe(
      "'D:\\Disks\\extra.vhdx' is already attached to 'SQL01'. A virtual hard disk file can be attached to one virtual machine at a time.",
    );
    ok(e, 'Remove-VMHardDiskDrive SQL01 SCSI 0 2');
    expect(loose(e, 'D:\\Disks\\extra.vhdx')).toMatchObject({ computer: 'HV01', sizeBytes: 4 * MB });
    expect(free(e, 'HV01', 'D')).toBe(before);
    expect(validateWorld(worldOf(e)).ok).toBe(true);
  });

  it('keeps IDE to generation 1 VMs that are off, and a location once', () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\i.vhdx 20GB -ComputerName HV02');
    expect(refused(e, 'Add-VMHardDiskDrive APP01 IDE -Path D:\\Disks\\i.vhdx -ComputerName HV02').message).toBe(
      "'APP01' is a generation 2 virtual machine, which has no IDE controller.",
    );
    expect(refused(e, 'Add-VMHardDiskDrive TEST01 IDE 0 0 -Path D:\\Disks\\i.vhdx -ComputerName HV02').message).toBe(
      "'TEST01' failed to add device 'Virtual Hard Disk'. The location IDE 0:0 is already in use.",
    );
    ok(e, 'Add-VMHardDiskDrive TEST01 -Path D:\\Disks\\i.vhdx -ComputerName HV02');
    expect(vm(worldOf(e), 'TEST01').vhds.at(-1)!.controller).toBe('IDE 0:1');
    ok(e, 'Start-VM TEST01 -ComputerName HV02');
    expect(refused(e, 'Remove-VMHardDiskDrive TEST01 IDE 0 1 -ComputerName HV02').message).toBe(
      "'TEST01' failed to remove device 'Virtual Hard Disk'. IDE drives can be removed only while the virtual machine is off.",
    );
    expect(refused(e, 'Remove-VMHardDiskDrive TEST01 SCSI 0 5 -ComputerName HV02').message).toBe(
      "Hyper-V was unable to find a hard disk drive at SCSI 0:5 of virtual machine 'TEST01'.",
    );
  });

  it('refuses a generation 2 VM a VHD file', () => {
    const e = newEngine();
    ok(e, 'New-VHD D:\\Disks\\old.vhd 20GB');
    expect(refused(e, 'Add-VMHardDiskDrive DC01 -Path D:\\Disks\\old.vhd').message).toMatch(/Generation 2 virtual machines do not support the VHD format/);
  });

  it('guards a disk file that a full volume cannot hold, whichever cmdlet writes it', () => {
    const e = newEngine((w) => {
      const d = host(w, 'HV01').volumes.find((v) => v.letter === 'E')!;
      d.otherDataBytes = d.capacityBytes - 2 * MB;
    });
    expect(refused(e, 'New-VM BIG -NewVHDPath E:\\VMs\\BIG.vhdx -NewVHDSizeBytes 127GB -Path E:\\VMs').message).toBe(
      "Failed to create the virtual machine 'BIG'. The system failed to create 'E:\\VMs\\BIG.vhdx'. There is not enough space on the disk. (0x80070070)",
    );
    expect(refused(e, 'New-VHD E:\\d.vhdx 10GB').message).toMatch(/There is not enough space on the disk\. \(0x80070070\)$/);
  });
});
