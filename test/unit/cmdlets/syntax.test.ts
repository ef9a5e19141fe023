// The PowerShell subset as text: statements, comments, continuation, quoting, numbers and sizes,
// arrays and hashtables, and the syntax errors in PowerShell's words.
import { describe, expect, it } from 'vitest';
import { GB, KB, MB, TB, parse, parseError, parseOne } from './helpers';

describe('statements', () => {
  it('splits on newlines and semicolons, skipping blank lines', () => {
    const s = parse('Start-VM DC01; Stop-VM SQL01\n\n  Get-VM\r\nGet-VMHost ;;');
    expect(s.map((c) => c.cmdlet)).toEqual(['Start-VM', 'Stop-VM', 'Get-VM', 'Get-VMHost']);
  });

  it('ignores # comments and <# #> blocks, but keeps # inside a word', () => {
    const s = parse('<# setup\n  several lines #> Get-VM a#b # trailing comment\n# whole line\nGet-VMHost <# inline #> HV02');
    expect(s).toEqual([
      { cmdlet: 'Get-VM', params: { Name: ['a#b'] } },
      { cmdlet: 'Get-VMHost', params: { ComputerName: ['HV02'] } },
    ]);
  });

  it('continues a line after a backtick', () => {
    expect(parseOne('Set-VMMemory DC01 `\n  -StartupBytes 2GB `\r\n  -Buffer 30')).toEqual({
      cmdlet: 'Set-VMMemory',
      params: { VMName: ['DC01'], StartupBytes: 2 * GB, Buffer: 30 },
    });
  });

  it('gives every statement the span of its text', () => {
    const [a, b] = parse('Get-VM\n  Start-VM -Name DC01; Stop-VM x');
    expect(a!.span).toEqual({ offset: 0, length: 6, line: 1, column: 1 });
    expect(b!.span).toMatchObject({ offset: 9, line: 2, column: 3, length: 'Start-VM -Name DC01'.length });
  });

  it('keeps the span out of the object itself, so it deep-equals { cmdlet, params }', () => {
    const [c] = parse('Get-VM DC01');
    expect(Object.keys(c!)).toEqual(['cmdlet', 'params']);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ cmdlet: 'Get-VM', params: { Name: ['DC01'] } });
  });

  it('resolves cmdlet names in any case, and built-in aliases, to the canonical name', () => {
    expect(parseOne('move-vmstorage X D:\\Y').cmdlet).toBe('Move-VMStorage');
    expect(parseOne('gjb').cmdlet).toBe('Get-Job');
    expect(parseOne('SPJB 4').cmdlet).toBe('Stop-Job');
  });
});

describe('strings', () => {
  const name = (text: string) => parseOne(`Get-VM ${text}`).params.Name;

  it('reads bare words, single quotes with doubled quote, double quotes with backtick escapes', () => {
    expect(name('Test')).toEqual(['Test']);
    expect(name("'Test VM'")).toEqual(['Test VM']);
    expect(name("'it''s'")).toEqual(["it's"]);
    expect(name('"say `"hi`""')).toEqual(['say "hi"']);
    expect(name('"a""b"')).toEqual(['a"b']);
    expect(name('"tab`tnew`nline"')).toEqual(['tab\tnew\nline']);
    expect(name('"cost `$5"')).toEqual(['cost $5']);
    expect(name('"100$"')).toEqual(['100$']);
  });

  it('joins quoted parts and escapes inside a bare word, as PowerShell does', () => {
    expect(name('D:\\"My VMs"\\A')).toEqual(['D:\\My VMs\\A']);
    expect(name('Test` VM')).toEqual(['Test VM']);
  });

  it('accepts the typographic quotes and dashes of text pasted from documents', () => {
    expect(parseOne('Get-VM \u2013Name \u2018Test VM\u2019').params).toEqual({ Name: ['Test VM'] });
    expect(parseOne('Get-VM \u201cTest VM\u201d').params).toEqual({ Name: ['Test VM'] });
  });

  it('keeps a single-quoted string literal: no escapes, no variables', () => {
    expect(name("'C:\\$Recycle `n'")).toEqual(['C:\\$Recycle `n']);
  });

  it('allows a line break inside quotes', () => {
    expect(parseOne("Set-VM DC01 -Notes 'line one\nline two'").params.Notes).toBe('line one\nline two');
  });
});

describe('numbers and sizes', () => {
  const startup = (text: string) => parseOne(`Set-VMMemory X -StartupBytes ${text}`).params.StartupBytes;

  it('reads size literals with PowerShell multipliers (KB = 1024), in any case', () => {
    expect(startup('512MB')).toBe(512 * MB);
    expect(startup('4GB')).toBe(4 * GB);
    expect(startup('4gb')).toBe(4 * GB);
    expect(startup('1.5GB')).toBe(1.5 * GB);
    expect(startup('10KB')).toBe(10 * KB);
    expect(startup('1TB')).toBe(TB);
    expect(startup('1073741824')).toBe(GB);
    expect(startup('0x40000000')).toBe(GB);
    expect(startup('1e3')).toBe(1000);
  });

  it('converts a quoted size on a numeric parameter, as PowerShell does', () => {
    expect(startup("'2GB'")).toBe(2 * GB);
  });

  it('rounds a fractional value to a whole number half to even (as .NET converts)', () => {
    expect(parseOne('Set-VMMemory X -Buffer 20.5').params.Buffer).toBe(20);
    expect(parseOne('Set-VMMemory X -Buffer 21.5').params.Buffer).toBe(22);
  });

  it('reads a negative number as an argument, not a parameter', () => {
    expect(parseOne('Wait-Job 1 -Timeout -1').params.Timeout).toBe(-1);
  });

  it('keeps a number written for a string parameter as written', () => {
    expect(parseOne('Get-VM 007,4GB').params.Name).toEqual(['007', '4GB']);
  });
});

