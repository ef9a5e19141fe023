// Tab completion: cmdlet names, parameter names not yet given, enum and boolean values, and —
// given the world — VM and computer names.
import { describe, expect, it } from 'vitest';
import { complete } from '../../../engine/cmdlets/complete';
import { defaultWorld } from '../../../engine/model/default-world';

const at = (text: string, world?: ReturnType<typeof defaultWorld>) => complete(text, text.length, world);

describe('complete', () => {
  it('cmdlet names at the start of a statement, after ; and after |', () => {
    expect(at('Move-')).toEqual({ replaceFrom: 0, candidates: ['Move-VM', 'Move-VMStorage'] });
    expect(at('get-vmm')).toEqual({ replaceFrom: 0, candidates: ['Get-VMMemory', 'Get-VMMigrationNetwork'] });
    expect(at('Get-VM; Set-VMM')).toEqual({ replaceFrom: 8, candidates: ['Set-VMMemory'] });
    expect(at('Get-VM DC01 | Mo').candidates).toEqual(['Move-VM', 'Move-VMStorage']);
    expect(at('').candidates.length).toBeGreaterThan(30);
  });

  it('parameter names after a dash, in signature order, skipping those already given', () => {
    expect(at('Move-VMStorage X -S')).toEqual({ replaceFrom: 17, candidates: ['-SnapshotFilePath', '-SmartPagingFilePath'] });
    expect(at('Set-VMMemory X -StartupBytes 1GB -M')).toEqual({ replaceFrom: 33, candidates: ['-MinimumBytes', '-MaximumBytes'] });
    // The cmdlet's own parameters, then the common ones (Tab in PowerShell offers both, in that order).
    expect(at('Stop-VM X -Force -').candidates).toEqual([
      '-Name',
      '-ComputerName',
      '-Save',
      '-TurnOff',
      '-AsJob',
      '-Passthru',
      '-Verbose',
      '-Debug',
      '-WhatIf',
      '-Confirm',
    ]);
    expect(at('Stop-VM -VMName X -').candidates).not.toContain('-Name');
  });

  it('then the common parameters the console takes: -WhatIf and -Confirm only where the cmdlet changes something', () => {
    expect(at('Remove-VM X -W').candidates).toEqual(['-WhatIf']);
    expect(at('Remove-VM X -Co').candidates).toEqual(['-ComputerName', '-Confirm']);
    expect(at('Remove-VM X -Confirm:$false -Co').candidates).toEqual(['-ComputerName']);
    expect(at('Get-VM -W').candidates).toEqual([]);
    expect(at('Get-VM -V').candidates.at(-1)).toBe('-Verbose');
    // -ErrorAction is refused by the binder here, so Tab does not offer it.
    expect(at('Get-VM -Er').candidates).toEqual([]);
  });

  it('enum values and booleans after their parameter, or after -Param:', () => {
    expect(at('Set-VMHost -VirtualMachineMigrationPerformanceOption ')).toEqual({ replaceFrom: 53, candidates: ['TCPIP', 'Compression', 'SMB'] });
    expect(at('Set-VMHost -VirtualMachineMigrationPerformanceOption c').candidates).toEqual(['Compression']);
    expect(at('Set-SmbBandwidthLimit -Category:Li')).toEqual({ replaceFrom: 32, candidates: ['LiveMigration'] });
    expect(at('Get-SmbBandwidthLimit Default,Li')).toEqual({ replaceFrom: 30, candidates: ['LiveMigration'] });
    expect(at('Set-VMHost -UseAnyNetworkForMigration ').candidates).toEqual(['$true', '$false']);
    expect(at('New-NetLbfoTeam T NIC1,NIC2 -TeamingMode ').candidates).toEqual(['SwitchIndependent', 'Static', 'Lacp']);
  });

  it('VM and computer names from the world, positional or named', () => {
    const w = defaultWorld();
    expect(at('Start-VM S', w)).toEqual({ replaceFrom: 9, candidates: ['SQL01'] });
    expect(at('Move-VM SQL01 H', w).candidates).toEqual(['HV01', 'HV02']);
    expect(at('Get-VMHost -ComputerName F', w).candidates).toEqual(['FS01']);
    expect(at('Set-VMMemory -VMName ', w).candidates).toEqual(['APP01', 'DC01', 'SQL01', 'TEST01', 'WEB01']);
  });

  it('quotes a candidate that needs quotes', () => {
    const w = defaultWorld();
    w.vms[0]!.name = 'Test VM';
    expect(at('Start-VM T', w).candidates).toEqual(["'Test VM'", 'TEST01']);
  });

  it('completes in the middle of the text, up to the cursor', () => {
    const text = 'Move-VMStorage X -Sn D:\\Y';
    expect(complete(text, 20)).toEqual({ replaceFrom: 17, candidates: ['-SnapshotFilePath'] });
  });

  it('offers nothing for an unknown cmdlet or a free-text value', () => {
    expect(at('Foo-Bar -').candidates).toEqual([]);
    expect(at('Set-VM X -Notes ').candidates).toEqual([]);
  });
});
