import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { runScript } from '../../../engine/scripting/run-script';

const vmOf = (e: Engine, name: string) => e.state().world.vms.find((v) => v.name === name)!;

describe('Checkpoint-VM', () => {
  it("saves a running VM's configuration and memory under its checkpoint location, chained to the last checkpoint", () => {
    const e = new Engine({ world: defaultWorld() });
    e.advance(3_723_000);
    const r = e.invoke({ cmdlet: 'Checkpoint-VM', params: { Name: 'APP01', ComputerName: 'HV02' } });
    expect(r.ok).toBe(true);
    const app = vmOf(e, 'APP01');
    const cp = app.checkpoints.at(-1)!;
    expect(cp.name).toBe('APP01 - (Day 1 - 01:02:03)');
    expect(cp.parentId).toBe(app.checkpoints[0]!.id);
    expect(cp.files.map((f) => f.path.replace(/[0-9A-F-]{36}/g, 'GUID'))).toEqual([
      'D:\\VMs\\APP01\\Snapshots\\GUID.xml',
      'D:\\VMs\\APP01\\Snapshots\\GUID\\GUID.bin',
      'D:\\VMs\\APP01\\Snapshots\\GUID\\GUID.vsv',
    ]);
    expect(cp.files[1]!.sizeBytes).toBe(app.memory.startupBytes);
  });

  it('gives two checkpoints taken in one simulated second distinct default names, so the Manager can revert to the newest', () => {
    const e = new Engine({ world: defaultWorld() });
    e.advance(5_000);
    for (let i = 0; i < 3; i++) expect(e.invoke({ cmdlet: 'Checkpoint-VM', params: { Name: 'SQL01' } }).ok).toBe(true);
    expect(vmOf(e, 'SQL01').checkpoints.map((c) => c.name)).toEqual([
      'SQL01 - (Day 1 - 00:00:05)',
      'SQL01 - (Day 1 - 00:00:05) (2)',
      'SQL01 - (Day 1 - 00:00:05) (3)',
    ]);
    // What the Manager's Revert sends: the VM's current checkpoint, by name.
    const r = e.invoke({ cmdlet: 'Restore-VMSnapshot', params: { VMName: 'SQL01', Name: 'SQL01 - (Day 1 - 00:00:05) (3)' } });
    expect(r.ok).toBe(true);
    expect(vmOf(e, 'SQL01').state).toBe('Saved');
  });

  it('keeps only the configuration of a VM that is off, under the name given', () => {
    const e = new Engine({ world: defaultWorld() });
    expect(e.invoke({ cmdlet: 'Checkpoint-VM', params: { Name: 'TEST01', SnapshotName: 'Before patching', ComputerName: 'HV02' } }).ok).toBe(true);
    const cp = vmOf(e, 'TEST01').checkpoints[0]!;
    expect(cp.name).toBe('Before patching');
    expect(cp.files).toHaveLength(1);
  });

  it('refuses when the checkpoint location has no room, and changes nothing', () => {
    const world = defaultWorld();
    const hv01 = world.hosts.find((h) => h.name === 'HV01')!;
    hv01.volumes.find((v) => v.letter === 'D')!.otherDataBytes = hv01.volumes.find((v) => v.letter === 'D')!.capacityBytes - 305 * 1024 ** 3; // about 5 GB left for an 8 GB memory image
    const e = new Engine({ world });
    const before = JSON.stringify(e.state());
    const r = e.invoke({ cmdlet: 'Checkpoint-VM', params: { Name: 'SQL01' } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe("Checkpoint operation for 'SQL01' failed. There is not enough space on the disk. (0x80070070)");
    expect(JSON.stringify(e.state())).toBe(before);
  });

  it('is carried by a storage move like every other checkpoint file', () => {
    const e = new Engine({ world: defaultWorld() });
    const report = runScript(e, 'Checkpoint-VM DC01\nMove-VMStorage DC01 E:\\VMs\\DC01');
    expect(report.ok).toBe(true);
    const files = vmOf(e, 'DC01').checkpoints[0]!.files.map((f) => f.path);
    expect(files.length).toBe(3);
    for (const f of files) expect(f.startsWith('E:\\VMs\\DC01\\Snapshots\\')).toBe(true);
  });
});
