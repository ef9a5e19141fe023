// -WhatIf and -Confirm (ShouldProcess) for the cmdlets that change things, as Windows PowerShell 4.0
// handles them (Microsoft Learn "about_CommonParameters", "about_Preference_Variables" for
// $ConfirmPreference, "Requesting Confirmation from Cmdlets"):
// - -WhatIf: nothing is done; the host writes `What if: Performing the operation "<verb>" on target "<target>".`
// - a cmdlet whose ConfirmImpact is High asks first ($ConfirmPreference is High by default); -Confirm
//   asks for any cmdlet; -Confirm:$false, and -Force where the cmdlet has it, do not ask.
// - the question is the caption "Confirm", the query, and the choices line (engine/common/confirm-prompt.ts).
// Remove-VM's query is its own (2012 R2 Hyper-V help, Remove-VM example 1:
// `Are you sure you want to remove virtual machine "new 1"?`); the others use PowerShell's generic
// one. Stop-VM does not ask for a shutdown: its help (Stop-VM example 1) shows none; Hyper-V asks
// only when the guest is locked, which the lab does not model.
import type { BoundParams, CmdletSignature } from './signature';
import { shouldProcess } from './signature';
import { hasWildcard } from './wildcard';
import { nonInteractiveRecord } from './error-records';
import type { CommandOutput, Result } from '../contract';

/** What the binder read of -WhatIf and -Confirm (absent: not given). */
export interface ShouldProcessSwitches {
  WhatIf?: boolean;
  Confirm?: boolean;
}

/** PowerShell's words when a script that needs an answer runs where nobody can give one (powershell.exe -NonInteractive). */
export const NON_INTERACTIVE = 'Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.';

export function confirmImpactOf(sig: CmdletSignature): 'High' | 'Medium' | 'Low' {
  return sig.confirmImpact ?? (/^Remove-/i.test(sig.name) ? 'High' : 'Medium');
}

/** Does running this command ask first? */
export function needsConfirmation(sig: CmdletSignature, params: BoundParams, switches: ShouldProcessSwitches): boolean {
  if (!shouldProcess(sig) || switches.WhatIf === true) return false;
  if (switches.Confirm !== undefined) return switches.Confirm;
  return confirmImpactOf(sig) === 'High' && params.Force !== true;
}

/** Names of the parameters that identify what a cmdlet acts on, in the order they are looked for. */
const TARGET_PARAMETERS = ['Name', 'VMName', 'Path', 'Subnet', 'Category', 'Id', 'InterfaceDescription', 'ComputerName', 'CimSession'];

/** The parameter that names what the cmdlet acts on: the one that takes piped objects, else the first of TARGET_PARAMETERS given. */
function targetParameter(sig: CmdletSignature, params: BoundParams): string | undefined {
  const piped = sig.parameters.find((p) => p.fromPipeline && params[p.name] !== undefined);
  return piped?.name ?? TARGET_PARAMETERS.find((n) => params[n] !== undefined);
}

/**
 * ShouldProcess is asked once per object: `Remove-VM WEB01,SQL01` (or two VMs piped in) asks about
 * WEB01, then SQL01. A command that asks, or has -WhatIf, is split into one command per named object
 * (a wildcard is left whole: the cmdlet resolves it).
 */
export function perTarget(sig: CmdletSignature, params: BoundParams, switches: ShouldProcessSwitches): BoundParams[] {
  if (switches.WhatIf !== true && !needsConfirmation(sig, params, switches)) return [params];
  const name = targetParameter(sig, params);
  const value = name === undefined ? undefined : params[name];
  if (!Array.isArray(value) || value.length < 2 || value.some((v) => typeof v !== 'string' || hasWildcard(v))) return [params];
  return (value as string[]).map((v) => ({ ...params, [name!]: [v] }));
}

/** What the cmdlet acts on, as the prompt names it: the value of its identifying parameter. */
export function shouldProcessTarget(sig: CmdletSignature, params: BoundParams): string {
  const name = targetParameter(sig, params);
  const value = name === undefined ? undefined : params[name];
  if (value === undefined) return sig.hostParameter ? 'localhost' : sig.name;
  return Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : String(value);
}

function operation(sig: CmdletSignature): string {
  return sig.name.slice(0, sig.name.indexOf('-'));
}

export function whatIfText(sig: CmdletSignature, params: BoundParams): string {
  return `What if: Performing the operation "${operation(sig)}" on target "${shouldProcessTarget(sig, params)}".`;
}

/** The question under the "Confirm" caption (one or two lines). */
export function confirmQuery(sig: CmdletSignature, params: BoundParams): string {
  const target = shouldProcessTarget(sig, params);
  if (sig.name === 'Remove-VM') return `Are you sure you want to remove virtual machine "${target}"?`;
  return `Are you sure you want to perform this action?\nPerforming the operation "${operation(sig)}" on target "${target}".`;
}

/**
 * What a command that must ask comes to where nobody can answer (hvlab run, the lab grader): the error
 * powershell.exe -NonInteractive gives, and how to run it without asking.
 */
export function nonInteractiveResult(sig: CmdletSignature): Result<CommandOutput> {
  const hasForce = sig.parameters.some((p) => p.name === 'Force');
  return {
    ok: false,
    error: {
      code: 'CommandRefused',
      message: NON_INTERACTIVE,
      fix: `${sig.name} asks for confirmation and hvlab run cannot answer: add ${hasForce ? '-Force or ' : ''}-Confirm:$false to run it without asking.`,
      record: nonInteractiveRecord(sig.name),
    },
  };
}
