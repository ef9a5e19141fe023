import { describe, expect, it } from 'vitest';
import { formatScriptReport, runScript } from '../../../engine/scripting/run-script';
import { MoveParameters as P } from '../../../engine/operations/parameters';
import { engineOf } from './support';

describe('runScript (issue §7)', () => {
  it('runs statements in order, blocks on moves without -AsJob, reports jobs and final file places', () => {
    const e = engineOf();
    const r = runScript(
      e,
      ['# a lab answer', 'Move-VMStorage DC01 -DestinationStoragePath E:\\VMs\\DC01', 'Move-VM WEB01 HV02 -AsJob', 'Get-Job', 'Wait-Job -Id 2'].join('\n'),
    );
    expect(r.ok).toBe(true);
    expect(r.statements.map((s) => [s.line, s.ok, s.cmdlet])).toEqual([
      [2, true, 'Move-VMStorage'],
      [3, true, 'Move-VM'],
      [4, true, 'Get-Job'],
      [5, true, 'Wait-Job'],
    ]);
    const [storage, lm] = r.jobs;
    // Statement 1 returned when its job ended; statement 2 started then and returned at once.
    expect(r.statements[0]!.endedAt).toBe(storage!.endedAt);
    expect(r.statements[1]!.startedAt).toBe(storage!.endedAt);
    expect(r.statements[1]!.endedAt).toBe(r.statements[1]!.startedAt);
    expect(r.statements[2]!.output).toHaveLength(1);
    expect(r.statements[3]!.endedAt).toBe(lm!.endedAt);
    expect(storage).toMatchObject({
      cmdlet: 'Move-VMStorage',
      vm: 'DC01',
      source: 'HV01',
      destination: 'E:\\VMs\\DC01',
      result: 'Completed',
      transport: 'Local',
    });
    expect(storage!.stages.map((s) => s.name)).toEqual(['Setup', 'Copy', 'Switch', 'Delete source']);
    expect(storage!.stages[1]!.bytesDone).toBe(40 * 1024 ** 3 + 64 * 1024);
    expect(storage!.stages[1]!.averageRate).toBeGreaterThan(1e9);
    expect(lm).toMatchObject({
      cmdlet: 'Move-VM',
      vm: 'WEB01',
      source: 'HV01',
      destination: 'HV02',
      result: 'Completed',
      transport: 'Compression',
      nics: ['HV01:SMB1', 'HV02:SMB1'],
    });
    expect(lm!.precopyPasses.length).toBeGreaterThan(1);
    expect(lm!.measuredDowntimeMs).toBeGreaterThan(P.blackoutFixedMs);
    const dc = r.vms.find((v) => v.name === 'DC01')!;
    expect(dc).toMatchObject({ host: 'HV01', configuration: 'E:\\VMs\\DC01', snapshots: 'E:\\VMs\\DC01', smartPaging: 'E:\\VMs\\DC01' });
    expect(dc.vhds[0]!.path).toBe('E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx');
    expect(r.vms.find((v) => v.name === 'WEB01')!.host).toBe('HV02');
    // Plain JSON.
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    const text = formatScriptReport(r);
    expect(text).toContain('Script succeeded: 4 statement(s), 2 job(s)');
    expect(text).toContain("Job 1 Move-VMStorage 'DC01' HV01 → E:\\VMs\\DC01: Completed");
    expect(text).toContain('pre-copy passes: 1: 2 GiB');
    expect(text).toContain('VHD: E:\\VMs\\DC01\\Virtual Hard Disks\\DC01.vhdx (40 GiB)');
  });

  it('a refused statement is reported and the script goes on; a failed job makes it not ok', () => {
    const e = engineOf();
    const r = runScript(e, 'Move-VM NOPE HV02\nMove-VMStorage DC01 -Bogus 1\nMove-VMStorage DC01 E:\\VMs\\DC01');
    expect(r.ok).toBe(false);
    expect(r.statements.map((s) => s.ok)).toEqual([false, false, true]);
    expect(r.statements[0]!.error!.message).toBe('Hyper-V was unable to find a virtual machine with name "NOPE".');
    expect(r.statements[1]!.error!.message).toBe("A parameter cannot be found that matches parameter name 'Bogus'.");
    expect(r.statements[1]!.line).toBe(2);
    expect(r.jobs).toHaveLength(1);
    expect(formatScriptReport(r)).toContain('ERROR: Hyper-V was unable to find a virtual machine with name "NOPE".');
  });

  it('a syntax error stops the whole script before anything runs', () => {
    const e = engineOf();
    const r = runScript(e, 'Move-VMStorage DC01 E:\\VMs\\DC01\nMove-VM -Name @(');
    expect(r.ok).toBe(false);
    expect(r.parseError!.line).toBe(2);
    expect(r.statements).toEqual([]);
    expect(e.state().jobs).toEqual([]);
    expect(formatScriptReport(r)).toMatch(/^The script was not run: line 2/);
  });

  it('a cancelled job shows as Stopped with its rollback', () => {
    const e = engineOf();
    const r = runScript(e, 'Move-VMStorage DC01 E:\\VMs\\DC01 -AsJob\nStop-Job -Id 1');
    expect(r.jobs[0]).toMatchObject({ result: 'Stopped' });
    expect(r.jobs[0]!.notes.join()).toMatch(/rolled back/);
    expect(r.vms.find((v) => v.name === 'DC01')!.configuration).toBe('D:\\VMs\\DC01');
  });
});
