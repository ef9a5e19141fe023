// Signatures of the cmdlets that start, stop and configure virtual machines (Windows Server
// 2012 R2 Hyper-V module). Only parameters the lab models are declared; real ones it does not
// model (-ResourcePoolName, -CompatibilityForOlderOperatingSystemsEnabled ...) answer "parameter not found".
import { defineCmdlet } from '../signature';
import { asJob, computerName, passthru, vmName } from './common';
import { HYPERV_LIMITS } from '../../common/hyperv-limits';
import { AUTOMATIC_START_ACTIONS, AUTOMATIC_START_DELAY_MAX, AUTOMATIC_STOP_ACTIONS, RELATIVE_WEIGHT_MAX } from '../../common/vm-configuration';

/** 64 virtual processors per virtual machine (engine/common/hyperv-limits.ts). */
const MAX_VP = HYPERV_LIMITS.vm.virtualProcessors;

const bytes = <N extends string>(name: N, help: string) => ({ name, type: 'Bytes' as const, typeName: 'System.Int64', help });

export const getVmSignature = defineCmdlet({
  name: 'Get-VM',
  synopsis: 'Gets the virtual machines from one or more Hyper-V hosts.',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, aliases: ['VMName'], completion: 'vm', help: 'Names of virtual machines; wildcards allowed.' },
    computerName(),
  ],
});

export const startVmSignature = defineCmdlet({
  name: 'Start-VM',
  synopsis: 'Starts a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('Name', 'String[]'), computerName(), asJob, passthru],
});

export const stopVmSignature = defineCmdlet({
  name: 'Stop-VM',
  synopsis: 'Shuts down, turns off, or saves a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String[]'),
    computerName(),
    { name: 'Save', type: 'Switch', help: 'Saves the virtual machine state instead of shutting down.' },
    { name: 'TurnOff', type: 'Switch', help: 'Turns the virtual machine off, as pulling the power cord.' },
    { name: 'Force', type: 'Switch', help: 'Shuts down even if applications in the guest have unsaved work.' },
    asJob,
    passthru,
  ],
});

export const saveVmSignature = defineCmdlet({
  name: 'Save-VM',
  synopsis: 'Saves a virtual machine: its memory and device state go to disk and it stops running.',
  hostParameter: 'ComputerName',
  parameters: [vmName('Name', 'String[]'), computerName(), asJob, passthru],
});

export const suspendVmSignature = defineCmdlet({
  name: 'Suspend-VM',
  synopsis: 'Pauses a virtual machine: it keeps its memory but its processors stop.',
  hostParameter: 'ComputerName',
  parameters: [vmName('Name', 'String[]'), computerName(), asJob, passthru],
});

export const resumeVmSignature = defineCmdlet({
  name: 'Resume-VM',
  synopsis: 'Resumes a paused virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('Name', 'String[]'), computerName(), asJob, passthru],
});

/** 2012 R2 has no -Type, -Wait or -For (those came in 2016). */
export const restartVmSignature = defineCmdlet({
  name: 'Restart-VM',
  confirmImpact: 'High',
  synopsis: 'Restarts a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String[]'),
    computerName(),
    { name: 'Force', type: 'Switch', help: 'Restarts without asking for confirmation.' },
    asJob,
    passthru,
  ],
});

export const checkpointVmSignature = defineCmdlet({
  name: 'Checkpoint-VM',
  synopsis: 'Creates a checkpoint of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String[]'),
    { name: 'SnapshotName', type: 'String', position: 1, help: 'Name of the new checkpoint; Hyper-V names it "<VM> - (<date>)" otherwise.' },
    computerName(),
    asJob,
    passthru,
  ],
});

