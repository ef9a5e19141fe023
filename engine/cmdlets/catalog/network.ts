// Signatures of the NetAdapter, NetLbfo and SMB cmdlets a learner uses to prepare the network for
// moves (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming"; Microsoft Learn, "Set-SmbBandwidthLimit" and "Manage Data Center Bridging"). These are CIM-based cmdlets: they select
// the computer with -CimSession (see common.ts) and spell -PassThru with a capital T.
// Type names of the generated CIM enums (TeamingModes, LBAlgos, Category) are from memory, unconfirmed.
import { defineCmdlet, type NamedParameter } from '../signature';
import { cimSession, passThruCim } from './common';

const byName = ['ByName'];
const byDescription = ['ByInstanceID'];

export function adapterSelectors(mandatory: boolean): readonly [NamedParameter<'Name', 'String[]'>, NamedParameter<'InterfaceDescription', 'String[]'>] {
  return [
    {
      name: 'Name',
      type: 'String[]',
      position: 0,
      sets: byName,
      ...(mandatory ? { mandatoryIn: byName } : {}),
      aliases: ['ifAlias', 'InterfaceAlias'],
      fromPipeline: 'NetAdapter',
      help: 'Adapter names; wildcards allowed.',
    },
    {
      name: 'InterfaceDescription',
      type: 'String[]',
      sets: byDescription,
      ...(mandatory ? { mandatoryIn: byDescription } : {}),
      aliases: ['ifDesc'],
      help: 'Adapter descriptions (the hardware name); wildcards allowed.',
    },
  ];
}

export const getNetAdapterSignature = defineCmdlet({
  name: 'Get-NetAdapter',
  synopsis: 'Gets the network adapters of a computer, with their link state and speed.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(false), { name: 'Physical', type: 'Switch', help: 'Only physical adapters (no team interfaces).' }, cimSession],
});

export const enableNetAdapterSignature = defineCmdlet({
  name: 'Enable-NetAdapter',
  synopsis: 'Enables a network adapter (its link comes up).',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), cimSession, passThruCim],
});

export const disableNetAdapterSignature = defineCmdlet({
  name: 'Disable-NetAdapter',
  confirmImpact: 'High',
  synopsis: 'Disables a network adapter (its link goes down).',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), cimSession, passThruCim],
});

export const getNetAdapterRdmaSignature = defineCmdlet({
  name: 'Get-NetAdapterRdma',
  synopsis: 'Gets the RDMA settings of the RDMA-capable network adapters.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(false), cimSession],
});

export const enableNetAdapterRdmaSignature = defineCmdlet({
  name: 'Enable-NetAdapterRdma',
  synopsis: 'Enables RDMA on a network adapter.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), cimSession, passThruCim],
});

export const disableNetAdapterRdmaSignature = defineCmdlet({
  name: 'Disable-NetAdapterRdma',
  synopsis: 'Disables RDMA on a network adapter.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), cimSession, passThruCim],
});

export const teamingModes = ['SwitchIndependent', 'Static', 'Lacp'] as const;
export const loadBalancingAlgorithms = ['TransportPorts', 'IPAddresses', 'MacAddresses', 'HyperVPort', 'Dynamic'] as const;

export const newNetLbfoTeamSignature = defineCmdlet({
  name: 'New-NetLbfoTeam',
  synopsis: 'Creates a NIC team (LBFO) from network adapters.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], help: 'Name of the new team (and its team interface).' },
    { name: 'TeamMembers', type: 'String[]', position: 1, mandatoryIn: ['*'], help: 'The adapters to team; wildcards allowed.' },
    {
      name: 'TeamingMode',
      type: 'Enum',
      values: teamingModes,
      typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetLbfo.TeamingModes',
      help: 'SwitchIndependent (default), Static or Lacp.',
    },
    {
      name: 'LoadBalancingAlgorithm',
      type: 'Enum',
      values: loadBalancingAlgorithms,
      typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetLbfo.LBAlgos',
      help: 'Dynamic (default), HyperVPort, or an address hash: TransportPorts, IPAddresses, MacAddresses.',
    },
    cimSession,
  ],
});

export const removeNetLbfoTeamSignature = defineCmdlet({
  name: 'Remove-NetLbfoTeam',
  synopsis: 'Removes a NIC team; its members become stand-alone adapters again.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], fromPipeline: 'NetLbfoTeam', help: 'Team names; wildcards allowed.' },
    cimSession,
  ],
});

export const getNetLbfoTeamSignature = defineCmdlet({
  name: 'Get-NetLbfoTeam',
  synopsis: 'Gets the NIC teams of a computer.',
  hostParameter: 'CimSession',
  parameters: [{ name: 'Name', type: 'String[]', position: 0, help: 'Team names; wildcards allowed.' }, cimSession],
});

export const bandwidthCategories = ['Default', 'VirtualMachine', 'LiveMigration'] as const;
const categoryType = 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbBandwidthLimit.Category';

