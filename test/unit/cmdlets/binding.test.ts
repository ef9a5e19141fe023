// How typed parameters bind: names in any case and as unique prefixes, aliases, positions,
// switches, parameter sets and pipelines — and every binder error in PowerShell's words, with
// the line and column it points at.
import { describe, expect, it } from 'vitest';
import { GB, MB, parse, parseError, parseOne } from './helpers';
import { parseScript } from '../../../engine/cmdlets';

describe('parameter names', () => {
  it('match in any case', () => {
    expect(parseOne('move-vmstorage -vmname X -destinationstoragepath D:\\Y').params).toEqual({ VMName: 'X', DestinationStoragePath: 'D:\\Y' });
  });

  it('match by a unique prefix, bound under the canonical name', () => {
    expect(parseOne('Set-VMMemory X -Dyn $true -Start 1GB -Min 512MB -Max 4GB -Buf 20 -Pr 50').params).toEqual({
      VMName: ['X'],
      DynamicMemoryEnabled: true,
      StartupBytes: GB,
      MinimumBytes: 512 * MB,
      MaximumBytes: 4 * GB,
      Buffer: 20,
      Priority: 50,
    });
  });

  it('match aliases, exactly or by prefix', () => {
    expect(parseOne('Get-VM -VMName DC01').params).toEqual({ Name: ['DC01'] });
    expect(parseOne('Start-VM -VMN DC01').params).toEqual({ Name: ['DC01'] });
    expect(parseOne('Get-NetAdapter -InterfaceAlias SMB1').params).toEqual({ Name: ['SMB1'] });
    expect(parseOne('Get-NetAdapter -ifDesc Chelsio*').params).toEqual({ InterfaceDescription: ['Chelsio*'] });
    expect(parseOne('Wait-Job 1 -TimeoutSec 30').params).toEqual({ Id: [1], Timeout: 30 });
  });

  it('read -0 as 0, as PowerShell does, so the command prints and reads back the same', () => {
    for (const zero of ['-0', '-0.0', '-0x0', '-0KB']) {
      const { Timeout } = parseOne(`Wait-Job 1 -Timeout ${zero}`).params as { Timeout: number };
      expect(Object.is(Timeout, 0), zero).toBe(true);
    }
  });

  it('prefer an exact name over longer names it prefixes', () => {
    expect(parseOne('Get-Job -Id 1').params).toEqual({ Id: [1] });
  });

  it('refuse an ambiguous prefix, listing the candidates as PowerShell does', () => {
    const e = parseError('Move-VM X HV02 -D D:\\Y');
    expect(e.message).toBe(
      "Parameter cannot be processed because the parameter name 'D' is ambiguous. Possible matches include: -DestinationHost -DestinationStoragePath -Debug.",
    );
    expect([e.line, e.column, e.parameter]).toEqual([1, 16, 'D']);
  });

  it('refuse an unknown parameter, pointing at it', () => {
    const e = parseError('Get-VM -Foo');
    expect(e.message).toBe("A parameter cannot be found that matches parameter name 'Foo'.");
    expect([e.line, e.column, e.parameter]).toEqual([1, 8, 'Foo']);
  });

  it('accept -Verbose, -Debug and -Confirm:$false, which change nothing here', () => {
    expect(parseOne('Stop-VM DC01 -Verbose -Confirm:$false -Debug').params).toEqual({ Name: ['DC01'] });
  });

  it('refuse the common parameters that would change what happens; read -WhatIf and -Confirm for the runner', () => {
    // -WhatIf and -Confirm are not parameters of the engine's command: they travel beside it (should-process.ts).
    const switchesOf = (text: string) => {
      const r = parseScript(text);
      return r.ok ? [r.statements[0]!.params, r.statements[0]!.switches] : r.error.message;
    };
    expect(switchesOf('Stop-VM DC01 -WhatIf')).toEqual([{ Name: ['DC01'] }, { WhatIf: true }]);
    expect(switchesOf('Stop-VM DC01 -Confirm:$false -wi:$false')).toEqual([{ Name: ['DC01'] }, { Confirm: false, WhatIf: false }]);
    expect(parseError('Stop-VM DC01 -Confirm:').message).toBe(
      "Missing an argument for parameter 'Confirm'. Specify a parameter of type 'System.Management.Automation.SwitchParameter' and try again.",
    );
    expect(parseError('Stop-VM DC01 -ErrorAction SilentlyContinue').message).toMatch(/'-ErrorAction'/);
    expect(parseError('Get-VM -WhatIf').message).toBe("A parameter cannot be found that matches parameter name 'WhatIf'.");
  });

  it('refuse a parameter given twice', () => {
    expect(parseError('Get-VM -Name a -VMName b').message).toBe(
      'Cannot bind parameter because parameter \'Name\' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".',
    );
  });
});

