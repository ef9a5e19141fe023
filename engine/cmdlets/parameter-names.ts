// Which parameter a typed name means, as PowerShell decides: an exact name or alias (any case)
// wins; otherwise a unique prefix of a name or alias. The common parameters take part, so a
// prefix such as -D is ambiguous between -DestinationHost and -Debug exactly as in PowerShell.
import type { CmdletSignature, ParameterSpec } from './signature';
import { shouldProcess } from './signature';

export interface CommonParameter {
  name: string;
  aliases: readonly string[];
  /** Accepted and dropped: it changes nothing in the lab (-Verbose, -Debug, -Confirm). */
  ignored: boolean;
  shouldProcessOnly?: boolean;
}

/** PowerShell 4.0's common parameters, then the risk-mitigation ones of cmdlets that change things. */
export const commonParameters: readonly CommonParameter[] = [
  { name: 'Verbose', aliases: ['vb'], ignored: true },
  { name: 'Debug', aliases: ['db'], ignored: true },
  { name: 'ErrorAction', aliases: ['ea'], ignored: false },
  { name: 'WarningAction', aliases: ['wa'], ignored: false },
  { name: 'ErrorVariable', aliases: ['ev'], ignored: false },
  { name: 'WarningVariable', aliases: ['wv'], ignored: false },
  { name: 'OutVariable', aliases: ['ov'], ignored: false },
  { name: 'OutBuffer', aliases: ['ob'], ignored: false },
  { name: 'PipelineVariable', aliases: ['pv'], ignored: false },
  // Read by the binder and acted on by the prompt and hvlab run (should-process.ts).
  { name: 'WhatIf', aliases: ['wi'], ignored: false, shouldProcessOnly: true },
  { name: 'Confirm', aliases: ['cf'], ignored: false, shouldProcessOnly: true },
];

export type ParameterMatch =
  { kind: 'parameter'; spec: ParameterSpec } | { kind: 'common'; common: CommonParameter } | { kind: 'ambiguous'; names: string[] } | { kind: 'unknown' };

export const nameMessages = {
  notFound: (name: string) => `A parameter cannot be found that matches parameter name '${name}'.`,
  ambiguous: (name: string, matches: readonly string[]) =>
    `Parameter cannot be processed because the parameter name '${name}' is ambiguous. Possible matches include: ${matches.map((m) => `-${m}`).join(' ')}.`,
  commonNotSupported: (name: string) => `The common parameter '-${name}' is not supported in this console; every command it accepts runs as written.`,
};

type Candidate = { name: string; aliases: readonly string[]; match: ParameterMatch };

export function commonParametersOf(sig: CmdletSignature): CommonParameter[] {
  return commonParameters.filter((c) => !c.shouldProcessOnly || shouldProcess(sig));
}

export function matchParameter(sig: CmdletSignature, typed: string): ParameterMatch {
  const candidates: Candidate[] = [
    ...sig.parameters.map((spec): Candidate => ({ name: spec.name, aliases: spec.aliases ?? [], match: { kind: 'parameter', spec } })),
    ...commonParametersOf(sig).map((common): Candidate => ({ name: common.name, aliases: common.aliases, match: { kind: 'common', common } })),
  ];
  const lower = typed.toLowerCase();
  const names = (c: Candidate) => [c.name, ...c.aliases].map((n) => n.toLowerCase());
  const exact = candidates.find((c) => names(c).includes(lower));
  if (exact) return exact.match;
  const prefixed = candidates.filter((c) => names(c).some((n) => n.startsWith(lower)));
  if (prefixed.length === 1) return prefixed[0]!.match;
  if (prefixed.length > 1) return { kind: 'ambiguous', names: prefixed.map((c) => c.name) };
  return { kind: 'unknown' };
}