describe('booleans, arrays and hashtables', () => {
  it('reads $true and $false in any case', () => {
    expect(parseOne('Set-VMHost -UseAnyNetworkForMigration $FALSE').params.UseAnyNetworkForMigration).toBe(false);
    expect(parseOne('Set-VMMemory X -DynamicMemoryEnabled $True').params.DynamicMemoryEnabled).toBe(true);
    expect(parseOne('Set-VMMemory X -DynamicMemoryEnabled 0').params.DynamicMemoryEnabled).toBe(false);
  });

  it('reads a,b,c arrays, with spaces and line breaks after commas', () => {
    expect(parseOne('Get-VM DC01, SQL01 ,\n  WEB01').params.Name).toEqual(['DC01', 'SQL01', 'WEB01']);
  });

  it('reads @( ) arrays separated by commas, semicolons or newlines', () => {
    expect(parseOne('New-NetLbfoTeam T -TeamMembers @("NIC1", \'NIC2\'\n"NIC3"; "NIC4")').params.TeamMembers).toEqual(['NIC1', 'NIC2', 'NIC3', 'NIC4']);
    expect(parseOne('Get-Job -Id @(1,2)').params.Id).toEqual([1, 2]);
  });

  it('reads hashtables with bare or quoted keys, ; or newline separated, canonicalizing known keys', () => {
    const c = parseOne(
      `Move-VMStorage X -Vhds @{sourcefilepath='C:\\a.vhdx'
         'DESTINATIONFILEPATH' = "D:\\a.vhdx" }, @{ SourceFilePath = 'C:\\b.vhdx'; DestinationFilePath = 'D:\\b.vhdx' }`,
    );
    expect(c.params.Vhds).toEqual([
      { SourceFilePath: 'C:\\a.vhdx', DestinationFilePath: 'D:\\a.vhdx' },
      { SourceFilePath: 'C:\\b.vhdx', DestinationFilePath: 'D:\\b.vhdx' },
    ]);
  });

  it('reads an empty hashtable and an empty array', () => {
    expect(parseOne('Move-VMStorage X -Vhds @()').params.Vhds).toEqual([]);
    expect(parseOne('Move-VMStorage X -Vhds @{}').params.Vhds).toEqual([{}]);
  });
});

describe('syntax errors, in PowerShell words, with where they point', () => {
  it.each([
    ["Get-VM 'unterminated", "The string is missing the terminator: '.", 1, 8],
    ['Get-VM "unterminated', 'The string is missing the terminator: ".', 1, 8],
    ['Move-VMStorage X -Vhds @{a="b"', 'The hash literal was incomplete.', 1, 24],
    ['Move-VMStorage X -Vhds @{a "b"}', "Missing '=' operator after key in hash literal.", 1, 28],
    ['Move-VMStorage X -Vhds @{a=}', "Missing statement after '=' in hash literal.", 1, 27],
    ["Move-VMStorage X -Vhds @{a='1';A='2'}", "Duplicate keys 'A' are not allowed in hash literals.", 1, 32],
    ['Get-VM -Name @("a"', "Missing closing ')' in subexpression.", 1, 14],
    ['Get-VM |', 'An empty pipe element is not allowed.', 1, 8],
    ['| Get-VM', 'An empty pipe element is not allowed.', 1, 1],
    ['Get-VM a,', "Missing expression after ','.", 1, 9],
    ['Get-VM )', "Unexpected token ')' in expression or statement.", 1, 8],
    ['Get-VM <# open', "Missing closing '#>' of the comment block that starts here.", 1, 8],
    [
      'Get-VM @(DC01)',
      "'@(DC01)' has a value only when the script runs; this reads commands without running them (run the script at the console's prompt or with hvlab run).",
      1,
      8,
    ],
    ['Get-VM @("a" b)', "Unexpected token 'b' in expression or statement.", 1, 14],
  ])('%s', (text, message, line, column) => {
    const e = parseError(text);
    expect(e.message).toBe(message);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  it('points at the right line of a multi-line script', () => {
    const e = parseError('Get-VM\nGet-VMHost\n  Set-VMHost -Foo 1');
    expect(e).toMatchObject({ line: 3, column: 14, statementIndex: 2, parameter: 'Foo' });
  });

  it('reads commands without running them, and says which part needs the script to run', () => {
    // Variables, ( ) and script blocks are part of the language now (test/unit/scripting/language.test.ts);
    // parseScript, which binds commands without running anything, names the part it cannot bind.
    expect(parseError('Get-VM $name').message).toMatch(/^'\$name' has a value only when the script runs/);
    expect(parseError('Get-VM "$name"').message).toMatch(/^'"\$name"' has a value only when the script runs/);
    expect(parseError('Get-VM (Get-VMHost)').message).toMatch(/has a value only when the script runs/);
    expect(parseError('$x = 5').message).toMatch(/has a value only when the script runs/);
    expect(parseError('Get-VM { x }').message).toMatch(/has a value only when the script runs/);
  });

  it('explains what the console does not support', () => {
    expect(parseError('Get-VM @args').message).toMatch(/Splatting/);
    expect(parseError("Get-VM @'\nx\n'@").message).toMatch(/Here-strings/);
    expect(parseError('[int]5').message).toMatch(/Type literals/);
    // Method calls are language now (test/unit/scripting/operators.test.ts); only a running script has their values.
    expect(parseError('$vm.ToString()').message).toMatch(/has a value only when the script runs/);
    expect(parseError('Get-VM > out.txt').message).toMatch(/Redirection/);
  });
});
