// The help topics' text beyond what the signatures carry (synopsis, per-parameter help): a
// description and examples for every cmdlet, in the lab's own words. The examples use this lab's
// computers and virtual machines; test/unit/cmdlets/help.test.ts parses every one of them.
import type { CmdletSignature } from './signature';
import { DCB_TOPICS } from './help-dcb';

export interface HelpExample {
  code: string;
  remarks: string;
}

export interface HelpTopic {
  description: string;
  examples: readonly HelpExample[];
  inputs?: string;
  outputs?: string;
}

const VM_OUT = 'None by default; Microsoft.HyperV.PowerShell.VirtualMachine with -Passthru.';
const VM_IN = 'Microsoft.HyperV.PowerShell.VirtualMachine (from Get-VM), or its name.';
const JOB_OUT = 'System.Management.Automation.PSRemotingJob with -AsJob.';

const t = (description: string, examples: [string, string][], io: { inputs?: string; outputs?: string } = {}): HelpTopic => ({
  description,
  examples: examples.map(([code, remarks]) => ({ code, remarks })),
  ...io,
});

const TOPICS: Record<string, HelpTopic> = {
  'Get-VM': t(
    'The Get-VM cmdlet gets the virtual machines of one or more Hyper-V hosts. Without -Name it lists every virtual machine of the host; -Name takes wildcards.',
    [
      ['Get-VM', 'Lists the virtual machines of the computer you are signed in on.'],
      ['Get-VM -Name WEB* -ComputerName HV01,HV02', 'Gets the virtual machines whose names start with WEB on HV01 and HV02.'],
    ],
    { outputs: 'Microsoft.HyperV.PowerShell.VirtualMachine' },
  ),
  'Start-VM': t(
    'The Start-VM cmdlet starts a virtual machine that is off or saved, or resumes one that is paused. The host must have enough memory for its startup memory.',
    [['Start-VM -Name WEB01', 'Starts virtual machine WEB01.']],
    { inputs: VM_IN, outputs: VM_OUT },
  ),
  'Stop-VM': t(
    'The Stop-VM cmdlet shuts a virtual machine down through its guest operating system; -TurnOff cuts its power instead, -Save saves its state to disk.',
    [
      ['Stop-VM -Name WEB01', 'Shuts down WEB01 through the guest operating system.'],
      ['Stop-VM -Name WEB01 -TurnOff', 'Turns WEB01 off, as pulling its power cord would; unsaved data in the guest is lost.'],
    ],
    { inputs: VM_IN, outputs: VM_OUT },
  ),
  'Save-VM': t(
    'The Save-VM cmdlet saves the memory and device state of a running virtual machine to disk and turns it off.',
    [['Save-VM -Name WEB01', 'Saves WEB01.']],
    {
      inputs: VM_IN,
      outputs: VM_OUT,
    },
  ),
  'Suspend-VM': t('The Suspend-VM cmdlet pauses a running virtual machine; its memory stays in the host.', [['Suspend-VM -Name WEB01', 'Pauses WEB01.']], {
    inputs: VM_IN,
    outputs: VM_OUT,
  }),
  'Resume-VM': t('The Resume-VM cmdlet resumes a paused virtual machine.', [['Resume-VM -Name WEB01', 'Resumes WEB01 after Suspend-VM.']], {
    inputs: VM_IN,
    outputs: VM_OUT,
  }),
  'Restart-VM': t(
    'The Restart-VM cmdlet restarts a virtual machine: it turns it off and starts it again. It asks for confirmation unless -Force is given. A restart may use a smart paging file when the host is short of memory.',
    [
      ['Restart-VM -Name WEB01', 'Restarts WEB01 after you confirm.'],
      ['Restart-VM -Name WEB01 -Force', 'Restarts WEB01 without asking.'],
    ],
    { inputs: VM_IN, outputs: VM_OUT },
  ),
  'Checkpoint-VM': t(
    'The Checkpoint-VM cmdlet takes a checkpoint (snapshot) of a virtual machine: its configuration, the state of its disks and, when it runs, its memory.',
    [['Checkpoint-VM -Name WEB01 -SnapshotName "Before update"', 'Takes a checkpoint of WEB01 named "Before update".']],
    { inputs: VM_IN, outputs: VM_OUT },
  ),
  'Set-VM': t(
    "The Set-VM cmdlet changes a virtual machine's settings: processors, memory, the smart paging file and checkpoint locations, and its notes.",
    [
      ['Set-VM -Name WEB01 -SmartPagingFilePath D:\\SmartPaging', "Moves WEB01's smart paging file location to D:\\SmartPaging."],
      ['Set-VM -Name WEB01 -Notes "Front end"', "Sets WEB01's notes."],
    ],
    { inputs: VM_IN, outputs: VM_OUT },
  ),
  'Set-VMMemory': t(
    "The Set-VMMemory cmdlet configures a virtual machine's memory: its startup memory and Dynamic Memory (minimum, maximum, buffer and weight). While the virtual machine runs, only the maximum may rise and the minimum may fall.",
    [['Set-VMMemory -VMName WEB01 -DynamicMemoryEnabled $true -StartupBytes 1GB -MinimumBytes 512MB -MaximumBytes 4GB', 'Turns on Dynamic Memory for WEB01.']],
    { inputs: VM_IN },
  ),
  'Set-VMProcessor': t(
    "The Set-VMProcessor cmdlet configures a virtual machine's processors: their number, and processor compatibility mode, which lets it move to a host with an older processor of the same manufacturer. The virtual machine must be off.",
    [['Set-VMProcessor -VMName APP01 -CompatibilityForMigrationEnabled $true', 'Turns on processor compatibility mode for APP01.']],
    { inputs: VM_IN },
  ),
  'Move-VMStorage': t(
    "The Move-VMStorage cmdlet moves a virtual machine's files (configuration, checkpoints, smart paging file and virtual hard disks) to other folders while it keeps running: everything to one folder with -DestinationStoragePath, or item by item.",
    [
      ['Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01', "Moves all of DC01's files to E:\\VMs\\DC01."],
      [
        'Move-VMStorage WEB01 -VirtualMachinePath D:\\WEB01\\Config -Vhds @(@{SourceFilePath="C:\\VMs\\WEB01\\disk.vhdx"; DestinationFilePath="D:\\WEB01\\disk.vhdx"})',
        "Moves WEB01's configuration and one of its disks to separate folders.",
      ],
    ],
    { inputs: VM_IN, outputs: JOB_OUT },
  ),
  'Move-VM': t(
    'The Move-VM cmdlet live-migrates a virtual machine to another Hyper-V host. Without storage parameters its files must be on an SMB share both hosts can reach; -IncludeStorage with -DestinationStoragePath moves its files too (shared-nothing live migration).',
    [
      ['Move-VM -Name WEB01 -DestinationHost HV02', 'Moves WEB01 to HV02; its files stay where they are (on a share).'],
      ['Move-VM WEB01 HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\WEB01', 'Moves WEB01 and its files to D:\\VMs\\WEB01 on HV02.'],
      ['Move-VM -Name WEB01 -DestinationHost HV02 -AsJob', 'Starts the move as a background job; Get-Job and Wait-Job follow it.'],
    ],
    { inputs: VM_IN, outputs: JOB_OUT },
  ),
  'Export-VM': t(
    "The Export-VM cmdlet copies a virtual machine's configuration, checkpoints and virtual hard disks into <Path>\\<name>, under Virtual Machines, Snapshots and Virtual Hard Disks. The copy is a job that takes time like a storage move; the virtual machine itself is not changed, and the exported copy can be imported on any host.",
    [
      ['Export-VM -Name TEST01 -Path E:\\Exports -ComputerName HV02', 'Exports TEST01 to E:\\Exports\\TEST01 on HV02.'],
      ['Export-VM TEST01 -Path \\\\FS01\\VMs\\Exports -ComputerName HV02 -AsJob', 'Exports TEST01 to a share as a background job; Get-Job follows it.'],
    ],
    { inputs: VM_IN, outputs: JOB_OUT },
  ),
  'Export-VMSnapshot': t(
    'The Export-VMSnapshot cmdlet exports one checkpoint of a virtual machine as a virtual machine of its own: <Path>\\<VM name> gets its configuration and virtual hard disks, in the state the checkpoint holds (saved when it was taken while the virtual machine ran, else off) and without checkpoints. The virtual machine and its checkpoints are not changed; Import-VM reads the export like any other.',
    [
      [
        "Export-VMSnapshot -Name 'Before update' -VMName TEST01 -Path E:\\Exports -ComputerName HV02",
        "Exports TEST01's checkpoint 'Before update' to E:\\Exports\\TEST01 on HV02.",
      ],
      [
        'Get-VM TEST01 -ComputerName HV02 | Export-VMSnapshot -Name Base -Path E:\\Base -AsJob',
        'Exports the checkpoint Base as a background job; Get-Job follows it.',
      ],
    ],
    { inputs: VM_IN, outputs: JOB_OUT },
  ),
  'Import-VM': t(
    'The Import-VM cmdlet registers an exported virtual machine from its configuration file. By default it is registered where its files are, with its own ID; -Copy copies the files to new folders first (a restore, keeping the ID), and -Copy -GenerateNewId makes a copy with a new ID, so the export can be imported again.',
    [
      [
        "Import-VM -Path 'E:\\Exports\\TEST01\\Virtual Machines\\5C1B1E3A-7E0D-4C8B-9F2A-3D4E5F607182.xml' -ComputerName HV02",
        'Registers the exported TEST01 in place, with its ID.',
      ],
      [
        "Import-VM -Path 'E:\\Exports\\TEST01\\Virtual Machines\\5C1B1E3A-7E0D-4C8B-9F2A-3D4E5F607182.xml' -Copy -GenerateNewId -VhdDestinationPath D:\\VMs\\TEST02 -VirtualMachinePath D:\\VMs\\TEST02 -ComputerName HV02",
        'Copies the export into D:\\VMs\\TEST02 and registers the copy with a new ID.',
      ],
    ],
    { outputs: 'Microsoft.HyperV.PowerShell.VirtualMachine' },
  ),
  'Compare-VM': t(
    'The Compare-VM cmdlet checks whether a virtual machine could move to another host, without moving it, and returns a compatibility report that lists every incompatibility.',
    [['Compare-VM -Name WEB01 -DestinationHost HV02', 'Lists what would stop WEB01 from moving to HV02.']],
    { outputs: 'Microsoft.HyperV.PowerShell.VMCompatibilityReport' },
  ),
  'Get-VMHost': t(
    "The Get-VMHost cmdlet gets a Hyper-V host's settings: migration limits, performance option, authentication and default folders.",
    [['Get-VMHost -ComputerName HV01', "Shows HV01's Hyper-V settings."]],
    { outputs: 'Microsoft.HyperV.PowerShell.VMHost' },
  ),
  'Set-VMHost': t(
    "The Set-VMHost cmdlet changes a Hyper-V host's settings: simultaneous live and storage migrations, the live migration performance option (TCPIP, Compression, SMB) and authentication (CredSSP, Kerberos).",
    [
      [
        'Set-VMHost -ComputerName HV01,HV02 -VirtualMachineMigrationPerformanceOption SMB',
        'Makes HV01 and HV02 carry live migrations over SMB (SMB Direct and Multichannel).',
      ],
      ['Set-VMHost -MaximumVirtualMachineMigrations 4', 'Allows four simultaneous live migrations on this host.'],
    ],
  ),
  'Enable-VMMigration': t('The Enable-VMMigration cmdlet lets a host send and receive live migrations.', [
    ['Enable-VMMigration -ComputerName HV01,HV02', 'Enables live migration on HV01 and HV02.'],
  ]),
  'Disable-VMMigration': t('The Disable-VMMigration cmdlet stops a host from sending or receiving live migrations.', [
    ['Disable-VMMigration -ComputerName HV02', 'Disables live migration on HV02.'],
  ]),
  'Add-VMMigrationNetwork': t(
    'The Add-VMMigrationNetwork cmdlet adds a subnet that live migrations may use; with several, -Priority orders them (lower first).',
    [['Add-VMMigrationNetwork 10.10.1.0/24 -Priority 1 -ComputerName HV01', 'Lets HV01 use 10.10.1.0/24 first for live migrations.']],
  ),
  'Remove-VMMigrationNetwork': t('The Remove-VMMigrationNetwork cmdlet removes a subnet from those live migrations may use.', [
    ['Remove-VMMigrationNetwork 10.10.1.0/24 -ComputerName HV01', 'Stops HV01 from using 10.10.1.0/24 for live migrations.'],
  ]),
  'Get-VMMigrationNetwork': t('The Get-VMMigrationNetwork cmdlet lists the subnets a host may use for live migrations, with their priorities.', [
    ['Get-VMMigrationNetwork -ComputerName HV01', "Lists HV01's migration networks."],
  ]),
  'Get-NetAdapter': t(
    "The Get-NetAdapter function gets a computer's network adapters: name, description, status, link speed and team.",
    [
      ['Get-NetAdapter', 'Lists the network adapters of this computer.'],
      ['Get-NetAdapter -Name SMB* -CimSession HV01', 'Gets the adapters of HV01 whose names start with SMB.'],
    ],
    { outputs: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter' },
  ),
  'Enable-NetAdapter': t('The Enable-NetAdapter function enables a network adapter that was disabled.', [['Enable-NetAdapter -Name SMB1', 'Enables SMB1.']]),
  'Disable-NetAdapter': t(
    'The Disable-NetAdapter function disables a network adapter, which cuts its link. It asks for confirmation unless -Confirm:$false is given.',
    [
      ['Disable-NetAdapter -Name SMB1', 'Disables SMB1 after you confirm.'],
      ['Disable-NetAdapter -Name SMB1 -Confirm:$false', 'Disables SMB1 without asking.'],
    ],
  ),
  'Get-NetAdapterRdma': t('The Get-NetAdapterRdma function shows whether RDMA (SMB Direct) is enabled on network adapters that support it.', [
    ['Get-NetAdapterRdma -CimSession HV01', "Lists the RDMA settings of HV01's adapters."],
  ]),
  'Enable-NetAdapterRdma': t('The Enable-NetAdapterRdma function enables RDMA on a network adapter that supports it.', [
    ['Enable-NetAdapterRdma -Name SMB1', 'Enables RDMA on SMB1.'],
  ]),
  'Disable-NetAdapterRdma': t('The Disable-NetAdapterRdma function disables RDMA on a network adapter; SMB then uses TCP on it.', [
    ['Disable-NetAdapterRdma -Name SMB1', 'Disables RDMA on SMB1.'],
  ]),
  'New-NetLbfoTeam': t(
    'The New-NetLbfoTeam function creates a NIC team from network adapters, with a teaming mode and a load-balancing algorithm. A team member cannot use RDMA.',
    [
      [
        'New-NetLbfoTeam -Name Team1 -TeamMembers NIC1,NIC2 -TeamingMode SwitchIndependent -LoadBalancingAlgorithm Dynamic',
        'Creates Team1 from NIC1 and NIC2.',
      ],
    ],
  ),
  'Remove-NetLbfoTeam': t(
    'The Remove-NetLbfoTeam function deletes a NIC team; its members become separate adapters again. It asks for confirmation unless -Confirm:$false is given.',
    [['Remove-NetLbfoTeam -Name Team1 -Confirm:$false', 'Deletes Team1 without asking.']],
  ),
  'Get-NetLbfoTeam': t('The Get-NetLbfoTeam function gets the NIC teams of a computer: members, mode, algorithm and status.', [
    ['Get-NetLbfoTeam -CimSession HV01', "Lists HV01's NIC teams."],
  ]),
  'Set-SmbBandwidthLimit': t(
    'The Set-SmbBandwidthLimit function limits the SMB traffic of one category (Default, VirtualMachine, LiveMigration), for example so live migration over SMB leaves room for storage traffic. It needs the SMB Bandwidth Limit feature.',
    [['Set-SmbBandwidthLimit -Category LiveMigration -BytesPerSecond 750MB', 'Limits live migration traffic over SMB to 750 MB per second.']],
  ),
  'Get-SmbBandwidthLimit': t('The Get-SmbBandwidthLimit function lists the SMB bandwidth limits of a computer.', [
    ['Get-SmbBandwidthLimit', 'Lists the limits.'],
  ]),
  'Remove-SmbBandwidthLimit': t('The Remove-SmbBandwidthLimit function removes the SMB bandwidth limit of a category.', [
    ['Remove-SmbBandwidthLimit -Category LiveMigration', 'Removes the limit on live migration traffic.'],
  ]),
  'Get-SmbMultichannelConnection': t(
    'The Get-SmbMultichannelConnection function shows the SMB connections in use and which client and server interfaces, with or without RDMA, they run over.',
    [['Get-SmbMultichannelConnection -CimSession HV01', 'Shows the SMB Multichannel connections of HV01 while a transfer runs.']],
  ),
  'Get-SmbClientConfiguration': t(
    'The Get-SmbClientConfiguration function shows the SMB client settings of a computer. In this lab EnableMultiChannel, ConnectionCountPerRssNetworkInterface and MaximumConnectionCountPerServer are live: the Multichannel planner reads them; the rest are shown at their defaults.',
    [['Get-SmbClientConfiguration -CimSession HV02', 'Shows the SMB client settings of HV02, EnableMultiChannel among them.']],
  ),
  'Set-SmbClientConfiguration': t(
    'The Set-SmbClientConfiguration function changes the SMB client settings. -EnableMultiChannel $false makes every new SMB session use one connection, and no SMB Direct; copies already running are re-planned at once.',
    [
      ['Set-SmbClientConfiguration -EnableMultiChannel $false -Force', 'Turns SMB Multichannel off on this computer as a client.'],
      [
        'Set-SmbClientConfiguration -ConnectionCountPerRssNetworkInterface 8 -CimSession HV02 -Force',
        'Opens eight connections per RSS-capable interface from HV02.',
      ],
    ],
  ),
  'Get-SmbServerConfiguration': t(
    'The Get-SmbServerConfiguration function shows the SMB server settings of a computer; EnableMultiChannel is live in this lab.',
    [['Get-SmbServerConfiguration -CimSession FS01', "Shows FS01's SMB server settings."]],
  ),
  'Set-SmbServerConfiguration': t(
    'The Set-SmbServerConfiguration function changes the SMB server settings. With -EnableMultiChannel $false the server accepts one connection per session from every client, without SMB Direct.',
    [['Set-SmbServerConfiguration -EnableMultiChannel $false -CimSession FS01 -Force', 'Turns SMB Multichannel off on the file server FS01.']],
  ),
  'New-SmbMultichannelConstraint': t(
    'The New-SmbMultichannelConstraint function tells the SMB client to reach a server only through the named interfaces. Interfaces already constrained for that server stay; the new ones are added.',
    [
      ['New-SmbMultichannelConstraint -ServerName FS01 -InterfaceAlias SMB1,SMB2 -Force', 'Keeps SMB traffic to FS01 on the SMB1 and SMB2 adapters.'],
      ['New-SmbMultichannelConstraint FS01 14 -Force', 'The same for the interface whose ifIndex is 14.'],
    ],
  ),
  'Get-SmbMultichannelConstraint': t(
    'The Get-SmbMultichannelConstraint function lists the Multichannel constraints of the computer, one row per server and interface.',
    [['Get-SmbMultichannelConstraint', 'Lists the constraints of this computer.']],
  ),
  'Remove-SmbMultichannelConstraint': t(
    'The Remove-SmbMultichannelConstraint function removes Multichannel constraints; without -ServerName or an interface it removes them all.',
    [['Remove-SmbMultichannelConstraint -ServerName FS01 -Force', 'SMB may use every interface to reach FS01 again.']],
  ),
  'Update-SmbMultichannelConnection': t(
    'The Update-SmbMultichannelConnection function makes the SMB client look at its interfaces again and re-plan its connections, for example after a constraint or an adapter changed.',
    [['Update-SmbMultichannelConnection -ServerName FS01', 'Re-plans the connections to FS01.']],
  ),
  'Get-SmbConnection': t(
    'The Get-SmbConnection function lists the SMB sessions of the computer as a client: which share of which server, as which account, with which SMB dialect and how many open files.',
    [['Get-SmbConnection -ServerName FS01', 'Shows the shares of FS01 that this host has files open on.']],
  ),
  'Get-SmbServerNetworkInterface': t(
    'The Get-SmbServerNetworkInterface function lists the interfaces the SMB server listens on, with their speed and RSS and RDMA capability.',
    [['Get-SmbServerNetworkInterface -CimSession FS01', "Lists FS01's SMB server interfaces."]],
  ),
  'Get-NetLbfoTeamMember': t(
    'The Get-NetLbfoTeamMember function lists the adapters of NIC teams: whether each is Active or Standby (AdministrativeMode), whether it carries traffic now (OperationalStatus), its link speed and why it failed, if it did.',
    [
      ['Get-NetLbfoTeamMember -Team Team1', 'Lists the members of Team1.'],
      ['Get-NetLbfoTeamMember -CimSession HV01', 'Lists the members of every team of HV01.'],
    ],
  ),
  'Add-NetLbfoTeamMember': t(
    'The Add-NetLbfoTeamMember function adds a network adapter to a NIC team. The adapter gives up its own IP configuration (the team interface has one) and, for SMB, its RDMA: a teamed adapter is never RDMA-capable. Transfers crossing the host are re-planned at once.',
    [
      ['Add-NetLbfoTeamMember -Name NIC3 -Team Team1', 'Adds NIC3 to Team1 as an active member.'],
      [
        'Add-NetLbfoTeamMember NIC4 Team1 -AdministrativeMode Standby',
        'Adds NIC4 as the standby member: it carries traffic only when the active members fail.',
      ],
    ],
  ),
  'Remove-NetLbfoTeamMember': t(
    'The Remove-NetLbfoTeamMember function takes adapters out of a NIC team; each gets back the IP address it had before it joined. The last member cannot leave: remove the team instead.',
    [['Remove-NetLbfoTeamMember -Name NIC2 -Team Team1', 'Makes NIC2 a stand-alone adapter again.']],
  ),
  'Set-NetLbfoTeamMember': t(
    'The Set-NetLbfoTeamMember function makes a team member Active or Standby. A team can have one standby member, in Switch Independent mode only; the standby member carries nothing until an active member fails.',
    [['Set-NetLbfoTeamMember -Name NIC2 -Team Team1 -AdministrativeMode Standby', 'Keeps NIC2 in reserve.']],
  ),
  'Get-SmbShare': t(
    'The Get-SmbShare function lists the shares of a computer: the folders it shares and the administrative shares Windows creates (ADMIN$, IPC$, one X$ per volume).',
    [
      ['Get-SmbShare -CimSession FS01', "Lists FS01's shares."],
      ['Get-SmbShare -Name VMs -CimSession FS01', 'Shows the share VMs.'],
    ],
  ),
  'New-SmbShare': t(
    'The New-SmbShare function shares a folder of a volume. For Hyper-V over SMB, give Full access to the computer account of every Hyper-V host that will use it (DOMAIN\\HOST$) and to the administrators; without any access parameter the share gives Everyone Read access only, and a move onto it is refused.',
    [
      [
        "New-SmbShare -Name VMs2 -Path D:\\Shares\\VMs2 -FullAccess 'CONTOSO\\HV01$','CONTOSO\\HV02$','CONTOSO\\Domain Admins' -CimSession FS01",
        'Shares D:\\Shares\\VMs2 on FS01 for both Hyper-V hosts.',
      ],
    ],
  ),
  'Remove-SmbShare': t(
    'The Remove-SmbShare function stops sharing folders; their files stay where they are. A share that running virtual machines use is refused: stop them or move their storage first.',
    [['Remove-SmbShare -Name VMs2 -CimSession FS01 -Force', 'Stops sharing VMs2 on FS01.']],
  ),
  'Grant-SmbShareAccess': t(
    'The Grant-SmbShareAccess function gives accounts Full, Change or Read access to shares; an account has one allow entry per share, so granting replaces what it had. A deny entry (-NoAccess) still wins.',
    [
      [
        "Grant-SmbShareAccess -Name VMs -AccountName 'CONTOSO\\HV02$' -AccessRight Full -CimSession FS01 -Force",
        "Lets HV02's computer account run virtual machines from \\\\FS01\\VMs.",
      ],
    ],
  ),
  'Get-SmbShareAccess': t('The Get-SmbShareAccess function lists who may use a share: each account, Allow or Deny, and its right (Full, Change, Read).', [
    ['Get-SmbShareAccess -Name VMs -CimSession FS01', 'Shows the access entries of \\\\FS01\\VMs.'],
  ]),
  'New-NetIPAddress': t(
    'The New-NetIPAddress function gives an interface a static IPv4 address and prefix length, which puts it on a subnet: SMB Multichannel pairs interfaces on the same subnet, and Test-Connection reaches what shares a subnet. This lab keeps one address per interface.',
    [['New-NetIPAddress -InterfaceAlias SMB3 -IPAddress 10.10.3.11 -PrefixLength 24', 'Puts SMB3 on the subnet 10.10.3.0/24.']],
  ),
  'Remove-NetIPAddress': t(
    'The Remove-NetIPAddress function removes IP addresses from interfaces; an interface without an address carries no SMB or ping traffic.',
    [['Remove-NetIPAddress -IPAddress 10.10.3.11', 'Removes the address 10.10.3.11 from the interface that has it.']],
  ),
  'Get-VMMemory': t(
    'The Get-VMMemory cmdlet shows the memory settings of virtual machines: Dynamic Memory, startup, minimum and maximum memory, buffer and weight.',
    [['Get-VMMemory -VMName SQL01', "Shows SQL01's memory settings."]],
  ),
  'Rename-NetAdapter': t(
    'The Rename-NetAdapter function renames a physical network adapter. Its team membership, the virtual switch bound to it and SMB Multichannel constraints naming it follow the new name.',
    [['Rename-NetAdapter -Name SMB1 -NewName Storage1', 'Renames SMB1 to Storage1.']],
  ),
  'Get-NetAdapterAdvancedProperty': t(
    'The Get-NetAdapterAdvancedProperty function lists the driver settings of network adapters that this lab models: Jumbo Packet, Maximum Number of RSS Queues and, on RDMA adapters, NetworkDirect Functionality.',
    [['Get-NetAdapterAdvancedProperty -Name SMB1', "Lists SMB1's advanced properties."]],
  ),
  'Set-NetAdapterAdvancedProperty': t(
    'The Set-NetAdapterAdvancedProperty function changes a driver setting of network adapters. Jumbo frames (9014 bytes) at both ends raise what TCP carries over a link by about 4 %; the RSS queues decide whether SMB treats the adapter as RSS-capable.',
    [
      ['Set-NetAdapterAdvancedProperty -Name NIC* -DisplayName "Jumbo Packet" -DisplayValue "9014 Bytes"', 'Turns on jumbo frames on NIC1 and NIC2.'],
      ['Set-NetAdapterAdvancedProperty -Name SMB1 -RegistryKeyword *JumboPacket -RegistryValue 1514', 'Turns jumbo frames off on SMB1.'],
    ],
  ),
  'Get-NetAdapterRss': t(
    'The Get-NetAdapterRss function shows the receive-side scaling settings of network adapters: whether RSS is on and how many receive queues they use.',
    [['Get-NetAdapterRss -Name SMB*', 'Shows the RSS settings of SMB1 and SMB2.']],
  ),
  'Get-NetIPAddress': t('The Get-NetIPAddress function lists the IP addresses of the computer and the interfaces they are on.', [
    ['Get-NetIPAddress -AddressFamily IPv4', 'Lists the IPv4 addresses of this computer.'],
    ['Get-NetIPAddress -InterfaceAlias SMB1 -CimSession FS01', "Shows the address of FS01's SMB1 adapter."],
  ]),
  'Test-Connection': t(
    'The Test-Connection cmdlet pings computers and writes one row per reply; it fails when no network connects the two. With -Quiet it returns $true or $false for each computer.',
    [
      ['Test-Connection FS01 -Count 2', 'Pings FS01 twice from this computer.'],
      ['Test-Connection 10.10.2.20 -Source HV02 -Quiet', 'Whether HV02 reaches the address 10.10.2.20.'],
    ],
  ),
  'Get-SmbClientNetworkInterface': t(
    'The Get-SmbClientNetworkInterface function lists the network interfaces the SMB client can use, with their speed and RDMA and RSS capability.',
    [['Get-SmbClientNetworkInterface -CimSession HV01', "Lists HV01's SMB client interfaces."]],
  ),
  'Get-Job': t(
    'The Get-Job cmdlet gets the background jobs of this session: moves started with -AsJob and the like, with their state (Running, Completed, Failed, Stopped).',
    [
      ['Get-Job', 'Lists the jobs of this session.'],
      ['Get-Job -State Running', 'Lists the jobs that are still running.'],
    ],
    { outputs: 'System.Management.Automation.RemotingJob' },
  ),
  'Stop-Job': t('The Stop-Job cmdlet stops a running job. A move that is stopped is rolled back: the virtual machine stays where it was.', [
    ['Stop-Job -Id 1', 'Stops job 1.'],
  ]),
  'Wait-Job': t('The Wait-Job cmdlet waits until jobs end (all of them, or the first with -Any), or until -Timeout seconds have passed.', [
    ['Wait-Job -Id 1,2', 'Waits until jobs 1 and 2 have ended.'],
  ]),
  'Get-VMSwitch': t(
    'The Get-VMSwitch cmdlet gets the virtual switches of a Hyper-V host: name, type (External, Internal, Private) and the adapter an external switch is bound to.',
    [['Get-VMSwitch -ComputerName HV01', "Lists HV01's virtual switches."]],
  ),
  'New-VMSwitch': t(
    'The New-VMSwitch cmdlet creates a virtual switch: External, bound to a physical adapter or team (-NetAdapterName), or Internal or Private (-SwitchType).',
    [
      [
        'New-VMSwitch -Name Production -NetAdapterName Team1 -AllowManagementOS $true',
        'Creates an external switch named Production on Team1, shared with the host.',
      ],
      ['New-VMSwitch -Name Lab -SwitchType Private', 'Creates a private switch that connects virtual machines only.'],
    ],
  ),
  'Set-VMSwitch': t('The Set-VMSwitch cmdlet changes a virtual switch: its type, the adapter it is bound to, whether the host shares it, its notes.', [
    ['Set-VMSwitch -Name Production -AllowManagementOS $false', 'Stops the host from sharing the Production switch.'],
  ]),
  'Rename-VMSwitch': t(
    'The Rename-VMSwitch cmdlet renames a virtual switch. Virtual machines moving between hosts need a switch of the same name on the destination.',
    [['Rename-VMSwitch Production -NewName External', 'Renames the Production switch to External.']],
  ),
  'Remove-VMSwitch': t(
    'The Remove-VMSwitch cmdlet deletes a virtual switch; the virtual machines connected to it are left not connected. It asks for confirmation unless -Force is given.',
    [['Remove-VMSwitch -Name Lab -Force', 'Deletes the Lab switch without asking.']],
  ),
  'Get-VMNetworkAdapter': t(
    "The Get-VMNetworkAdapter cmdlet gets the network adapters of a virtual machine, or the host's own virtual adapters with -ManagementOS.",
    [
      ['Get-VMNetworkAdapter -VMName WEB01', "Lists WEB01's network adapters and their switches."],
      ['Get-VMNetworkAdapter -ManagementOS', "Lists the host's virtual network adapters."],
    ],
  ),
  'Connect-VMNetworkAdapter': t("The Connect-VMNetworkAdapter cmdlet connects a virtual machine's network adapter to a virtual switch.", [
    ['Connect-VMNetworkAdapter -VMName WEB01 -SwitchName Production', "Connects WEB01's adapter to the Production switch."],
  ]),
  'Disconnect-VMNetworkAdapter': t("The Disconnect-VMNetworkAdapter cmdlet disconnects a virtual machine's network adapter from its switch.", [
    ['Disconnect-VMNetworkAdapter -VMName WEB01', "Disconnects WEB01's adapters."],
  ]),
  'Get-VMNetworkAdapterVlan': t('The Get-VMNetworkAdapterVlan cmdlet shows the VLAN settings of virtual network adapters.', [
    ['Get-VMNetworkAdapterVlan -VMName WEB01', "Shows WEB01's VLAN settings."],
  ]),
  'Set-VMNetworkAdapterVlan': t('The Set-VMNetworkAdapterVlan cmdlet puts a virtual network adapter in access mode on a VLAN, or untagged.', [
    ['Set-VMNetworkAdapterVlan -VMName WEB01 -Access -VlanId 20', "Puts WEB01's adapter on VLAN 20."],
  ]),
  'Rename-VM': t(
    'The Rename-VM cmdlet renames a virtual machine; its files and folders keep their names.',
    [['Rename-VM WEB01 -NewName WEB01-OLD', 'Renames WEB01 to WEB01-OLD.']],
    {
      inputs: VM_IN,
      outputs: VM_OUT,
    },
  ),
  'Remove-VM': t(
    'The Remove-VM cmdlet deletes a virtual machine: its configuration, checkpoints and saved state. Its virtual hard disks are kept. The virtual machine must be off. It asks for confirmation unless -Force is given.',
    [
      ['Remove-VM -Name TEST01', 'Deletes TEST01 after you confirm.'],
      ['Remove-VM -Name TEST01 -Force', 'Deletes TEST01 without asking.'],
    ],
    { inputs: VM_IN, outputs: VM_OUT },
  ),
  'Get-Service': t(
    "The Get-Service cmdlet gets the services of a computer with their status. This lab models one service: vmms, Hyper-V's Virtual Machine Management service, on each Hyper-V host.",
    [
      ['Get-Service vmms', 'Shows whether the Virtual Machine Management service runs on the computer you are signed in on.'],
      ['Get-Service vmms -ComputerName HV01,HV02', 'Shows its status on HV01 and HV02.'],
    ],
    { outputs: 'System.ServiceProcess.ServiceController' },
  ),
  'Stop-Service': t(
    'The Stop-Service cmdlet stops a service of the local computer. Stopping vmms leaves the virtual machines running, but no Hyper-V cmdlet or Hyper-V Manager can manage them until it starts again. It is refused while a move involves the computer.',
    [['Stop-Service vmms', 'Stops the Virtual Machine Management service of the computer you are signed in on.']],
  ),
  'Start-Service': t('The Start-Service cmdlet starts a stopped service of the local computer.', [
    ['Start-Service vmms', 'Starts the Virtual Machine Management service of the computer you are signed in on.'],
  ]),
  'Set-Service': t(
    "The Set-Service cmdlet changes a service of a local or remote computer; -Status Running starts it and -Status Stopped stops it. Hyper-V Manager's Stop Service and Start Service do the same for vmms.",
    [
      ['Set-Service vmms -ComputerName HV02 -Status Stopped', 'Stops the Virtual Machine Management service on HV02.'],
      ['Set-Service vmms -ComputerName HV02 -Status Running', 'Starts it again.'],
    ],
  ),
  'Get-VMSnapshot': t('The Get-VMSnapshot cmdlet gets the checkpoints (snapshots) of a virtual machine.', [
    ['Get-VMSnapshot -VMName WEB01', "Lists WEB01's checkpoints."],
  ]),
  'Restore-VMSnapshot': t(
    'The Restore-VMSnapshot cmdlet applies a checkpoint: the virtual machine returns to the state it was in when the checkpoint was taken.',
    [['Restore-VMSnapshot -Name "Before update" -VMName WEB01', 'Applies the checkpoint "Before update" of WEB01.']],
  ),
  'Remove-VMSnapshot': t(
    "The Remove-VMSnapshot cmdlet deletes checkpoints; their differencing disks are merged into their children or the virtual machine's running state.",
    [['Remove-VMSnapshot -VMName WEB01 -Name "Before update"', 'Deletes the checkpoint "Before update" of WEB01.']],
  ),
  'Rename-VMSnapshot': t('The Rename-VMSnapshot cmdlet renames a checkpoint.', [
    ['Rename-VMSnapshot -VMName WEB01 -Name "Before update" -NewName Baseline', 'Renames a checkpoint of WEB01.'],
  ]),
  'New-VM': t(
    'The New-VM cmdlet creates a virtual machine: its name, startup memory, generation, switch and a new, existing or no virtual hard disk.',
    [
      ['New-VM -Name TEST01 -MemoryStartupBytes 1GB -NewVHDPath D:\\VMs\\TEST01\\disk.vhdx -NewVHDSizeBytes 40GB', 'Creates TEST01 with a new 40 GB disk.'],
      ['New-VM -Name TEST02 -NoVHD -Generation 2 -SwitchName Production', 'Creates a generation 2 virtual machine without a disk, connected to Production.'],
    ],
    { outputs: 'Microsoft.HyperV.PowerShell.VirtualMachine' },
  ),
  'New-VHD': t('The New-VHD cmdlet creates a virtual hard disk file: dynamically expanding, fixed size, or differencing from a parent.', [
    ['New-VHD -Path D:\\VMs\\data.vhdx -SizeBytes 100GB -Dynamic', 'Creates a dynamically expanding 100 GB disk.'],
  ]),
  'Get-VHD': t('The Get-VHD cmdlet gets the properties of a virtual hard disk file: its format, type, size and size on disk, and its parent.', [
    ['Get-VHD -Path D:\\VMs\\WEB01\\disk.vhdx', 'Shows the properties of one disk.'],
  ]),
  'Resize-VHD': t('The Resize-VHD cmdlet grows a virtual hard disk, or shrinks a VHDX down to the space its partitions use.', [
    ['Resize-VHD -Path D:\\VMs\\data.vhdx -SizeBytes 200GB', 'Grows the disk to 200 GB.'],
  ]),
  'Convert-VHD': t('The Convert-VHD cmdlet copies a virtual hard disk into a new file of another format (VHD, VHDX) or type (fixed, dynamic).', [
    ['Convert-VHD -Path D:\\VMs\\old.vhd -DestinationPath D:\\VMs\\new.vhdx', 'Converts a VHD into a VHDX.'],
  ]),
  'Optimize-VHD': t('The Optimize-VHD cmdlet reclaims unused space in a dynamically expanding or differencing virtual hard disk.', [
    ['Optimize-VHD -Path D:\\VMs\\data.vhdx -Mode Full', 'Compacts data.vhdx.'],
  ]),
  'Merge-VHD': t('The Merge-VHD cmdlet merges a differencing disk into its parent.', [
    ['Merge-VHD -Path D:\\VMs\\child.avhdx', 'Merges child.avhdx into its parent.'],
  ]),
  'Get-VMHardDiskDrive': t("The Get-VMHardDiskDrive cmdlet lists a virtual machine's hard disk drives: controller, location and the file each one uses.", [
    ['Get-VMHardDiskDrive -VMName WEB01', "Lists WEB01's hard disk drives."],
  ]),
  'Add-VMHardDiskDrive': t('The Add-VMHardDiskDrive cmdlet adds a hard disk drive to a virtual machine, with a virtual hard disk file.', [
    ['Add-VMHardDiskDrive -VMName WEB01 -ControllerType SCSI -Path D:\\VMs\\data.vhdx', 'Attaches data.vhdx to WEB01 on its SCSI controller.'],
  ]),
  'Remove-VMHardDiskDrive': t('The Remove-VMHardDiskDrive cmdlet removes a hard disk drive from a virtual machine; the virtual hard disk file is kept.', [
    ['Remove-VMHardDiskDrive -VMName WEB01 -ControllerType SCSI -ControllerNumber 0 -ControllerLocation 1', 'Removes the drive at SCSI 0:1 from WEB01.'],
  ]),
  'Set-VMDvdDrive': t("The Set-VMDvdDrive cmdlet inserts an image file into a virtual machine's DVD drive, or empties it.", [
    ['Set-VMDvdDrive -VMName TEST01 -Path D:\\ISO\\WindowsServer2012R2.iso', 'Inserts the installation image into TEST01.'],
  ]),
  'Get-VMProcessor': t(
    "The Get-VMProcessor cmdlet gets a virtual machine's processor: the number of virtual processors, compatibility for migration, resource control (reserve, limit, relative weight) and the NUMA node size it may use.",
    [['Get-VMProcessor -VMName SQL01', "Shows SQL01's processor settings."]],
  ),
  'Get-VMIntegrationService': t(
    'The Get-VMIntegrationService cmdlet lists the integration services Hyper-V offers a virtual machine (Shutdown, Time Synchronization, Key-Value Pair Exchange, Heartbeat, VSS, Guest Service Interface) and whether each is enabled.',
    [
      ['Get-VMIntegrationService -VMName WEB01', 'Lists the integration services of WEB01.'],
      ["Get-VMIntegrationService -VMName WEB01 -Name 'Guest Service Interface'", 'Shows whether Guest services are offered to WEB01.'],
    ],
  ),
  'Enable-VMIntegrationService': t('The Enable-VMIntegrationService cmdlet offers an integration service to a virtual machine.', [
    ["Enable-VMIntegrationService -Name 'Guest Service Interface' -VMName WEB01", 'Offers Guest services (Copy-VMFile) to WEB01.'],
  ]),
  'Disable-VMIntegrationService': t(
    'The Disable-VMIntegrationService cmdlet stops offering an integration service to a virtual machine. Without Shutdown, the virtual machine can only be turned off.',
    [
      [
        "Disable-VMIntegrationService -Name 'Time Synchronization' -VMName DC01",
        "Stops DC01 taking its time from the host (a domain controller's usual setting).",
      ],
    ],
  ),
  'Get-VMBios': t('The Get-VMBios cmdlet gets the BIOS of a generation 1 virtual machine: its startup order and Num Lock.', [
    ['Get-VMBios -VMName TEST01 -ComputerName HV02', "Shows TEST01's startup order."],
  ]),
  'Set-VMBios': t(
    'The Set-VMBios cmdlet sets the startup order (CD, IDE, LegacyNetworkAdapter, Floppy) and Num Lock of a generation 1 virtual machine that is turned off.',
    [['Set-VMBios -VMName TEST01 -ComputerName HV02 -StartupOrder IDE,CD,LegacyNetworkAdapter,Floppy', 'Makes TEST01 start from its IDE hard drive first.']],
  ),
  'Get-VMFirmware': t('The Get-VMFirmware cmdlet gets the firmware of a generation 2 virtual machine: its boot order and Secure Boot.', [
    ['Get-VMFirmware -VMName WEB01', "Shows WEB01's boot order."],
  ]),
  'Set-VMFirmware': t(
    "The Set-VMFirmware cmdlet sets the boot order and Secure Boot of a generation 2 virtual machine that is turned off. In this lab a device is named by its controller location ('SCSI 0:1') or a network adapter by its name.",
    [
      ["Set-VMFirmware -VMName WEB01 -FirstBootDevice 'Network Adapter'", 'Makes WEB01 boot from the network first.'],
      ['Set-VMFirmware -VMName WEB01 -EnableSecureBoot Off', 'Turns Secure Boot off, to boot a loader Microsoft has not signed.'],
    ],
  ),
  'Add-VMNetworkAdapter': t(
    'The Add-VMNetworkAdapter cmdlet adds a network adapter to a virtual machine that is turned off, connected to a virtual switch or not; -IsLegacy adds a legacy one to a generation 1 virtual machine.',
    [['Add-VMNetworkAdapter -VMName TEST01 -ComputerName HV02 -SwitchName Production', 'Gives TEST01 a second network adapter on the Production switch.']],
  ),
  'Add-VMScsiController': t('The Add-VMScsiController cmdlet adds a SCSI controller (up to four) to a virtual machine that is turned off.', [
    ['Add-VMScsiController -VMName TEST01 -ComputerName HV02', 'Adds a SCSI controller to TEST01.'],
  ]),
  'Add-VMDvdDrive': t(
    'The Add-VMDvdDrive cmdlet adds a DVD drive to a virtual machine that is turned off: on an IDE controller for generation 1, on SCSI for generation 2, optionally with an image file.',
    [['Add-VMDvdDrive -VMName TEST01 -ComputerName HV02 -Path D:\\ISO\\WindowsServer2012R2.iso', 'Adds a DVD drive holding the installation image to TEST01.']],
  ),
  'Get-Help': t(
    'The Get-Help cmdlet shows the help topic of a cmdlet: its syntax generated from its parameter sets, its description, and with -Detailed, -Full, -Examples or -Parameter more of it.',
    [
      ['Get-Help Move-VM', 'Shows the help topic of Move-VM.'],
      ['Get-Help Move-VM -Examples', 'Shows the examples of Move-VM.'],
      ['Get-Help Move-VM -Parameter DestinationHost', 'Describes the DestinationHost parameter of Move-VM.'],
    ],
  ),
  'Get-Command': t(
    'The Get-Command cmdlet lists the cmdlets of this console, with their type and module; -Verb, -Noun, -Module and -Name narrow the list and take wildcards.',
    [
      ['Get-Command -Module Hyper-V', 'Lists the Hyper-V cmdlets.'],
      ['Get-Command -Noun VM*', 'Lists the cmdlets whose noun starts with VM.'],
      ['Get-Command *Smb*', 'Lists the cmdlets with Smb in their names.'],
    ],
    { outputs: 'System.Management.Automation.CmdletInfo' },
  ),
  ...DCB_TOPICS,
};

/** The topic of a cmdlet; a cmdlet added without one gets its synopsis and an example built from its mandatory parameters. */
export function helpTopicOf(sig: CmdletSignature): HelpTopic {
  return TOPICS[sig.name] ?? { description: sig.synopsis, examples: [] };
}

/** Cmdlets whose topic is written out (test/unit/cmdlets/help.test.ts wants every registered cmdlet here). */
export function hasWrittenTopic(name: string): boolean {
  return Object.hasOwn(TOPICS, name);
}
