// Signatures of the Data Center Bridging and QoS cmdlets (Microsoft Learn, module references
// "NetQos" (New-/Get-/Set-/Remove-NetQosPolicy), "DcbQos" (NetQosTrafficClass, NetQosFlowControl,
// NetQosDcbxSetting), "NetAdapter" (Enable-/Disable-/Get-NetAdapterQos) and "ServerManager"
// (Get-/Install-WindowsFeature)), with the parameters the lab models. CIM-based: -CimSession
// selects the computer; the ServerManager cmdlets take -ComputerName (one computer).
import { defineCmdlet, type ParameterSpec } from '../signature';
import { adapterSelectors } from './network';
import { cimSession, passThruCim } from './common';

const priorityHelp = '802.1p priorities, 0 to 7.';
const priorityValue = {
  name: 'PriorityValue8021Action',
  type: 'Int',
  typeName: 'System.SByte',
  min: 0,
  max: 7,
  help: 'The 802.1p priority (0-7) the matching traffic is tagged with.',
} as const satisfies ParameterSpec;
const precedence = {
  name: 'Precedence',
  type: 'Int',
  typeName: 'System.UInt32',
  min: 0,
  max: 255,
  help: 'Decides between policies that match the same traffic alike (0-255; default 127).',
} as const satisfies ParameterSpec;
const policyName = { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], help: 'Name of the new policy.' } as const satisfies ParameterSpec;
const netDirect = {
  name: 'NetDirectPortMatchCondition',
  type: 'Int',
  typeName: 'System.UInt16',
  min: 1,
  max: 65535,
  help: 'Matches RDMA (NetworkDirect) traffic to this port: 445 for SMB Direct.',
} as const satisfies ParameterSpec;
const ipDstPort = {
  name: 'IPDstPortMatchCondition',
  type: 'Int',
  typeName: 'System.UInt16',
  min: 1,
  max: 65535,
  help: 'Matches TCP/UDP traffic to this destination port.',
} as const satisfies ParameterSpec;
const ipProtocol = {
  name: 'IPProtocolMatchCondition',
  type: 'Enum',
  values: ['None', 'TCP', 'UDP', 'Both'],
  typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetQos.IPProtocol',
  help: 'The protocol the port condition applies to (TCP, UDP or Both; default Both).',
} as const satisfies ParameterSpec;
function templateSwitch<N extends 'SMB' | 'LiveMigration' | 'ISCSI' | 'NFS' | 'Default'>(name: N, help: string) {
  return { name, type: 'Switch', sets: [name], mandatoryIn: [name], help } as const;
}

export const newNetQosPolicySignature = defineCmdlet({
  name: 'New-NetQosPolicy',
  synopsis: 'Creates a QoS policy that tags matching traffic with an 802.1p priority.',
  hostParameter: 'CimSession',
  defaultSet: 'IP',
  parameters: [
    policyName,
    templateSwitch('SMB', 'Matches SMB over TCP (port 445).'),
    templateSwitch('LiveMigration', 'Matches live migration over TCP (port 6600); live migration over SMB is SMB traffic.'),
    // PowerShell spells it -iSCSI; parameter names bind case-insensitively.
    templateSwitch('ISCSI', 'Matches iSCSI (TCP port 3260).'),
    templateSwitch('NFS', 'Matches NFS (port 2049).'),
    templateSwitch('Default', 'Matches all traffic that no other policy matches.'),
    { ...netDirect, sets: ['NetDirect'], mandatoryIn: ['NetDirect'] },
    { ...ipDstPort, sets: ['IP'] },
    { ...ipProtocol, sets: ['IP'] },
    priorityValue,
    precedence,
    cimSession,
  ],
});

export const getNetQosPolicySignature = defineCmdlet({
  name: 'Get-NetQosPolicy',
  synopsis: 'Gets the QoS policies of a computer.',
  hostParameter: 'CimSession',
  parameters: [{ name: 'Name', type: 'String[]', position: 0, help: 'Policy names; wildcards allowed.' }, cimSession],
});

export const setNetQosPolicySignature = defineCmdlet({
  name: 'Set-NetQosPolicy',
  synopsis: 'Changes QoS policies: the priority they tag with, their precedence or their port condition.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'Policy names; wildcards allowed.' },
    priorityValue,
    precedence,
    netDirect,
    ipDstPort,
    ipProtocol,
    passThruCim,
    cimSession,
  ],
});

export const removeNetQosPolicySignature = defineCmdlet({
  name: 'Remove-NetQosPolicy',
  synopsis: 'Removes QoS policies.',
  hostParameter: 'CimSession',
  parameters: [{ name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'Policy names; wildcards allowed.' }, passThruCim, cimSession],
});

const flowPriority = {
  name: 'Priority',
  type: 'Int[]',
  typeName: 'System.Byte',
  position: 0,
  min: 0,
  max: 7,
  help: `${priorityHelp} Default: all eight.`,
} as const;

export const getNetQosFlowControlSignature = defineCmdlet({
  name: 'Get-NetQosFlowControl',
  synopsis: 'Gets whether Priority Flow Control (PFC) is on for each priority.',
  hostParameter: 'CimSession',
  parameters: [flowPriority, cimSession],
});

export const enableNetQosFlowControlSignature = defineCmdlet({
  name: 'Enable-NetQosFlowControl',
  synopsis: 'Turns Priority Flow Control (PFC) on for priorities, making their traffic lossless.',
  hostParameter: 'CimSession',
  parameters: [flowPriority, passThruCim, cimSession],
});

