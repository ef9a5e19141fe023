// Signatures of the virtual hard disk cmdlets of the 2012 R2 Hyper-V module (the Hyper-V module's
// cmdlet help for Windows Server 2012 R2: New-VHD, Get-VHD, Resize-VHD, Convert-VHD, Optimize-VHD,
// Merge-VHD, Get-/Add-/Remove-VMHardDiskDrive). Sets and positions as there; what the lab leaves
// out, and why:
//   New-VHD -SourceDisk (copy a physical disk into the new file): the lab's hosts have no physical
//     disks apart from the volumes it models, so there is nothing to copy.
//   -BlockSizeBytes, -LogicalSectorSizeBytes, -PhysicalSectorSizeBytes: the defaults only.
//   Get-VHD -DiskNumber / -VMId and Add-VMHardDiskDrive -DiskNumber (pass-through disks).
import { defineCmdlet, type NamedParameter, type ParameterSpec } from '../signature';
import { asJob, computerName, passthru, vmName } from './common';

const size = (extra: Omit<Partial<ParameterSpec>, 'name' | 'type'>): NamedParameter<'SizeBytes', 'Bytes'> => ({
  name: 'SizeBytes',
  type: 'Bytes',
  typeName: 'System.UInt64',
  help: 'Maximum size of the disk: up to 2,040 GB for .vhd, 64 TB for .vhdx.',
  ...extra,
});

const dynamicSet = 'DynamicWithoutSource';
const fixedSet = 'FixedWithoutSource';
const differencingSet = 'Differencing';

export const newVhdSignature = defineCmdlet({
  name: 'New-VHD',
  synopsis: 'Creates one or more new virtual hard disks.',
  hostParameter: 'ComputerName',
  defaultSet: dynamicSet,
  parameters: [
    { name: 'Path', type: 'String[]', position: 0, mandatoryIn: ['*'], help: 'Path of the new file; .vhdx or .vhd decides the format.' },
    size({ position: 1, sets: [dynamicSet, fixedSet], mandatoryIn: [dynamicSet, fixedSet] }),
    { name: 'ParentPath', type: 'String', position: 1, sets: [differencingSet], mandatoryIn: [differencingSet], help: 'The parent of a differencing disk.' },
    { name: 'Dynamic', type: 'Switch', sets: [dynamicSet], help: 'A dynamically expanding disk (the default): the file grows as data is written.' },
    { name: 'Fixed', type: 'Switch', sets: [fixedSet], mandatoryIn: [fixedSet], help: 'A fixed-size disk: the file takes its whole size at once.' },
    { name: 'Differencing', type: 'Switch', sets: [differencingSet], help: 'A differencing disk: changes against its parent.' },
    computerName(),
    asJob,
  ],
});

export const getVhdSignature = defineCmdlet({
  name: 'Get-VHD',
  synopsis: 'Gets the virtual hard disk object associated with a virtual hard disk file.',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Path', type: 'String[]', position: 0, mandatoryIn: ['*'], aliases: ['FullName'], help: 'Path of the virtual hard disk file.' },
    computerName(),
  ],
});

export const resizeVhdSignature = defineCmdlet({
  name: 'Resize-VHD',
  synopsis: 'Resizes a virtual hard disk.',
  hostParameter: 'ComputerName',
  defaultSet: 'Size',
  parameters: [
    { name: 'Path', type: 'String[]', position: 0, mandatoryIn: ['*'], aliases: ['FullName'], help: 'Path of the virtual hard disk file.' },
    size({ position: 1, sets: ['Size'], mandatoryIn: ['Size'], help: 'The new maximum size. A .vhdx can also shrink, down to its minimum size.' }),
    { name: 'ToMinimumSize', type: 'Switch', sets: ['MinSize'], mandatoryIn: ['MinSize'], help: 'Shrinks a .vhdx to its minimum size.' },
    computerName(),
    asJob,
    passthru,
  ],
});

