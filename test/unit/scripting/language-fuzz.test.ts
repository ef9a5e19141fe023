// Fuzzing the language: random text and mutations of valid scripts (variables, foreach/if, script
// blocks, operators, pipelines of objects) never throw past the parser or the runner; every input
// runs or yields one clear syntax error that points inside the text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProgram } from '../../../engine/cmdlets/syntax';
import { ScriptError } from '../../../engine/cmdlets/source-text';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { runScript } from '../../../engine/scripting/run-script';
import { depth } from '../../support/depth';

const seeds = [
  '$vm = Get-VM WEB01; "Name: $($vm.Name) is $($vm.State)"',
  'foreach ($v in Get-VM) { if ($v.ProcessorCount -ge 2 -and -not ($v.Name -like "D*")) { $v.Name } elseif ($v.State -ne "Off") { 1 } else { 2 } }',
  'Get-VM | Where-Object { $_.State -eq "Running" } | Sort-Object Name -Descending | Select-Object Name, @{n="Mem"; e={ $_.MemoryStartup / 1MB }}',
  'Get-VM | ? State -eq Running | % { $_.Name } | Measure-Object',
  '$a = 1,2,3; $a[0] + $a[-1] * 2; @(Get-VM).Count; $h = @{x = 1; y = "z"}; $h.x',
  'Get-VM | Group-Object State | ft -AutoSize; Get-VMHost | fl *',
  // Operators and method calls (operators.ts, methods.ts).
  '$vm = Get-VM WEB01; "{0,-8}|{1:N1}" -f $vm.Name.ToUpper().Substring(0, 3), 3.14; 1..5 -join ","; -join ("x", "y")',
  '"a,b;c" -split "[,;]", 2; "WEB01" -replace "WEB(\\d+)", "APP$1"; $h = @{a = 1}; $h.ContainsKey("a"); "  x ".Trim().PadLeft(4, "*")',
];

const syntaxChars = [...'-$@(){}[];|,\'"`#<>=:.\\/ \t\n\r*?&+%!_', ...'aeinoqtlk09'];

function check(text: string): void {
  try {
    parseProgram(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ScriptError);
    const at = (e as ScriptError).at;
    expect(at.offset).toBeLessThanOrEqual(text.length);
    expect((e as ScriptError).message.length).toBeGreaterThan(0);
  }
}

function mutate(text: string, edits: { at: number; insert: string; remove: number }[]): string {
  let out = text;
  for (const m of edits) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    out = out.slice(0, at) + m.insert + out.slice(at + m.remove);
  }
  return out;
}

const edit = fc.record({ at: fc.nat(), insert: fc.string({ unit: fc.constantFrom(...syntaxChars), maxLength: 3 }), remove: fc.integer({ min: 0, max: 3 }) });

describe('language fuzzing', () => {
  it('random text of syntax characters parses or fails with a ScriptError inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...syntaxChars), maxLength: 80 }), (text) => check(text)),
      { numRuns: depth(1000, 5000) },
    );
  });

  it('mutated scripts parse or fail cleanly, and the runner never throws', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        const text = mutate(seed, edits);
        check(text);
        const report = runScript(new Engine({ world: defaultWorld() }), text);
        if (report.parseError) expect(report.parseError.line).toBeGreaterThanOrEqual(1);
        for (const s of report.statements) if (!s.ok) expect(s.error?.message).not.toMatch(/could not read this script/);
      }),
      { numRuns: depth(60, 400) },
    );
  });

  it('deep nesting is a syntax error, not a stack overflow', () => {
    for (const open of ['(', '{', '@(', '$(', '-not ', '!']) {
      const text = `${open.repeat(5000)}1`;
      expect(() => parseProgram(text)).toThrow('The script is nested too deeply.');
    }
    expect(() => parseProgram(`${'if ($true) { '.repeat(200)}1${' }'.repeat(200)}`)).toThrow('The script is nested too deeply.');
  });

  it('reads a 20,000-statement script of loops and ifs', () => {
    const line = 'foreach ($v in $list) { if ($v -gt 1) { "$v" } }\n';
    const small = line.repeat(2_000);
    const large = line.repeat(20_000);
    expect(parseProgram(small)).toHaveLength(2_000);
    expect(parseProgram(large)).toHaveLength(20_000);
  });
});
