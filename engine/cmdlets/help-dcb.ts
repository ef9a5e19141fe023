// Help topics of the Data Center Bridging and QoS cmdlets (engine/cmdlets/dcb-qos.ts,
// windows-feature.ts), in the lab's own words; cmdlet-help.ts merges them into the topics.
// The examples follow Microsoft Learn, "Deploy SMB Direct with RoCE network adapters" and
// "Manage Data Center Bridging": SMB Direct on priority 3 with PFC, an ETS share for it.

/** The shape of cmdlet-help.ts's HelpTopic (declared here, so this file does not import the module that imports it). */
interface HelpTopic {
  description: string;
  examples: readonly { code: string; remarks: string }[];
  outputs?: string;
}

const CLASS_OUT = 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosTrafficClassSettingData';

function topic(description: string, examples: [string, string][], outputs?: string): HelpTopic {
  return { description, examples: examples.map(([code, remarks]) => ({ code, remarks })), ...(outputs ? { outputs } : {}) };
}

export const DCB_TOPICS: Record<string, HelpTopic> = {
  'Get-WindowsFeature': topic(
    'The Get-WindowsFeature cmdlet shows whether Windows features are installed on a computer. The lab models the Data-Center-Bridging feature.',
    [['Get-WindowsFeature Data-Center-Bridging -ComputerName HV01', 'Shows whether Data Center Bridging is installed on HV01.']],
    'Microsoft.Windows.ServerManager.Commands.Feature',
  ),
  'Install-WindowsFeature': topic(
    'The Install-WindowsFeature cmdlet installs Windows features. Data-Center-Bridging brings the DcbQos cmdlets (traffic classes, flow control, DCBX) and lets adapters with QoS enabled apply them; it needs no restart.',
    [['Install-WindowsFeature Data-Center-Bridging -ComputerName HV01', 'Installs Data Center Bridging on HV01.']],
    'Microsoft.Windows.ServerManager.Commands.FeatureOperationResult',
  ),
  'New-NetQosPolicy': topic(
    'The New-NetQosPolicy function creates a QoS policy that tags matching traffic with an 802.1p priority (-PriorityValue8021Action). -SMB matches SMB over TCP port 445, -LiveMigration live migration over TCP port 6600 (live migration over SMB is SMB traffic), -NetDirectPortMatchCondition 445 matches SMB Direct (RDMA bypasses the TCP/IP stack, so only this condition tags it), -Default everything else. Traffic no policy tags travels on priority 0.',
    [
      ['New-NetQosPolicy SMBDirect -NetDirectPortMatchCondition 445 -PriorityValue8021Action 3', 'Tags SMB Direct traffic with priority 3.'],
      ['New-NetQosPolicy LM -LiveMigration -PriorityValue8021Action 5', 'Tags live migration over TCP/IP and Compression with priority 5.'],
    ],
  ),
  'Get-NetQosPolicy': topic('The Get-NetQosPolicy function lists the QoS policies of a computer with their condition and priority.', [
    ['Get-NetQosPolicy -CimSession HV01', "Lists HV01's QoS policies."],
  ]),
  'Set-NetQosPolicy': topic(
    'The Set-NetQosPolicy function changes the priority, precedence or port condition of QoS policies; traffic in flight is tagged anew at once.',
    [['Set-NetQosPolicy SMBDirect -PriorityValue8021Action 4', 'SMB Direct traffic is tagged with priority 4 from now on.']],
  ),
  'Remove-NetQosPolicy': topic('The Remove-NetQosPolicy function removes QoS policies; their traffic goes untagged (priority 0).', [
    ['Remove-NetQosPolicy LM -Confirm:$false', 'Removes the policy named LM without asking.'],
  ]),
  'Get-NetQosFlowControl': topic(
    'The Get-NetQosFlowControl function shows for which priorities Priority Flow Control (PFC) is on. It needs the Data-Center-Bridging feature.',
    [['Get-NetQosFlowControl -CimSession HV01', 'Lists the eight priorities of HV01 and whether PFC is on for each.']],
  ),
  'Enable-NetQosFlowControl': topic(
    'The Enable-NetQosFlowControl function turns Priority Flow Control on for priorities: the adapters pause that priority instead of dropping it, so it is lossless. RoCE needs it for its RDMA priority at both ends; without it a congested port drops RoCE packets and the adapters resend from the lost one on (go-back-N). iWARP and InfiniBand do not need it.',
    [['Enable-NetQosFlowControl -Priority 3', 'Makes priority 3 (SMB Direct in the usual setup) lossless.']],
  ),
  'Disable-NetQosFlowControl': topic('The Disable-NetQosFlowControl function turns Priority Flow Control off for priorities (all eight without -Priority).', [
    ['Disable-NetQosFlowControl -Priority 0,1,2,4,5,6,7', 'Leaves PFC on for priority 3 only.'],
  ]),
  'New-NetQosTrafficClass': topic(
    'The New-NetQosTrafficClass function creates a traffic class for priorities. With -Algorithm ETS the class is guaranteed -BandwidthPercentage of each DCB adapter under contention and lends what it does not use; Strict is sent before everything else. The ETS classes reserve at most 99 %: the [Default] class, holding every other priority, gets the rest.',
    [['New-NetQosTrafficClass SMB -Priority 3 -Algorithm ETS -BandwidthPercentage 50', 'Guarantees SMB Direct (priority 3) half of each DCB adapter.']],
    CLASS_OUT,
  ),
  'Get-NetQosTrafficClass': topic(
    'The Get-NetQosTrafficClass function lists the traffic classes with their algorithm, share and priorities, [Default] first.',
    [['Get-NetQosTrafficClass -CimSession HV01', "Lists HV01's traffic classes."]],
  ),
  'Set-NetQosTrafficClass': topic("The Set-NetQosTrafficClass function changes a traffic class's algorithm, share or priorities; [Default]'s share follows.", [
    ['Set-NetQosTrafficClass SMB -BandwidthPercentage 60', 'SMB now gets 60 % under contention, [Default] the rest.'],
  ]),
  'Remove-NetQosTrafficClass': topic('The Remove-NetQosTrafficClass function removes traffic classes; their priorities and bandwidth go back to [Default].', [
    ['Remove-NetQosTrafficClass SMB -Confirm:$false', 'Removes the SMB class.'],
  ]),
  'Get-NetQosDcbxSetting': topic(
    'The Get-NetQosDcbxSetting function shows whether the adapters are willing to take the DCB settings a switch advertises (DCBX).',
    [['Get-NetQosDcbxSetting -CimSession HV01', "Shows HV01's DCBX Willing setting."]],
  ),
  'Set-NetQosDcbxSetting': topic(
    "The Set-NetQosDcbxSetting function sets DCBX Willing. Microsoft's guidance for SMB Direct sets it to $false, so the computer's own classes and PFC apply whatever the switch advertises.",
    [['Set-NetQosDcbxSetting -Willing $false -Force', "Keeps this computer's own DCB settings."]],
  ),
  'Get-NetAdapterQos': topic(
    'The Get-NetAdapterQos function shows for DCB-capable adapters whether QoS (DCB) is enabled, and the traffic classes, flow control and classifications in operation (none until the Data-Center-Bridging feature is installed).',
    [['Get-NetAdapterQos -Name SMB1', 'Shows the DCB state of SMB1.']],
  ),
  'Enable-NetAdapterQos': topic('The Enable-NetAdapterQos function turns QoS (DCB) on for adapters: they apply the traffic classes and PFC of the computer.', [
    ['Enable-NetAdapterQos -Name SMB1,SMB2', 'SMB1 and SMB2 schedule by traffic class.'],
  ]),
  'Disable-NetAdapterQos': topic('The Disable-NetAdapterQos function turns QoS (DCB) off for adapters: they send in arrival order again.', [
    ['Disable-NetAdapterQos -Name SMB2', 'SMB2 no longer applies the traffic classes.'],
  ]),
};