export const convertVhdSignature = defineCmdlet({
  name: 'Convert-VHD',
  synopsis: 'Converts the format, version type, and block size of a virtual hard disk file.',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Path', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['FullName'], help: 'The disk to convert.' },
    { name: 'DestinationPath', type: 'String', position: 1, mandatoryIn: ['*'], help: 'The new file; its extension (.vhd or .vhdx) decides the format.' },
    {
      name: 'VHDType',
      type: 'Enum',
      typeName: 'Microsoft.Vhd.PowerShell.VhdType',
      values: ['Fixed', 'Dynamic'],
      help: 'Fixed or Dynamic; by default the type of the source.',
    },
    { name: 'DeleteSource', type: 'Switch', help: 'Deletes the source file after the conversion.' },
    computerName(),
    asJob,
    passthru,
  ],
});

export const optimizeVhdSignature = defineCmdlet({
  name: 'Optimize-VHD',
  synopsis: 'Optimizes the allocation of space in virtual hard disk files, except for fixed virtual hard disks.',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Path', type: 'String[]', position: 0, mandatoryIn: ['*'], aliases: ['FullName'], help: 'The dynamic or differencing disk to compact.' },
    {
      name: 'Mode',
      type: 'Enum',
      typeName: 'Microsoft.Vhd.PowerShell.VhdCompactMode',
      values: ['Full', 'Quick', 'Retrim', 'Pretrimmed', 'Prezeroed'],
      help: 'How to look for unused blocks (the lab reclaims the same with each).',
    },
    computerName(),
    asJob,
    passthru,
  ],
});

export const mergeVhdSignature = defineCmdlet({
  name: 'Merge-VHD',
  synopsis: 'Merges virtual hard disks.',
  hostParameter: 'ComputerName',
  parameters: [
    { name: 'Path', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['FullName'], help: 'The differencing disk to merge into its parent.' },
    { name: 'DestinationPath', type: 'String', position: 1, help: 'The disk to merge into: the parent (the default) or another ancestor.' },
    { name: 'Force', type: 'Switch', help: 'Merges without asking.' },
    computerName(),
    asJob,
    passthru,
  ],
});

export const controllerType = {
  name: 'ControllerType',
  type: 'Enum',
  typeName: 'Microsoft.HyperV.PowerShell.ControllerType',
  values: ['IDE', 'SCSI'],
  help: 'IDE (generation 1 only) or SCSI.',
} as const satisfies ParameterSpec;
export const controllerNumber = {
  name: 'ControllerNumber',
  type: 'Int',
  typeName: 'System.Int32',
  min: 0,
  max: 3,
  help: 'Controller number: 0-1 for IDE, 0-3 for SCSI.',
} as const satisfies ParameterSpec;
export const controllerLocation = {
  name: 'ControllerLocation',
  type: 'Int',
  typeName: 'System.Int32',
  min: 0,
  max: 63,
  help: 'Location on the controller: 0-1 for IDE, 0-63 for SCSI.',
} as const satisfies ParameterSpec;

export const getVmHardDiskDriveSignature = defineCmdlet({
  name: 'Get-VMHardDiskDrive',
  synopsis: 'Gets the virtual hard disk drives attached to one or more virtual machines.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), controllerType, controllerNumber, controllerLocation, computerName()],
});

export const addVmHardDiskDriveSignature = defineCmdlet({
  name: 'Add-VMHardDiskDrive',
  synopsis: 'Adds a hard disk drive to a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    { ...controllerType, position: 1 },
    { ...controllerNumber, position: 2 },
    { ...controllerLocation, position: 3 },
    { name: 'Path', type: 'String', position: 4, help: 'The virtual hard disk file to attach.' },
    computerName(),
    passthru,
  ],
});

export const removeVmHardDiskDriveSignature = defineCmdlet({
  name: 'Remove-VMHardDiskDrive',
  synopsis: 'Deletes a hard disk drive from a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String'),
    { ...controllerType, position: 1, mandatoryIn: ['*'] },
    { ...controllerNumber, position: 2, mandatoryIn: ['*'] },
    { ...controllerLocation, position: 3, mandatoryIn: ['*'] },
    computerName(),
    passthru,
  ],
});

export const setVmDvdDriveSignature = defineCmdlet({
  name: 'Set-VMDvdDrive',
  synopsis: 'Configures a virtual DVD drive.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    { ...controllerNumber, position: 1 },
    { ...controllerLocation, position: 2 },
    { name: 'Path', type: 'String', position: 3, help: 'The image file (.iso) to insert.' },
    computerName(),
    passthru,
  ],
});
