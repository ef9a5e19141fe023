// World files beyond Hyper-V's published maximums or Windows' path rules are refused with the field,
// the value and the limit (engine/common). Before these rules, every world below loaded silently.
import { describe, expect, it } from 'vitest';
import { defaultWorldInput } from '../../../engine/model/default-world';
import { validateWorld } from '../../../engine/model/validate';
import type { VmInput, WorldInput } from '../../../engine/model/world';

const GiB = 1024 ** 3;
const TiB = 1024 ** 4;

function errorsOf(f: (w: WorldInput) => void): { path: string; message: string }[] {
  const w = defaultWorldInput();
  f(w);
  const r = validateWorld(w);
  return r.ok ? [] : r.errors;
}

const vmOf = (w: WorldInput, name: string) => w.vms!.find((v) => v.name === name)!;
const hostOf = (w: WorldInput, name: string) => w.hosts.find((h) => h.name === name)!;

describe('world validation: Windows path rules', () => {
  it.each([
    ['a reserved device name', 'D:\\VMs\\WEB01\\CON\\WEB01.vhdx', /reserved device name CON/],
    ['a reserved device name with an extension', 'D:\\VMs\\WEB01\\nul.vhdx', /reserved device name NUL/],
    ['COM1 in a share path', '\\\\FS01\\VMs\\COM1.vhdx', /reserved device name COM1/],
    ['a control character', 'D:\\VMs\\WEB01\\a\u0007b.vhdx', /control character U\+0007/],
    ['a control character in a share path', '\\\\FS01\\VMs\\a\u0001.vhdx', /control character U\+0001/],
    ['a name ending in a period', 'D:\\VMs\\WEB01.\\WEB01.vhdx', /ends with a period/],
  ])('refuses a disk path with %s', (_what, path, message) => {
    const errs = errorsOf((w) => {
      vmOf(w, 'WEB01').vhds![0]!.path = path;
    });
    const e = errs.find((x) => x.path === 'vms[WEB01].vhds[0].path');
    expect(e?.message).toMatch(message);
  });

  it('refuses a file path over MAX_PATH (259 characters) and a folder over 248, naming the length', () => {
    const folder = `D:\\${'F'.repeat(246)}`; // 249 characters
    const errs = errorsOf((w) => {
      vmOf(w, 'WEB01').vhds![0]!.path = `D:\\VMs\\${'a'.repeat(250)}.vhdx`; // 262 characters
      vmOf(w, 'APP01').paths.snapshots = folder;
    });
    expect(errs).toContainEqual({
      path: 'vms[WEB01].vhds[0].path',
      message: 'The path is 262 characters long; a file path can have at most 259 characters (MAX_PATH is 260).',
    });
    expect(errs).toContainEqual({
      path: 'vms[APP01].paths.snapshots',
      message: 'The path is 249 characters long; a folder path can have at most 248 characters (MAX_PATH is 260).',
    });
  });

  it('accepts names that only start like a device name (CONTOSO, Console.vhdx, LPT10)', () => {
    const errs = errorsOf((w) => {
      vmOf(w, 'WEB01').vhds![0]!.path = 'D:\\VMs\\CONTOSO\\Console.vhdx';
      vmOf(w, 'APP01').vhds![0]!.path = 'D:\\VMs\\LPT10\\nulls.vhdx';
    });
    expect(errs).toEqual([]);
  });
});

describe('world validation: one owner per virtual hard disk file', () => {
  it('refuses two VMs attaching the same file', () => {
    const errs = errorsOf((w) => {
      vmOf(w, 'APP01').vhds![0]!.path = vmOf(w, 'SQL01').vhds![0]!.path.toUpperCase();
    });
    // APP01 is on HV02 and SQL01 on HV01: a local path on different hosts is different bytes.
    expect(errs).toEqual([]);
    const same = errorsOf((w) => {
      vmOf(w, 'WEB01').vhds![0]!.path = vmOf(w, 'DC01').vhds![0]!.path.toUpperCase();
    });
    expect(same.some((e) => /vms\[(WEB01|DC01)\]\.vhds\[0\]\.path/.test(e.path) && /already attached to virtual machine '(DC01|WEB01)'/.test(e.message))).toBe(
      true,
    );
  });

  it("sees the same file through a share and through the file server's admin share", () => {
    const errs = errorsOf((w) => {
      const fs = hostOf(w, 'FS01');
      const share = fs.shares![0]!;
      const local = share.path.replace(/^([A-Z]):/, '$1$');
      vmOf(w, 'WEB01').vhds![0]!.path = `\\\\FS01\\${share.name}\\shared.vhdx`;
      vmOf(w, 'APP01').vhds![0]!.path = `\\\\fs01\\${local}\\SHARED.vhdx`;
    });
    expect(errs.some((e) => e.path.endsWith('.vhds[0].path') && /already attached/.test(e.message))).toBe(true);
  });

  it('refuses one VM attaching a file twice', () => {
    const errs = errorsOf((w) => {
      const d = vmOf(w, 'SQL01').vhds!;
      d[1]!.path = d[0]!.path;
    });
    expect(errs).toContainEqual({
      path: 'vms[SQL01].vhds[1].path',
      message: `'${'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx'}' is already attached to vhds[0] of the same virtual machine; a virtual hard disk file can be attached once`,
    });
  });
});

