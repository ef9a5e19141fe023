// Export-VM and Import-VM: timed copy jobs over the disk and network model, the export folder as
// Import-VM reads it back, the three import types, and refusals that name what is wrong and
// change nothing.
import { describe, expect, it } from 'vitest';
import { freeBytes } from '../../../engine/model/paths';
import { runScript } from '../../../engine/scripting/run-script';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import { Engine } from '../../../engine/engine';
import { GB, newEngine, ok, parseError, refused, vm, worldOf } from './helpers';

const SQL_CONFIG = 'E:\\Exports\\SQL01\\Virtual Machines\\vm-sql01.xml';

function run(e: ReturnType<typeof newEngine>, text: string) {
  const r = runScript(e, text);
  const failed = r.statements.filter((s) => !s.ok).map((s) => `${s.text}: ${s.error?.message}`);
  expect(failed).toEqual([]);
  return r;
}

describe('Export-VM', () => {
  it('copies configuration, disks and checkpoints into <Path>\\<name> as a timed job; the VM stays as it is', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM SQL01 Before');
    const before = structuredClone(vm(worldOf(e), 'SQL01'));
    const freeE = freeBytes(worldOf(e), 'HV01', 'E')!;
    const out = ok(e, 'Export-VM SQL01 E:\\Exports -AsJob');
    const job = e.state().jobs.at(-1)!;
    expect(job).toMatchObject({ kind: 'Export', cmdlet: 'Export-VM', vmName: 'SQL01', destination: 'E:\\Exports\\SQL01', state: 'Running' });
    expect(out.output).toEqual([expect.objectContaining({ Id: Number(job.id), State: 'Running' })]);
    // Half-way the partial files take space; nothing is an export yet.
    e.advance(60_000);
    const mid = e.state();
    expect(mid.world.exports).toEqual([]);
    expect(mid.jobs.at(-1)!.percent).toBeGreaterThan(5);
    expect(freeBytes(mid.world, 'HV01', 'E')).toBe(freeE);
    run(e, `Wait-Job -Id ${job.id}`);
    const w = worldOf(e);
    const done = e.state().jobs.find((j) => j.id === job.id)!;
    expect(done.state).toBe('Completed');
    // 260 GB of disks read from D: (1,100 MB/s) and written to E: — a few minutes, not an instant.
    expect(done.endedAt! - done.startedAt!).toBeGreaterThan(200_000);
    expect(vm(w, 'SQL01')).toEqual(before);
    expect(w.exports).toHaveLength(1);
    const x = w.exports[0]!;
    expect(x.computer).toBe('HV01');
    expect(x.folder).toBe('E:\\Exports\\SQL01');
    expect(x.vm.id).toBe('vm-sql01');
    expect(x.vm.vhds.map((d) => d.path)).toEqual([
      'E:\\Exports\\SQL01\\Virtual Hard Disks\\SQL01.vhdx',
      'E:\\Exports\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx',
    ]);
    expect(x.vm.checkpoints[0]!.files.every((f) => f.path.startsWith('E:\\Exports\\SQL01\\Snapshots\\'))).toBe(true);
    // Exported while running (2012 R2 live export): the copy is an Off VM.
    expect(x.vm.state).toBe('Off');
    const exported = 60 * GB + 200 * GB + before.configurationSizeBytes + before.checkpoints[0]!.files.reduce((n, f) => n + f.sizeBytes, 0);
    expect(freeBytes(w, 'HV01', 'E')).toBe(freeE - exported);
    // The export survives a save and a restart as part of the world.
    const decoded = decodeState(encodeState(e.state()));
    expect(decoded.ok).toBe(true);
  });

  it('exports to a share: the bytes land on the file server, over the network', () => {
    const e = newEngine();
    ok(e, 'Stop-VM DC01 -TurnOff');
    run(e, 'Export-VM DC01 \\\\FS01\\VMs\\Exports');
    const x = worldOf(e).exports[0]!;
    expect(x).toMatchObject({ computer: 'FS01', folder: 'D:\\Shares\\VMs\\Exports\\DC01' });
    const job = e.state().jobs.at(-1)!;
    expect(job.transport).not.toBe('Local');
  });

  it('refuses a folder that already holds the export, a volume too small, a missing drive — and changes nothing', () => {
    const e = newEngine();
    run(e, 'Export-VM TEST01 E:\\Exports -ComputerName HV02');
    const again = refused(e, 'Export-VM TEST01 E:\\Exports -ComputerName HV02');
    expect(again.message).toBe(
      "'TEST01' failed to export. Failed to create folder 'E:\\Exports\\TEST01': Cannot create a file when that file already exists. (0x800700B7)",
    );
    expect(again.parameter).toBe('Path');
    // While an export runs, its folder is taken too.
    ok(e, 'Export-VM APP01 E:\\Exports -ComputerName HV02 -AsJob');
    expect(refused(e, 'Export-VM APP01 E:\\Other -ComputerName HV02').fix).toContain('Wait-Job');
    const e2 = newEngine((w) => {
      const h = w.hosts.find((x) => x.name === 'HV01')!;
      h.volumes.find((v) => v.letter === 'E')!.capacityBytes = 100 * GB;
    });
    const full = refused(e2, 'Export-VM SQL01 E:\\Exports');
    expect(full.message).toBe("'SQL01' failed to export. There is not enough space on the disk. (0x80070070)");
    expect(full.fix).toContain('HV01 E:');
    expect(e2.state().jobs).toEqual([]);
    const drive = refused(e2, 'Export-VM SQL01 Q:\\Exports');
    expect(drive.message).toContain('The system cannot find the path specified. (0x80070003)');
    expect(drive.parameter).toBe('Path');
  });

  it('a Windows Server 2012 host exports a running VM only once it is off or saved', () => {
    const e = newEngine((w) => {
      w.hosts.find((h) => h.name === 'HV01')!.os = '2012';
    });
    const err = refused(e, 'Export-VM DC01 E:\\Exports');
    expect(err.message).toBe("'DC01' failed to export. The operation cannot be performed while the object is in its current state.");
    expect(err.fix).toContain('Windows Server 2012');
    ok(e, 'Save-VM DC01');
    run(e, 'Export-VM DC01 E:\\Exports');
    expect(worldOf(e).exports[0]!.vm.state).toBe('Saved');
  });

  it('Stop-Job rolls an export back: no export, no partial files, the space is free again', () => {
    const e = newEngine();
    const free = freeBytes(worldOf(e), 'HV01', 'E')!;
    ok(e, 'Export-VM SQL01 E:\\Exports -AsJob');
    e.advance(30_000);
    const id = e.state().jobs.at(-1)!.id;
    ok(e, `Stop-Job -Id ${id}`);
    const s = e.state();
    expect(s.jobs.at(-1)).toMatchObject({ state: 'Cancelled', partialFiles: [] });
    expect(s.world.exports).toEqual([]);
    expect(freeBytes(s.world, 'HV01', 'E')).toBe(free);
  });

  it('a restart during an export rolls it back', () => {
    const e = newEngine();
    ok(e, 'Export-VM SQL01 E:\\Exports -AsJob');
    e.advance(30_000);
    const restarted = new Engine(e.state());
    const s = restarted.state();
    expect(s.jobs.at(-1)!.state).toBe('Failed');
    expect(s.world.exports).toEqual([]);
  });
});

