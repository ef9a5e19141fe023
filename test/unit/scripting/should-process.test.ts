// -WhatIf and -Confirm (ShouldProcess): Remove-VM, Remove-*, Restart-VM and Disable-NetAdapter ask
// first (ConfirmImpact High), -Force / -Confirm:$false skip the question, -Confirm asks for any
// cmdlet that changes things, -WhatIf runs nothing. At the prompt the run stops at the question and
// goes on with the answer; hvlab run cannot answer and fails the statement as -NonInteractive does.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { formatScriptReport, runScript } from '../../../engine/scripting/run-script';
import type { RunOutcome, RunResume } from '../../../engine/contract';
import { CONFIRM_CHOICES, CONFIRM_HELP } from '../../../engine/common/confirm-prompt';
import { resumeMessages } from '../../../engine/scripting/prompt-run';
import { ConsoleStore } from '../../../renderer/stores/console-store';
import type { InventoryStore } from '../../../renderer/stores/inventory-store';
import type { JobStore } from '../../../renderer/stores/job-store';

/** WEB01 and SQL01 turned off, so Remove-VM may delete them. */
function engineWithOffVms(): Engine {
  const e = new Engine({ world: defaultWorld() });
  for (const name of ['WEB01', 'SQL01']) {
    const r = e.runText(`Stop-VM ${name} -TurnOff`);
    if (!r.ok || r.value.statements.some((s) => !s.result.ok)) throw new Error(`could not turn ${name} off`);
  }
  return e;
}

