// PowerShell error records as Windows PowerShell 4.0 on Windows Server 2012 R2 prints them: the
// same text at the console's prompt (engine/common/console-errors.ts over the engine's record) and in
// `hvlab run`'s text report; --json carries the record's fields.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { startPromptRun } from '../../../engine/scripting/prompt-run';
import { formatScriptReport, runScript } from '../../../engine/scripting/run-script';
import type { RunOutcome } from '../../../engine/contract';
import { formatParseError, formatStatementError } from '../../../engine/common/console-errors';

function atPrompt(text: string): string {
  const run = startPromptRun(new Engine({ world: defaultWorld() }), text);
  run.step(100);
  const o: RunOutcome = run.outcome();
  if (o.parseError) return formatParseError(text, o.parseError);
  return o.statements.flatMap((s) => (s.result.ok ? [] : [formatStatementError(text, s, s.result.error)])).join('\n');
}

describe('error records at the prompt', () => {
  it('an unknown command: ObjectNotFound, CommandNotFoundException, squiggle under the name', () => {
    expect(atPrompt('Get-Foo -Bar').split('\n')).toEqual([
      "Get-Foo : The term 'Get-Foo' is not recognized as the name of a cmdlet, function, script file, or operable program.",
      'At line:1 char:1',
      '+ Get-Foo -Bar',
      '+ ~~~~~~~',
      '    + CategoryInfo          : ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException',
      '    + FullyQualifiedErrorId : CommandNotFoundException',
      '    + RecommendedAction     : Did you mean Get-Job?',
    ]);
  });

  it('a VM name that matches nothing: InvalidArgument ... VirtualizationInvalidArgumentException, the whole command underlined', () => {
    expect(atPrompt('Get-VM NoSuchVM')).toBe(
      [
        'Get-VM : Hyper-V was unable to find a virtual machine with name "NoSuchVM".',
        'At line:1 char:1',
        '+ Get-VM NoSuchVM',
        '+ ~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : InvalidArgument: (NoSuchVM:String) [Get-VM], VirtualizationInvalidArgumentException',
        '    + FullyQualifiedErrorId : InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMCommand',
      ].join('\n'),
    );
  });

  it.each([
    [
      'Get-VM -Foo',
      'InvalidArgument: (:) [Get-VM], ParameterBindingException',
      'NamedParameterNotFound,Microsoft.HyperV.PowerShell.Commands.GetVMCommand',
      8,
      4,
    ],
    [
      'Get-VM -ComputerName',
      'InvalidArgument: (:) [Get-VM], ParameterBindingException',
      'MissingArgument,Microsoft.HyperV.PowerShell.Commands.GetVMCommand',
      8,
      13,
    ],
    [
      'Set-VM -Name DC01 -Notes $null',
      'InvalidData: (:) [Set-VM], ParameterBindingValidationException',
      'ParameterArgumentValidationErrorNullNotAllowed,Microsoft.HyperV.PowerShell.Commands.SetVMCommand',
      26,
      5,
    ],
    [
      'Set-VMMemory -VMName DC01 -Buffer 3',
      'InvalidData: (:) [Set-VMMemory], ParameterBindingValidationException',
      'ParameterArgumentValidationError,Microsoft.HyperV.PowerShell.Commands.SetVMMemoryCommand',
      35,
      1,
    ],
    [
      'Move-VM -Name DC01',
      'InvalidArgument: (:) [Move-VM], ParameterBindingException',
      'MissingMandatoryParameter,Microsoft.HyperV.PowerShell.Commands.MoveVMCommand',
      1,
      7,
    ],
    ['Get-NetAdapter -Name nope', 'ObjectNotFound: (nope:String) [Get-NetAdapter], CimJobException', 'CmdletizationQuery_NotFound_Name,Get-NetAdapter', 1, 25],
    [
      'Get-Job -Id 99',
      'ObjectNotFound: (99:Int32) [Get-Job], PSArgumentException',
      'JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand',
      1,
      14,
    ],
    [
      'Move-VM DC01 -DestinationHost HV09',
      'NotSpecified: (:) [Move-VM], VirtualizationOperationFailedException',
      'OperationFailed,Microsoft.HyperV.PowerShell.Commands.MoveVMCommand',
      1,
      34,
    ],
  ])('%s', (text, category, id, column, length) => {
    const lines = atPrompt(text).split('\n');
    expect(lines[1]).toBe(`At line:1 char:${column}`);
    expect(lines[3]).toBe(`+ ${' '.repeat(column - 1)}${'~'.repeat(length)}`);
    expect(lines[4]).toBe(`    + CategoryInfo          : ${category}`);
    expect(lines[5]).toBe(`    + FullyQualifiedErrorId : ${id}`);
  });

  it('a refusal whose record no public source shows is marked unconfirmed', () => {
    const run = startPromptRun(new Engine({ world: defaultWorld() }), 'Remove-VM DC01 -Force');
    run.step(10);
    const r = run.outcome().statements[0]!.result;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.record).toMatchObject({ category: 'InvalidOperation', reason: 'VirtualizationInvalidStateException', unconfirmed: true });
  });

  it('a syntax error: position first, then the message, ParserError with the parser error id', () => {
    expect(atPrompt('Get-VM "x').split('\n')).toEqual([
      'At line:1 char:8',
      '+ Get-VM "x',
      '+        ~',
      'The string is missing the terminator: ".',
      '    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException',
      '    + FullyQualifiedErrorId : TerminatorExpectedAtEndOfString',
    ]);
  });

  it('the second statement of a line is underlined where it is', () => {
    const lines = atPrompt('Get-VM DC01; Get-VM Nope').split('\n');
    expect(lines.slice(1, 4)).toEqual(['At line:1 char:14', '+ Get-VM DC01; Get-VM Nope', `+ ${' '.repeat(13)}${'~'.repeat(11)}`]);
  });
});