export const setVmSignature = defineCmdlet({
  name: 'Set-VM',
  synopsis: 'Configures a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String[]'),
    computerName(),
    { name: 'ProcessorCount', type: 'Int', typeName: 'System.Int64', min: 1, max: MAX_VP, help: 'Virtual processors (the virtual machine must be off).' },
    { name: 'DynamicMemory', type: 'Switch', help: 'Enables Dynamic Memory.' },
    { name: 'StaticMemory', type: 'Switch', help: 'Disables Dynamic Memory.' },
    bytes('MemoryStartupBytes', 'Startup memory.'),
    bytes('MemoryMinimumBytes', 'Minimum memory (Dynamic Memory).'),
    bytes('MemoryMaximumBytes', 'Maximum memory (Dynamic Memory).'),
    { name: 'SmartPagingFilePath', type: 'String', help: 'Folder for the smart paging file.' },
    { name: 'SnapshotFileLocation', type: 'String', help: 'Folder for checkpoint (snapshot) files.' },
    { name: 'Notes', type: 'String', allowEmpty: true, help: 'Notes about the virtual machine.' },
    {
      name: 'AutomaticStartAction',
      type: 'Enum',
      values: AUTOMATIC_START_ACTIONS,
      typeName: 'Microsoft.HyperV.PowerShell.StartAction',
      help: 'What the virtual machine does when the host starts: Nothing, StartIfRunning (default) or Start.',
    },
    {
      name: 'AutomaticStartDelay',
      type: 'Int',
      typeName: 'System.Int32',
      min: 0,
      max: AUTOMATIC_START_DELAY_MAX,
      help: 'Seconds to wait before the automatic start.',
    },
    {
      name: 'AutomaticStopAction',
      type: 'Enum',
      values: AUTOMATIC_STOP_ACTIONS,
      typeName: 'Microsoft.HyperV.PowerShell.StopAction',
      help: 'What the virtual machine does when the host shuts down: Save (default), TurnOff or ShutDown.',
    },
    passthru,
  ],
});

export const getVmMemorySignature = defineCmdlet({
  name: 'Get-VMMemory',
  synopsis: 'Gets the memory settings of virtual machines: Dynamic Memory, startup, minimum, maximum, buffer and weight.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), computerName()],
});

export const setVmMemorySignature = defineCmdlet({
  name: 'Set-VMMemory',
  synopsis: 'Configures the memory of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    computerName(),
    { name: 'DynamicMemoryEnabled', type: 'Bool', help: 'Turns Dynamic Memory on or off (the virtual machine must be off).' },
    bytes('StartupBytes', 'Memory at start-up: 32 MB .. 1 TB, a multiple of 2 MB.'),
    bytes('MinimumBytes', 'Dynamic Memory minimum: 32 MB .. startup.'),
    bytes('MaximumBytes', 'Dynamic Memory maximum: startup .. 1 TB.'),
    { name: 'Buffer', type: 'Int', typeName: 'System.Int32', min: 5, max: 2000, help: 'Memory buffer, percent (5-2000).' },
    { name: 'Priority', type: 'Int', typeName: 'System.Int32', min: 0, max: 100, help: 'Memory weight (0-100).' },
    passthru,
  ],
});

export const setVmProcessorSignature = defineCmdlet({
  name: 'Set-VMProcessor',
  synopsis: 'Configures the processors of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    computerName(),
    { name: 'Count', type: 'Int', typeName: 'System.Int64', min: 1, max: MAX_VP, help: 'Virtual processors (the virtual machine must be off).' },
    {
      name: 'CompatibilityForMigrationEnabled',
      type: 'Bool',
      help: 'Processor compatibility for migration to a different processor generation (virtual machine must be off).',
    },
    { name: 'Reserve', type: 'Int', typeName: 'System.Int64', min: 0, max: 100, help: 'Percent of its processors reserved for the virtual machine (0-100).' },
    {
      name: 'Maximum',
      type: 'Int',
      typeName: 'System.Int64',
      min: 0,
      max: 100,
      help: 'Percent of its processors the virtual machine may use at most (0-100).',
    },
    {
      name: 'RelativeWeight',
      type: 'Int',
      typeName: 'System.Int32',
      min: 0,
      max: RELATIVE_WEIGHT_MAX,
      help: 'Weight against other virtual machines when processors are contended (0-10000, default 100).',
    },
    passthru,
  ],
});
