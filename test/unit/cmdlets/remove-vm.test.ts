// Remove-VM: deletes the configuration, checkpoints and saved state; keeps the virtual hard disks
// (as unattached disk files that still take their space).
import { describe, expect, it } from 'vitest';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import { freeBytes } from '../../../engine/model/paths';
import { runScript } from '../../../engine/scripting/run-script';
import { GB, newEngine, ok, refused, vm, worldOf } from './helpers';

describe('Remove-VM', () => {
  it('deletes the VM and its checkpoint files, keeps its disks on their volume', () => {
    const e = newEngine();
    ok(e, 'Checkpoint-VM SQL01 Before');
    ok(e, 'Stop-VM SQL01 -TurnOff');
    const free = freeBytes(worldOf(e), 'HV01', 'D')!;
    const cpBytes = vm(worldOf(e), 'SQL01').checkpoints[0]!.files.reduce((s, f) => s + f.sizeBytes, 0);
    const configBytes = vm(worldOf(e), 'SQL01').configurationSizeBytes;
    ok(e, 'Remove-VM SQL01 -Force');
    expect(worldOf(e).vms.some((v) => v.name === 'SQL01')).toBe(false);
    // Only the configuration and the checkpoint's files (with its 8 GB memory image) are freed.
    expect(freeBytes(worldOf(e), 'HV01', 'D')).toBe(free + cpBytes + configBytes);
    expect(worldOf(e).vhdFiles.map((d) => [d.computer, d.path, d.sizeBytes])).toEqual([
      ['HV01', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01.vhdx', 60 * GB],
      ['HV01', 'D:\\VMs\\SQL01\\Virtual Hard Disks\\SQL01-Data.vhdx', 200 * GB],
    ]);
    expect(e.state().log.at(-1)!.message).toBe("'SQL01' was deleted. Its virtual hard disks were kept.");
  });

  it('a disk on a file share is kept where its bytes are: on the file server', () => {
    const e = newEngine();
    ok(e, 'Stop-VM WEB01 -TurnOff');
    ok(e, 'Remove-VM WEB01');
    expect(worldOf(e).vhdFiles.map((d) => [d.computer, d.path])).toEqual([['FS01', 'D:\\Shares\\VMs\\WEB01\\Virtual Hard Disks\\WEB01.vhdx']]);
  });

  it('refuses a running or paused VM, and one being moved; changes nothing', () => {
    const e = newEngine();
    const err = refused(e, 'Remove-VM DC01');
    expect(err.message).toBe("'DC01' failed to delete. The operation cannot be performed while the object is in its current state.");
    expect(err.fix).toBe("'DC01' is Running. Turn it off or shut it down first (Stop-VM).");
    ok(e, 'Suspend-VM DC01');
    refused(e, 'Remove-VM DC01');
    ok(e, 'Move-VMStorage TEST01 E:\\VMs\\TEST01 -ComputerName HV02 -AsJob');
    expect(refused(e, 'Remove-VM TEST01 -ComputerName HV02').fix).toContain('Wait-Job');
  });

  it('a saved state whose finished job names the deleted VM still loads (the check used to refuse it)', () => {
    const e = newEngine();
    const r = runScript(e, 'Move-VMStorage TEST01 E:\\VMs\\TEST01 -ComputerName HV02\nRemove-VM TEST01 -ComputerName HV02 -Force');
    expect(r.ok).toBe(true);
    const decoded = decodeState(encodeState(e.state()));
    expect(decoded.ok, decoded.ok ? '' : decoded.reason).toBe(true);
  });
});
