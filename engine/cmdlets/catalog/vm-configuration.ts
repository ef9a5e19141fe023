// Signatures of the cmdlets behind VM Settings' remaining sections (the Hyper-V module's cmdlet help
// for Windows Server 2012 R2): Get-VMProcessor, Get-/Enable-/Disable-VMIntegrationService,
// Get-/Set-VMBios (generation 1), Get-/Set-VMFirmware (generation 2), and Add Hardware's
// Add-VMNetworkAdapter, Add-VMScsiController and Add-VMDvdDrive. Names, positions and types as
// there, with one difference: Set-VMFirmware -BootOrder and -FirstBootDevice take device objects
// in PowerShell (Get-VMHardDiskDrive, Get-VMDvdDrive, Get-VMNetworkAdapter); the lab's command
// language has no objects in variables, so it takes the device's name instead: a drive's
// controller location ('SCSI 0:1') or a network adapter's name.
import { defineCmdlet } from '../signature';
import { BIOS_DEVICES, ON_OFF } from '../../common/vm-configuration';
import { computerName, passthru, vmName } from './common';
import { controllerLocation, controllerNumber } from './vhd';

export const getVmProcessorSignature = defineCmdlet({
  name: 'Get-VMProcessor',
  synopsis: 'Gets the processor of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), computerName()],
});

const serviceNames = {
  name: 'Name',
  type: 'String[]',
  help: 'Integration services by name (Shutdown, Time Synchronization, Key-Value Pair Exchange, Heartbeat, VSS, Guest Service Interface); wildcards allowed.',
} as const;

export const getVmIntegrationServiceSignature = defineCmdlet({
  name: 'Get-VMIntegrationService',
  synopsis: 'Gets the integration services of a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), { ...serviceNames, position: 1 }, computerName()],
});

export const enableVmIntegrationServiceSignature = defineCmdlet({
  name: 'Enable-VMIntegrationService',
  synopsis: 'Enables an integration service on a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [{ ...serviceNames, position: 0, mandatoryIn: ['*'] }, vmName('VMName', 'String[]', { position: 1 }), computerName(), passthru],
});

export const disableVmIntegrationServiceSignature = defineCmdlet({
  name: 'Disable-VMIntegrationService',
  synopsis: 'Disables an integration service on a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [{ ...serviceNames, position: 0, mandatoryIn: ['*'] }, vmName('VMName', 'String[]', { position: 1 }), computerName(), passthru],
});

export const getVmBiosSignature = defineCmdlet({
  name: 'Get-VMBios',
  synopsis: 'Gets the BIOS of a generation 1 virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), computerName()],
});

export const setVmBiosSignature = defineCmdlet({
  name: 'Set-VMBios',
  synopsis: 'Configures the BIOS of a generation 1 virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    computerName(),
    {
      name: 'StartupOrder',
      type: 'Enum[]',
      values: BIOS_DEVICES,
      typeName: 'Microsoft.HyperV.PowerShell.BootDevice',
      help: 'The order the BIOS tries devices in: all four of CD, IDE, LegacyNetworkAdapter, Floppy.',
    },
    { name: 'EnableNumLock', type: 'Switch', help: 'Turns Num Lock on at start-up.' },
    { name: 'DisableNumLock', type: 'Switch', help: 'Leaves Num Lock off at start-up.' },
    passthru,
  ],
});

export const getVmFirmwareSignature = defineCmdlet({
  name: 'Get-VMFirmware',
  synopsis: 'Gets the firmware of a generation 2 virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), computerName()],
});

export const setVmFirmwareSignature = defineCmdlet({
  name: 'Set-VMFirmware',
  synopsis: 'Configures the firmware of a generation 2 virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    computerName(),
    {
      name: 'BootOrder',
      type: 'String[]',
      help: "The boot order, every device once: drives by controller location ('SCSI 0:1'), network adapters by name.",
    },
    { name: 'FirstBootDevice', type: 'String', help: "The device to boot from first: a drive's controller location or a network adapter's name." },
    { name: 'EnableSecureBoot', type: 'Enum', values: ON_OFF, typeName: 'Microsoft.HyperV.PowerShell.OnOffState', help: 'Secure Boot: On or Off.' },
    passthru,
  ],
});

export const addVmNetworkAdapterSignature = defineCmdlet({
  name: 'Add-VMNetworkAdapter',
  synopsis: 'Adds a virtual network adapter to a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    { name: 'SwitchName', type: 'String', help: 'The virtual switch to connect it to; not connected when left out.' },
    { name: 'Name', type: 'String', help: "The adapter's name (default 'Network Adapter')." },
    { name: 'IsLegacy', type: 'Bool', help: 'A legacy network adapter (generation 1 only; it can boot from the network).' },
    computerName(),
    passthru,
  ],
});

export const addVmScsiControllerSignature = defineCmdlet({
  name: 'Add-VMScsiController',
  synopsis: 'Adds a SCSI controller to a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [vmName('VMName', 'String[]'), computerName(), passthru],
});

export const addVmDvdDriveSignature = defineCmdlet({
  name: 'Add-VMDvdDrive',
  synopsis: 'Adds a DVD drive to a virtual machine.',
  hostParameter: 'ComputerName',
  parameters: [
    vmName('VMName', 'String[]'),
    { ...controllerNumber, position: 1 },
    { ...controllerLocation, position: 2 },
    { name: 'Path', type: 'String', position: 3, help: 'An image file (.iso) to insert.' },
    computerName(),
    passthru,
  ],
});
