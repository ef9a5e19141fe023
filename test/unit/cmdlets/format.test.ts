// The formatter: canonical text for hand-made objects, and the round trip
// parseScript(formatCommand(c)) = c for random valid commands of every cmdlet.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCommand } from '../../../engine/cmdlets/format';
import { allSignatures } from '../../../engine/cmdlets/registry';
import type { BoundParams, CmdletSignature, ParameterSpec, ParamValue } from '../../../engine/cmdlets/signature';
import { paramsSchema } from '../../../engine/cmdlets/params-schema';
import { inSet, isMandatoryIn, setNames } from '../../../engine/cmdlets/parameter-sets';
import { integerBounds } from '../../../engine/cmdlets/value-rules';
import { elementTypeName } from '../../../engine/cmdlets/signature';
import { parseScript } from '../../../engine/cmdlets/parse';
import { GB, MB } from './helpers';

describe('canonical text', () => {
  it('writes the canonical cmdlet name and parameters in signature order, named', () => {
    expect(
      formatCommand({ cmdlet: 'move-vm', params: { DestinationStoragePath: 'D:\\X', IncludeStorage: true, DestinationHost: 'HV02', Name: 'SQL01' } }),
    ).toBe('Move-VM -Name SQL01 -DestinationHost HV02 -IncludeStorage -DestinationStoragePath D:\\X');
  });

  it('quotes only when needed', () => {
    const f = (name: string) => formatCommand({ cmdlet: 'Move-VMStorage', params: { VMName: name, DestinationStoragePath: 'D:\\X' } });
    expect(f('DC01')).toMatch(/-VMName DC01 /);
    expect(f('my-vm.contoso')).toMatch(/-VMName my-vm\.contoso /);
    expect(f('Test VM')).toMatch(/-VMName 'Test VM' /);
    expect(f("it's")).toMatch(/-VMName 'it''s' /);
    expect(f('-dash')).toMatch(/-VMName '-dash' /);
    expect(f('42')).toMatch(/-VMName '42' /);
    expect(f('4GB')).toMatch(/-VMName '4GB' /);
    expect(f('$x')).toMatch(/-VMName '\$x' /);
    expect(f('a;b')).toMatch(/-VMName 'a;b' /);
  });

  it('writes sizes as 4GB when exact, else the number of bytes', () => {
    const f = (bytes: number) => formatCommand({ cmdlet: 'Set-VMMemory', params: { VMName: ['X'], StartupBytes: bytes } });
    expect(f(4 * GB)).toBe('Set-VMMemory -VMName X -StartupBytes 4GB');
    expect(f(512 * MB)).toBe('Set-VMMemory -VMName X -StartupBytes 512MB');
    expect(f(1536 * MB)).toBe('Set-VMMemory -VMName X -StartupBytes 1536MB');
    expect(f(1000)).toBe('Set-VMMemory -VMName X -StartupBytes 1000');
    expect(formatCommand({ cmdlet: 'Set-VMMemory', params: { VMName: ['X'], Buffer: 1024 } })).toBe('Set-VMMemory -VMName X -Buffer 1024');
  });

  it('writes switches bare, or :$false', () => {
    expect(formatCommand({ cmdlet: 'Stop-VM', params: { Name: ['A', 'B C'], Force: true, TurnOff: false } })).toBe(
      "Stop-VM -Name A,'B C' -TurnOff:$false -Force",
    );
  });

  it('writes booleans, enums, arrays and hashtables', () => {
    expect(formatCommand({ cmdlet: 'Set-VMHost', params: { UseAnyNetworkForMigration: false, VirtualMachineMigrationPerformanceOption: 'SMB' } })).toBe(
      'Set-VMHost -VirtualMachineMigrationPerformanceOption SMB -UseAnyNetworkForMigration $false',
    );
    expect(
      formatCommand({
        cmdlet: 'Move-VMStorage',
        params: {
          VMName: 'A',
          Vhds: [
            { SourceFilePath: 'C:\\a "1".vhdx', DestinationFilePath: 'D:\\$a.vhdx' },
            { SourceFilePath: 'C:\\b.vhdx', DestinationFilePath: 'D:\\b.vhdx' },
          ],
        },
      }),
    ).toBe(
      'Move-VMStorage -VMName A -Vhds @(@{"SourceFilePath"="C:\\a `"1`".vhdx";"DestinationFilePath"="D:\\`$a.vhdx"}, @{"SourceFilePath"="C:\\b.vhdx";"DestinationFilePath"="D:\\b.vhdx"})',
    );
  });

  it('formats a signature and bound parameters, as Engine.invoke does', () => {
    const sig = allSignatures().find((s) => s.name === 'Get-VM')!;
    expect(formatCommand(sig, { Name: ['DC01'] })).toBe('Get-VM -Name DC01');
  });

  it('refuses an unknown cmdlet', () => {
    expect(() => formatCommand({ cmdlet: 'Foo-Bar', params: {} })).toThrow(/not recognized/);
  });
});