describe('arguments', () => {
  it('bind -Name:value and -Name: value', () => {
    expect(parseOne('Get-VM -Name:DC01').params).toEqual({ Name: ['DC01'] });
    expect(parseOne('Get-VM -Name: DC01,SQL01').params).toEqual({ Name: ['DC01', 'SQL01'] });
  });

  it('bind switches bare or with :$true / :$false', () => {
    expect(parseOne('Stop-VM X -TurnOff -Force:$false -AsJob:$true').params).toEqual({ Name: ['X'], TurnOff: true, Force: false, AsJob: true });
  });

  it('do not let a switch take the next argument', () => {
    const e = parseError('Stop-VM X -Force $false');
    expect(e.message).toBe("A positional parameter cannot be found that accepts argument 'False'.");
    expect(e.column).toBe(18);
  });

  it('wrap a single value for an array parameter', () => {
    expect(parseOne('Get-VMHost HV01').params).toEqual({ ComputerName: ['HV01'] });
  });

  it('canonicalize enum values, case-insensitively', () => {
    expect(parseOne('Set-VMHost -VirtualMachineMigrationPerformanceOption tcpip -VirtualMachineMigrationAuthenticationType kerberos').params).toEqual({
      VirtualMachineMigrationPerformanceOption: 'TCPIP',
      VirtualMachineMigrationAuthenticationType: 'Kerberos',
    });
    expect(parseOne('Get-SmbBandwidthLimit default,LIVEMIGRATION').params).toEqual({ Category: ['Default', 'LiveMigration'] });
  });

  it('allow -- to end the parameters', () => {
    expect(parseOne('Get-VM -- -odd-name').params).toEqual({ Name: ['-odd-name'] });
  });
});

describe('positional parameters', () => {
  it('bind in position order within the resolved set', () => {
    expect(parseOne('Move-VMStorage DC01 D:\\New').params).toEqual({ VMName: 'DC01', DestinationStoragePath: 'D:\\New' });
    expect(parseOne('Move-VM SQL01 HV02 -IncludeStorage').params).toEqual({ Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true });
    expect(parseOne('New-NetLbfoTeam Team2 SMB1,SMB2').params).toEqual({ Name: 'Team2', TeamMembers: ['SMB1', 'SMB2'] });
    expect(parseOne('Add-VMMigrationNetwork 192.168.10.0/24 -Priority 3').params).toEqual({ Subnet: '192.168.10.0/24', Priority: 3 });
  });

  it('fill the positions a named parameter left open', () => {
    expect(parseOne('Move-VMStorage -VMName DC01 D:\\New').params).toEqual({ VMName: 'DC01', DestinationStoragePath: 'D:\\New' });
    expect(parseOne('Move-VM -Name SQL01 HV02').params).toEqual({ Name: 'SQL01', DestinationHost: 'HV02' });
  });

  it('choose between sets by what the argument converts to (Get-Job 3 vs Get-Job name)', () => {
    expect(parseOne('Get-Job 3').params).toEqual({ Id: [3] });
    expect(parseOne('Get-Job nightly').params).toEqual({ Name: ['nightly'] });
  });

  it('refuse an argument no position accepts, pointing at it', () => {
    const e = parseError('Get-VM a b');
    expect(e.message).toBe("A positional parameter cannot be found that accepts argument 'b'.");
    expect([e.line, e.column]).toEqual([1, 10]);
    expect(parseError('Move-VMStorage X -VirtualMachinePath D:\\C D:\\Y').message).toBe(
      "A positional parameter cannot be found that accepts argument 'D:\\Y'.",
    );
  });
});

