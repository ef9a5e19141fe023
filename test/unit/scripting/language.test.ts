// The PowerShell language at the prompt and in hvlab run: variables, expressions, foreach/if,
// objects flowing through the pipeline (bound by value and by property name, -VM $vm), and the
// utility cmdlets. Each case runs the text through the engine as a user would.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { runScript, type ScriptReport } from '../../../engine/scripting/run-script';

function run(text: string): { report: ScriptReport; engine: Engine } {
  const engine = new Engine({ world: defaultWorld() });
  return { report: runScript(engine, text), engine };
}

/** The text a script printed, statement by statement, as hvlab run's report prints it. */
function printed(text: string): string[] {
  const { report } = run(text);
  return report.statements.flatMap((s) => (s.ok ? (s.display ?? []) : [`ERROR: ${s.error?.message ?? ''}`]));
}

function errors(text: string): { message: string; line: number }[] {
  return run(text)
    .report.statements.filter((s) => !s.ok)
    .map((s) => ({ message: s.error!.message, line: s.line }));
}

describe('variables and expressions', () => {
  it("keeps a cmdlet's object in a variable and reads its properties", () => {
    expect(printed('$vm = Get-VM WEB01\n$vm.Name\n$vm.State\n$PSItem')).toEqual(['WEB01', 'Running']);
  });

  it('expands "$var" and "$( )" in double quotes, not in single quotes', () => {
    expect(printed(`$n = 'WEB01'; "VM $n is $((Get-VM $n).State)"; 'VM $n'`)).toEqual(['VM WEB01 is Running', 'VM $n']);
  });

  it('evaluates comparison, logical and arithmetic operators as PowerShell does', () => {
    expect(
      printed(
        [
          "'abc' -eq 'ABC'",
          "'abc' -ceq 'ABC'",
          '5 -gt 3 -and -not $false',
          "'WEB01' -like 'web*'",
          "'WEB01' -match '^W.B\\d+$'",
          '1,2,3 -contains 2',
          "'b' -in 'a','b'",
          '1,2,3,4 -gt 2',
          '4GB / 1MB',
          '(2 + 3) * 4',
          '$null -eq $x',
          '!$true',
        ].join('\n'),
      ),
    ).toEqual(['True', 'False', 'True', 'True', 'True', 'True', 'True', '3', '4', '4096', '20', 'True', 'False']);
  });

  it('reads arrays, @( ), hashtables, indexes and .Count', () => {
    expect(printed("$a = 1,2,3; $a.Count; $a[-1]; $h = @{Name='x'; Size=2}; $h.Name; $h['Size']; @(Get-VM).Count; @().Count")).toEqual([
      '3',
      '3',
      'x',
      '2',
      '3',
      '0',
    ]);
  });

  it('runs foreach and if/elseif/else with the loop variable', () => {
    const out = printed(
      'foreach ($vm in Get-VM) {\n  if ($vm.Name -eq "DC01") { "first $($vm.Name)" }\n  elseif ($vm.ProcessorCount -ge 4) { "big $($vm.Name)" }\n  else { "other $($vm.Name)" }\n}',
    );
    expect(out).toEqual(['first DC01', 'big SQL01', 'other WEB01']);
  });

  it('keeps variables from one prompt line to the next', () => {
    const engine = new Engine({ world: defaultWorld() });
    engine.runText('$target = "HV02"; $vm = Get-VM WEB01');
    const r = engine.runText('Move-VM -VM $vm -DestinationHost $target; $vm.Name');
    expect(r.ok).toBe(true);
    const statements = r.ok ? r.value.statements : [];
    expect(statements.map((s) => (s.result.ok ? s.result.value.commandText : s.result.error.message))).toEqual([
      'Move-VM -Name WEB01 -DestinationHost HV02',
      '$vm.Name',
    ]);
    expect(statements[1]!.display).toEqual(['WEB01']);
  });
});