describe("the Import wizard's queries over an export", () => {
  it('Browse... shows the export folders; the exports query finds the VM in its folder, and points one level down', () => {
    const e = newEngine();
    run(e, 'Export-VM WEB01 E:\\Exports');
    const folders = (path: string) => {
      const r = e.query({ name: 'folders', host: 'HV01', path });
      if (!r.ok) throw new Error(r.error.message);
      return (r.value as { entries: { name: string }[] }).entries.map((x) => x.name);
    };
    expect(folders('E:\\')).toContain('Exports');
    expect(folders('E:\\Exports\\WEB01')).toEqual(['Virtual Hard Disks', 'Virtual Machines']);
    const list = (path: string) => {
      const r = e.query({ name: 'exports', host: 'HV01', path });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as { entries: { name: string; configurationFile: string; vhds: string[] }[]; below: string[] };
    };
    expect(list('E:\\Exports\\WEB01').entries).toEqual([
      expect.objectContaining({ name: 'WEB01', configurationFile: 'E:\\Exports\\WEB01\\Virtual Machines\\vm-web01.xml', vhds: ['WEB01.vhdx'] }),
    ]);
    expect(list('E:\\Exports\\WEB01\\Virtual Machines').entries).toHaveLength(1);
    expect(list('E:\\Exports')).toEqual(expect.objectContaining({ entries: [], below: ['E:\\Exports\\WEB01'] }));
    // Seen from HV02 through HV01's admin share, spelled as asked.
    const r = e.query({ name: 'exports', host: 'HV02', path: '\\\\HV01\\E$\\Exports\\WEB01' });
    expect(r.ok && (r.value as { entries: { configurationFile: string }[] }).entries[0]!.configurationFile).toBe(
      '\\\\HV01\\E$\\Exports\\WEB01\\Virtual Machines\\vm-web01.xml',
    );
  });
});

