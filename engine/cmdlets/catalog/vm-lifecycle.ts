// Signatures of the cmdlets that rename and delete virtual machines and manage their checkpoints
// (Windows Server 2012 R2 Hyper-V module; PowerShell still says "snapshot"). Positions follow the
// module's help: Rename-VM [-Name] [-NewName]; Get-VMSnapshot [-VMName] [[-Name]];
// Restore-VMSnapshot [-Name] -VMName; Remove-VMSnapshot [-VMName] [[-Name]];
// Rename-VMSnapshot [-VMName] [-Name] [-NewName].
import { defineCmdlet, type NamedParameter } from '../signature';
import { asJob, computerName, mandatory, passthru, vmName } from './common';

const snapshotName = <T extends 'String' | 'String[]'>(position: number | undefined, type: T, help: string): NamedParameter<'Name', T> => ({
  name: 'Name',
  type,
  ...(position !== undefined ? { position } : {}),
  help,
});

export const renameVmSignature = defineCmdlet({
  name: 'Rename-VM',
  synopsis: 'Renames a virtual machine. Its files and folders keep their names.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String'),
    { name: 'NewName', type: 'String', position: 1, mandatoryIn: ['*'], help: 'The new name of the virtual machine.' },
    computerName(),
    passthru,
  ],
});

export const removeVmSignature = defineCmdlet({
  name: 'Remove-VM',
  confirmImpact: 'High',
  synopsis: 'Deletes a virtual machine: its configuration, checkpoints and saved state. Its virtual hard disks are kept.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String[]'),
    computerName(),
    { name: 'Force', type: 'Switch', help: 'Deletes without asking for confirmation.' },
    asJob,
    passthru,
  ],
});

export const getVmSnapshotSignature = defineCmdlet({
  name: 'Get-VMSnapshot',
  synopsis: 'Gets the checkpoints (snapshots) of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), snapshotName(1, 'String', 'Names of checkpoints; wildcards allowed. All of them when omitted.'), computerName()],
});

export const restoreVmSnapshotSignature = defineCmdlet({
  name: 'Restore-VMSnapshot',
  synopsis: 'Applies a checkpoint: the virtual machine goes back to the state it was in when the checkpoint was taken.',
  hostParameter: 'ComputerName',
  parameters: [
    mandatory(snapshotName(0, 'String', 'The checkpoint to apply.')),
    { name: 'VMName', type: 'String', mandatoryIn: ['*'], fromPipeline: 'VM', completion: 'vm', help: 'The virtual machine, by name.' },
    computerName(),
    asJob,
    passthru,
  ],
});

export const removeVmSnapshotSignature = defineCmdlet({
  name: 'Remove-VMSnapshot',
  synopsis: 'Deletes checkpoints of a virtual machine; their changes are merged into their children or the running state.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    mandatory(snapshotName(1, 'String[]', 'The checkpoints to delete; wildcards allowed.')),
    { name: 'IncludeAllChildSnapshots', type: 'Switch', help: "Deletes every checkpoint below each named one too (the Manager's Delete Checkpoint Subtree)." },
    computerName(),
    asJob,
    passthru,
  ],
});

export const renameVmSnapshotSignature = defineCmdlet({
  name: 'Rename-VMSnapshot',
  synopsis: 'Renames a checkpoint of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String'),
    mandatory(snapshotName(1, 'String', 'The checkpoint to rename.')),
    { name: 'NewName', type: 'String', position: 2, mandatoryIn: ['*'], help: 'The new name of the checkpoint.' },
    computerName(),
    passthru,
  ],
});
