// Signatures of the SmbShare module's cmdlets beyond bandwidth limits (network.ts): client and
// server configuration, Multichannel constraints and connections, shares and their access
// (Microsoft Learn, "Set-SmbClientConfiguration", "Set-SmbServerConfiguration",
// "New-SmbMultichannelConstraint", "Update-SmbMultichannelConnection", "Get-SmbConnection",
// "New-SmbShare", "Grant-SmbShareAccess"). CIM-based: -CimSession selects the computer.
// Only the settings the simulation models are parameters here: a Set- parameter that changed
// nothing would be a lie.
import { defineCmdlet } from '../signature';
import { cimSession } from './common';

const force = { name: 'Force', type: 'Switch', help: 'Does not ask for confirmation.' } as const;

export const getSmbClientConfigurationSignature = defineCmdlet({
  name: 'Get-SmbClientConfiguration',
  synopsis: 'Gets the SMB client configuration of a computer (Multichannel and its connection counts among it).',
  hostParameter: 'CimSession',
  parameters: [cimSession],
});

export const setSmbClientConfigurationSignature = defineCmdlet({
  name: 'Set-SmbClientConfiguration',
  synopsis: 'Changes the SMB client configuration: SMB Multichannel and how many connections it opens.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'EnableMultiChannel', type: 'Bool', help: 'Whether the client uses SMB Multichannel (and so SMB Direct).' },
    {
      name: 'ConnectionCountPerRssNetworkInterface',
      type: 'Int',
      typeName: 'System.UInt32',
      min: 1,
      max: 16,
      help: 'Connections opened per RSS-capable interface (1-16; default 4).',
    },
    {
      name: 'MaximumConnectionCountPerServer',
      type: 'Int',
      typeName: 'System.UInt32',
      min: 1,
      max: 64,
      help: 'Most connections to one server over all interfaces (1-64; default 32).',
    },
    force,
    cimSession,
  ],
});

export const getSmbServerConfigurationSignature = defineCmdlet({
  name: 'Get-SmbServerConfiguration',
  synopsis: 'Gets the SMB server configuration of a computer.',
  hostParameter: 'CimSession',
  parameters: [cimSession],
});

export const setSmbServerConfigurationSignature = defineCmdlet({
  name: 'Set-SmbServerConfiguration',
  synopsis: 'Changes the SMB server configuration: whether it accepts SMB Multichannel.',
  hostParameter: 'CimSession',
  parameters: [{ name: 'EnableMultiChannel', type: 'Bool', help: 'Whether the server accepts SMB Multichannel (and so SMB Direct).' }, force, cimSession],
});

const byIndex = ['InterfaceIndex'];
const byAlias = ['InterfaceAlias'];

export const newSmbMultichannelConstraintSignature = defineCmdlet({
  name: 'New-SmbMultichannelConstraint',
  synopsis: 'Limits the network interfaces SMB uses to reach one server.',
  hostParameter: 'CimSession',
  defaultSet: 'InterfaceIndex',
  parameters: [
    { name: 'ServerName', type: 'String', position: 0, mandatoryIn: ['*'], completion: 'host', help: 'The SMB server the constraint applies to.' },
    {
      name: 'InterfaceIndex',
      type: 'Int[]',
      typeName: 'System.UInt32',
      position: 1,
      sets: byIndex,
      mandatoryIn: byIndex,
      help: 'The client interfaces SMB may use, by index (Get-NetAdapter ifIndex).',
    },
    { name: 'InterfaceAlias', type: 'String[]', sets: byAlias, mandatoryIn: byAlias, help: 'The client interfaces SMB may use, by name.' },
    force,
    cimSession,
  ],
});

export const getSmbMultichannelConstraintSignature = defineCmdlet({
  name: 'Get-SmbMultichannelConstraint',
  synopsis: 'Gets the SMB Multichannel constraints of a computer.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'ServerName', type: 'String[]', position: 0, completion: 'host', help: 'Only constraints for these servers; wildcards allowed.' },
    { name: 'InterfaceIndex', type: 'Int[]', typeName: 'System.UInt32', help: 'Only these interfaces, by index.' },
    { name: 'InterfaceAlias', type: 'String[]', help: 'Only these interfaces, by name; wildcards allowed.' },
    cimSession,
  ],
});

export const removeSmbMultichannelConstraintSignature = defineCmdlet({
  name: 'Remove-SmbMultichannelConstraint',
  synopsis: 'Removes SMB Multichannel constraints (all of them when nothing narrows the choice).',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'ServerName', type: 'String[]', position: 0, completion: 'host', help: 'Constraints for these servers; wildcards allowed.' },
    { name: 'InterfaceIndex', type: 'Int[]', typeName: 'System.UInt32', help: 'Only these interfaces, by index.' },
    { name: 'InterfaceAlias', type: 'String[]', help: 'Only these interfaces, by name; wildcards allowed.' },
    force,
    cimSession,
  ],
});

