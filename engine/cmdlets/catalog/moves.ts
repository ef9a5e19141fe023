// Signatures of the move cmdlets (the Hyper-V module's cmdlet help for Windows Server 2012 R2). The real cmdlets have four sets
// each: by -VMName / -Name or by a piped VM object, times one destination folder or per-item
// folders. The console represents a piped VM by its name (Get-VM X | Move-VM ... binds -Name X,
// keeping -ComputerName), so the VM-object sets fold into the name sets and two sets remain:
//   SingleDestination    -DestinationStoragePath (everything to one folder)
//   MultipleDestinations -VirtualMachinePath, -SnapshotFilePath, -SmartPagingFilePath, -Vhds
// -DestinationStoragePath cannot be combined with the per-item parameters (PowerShell's
// "Parameter set cannot be resolved"). -ResourcePoolName and -CompatibilityReport are not modelled.
import { defineCmdlet, type ParameterSpec } from '../signature';
import { asJob, computerName, passthru } from './common';

const single = ['SingleDestination'];
const multiple = ['MultipleDestinations'];

export const vhdKeys = ['SourceFilePath', 'DestinationFilePath'] as const;

const perItem = [
  { name: 'VirtualMachinePath', type: 'String', sets: multiple, help: 'New folder for the configuration files.' },
  { name: 'SnapshotFilePath', type: 'String', sets: multiple, help: 'New folder for checkpoint (snapshot) files.' },
  { name: 'SmartPagingFilePath', type: 'String', sets: multiple, help: 'New folder for the smart paging file.' },
  {
    name: 'Vhds',
    type: 'Hashtable[]',
    sets: multiple,
    hashtableKeys: vhdKeys,
    help: 'Each disk to move: @{"SourceFilePath"="C:\\VMs\\A\\d1.vhdx";"DestinationFilePath"="D:\\VMs\\A\\d1.vhdx"}; the file name must stay the same.',
  },
] as const satisfies readonly ParameterSpec[];

const retain = { name: 'RetainVhdCopiesOnSource', type: 'Switch', help: 'Keeps the source copies of the virtual hard disks.' } as const satisfies ParameterSpec;

export const moveVmStorageSignature = defineCmdlet({
  name: 'Move-VMStorage',
  synopsis: 'Moves the storage of a virtual machine (storage migration).',
  hostParameter: 'ComputerName',
  defaultSet: 'SingleDestination',
  parameters: [
    { name: 'VMName', type: 'String', position: 0, mandatoryIn: ['*'], fromPipeline: 'VM', completion: 'vm', help: 'The virtual machine.' },
    computerName(),
    {
      name: 'DestinationStoragePath',
      type: 'String',
      position: 1,
      sets: single,
      mandatoryIn: single,
      help: "One folder for all of the virtual machine's files.",
    },
    ...perItem,
    retain,
    { name: 'AllowUnverifiedPaths', type: 'Switch', help: 'Skips checking that the destination paths exist (clustered destinations).' },
    asJob,
    passthru,
  ],
});

function migrationParameters() {
  return [
    { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], fromPipeline: 'VM', completion: 'vm', help: 'The virtual machine.' },
    { name: 'DestinationHost', type: 'String', position: 1, mandatoryIn: ['*'], completion: 'host', help: 'The Hyper-V host to move to.' },
    computerName(),
    { name: 'IncludeStorage', type: 'Switch', help: 'Moves the storage too (shared-nothing live migration).' },
    { name: 'DestinationStoragePath', type: 'String', sets: single, help: 'One folder on the destination for all of the files (with -IncludeStorage).' },
    ...perItem,
    retain,
    asJob,
  ] as const satisfies readonly ParameterSpec[];
}

export const moveVmSignature = defineCmdlet({
  name: 'Move-VM',
  synopsis: 'Moves a virtual machine to a new Hyper-V host (live migration).',
  hostParameter: 'ComputerName',
  defaultSet: 'SingleDestination',
  parameters: [...migrationParameters(), passthru],
});

export const compareVmSignature = defineCmdlet({
  name: 'Compare-VM',
  synopsis: 'Compares a virtual machine and a Hyper-V host for compatibility, returning a report of incompatibilities.',
  hostParameter: 'ComputerName',
  defaultSet: 'SingleDestination',
  parameters: migrationParameters(),
});
