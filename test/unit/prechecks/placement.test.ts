import { describe, expect, it } from 'vitest';
import type { World } from '../../../engine/model/world';
import { planPlacement, toMoveRequest, type FilePlacement, type PlacedFile } from '../../../engine/operations/prechecks';
import { GiB, vm, world } from './helpers';

function plan(w: World, cmdlet: 'Move-VM' | 'Move-VMStorage', params: Record<string, unknown>): FilePlacement {
  const before = structuredClone(w);
  const request = toMoveRequest(cmdlet, params, w);
  const name = String(params.VMName ?? params.Name);
  const p = planPlacement(w, vm(w, name), request);
  expect(w).toEqual(before);
  return p;
}

/** The parts of a placed file an operation drives a copy with. */
function brief(f: PlacedFile) {
  return {
    kind: f.kind,
    from: f.sourcePath,
    to: f.destinationPath,
    action: f.action,
    size: f.sizeBytes,
    src: f.source.ok ? `${f.source.at.computer} ${f.source.at.volume}:` : 'unreachable',
    dst: f.destination.ok ? `${f.destination.at.computer} ${f.destination.at.volume}:` : 'unreachable',
  };
}

describe('planPlacement', () => {
  it('single location: disks under "Virtual Hard Disks", configuration, checkpoint and smart paging locations at the folder', () => {
    const w = world((x) => {
      vm(x, 'SQL01').smartPagingFile = { path: 'D:\\VMs\\SQL01\\SQL01.slp', sizeBytes: 2 * GiB, createdAt: 0 };
    });
    const p = plan(w, 'Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: 'E:\\VMs\\SQL01' });
    expect(p).toMatchObject({ kind: 'Storage', mode: 'SingleFolder', vmId: 'vm-sql01', sourceHost: 'HV01', destinationHost: 'HV01' });
    expect(p.files.map(brief)).toEqual([
      { kind: 'configuration', from: 'D:\\VMs\\SQL01', to: 'E:\\VMs\\SQL01', action: 'copy', size: 64 * 1024, src: 'HV01 D:', dst: 'HV01 E:' },
      {
        kind: 'vhd',
        from: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx',
        to: 'E:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx',
        action: 'copy',
        size: 60 * GiB,
        src: 'HV01 D:',
        dst: 'HV01 E:',
      },
      {
        kind: 'vhd',
        from: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx',
        to: 'E:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx',
        action: 'copy',
        size: 200 * GiB,
        src: 'HV01 D:',
        dst: 'HV01 E:',
      },
      {
        kind: 'smartPaging',
        from: 'D:\\VMs\\SQL01\\SQL01.slp',
        to: 'E:\\VMs\\SQL01\\SQL01.slp',
        action: 'copy',
        size: 2 * GiB,
        src: 'HV01 D:',
        dst: 'HV01 E:',
      },
    ]);
    expect(p.files.every((f) => f.parameter === 'DestinationStoragePath')).toBe(true);
    expect(p.locations).toEqual({
      configuration: { before: 'D:\\VMs\\SQL01', after: 'E:\\VMs\\SQL01', changed: true, parameter: 'DestinationStoragePath' },
      snapshots: { before: 'D:\\VMs\\SQL01', after: 'E:\\VMs\\SQL01', changed: true, parameter: 'DestinationStoragePath' },
      smartPaging: { before: 'D:\\VMs\\SQL01', after: 'E:\\VMs\\SQL01', changed: true, parameter: 'DestinationStoragePath' },
    });
    expect(p.volumes).toEqual([
      {
        computer: 'HV01',
        volume: 'E',
        requiredBytes: 262 * GiB + 64 * 1024,
        freeBytes: 800 * GiB,
        files: ['Configuration', 'SQL01.vhdx', 'SQL01-Data.vhdx', 'Smart Paging File'],
      },
    ]);
    expect(p.bytesToCopy).toBe(262 * GiB + 64 * 1024);
    expect(p.requestedPaths).toHaveLength(1);
  });

  it('single location keeps checkpoint files in their place under the checkpoint location', () => {
    const p = plan(world(), 'Move-VMStorage', { VMName: 'APP01', DestinationStoragePath: 'E:\\VMs\\APP01', ComputerName: 'HV02' });
    const cp = p.files.find((f) => f.kind === 'checkpoint')!;
    expect(brief(cp)).toEqual({
      kind: 'checkpoint',
      from: 'D:\\VMs\\APP01\\Snapshots\\3F2A9C1E-5B7D-4E21-9A0C-1D2E3F4A5B6C.xml',
      to: 'E:\\VMs\\APP01\\Snapshots\\3F2A9C1E-5B7D-4E21-9A0C-1D2E3F4A5B6C.xml',
      action: 'copy',
      size: 64 * 1024,
      src: 'HV02 D:',
      dst: 'HV02 E:',
    });
    expect(cp.label).toBe('APP01 - (11/20/2026 - 9:14:02 AM)');
    expect(cp.field).toBe('checkpoints[0].files[0].path');
  });

  it('per item, configuration only: the rest stays where it is', () => {
    const p = plan(world(), 'Move-VMStorage', { VMName: 'SQL01', VirtualMachinePath: 'E:\\Config\\SQL01' });
    expect(p.mode).toBe('PerItem');
    expect(p.files.map((f) => [f.kind, f.action, f.destinationPath])).toEqual([
      ['configuration', 'copy', 'E:\\Config\\SQL01'],
      ['vhd', 'stay', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx'],
      ['vhd', 'stay', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx'],
    ]);
    expect(p.files[0]!.parameter).toBe('VirtualMachinePath');
    expect(p.files[1]!.parameter).toBeUndefined();
    expect(p.locations.configuration).toMatchObject({ after: 'E:\\Config\\SQL01', changed: true });
    expect(p.locations.snapshots).toEqual({ before: 'D:\\VMs\\SQL01', after: 'D:\\VMs\\SQL01', changed: false });
    expect(p.volumes).toEqual([{ computer: 'HV01', volume: 'E', requiredBytes: 64 * 1024, freeBytes: 800 * GiB, files: ['Configuration'] }]);
  });

  it('per item, smart paging only: the location changes; the file moves only when there is one', () => {
    const none = plan(world(), 'Move-VMStorage', { VMName: 'SQL01', SmartPagingFilePath: 'E:\\Paging' });
    expect(none.files.every((f) => f.action === 'stay')).toBe(true);
    expect(none.locations.smartPaging).toEqual({ before: 'D:\\VMs\\SQL01', after: 'E:\\Paging', changed: true, parameter: 'SmartPagingFilePath' });
    expect(none.locations.configuration.changed).toBe(false);
    expect(none.bytesToCopy).toBe(0);

    const w = world((x) => {
      vm(x, 'SQL01').smartPagingFile = { path: 'D:\\VMs\\SQL01\\SQL01.slp', sizeBytes: GiB, createdAt: 0 };
    });
    const one = plan(w, 'Move-VMStorage', { VMName: 'SQL01', SmartPagingFilePath: 'E:\\Paging' });
    expect(one.files.filter((f) => f.action !== 'stay').map(brief)).toEqual([
      { kind: 'smartPaging', from: 'D:\\VMs\\SQL01\\SQL01.slp', to: 'E:\\Paging\\SQL01.slp', action: 'copy', size: GiB, src: 'HV01 D:', dst: 'HV01 E:' },
    ]);
  });

  it('disks only: each disk to its own destination, configuration stays', () => {
    const p = plan(world(), 'Move-VMStorage', {
      VMName: 'SQL01',
      Vhds: [{ SourceFilePath: 'd:\\vms\\sql01\\virtual hard disks\\sql01-data.vhdx', DestinationFilePath: 'E:\\Data\\SQL01-Data.vhdx' }],
    });
    expect(p.files.map((f) => [f.kind, f.action, f.destinationPath, f.parameter])).toEqual([
      ['configuration', 'stay', 'D:\\VMs\\SQL01', undefined],
      ['vhd', 'stay', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', undefined],
      ['vhd', 'copy', 'E:\\Data\\SQL01-Data.vhdx', 'Vhds'],
    ]);
    expect(p.vhdIssues).toEqual([]);
  });

  it('a move within one volume needs no extra space; a move to the same place is a stay', () => {
    const p = plan(world(), 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: 'D:\\Moved\\DC01' });
    expect(p.files.map((f) => f.action)).toEqual(['moveWithinVolume', 'moveWithinVolume']);
    expect(p.volumes).toEqual([]);
    expect(p.bytesToCopy).toBe(0);
    const same = plan(world(), 'Move-VMStorage', { VMName: 'DC01', DestinationStoragePath: '\\\\HV01\\D$\\VMs\\DC01' });
    expect(same.files.map((f) => f.action)).toEqual(['stay', 'stay']);
  });

  it('live move to a single folder resolves local paths on the destination host', () => {
    const p = plan(world(), 'Move-VM', { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'E:\\VMs\\SQL01' });
    expect(p).toMatchObject({ kind: 'Live', sourceHost: 'HV01', destinationHost: 'HV02' });
    expect(p.files.map(brief).map((f) => `${f.src} → ${f.dst} ${f.action}`)).toEqual([
      'HV01 D: → HV02 E: copy',
      'HV01 D: → HV02 E: copy',
      'HV01 D: → HV02 E: copy',
    ]);
  });

  it('live move with -IncludeStorage and no path copies every file to the same path on the destination', () => {
    const p = plan(world(), 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02', IncludeStorage: true });
    expect(p.files.map(brief)).toEqual([
      { kind: 'configuration', from: 'D:\\VMs\\DC01', to: 'D:\\VMs\\DC01', action: 'copy', size: 64 * 1024, src: 'HV01 D:', dst: 'HV02 D:' },
      {
        kind: 'vhd',
        from: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx',
        to: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx',
        action: 'copy',
        size: 40 * GiB,
        src: 'HV01 D:',
        dst: 'HV02 D:',
      },
    ]);
  });

  it('VM only: every file stays; a share path names the same bytes from the destination, a local path does not', () => {
    const web = plan(world(), 'Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' });
    expect(web.mode).toBe('VmOnly');
    expect(web.files.map(brief).map((f) => `${f.action} ${f.src} / ${f.dst}`)).toEqual(['stay FS01 D: / FS01 D:', 'stay FS01 D: / FS01 D:']);
    const dc = plan(world(), 'Move-VM', { Name: 'DC01', DestinationHost: 'HV02' });
    expect(dc.files.map(brief).map((f) => `${f.action} ${f.src} / ${f.dst}`)).toEqual(['stay HV01 D: / HV02 D:', 'stay HV01 D: / HV02 D:']);
    expect(dc.bytesToCopy).toBe(0);
  });

  it('normalizes destination spelling and records -Vhds entries that place nothing', () => {
    const p = plan(world(), 'Move-VMStorage', {
      VMName: 'DC01',
      Vhds: [
        { SourceFilePath: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx', DestinationFilePath: '\\\\fs01\\vms\\DC01\\\\DC01.vhdx' },
        { SourceFilePath: 'D:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx', DestinationFilePath: 'E:\\DC01.vhdx' },
        { SourceFilePath: 'D:\\Nope.vhdx', DestinationFilePath: 'E:\\Nope.vhdx' },
      ],
    });
    const d = p.files.find((f) => f.kind === 'vhd')!;
    expect(d.destinationPath).toBe('\\\\fs01\\vms\\DC01\\DC01.vhdx');
    expect(d.destination).toMatchObject({ ok: true, at: { computer: 'FS01', volume: 'D', share: 'VMs', localPath: 'D:\\Shares\\VMs\\DC01\\DC01.vhdx' } });
    expect(p.vhdIssues.map((i) => [i.index, i.issue])).toEqual([
      [1, 'duplicate'],
      [2, 'notAttached'],
    ]);
  });
});