export const disableNetQosFlowControlSignature = defineCmdlet({
  name: 'Disable-NetQosFlowControl',
  synopsis: 'Turns Priority Flow Control (PFC) off for priorities.',
  hostParameter: 'CimSession',
  parameters: [flowPriority, passThruCim, cimSession],
});

const algorithm = {
  name: 'Algorithm',
  type: 'Enum',
  values: ['ETS', 'Strict'],
  typeName: 'Microsoft.PowerShell.Cmdletization.GeneratedTypes.NetQos.TSA',
  help: 'ETS (a guaranteed share of the bandwidth) or Strict (sent before everything else).',
} as const satisfies ParameterSpec;
const bandwidth = {
  name: 'BandwidthPercentage',
  type: 'Int',
  typeName: 'System.Byte',
  min: 1,
  max: 99,
  help: 'The share of the bandwidth the class is guaranteed under ETS (1-99).',
} as const satisfies ParameterSpec;
const classPriority = { name: 'Priority', type: 'Int[]', typeName: 'System.Byte', min: 0, max: 7, help: `The ${priorityHelp}` } as const;

export const newNetQosTrafficClassSignature = defineCmdlet({
  name: 'New-NetQosTrafficClass',
  synopsis: 'Creates a DCB traffic class: priorities and the share of bandwidth ETS guarantees them.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], help: 'Name of the class.' },
    { ...algorithm, mandatoryIn: ['*'] },
    { ...classPriority, mandatoryIn: ['*'] },
    bandwidth,
    cimSession,
  ],
});

export const getNetQosTrafficClassSignature = defineCmdlet({
  name: 'Get-NetQosTrafficClass',
  synopsis: 'Gets the DCB traffic classes, [Default] among them.',
  hostParameter: 'CimSession',
  parameters: [{ name: 'Name', type: 'String[]', position: 0, help: 'Class names; wildcards allowed.' }, cimSession],
});

export const setNetQosTrafficClassSignature = defineCmdlet({
  name: 'Set-NetQosTrafficClass',
  synopsis: "Changes DCB traffic classes: their algorithm, share or priorities ([Default]'s share follows).",
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'Class names; wildcards allowed.' },
    algorithm,
    bandwidth,
    classPriority,
    passThruCim,
    cimSession,
  ],
});

export const removeNetQosTrafficClassSignature = defineCmdlet({
  name: 'Remove-NetQosTrafficClass',
  synopsis: 'Removes DCB traffic classes; their priorities go back to [Default].',
  hostParameter: 'CimSession',
  parameters: [{ name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'Class names; wildcards allowed.' }, passThruCim, cimSession],
});

export const getNetQosDcbxSettingSignature = defineCmdlet({
  name: 'Get-NetQosDcbxSetting',
  synopsis: 'Gets the DCBX setting: whether the adapters accept the switch’s DCB configuration.',
  hostParameter: 'CimSession',
  parameters: [cimSession],
});

export const setNetQosDcbxSettingSignature = defineCmdlet({
  name: 'Set-NetQosDcbxSetting',
  synopsis: 'Sets DCBX Willing: $false keeps the computer’s own DCB configuration.',
  hostParameter: 'CimSession',
  parameters: [
    { name: 'Willing', type: 'Bool', mandatoryIn: ['*'], help: 'Whether the adapters accept the DCB configuration the switch advertises.' },
    { name: 'Force', type: 'Switch', help: 'Does not ask for confirmation.' },
    passThruCim,
    cimSession,
  ],
});

export const getNetAdapterQosSignature = defineCmdlet({
  name: 'Get-NetAdapterQos',
  synopsis: 'Gets the DCB (QoS) state of network adapters: whether it is on and the classes in operation.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(false), cimSession],
});

export const enableNetAdapterQosSignature = defineCmdlet({
  name: 'Enable-NetAdapterQos',
  synopsis: 'Turns DCB (QoS) on for a network adapter: it applies the traffic classes and PFC.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), passThruCim, cimSession],
});

export const disableNetAdapterQosSignature = defineCmdlet({
  name: 'Disable-NetAdapterQos',
  synopsis: 'Turns DCB (QoS) off for a network adapter.',
  hostParameter: 'CimSession',
  defaultSet: 'ByName',
  parameters: [...adapterSelectors(true), passThruCim, cimSession],
});

const featureComputer = {
  name: 'ComputerName',
  type: 'String',
  completion: 'host',
  aliases: ['Cn'],
  help: 'The computer to act on; default: the computer you are signed in on.',
} as const satisfies ParameterSpec;

export const getWindowsFeatureSignature = defineCmdlet({
  name: 'Get-WindowsFeature',
  synopsis: 'Gets the Windows features of a computer the lab models, and whether they are installed.',
  hostParameter: 'ComputerName',
  parameters: [{ name: 'Name', type: 'String[]', position: 0, help: 'Feature names; wildcards allowed.' }, featureComputer],
});

export const installWindowsFeatureSignature = defineCmdlet({
  name: 'Install-WindowsFeature',
  synopsis: 'Installs Windows features (the lab models Data-Center-Bridging).',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'The features to install, by name.' },
    { name: 'IncludeManagementTools', type: 'Switch', help: 'Installs the management tools too.' },
    { name: 'Restart', type: 'Switch', help: 'Restarts the computer if the installation needs it.' },
    featureComputer,
  ],
});
