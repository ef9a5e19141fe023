import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import type { FolderListing, NetworkView, PrecheckReport, RunOutcome } from '../../../engine/contract';

const engine = () => new Engine({ world: defaultWorld() });

function value<T>(r: { ok: boolean; value?: unknown; error?: { message: string } }): T {
  if (!r.ok) throw new Error(r.error!.message);
  return r.value as T;
}

describe('precheck query', () => {
  it('passes a storage move to a volume with room and reports the canonical command', () => {
    const r = value<PrecheckReport>(
      engine().query({ name: 'precheck', command: { cmdlet: 'Move-VMStorage', params: { VMName: 'DC01', DestinationStoragePath: 'E:\\VMs\\DC01' } } }),
    );
    expect(r.errors).toEqual([]);
    expect(r.commandText).toBe('Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01');
  });

  it('blocks a move to a volume without room, naming the check and the fix', () => {
    const e = engine();
    const before = JSON.stringify(e.state());
    const r = value<PrecheckReport>(
      e.query({ name: 'precheck', command: { cmdlet: 'Move-VMStorage', params: { VMName: 'SQL01', DestinationStoragePath: 'C:\\VMs\\SQL01' } } }),
    );
    expect(r.errors.map((x) => x.check)).toContain('disk-space');
    expect(r.errors.find((x) => x.check === 'disk-space')!.fix).not.toBe('');
    expect(JSON.stringify(e.state())).toBe(before);
  });

  it('refuses to pre-check a cmdlet that is not a move', () => {
    const r = engine().query({ name: 'precheck', command: { cmdlet: 'Start-VM', params: { Name: 'DC01' } } });
    expect(r.ok).toBe(false);
  });
});

describe('folders query', () => {
  it("offers the computer's volumes and every share at the top", () => {
    const r = value<FolderListing>(engine().query({ name: 'folders', host: 'HV02' }));
    expect(r.entries.map((x) => x.path)).toEqual(['C:\\', 'D:\\', 'E:\\', '\\\\FS01\\VMs']);
    expect(r.entries[1]!.freeBytes).toBeGreaterThan(0);
  });

  it('lists the folders under a path that hold VM files, local or through a share', () => {
    expect(value<FolderListing>(engine().query({ name: 'folders', host: 'HV01', path: 'D:\\VMs' })).entries.map((x) => x.name)).toEqual(['DC01', 'SQL01']);
    expect(value<FolderListing>(engine().query({ name: 'folders', host: 'HV02', path: '\\\\FS01\\VMs' })).entries.map((x) => x.name)).toEqual(['WEB01']);
  });

  it('with files, lists the disk files in the folder itself, attached or not, and nothing else (the Open dialog)', () => {
    const e = engine();
    expect(e.invoke({ cmdlet: 'New-VHD', params: { Path: 'D:\\VMs\\SQL01\\Virtual Hard Disks\\Scratch.vhd', SizeBytes: 1024 ** 3 } }).ok).toBe(true);
    const r = value<FolderListing>(e.query({ name: 'folders', host: 'HV01', path: 'D:\\VMs\\SQL01\\Virtual Hard Disks', files: true }));
    expect(r.files!.map((f) => f.path)).toEqual([
      'D:\\VMs\\SQL01\\Virtual Hard Disks\\Scratch.vhd',
      'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx',
      'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx',
    ]);
    expect(r.files![2]!.sizeBytes).toBe(60 * 1024 ** 3);
    // A folder above holds no disk itself; without `files` the listing is as before.
    expect(value<FolderListing>(e.query({ name: 'folders', host: 'HV01', path: 'D:\\VMs\\SQL01', files: true })).files).toEqual([]);
    expect(value<FolderListing>(e.query({ name: 'folders', host: 'HV01', path: 'D:\\VMs\\SQL01\\Virtual Hard Disks' })).files).toBeUndefined();
  });

  it('names a bad path or computer', () => {
    expect(engine().query({ name: 'folders', host: 'HV09' }).ok).toBe(false);
    expect(engine().query({ name: 'folders', host: 'HV01', path: 'Q:\\Nowhere' }).ok).toBe(false);
  });
});

describe('network query', () => {
  it('shows RDMA operational on un-teamed iWARP adapters and not on team members', () => {
    const n = value<NetworkView>(engine().query({ name: 'network', host: 'HV01' }));
    const smb1 = n.adapters.find((a) => a.name === 'SMB1')!;
    expect(smb1).toMatchObject({ rdmaType: 'iWARP', rdmaOperational: true, txBytesPerSec: 0 });
    expect(n.adapters.find((a) => a.name === 'NIC1')).toMatchObject({ team: 'Team1', rdmaOperational: false });
    expect(n.teams[0]).toMatchObject({ name: 'Team1', speedGbps: 2, status: 'Up' });
    expect(n.cpu.vmDemandPercent).toBeGreaterThan(0);
  });
});

describe('the prompt', () => {
  it('runs each statement and goes on after one that fails', () => {
    const e = engine();
    const out = value<RunOutcome>(e.runText('Start-VM NOPE; Start-VM TEST01 -ComputerName HV02\nGet-VM -Name TEST01 -ComputerName HV02'));
    expect(out.statements.map((s) => s.result.ok)).toEqual([false, true, true]);
    expect(out.statements[0]!.text).toBe('Start-VM NOPE');
    expect(out.statements[2]!.line).toBe(2);
  });

  it('runs nothing when the text does not parse, and says where', () => {
    const e = engine();
    const out = value<RunOutcome>(e.runText("Start-VM TEST01 -ComputerName HV02; Get-VM 'unterminated"));
    expect(out.statements).toEqual([]);
    expect(out.parseError).toMatchObject({ line: 1 });
    expect(e.query({ name: 'vm', vm: 'TEST01' })).toMatchObject({ ok: true, value: { state: 'Off' } });
  });

  it('binds each statement on its own, so a binding error stops only its statement', () => {
    const e = engine();
    const out = value<RunOutcome>(e.runText('Start-VM -Bogus 1; Start-VM TEST01 -ComputerName HV02'));
    expect(out.statements.map((s) => s.result.ok)).toEqual([false, true]);
    const first = out.statements[0]!.result;
    expect(!first.ok && first.error.message).toBe("A parameter cannot be found that matches parameter name 'Bogus'.");
  });

  it('completes cmdlet names', () => {
    const r = value<{ candidates: string[] }>(engine().query({ name: 'complete', text: 'Move-VMSt', cursor: 9 }));
    expect(r.candidates).toEqual(['Move-VMStorage']);
  });
});