describe('parameter sets', () => {
  it('resolve the set from the named parameters', () => {
    expect(parseOne('Move-VMStorage X -SnapshotFilePath D:\\S').params).toEqual({ VMName: 'X', SnapshotFilePath: 'D:\\S' });
    expect(parseOne('Get-NetAdapter -InterfaceDescription Chelsio*').params).toEqual({ InterfaceDescription: ['Chelsio*'] });
  });

  it('refuse parameters from different sets', () => {
    const e = parseError('Move-VMStorage X -DestinationStoragePath D:\\Y -Vhds @()');
    expect(e.message).toBe('Parameter set cannot be resolved using the specified named parameters.');
    expect([e.column, e.parameter]).toEqual([47, 'Vhds']);
    expect(parseError('Get-Job -Id 1 -Name x').message).toBe('Parameter set cannot be resolved using the specified named parameters.');
  });

  it('pick the default set and report its missing mandatory parameters at the command', () => {
    const e = parseError('Move-VMStorage X');
    expect(e.message).toBe('Cannot process command because of one or more missing mandatory parameters: DestinationStoragePath.');
    expect([e.line, e.column, e.parameter]).toEqual([1, 1, 'DestinationStoragePath']);
  });

  it('list every missing mandatory parameter', () => {
    expect(parseError('  Move-VM').message).toBe('Cannot process command because of one or more missing mandatory parameters: Name DestinationHost.');
    expect(parseError('  Move-VM').column).toBe(3);
    expect(parseError('Set-SmbBandwidthLimit').message).toBe(
      'Cannot process command because of one or more missing mandatory parameters: Category BytesPerSecond.',
    );
    expect(parseError('Stop-Job').message).toBe('Cannot process command because of one or more missing mandatory parameters: Id.');
  });
});

describe('pipelines', () => {
  it("bind the piped VM by name and keep the producer's -ComputerName", () => {
    expect(parseOne('Get-VM SQL01 | Move-VM -DestinationHost HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\SQL01')).toEqual({
      cmdlet: 'Move-VM',
      params: { Name: 'SQL01', DestinationHost: 'HV02', IncludeStorage: true, DestinationStoragePath: 'D:\\VMs\\SQL01' },
    });
    expect(parseOne('Get-VM -Name APP01 -ComputerName HV02 | Move-VMStorage -DestinationStoragePath E:\\APP01')).toEqual({
      cmdlet: 'Move-VMStorage',
      params: { VMName: 'APP01', ComputerName: ['HV02'], DestinationStoragePath: 'E:\\APP01' },
    });
  });

  it('pass several VMs at once to a parameter that takes several, one command each otherwise', () => {
    expect(parse('Get-VM DC01,SQL01 | Stop-VM -Save')).toEqual([{ cmdlet: 'Stop-VM', params: { Name: ['DC01', 'SQL01'], Save: true } }]);
    expect(parse('Get-VM DC01,SQL01 | Move-VM -DestinationHost HV02')).toEqual([
      { cmdlet: 'Move-VM', params: { Name: 'DC01', DestinationHost: 'HV02' } },
      { cmdlet: 'Move-VM', params: { Name: 'SQL01', DestinationHost: 'HV02' } },
    ]);
  });

  it('pipe adapters, teams and jobs too', () => {
    expect(parseOne('Get-NetAdapter SMB1 -CimSession HV02 | Disable-NetAdapterRdma')).toEqual({
      cmdlet: 'Disable-NetAdapterRdma',
      params: { Name: ['SMB1'], CimSession: ['HV02'] },
    });
    expect(parseOne('Get-NetLbfoTeam Team1 | Remove-NetLbfoTeam')).toEqual({ cmdlet: 'Remove-NetLbfoTeam', params: { Name: ['Team1'] } });
    expect(parseOne('Get-Job -Id 3 | Wait-Job -Timeout 60')).toEqual({ cmdlet: 'Wait-Job', params: { Id: [3], Timeout: 60 } });
    expect(parseOne('Get-Job -Name nightly | Stop-Job')).toEqual({ cmdlet: 'Stop-Job', params: { Name: ['nightly'] } });
  });

  it('refuse piping into a parameter that is already bound, or into a cmdlet that takes no such input', () => {
    const message =
      'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.';
    expect(parseError('Get-VM DC01 | Stop-VM SQL01').message).toBe(message);
    expect(parseError('Get-VM DC01 | Set-VMHost').message).toBe(message);
    expect(parseError('Get-VM DC01 | Move-VM HV02').message).toBe(message);
  });

  it('explain which pipelines it cannot expand', () => {
    expect(parseError('Get-VM | Stop-VM').message).toMatch(/Name the objects you pipe from Get-VM/);
    expect(parseError('Get-VM SQL* | Stop-VM').message).toMatch(/without wildcards/);
    expect(parseError('Start-VM DC01 | Stop-VM').message).toMatch(/pipes only from Get-VM/);
    expect(parseError('Get-VM A | Stop-VM | Start-VM').message).toMatch(/two commands only/);
  });
});

