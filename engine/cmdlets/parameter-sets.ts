// Parameter sets, as PowerShell resolves them: every named parameter narrows the sets that remain;
// when several remain the declared default wins, else the one set whose mandatory parameters are
// all supplied; then every mandatory parameter of the chosen set must be there.
import type { CmdletSignature, ParameterSpec } from './signature';

/** The one implicit set of a cmdlet that declares none. */
export const ALL_SETS = '__AllParameterSets';

export const messages = {
  cannotResolve: 'Parameter set cannot be resolved using the specified named parameters.',
  missingMandatory: (names: readonly string[]) => `Cannot process command because of one or more missing mandatory parameters: ${names.join(' ')}.`,
};

/** Declared set names in order of first appearance, or the implicit set. */
export function setNames(sig: CmdletSignature): string[] {
  const names: string[] = [];
  for (const p of sig.parameters) for (const s of p.sets ?? []) if (!names.includes(s)) names.push(s);
  return names.length ? names : [ALL_SETS];
}

export function inSet(p: ParameterSpec, set: string): boolean {
  return !p.sets || p.sets.includes(set);
}

export function isMandatoryIn(p: ParameterSpec, set: string): boolean {
  return inSet(p, set) && !!p.mandatoryIn && (p.mandatoryIn.includes('*') || p.mandatoryIn.includes(set));
}

function specOf(sig: CmdletSignature, name: string): ParameterSpec | undefined {
  return sig.parameters.find((p) => p.name === name);
}

/** The sets that contain every one of the given parameters. */
export function setsAccepting(sig: CmdletSignature, names: readonly string[], within: readonly string[] = setNames(sig)): string[] {
  return within.filter((s) =>
    names.every((n) => {
      const p = specOf(sig, n);
      return p !== undefined && inSet(p, s);
    }),
  );
}

export function missingMandatory(sig: CmdletSignature, set: string, supplied: readonly string[]): string[] {
  return sig.parameters.filter((p) => isMandatoryIn(p, set) && !supplied.includes(p.name)).map((p) => p.name);
}

/** Picks one set among several that accept the supplied parameters, or undefined when PowerShell cannot. */
export function chooseSet(sig: CmdletSignature, candidates: readonly string[], supplied: readonly string[]): string | undefined {
  if (candidates.length === 1) return candidates[0];
  if (sig.defaultSet && candidates.includes(sig.defaultSet)) return sig.defaultSet;
  const complete = candidates.filter((s) => missingMandatory(sig, s, supplied).length === 0);
  return complete.length === 1 ? complete[0] : undefined;
}

export type SetResolution =
  { ok: true; set: string } | { ok: false; kind: 'conflict' | 'ambiguous' | 'missing'; message: string; parameter?: string; missing?: string[] };

/** Resolves the set of a complete command (named parameters only; positions already bound). */
export function resolveParameterSet(sig: CmdletSignature, supplied: readonly string[]): SetResolution {
  let candidates = setNames(sig);
  for (const name of supplied) {
    const narrowed = setsAccepting(sig, [name], candidates);
    if (narrowed.length === 0) return { ok: false, kind: 'conflict', message: messages.cannotResolve, parameter: name };
    candidates = narrowed;
  }
  const set = chooseSet(sig, candidates, supplied);
  if (set === undefined) return { ok: false, kind: 'ambiguous', message: messages.cannotResolve };
  const missing = missingMandatory(sig, set, supplied);
  if (missing.length) return { ok: false, kind: 'missing', message: messages.missingMandatory(missing), parameter: missing[0], missing };
  return { ok: true, set };
}
