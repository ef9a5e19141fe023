// The two long examples of the Hyper-V module's cmdlet help for Windows Server 2012 R2, and the other one-liners it quotes,
// parse to the command objects the engine runs and format back to canonical text.
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../../engine/cmdlets/format';
import { GB, MB, parseOne } from './helpers';

describe('reference examples', () => {
  it('Move-VMStorage per item with -VHDs', () => {
    const text =
      'Move-VMStorage "Test VM" -VirtualMachinePath D:\\TestVM\\Config -SnapshotFilePath D:\\TestVM\\Snapshots -SmartPagingFilePath D:\\TestVM\\SmartPaging -VHDs @(@{"SourceFilePath"="C:\\TestVM\\Disk1.VHDX";"DestinationFilePath"="D:\\TestVM\\Disks\\Disk1.VHDX"})';
    const c = parseOne(text);
    expect(c).toEqual({
      cmdlet: 'Move-VMStorage',
      params: {
        VMName: 'Test VM',
        VirtualMachinePath: 'D:\\TestVM\\Config',
        SnapshotFilePath: 'D:\\TestVM\\Snapshots',
        SmartPagingFilePath: 'D:\\TestVM\\SmartPaging',
        Vhds: [{ SourceFilePath: 'C:\\TestVM\\Disk1.VHDX', DestinationFilePath: 'D:\\TestVM\\Disks\\Disk1.VHDX' }],
      },
    });
    expect(formatCommand(c)).toBe(
      'Move-VMStorage -VMName \'Test VM\' -VirtualMachinePath D:\\TestVM\\Config -SnapshotFilePath D:\\TestVM\\Snapshots -SmartPagingFilePath D:\\TestVM\\SmartPaging -Vhds @(@{"SourceFilePath"="C:\\TestVM\\Disk1.VHDX";"DestinationFilePath"="D:\\TestVM\\Disks\\Disk1.VHDX"})',
    );
  });

  it('Move-VM LMTest TestServer02 -IncludeStorage -DestinationStoragePath D:\\LMTest', () => {
    const c = parseOne('Move-VM LMTest TestServer02 -IncludeStorage -DestinationStoragePath D:\\LMTest');
    expect(c).toEqual({
      cmdlet: 'Move-VM',
      params: { Name: 'LMTest', DestinationHost: 'TestServer02', IncludeStorage: true, DestinationStoragePath: 'D:\\LMTest' },
    });
    expect(formatCommand(c)).toBe('Move-VM -Name LMTest -DestinationHost TestServer02 -IncludeStorage -DestinationStoragePath D:\\LMTest');
  });

  it('the other one-liners of the Hyper-V module cmdlet help for Windows Server 2012 R2', () => {
    expect(parseOne('Move-VMStorage "Test VM" D:\\TestVM')).toEqual({
      cmdlet: 'Move-VMStorage',
      params: { VMName: 'Test VM', DestinationStoragePath: 'D:\\TestVM' },
    });
    expect(
      parseOne(
        'Set-VMHost -VirtualMachineMigrationPerformanceOption SMB -MaximumVirtualMachineMigrations 4 -MaximumStorageMigrations 3 -VirtualMachineMigrationAuthenticationType Kerberos -UseAnyNetworkForMigration $false',
      ).params,
    ).toEqual({
      MaximumVirtualMachineMigrations: 4,
      MaximumStorageMigrations: 3,
      VirtualMachineMigrationAuthenticationType: 'Kerberos',
      VirtualMachineMigrationPerformanceOption: 'SMB',
      UseAnyNetworkForMigration: false,
    });
    expect(parseOne('Add-VMMigrationNetwork 192.168.10.0/24 -Priority 1').params).toEqual({ Subnet: '192.168.10.0/24', Priority: 1 });
    expect(parseOne('Set-VM DC01 -SmartPagingFilePath E:\\SmartPaging').params).toEqual({ Name: ['DC01'], SmartPagingFilePath: 'E:\\SmartPaging' });
    expect(
      parseOne('Set-VMMemory SQL01 -DynamicMemoryEnabled $true -StartupBytes 1GB -MinimumBytes 512MB -MaximumBytes 4GB -Buffer 20 -Priority 50').params,
    ).toEqual({
      VMName: ['SQL01'],
      DynamicMemoryEnabled: true,
      StartupBytes: GB,
      MinimumBytes: 512 * MB,
      MaximumBytes: 4 * GB,
      Buffer: 20,
      Priority: 50,
    });
    expect(parseOne('Set-VMProcessor TEST01 -CompatibilityForMigrationEnabled $true').params).toEqual({
      VMName: ['TEST01'],
      CompatibilityForMigrationEnabled: true,
    });
    expect(parseOne('Set-SmbBandwidthLimit -Category LiveMigration -BytesPerSecond 750MB').params).toEqual({
      Category: 'LiveMigration',
      BytesPerSecond: 750 * MB,
    });
    expect(parseOne('Enable-NetAdapterRdma SMB1').params).toEqual({ Name: ['SMB1'] });
  });
});
