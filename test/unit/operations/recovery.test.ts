import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { decodeState, encodeState } from '../../../engine/persistence/saved-state';
import { vmFiles } from '../../../engine/model/paths';
import { GiB, engineOf, job, runUntil, start, vm } from './support';

/** What a door does: save the engine's state as text, read it back, start a new engine on it. */
function restart(e: Engine): Engine {
  const decoded = decodeState(encodeState(e.state()));
  if (!decoded.ok) throw new Error(decoded.reason);
  return new Engine(decoded.state);
}

describe('crash consistency (docs/design.md "State, persistence and failure"; issue §6)', () => {
  it('a storage move interrupted mid-copy rolls back to the source on start-up', () => {
    const e = engineOf();
    const before = vm(e, 'DC01');
    const freeE = e.operations.space.freeBytes('HV01', 'E');
    const id = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    e.advance(15_000);
    const saved = e.state();
    expect(saved.jobs[0]!.partialFiles[0]!.bytesWritten).toBeGreaterThan(10 * GiB);
    // The saved world never holds a destination file before the switch.
    expect(saved.world.vms.find((v) => v.name === 'DC01')).toEqual(before);
    const r = restart(e);
    const j = job(r, id);
    expect(j.state).toBe('Failed');
    expect(j.error!.message).toBe('The move was interrupted by a restart; rolled back.');
    expect(j.partialFiles).toEqual([]);
    expect(j.stages.map((s) => s.status)).toEqual(['Done', 'Failed', 'Skipped', 'Skipped']);
    expect(vm(r, 'DC01')).toEqual(before);
    expect(r.operations.space.freeBytes('HV01', 'E')).toBe(freeE);
    expect(r.state().log.at(-1)!.message).toMatch(/^The move of virtual machine 'DC01' .* was interrupted by a restart; rolled back/);
    expect(r.activeJobs()).toEqual([]);
    expect(r.idle).toBe(true);
    // The VM can be moved again.
    start(r, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    r.runUntilIdle();
    expect(vm(r, 'DC01').vhds[0]!.path).toBe('E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
  });

  it('a queued move and a live migration in pre-copy roll back too', () => {
    const e = engineOf();
    const lm = start(e, 'Move-VM WEB01 HV02');
    e.invoke({ cmdlet: 'Set-VMHost', params: { MaximumStorageMigrations: 1 } });
    const a = start(e, 'Move-VMStorage DC01 E:\\VMs\\DC01');
    const q = start(e, 'Move-VMStorage SQL01 -VirtualMachinePath E:\\Config\\SQL01');
    runUntil(e, () => job(e, lm).stages.some((s) => s.name === 'Memory transfer' && s.status === 'Running'));
    expect(job(e, q).state).toBe('Queued');
    const r = restart(e);
    for (const id of [lm, a, q]) expect(job(r, id).state).toBe('Failed');
    expect(vm(r, 'WEB01').host).toBe('HV01');
    expect(vm(r, 'SQL01').paths.configuration).toBe('D:\\VMs\\SQL01');
  });

  it('a move that had switched before the crash completes on start-up (the VM already ran on the destination)', () => {
    const e = engineOf();
    const id = start(e, 'Move-VM WEB01 HV02');
    runUntil(e, () => job(e, id).stages.some((s) => s.name === 'Resume' && s.status === 'Running'));
    const r = restart(e);
    const j = job(r, id);
    expect(j.state).toBe('Completed');
    expect(j.stages.every((s) => s.status === 'Done')).toBe(true);
    expect(vm(r, 'WEB01').host).toBe('HV02');
  });

  it('every VM file is known exactly once, before and after', () => {
    const e = engineOf();
    start(e, 'Move-VM APP01 HV01 -IncludeStorage -DestinationStoragePath D:\\VMs\\APP01 -ComputerName HV02');
    start(e, 'Move-VMStorage DC01 \\\\FS01\\VMs\\DC01');
    const files = (en: Engine) => en.state().world.vms.flatMap((v) => vmFiles(v).map((f) => `${v.host}|${f.path}`.toLowerCase()));
    const n = files(e).length;
    for (let t = 0; t < 120; t++) {
      e.advance(1000);
      const r = restart(e);
      const f = files(r);
      expect(new Set(f).size).toBe(f.length);
      expect(f).toHaveLength(n);
    }
  });
});
