// Signatures of the NetAdapter and NetTCPIP cmdlets that configure adapters and addresses, and of
// Test-Connection (Microsoft Learn, "Rename-NetAdapter", "Get-NetAdapterAdvancedProperty",
// "Set-NetAdapterAdvancedProperty", "Get-NetAdapterRss", "Get-NetIPAddress",
// "Test-Connection"). CIM-based cmdlets select the computer with -CimSession.
import { defineCmdlet } from '../signature';
import { adapterSelectors } from './network';
import { cimSession, passThruCim } from './common';

export const renameNetAdapterSignature = defineCmdlet({
  name: 'Rename-NetAdapter',
  synopsis: 'Renames a network adapter (its interface alias).',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), { name: 'NewName', type: 'String', position: 1, mandatoryIn: ['*'], help: 'The new name.' }, cimSession, passThruCim],
});

export const getNetAdapterAdvancedPropertySignature = defineCmdlet({
  name: 'Get-NetAdapterAdvancedProperty',
  synopsis: "Gets the advanced properties of network adapters (the driver's settings: Jumbo Packet, RSS queues, NetworkDirect).",
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [
    ...adapterSelectors(false),
    { name: 'DisplayName', type: 'String[]', help: 'Only these properties, by the name the driver shows; wildcards allowed.' },
    { name: 'RegistryKeyword', type: 'String[]', help: 'Only these properties, by keyword (*JumboPacket); wildcards allowed.' },
    { name: 'AllProperties', type: 'Switch', help: 'Also the properties without a display name.' },
    cimSession,
  ],
});

export const setNetAdapterAdvancedPropertySignature = defineCmdlet({
  name: 'Set-NetAdapterAdvancedProperty',
  synopsis: 'Sets an advanced property of network adapters, such as Jumbo Packet.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [
    ...adapterSelectors(true),
    { name: 'DisplayName', type: 'String[]', help: 'The property, by the name the driver shows (Jumbo Packet).' },
    { name: 'DisplayValue', type: 'String', help: 'The value, as the driver shows it (9014 Bytes).' },
    { name: 'RegistryKeyword', type: 'String[]', help: 'The property, by keyword (*JumboPacket).' },
    { name: 'RegistryValue', type: 'String[]', help: 'The value, as stored (9014).' },
    { name: 'NoRestart', type: 'Switch', help: 'Does not restart the adapter to apply the change.' },
    cimSession,
    passThruCim,
  ],
});

export const getNetAdapterRssSignature = defineCmdlet({
  name: 'Get-NetAdapterRss',
  synopsis: 'Gets the receive-side scaling (RSS) settings of network adapters.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(false), cimSession],
});

const addressFamilies = ['IPv4', 'IPv6'] as const;
const addressFamilyType = 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetIPAddress.AddressFamily';

export const getNetIPAddressSignature = defineCmdlet({
  name: 'Get-NetIPAddress',
  synopsis: "Gets the computer's IP addresses and the interfaces they are on.",
  hostParameter: 'CimSession',
  parameters: [
    { name: 'IPAddress', type: 'String[]', position: 0, help: 'Only these addresses; wildcards allowed.' },
    { name: 'InterfaceIndex', type: 'Int[]', typeName: 'System.UInt32', aliases: ['ifIndex'], help: 'Only these interfaces, by index.' },
    { name: 'InterfaceAlias', type: 'String[]', aliases: ['ifAlias'], help: 'Only these interfaces, by name; wildcards allowed.' },
    { name: 'AddressFamily', type: 'Enum[]', values: addressFamilies, typeName: addressFamilyType, help: 'IPv4 or IPv6.' },
    cimSession,
  ],
});

export const testConnectionSignature = defineCmdlet({
  name: 'Test-Connection',
  synopsis: 'Sends ICMP echo requests (pings) to computers and reports the replies.',
  parameters: [
    {
      name: 'ComputerName',
      type: 'String[]',
      position: 0,
      mandatoryIn: ['*'],
      aliases: ['CN', 'IPAddress', '__SERVER', 'Server', 'Destination'],
      completion: 'host',
      help: 'The computers to ping, by name or address.',
    },
    {
      name: 'Source',
      type: 'String[]',
      position: 1,
      aliases: ['FCN', 'SRC'],
      completion: 'host',
      help: 'The computers that send the pings; default: this one.',
    },
    { name: 'Count', type: 'Int', typeName: 'System.Int32', min: 1, max: 1000, help: 'Echo requests per computer (default 4; at most 1,000 in this lab).' },
    {
      name: 'BufferSize',
      type: 'Int',
      typeName: 'System.Int32',
      min: 0,
      max: 65500,
      aliases: ['Size', 'Bytes', 'BS'],
      help: 'Bytes of data in each request (default 32).',
    },
    { name: 'Quiet', type: 'Switch', help: 'Returns only $true or $false for each computer.' },
  ],
});

const byInterfaceAlias = ['ByInterfaceAlias'];
const byInterfaceIndex = ['ByInterfaceIndex'];

export const newNetIPAddressSignature = defineCmdlet({
  name: 'New-NetIPAddress',
  synopsis: 'Gives a network interface a static IP address (and so puts it on a subnet).',
  hostParameter: 'CimSession',
  defaultSet: 'ByInterfaceAlias',
  parameters: [
    { name: 'IPAddress', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['LocalAddress'], help: 'The IPv4 address, such as 192.168.10.11.' },
    {
      name: 'InterfaceAlias',
      type: 'String',
      sets: byInterfaceAlias,
      mandatoryIn: byInterfaceAlias,
      aliases: ['ifAlias'],
      help: 'The interface, by name (SMB1, Team1, vEthernet (Production)).',
    },
    {
      name: 'InterfaceIndex',
      type: 'Int',
      typeName: 'System.UInt32',
      sets: byInterfaceIndex,
      mandatoryIn: byInterfaceIndex,
      aliases: ['ifIndex'],
      help: 'The interface, by index (Get-NetAdapter ifIndex).',
    },
    {
      name: 'PrefixLength',
      type: 'Int',
      typeName: 'System.Byte',
      min: 0,
      max: 32,
      help: 'The subnet mask as a number of bits (24 for 255.255.255.0; default 24 here).',
    },
    { name: 'AddressFamily', type: 'Enum', values: addressFamilies, typeName: addressFamilyType, help: 'IPv4 (this lab models IPv4 addresses only).' },
    cimSession,
  ],
});

export const removeNetIPAddressSignature = defineCmdlet({
  name: 'Remove-NetIPAddress',
  synopsis: 'Removes IP addresses from network interfaces.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'IPAddress', type: 'String[]', position: 0, help: 'The addresses to remove; wildcards allowed.' },
    { name: 'InterfaceIndex', type: 'Int[]', typeName: 'System.UInt32', aliases: ['ifIndex'], help: 'Only addresses on these interfaces, by index.' },
    { name: 'InterfaceAlias', type: 'String[]', aliases: ['ifAlias'], help: 'Only addresses on these interfaces, by name; wildcards allowed.' },
    { name: 'PrefixLength', type: 'Int[]', typeName: 'System.Byte', help: 'Only addresses with these prefix lengths.' },
    cimSession,
    passThruCim,
  ],
});
