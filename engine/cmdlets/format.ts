// Canonical PowerShell text of a command object: what "View script" shows and the console echoes.
// The cmdlet's canonical spelling, then the parameters in signature order, each named
// (-Name value); switches bare (-Force, or -Force:$false); sizes as 4GB when exact; strings
// quoted only when needed; hashtables as in the reference: @(@{"SourceFilePath"="...";...}).
// parseScript(formatCommand(c)) gives back c for every valid command (a property test checks it).
// How each value is written is engine/common/powershell-text.ts, shared with the renderer.
import type { BoundParams, CmdletSignature } from './signature';
import { findSignature } from './registry';
import { parameterText } from '../common/powershell-text';

function formatWith(sig: CmdletSignature, params: Record<string, unknown>): string {
  const parts = [sig.name];
  for (const p of sig.parameters) {
    const v = params[p.name];
    if (v !== undefined) parts.push(parameterText(p.type, p.name, v));
  }
  // Best effort for keys the signature does not have (an invalid object): keep them visible.
  for (const [name, v] of Object.entries(params)) {
    if (v !== undefined && !sig.parameters.some((p) => p.name === name)) parts.push(parameterText(undefined, name, v));
  }
  return parts.join(' ');
}

/** Canonical text of a command object; throws for a cmdlet the engine does not know. */
export function formatCommand(command: { cmdlet: string; params?: Record<string, unknown> }): string;
/** Canonical text of bound parameters of a known signature (what Engine.invoke echoes). */
export function formatCommand(sig: CmdletSignature, params: BoundParams): string;
export function formatCommand(a: CmdletSignature | { cmdlet: string; params?: Record<string, unknown> }, params?: BoundParams): string {
  if ('cmdlet' in a) {
    const sig = findSignature(a.cmdlet);
    if (!sig) throw new Error(`The term '${a.cmdlet}' is not recognized as the name of a cmdlet, function, script file, or operable program.`);
    return formatWith(sig, a.params ?? {});
  }
  return formatWith(a, params ?? {});
}

/** Several commands, one per line. */
export function formatScript(commands: readonly { cmdlet: string; params?: Record<string, unknown> }[]): string {
  return commands.map((c) => formatCommand(c)).join('\n');
}
