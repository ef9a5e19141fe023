// The catalog: every cmdlet of the brief is registered with a consistent signature.
import { describe, expect, it } from 'vitest';
import { allSignatures, findSignature } from '../../../engine/cmdlets/registry';
import { allCmdlets, findCmdlet } from '../../../engine/command-table';
import { setNames } from '../../../engine/cmdlets/parameter-sets';

const expected = [
  'Get-Service',
  'Stop-Service',
  'Start-Service',
  'Set-Service',
  'Get-VM',
  'Start-VM',
  'Stop-VM',
  'Restart-VM',
  'Checkpoint-VM',
  'Set-VM',
  'Set-VMMemory',
  'Set-VMProcessor',
  'Save-VM',
  'Suspend-VM',
  'Resume-VM',
  'Rename-VM',
  'Remove-VM',
  'Get-VMSnapshot',
  'Restore-VMSnapshot',
  'Remove-VMSnapshot',
  'Rename-VMSnapshot',
  'Move-VMStorage',
  'Move-VM',
  'Compare-VM',
  'Get-VMHost',
  'Set-VMHost',
  'Enable-VMMigration',
  'Disable-VMMigration',
  'Add-VMMigrationNetwork',
  'Remove-VMMigrationNetwork',
  'Get-VMMigrationNetwork',
  'Get-NetAdapter',
  'Enable-NetAdapter',
  'Disable-NetAdapter',
  'Get-NetAdapterRdma',
  'Enable-NetAdapterRdma',
  'Disable-NetAdapterRdma',
  'New-NetLbfoTeam',
  'Remove-NetLbfoTeam',
  'Get-NetLbfoTeam',
  'Get-NetLbfoTeamMember',
  'Add-NetLbfoTeamMember',
  'Remove-NetLbfoTeamMember',
  'Set-NetLbfoTeamMember',
  'Set-SmbBandwidthLimit',
  'Get-SmbBandwidthLimit',
  'Remove-SmbBandwidthLimit',
  'Get-SmbMultichannelConnection',
  'Get-SmbClientNetworkInterface',
  'Get-Job',
  'Stop-Job',
  'Wait-Job',
  'Get-VMSwitch',
  'New-VMSwitch',
  'Set-VMSwitch',
  'Rename-VMSwitch',
  'Remove-VMSwitch',
  'Get-VMNetworkAdapter',
  'Connect-VMNetworkAdapter',
  'Disconnect-VMNetworkAdapter',
  'Get-VMNetworkAdapterVlan',
  'Set-VMNetworkAdapterVlan',
  'New-VM',
  'New-VHD',
  'Get-VHD',
  'Resize-VHD',
  'Convert-VHD',
  'Optimize-VHD',
  'Merge-VHD',
  'Get-VMHardDiskDrive',
  'Add-VMHardDiskDrive',
  'Remove-VMHardDiskDrive',
  'Set-VMDvdDrive',
  'Get-Help',
  'Get-Command',
  'Get-SmbClientConfiguration',
  'Set-SmbClientConfiguration',
  'Get-SmbServerConfiguration',
  'Set-SmbServerConfiguration',
  'New-SmbMultichannelConstraint',
  'Get-SmbMultichannelConstraint',
  'Remove-SmbMultichannelConstraint',
  'Update-SmbMultichannelConnection',
  'Get-SmbConnection',
  'Get-SmbServerNetworkInterface',
  'Get-VMProcessor',
  'Get-VMIntegrationService',
  'Enable-VMIntegrationService',
  'Disable-VMIntegrationService',
  'Get-VMBios',
  'Set-VMBios',
  'Get-VMFirmware',
  'Set-VMFirmware',
  'Add-VMNetworkAdapter',
  'Add-VMScsiController',
  'Add-VMDvdDrive',
  'Rename-NetAdapter',
  'Get-NetAdapterAdvancedProperty',
  'Set-NetAdapterAdvancedProperty',
  'Get-NetAdapterRss',
  'Get-NetIPAddress',
  'New-NetIPAddress',
  'Remove-NetIPAddress',
  'Get-SmbShare',
  'New-SmbShare',
  'Remove-SmbShare',
  'Grant-SmbShareAccess',
  'Get-SmbShareAccess',
  'Test-Connection',
  'Get-VMMemory',
  'Export-VM',
  'Import-VM',
  'New-NetQosPolicy',
  'Get-NetQosPolicy',
  'Set-NetQosPolicy',
  'Remove-NetQosPolicy',
  'Get-NetQosFlowControl',
  'Enable-NetQosFlowControl',
  'Disable-NetQosFlowControl',
  'New-NetQosTrafficClass',
  'Get-NetQosTrafficClass',
  'Set-NetQosTrafficClass',
  'Remove-NetQosTrafficClass',
  'Get-NetQosDcbxSetting',
  'Set-NetQosDcbxSetting',
  'Get-NetAdapterQos',
  'Enable-NetAdapterQos',
  'Disable-NetAdapterQos',
  'Get-WindowsFeature',
  'Install-WindowsFeature',
  'Export-VMSnapshot',
];

describe('catalog', () => {
  it('registers every cmdlet of the brief, once', () => {
    expect(
      allSignatures()
        .map((s) => s.name)
        .sort(),
    ).toEqual([...expected].sort());
    for (const name of expected) expect(findSignature(name.toUpperCase())?.name).toBe(name);
  });

  it('the command table runs exactly the signatures the language knows, with the same declarations', () => {
    expect(allCmdlets().map((d) => d.signature)).toEqual(allSignatures());
    for (const sig of allSignatures()) {
      for (const name of [sig.name, ...(sig.aliases ?? [])]) expect(findCmdlet(name.toLowerCase())?.signature).toBe(sig);
    }
  });

  for (const sig of allSignatures()) {
    it(`${sig.name}: names unique, one parameter per position per set, default set declared when sets are`, () => {
      const names = sig.parameters.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase()));
      expect(new Set(names).size).toBe(names.length);
      const sets = setNames(sig);
      if (sets.length > 1) expect(sets).toContain(sig.defaultSet);
      for (const set of sets) {
        const positions = sig.parameters.filter((p) => p.position !== undefined && (!p.sets || p.sets.includes(set))).map((p) => p.position);
        expect(new Set(positions).size).toBe(positions.length);
      }
      for (const p of sig.parameters) {
        if (p.type === 'Enum' || p.type === 'Enum[]') expect(p.values?.length).toBeGreaterThan(0);
        if (p.type === 'Switch') expect(p.position).toBeUndefined();
      }
    });
  }
});