describe('Import-VM', () => {
  it('copy (new ID): export, delete, import back — a timed job, then a new VM with its disks in the new folders', () => {
    const e = newEngine();
    run(e, 'Stop-VM SQL01 -TurnOff\nExport-VM SQL01 E:\\Exports\nRemove-VM SQL01 -Force');
    const r = run(
      e,
      `Import-VM -Path '${SQL_CONFIG}' -Copy -GenerateNewId -VirtualMachinePath D:\\VMs\\SQL01-Copy -VhdDestinationPath 'D:\\VMs\\SQL01-Copy\\Virtual Hard Disks'`,
    );
    const job = r.jobs.at(-1)!;
    expect(job).toMatchObject({ kind: 'Import', result: 'Completed' });
    expect(job.durationMs).toBeGreaterThan(100_000);
    const w = worldOf(e);
    const back = vm(w, 'SQL01');
    expect(back.id).not.toBe('vm-sql01');
    expect(back.host).toBe('HV01');
    expect(back.paths.configuration).toBe('D:\\VMs\\SQL01-Copy');
    expect(back.vhds.map((d) => d.path)).toEqual([
      'D:\\VMs\\SQL01-Copy\\Virtual Hard Disks\\SQL01.vhdx',
      'D:\\VMs\\SQL01-Copy\\Virtual Hard Disks\\SQL01-Data.vhdx',
    ]);
    // The export stays, and can be imported again.
    expect(w.exports).toHaveLength(1);
  });

  it('register in place keeps the ID and uses the files where they are; the export is consumed', () => {
    const e = newEngine();
    run(e, 'Stop-VM TEST01 -TurnOff -ComputerName HV02\nExport-VM TEST01 E:\\Exports -ComputerName HV02\nRemove-VM TEST01 -ComputerName HV02 -Force');
    const free = freeBytes(worldOf(e), 'HV02', 'E')!;
    const out = ok(e, "Import-VM 'E:\\Exports\\TEST01\\Virtual Machines\\vm-test01.xml' -ComputerName HV02");
    expect(out.output).toEqual([expect.objectContaining({ Name: 'TEST01', State: 'Off', ComputerName: 'HV02' })]);
    const w = worldOf(e);
    const t = vm(w, 'TEST01');
    expect(t.id).toBe('vm-test01');
    expect(t.paths.configuration).toBe('E:\\Exports\\TEST01');
    expect(t.vhds[0]!.path).toBe('E:\\Exports\\TEST01\\Virtual Hard Disks\\TEST01.vhdx');
    expect(w.exports).toEqual([]);
    expect(freeBytes(w, 'HV02', 'E')).toBe(free);
    expect(e.state().jobs.filter((j) => j.kind === 'Import')).toEqual([]);
  });

  it('restore (-Copy without -GenerateNewId) keeps the ID; refused while a VM with that ID is registered', () => {
    const e = newEngine();
    run(e, 'Stop-VM SQL01 -TurnOff\nExport-VM SQL01 E:\\Exports');
    const err = refused(e, `Import-VM '${SQL_CONFIG}'`);
    expect(err.message).toBe(
      'The operation failed because a virtual machine with the same identifier already exists. Select a new identifier and try the operation again.',
    );
    expect(err.fix).toContain("'SQL01' on HV01 has the ID vm-sql01");
    expect(err.guiFix).toContain('Copy the virtual machine (create a new unique ID)');
    expect(refused(e, `Import-VM '${SQL_CONFIG}' -Copy`).message).toBe(err.message);
    ok(e, 'Remove-VM SQL01 -Force');
    run(e, `Import-VM '${SQL_CONFIG}' -Copy -VirtualMachinePath E:\\VMs\\SQL01 -VhdDestinationPath 'E:\\VMs\\SQL01\\Virtual Hard Disks'`);
    expect(vm(worldOf(e), 'SQL01').id).toBe('vm-sql01');
  });

  it('refuses a path that is not an export configuration file, naming the right one; a disk that exists; a name in use', () => {
    const e = newEngine();
    run(e, 'Stop-VM SQL01 -TurnOff\nExport-VM SQL01 E:\\Exports');
    const folder = refused(e, 'Import-VM E:\\Exports\\SQL01 -Copy -GenerateNewId');
    expect(folder.message).toBe("Failed to import a virtual machine from 'E:\\Exports\\SQL01'. The system cannot find the file specified. (0x80070002)");
    expect(folder.fix).toContain(SQL_CONFIG);
    expect(refused(e, 'Import-VM E:\\Nothing\\x.xml').parameter).toBe('Path');
    // The copy would land on the VM's own disks (reached from HV02 through HV01's admin share).
    const exists = refused(
      e,
      `Import-VM '\\\\HV01\\E$\\Exports\\SQL01\\Virtual Machines\\vm-sql01.xml' -Copy -GenerateNewId -ComputerName HV02 -VhdDestinationPath '\\\\HV01\\D$\\VMs\\SQL01\\Virtual Hard Disks'`,
    );
    expect(exists.message).toContain('The file exists. (0x80070050)');
    expect(exists.parameter).toBe('VhdDestinationPath');
    const name = refused(e, `Import-VM '${SQL_CONFIG}' -Copy -GenerateNewId -VhdDestinationPath E:\\Copies`);
    expect(name.message).toBe("Failed to import virtual machine 'SQL01'. A virtual machine named 'SQL01' already exists on HV01.");
    // Register-only parameters and copy-only parameters do not mix (PowerShell's parameter sets).
    expect(parseError(`Import-VM '${SQL_CONFIG}' -Register -GenerateNewId`).message).toBe(
      'Parameter set cannot be resolved using the specified named parameters.',
    );
    expect(e.state().jobs.filter((j) => j.kind === 'Import')).toEqual([]);
  });

  it('imports on another host from a share, disconnecting adapters whose switch that host lacks', () => {
    const e = newEngine();
    run(e, 'Stop-VM WEB01 -TurnOff\nExport-VM WEB01 \\\\FS01\\VMs\\Exports\nRemove-VM WEB01 -Force');
    const r = run(e, "Import-VM '\\\\FS01\\VMs\\Exports\\WEB01\\Virtual Machines\\vm-web01.xml' -ComputerName HV02");
    const w = worldOf(e);
    const web = vm(w, 'WEB01');
    expect(web.host).toBe('HV02');
    expect(web.paths.configuration).toBe('\\\\FS01\\VMs\\Exports\\WEB01');
    expect(web.vhds[0]!.path).toBe('\\\\FS01\\VMs\\Exports\\WEB01\\Virtual Hard Disks\\WEB01.vhdx');
    for (const a of web.networkAdapters)
      if (a.switchName) expect(w.hosts.find((h) => h.name === 'HV02')!.virtualSwitches.map((s) => s.name)).toContain(a.switchName);
    expect(r.ok).toBe(true);
  });
});