describe('objects through the pipeline', () => {
  it("binds Get-VM's objects by value, one at a time (Get-VM | Where-Object | Stop-VM)", () => {
    const { report, engine } = run('Get-VM | Where-Object State -eq Running | Where-Object Name -ne DC01 | Stop-VM -Force');
    expect(report.statements.map((s) => s.commandText)).toEqual(['Stop-VM -Name SQL01 -Force', 'Stop-VM -Name WEB01 -Force']);
    const states = Object.fromEntries(
      engine
        .state()
        .world.vms.filter((v) => v.host === 'HV01')
        .map((v) => [v.name, v.state]),
    );
    expect(states).toEqual({ DC01: 'Running', SQL01: 'Off', WEB01: 'Off' });
  });

  it('binds objects from another computer with -ComputerName, and -VM $vm as the VM it names', () => {
    const { report } = run('$vms = Get-VM -ComputerName HV02 | ? { $_.State -eq "Off" }\n$vms | Start-VM\nStop-VM -VM (Get-VM WEB01) -Force');
    expect(report.statements.map((s) => s.commandText)).toEqual(['Start-VM -Name TEST01 -ComputerName HV02', 'Stop-VM -Name WEB01 -Force']);
    expect(report.ok).toBe(true);
  });

  it('moves a VM piped from Get-VM, waiting for the move as PowerShell blocks', () => {
    const { report } = run('Get-VM WEB01 | Move-VM -DestinationHost HV02\nGet-VM -ComputerName HV02 | Select-Object -ExpandProperty Name');
    expect(report.statements[0]).toMatchObject({ cmdlet: 'Move-VM', ok: true });
    expect(report.jobs[0]).toMatchObject({ result: 'Completed', vm: 'WEB01' });
    expect(report.statements[1]!.display).toContain('WEB01');
  });

  it("binds by property name when the object is not of the parameter's kind", () => {
    // Select-Object makes a new object (Selected.Microsoft.HyperV.PowerShell.VirtualMachine) that only has a Name.
    const { report } = run("Get-VM WEB01 | Select-Object Name | Stop-VM -Force\nGet-VM DC01 | Select-Object @{n='VMName'; e={ $_.Name }} | Stop-VM -Force");
    expect(report.statements.map((s) => s.commandText)).toEqual(['Stop-VM -Name WEB01 -Force', 'Stop-VM -Name DC01 -Force']);
  });

  it('reports an object that binds to nothing, and goes on with the next statement', () => {
    expect(errors("'x' | Get-Job\n1 | Start-Sleep\nGet-Foo\nGet-VM NOPE")).toEqual([
      { message: 'Cannot bind parameter \'Id\'. Cannot convert value "x" to type "System.Int32". Error: "Input string was not in a correct format."', line: 1 },
      { message: expect.stringMatching(/input object cannot be bound|Start-Sleep needs/), line: 2 },
      { message: "The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program.", line: 3 },
      { message: expect.stringMatching(/NOPE/), line: 4 },
    ]);
  });
});

describe('utility cmdlets', () => {
  it('Select-Object -Property / -First / -Last / -ExpandProperty and calculated properties', () => {
    expect(printed('Get-VM | select -First 1 -ExpandProperty Name; Get-VM | select -Last 1 | % Name')).toEqual(['DC01', 'WEB01']);
    expect(printed("Get-VM DC01 | Select-Object Name, @{Name='CPUs'; Expression={ $_.ProcessorCount * 2 }}")).toEqual([
      '',
      'Name CPUs',
      '---- ----',
      'DC01    4',
      '',
    ]);
  });

  it('Sort-Object -Descending, Group-Object, Measure-Object', () => {
    expect(printed('Get-VM | Sort-Object ProcessorCount, Name -Descending | % { $_.Name }')).toEqual(['SQL01', 'WEB01', 'DC01']);
    // One group: its own Count property (3 VMs) answers .Count, as in PowerShell.
    expect(printed('(Get-VM | Group-Object State).Count; (Get-VM | Group-Object State).Name; @(Get-VM | Group-Object State).Length')).toEqual([
      '3',
      'Running',
      '1',
    ]);
    const m = printed('Get-VM | Measure-Object ProcessorCount -Sum -Maximum -Minimum -Average');
    expect(m).toEqual(['', 'Count    : 3', 'Average  : 2.6666666666666665', 'Sum      : 8', 'Maximum  : 4', 'Minimum  : 2', 'Property : ProcessorCount', '']);
  });

  it('Write-Output, Write-Host and Out-String', () => {
    expect(printed('Write-Output a b; echo 3; Write-Host "to the host"; (Get-VM DC01 | Select-Object Name | Out-String).Length -gt 10')).toEqual([
      'a',
      'b',
      '3',
      'to the host',
      'True',
    ]);
  });

  it('Start-Sleep lets simulated time pass (a move started with -AsJob progresses meanwhile)', () => {
    const { report } = run('Move-VM WEB01 HV02 -AsJob\nStart-Sleep -Seconds 30\n(Get-Job).State');
    expect(report.statements.at(-1)!.display).toEqual(['Completed']);
    expect(report.statements.at(-1)!.startedAt).toBeGreaterThanOrEqual(30_000);
  });

  it("names a parameter a utility cmdlet does not have, with PowerShell's message", () => {
    expect(errors('Get-VM | Sort-Object -Bogus')).toEqual([{ message: "A parameter cannot be found that matches parameter name 'Bogus'.", line: 1 }]);
  });
});

describe('syntax errors name the line and column', () => {
  it.each([
    ['foreach ($x Get-VM) { }', "Missing 'in' after variable in foreach loop.", 1, 13],
    ['if ($true) { "a" ', "Missing closing '}' in statement block.", 1, 12],
    ['Get-VM\nif (1 -eq) { }', "You must provide a value expression following the '-eq' operator.", 2, 7],
    ['Get-VM | $x', 'Expressions are only allowed as the first element of a pipeline.', 1, 10],
    ['$x = ', "You must provide a value expression following the '=' operator.", 1, 4],
    ['1 -foo 2', "Unexpected token '-foo' in expression or statement.", 1, 3],
    ['else { }', "The 'else' keyword must follow the statement block of an if statement.", 1, 1],
  ])('%s', (text, message, line, column) => {
    const { report } = run(text);
    expect(report.parseError).toMatchObject({ message: expect.stringContaining(message), line, column });
    expect(report.statements).toEqual([]);
  });
});