/** 1 MB/s, the smallest limit Set-SmbBandwidthLimit accepts (Microsoft Learn, "Set-SmbBandwidthLimit" and "Manage Data Center Bridging"). */
export const MIN_BANDWIDTH_LIMIT = 1024 * 1024;

export const setSmbBandwidthLimitSignature = defineCmdlet({
  name: 'Set-SmbBandwidthLimit',
  synopsis: 'Caps the SMB traffic of one category on a computer (needs the FS-SMBBW feature).',
  hostParameter: 'CimSession',
  parameters: [
    {
      name: 'Category',
      type: 'Enum',
      values: bandwidthCategories,
      typeName: categoryType,
      mandatoryIn: ['*'],
      help: 'Default, VirtualMachine or LiveMigration.',
    },
    {
      name: 'BytesPerSecond',
      type: 'Bytes',
      typeName: 'System.UInt64',
      min: MIN_BANDWIDTH_LIMIT,
      mandatoryIn: ['*'],
      help: 'The cap, at least 1MB (per second).',
    },
    cimSession,
  ],
});

export const getSmbBandwidthLimitSignature = defineCmdlet({
  name: 'Get-SmbBandwidthLimit',
  synopsis: 'Gets the SMB bandwidth limits of a computer.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Category', type: 'Enum[]', values: bandwidthCategories, typeName: categoryType, position: 0, help: 'Only these categories.' },
    cimSession,
  ],
});

export const removeSmbBandwidthLimitSignature = defineCmdlet({
  name: 'Remove-SmbBandwidthLimit',
  synopsis: 'Removes SMB bandwidth limits (all of them when no -Category is given).',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Category', type: 'Enum[]', values: bandwidthCategories, typeName: categoryType, position: 0, help: 'The categories to uncap.' },
    cimSession,
  ],
});

export const getSmbMultichannelConnectionSignature = defineCmdlet({
  name: 'Get-SmbMultichannelConnection',
  synopsis: 'Gets the SMB Multichannel connections of the computer (as SMB client).',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'ServerName', type: 'String[]', position: 0, completion: 'host', help: 'Only connections to these servers.' },
    { name: 'IncludeNotSelected', type: 'Switch', help: 'Also lists the interfaces SMB did not select.' },
    cimSession,
  ],
});

export const getSmbClientNetworkInterfaceSignature = defineCmdlet({
  name: 'Get-SmbClientNetworkInterface',
  synopsis: 'Gets the network interfaces the SMB client can use, with their RSS and RDMA capability.',
  hostParameter: 'CimSession',
  parameters: [cimSession],
});

/** Active or Standby (Microsoft Learn, "Set-NetLbfoTeamMember", Windows Server 2012 R2). */
export const administrativeModes = ['Active', 'Standby'] as const;
const adminModeType = 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetLbfo.AdminModes';

export const getNetLbfoTeamMemberSignature = defineCmdlet({
  name: 'Get-NetLbfoTeamMember',
  synopsis: 'Gets the member adapters of NIC teams, with their mode and whether they carry traffic.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, help: 'Member adapter names; wildcards allowed.' },
    { name: 'Team', type: 'String[]', position: 1, fromPipeline: 'NetLbfoTeam', help: 'Only the members of these teams; wildcards allowed.' },
    cimSession,
  ],
});

export const addNetLbfoTeamMemberSignature = defineCmdlet({
  name: 'Add-NetLbfoTeamMember',
  synopsis: 'Adds a network adapter to a NIC team.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], help: 'The adapter to add.' },
    { name: 'Team', type: 'String', position: 1, mandatoryIn: ['*'], help: 'The team to add it to.' },
    { name: 'AdministrativeMode', type: 'Enum', values: administrativeModes, typeName: adminModeType, help: 'Active (default) or Standby.' },
    cimSession,
    passThruCim,
  ],
});

export const removeNetLbfoTeamMemberSignature = defineCmdlet({
  name: 'Remove-NetLbfoTeamMember',
  synopsis: 'Removes adapters from a NIC team; they become stand-alone adapters again.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'The member adapters to remove; wildcards allowed.' },
    { name: 'Team', type: 'String', position: 1, mandatoryIn: ['*'], help: 'The team they belong to.' },
    cimSession,
    passThruCim,
  ],
});

export const setNetLbfoTeamMemberSignature = defineCmdlet({
  name: 'Set-NetLbfoTeamMember',
  synopsis: 'Makes a team member Active or Standby.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, help: 'Member adapter names; wildcards allowed.' },
    { name: 'Team', type: 'String[]', help: 'Only the members of these teams; wildcards allowed.' },
    {
      name: 'AdministrativeMode',
      type: 'Enum',
      values: administrativeModes,
      typeName: adminModeType,
      help: 'Active, or Standby: carries nothing until an active member fails.',
    },
    cimSession,
    passThruCim,
  ],
});