describe('hvlab run', () => {
  it("writes each error as the prompt does, and --json's report carries the record's fields", () => {
    const script = ['Get-VM DC01', 'Get-Foo', 'Get-VM -Name NoSuchVM -ComputerName HV01', 'Get-VM -Bogus'].join('\n');
    const report = runScript(new Engine({ world: defaultWorld() }), script);
    const text = formatScriptReport(report, script);
    for (const [i, line] of [
      [1, 'Get-Foo'],
      [2, 'Get-VM -Name NoSuchVM -ComputerName HV01'],
      [3, 'Get-VM -Bogus'],
    ] as const) {
      const s = report.statements[i]!;
      const shown = atPrompt(line).replace('At line:1', `At line:${s.line}`);
      expect(text).toContain(shown);
    }
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    expect(json.statements[2]!.error!.record).toEqual({
      category: 'InvalidArgument',
      targetName: 'NoSuchVM',
      targetType: 'String',
      activity: 'Get-VM',
      reason: 'VirtualizationInvalidArgumentException',
      exception: 'Microsoft.HyperV.PowerShell.VirtualizationInvalidArgumentException',
      fullyQualifiedErrorId: 'InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMCommand',
    });
    expect(json.statements[3]!.error!.record).toMatchObject({
      fullyQualifiedErrorId: 'NamedParameterNotFound,Microsoft.HyperV.PowerShell.Commands.GetVMCommand',
      position: { line: 4, column: 8, length: 6 },
    });
  });

  it('a syntax error in a script is written as the prompt writes it', () => {
    const script = 'Get-VM DC01\nGet-VM "HV01';
    const report = runScript(new Engine({ world: defaultWorld() }), script);
    expect(formatScriptReport(report, script)).toContain(
      ['At line:2 char:8', '+ Get-VM "HV01', '+        ~', 'The string is missing the terminator: ".'].join('\n'),
    );
  });
});
