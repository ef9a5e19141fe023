// Parameters many cmdlets share, declared once.
//
// Which computer a cmdlet acts on: Hyper-V cmdlets take -ComputerName (String[]), the CIM-based
// NetAdapter, NetLbfo and SMB cmdlets take -CimSession, which PowerShell also accepts as a plain
// computer name — the lab models it as that: a list of computer names. Without either, a cmdlet
// acts on the computer the console is signed in on (world.session.signedInOn), as PowerShell
// acts on the local machine.
import type { ParameterSpec } from '../signature';

export function computerName(position?: number): ParameterSpec {
  return {
    name: 'ComputerName',
    type: 'String[]',
    completion: 'host',
    ...(position !== undefined ? { position } : {}),
    help: 'The Hyper-V hosts to act on; default: the computer you are signed in on.',
  };
}

export const cimSession: ParameterSpec = {
  name: 'CimSession',
  type: 'String[]',
  typeName: 'Microsoft.Management.Infrastructure.CimSession',
  aliases: ['Session'],
  completion: 'host',
  help: 'The computers to act on, by name; default: the computer you are signed in on.',
};

export const asJob: ParameterSpec = { name: 'AsJob', type: 'Switch', help: 'Runs the command as a background job.' };

/** Hyper-V spells it -Passthru. */
export const passthru: ParameterSpec = { name: 'Passthru', type: 'Switch', help: 'Writes the changed object to the pipeline.' };

/** The CIM-based modules spell it -PassThru. */
export const passThruCim: ParameterSpec = { name: 'PassThru', type: 'Switch', help: 'Writes the changed object to the pipeline.' };

/** -Name / -VMName of a Hyper-V cmdlet that acts on virtual machines. */
export function vmName(name: 'Name' | 'VMName', type: 'String' | 'String[]', extra: Partial<ParameterSpec> = {}): ParameterSpec {
  return {
    name,
    type,
    position: 0,
    mandatoryIn: ['*'],
    fromPipeline: 'VM',
    completion: 'vm',
    ...(name === 'Name' ? { aliases: ['VMName'] } : {}),
    help: 'The virtual machine, by name.',
    ...extra,
  };
}
