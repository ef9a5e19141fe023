// Fuzzing the parser: random text and mutations of valid scripts never throw past parseScript;
// every input yields commands that pass the runtime schema and round-trip, or one clear error
// that points inside the text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScript, type ParseResult } from '../../../engine/cmdlets/parse';
import { formatCommand } from '../../../engine/cmdlets/format';
import { findSignature } from '../../../engine/cmdlets/registry';
import { paramsSchema } from '../../../engine/cmdlets/params-schema';
import { depth } from '../../support/depth';

const seeds = [
  'Move-VMStorage "Test VM" -VirtualMachinePath D:\\TestVM\\Config -SnapshotFilePath D:\\TestVM\\Snapshots -SmartPagingFilePath D:\\TestVM\\SmartPaging -VHDs @(@{"SourceFilePath"="C:\\TestVM\\Disk1.VHDX";"DestinationFilePath"="D:\\TestVM\\Disks\\Disk1.VHDX"})',
  'Move-VM LMTest TestServer02 -IncludeStorage -DestinationStoragePath D:\\LMTest',
  'Set-VMMemory SQL01 -DynamicMemoryEnabled $true -StartupBytes 1GB -MinimumBytes 512MB -MaximumBytes 4GB -Buffer 20 -Priority 50 # note',
  'Get-VM DC01,SQL01 -ComputerName HV01 | Stop-VM -Force:$false; Start-VM DC01',
  'Set-VMHost -VirtualMachineMigrationPerformanceOption SMB `\n -UseAnyNetworkForMigration $false\n<# block #>Add-VMMigrationNetwork 10.0.0.0/24',
  "New-NetLbfoTeam 'Team 2' @('SMB1', \"SMB2\") -TeamingMode Lacp -LoadBalancingAlgorithm Dynamic -CimSession HV02",
  'Set-SmbBandwidthLimit -Category LiveMigration -BytesPerSecond 1.5GB; Get-Job -Id 3 | Wait-Job -Timeout 30',
];

const syntaxChars = [...'-$@(){}[];|,\'"`#<>=:.\\/ \t\n\r*?&+%~', '\u2018', '\u2019', '\u201c', '\u201d', '\u2013', ...'aAbB09GMKxe'];

function checkResult(text: string, r: ParseResult): void {
  if (r.ok) {
    for (const c of r.statements) {
      const sig = findSignature(c.cmdlet);
      expect(sig, c.cmdlet).toBeDefined();
      expect(paramsSchema(sig!).safeParse(c.params).success).toBe(true);
      const again = parseScript(formatCommand(c));
      expect(again.ok).toBe(true);
      if (again.ok) expect({ ...again.statements[0]! }).toEqual({ ...c });
    }
    return;
  }
  const e = r.error;
  expect(e.message.length).toBeGreaterThan(0);
  expect(e.message).not.toMatch(/could not read this script/);
  expect(e.line).toBeGreaterThanOrEqual(1);
  expect(e.column).toBeGreaterThanOrEqual(1);
  expect(e.span.offset).toBeLessThanOrEqual(text.length);
  expect(e.span.offset + e.span.length).toBeLessThanOrEqual(text.length);
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ unit: fc.constantFrom(...syntaxChars), minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.constantFrom(...syntaxChars) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);

type Mutation = { kind: string; at: number; text?: string; length?: number };

function mutate(text: string, ms: Mutation[]): string {
  let out = text;
  for (const m of ms) {
    const at = out.length ? m.at % (out.length + 1) : 0;
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + (m.length ?? 1));
    else if (m.kind === 'replace') out = out.slice(0, at) + m.text + out.slice(at + 1);
    else out = out.slice(0, at);
  }
  return out;
}

describe('parser fuzzing', () => {
  it('random text made of syntax characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...syntaxChars), maxLength: 60 }), (text) => {
        checkResult(text, parseScript(text));
      }),
      { numRuns: depth(500, 3000) },
    );
  });

  it('random unicode text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        checkResult(text, parseScript(text));
      }),
      { numRuns: depth(300, 1000) },
    );
  });

  it('mutated valid scripts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, ms) => {
        const text = mutate(seed, ms);
        checkResult(text, parseScript(text));
      }),
      { numRuns: depth(500, 3000) },
    );
  });

  it('random cmdlet + parameter soup', () => {
    const word = fc.oneof(
      fc.constantFrom('Move-VM', 'Move-VMStorage', 'Set-VMMemory', 'Get-Job', 'Get-VM', 'New-NetLbfoTeam', '|', ';', '\n'),
      fc.constantFrom(
        '-Name',
        '-VMName',
        '-D',
        '-Dest',
        '-Vhds',
        '-Force:$false',
        '-Buffer',
        '-Id',
        '-StartupBytes',
        '-TeamMembers',
        '-IncludeStorage',
        '-',
        '--',
      ),
      fc.constantFrom(
        'DC01',
        "'Test VM'",
        '4GB',
        '1.5gb',
        '$true',
        '@()',
        '@{a=1}',
        'a,b',
        '3',
        '-1',
        'D:\\X',
        '@(@{SourceFilePath="a";DestinationFilePath="b"})',
      ),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 10 }), (words) => {
        const text = words.join(' ');
        checkResult(text, parseScript(text));
      }),
      { numRuns: depth(500, 3000) },
    );
  });

  it('deep nesting is an error, not a stack overflow', () => {
    const text = `Move-VMStorage X -Vhds ${'@('.repeat(5000)}${')'.repeat(5000)}`;
    const r = parseScript(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('The script is nested too deeply.');
  });

  it('non-text input is an error', () => {
    expect(parseScript(42 as unknown as string).ok).toBe(false);
  });
});
