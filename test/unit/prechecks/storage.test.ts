// Storage pre-checks: paths, disk names, collisions, free space per volume, shares, shared
// storage for "Move only the virtual machine", and the nothing-to-move warning.
import { describe, expect, it } from 'vitest';
import { check, clean, GiB, host, none, only, rows, vm, world } from './helpers';

describe('paths', () => {
  it("path-invalid: malformed, missing volume, unknown computer, missing share — each in Windows' words", () => {
    const bad = (path: string) => only(check(world(), 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: path }), 'path-invalid');
    expect(bad('VMs\\SQL01')).toMatchObject({
      message: "Failed to verify the path 'VMs\\SQL01' on 'HV01': The filename, directory name, or volume label syntax is incorrect. (0x8007007B)",
      source: 'VMs\\SQL01',
      parameter: 'DestinationStoragePath',
    });
    expect(bad('Z:\\VMs\\SQL01')).toMatchObject({
      message: "Failed to verify the path 'Z:\\VMs\\SQL01' on 'HV01': The system cannot find the path specified. (0x80070003)",
      fix: 'HV01 has no volume Z:; its volumes are C:, D:, E:.',
    });
    expect(bad('\\\\FS09\\VMs\\SQL01')).toMatchObject({
      message: "Failed to verify the path '\\\\FS09\\VMs\\SQL01' on 'HV01': The network path was not found. (0x80070035)",
      fix: "No computer named 'FS09' exists in this lab; the computers are HV01, HV02, FS01.",
    });
    expect(bad('\\\\FS01\\VM\\SQL01')).toMatchObject({
      message: "Failed to verify the path '\\\\FS01\\VM\\SQL01' on 'HV01': The network name cannot be found. (0x80070043)",
      fix: "FS01 has no share 'VM'; its shares are VMs. Create it with New-SmbShare on FS01 or use an existing one.",
    });
    none(check(world(), 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: '\\\\FS01\\VMs\\SQL01' }), 'path-invalid');
  });

  it('path-invalid: a live move resolves local paths on the destination host, per parameter', () => {
    const w = world((x) => {
      host(x, 'HV02').volumes = host(x, 'HV02').volumes.filter((v) => v.letter !== 'E');
    });
    const r = check(w, 'Move-VM', {
      Name: 'SQL01',
      DestinationHost: 'HV02',
      VirtualMachinePath: 'E:\\Config\\SQL01',
      Vhds: [{ SourceFilePath: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', DestinationFilePath: 'D:\\VMs\\SQL01\\SQL01.vhdx' }],
    });
    expect(only(r, 'path-invalid')).toMatchObject({ source: 'E:\\Config\\SQL01', parameter: 'VirtualMachinePath' });
    expect(only(r, 'path-invalid').message).toContain("on 'HV02'");
    // E: exists on HV01: the same storage move there is fine.
    none(check(w, 'Move-VMStorage', { VMName: 'SQL01', VirtualMachinePath: 'E:\\Config\\SQL01' }), 'path-invalid');
  });
});

