// Canonical PowerShell text of a command object: what "View script" shows and the console echoes.
// The cmdlet's canonical spelling, then the parameters in signature order, each named
// (-Name value); switches bare (-Force, or -Force:$false); sizes as 4GB when exact; strings
// quoted only when needed; hashtables as in the reference: @(@{"SourceFilePath"="...";...}).
// parseScript(formatCommand(c)) gives back c for every valid command (a property test checks it).
import type { BoundParams, CmdletSignature, ParamValue, ParameterSpec } from './signature';
import { findSignature } from './registry';
import { doubleQuoted, formatBytes, quoteArgument } from './powershell-text';

export { formatBytes } from './powershell-text';

function formatScalar(type: ParameterSpec['type'] | undefined, v: unknown): string {
  if (typeof v === 'boolean') return v ? '$true' : '$false';
  if (typeof v === 'number') return type === 'Bytes' ? formatBytes(v) : String(v);
  if (typeof v === 'string') return quoteArgument(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return `@{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${doubleQuoted(k)}=${doubleQuoted(String(x))}`).join(';')}}`;
  }
  return quoteArgument(String(v));
}

export function formatValue(p: ParameterSpec | undefined, v: ParamValue): string {
  if (Array.isArray(v)) {
    if (p?.type === 'Hashtable[]' || v.some((x) => typeof x === 'object')) return `@(${(v as unknown[]).map((x) => formatScalar(p?.type, x)).join(', ')})`;
    if (v.length === 0) return '@()';
    return (v as unknown[]).map((x) => formatScalar(p?.type, x)).join(',');
  }
  return formatScalar(p?.type, v);
}

function formatParameter(p: ParameterSpec | undefined, name: string, v: ParamValue): string {
  if (p?.type === 'Switch') return v === true ? `-${name}` : `-${name}:${formatScalar('Bool', v)}`;
  return `-${name} ${formatValue(p, v)}`;
}

function formatWith(sig: CmdletSignature, params: Record<string, unknown>): string {
  const parts = [sig.name];
  for (const p of sig.parameters) {
    const v = params[p.name];
    if (v !== undefined) parts.push(formatParameter(p, p.name, v as ParamValue));
  }
  // Best effort for keys the signature does not have (an invalid object): keep them visible.
  for (const [name, v] of Object.entries(params)) {
    if (v !== undefined && !sig.parameters.some((p) => p.name === name)) parts.push(formatParameter(undefined, name, v as ParamValue));
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
