// Signatures of Export-VM and Import-VM (Windows Server 2012 R2 Hyper-V module help: "Export-VM",
// "Import-VM"). Export-VM [-Name] <String[]> [-Path] <String> [-ComputerName] [-AsJob] [-Passthru]
// (a piped VM binds -Name, keeping -ComputerName). Import-VM has a Register set
// ([-Path] <String> [-Register]) and a Copy set ([-Path] <String> [[-VhdDestinationPath] <String>]
// -Copy [-GenerateNewId] [-VirtualMachinePath] [-SnapshotFilePath] [-SmartPagingFilePath]); the
// CompatibilityReport set and -VhdSourcePath are not modelled.
import { defineCmdlet } from '../signature';
import { asJob, computerName, passthru, vmName } from './common';

const copy = ['Copy'];

export const exportVmSignature = defineCmdlet({
  name: 'Export-VM',
  synopsis:
    'Exports a virtual machine to <Path>\\<name>, with the folders Virtual Machines, Virtual Hard Disks and Snapshots. The virtual machine stays as it is.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('Name', 'String[]'),
    {
      name: 'Path',
      type: 'String',
      position: 1,
      mandatoryIn: ['*'],
      help: 'The folder to export to; the export goes into a folder named after the virtual machine.',
    },
    computerName(),
    asJob,
    passthru,
  ],
});

/**
 * Export-VMSnapshot [-Name] <String[]> [-VMName] <String[]> [-Path] <String> [-ComputerName] [-AsJob]
 * [-Passthru] (Windows Server 2012 R2 Hyper-V module help: "Export-VMSnapshot"): a checkpoint
 * exported as a virtual machine of its own, which Import-VM reads like any export.
 */
export const exportVmSnapshotSignature = defineCmdlet({
  name: 'Export-VMSnapshot',
  synopsis:
    "Exports a checkpoint (snapshot) of a virtual machine to <Path>\\<VM name> as a virtual machine of its own, in the checkpoint's state and without checkpoints. The virtual machine stays as it is.",
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'The checkpoints to export; wildcards allowed.' },
    {
      name: 'VMName',
      type: 'String[]',
      position: 1,
      mandatoryIn: ['*'],
      fromPipeline: 'VM',
      completion: 'vm',
      help: 'The virtual machine whose checkpoint is exported.',
    },
    {
      name: 'Path',
      type: 'String',
      position: 2,
      mandatoryIn: ['*'],
      help: 'The folder to export to; the export goes into a folder named after the virtual machine.',
    },
    computerName(),
    asJob,
    passthru,
  ],
});

export const importVmSignature = defineCmdlet({
  name: 'Import-VM',
  synopsis:
    'Imports a virtual machine from the configuration file of an export: registered in place, restored (-Copy), or copied with a new ID (-Copy -GenerateNewId).',
  hostParameter: 'ComputerName',
  defaultSet: 'Register',
  parameters: [
    {
      name: 'Path',
      type: 'String',
      position: 0,
      mandatoryIn: ['*'],
      help: "The exported virtual machine's configuration file: <export folder>\\Virtual Machines\\<ID>.xml.",
    },
    { name: 'Register', type: 'Switch', sets: ['Register'], help: 'Registers the virtual machine where its files are (the default).' },
    { name: 'Copy', type: 'Switch', sets: copy, mandatoryIn: copy, help: "Copies the virtual machine's files to new folders before registering it." },
    { name: 'GenerateNewId', type: 'Switch', sets: copy, help: 'Gives the copy a new unique ID; without it the copy keeps the exported ID (a restore).' },
    {
      name: 'VhdDestinationPath',
      type: 'String',
      position: 1,
      sets: copy,
      help: "Folder for the virtual hard disks; default: the host's default virtual hard disk folder.",
    },
    { name: 'VirtualMachinePath', type: 'String', sets: copy, help: "Folder for the configuration; default: the host's default virtual machine folder." },
    { name: 'SnapshotFilePath', type: 'String', sets: copy, help: 'Folder for the checkpoint files; default: the virtual machine folder.' },
    { name: 'SmartPagingFilePath', type: 'String', sets: copy, help: 'Folder for the smart paging file; default: the virtual machine folder.' },
    computerName(),
    asJob,
  ],
});
