// A VM's settings cannot be lost to a move (issue 12): while a move of the VM is queued or
// running, Set-VM, Set-VMMemory, Set-VMProcessor and Checkpoint-VM are refused with one text and
// change nothing; once the move is over the same command works and the change survives.
//
// Before the lock, `Set-VM TEST01 -SmartPagingFilePath ...` during a storage move succeeded and
// the move's switch then wrote its own planned location over it (MoveRun.commit): the first test
// fails on the old code at the refusal, and its last lines show the change survives now.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli.main';
import { configurationLockedText } from '../../../engine/operations/parameters';
import { GiB, engineOf, job, ok, ps, refused, runUntil, start, vm } from './support';

const LOCKED = (name: string) => configurationLockedText(name);

describe('configuration changes while the VM is being moved', () => {
  it('a storage move: Set-VM is refused, the move keeps its plan, and afterwards the change works and survives', () => {
    const e = engineOf();
    const id = start(e, 'Move-VMStorage TEST01 -ComputerName HV02 -DestinationStoragePath E:\\VMs\\TEST01 -AsJob');
    expect(job(e, id).state).toBe('Running');
    const before = structuredClone(vm(e, 'TEST01'));
    const err = refused(e, 'Set-VM TEST01 -ComputerName HV02 -SmartPagingFilePath E:\\Paging\\TEST01');
    expect(err).toEqual({
      code: 'CommandRefused',
      message: "'TEST01' failed to modify settings. The operation cannot be performed while the object is in its current state.",
      parameter: 'Name',
      fix: `A storage move of 'TEST01' is running (job ${id}, Move-VMStorage). Wait for it to finish (Wait-Job -Id ${id}) or cancel it (Stop-Job -Id ${id}), then change the settings again.`,
      guiFix: "A storage move of 'TEST01' is running (see the Jobs pane). Wait until it finishes, or cancel it there, then try again.",
      // The PowerShell error record the prompt prints (engine/cmdlets/error-records.ts).
      record: {
        activity: 'Set-VM',
        category: 'InvalidOperation',
        exception: 'Microsoft.HyperV.PowerShell.VirtualizationInvalidStateException',
        fullyQualifiedErrorId: 'InvalidState,Microsoft.HyperV.PowerShell.Commands.SetVMCommand',
        reason: 'VirtualizationInvalidStateException',
        targetName: '',
        targetType: '',
        unconfirmed: true,
      },
    });
    expect(vm(e, 'TEST01')).toEqual(before);
    expect(e.query({ name: 'configurationLock', vm: 'TEST01' })).toEqual({
      ok: true,
      value: { message: err.message, fix: err.fix, guiFix: err.guiFix, jobId: id },
    });

    e.runUntilIdle();
    expect(job(e, id).state).toBe('Completed');
    expect(vm(e, 'TEST01').paths.smartPaging).toBe('E:\\VMs\\TEST01');
    expect(e.query({ name: 'configurationLock', vm: 'TEST01' })).toEqual({ ok: true, value: null });
    ok(e, 'Set-VM TEST01 -ComputerName HV02 -SmartPagingFilePath E:\\Paging\\TEST01');
    ok(e, 'Start-VM TEST01 -ComputerName HV02');
    e.runUntilIdle();
    expect(vm(e, 'TEST01').paths.smartPaging).toBe('E:\\Paging\\TEST01');
  });

  it('every configuration cmdlet is refused alike, each naming its own VM parameter, and nothing changes', () => {
    const e = engineOf();
    const id = start(e, 'Move-VMStorage DC01 -DestinationStoragePath E:\\VMs\\DC01 -AsJob');
    const before = structuredClone(e.state().world);
    const cases: [string, string][] = [
      ['Set-VM DC01 -Notes "changed during the move"', 'Name'],
      ['Set-VMMemory DC01 -Buffer 30', 'VMName'],
      ['Set-VMMemory -VMName DC01 -Priority 80', 'VMName'],
      ['Set-VMProcessor DC01 -Count 4', 'VMName'],
      ['Checkpoint-VM DC01', 'Name'],
    ];
    for (const [text, parameter] of cases) {
      const err = refused(e, text);
      expect(err.message, text).toBe(LOCKED('DC01'));
      expect(err.parameter, text).toBe(parameter);
      expect(err.fix, text).toContain(`Wait-Job -Id ${id}`);
    }
    expect(e.state().world).toEqual(before);
    // Another VM on the same host is not held by DC01's move.
    ok(e, 'Set-VMMemory SQL01 -Priority 80');
    // A wildcard that takes in the moving VM changes none of them (every VM is checked first).
    const wild = ps(e, 'Set-VMMemory -VMName DC01,WEB01 -Buffer 40');
    expect(wild.ok).toBe(false);
    expect(vm(e, 'WEB01').memory.bufferPercent).toBe(20);
    e.runUntilIdle();
    ok(e, 'Set-VMMemory DC01 -Buffer 30');
    ok(e, 'Checkpoint-VM DC01');
    expect(vm(e, 'DC01').memory.bufferPercent).toBe(30);
    expect(vm(e, 'DC01').checkpoints).toHaveLength(1);
  });

  it('a live migration: refused on the source while it runs; afterwards the VM is changed on its new host and keeps the change', () => {
    const e = engineOf();
    const id = start(e, 'Move-VM WEB01 HV02 -AsJob');
    const maxBefore = vm(e, 'WEB01').memory.maximumBytes;
    const err = refused(e, 'Set-VMMemory WEB01 -MaximumBytes 16GB');
    expect(err.message).toBe(LOCKED('WEB01'));
    expect(err.fix).toMatch(/^A live migration of 'WEB01' is running \(job \d+, Move-VM\)/);
    runUntil(e, () => job(e, id).state === 'Completed');
    expect(vm(e, 'WEB01')).toMatchObject({ host: 'HV02', memory: { maximumBytes: maxBefore } });
    ok(e, 'Set-VMMemory WEB01 -ComputerName HV02 -MaximumBytes 16GB');
    e.runUntilIdle();
    expect(vm(e, 'WEB01').memory.maximumBytes).toBe(16 * GiB);
  });

  it('a queued move holds the VM too, and says it is queued', () => {
    const e = engineOf();
    ok(e, 'Set-VMHost -MaximumStorageMigrations 1');
    start(e, 'Move-VMStorage DC01 -DestinationStoragePath E:\\VMs\\DC01 -AsJob');
    const queued = start(e, 'Move-VMStorage SQL01 -DestinationStoragePath E:\\VMs\\SQL01 -AsJob');
    expect(job(e, queued).state).toBe('Queued');
    const err = refused(e, 'Set-VMMemory SQL01 -Priority 10');
    expect(err.fix).toMatch(/^A storage move of 'SQL01' is queued \(job \d+, Move-VMStorage\)/);
  });
});

