// The shared PowerShell value writer: what the engine echoes, completes and shows in "View script",
// and what the renderer's settings dialogs show. Each text must read back as the same value.
import { describe, expect, it } from 'vitest';
import { byteLiteral, doubleQuoted, parameterText, quoteArgument, valueText } from '../../../engine/common/powershell-text';
import { parseNumberLiteral } from '../../../engine/common/number-literal';
import { parseScript } from '../../../engine/cmdlets/parse';
import { commandText } from '../../../renderer/stores/settings-script';

describe('quoteArgument', () => {
  it('leaves a safe word bare', () => {
    expect(quoteArgument('SQL01')).toBe('SQL01');
    expect(quoteArgument('D:\\VMs\\SQL01')).toBe('D:\\VMs\\SQL01');
    expect(quoteArgument('\\\\FS01\\VMs')).toBe('\\\\FS01\\VMs');
  });

  it('quotes what would read as something else: spaces, a leading dash, numbers, the empty string', () => {
    expect(quoteArgument('My VM')).toBe("'My VM'");
    expect(quoteArgument('-Force')).toBe("'-Force'");
    expect(quoteArgument('42')).toBe("'42'");
    expect(quoteArgument('4GB')).toBe("'4GB'");
    expect(quoteArgument('0x1F')).toBe("'0x1F'");
    expect(quoteArgument('')).toBe("''");
    expect(quoteArgument('$env')).toBe("'$env'");
  });

  it('quotes a name PowerShell reads as a number with a type suffix (2d is the decimal 2, 5l the long 5)', () => {
    // The renderer's own copy of this rule missed the l and d suffixes, so its "View script"
    // wrote Set-VM -Name 2d, which PowerShell binds as the number 2.
    expect(parseNumberLiteral('2d')).toBe(2);
    expect(quoteArgument('2d')).toBe("'2d'");
    expect(quoteArgument('5l')).toBe("'5l'");
    expect(quoteArgument('1.5dgb')).toBe("'1.5dgb'");
  });

  it('doubles every kind of single quote inside quotes', () => {
    expect(quoteArgument("O'Brien")).toBe("'O''Brien'");
    expect(quoteArgument('O\u2019Brien lab')).toBe("'O\u2019\u2019Brien lab'");
  });
});

describe('doubleQuoted', () => {
  it('escapes backtick, dollar, double quotes and control characters with a backtick', () => {
    expect(doubleQuoted('a$b`c"d\u201ce\n\t')).toBe('"a`$b``c`"d`\u201ce`n`t"');
  });
});

describe('byteLiteral', () => {
  it('uses the largest exact multiplier', () => {
    expect(byteLiteral(4 * 1024 ** 3)).toBe('4GB');
    expect(byteLiteral(512 * 1024 ** 2)).toBe('512MB');
    expect(byteLiteral(1536 * 1024 ** 2)).toBe('1536MB');
    expect(byteLiteral(1024 ** 5 * 2)).toBe('2PB');
    expect(byteLiteral(-2048)).toBe('-2KB');
  });

  it('writes other counts as plain numbers, 0 included', () => {
    expect(byteLiteral(0)).toBe('0');
    expect(byteLiteral(1000)).toBe('1000');
    expect(byteLiteral(1025)).toBe('1025');
  });

  it('reads back as the same number', () => {
    for (const n of [0, 1, 1023, 1024, 3 * 1024 ** 2, 7 * 1024 ** 4 + 1, 5 * 1024 ** 5]) expect(parseNumberLiteral(byteLiteral(n))).toBe(n);
  });
});

describe('valueText and parameterText', () => {
  it('writes arrays comma-separated, an empty one as @(), hashtables in @( )', () => {
    expect(valueText('String[]', ['a', 'b c'])).toBe("a,'b c'");
    expect(valueText('String[]', [])).toBe('@()');
    expect(valueText('Hashtable[]', [{ SourceFilePath: 'C:\\a.vhdx' }])).toBe('@(@{"SourceFilePath"="C:\\a.vhdx"})');
  });

  it('writes switches bare, or with :$false', () => {
    expect(parameterText('Switch', 'Force', true)).toBe('-Force');
    expect(parameterText('Switch', 'Force', false)).toBe('-Force:$false');
    expect(parameterText('Bool', 'Enabled', true)).toBe('-Enabled $true');
    expect(parameterText('Bytes', 'MaximumBytes', 64 * 1024 ** 3)).toBe('-MaximumBytes 64GB');
    expect(parameterText(undefined, 'Count', 4)).toBe('-Count 4');
  });
});

describe("the settings dialogs' View script uses the same writer", () => {
  it('quotes a VM named like a number literal, so the script sets that VM', () => {
    // Before, the renderer's copy wrote -VMName 2d (fails before the fix).
    const text = commandText({ cmdlet: 'Set-VMMemory', params: { VMName: '2d', ComputerName: 'HV01', MaximumBytes: 8 * 1024 ** 3 } });
    expect(text).toBe("Set-VMMemory -VMName '2d' -ComputerName HV01 -MaximumBytes 8GB");
    const parsed = parseScript(text);
    expect(parsed.ok && parsed.statements[0]!.params).toMatchObject({ VMName: ['2d'], ComputerName: ['HV01'], MaximumBytes: 8 * 1024 ** 3 });
  });
});