describe('virtual hard disk entries', () => {
  const disk = 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx';

  it('vhd-name-changed: the file name must be identical in source and destination', () => {
    const e = only(
      check(world(), 'Move-VMStorage', { VMName: 'SQL01', Vhds: [{ SourceFilePath: disk, DestinationFilePath: 'E:\\Disks\\SQL01-new.vhdx' }] }),
      'vhd-name-changed',
    );
    expect(e).toEqual({
      check: 'vhd-name-changed',
      severity: 'error',
      message:
        "The virtual hard disk 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx' cannot be moved to 'E:\\Disks\\SQL01-new.vhdx': the file name must be the same in the source and the destination path.",
      source: 'SQL01.vhdx',
      fix: "Keep the file name: DestinationFilePath = 'E:\\Disks\\SQL01.vhdx'. To rename the disk, move it first and rename it with the VM off.",
      guiFix:
        'A virtual hard disk keeps its file name when it moves; choose only its folder. Go back to the page with the folder for virtual hard disk SQL01.vhdx and choose another folder.',
      parameter: 'Vhds',
    });
    // Windows names are case-insensitive.
    clean(check(world(), 'Move-VMStorage', { VMName: 'SQL01', Vhds: [{ SourceFilePath: disk, DestinationFilePath: 'E:\\Disks\\sql01.VHDX' }] }));
  });

  it("vhd-not-attached: -Vhds must name the VM's own disks, once each", () => {
    const r = check(world(), 'Move-VMStorage', {
      VMName: 'SQL01',
      Vhds: [
        { SourceFilePath: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx', DestinationFilePath: 'E:\\DC01.vhdx' },
        { SourceFilePath: disk, DestinationFilePath: 'E:\\A\\SQL01.vhdx' },
        { SourceFilePath: disk, DestinationFilePath: 'E:\\B\\SQL01.vhdx' },
      ],
    });
    expect(rows(r, 'vhd-not-attached').map((e) => e.message)).toEqual([
      "The virtual hard disk 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx' is not attached to virtual machine 'SQL01'.",
      "The virtual hard disk 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx' is listed more than once in -Vhds.",
    ]);
    expect(rows(r, 'vhd-not-attached')[0]!.fix).toContain('SQL01-Data.vhdx');
  });
});

describe('destination files', () => {
  it('file-exists: two disks of the same name sent to one folder collide', () => {
    const w = world((x) => {
      vm(x, 'SQL01').vhds.push({ path: 'E:\\Other\\SQL01.vhdx', sizeBytes: GiB, maxSizeBytes: 10 * GiB, type: 'Dynamic', controller: 'SCSI 0:2' });
    });
    const e = only(check(w, 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: 'E:\\VMs\\SQL01' }), 'file-exists');
    expect(e.message).toBe("Failed to create 'E:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx': The file exists. (0x80070050)");
    expect(e.fix).toContain("'SQL01.vhdx' and 'SQL01.vhdx' of 'SQL01' would both be written");
  });

  it("file-exists: a destination already holding another VM's file", () => {
    const w = world((x) => {
      vm(x, 'WEB01').vhds.push({ path: '\\\\FS01\\VMs\\Shared\\DC01.vhdx', sizeBytes: GiB, maxSizeBytes: 10 * GiB, type: 'Dynamic', controller: 'SCSI 0:1' });
    });
    const params = (to: string) => ({ VMName: 'DC01', Vhds: [{ SourceFilePath: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx', DestinationFilePath: to }] });
    expect(only(check(w, 'Move-VMStorage', params('\\\\FS01\\VMs\\Shared\\DC01.vhdx')), 'file-exists')).toMatchObject({
      fix: "'\\\\FS01\\VMs\\Shared\\DC01.vhdx' already holds a file of 'WEB01'. Choose another folder for 'DC01.vhdx'.",
      parameter: 'Vhds',
    });
    // The same file through the file server's local path is the same file.
    none(check(w, 'Move-VMStorage', params('\\\\FS01\\VMs\\Other\\DC01.vhdx')), 'file-exists');
  });
});

describe('free space', () => {
  // HV01 E: with exactly 100 GB free; SQL01 with two 60 GB disks.
  const w = () =>
    world((x) => {
      const e = host(x, 'HV01').volumes.find((v) => v.letter === 'E')!;
      e.capacityBytes = 100 * GiB;
      vm(x, 'SQL01').vhds[1]!.sizeBytes = 60 * GiB;
      vm(x, 'SQL01').vhds[1]!.type = 'Dynamic';
    });
  const d1 = { SourceFilePath: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', DestinationFilePath: 'E:\\VMs\\SQL01\\SQL01.vhdx' };
  const d2 = { SourceFilePath: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx', DestinationFilePath: 'E:\\Data\\SQL01-Data.vhdx' };

  it('disk-space: sums every file going to one volume — two 60 GB disks do not fit in 100 GB', () => {
    none(check(w(), 'Move-VMStorage', { VMName: 'SQL01', Vhds: [d1] }), 'disk-space');
    none(check(w(), 'Move-VMStorage', { VMName: 'SQL01', Vhds: [d2] }), 'disk-space');
    expect(only(check(w(), 'Move-VMStorage', { VMName: 'SQL01', Vhds: [d1, d2] }), 'disk-space')).toEqual({
      check: 'disk-space',
      severity: 'error',
      message:
        'Not enough space on volume E: of HV01 for the files being moved there (120.0 GB needed, 100.0 GB free). There is not enough space on the disk. (0x80070070)',
      source: 'HV01 E:',
      fix: 'Choose a volume with at least 120.0 GB free for SQL01.vhdx, SQL01-Data.vhdx, split the files over several volumes (-Vhds per disk), or free 20.0 GB on HV01 E:.',
      guiFix:
        'Go back to the page with the folders for the virtual hard disks and choose another folder on a volume with at least 120.0 GB free for SQL01.vhdx, SQL01-Data.vhdx; or give the files folders on different volumes (the option that moves the data to different locations); or free 20.0 GB on HV01 E:.',
      parameter: 'Vhds',
    });
  });

  it('disk-space: the two disks on two volumes fit; a move within the same volume needs no space', () => {
    const split = { ...d2, DestinationFilePath: '\\\\FS01\\VMs\\SQL01\\SQL01-Data.vhdx' };
    none(check(w(), 'Move-VMStorage', { VMName: 'SQL01', Vhds: [d1, split] }), 'disk-space');
    // D: holds exactly its files (DC01 40 GB, SQL01 60 + 200 GB, two configurations): 0 bytes free; E: 100 GB.
    const full = world((x) => {
      const d = host(x, 'HV01').volumes.find((v) => v.letter === 'D')!;
      d.capacityBytes = d.otherDataBytes + 300 * GiB + 2 * 64 * 1024;
      host(x, 'HV01').volumes.find((v) => v.letter === 'E')!.capacityBytes = 100 * GiB;
    });
    clean(check(full, 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: 'D:\\Moved\\SQL01' }));
    expect(only(check(full, 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: '\\\\HV01\\E$\\SQL01' }), 'disk-space').severity).toBe('error');
  });

  it("disk-space: a live move counts what lands on the destination host's volume", () => {
    const small = world((x) => {
      const e = host(x, 'HV02').volumes.find((v) => v.letter === 'E')!;
      e.capacityBytes = 30 * GiB;
    });
    const e = only(
      check(small, 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'E:\\VMs\\DC01' }),
      'disk-space',
    );
    expect(e.source).toBe('HV02 E:');
    none(check(small, 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'D:\\VMs\\DC01' }), 'disk-space');
  });
});

describe('SMB shares', () => {
  it("share-access: the share must grant Full Control to the source and destination hosts' computer accounts", () => {
    const w = world((x) => {
      host(x, 'FS01').shares[0]!.fullControl = ['CONTOSO\\HV01$', 'CONTOSO\\Domain Admins'];
    });
    expect(only(check(w, 'Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' }), 'share-access')).toEqual({
      check: 'share-access',
      severity: 'error',
      message: "User 'CONTOSO\\HV02$' failed to access '\\\\FS01\\VMs\\WEB01': General access denied error (0x80070005).",
      source: '\\\\FS01\\VMs',
      fix: "Grant CONTOSO\\HV02$ Full Control on the share and its folder: Grant-SmbShareAccess -Name VMs -AccountName 'CONTOSO\\HV02$' -AccessRight Full -CimSession FS01 (and the same on the NTFS permissions of D:\\Shares\\VMs). Every Hyper-V host that runs the VM from the share needs it.",
      guiFix:
        "On FS01, give CONTOSO\\HV02$ Full Control on the share 'VMs' and on its folder D:\\Shares\\VMs (every Hyper-V host that runs the VM from the share needs it), or go back to the page where you chose the folder and choose another folder that is not on this share.",
    });
    // A storage move to the share needs only the VM's own host.
    none(check(w, 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: '\\\\FS01\\VMs\\DC01' }), 'share-access');
    const noHv01 = world((x) => {
      host(x, 'FS01').shares[0]!.fullControl = ['CONTOSO\\HV02$'];
    });
    expect(only(check(noHv01, 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: '\\\\FS01\\VMs\\DC01' }), 'share-access')).toMatchObject({
      message: "User 'CONTOSO\\HV01$' failed to access '\\\\FS01\\VMs\\DC01': General access denied error (0x80070005).",
      parameter: 'DestinationStoragePath',
    });
    const everyone = world((x) => {
      host(x, 'FS01').shares[0]!.fullControl = ['Everyone'];
    });
    clean(check(everyone, 'Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' }));
  });

  it('not-on-shared-storage: "Move only the virtual machine" passes with files on \\\\FS01\\VMs and fails with local files', () => {
    clean(check(world(), 'Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' }));
    const r = check(world(), 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02' });
    expect(r.errors.map((e) => [e.check, e.source])).toEqual([
      ['not-on-shared-storage', 'Configuration'],
      ['not-on-shared-storage', 'DC01.vhdx'],
    ]);
    expect(r.errors[1]).toMatchObject({
      message:
        "The virtual machine 'DC01' cannot be moved to 'HV02' without its storage: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx' is not on shared storage that 'HV02' can reach.",
      parameter: 'IncludeStorage',
    });
    expect(r.errors[1]!.fix).toContain('-IncludeStorage -DestinationStoragePath');
  });

  it('not-on-shared-storage: items a per-item live move does not name must be on shared storage too', () => {
    const r = check(world(), 'Move-VM', {
      Name: 'DC01',
      DestinationHost: 'HV02',
      Vhds: [{ SourceFilePath: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx', DestinationFilePath: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx' }],
    });
    const e = only(r, 'not-on-shared-storage');
    expect(e.source).toBe('Configuration');
    expect(e.fix).toBe('Name a destination for this item too (-VirtualMachinePath), or move it to an SMB 3.0 share of a file server first.');
    expect(e.parameter).toBeUndefined();
    clean(check(world(), 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02', IncludeStorage: true }));
  });

  it('not-on-shared-storage: a share on one of the two Hyper-V hosts is a loopback, not shared storage', () => {
    const w = world((x) => {
      host(x, 'HV02').shares = [{ name: 'VMs', path: 'D:\\Shares\\VMs', fullControl: ['CONTOSO\\HV01$', 'CONTOSO\\HV02$'], encryptData: false }];
      const web = vm(x, 'WEB01');
      web.paths = { configuration: '\\\\HV02\\VMs\\WEB01', snapshots: '\\\\HV02\\VMs\\WEB01', smartPaging: '\\\\HV02\\VMs\\WEB01' };
      web.vhds[0]!.path = '\\\\HV02\\VMs\\WEB01\\Virtual Hard Disks\\WEB01.vhdx';
    });
    expect(rows(check(w, 'Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' }), 'not-on-shared-storage')).toHaveLength(2);
  });
});

