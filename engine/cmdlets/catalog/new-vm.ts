// New-VM as the 2012 R2 Hyper-V module declares it (the Hyper-V module's cmdlet help for Windows
// Server 2012 R2): three sets — no disk (the default, -NoVHD), a new disk (-NewVHDPath with
// -NewVHDSizeBytes) and an existing disk (-VHDPath). -Generation 1 is the default; 2012 R2 has no
// -Version and no -Prerelease (those came later).
import { defineCmdlet } from '../signature';
import { asJob, computerName } from './common';

const noVhd = 'No VHD';
const newVhd = 'New VHD';
const existingVhd = 'Existing VHD';

export const newVmSignature = defineCmdlet({
  name: 'New-VM',
  synopsis: 'Creates a new virtual machine.',
  hostParameter: 'ComputerName',
  defaultSet: noVhd,
  parameters: [
    { name: 'Name', type: 'String', position: 0, aliases: ['VMName'], help: 'Name of the new virtual machine ("New Virtual Machine" when left out).' },
    {
      name: 'MemoryStartupBytes',
      type: 'Bytes',
      typeName: 'System.Int64',
      position: 1,
      help: 'Startup memory: 32 MB .. 1 TB, a multiple of 2 MB (512 MB when left out).',
    },
    {
      name: 'BootDevice',
      type: 'Enum',
      typeName: 'Microsoft.HyperV.PowerShell.BootDevice',
      values: ['Floppy', 'CD', 'IDE', 'LegacyNetworkAdapter', 'NetworkAdapter', 'VHD'],
      help: 'The device to boot from first.',
    },
    { name: 'SwitchName', type: 'String', help: 'The virtual switch to connect the network adapter to.' },
    { name: 'NoVHD', type: 'Switch', sets: [noVhd], help: 'Creates the virtual machine without a virtual hard disk.' },
    { name: 'NewVHDPath', type: 'String', sets: [newVhd], mandatoryIn: [newVhd], help: 'Path of a new dynamically expanding disk to create and attach.' },
    { name: 'NewVHDSizeBytes', type: 'Bytes', typeName: 'System.UInt64', sets: [newVhd], mandatoryIn: [newVhd], help: 'Maximum size of the new disk.' },
    { name: 'VHDPath', type: 'String', sets: [existingVhd], mandatoryIn: [existingVhd], help: 'An existing virtual hard disk file to attach.' },
    { name: 'Path', type: 'String', help: 'Folder to store the virtual machine in (a subfolder named after it is made).' },
    { name: 'Generation', type: 'Int', typeName: 'System.Int16', min: 1, max: 2, help: 'Generation 1 (the default) or 2.' },
    computerName(),
    asJob,
  ],
});