describe('Export-VMSnapshot', () => {
  it("exports one checkpoint as a VM of its own: the checkpoint's state, no checkpoints, Import-VM reads it", () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM SQL01 Running');
    ok(e, 'Checkpoint-VM SQL01 Later');
    const before = structuredClone(vm(worldOf(e), 'SQL01'));
    const cp = before.checkpoints.find((c) => c.name === 'Running')!;
    const freeE = freeBytes(worldOf(e), 'HV01', 'E')!;
    run(e, 'Export-VMSnapshot -Name Running -VMName SQL01 -Path E:\\Snap');
    const job = e.state().jobs.at(-1)!;
    expect(job).toMatchObject({ kind: 'Export', cmdlet: 'Export-VMSnapshot', vmName: 'SQL01', destination: 'E:\\Snap\\SQL01', state: 'Completed' });
    const w = worldOf(e);
    expect(vm(w, 'SQL01')).toEqual(before);
    const x = w.exports[0]!;
    expect(x.folder).toBe('E:\\Snap\\SQL01');
    // Taken while SQL01 ran: the checkpoint holds its memory, so the export is a saved VM without checkpoints.
    expect(x.vm.state).toBe('Saved');
    expect(x.vm.checkpoints).toEqual([]);
    expect(cp.files.some((f) => f.path.endsWith('.bin'))).toBe(true);
    // Its configuration and disks (the lab keeps no file for a saved VM's memory, so none is copied).
    const exported = 60 * GB + 200 * GB + before.configurationSizeBytes;
    expect(freeBytes(w, 'HV01', 'E')).toBe(freeE - exported);
    ok(e, 'Stop-VM SQL01 -TurnOff');
    ok(e, 'Remove-VM SQL01 -Force');
    run(e, "Import-VM -Path 'E:\\Snap\\SQL01\\Virtual Machines\\vm-sql01.xml'");
    expect(vm(worldOf(e), 'SQL01')).toMatchObject({ state: 'Saved', checkpoints: [] });
  });

  it('an Off checkpoint exports an Off VM; an unknown checkpoint and two checkpoints into one folder are refused, changing nothing', () => {
    const e = newEngine();
    ok(e, 'Stop-VM DC01 -TurnOff');
    ok(e, 'Checkpoint-VM DC01 Cold');
    ok(e, 'Checkpoint-VM DC01 Cold2');
    const missing = refused(e, 'Export-VMSnapshot -Name Warm -VMName DC01 -Path E:\\Snap');
    expect(missing.parameter).toBe('Name');
    expect(missing.fix).toContain('"Cold"');
    const both = refused(e, "Export-VMSnapshot -Name 'Cold*' -VMName DC01 -Path E:\\Snap");
    expect(both.message).toContain("Failed to create folder 'E:\\Snap\\DC01'");
    run(e, 'Export-VMSnapshot Cold DC01 E:\\Snap');
    expect(worldOf(e).exports[0]!.vm).toMatchObject({ name: 'DC01', state: 'Off', checkpoints: [] });
  });
});