describe('binder errors in PowerShell words, each pointing at its text', () => {
  it.each([
    [
      'Set-VMMemory DC01 -MaximumBytes abc',
      'Cannot bind parameter \'MaximumBytes\'. Cannot convert value "abc" to type "System.Int64". Error: "Input string was not in a correct format."',
      33,
      'MaximumBytes',
    ],
    [
      'Set-VMMemory DC01 -MaximumBytes',
      "Missing an argument for parameter 'MaximumBytes'. Specify a parameter of type 'System.Int64' and try again.",
      19,
      'MaximumBytes',
    ],
    ['Get-VM -Name', "Missing an argument for parameter 'Name'. Specify a parameter of type 'System.String[]' and try again.", 8, 'Name'],
    [
      'Move-VMStorage -VMName -DestinationStoragePath D:\\Y',
      "Missing an argument for parameter 'VMName'. Specify a parameter of type 'System.String' and try again.",
      16,
      'VMName',
    ],
    ['Foo-Bar -Name x', "The term 'Foo-Bar' is not recognized as the name of a cmdlet, function, script file, or operable program.", 1, undefined],
    [
      'Set-VMMemory DC01 -Buffer 4',
      "Cannot validate argument on parameter 'Buffer'. The 4 argument is less than the minimum allowed range of 5. Supply an argument that is greater than or equal to 5 and then try the command again.",
      27,
      'Buffer',
    ],
    [
      'Set-VMMemory DC01 -Priority 101',
      "Cannot validate argument on parameter 'Priority'. The 101 argument is greater than the maximum allowed range of 100. Supply an argument that is less than or equal to 100 and then try the command again.",
      29,
      'Priority',
    ],
    [
      'Set-VMMemory DC01 -Buffer 3000000000',
      'Cannot bind parameter \'Buffer\'. Cannot convert value "3000000000" to type "System.Int32". Error: "Value was either too large or too small for an Int32."',
      27,
      'Buffer',
    ],
    [
      'Set-VMMemory DC01 -DynamicMemoryEnabled yes',
      'Cannot process argument transformation on parameter \'DynamicMemoryEnabled\'. Cannot convert value "System.String" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.',
      41,
      'DynamicMemoryEnabled',
    ],
    [
      'Set-VMHost -VirtualMachineMigrationPerformanceOption Fast',
      'Cannot bind parameter \'VirtualMachineMigrationPerformanceOption\'. Cannot convert value "Fast" to type "Microsoft.HyperV.PowerShell.VMMigrationPerformance". Error: "Unable to match the identifier name Fast to a valid enumerator name. Specify one of the following enumerator names and try again: TCPIP, Compression, SMB"',
      54,
      'VirtualMachineMigrationPerformanceOption',
    ],
    [
      "Get-VM -Name ''",
      "Cannot validate argument on parameter 'Name'. The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.",
      14,
      'Name',
    ],
    [
      "Move-VMStorage '' D:\\X",
      "Cannot validate argument on parameter 'VMName'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.",
      16,
      'VMName',
    ],
    [
      'Move-VMStorage a,b D:\\X',
      "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter 'VMName'. Specified method is not supported.",
      16,
      'VMName',
    ],
    [
      'Move-VMStorage X -Vhds C:\\a.vhdx',
      'Cannot bind parameter \'Vhds\'. Cannot convert the "C:\\a.vhdx" value of type "System.String" to type "System.Collections.Hashtable".',
      24,
      'Vhds',
    ],
    [
      'Set-SmbBandwidthLimit -Category Default -BytesPerSecond 512KB',
      "Cannot validate argument on parameter 'BytesPerSecond'. The 524288 argument is less than the minimum allowed range of 1048576. Supply an argument that is greater than or equal to 1048576 and then try the command again.",
      57,
      'BytesPerSecond',
    ],
  ])('%s', (text, message, column, parameter) => {
    const e = parseError(text);
    expect(e.message).toBe(message);
    expect(e.line).toBe(1);
    expect(e.column).toBe(column);
    expect(e.parameter).toBe(parameter);
  });

  it('suggests the closest cmdlet for a typo', () => {
    expect(parseError('Move-VMStorge X D:\\Y').fix).toBe('Did you mean Move-VMStorage?');
  });

  it('reports errors of a later statement with its index', () => {
    const e = parseError('Get-VM\nStart-VM DC01; Stop-VM -Bogus');
    expect(e).toMatchObject({ statementIndex: 2, line: 2, column: 24, parameter: 'Bogus' });
  });
});