describe('nothing to move', () => {
  it("nothing-to-move: a storage move to where the files already are is refused, and says in the wizard's words what to change", () => {
    const r = check(world(), 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: 'd:\\vms\\sql01\\' });
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([
      {
        check: 'nothing-to-move',
        severity: 'error',
        message: "There is nothing to move: the files of 'SQL01' are already in the locations given.",
        source: 'SQL01',
        fix: 'Choose a different destination folder, or name the items to move (-VirtualMachinePath, -SnapshotFilePath, -SmartPagingFilePath, -Vhds).',
        guiFix:
          'Go back to "Choose a new location for virtual machine" and choose a folder other than the one the files of \'SQL01\' are in now (D:\\VMs\\SQL01).',
        parameter: 'DestinationStoragePath',
      },
    ]);
    // Per item: every selected item already in its folder.
    const perItem = only(check(world(), 'Move-VMStorage', { VMName: 'SQL01', SmartPagingFilePath: 'D:\\VMs\\SQL01' }), 'nothing-to-move');
    expect(perItem.guiFix).toBe(
      'Every item selected is already in the folder chosen for it. Go back to "Choose Items to Move" and select the items to move, then choose a new folder for each; or go back to "Choose Options for Moving Storage" and choose "Move all of the virtual machine\'s data to a single location".',
    );
    expect(perItem.guiFix).not.toMatch(/-[A-Z]/);
    expect(only(check(world(), 'Move-VMStorage', { VMName: 'SQL01' }), 'nothing-to-move').parameter).toBeUndefined();
    // Changing only the checkpoint location moves no bytes but is a change.
    clean(check(world(), 'Move-VMStorage', { VMName: 'SQL01', SnapshotFilePath: 'E:\\Snapshots\\SQL01' }));
  });
});
