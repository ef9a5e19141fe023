// The string, format and range operators and method calls, checked against Windows PowerShell 4.0's
// own examples written out from its documentation (about_Split, about_Join,
// about_Comparison_Operators for -replace, about_Operators for -f and .., about_Methods), each
// run through hvlab run as a script would be.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { formatScriptReport, runScript } from '../../../engine/scripting/run-script';

/** What the script printed (its display lines), or ERROR: and the message for a failed statement. */
function printed(text: string): string[] {
  const report = runScript(new Engine({ world: defaultWorld() }), text);
  return report.statements.flatMap((s) => (s.ok ? (s.display ?? []) : [`ERROR: ${s.error?.message ?? ''}`]));
}

describe('transcripts from the about_ topics', () => {
  it('-split (about_Split)', () => {
    expect(printed('"Lastname:FirstName:Address" -split ":"')).toEqual(['Lastname', 'FirstName', 'Address']);
    expect(printed('"Lastname/:/FirstName/:/Address" -split "/:/"')).toEqual(['Lastname', 'FirstName', 'Address']);
    // A maximum number of substrings: the last one keeps the rest.
    expect(printed('"Mercury,Venus,Earth,Mars,Jupiter" -split ",", 3')).toEqual(['Mercury', 'Venus', 'Earth,Mars,Jupiter']);
    // Captured delimiters are kept; -csplit is case-sensitive.
    expect(printed('"Mercury,Venus" -split "(,)"')).toEqual(['Mercury', ',', 'Venus']);
    expect(printed('"aXbxc" -csplit "x"')).toEqual(['aXb', 'c']);
    expect(printed('-split " red  black white "')).toEqual(['red', 'black', 'white']);
  });

  it('-join (about_Join)', () => {
    expect(printed('-join ("Windows", "PowerShell", "2.0")')).toEqual(['WindowsPowerShell2.0']);
    expect(printed('"Windows", "PowerShell", "2.0" -join " "')).toEqual(['Windows PowerShell 2.0']);
    expect(printed('$z = "WIND", "S P", "ERSHELL"; $z -join "OW"')).toEqual(['WINDOWS POWERSHELL']);
  });

  it('-replace (about_Comparison_Operators)', () => {
    expect(printed('"Get-Process" -replace "Get", "Stop"')).toEqual(['Stop-Process']);
    expect(printed('"book" -replace "B", "C"')).toEqual(['Cook']);
    expect(printed('"book" -creplace "B", "C"')).toEqual(['book']);
    expect(printed('"WEB01" -replace "(?<role>[A-Z]+)(\\d+)", \'${role}-$2\'')).toEqual(['WEB-01']);
    expect(printed('"abc" -replace "b"')).toEqual(['ac']);
    expect(printed('"a","b" -replace "a", "x"')).toEqual(['x', 'b']);
  });

  it('-f (about_Operators, "Composite Formatting")', () => {
    expect(printed('"{0} {1,-10} {2:N}" -f 1, "hello", 3.14159265358979')).toEqual(['1 hello      3.14']);
    expect(printed('"{0:N0} MB" -f 2048.6')).toEqual(['2,049 MB']);
    expect(printed('"{0,5}|{0,-5}|" -f "ab"')).toEqual(['   ab|ab   |']);
    expect(printed('"{0:D3} {0:X} {1:P1} {1:F3}" -f 42, 0.125')).toEqual(['042 2A 12.5 % 0.125']);
    expect(printed('"{{literal}} {0}" -f "x"')).toEqual(['{literal} x']);
    expect(printed('"{0:0.00} {1:#,##0}" -f 3.14159, 1234567')).toEqual(['3.14 1,234,567']);
    expect(printed('"{1}" -f "only one"')).toEqual([
      'ERROR: Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..',
    ]);
  });

  it('the range operator (about_Operators)', () => {
    expect(printed('1..4')).toEqual(['1', '2', '3', '4']);
    expect(printed('3..1 -join ","')).toEqual(['3,2,1']);
    expect(printed('$n = 3; (1..$n).Count')).toEqual(['3']);
    expect(printed('foreach ($i in 1..2) { "VM{0:D2}" -f $i }')).toEqual(['VM01', 'VM02']);
    // Too large a range is refused before anything is allocated.
    expect(printed('1..100000000')[0]).toMatch(/^ERROR: The range 1\.\.100000000 has 100,000,000 numbers; an array holds at most 1,000,000 here\.$/);
  });
});

describe('method calls (about_Methods)', () => {
  it("calls the common string methods on a cmdlet object's properties", () => {
    expect(printed('$vm = Get-VM WEB01; $vm.Name.ToUpper(); $vm.Name.ToLower().Substring(0, 3); $vm.Name.Replace("01", "02")')).toEqual([
      'WEB01',
      'web',
      'WEB02',
    ]);
    expect(printed('"  pad ".Trim().PadLeft(6, "*"); "a,b;c".Split(",;"); "HV01".StartsWith("HV"); "HV01".Contains("x")')).toEqual([
      '***pad',
      'a',
      'b',
      'c',
      'True',
      'False',
    ]);
    expect(printed('"{0}" -f (3.5).ToString("N2"); (Get-VM).Name.ToLower()')).toEqual(['3.50', 'dc01', 'sql01', 'web01']);
    expect(printed('$h = @{ A = 1 }; $h.ContainsKey("a"); $h.Add("B", 2); $h.Count; ("x").GetType().FullName')).toEqual(['True', '2', 'System.String']);
  });

  it('refuses as PowerShell does, with its error records', () => {
    const script = '"abc".Foo()\n$nothing.ToUpper()\n"abc".Substring(1, 2, 3)\n"abc".Substring(5)';
    expect(printed(script)).toEqual([
      "ERROR: Method invocation failed because [System.String] does not contain a method named 'Foo'.",
      'ERROR: You cannot call a method on a null-valued expression.',
      'ERROR: Cannot find an overload for "Substring" and the argument count: "3".',
      'ERROR: Exception calling "Substring": "Index and length must refer to a location within the string."',
    ]);
    const text = formatScriptReport(runScript(new Engine({ world: defaultWorld() }), script), script);
    expect(text).toContain(
      [
        "Method invocation failed because [System.String] does not contain a method named 'Foo'.",
        'At line:1 char:1',
        '+ "abc".Foo()',
        '+ ~~~~~~~~~~~',
        '    + CategoryInfo          : InvalidOperation: (Foo:String) [], RuntimeException',
        '    + FullyQualifiedErrorId : MethodNotFound',
      ].join('\n'),
    );
    expect(text).toContain('    + CategoryInfo          : InvalidOperation: (:) [], RuntimeException\n    + FullyQualifiedErrorId : InvokeMethodOnNull');
  });
});
