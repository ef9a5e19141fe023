// Signatures of the Hyper-V host settings that govern moves (Hyper-V Settings → Live Migrations,
// Storage Migrations; Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; the Hyper-V module's cmdlet help for Windows Server 2012 R2).
import { defineCmdlet } from '../signature';
import { computerName, passthru } from './common';

export const performanceOptions = ['TCPIP', 'Compression', 'SMB'] as const;
export const authenticationTypes = ['CredSSP', 'Kerberos'] as const;

export const getVmHostSignature = defineCmdlet({
  name: 'Get-VMHost',
  synopsis: 'Gets a Hyper-V host.',
  hostParameter: 'ComputerName',
  parameters: [computerName(0)],
});

export const setVmHostSignature = defineCmdlet({
  name: 'Set-VMHost',
  synopsis: 'Configures a Hyper-V host.',
  hostParameter: 'ComputerName',
  parameters: [
    computerName(0),
    // The cmdlet takes a UInt32; the 1..64 range is the lab's (Hyper-V Manager's spin boxes), unconfirmed.
    { name: 'MaximumVirtualMachineMigrations', type: 'Int', typeName: 'System.UInt32', min: 1, max: 64, help: 'Simultaneous live migrations (default 2).' },
    { name: 'MaximumStorageMigrations', type: 'Int', typeName: 'System.UInt32', min: 1, max: 64, help: 'Simultaneous storage migrations (default 2).' },
    {
      name: 'VirtualMachineMigrationAuthenticationType',
      type: 'Enum',
      values: authenticationTypes,
      typeName: 'Microsoft.HyperV.PowerShell.MigrationAuthenticationType',
      help: 'CredSSP (sign in on the source host) or Kerberos (constrained delegation).',
    },
    {
      name: 'VirtualMachineMigrationPerformanceOption',
      type: 'Enum',
      values: performanceOptions,
      typeName: 'Microsoft.HyperV.PowerShell.VMMigrationPerformance',
      help: 'How live migration sends memory: TCPIP, Compression (default) or SMB.',
    },
    { name: 'UseAnyNetworkForMigration', type: 'Bool', help: 'Accept incoming live migrations on any network, or only on the migration networks.' },
    { name: 'MacAddressMinimum', type: 'String', help: 'Lowest dynamic MAC address for virtual network adapters (12 hex digits; Global Network Settings).' },
    { name: 'MacAddressMaximum', type: 'String', help: 'Highest dynamic MAC address for virtual network adapters (12 hex digits).' },
    { name: 'VirtualHardDiskPath', type: 'String', help: 'Default folder for new virtual hard disks (New-VM -NewVHDPath with a bare file name, New-VHD).' },
    { name: 'VirtualMachinePath', type: 'String', help: 'Default folder for new virtual machines (New-VM without -Path).' },
    { name: 'NumaSpanningEnabled', type: 'Bool', help: 'Let a virtual machine use memory of more than one NUMA node (default $true).' },
    passthru,
  ],
});

export const enableVmMigrationSignature = defineCmdlet({
  name: 'Enable-VMMigration',
  synopsis: 'Enables a host for live migration.',
  hostParameter: 'ComputerName',
  parameters: [computerName(0), passthru],
});

export const disableVmMigrationSignature = defineCmdlet({
  name: 'Disable-VMMigration',
  synopsis: 'Disables live migration on a host.',
  hostParameter: 'ComputerName',
  parameters: [computerName(0), passthru],
});

export const addVmMigrationNetworkSignature = defineCmdlet({
  name: 'Add-VMMigrationNetwork',
  synopsis: 'Adds a network for live migration to a host.',
  hostParameter: 'ComputerName',
  parameters: [
    {
      name: 'Subnet',
      type: 'String',
      position: 0,
      mandatoryIn: ['*'],
      help: 'An IPv4 or IPv6 subnet such as 192.168.10.0/24 or fd00::/64 (an address alone means that one address).',
    },
    { name: 'Priority', type: 'Int', typeName: 'System.UInt32', help: 'Lower is preferred; default: after the existing networks.' },
    computerName(),
    passthru,
  ],
});

export const removeVmMigrationNetworkSignature = defineCmdlet({
  name: 'Remove-VMMigrationNetwork',
  synopsis: 'Removes a live migration network from a host.',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Subnet', type: 'String', position: 0, mandatoryIn: ['*'], help: 'The subnet, as listed by Get-VMMigrationNetwork; wildcards allowed.' },
    computerName(),
    passthru,
  ],
});

export const getVmMigrationNetworkSignature = defineCmdlet({
  name: 'Get-VMMigrationNetwork',
  synopsis: 'Gets the live migration networks of a host.',
  hostParameter: 'ComputerName',
  parameters: [{ name: 'Subnet', type: 'String', position: 0, help: 'Only this subnet; wildcards allowed.' }, computerName()],
});
