// Parameters many cmdlets share, declared once.
//
// Which computer a cmdlet acts on: Hyper-V cmdlets take -ComputerName (String[]), the CIM-based
// NetAdapter, NetLbfo and SMB cmdlets take -CimSession, which PowerShell also accepts as a plain
// computer name — the lab models it as that: a list of computer names. Without either, a cmdlet
// acts on the computer the console is signed in on (world.session.signedInOn), as PowerShell
// acts on the local machine.
import type { NamedParameter, ParameterSpec } from '../signature';

export function computerName(position?: number): NamedParameter<'ComputerName', 'String[]'> {
  return {
    name: 'ComputerName',
    type: 'String[]',
    completion: 'host',
    ...(position !== undefined ? { position } : {}),
    help: 'The Hyper-V hosts to act on; default: the computer you are signed in on.',
  };
}

export const cimSession = {
  name: 'CimSession',
  type: 'String[]',
  typeName: 'Microsoft.Management.Infrastructure.CimSession',
  aliases: ['Session'],
  completion: 'host',
  help: 'The computers to act on, by name; default: the computer you are signed in on.',
} as const satisfies ParameterSpec;

export const asJob = { name: 'AsJob', type: 'Switch', help: 'Runs the command as a background job.' } as const satisfies ParameterSpec;

/** Hyper-V spells it -Passthru. */
export const passthru = { name: 'Passthru', type: 'Switch', help: 'Writes the changed object to the pipeline.' } as const satisfies ParameterSpec;

/** The CIM-based modules spell it -PassThru. */
export const passThruCim = { name: 'PassThru', type: 'Switch', help: 'Writes the changed object to the pipeline.' } as const satisfies ParameterSpec;

/** -Name / -VMName of a Hyper-V cmdlet that acts on virtual machines. */
export function vmName<N extends 'Name' | 'VMName', T extends 'String' | 'String[]'>(
  name: N,
  type: T,
  extra: Omit<Partial<ParameterSpec>, 'name' | 'type' | 'mandatoryIn'> = {},
): NamedParameter<N, T> & { readonly mandatoryIn: readonly ['*'] } {
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

/** The parameter, mandatory in every parameter set it belongs to (and so required in its typed command). */
export function mandatory<P extends ParameterSpec>(parameter: P): P & { readonly mandatoryIn: readonly ['*'] } {
  return { ...parameter, mandatoryIn: ['*'] };
}