export const updateSmbMultichannelConnectionSignature = defineCmdlet({
  name: 'Update-SmbMultichannelConnection',
  synopsis: 'Makes the SMB client look at its network interfaces again and re-plan its Multichannel connections.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'ServerName', type: 'String[]', position: 0, completion: 'host', help: 'Only the connections to these servers.' },
    { name: 'ClientInterfaceIndex', type: 'Int[]', typeName: 'System.UInt32', help: 'Only the connections over these client interfaces.' },
    { name: 'ServerInterfaceIndex', type: 'Int[]', typeName: 'System.UInt32', help: 'Only the connections to these server interfaces.' },
    cimSession,
  ],
});

export const getSmbConnectionSignature = defineCmdlet({
  name: 'Get-SmbConnection',
  synopsis: 'Gets the SMB connections the computer (as client) has to shares on servers.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'ServerName', type: 'String[]', position: 0, completion: 'host', help: 'Only connections to these servers.' },
    { name: 'ShareName', type: 'String[]', position: 1, help: 'Only connections to these shares.' },
    cimSession,
  ],
});

export const getSmbServerNetworkInterfaceSignature = defineCmdlet({
  name: 'Get-SmbServerNetworkInterface',
  synopsis: 'Gets the network interfaces the SMB server listens on, with their RSS and RDMA capability.',
  hostParameter: 'CimSession',
  parameters: [cimSession],
});

const shareName = { name: 'Name', type: 'String[]', position: 0, help: 'Share names; wildcards allowed.' } as const;
const scopeName = {
  name: 'ScopeName',
  type: 'String[]',
  position: 1,
  help: 'The scope (the server name clients use); a stand-alone file server has one scope, *.',
} as const;

export const getSmbShareSignature = defineCmdlet({
  name: 'Get-SmbShare',
  synopsis: 'Gets the SMB shares of a computer, the administrative ones (C$, ADMIN$, IPC$) included.',
  hostParameter: 'CimSession',
  parameters: [shareName, scopeName, cimSession],
});

export const newSmbShareSignature = defineCmdlet({
  name: 'New-SmbShare',
  synopsis: 'Shares a folder over SMB, with the access each account has.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], help: 'The name of the new share.' },
    { name: 'Path', type: 'String', position: 1, mandatoryIn: ['*'], help: 'The local folder to share, on a volume of the computer (D:\\Shares\\VMs).' },
    { name: 'Description', type: 'String', help: 'What the share is for.' },
    { name: 'FullAccess', type: 'String[]', help: 'Accounts given Full Control (Hyper-V hosts need it: DOMAIN\\HOST$).' },
    { name: 'ChangeAccess', type: 'String[]', help: 'Accounts given Change (read and write) access.' },
    { name: 'ReadAccess', type: 'String[]', help: 'Accounts given Read access.' },
    { name: 'NoAccess', type: 'String[]', help: 'Accounts denied access (a deny wins over any grant).' },
    { name: 'EncryptData', type: 'Bool', help: 'Requires SMB encryption on the share.' },
    cimSession,
  ],
});

export const removeSmbShareSignature = defineCmdlet({
  name: 'Remove-SmbShare',
  synopsis: 'Stops sharing folders; the files stay where they are.',
  hostParameter: 'CimSession',
  parameters: [{ ...shareName, mandatoryIn: ['*'] }, force, cimSession],
});

/** ShareAccessRight (Microsoft Learn, "Grant-SmbShareAccess"). */
export const shareAccessRights = ['Full', 'Change', 'Read'] as const;

export const grantSmbShareAccessSignature = defineCmdlet({
  name: 'Grant-SmbShareAccess',
  synopsis: 'Gives accounts Full, Change or Read access to SMB shares.',
  hostParameter: 'CimSession',
  parameters: [
    { ...shareName, mandatoryIn: ['*'] },
    { name: 'AccountName', type: 'String[]', mandatoryIn: ['*'], help: 'The accounts (DOMAIN\\User, DOMAIN\\HOST$, Everyone).' },
    {
      name: 'AccessRight',
      type: 'Enum',
      values: shareAccessRights,
      typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.SmbShare.ShareAccessRight',
      mandatoryIn: ['*'],
      help: 'Full, Change or Read.',
    },
    force,
    cimSession,
  ],
});

export const getSmbShareAccessSignature = defineCmdlet({
  name: 'Get-SmbShareAccess',
  synopsis: 'Gets the access control entries of SMB shares: who may do what.',
  hostParameter: 'CimSession',
  parameters: [{ ...shareName, mandatoryIn: ['*'] }, cimSession],
});
