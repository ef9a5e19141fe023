import { describe, expect, it } from 'vitest';
import { defaultWorld } from '../../../engine/model/default-world';
import { baseName, isUnder, joinPath, normalizePath, parentPath, parsePath, resolvePath, samePath, volumeUsage } from '../../../engine/model/paths';

const GiB = 1024 ** 3;

describe('paths', () => {
  it('parses local and UNC paths', () => {
    expect(parsePath('d:/VMs//X\\')).toEqual({ kind: 'local', drive: 'D', segments: ['VMs', 'X'] });
    expect(parsePath('\\\\FS01\\VMs\\X')).toEqual({ kind: 'unc', server: 'FS01', share: 'VMs', segments: ['X'] });
    expect(parsePath('VMs\\X')).toBeUndefined();
    expect(parsePath('D:\\a|b')).toBeUndefined();
  });

  it('normalizes, compares case-insensitively and joins', () => {
    expect(normalizePath('d:\\vms\\x\\')).toBe('D:\\vms\\x');
    expect(samePath('D:\\VMs\\X', 'd:/vms/x/')).toBe(true);
    expect(isUnder('D:\\VMs\\X\\a.vhdx', 'd:\\vms')).toBe(true);
    expect(isUnder('D:\\VMsX', 'D:\\VMs')).toBe(false);
    expect(joinPath('D:\\VMs\\', 'SQL01', '\\Virtual Hard Disks')).toBe('D:\\VMs\\SQL01\\Virtual Hard Disks');
    expect(joinPath('D:', 'x')).toBe('D:\\x');
    expect(baseName('D:\\VMs\\a.vhdx')).toBe('a.vhdx');
    expect(parentPath('\\\\FS01\\VMs\\X\\a.vhdx')).toBe('\\\\FS01\\VMs\\X');
  });

  it('resolves paths as seen from a host', () => {
    const w = defaultWorld();
    expect(resolvePath(w, 'HV01', 'D:\\VMs\\A')).toEqual({ ok: true, value: { computer: 'HV01', volume: 'D', remote: false, localPath: 'D:\\VMs\\A' } });
    expect(resolvePath(w, 'HV01', '\\\\fs01.contoso.com\\vms\\A')).toEqual({ ok: true, value: { computer: 'FS01', volume: 'D', share: 'VMs', remote: true, localPath: 'D:\\Shares\\VMs\\A' } });
    expect(resolvePath(w, 'HV01', '\\\\HV02\\E$\\X')).toMatchObject({ ok: true, value: { computer: 'HV02', volume: 'E', remote: true } });
    expect(resolvePath(w, 'HV01', 'Z:\\X')).toEqual({ ok: false, message: 'volume Z: does not exist on HV01' });
  });

  it('counts VM files on a volume, including other hosts\' VMs on a share', () => {
    const w = defaultWorld();
    const d = volumeUsage(w, 'HV01', 'D')!;
    // DC01 40 GiB + SQL01 60 + 200 GiB + two configuration files.
    expect(d.vmFilesBytes).toBe(300 * GiB + 2 * 64 * 1024);
    expect(d.freeBytes).toBe(d.capacityBytes - d.otherDataBytes - d.vmFilesBytes);
    const fs = volumeUsage(w, 'FS01', 'D')!;
    expect(fs.vmFilesBytes).toBe(40 * GiB + 64 * 1024); // WEB01 of HV01, through \\FS01\VMs
  });
});