// ── Random valid commands ────────────────────────────────────────────────────────────────────────

/** Characters that stress quoting: every quote and dash PowerShell knows, escapes, separators, controls. */
const trickyChars = [
  'a',
  'Z',
  '0',
  '9',
  ' ',
  '\t',
  '\n',
  '\r',
  "'",
  '"',
  '`',
  '$',
  '#',
  ';',
  '|',
  ',',
  '(',
  ')',
  '{',
  '}',
  '@',
  '-',
  '\\',
  '/',
  ':',
  '*',
  '?',
  '[',
  ']',
  '=',
  '&',
  '<',
  '>',
  '.',
  '+',
  '\u2018',
  '\u2019',
  '\u201a',
  '\u201b',
  '\u201c',
  '\u201d',
  '\u201e',
  '\u2013',
  '\u2014',
  '\u00a0',
  '\u00e9',
  '\u4e2d',
  '\0',
  '\x07',
  '%',
  '~',
  'G',
  'B',
  'x',
];
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.constantFrom(...trickyChars), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('D:\\VMs\\Test VM', '\\\\FS01\\VMs\\WEB01', '4GB', '007', '1e3', '0x10', '$true', '-Name', '--', "'", '"') },
);
const nonEmpty = text.filter((s) => s.length > 0);

function integerArb(p: ParameterSpec): fc.Arbitrary<number> {
  const bounds = integerBounds(elementTypeName(p));
  const min = Math.max(p.min ?? (p.type === 'Bytes' ? 0 : bounds.min), bounds.min);
  const max = Math.min(p.max ?? bounds.max, bounds.max);
  const small = fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(max, 2 ** 31 - 1) });
  if (max <= 2 ** 31) return small;
  const sizes = fc
    .tuple(fc.integer({ min: 1, max: 4096 }), fc.constantFrom(1024, MB, GB, 1024 ** 4))
    .map(([n, u]) => n * u)
    .filter((n) => n >= min && n <= max);
  return fc.oneof(
    small,
    sizes,
    fc
      .integer({ min: Math.max(min, 0), max: 2 ** 31 - 1 })
      .map((n) => n * 4099)
      .filter((n) => n <= max),
  );
}

function valueArb(p: ParameterSpec): fc.Arbitrary<ParamValue> {
  switch (p.type) {
    case 'String':
      return p.allowEmpty ? text : nonEmpty;
    case 'String[]':
      return fc.array(nonEmpty, { minLength: 1, maxLength: 3 });
    case 'Int':
    case 'Bytes':
      return integerArb(p);
    case 'Int[]':
      return fc.array(integerArb(p), { minLength: 1, maxLength: 3 });
    case 'Bool':
    case 'Switch':
      return fc.boolean();
    case 'Enum':
      return fc.constantFrom(...p.values!);
    case 'Enum[]':
      return fc.subarray([...p.values!], { minLength: 1 });
    case 'Hashtable[]': {
      const key = p.hashtableKeys ? fc.oneof(fc.constantFrom(...p.hashtableKeys), text) : text;
      const table = fc.uniqueArray(fc.tuple(key, text), { maxLength: 3, selector: ([k]) => k.toLowerCase() }).map((entries) => Object.fromEntries(entries));
      return fc.array(table, { maxLength: 3 });
    }
  }
}

function commandArb(sig: CmdletSignature): fc.Arbitrary<{ cmdlet: string; params: BoundParams }> {
  return fc.constantFrom(...setNames(sig)).chain((set) => {
    const inThisSet = sig.parameters.filter((p) => inSet(p, set));
    const shape = Object.fromEntries(inThisSet.map((p) => [p.name, valueArb(p)]));
    const requiredKeys = inThisSet.filter((p) => isMandatoryIn(p, set)).map((p) => p.name);
    return fc.record(shape, { requiredKeys }).map((params) => ({ cmdlet: sig.name, params: params }));
  });
}

describe('round trip: parseScript(formatCommand(c)) deep-equals c', () => {
  for (const sig of allSignatures()) {
    it(sig.name, () => {
      const schema = paramsSchema(sig);
      fc.assert(
        fc.property(commandArb(sig), (raw) => {
          const checked = schema.safeParse(raw.params);
          fc.pre(checked.success);
          const c = { cmdlet: sig.name, params: checked.data };
          const textOf = formatCommand(c);
          const r = parseScript(textOf);
          if (!r.ok) throw new Error(`${textOf}\n→ ${r.error.message}`);
          expect(r.statements).toHaveLength(1);
          expect({ ...r.statements[0]! }).toEqual(c);
        }),
        { numRuns: 150 },
      );
    });
  }
});