function run(e: Engine, text: string, resume?: RunResume): RunOutcome {
  const r = e.runText(text, resume);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const vmNames = (e: Engine) => e.state().world.vms.map((v) => v.name);

describe('at the prompt', () => {
  it('Remove-VM asks with its own question; No keeps the VM, Yes deletes it', () => {
    const e = engineWithOffVms();
    const asked = run(e, 'Remove-VM WEB01');
    expect(asked.statements).toEqual([]);
    expect(asked.confirm).toEqual({ statement: 0, command: 0, caption: 'Confirm', query: 'Are you sure you want to remove virtual machine "WEB01"?' });
    expect(vmNames(e)).toContain('WEB01');
    const no = run(e, 'Remove-VM WEB01', { statement: 0, command: 0, answer: 'No' });
    expect(no).toEqual({ statements: [] });
    expect(vmNames(e)).toContain('WEB01');
    // An answer is for the question asked: with none open it is refused, and nothing runs.
    expect(run(e, 'Remove-VM WEB01', { statement: 0, command: 0, answer: 'Yes' }).statements[0]!.result).toMatchObject({
      ok: false,
      error: { message: resumeMessages.notWaiting },
    });
    expect(vmNames(e)).toContain('WEB01');
    expect(run(e, 'Remove-VM WEB01').confirm).toBeDefined();
    const yes = run(e, 'Remove-VM WEB01', { statement: 0, command: 0, answer: 'Yes' });
    expect(yes.statements.map((s) => s.result.ok)).toEqual([true]);
    expect(vmNames(e)).not.toContain('WEB01');
  });

  it('the run stops at the question and goes on after it: statements before it are not run again', () => {
    const e = engineWithOffVms();
    const text = 'Get-VM WEB01; Remove-VM WEB01; Get-VM DC01';
    const asked = run(e, text);
    expect(asked.statements.map((s) => s.text)).toEqual(['Get-VM WEB01']);
    expect(asked.confirm).toMatchObject({ statement: 1, command: 0 });
    const after = run(e, text, { statement: 1, command: 0, answer: 'Yes' });
    expect(after.statements.map((s) => [s.text, s.result.ok])).toEqual([
      ['Remove-VM WEB01', true],
      ['Get-VM DC01', true],
    ]);
  });

  it('a pipeline asks per object; Yes to All answers the rest of it, No to All skips the rest', () => {
    const e = engineWithOffVms();
    // Get-VM writes SQL01 before WEB01 (the order it lists VMs in).
    const text = 'Get-VM WEB01,SQL01 | Remove-VM';
    expect(run(e, text).confirm).toMatchObject({ statement: 0, command: 0, query: 'Are you sure you want to remove virtual machine "SQL01"?' });
    const one = run(e, text, { statement: 0, command: 0, answer: 'Yes' });
    expect(one.confirm).toMatchObject({ statement: 0, command: 1, query: 'Are you sure you want to remove virtual machine "WEB01"?' });
    expect(run(e, text, { statement: 0, command: 1, answer: 'NoToAll' })).toEqual({ statements: [] });
    expect(vmNames(e)).toEqual(expect.arrayContaining(['WEB01']));
    expect(vmNames(e)).not.toContain('SQL01');

    const f = engineWithOffVms();
    expect(run(f, text).confirm).toBeDefined();
    const all = run(f, text, { statement: 0, command: 0, answer: 'YesToAll' });
    expect(all.confirm).toBeUndefined();
    expect(all.statements).toHaveLength(2);
    expect(vmNames(f)).not.toContain('SQL01');
  });

  it("-Force and -Confirm:$false do not ask; -Confirm asks on a cmdlet that would not; PowerShell's generic question", () => {
    const e = engineWithOffVms();
    expect(run(e, 'Remove-VM WEB01 -Force').confirm).toBeUndefined();
    expect(run(e, 'Remove-VM SQL01 -Confirm:$false').confirm).toBeUndefined();
    expect(vmNames(e)).not.toContain('SQL01');
    expect(run(e, 'Disable-NetAdapter -Name SMB1').confirm?.query).toBe(
      'Are you sure you want to perform this action?\nPerforming the operation "Disable" on target "SMB1".',
    );
    expect(run(e, 'Restart-VM DC01').confirm?.query).toBe(
      'Are you sure you want to perform this action?\nPerforming the operation "Restart" on target "DC01".',
    );
    expect(run(e, 'Restart-VM DC01 -Force').confirm).toBeUndefined();
    expect(run(e, 'Remove-NetLbfoTeam -Name Team1').confirm).toBeDefined();
    expect(run(e, 'Set-VM DC01 -Notes x').confirm).toBeUndefined();
    expect(run(e, 'Set-VM DC01 -Notes x -Confirm').confirm?.query).toContain('Performing the operation "Set" on target "DC01".');
    // A shutdown does not ask: Stop-VM's help shows none (the guest is never locked in this lab).
    expect(run(e, 'Stop-VM DC01').confirm).toBeUndefined();
  });

  it('-WhatIf says what would happen and changes nothing', () => {
    const e = engineWithOffVms();
    const r = run(e, 'Remove-VM WEB01 -WhatIf');
    expect(r.confirm).toBeUndefined();
    // PowerShell writes "What if:" to the host, not to the pipeline.
    expect(r.statements[0]!.display).toEqual([{ lines: ['What if: Performing the operation "Remove" on target "WEB01".'] }]);
    expect(vmNames(e)).toContain('WEB01');
    expect(run(e, 'Disable-NetAdapter SMB1 -WhatIf').statements[0]!.display).toEqual([
      { lines: ['What if: Performing the operation "Disable" on target "SMB1".'] },
    ]);
    expect(run(e, '$r = Remove-VM WEB01 -WhatIf; $r -eq $null').statements.map((s) => s.display)).toEqual([
      [{ lines: ['What if: Performing the operation "Remove" on target "WEB01".'] }],
      [true],
    ]);
    expect(
      e
        .state()
        .world.hosts.find((h) => h.name === 'HV01')!
        .nics.find((a) => a.name === 'SMB1')!.linkUp,
    ).toBe(true);
  });

  it('a statement resumed after a question is replayed, not run again: no command, host line or variable change happens twice', () => {
    const e = engineWithOffVms();
    run(e, '$n = 0');
    const text = 'foreach ($v in "WEB01","SQL01") { $n = $n + 1; Write-Host "removing $v"; Set-VM $v -Notes "removed by lab"; Remove-VM $v }';
    const hostLines = (o: RunOutcome) =>
      o.statements.flatMap((s) =>
        (s.display ?? []).flatMap((d) => (d !== null && typeof d === 'object' && 'lines' in d ? (d as { lines: string[] }).lines : [String(d)])),
      );
    const first = run(e, text);
    expect(first.confirm).toMatchObject({ statement: 0, command: 0, query: 'Are you sure you want to remove virtual machine "WEB01"?' });
    expect(hostLines(first)).toEqual(['removing WEB01']);
    const second = run(e, text, { statement: 0, command: 0, answer: 'Yes' });
    expect(second.confirm).toMatchObject({ statement: 0, command: 1, query: 'Are you sure you want to remove virtual machine "SQL01"?' });
    expect(hostLines(second)).toEqual(['removing SQL01']);
    const third = run(e, text, { statement: 0, command: 1, answer: 'No' });
    expect(hostLines(third)).toEqual([]);
    expect(vmNames(e)).not.toContain('WEB01');
    expect(vmNames(e)).toContain('SQL01');
    expect(hostLines(run(e, '$n'))).toEqual(['2']);
    // Set-VM ran once per VM: the engine's log has one entry each.
    expect(e.state().world.vms.find((v) => v.name === 'SQL01')!.notes).toBe('removed by lab');
  });

  it('-WhatIf and -Confirm exist only on cmdlets that change things', () => {
    const e = new Engine({ world: defaultWorld() });
    const r = run(e, 'Get-VM -WhatIf');
    expect(r.statements[0]!.result).toMatchObject({ ok: false, error: { message: "A parameter cannot be found that matches parameter name 'WhatIf'." } });
  });
});

describe('hvlab run (non-interactive)', () => {
  it('a command that would ask fails as -NonInteractive does, says how to run it, and changes nothing', () => {
    const e = engineWithOffVms();
    const script = 'Remove-VM WEB01\nRemove-VM SQL01 -Force\nDisable-NetAdapter SMB1 -WhatIf';
    const report = runScript(e, script);
    const [ask, force, whatIf] = report.statements;
    expect(ask!.ok).toBe(false);
    expect(ask!.error).toMatchObject({
      message: 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
      fix: 'Remove-VM asks for confirmation and hvlab run cannot answer: add -Force or -Confirm:$false to run it without asking.',
      record: {
        category: 'InvalidOperation',
        reason: 'PSInvalidOperationException',
        fullyQualifiedErrorId: 'InvalidOperation,Microsoft.HyperV.PowerShell.Commands.RemoveVMCommand',
      },
    });
    expect(force!.ok).toBe(true);
    expect(whatIf).toMatchObject({ ok: true, output: ['What if: Performing the operation "Disable" on target "SMB1".'] });
    expect(vmNames(e)).toContain('WEB01');
    expect(vmNames(e)).not.toContain('SQL01');
    expect(formatScriptReport(report, script)).toContain(
      [
        'Remove-VM : Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.',
        'At line:1 char:1',
        '+ Remove-VM WEB01',
        '+ ~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : InvalidOperation: (:) [Remove-VM], PSInvalidOperationException',
      ].join('\n'),
    );
  });
});

describe('the console', () => {
  function consoleOn(e: Engine): ConsoleStore {
    const world = e.state().world;
    const inventory = { world: { session: world.session } } as unknown as InventoryStore;
    return new ConsoleStore(
      { run: async (text, resume) => e.runText(text, resume), query: async () => ({ ok: false, error: { code: 'Internal', message: '' } }) },
      inventory,
      {} as JobStore,
    );
  }
  const texts = (c: ConsoleStore) => c.blocks.map((b) => b.text);

  it('prints the question, turns the prompt into the choices line, and the next line answers it', async () => {
    const e = engineWithOffVms();
    const c = consoleOn(e);
    await c.submit('Remove-VM WEB01');
    expect(texts(c).at(-1)).toBe('\nConfirm\nAre you sure you want to remove virtual machine "WEB01"?');
    expect(c.prompt).toBe(CONFIRM_CHOICES);
    await c.submit('?');
    expect(texts(c).slice(-2)).toEqual([`${CONFIRM_CHOICES} ?`, CONFIRM_HELP]);
    expect(c.prompt).toBe(CONFIRM_CHOICES);
    await c.submit('maybe');
    expect(c.prompt).toBe(CONFIRM_CHOICES);
    await c.submit('n');
    expect(texts(c).at(-1)).toBe(`${CONFIRM_CHOICES} n`);
    expect(c.prompt).toBe('PS C:\\Users\\Administrator>');
    expect(vmNames(e)).toContain('WEB01');
    // The answers are not commands: the history holds the command only.
    expect(c.history).toEqual(['Remove-VM WEB01']);

    await c.submit('Remove-VM WEB01');
    await c.submit('');
    expect(vmNames(e)).not.toContain('WEB01');
    expect(c.prompt).toBe('PS C:\\Users\\Administrator>');
  });
});
