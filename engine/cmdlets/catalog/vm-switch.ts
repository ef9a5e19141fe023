// Signatures of the Hyper-V virtual switch and virtual network adapter cmdlets of Windows Server
// 2012 R2 (Microsoft Learn, "New-VMSwitch", "Set-VMSwitch", "Get-VMNetworkAdapter",
// "Connect-VMNetworkAdapter", "Set-VMNetworkAdapterVlan"): only the parameters the lab models.
// New-VMSwitch has two parameter sets, as documented: -NetAdapterName / -NetAdapterInterfaceDescription
// make an External switch ("which implicitly set the type of the virtual switch to External"),
// -SwitchType takes Internal or Private.
import { defineCmdlet, type NamedParameter, type ParameterSpec } from '../signature';
import { computerName, mandatory, passthru } from './common';

export const switchTypes = ['Internal', 'Private'] as const;
const switchTypeName = 'Microsoft.HyperV.PowerShell.VMSwitchType';

const switchName = (): NamedParameter<'Name', 'String[]'> => ({
  name: 'Name',
  type: 'String[]',
  position: 0,
  aliases: ['SwitchName'],
  fromPipeline: 'VMSwitch',
  help: 'Names of virtual switches; wildcards allowed.',
});

const allowManagementOS = {
  name: 'AllowManagementOS',
  type: 'Bool',
  help: 'Whether the management operating system shares the External switch\'s adapter (through "vEthernet (<switch>)").',
} as const satisfies ParameterSpec;

const notes = { name: 'Notes', type: 'String', allowEmpty: true, help: 'Free text kept with the switch.' } as const satisfies ParameterSpec;

export const getVmSwitchSignature = defineCmdlet({
  name: 'Get-VMSwitch',
  synopsis: 'Gets the virtual switches of a Hyper-V host.',
  hostParameter: 'ComputerName',
  parameters: [
    switchName(),
    { name: 'SwitchType', type: 'Enum[]', values: ['External', ...switchTypes], typeName: switchTypeName, help: 'Only switches of these types.' },
    computerName(),
  ],
});

export const newVmSwitchSignature = defineCmdlet({
  name: 'New-VMSwitch',
  synopsis: 'Creates a virtual switch: External (bound to an adapter or a NIC team), Internal or Private.',
  hostParameter: 'ComputerName',
  defaultSet: 'NetAdapterName',
  parameters: [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['SwitchName'], help: 'Name of the new switch.' },
    {
      name: 'NetAdapterName',
      type: 'String',
      sets: ['NetAdapterName'],
      mandatoryIn: ['NetAdapterName'],
      help: 'The adapter or NIC team interface an External switch is bound to.',
    },
    {
      name: 'NetAdapterInterfaceDescription',
      type: 'String',
      sets: ['NetAdapterInterfaceDescription'],
      mandatoryIn: ['NetAdapterInterfaceDescription'],
      aliases: ['InterfaceDescription'],
      help: 'The adapter an External switch is bound to, by its description.',
    },
    {
      name: 'SwitchType',
      type: 'Enum',
      values: switchTypes,
      typeName: switchTypeName,
      sets: ['SwitchType'],
      mandatoryIn: ['SwitchType'],
      help: 'Internal or Private.',
    },
    { ...allowManagementOS, sets: ['NetAdapterName', 'NetAdapterInterfaceDescription'] },
    notes,
    computerName(),
  ],
});

export const setVmSwitchSignature = defineCmdlet({
  name: 'Set-VMSwitch',
  synopsis: 'Changes a virtual switch: its adapter, its type, management OS sharing, notes.',
  hostParameter: 'ComputerName',
  defaultSet: 'NetAdapterName',
  parameters: [
    mandatory(switchName()),
    { name: 'NetAdapterName', type: 'String', sets: ['NetAdapterName'], help: 'Binds the switch (now External) to this adapter or team.' },
    {
      name: 'NetAdapterInterfaceDescription',
      type: 'String',
      sets: ['NetAdapterInterfaceDescription'],
      aliases: ['InterfaceDescription'],
      help: 'Binds the switch (now External) to the adapter with this description.',
    },
    { name: 'SwitchType', type: 'Enum', values: switchTypes, typeName: switchTypeName, sets: ['SwitchType'], help: 'Makes the switch Internal or Private.' },
    allowManagementOS,
    notes,
    computerName(),
    passthru,
  ],
});

export const renameVmSwitchSignature = defineCmdlet({
  name: 'Rename-VMSwitch',
  synopsis: 'Renames a virtual switch (the adapters connected to it stay connected).',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['SwitchName'], fromPipeline: 'VMSwitch', help: 'The switch to rename.' },
    { name: 'NewName', type: 'String', position: 1, mandatoryIn: ['*'], help: 'Its new name.' },
    computerName(),
    passthru,
  ],
});