describe('hvlab run', () => {
  it('reports the refused Set-VM statement with its message and fix, and the later one applied after Wait-Job', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvlab-lock-'));
    const script = join(dir, 'settings-during-move.ps1');
    writeFileSync(
      script,
      [
        'Move-VMStorage DC01 -DestinationStoragePath E:\\VMs\\DC01 -AsJob',
        'Set-VM DC01 -Notes "patched during the move"',
        'Wait-Job -Id 1',
        'Set-VM DC01 -Notes "patched after the move"',
        'Get-VM DC01',
      ].join('\n'),
    );
    let out = '';
    const code = await run(
      ['run', script, '--json'],
      (t) => {
        out += t;
      },
      () => undefined,
    );
    const report = JSON.parse(out) as {
      ok: boolean;
      statements: { cmdlet: string; ok: boolean; error?: { message: string; parameter?: string; fix?: string }; output: Record<string, unknown>[] }[];
      jobs: { result: string }[];
      vms: { name: string; configuration: string }[];
    };
    expect(code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.statements.map((st) => [st.cmdlet, st.ok])).toEqual([
      ['Move-VMStorage', true],
      ['Set-VM', false],
      ['Wait-Job', true],
      ['Set-VM', true],
      ['Get-VM', true],
    ]);
    expect(report.statements[1]!.error).toMatchObject({ message: LOCKED('DC01'), parameter: 'Name' });
    expect(report.statements[1]!.error!.fix).toContain('Wait-Job -Id 1');
    expect(report.jobs.map((j) => j.result)).toEqual(['Completed']);
    expect(report.vms.find((v) => v.name === 'DC01')!.configuration).toBe('E:\\VMs\\DC01');
    expect(report.statements[4]!.output[0]).toMatchObject({ Name: 'DC01', Notes: 'patched after the move' });
  });
});
