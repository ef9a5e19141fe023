// Signatures of the Windows PowerShell 4.0 service cmdlets (Microsoft.PowerShell.Management) this
// lab models for one service: Hyper-V's Virtual Machine Management service (vmms), which Hyper-V
// Manager's Stop Service / Start Service control. As in PowerShell 4.0, Get-Service and
// Set-Service take -ComputerName; Stop-Service and Start-Service act on the local computer (the
// one the console is signed in on). Positions from the cmdlets' help: Get-Service [[-Name]
// <String[]>], Stop-Service [-Name] <String[]>, Start-Service [-Name] <String[]>, Set-Service
// [-Name] <String>.
import { defineCmdlet, type NamedParameter } from '../signature';
import { mandatory } from './common';

const serviceNames = (mandatoryName: boolean): NamedParameter<'Name', 'String[]'> => ({
  name: 'Name',
  type: 'String[]',
  position: 0,
  aliases: ['ServiceName'],
  ...(mandatoryName ? { mandatoryIn: ['*'] } : {}),
  help: 'Service names (this lab has vmms, the Hyper-V Virtual Machine Management service, on each Hyper-V host).',
});

const serviceComputer = {
  name: 'ComputerName',
  type: 'String[]',
  aliases: ['cn'],
  completion: 'host',
  help: 'The computers to act on; default: the computer you are signed in on.',
} as const;

const passThru = { name: 'PassThru', type: 'Switch', help: 'Writes the service object to the pipeline.' } as const;

export const getServiceSignature = defineCmdlet({
  name: 'Get-Service',
  synopsis: 'Gets the services on a computer: their name, display name and status.',
  aliases: ['gsv'],
  hostParameter: 'ComputerName',
  parameters: [serviceNames(false), serviceComputer],
});

export const stopServiceSignature = defineCmdlet({
  name: 'Stop-Service',
  synopsis: 'Stops a service on the local computer. Stopping vmms leaves the virtual machines running, unmanaged.',
  aliases: ['spsv'],
  parameters: [serviceNames(true), { name: 'Force', type: 'Switch', help: 'Stops the service even if other services depend on it.' }, passThru],
});

export const startServiceSignature = defineCmdlet({
  name: 'Start-Service',
  synopsis: 'Starts a stopped service on the local computer.',
  aliases: ['sasv'],
  parameters: [serviceNames(true), passThru],
});

export const setServiceSignature = defineCmdlet({
  name: 'Set-Service',
  synopsis:
    "Changes a service, here its status (-Status Running or Stopped), on the local or a remote computer: Hyper-V Manager's Stop Service and Start Service.",
  hostParameter: 'ComputerName',
  parameters: [
    mandatory({ name: 'Name', type: 'String', position: 0, aliases: ['ServiceName', 'SN'], help: 'The service, by name (vmms).' } as const),
    serviceComputer,
    { name: 'Status', type: 'Enum', values: ['Running', 'Stopped', 'Paused'], help: 'Starts (Running) or stops (Stopped) the service.' },
    passThru,
  ],
});