export const removeVmSwitchSignature = defineCmdlet({
  name: 'Remove-VMSwitch',
  synopsis: 'Removes virtual switches; the virtual network adapters connected to them are disconnected.',
  hostParameter: 'ComputerName',
  parameters: [mandatory(switchName()), { name: 'Force', type: 'Switch', help: 'Removes without asking for confirmation.' }, computerName()],
});

const vmNameParam = (isMandatory: boolean): NamedParameter<'VMName', 'String[]'> => ({
  name: 'VMName',
  type: 'String[]',
  position: 0,
  sets: ['VMName'],
  ...(isMandatory ? { mandatoryIn: ['VMName'] } : {}),
  fromPipeline: 'VM',
  completion: 'vm',
  help: 'The virtual machines, by name; wildcards allowed.',
});

/** -VMName of the cmdlets that act on a VM's adapters only (one parameter set). */
const vmOfAdapters = {
  name: 'VMName',
  type: 'String[]',
  position: 0,
  mandatoryIn: ['*'],
  fromPipeline: 'VM',
  completion: 'vm',
  help: 'The virtual machines, by name; wildcards allowed.',
} as const satisfies ParameterSpec;

const managementOS = {
  name: 'ManagementOS',
  type: 'Switch',
  sets: ['ManagementOS'],
  mandatoryIn: ['ManagementOS'],
  help: "The host's own virtual network adapters (vEthernet).",
} as const satisfies ParameterSpec;

export const getVmNetworkAdapterSignature = defineCmdlet({
  name: 'Get-VMNetworkAdapter',
  synopsis: 'Gets the virtual network adapters of virtual machines, or of the management operating system.',
  hostParameter: 'ComputerName',
  defaultSet: 'VMName',
  parameters: [
    vmNameParam(true),
    managementOS,
    { name: 'Name', type: 'String[]', aliases: ['VMNetworkAdapterName'], help: 'Names of the adapters; wildcards allowed.' },
    { name: 'SwitchName', type: 'String', sets: ['ManagementOS'], help: 'Only the management OS adapter of this switch.' },
    { name: 'All', type: 'Switch', sets: ['All'], mandatoryIn: ['All'], help: "Every virtual network adapter of the host, the management OS's included." },
    computerName(),
  ],
});

export const connectVmNetworkAdapterSignature = defineCmdlet({
  name: 'Connect-VMNetworkAdapter',
  synopsis: 'Connects virtual network adapters of a virtual machine to a virtual switch.',
  hostParameter: 'ComputerName',
  parameters: [
    vmOfAdapters,
    { name: 'Name', type: 'String[]', position: 1, aliases: ['VMNetworkAdapterName'], help: 'The adapters to connect; default: all of them.' },
    { name: 'SwitchName', type: 'String', position: 2, mandatoryIn: ['*'], help: 'The virtual switch to connect them to.' },
    computerName(),
    passthru,
  ],
});

export const disconnectVmNetworkAdapterSignature = defineCmdlet({
  name: 'Disconnect-VMNetworkAdapter',
  synopsis: 'Disconnects virtual network adapters of a virtual machine from their virtual switch.',
  hostParameter: 'ComputerName',
  parameters: [
    vmOfAdapters,
    { name: 'Name', type: 'String[]', position: 1, aliases: ['VMNetworkAdapterName'], help: 'The adapters to disconnect; default: all of them.' },
    computerName(),
    passthru,
  ],
});

export const setVmNetworkAdapterVlanSignature = defineCmdlet({
  name: 'Set-VMNetworkAdapterVlan',
  synopsis: 'Sets the VLAN of a virtual network adapter (access mode) or makes it untagged.',
  hostParameter: 'ComputerName',
  defaultSet: 'VMName',
  parameters: [
    vmNameParam(true),
    managementOS,
    { name: 'VMNetworkAdapterName', type: 'String', aliases: ['Name'], help: 'The adapter (for -ManagementOS: the switch whose vEthernet adapter it is).' },
    { name: 'Access', type: 'Switch', help: "Access mode: the adapter's traffic is tagged with -VlanId." },
    { name: 'VlanId', type: 'Int', min: 1, max: 4094, aliases: ['AccessVlanId'], help: 'The VLAN, 1 to 4094 (with -Access).' },
    { name: 'Untagged', type: 'Switch', help: "No VLAN: the adapter's traffic is untagged." },
    computerName(),
    passthru,
  ],
});

export const getVmNetworkAdapterVlanSignature = defineCmdlet({
  name: 'Get-VMNetworkAdapterVlan',
  synopsis: 'Gets the VLAN settings of virtual network adapters.',
  hostParameter: 'ComputerName',
  defaultSet: 'VMName',
  parameters: [
    vmNameParam(true),
    managementOS,
    { name: 'VMNetworkAdapterName', type: 'String', aliases: ['Name'], help: 'Only this adapter.' },
    computerName(),
  ],
});
