// The console's own help (Help > Help Topics, F1, the Help actions), written for this console in
// its own words. Each topic is lab Markdown (engine/common/markdown.ts). The facts follow the
// public documentation named in each topic's comment; where this console simplifies, it says so.

export type HelpTopicId =
  | 'manager'
  | 'servers'
  | 'move'
  | 'move-wizard'
  | 'live-migration-settings'
  | 'smb-direct'
  | 'vmconnect'
  | 'new-vm'
  | 'vswitch'
  | 'vm-settings'
  | 'checkpoints'
  | 'export-import'
  | 'virtual-disks';

export interface HelpTopic {
  id: HelpTopicId;
  title: string;
  text: string;
}

export const HELP_TOPICS: readonly HelpTopic[] = [
  {
    id: 'manager',
    title: 'Hyper-V Manager',
    // Microsoft Learn, "Hyper-V Manager" (Windows Server 2012 R2).
    text: `The console has three panes, as the Microsoft Management Console draws them:

- **The console tree** (left): the *Hyper-V Manager* node and one node per Hyper-V server this console manages.
- **The centre pane**: for a server, its **Virtual Machines**, the **Checkpoints** of the selected virtual machine and its **Details** (Summary, Memory, Networking).
- **The Actions pane** (right): what you can do with the selected server and virtual machine. The **Action** menu and the right-click menus list the same actions.

The bottom pane holds the **Jobs** (moves in progress and finished), the **Event Log**, **Networking** (adapters, teams, SMB connections and their traffic) and a **PowerShell** prompt that runs the same cmdlets as the console.

Press **F1** in any window to open the help topic about it. New here? **Help > Getting Started Tour** walks you from the console tree to a finished move, one step at a time.`,
  },
  {
    id: 'servers',
    title: 'Connecting to servers',
    // TechNet, "Hyper-V Manager": Connect to Server, Remove Server.
    text: `**Connect to Server...** (on the *Hyper-V Manager* node) adds a server to the console tree: choose **Local computer** for the server you are signed in on, or **Another computer** and type its name (a short name such as HV02, its full name such as HV02.contoso.com) or pick it with **Browse...**. Only computers with the Hyper-V role can be managed: a file server is refused.

**Remove Server** takes a server out of the console tree. The server, its virtual machines and their moves are not affected: this only changes what this console shows, and the console remembers it next time.

**Stop Service** stops the Virtual Machine Management service (vmms) of a server: its virtual machines keep running, but nothing can manage them until **Start Service** starts it again.`,
  },
  {
    id: 'move',
    title: 'Moving a virtual machine',
    // Microsoft Learn, "Virtual Machine Live Migration Overview" and "Shared Nothing Live Migration" (Windows Server 2012 R2).
    text: `Select a virtual machine and choose **Move...**. Hyper-V in Windows Server 2012 R2 can:

- **Move the virtual machine** to another Hyper-V server (*live migration*). A running virtual machine keeps running: its memory is copied while it works, pages it changes are copied again, and it is paused only for the last pages (the *blackout*, usually well under a second). Users connected to it are not cut off.
- **Move the virtual machine's storage** to another folder, volume or SMB share of the same server (*storage migration*), also while it runs.

With no shared storage between the servers (*shared-nothing live migration*) the virtual hard disks are copied first, then the memory. Both servers must allow live migrations (**Hyper-V Settings > Live Migrations**), trust each other for the chosen authentication, and reach each other over the networks allowed for migration.

Follow a move in the **Jobs** pane; the **Networking** pane shows which adapters carry it. \`Move-VM\` and \`Move-VMStorage\` at the PowerShell prompt do the same.`,
  },
  {
    id: 'move-wizard',
    title: 'The Move Wizard, page by page',
    // TechNet, "Move a virtual machine" / the Move Wizard's pages in Windows Server 2012 R2.
    text: `## Before You Begin
What the wizard does. Tick *Do not show this page again* to skip it next time.

## Choose Move Type
**Move the virtual machine** (to another server) or **Move the virtual machine's storage** (on this server).

## Specify Destination Computer
The name of the Hyper-V server to move to; **Browse...** lists them.

## Choose Move Options
Move all the data to **a single location**, to **different locations** (one per item), or **only the virtual machine** (its disks stay where they are, on storage both servers reach).

## Choose a new location / Choose items to move
The destination folder for everything, or for each virtual hard disk, the configuration, the checkpoints and the smart paging file. The wizard checks the destination has the space.

## Summary
What will happen. **Finish** starts the move as a job; the wizard's checks run again first, and a problem found then is explained with how to fix it.`,
  },
  {
    id: 'live-migration-settings',
    title: 'Live migration settings',
    // Microsoft Learn, "Set up hosts for live migration without Failover Clustering" (Windows Server 2012 R2).
    text: `In **Hyper-V Settings**, on each server:

- **Live Migrations**: **Enable incoming and outgoing live migrations**; how many may run at once (**Simultaneous live migrations**, 2 by default); and which networks carry them: **Use any available network** or only the networks you list (as subnets, in order of preference).
- **Advanced Features**: the **authentication protocol**: *CredSSP* works only when you start the move signed in on the source server; *Kerberos* works from anywhere but needs constrained delegation set up in Active Directory for both servers. And the **performance option**: *TCP/IP*, *Compression* (the default: fewer bytes on the wire, more processor time) or *SMB* (SMB 3.0, which can use SMB Multichannel and SMB Direct).
- **Storage Migrations**: how many storage moves may run at once.

The same settings are \`Set-VMHost\` (\`-VirtualMachineMigrationAuthenticationType\`, \`-VirtualMachineMigrationPerformanceOption\`, \`-MaximumVirtualMachineMigrations\`), \`Enable-VMMigration\` and \`Add-VMMigrationNetwork\`.`,
  },
  {
    id: 'smb-direct',
    title: 'SMB Direct and SMB Multichannel',
    // Microsoft Learn, "Improve performance of a file server with SMB Direct" and "SMB Multichannel" (Windows Server 2012 R2).
    text: `**SMB Direct** is SMB 3.0 over adapters that support RDMA (iWARP, RoCE, InfiniBand): the data moves with little processor work. **SMB Multichannel** spreads one SMB session over several adapters, and survives one of them failing.

Live migration uses them when its performance option is **SMB**, and storage on an SMB share always goes over SMB.

The trap: an RDMA adapter used by a **virtual switch** or a **NIC team** no longer offers RDMA to SMB (in Windows Server 2012 R2 the virtual adapter, *vEthernet (...)*, has no RDMA). Keep the RDMA adapters outside switches and teams. The **Networking** pane and \`Get-SmbMultichannelConnection\` show whether a connection uses RDMA; \`Get-NetAdapterRdma\` shows the adapters' RDMA state; \`Set-SmbBandwidthLimit -Category LiveMigration\` caps what live migration takes.`,
  },
  {
    id: 'vmconnect',
    title: 'Virtual Machine Connection',
    // TechNet, "Virtual Machine Connection Overview" (Windows Server 2012 R2).
    text: `**Connect...** opens the virtual machine's console in its own window, titled *<virtual machine> on <server> - Virtual Machine Connection*.

- The toolbar and the **Action** menu: **Ctrl+Alt+Delete** (sends the key combination to the guest), **Start**, **Turn Off**, **Shut Down**, **Save**, **Pause**, **Resume**, **Reset**, **Checkpoint** and **Revert**. They do exactly what the same actions of Hyper-V Manager do.
- **Media**: the virtual DVD drive's disk (**Eject**).
- **View**: **Full Screen Mode** and the **Toolbar**.
- The status bar shows the virtual machine's state, and a move in progress.

The window follows the virtual machine wherever it is changed from. During a live migration it stays connected; the picture only freezes for the brief blackout. In this lab the guest's screens (starting, sign-in, desktop) are drawn by the console: there is no real operating system behind them.`,
  },
  {
    id: 'new-vm',
    title: 'New Virtual Machine Wizard',
    // Microsoft Learn, "Create a virtual machine in Hyper-V" (Windows Server 2012 R2).
    text: `**New > Virtual Machine...** on a server. The pages: **Specify Name and Location**; **Specify Generation** (Generation 2 needs a 64-bit Windows Server 2012 or later guest, and cannot be changed later); **Assign Memory** (startup memory, and **Dynamic Memory**); **Configure Networking** (a virtual switch of this server, or *Not Connected*); **Connect Virtual Hard Disk** (create one, use an existing one, or attach one later); **Installation Options**; **Summary**. **Finish** runs \`New-VM\` and the cmdlets the options need.`,
  },
  {
    id: 'vswitch',
    title: 'Virtual Switch Manager',
    // Microsoft Learn, "Create a virtual switch for Hyper-V virtual machines".
    text: `A virtual switch connects virtual machines: **External** (to a physical adapter or NIC team, shared with the server itself if **Allow management operating system to share this network adapter** is ticked), **Internal** (virtual machines and the server) or **Private** (virtual machines only). **Global Network Settings > MAC Address Range** sets the addresses given to virtual network adapters.

A move needs a switch of the same name on the destination server for each connected network adapter. An External switch over an RDMA adapter takes RDMA away from SMB: see *SMB Direct and SMB Multichannel*.`,
  },
  {
    id: 'vm-settings',
    title: 'Virtual machine settings',
    // Microsoft Learn, "Hyper-V Dynamic Memory Overview"; "Processor compatibility mode in Hyper-V".
    text: `**Settings...** of a virtual machine: its hardware (memory and Dynamic Memory, processors and **processor compatibility**, hard drives, network adapters and their virtual switch) and its management settings (name, checkpoint and smart paging file locations, automatic start and stop). Many hardware settings can only change while the virtual machine is off.

For moves: a running virtual machine moves only to a server with a compatible processor (same vendor; tick **Migrate to a physical computer with a different processor version** for another generation), and a Dynamic Memory virtual machine restarted on a server short of memory starts from its **smart paging file**.`,
  },
  {
    id: 'checkpoints',
    title: 'Checkpoints',
    // Microsoft Learn, "Using checkpoints to revert virtual machines to a previous state" (Windows Server 2012 R2).
    text: `A checkpoint saves a virtual machine's state, data and configuration as they are, to go back to later. **Checkpoint** takes one; **Revert** goes back to the checkpoint the virtual machine runs from; **Apply** (on a checkpoint) goes back to that one. **Delete Checkpoint** merges its changes away; **Delete Checkpoint Subtree** deletes it and the ones below it. The *Now* marker shows where the running state sits in the tree.

Checkpoints move with the virtual machine. They are not backups: they live on the same storage as the virtual machine.`,
  },
  {
    id: 'export-import',
    title: 'Exporting and importing virtual machines',
    // Microsoft Learn, "Export-VM" and "Import-VM" (Windows Server 2012 R2 module help).
    text: `**Export...** copies a virtual machine into a new folder named after it, under the location you give, with **Virtual Machines** (the configuration, *<ID>.xml*), **Virtual Hard Disks** and **Snapshots**. The copy runs as a job (Jobs pane) and the virtual machine keeps running: Windows Server 2012 R2 exports running virtual machines (2012 needed them off or saved). The folder must not exist yet. PowerShell: \`Export-VM -Name <vm> -Path <location>\`.

**Import Virtual Machine...** on a server reads an export back. **Locate Folder** wants the export's own folder (the one named after the virtual machine); **Choose Import Type**:

- **Register in-place**: the virtual machine uses the exported files where they are and keeps its unique ID. Nothing is copied.
- **Restore**: the files are copied to the folders you choose and the ID is kept.
- **Copy**: the files are copied and the virtual machine gets a new ID, so one export can be imported many times.

Keeping the ID is refused while a virtual machine with that ID is registered: delete it first, or choose Copy. In this lab a server holds one virtual machine of a name. PowerShell: \`Import-VM -Path <folder>\\Virtual Machines\\<ID>.xml [-Copy [-GenerateNewId]] [-VirtualMachinePath] [-VhdDestinationPath]\`.`,
  },
  {
    id: 'virtual-disks',
    title: 'Virtual hard disks: New, Edit and Inspect Disk',
    // Microsoft Learn, "Hyper-V Virtual Hard Disk Format Overview" (Windows Server 2012 R2) and the
    // Hyper-V module help for New-VHD, Optimize-VHD, Convert-VHD, Resize-VHD, Merge-VHD and Get-VHD.
    text: `**New > Hard Disk...** on a server creates a virtual hard disk file. **Choose Disk Format**: VHDX (up to 64 TB, resilient to power failures; read by Windows Server 2012 and later) or VHD (up to 2,040 GB, for older hosts). **Choose Disk Type**: *fixed size* takes all its space at once; *dynamically expanding* grows as data is written; *differencing* records only the changes against a parent disk, which must then stay unchanged. **Configure Disk** sets its size, or copies a physical disk or another virtual disk into it. PowerShell: \`New-VHD\`.

**Edit Disk...** changes an existing file, which must not be in use by a running virtual machine: **Compact** gives back the space of deleted data in a dynamically expanding or differencing disk (\`Optimize-VHD\`); **Convert** makes a copy in another format or type (\`Convert-VHD\`); **Expand** or **Shrink** changes its size (\`Resize-VHD\`; the partitions inside are not changed); **Merge** folds a differencing disk into its parent or into a new disk (\`Merge-VHD\`).

**Inspect Disk...** shows a file's format, type, location, current file size, maximum size and, for a differencing disk, its parent (\`Get-VHD\`).`,
  },
];

/** Which topic F1 opens, by the window or pane the focus is in (its data-testid). */
export const HELP_BY_PLACE: Readonly<Record<string, HelpTopicId>> = {
  'move-wizard': 'move-wizard',
  'new-vm-wizard': 'new-vm',
  'export-dialog': 'export-import',
  'import-wizard': 'export-import',
  'new-vhd-wizard': 'virtual-disks',
  'edit-vhd-wizard': 'virtual-disks',
  'vhd-properties': 'virtual-disks',
  'host-settings': 'live-migration-settings',
  'vswitch-manager': 'vswitch',
  'vm-settings': 'vm-settings',
  vmconnect: 'vmconnect',
  'connect-server': 'servers',
  'server-tree': 'servers',
  'network-pane': 'smb-direct',
  'checkpoints-pane': 'checkpoints',
  'jobs-pane': 'move',
};

/** The topic for the element that has the focus: the nearest enclosing window or pane that has one. */
export function helpTopicFor(element: Element | null): HelpTopicId {
  for (let e: Element | null = element; e; e = e.parentElement) {
    const place = e.getAttribute('data-testid');
    const topic = place ? HELP_BY_PLACE[place] : undefined;
    if (topic) return topic;
  }
  return 'manager';
}