describe('world validation: Hyper-V scalability limits', () => {
  const checkpoint = (vm: VmInput, n: number) => ({ id: `cp-${vm.name}-${n}`, name: `cp ${n}`, createdAt: 0 });

  it('refuses more than 50 checkpoints on a VM', () => {
    const errs = errorsOf((w) => {
      const v = vmOf(w, 'TEST01');
      v.checkpoints = Array.from({ length: 51 }, (_, i) => checkpoint(v, i));
    });
    expect(errs).toContainEqual({ path: 'vms[TEST01].checkpoints', message: "'TEST01' has 51 checkpoints; Hyper-V allows at most 50 per virtual machine" });
    expect(
      errorsOf((w) => {
        const v = vmOf(w, 'TEST01');
        v.checkpoints = Array.from({ length: 50 }, (_, i) => checkpoint(v, i));
      }),
    ).toEqual([]);
  });

  it('refuses disk sizes over 2,040 GB for VHD and 64 TB for VHDX', () => {
    const errs = errorsOf((w) => {
      const v = vmOf(w, 'WEB01').vhds![0]!;
      v.path = v.path.replace(/\.vhdx$/, '.vhd');
      v.maxSizeBytes = 2041 * GiB;
      vmOf(w, 'APP01').vhds![0]!.maxSizeBytes = 64 * TiB + 1;
    });
    expect(errs.find((e) => e.path === 'vms[WEB01].vhds[0].maxSizeBytes')?.message).toMatch(/a VHD file can be at most 2,040 GB/);
    expect(errs.find((e) => e.path === 'vms[APP01].vhds[0].maxSizeBytes')?.message).toMatch(/a VHDX file can be at most 64 TB/);
  });

  it('refuses too many network adapters for the generation and too many IDE disks', () => {
    const errs = errorsOf((w) => {
      vmOf(w, 'WEB01').networkAdapters = Array.from({ length: 9 }, (_, i) => ({ name: `Network Adapter ${i}` }));
      const t = vmOf(w, 'TEST01');
      t.generation = 1;
      t.passThroughDisks = Array.from({ length: 4 }, (_, i) => ({ controller: `IDE ${i >> 1}:${i & 1}`, diskNumber: i + 1 }));
    });
    expect(errs).toContainEqual({
      path: 'vms[WEB01].networkAdapters',
      message: "'WEB01' has 9 network adapters; a generation 2 virtual machine has at most 8",
    });
    expect(errs).toContainEqual({ path: 'vms[TEST01].vhds', message: "'TEST01' has 5 disks on IDE controllers; a virtual machine has at most 4" });
  });

  it('refuses memory over 1 TB per VM', () => {
    const errs = errorsOf((w) => {
      const m = vmOf(w, 'WEB01').memory;
      m.dynamic = true;
      m.maximumBytes = TiB + 2 * 1024 ** 2;
    });
    expect(errs.find((e) => e.path === 'vms[WEB01].memory.maximumBytes')?.message).toMatch(/more than the 1 TB/);
  });

  it('refuses hosts over 320 logical processors or 4 TB of memory', () => {
    const errs = errorsOf((w) => {
      hostOf(w, 'HV01').cpu.cores = 321;
      hostOf(w, 'HV02').memoryBytes = 4 * TiB + 1;
    });
    expect(errs.find((e) => e.path === 'hosts[HV01].cpu.cores')?.message).toMatch(/at most 320 logical processors/);
    expect(errs.find((e) => e.path === 'hosts[HV02].memoryBytes')?.message).toMatch(/at most 4 TB/);
  });

  it('refuses more than 1,024 running VMs on a host', () => {
    const errs = errorsOf((w) => {
      const web = vmOf(w, 'WEB01');
      const running = w.vms!.filter((v) => v.host === web.host && (v.state ?? 'Off') === 'Running').length;
      for (let i = 0; i < 1025 - running; i++) {
        w.vms!.push({
          ...structuredClone(web),
          id: `vm-extra-${i}`,
          name: `EXTRA${i}`,
          processorCount: 1,
          memory: { dynamic: false, startupBytes: 32 * 1024 ** 2, minimumBytes: 32 * 1024 ** 2, maximumBytes: 32 * 1024 ** 2 },
          vhds: [],
        });
      }
    });
    expect(errs).toContainEqual({ path: 'hosts[HV01]', message: '1025 virtual machines are running on HV01; Hyper-V runs at most 1024 per host' });
  });
});
