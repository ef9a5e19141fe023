// Tab completion for the console: cmdlet names at the start of a statement (or after |),
// parameter names after a dash (those not given yet), and values — enum values, $true/$false,
// and, given the world, VM and computer names. `replaceFrom` is where the text being completed
// starts; the console replaces text[replaceFrom, cursor) with the chosen candidate.
import type { World } from '../model/world';
import type { CmdletSignature, ParameterSpec } from './signature';
import { allSignatures, findSignature } from './registry';
import { commonParametersOf, matchParameter } from './parameter-names';
import { inSet } from './parameter-sets';
import { dashes, doubleQuotes, singleQuotes } from '../common/powershell-chars';
import { isNewline, isSpace } from './syntax';
import { quoteArgument } from '../common/powershell-text';

export interface Completion {
  replaceFrom: number;
  candidates: string[];
}

interface Token {
  text: string;
  start: number;
}

/** The tokens of the statement the cursor is in, up to the cursor (a light, forgiving scan). */
function statementTokens(before: string): { tokens: Token[]; partial: Token } {
  let tokens: Token[] = [];
  let current: Token | undefined;
  let quote: 'single' | 'double' | undefined;
  const end = () => {
    if (current) tokens.push(current);
    current = undefined;
  };
  for (let i = 0; i < before.length; i++) {
    const c = before[i]!;
    if (quote) {
      current!.text += c;
      if ((quote === 'single' && singleQuotes.has(c)) || (quote === 'double' && doubleQuotes.has(c) && before[i - 1] !== '`')) quote = undefined;
      continue;
    }
    if (singleQuotes.has(c) || doubleQuotes.has(c)) {
      quote = singleQuotes.has(c) ? 'single' : 'double';
      current ??= { text: '', start: i };
      current.text += c;
    } else if (isSpace(c)) {
      end();
    } else if (c === ';' || c === '|' || (isNewline(c) && before[i - 1] !== '`')) {
      end();
      tokens = [];
    } else if (c === '#' && !current) {
      while (i + 1 < before.length && !isNewline(before[i + 1]!)) i++;
    } else if (isNewline(c)) {
      end();
    } else {
      current ??= { text: '', start: i };
      current.text += c;
    }
  }
  return { tokens, partial: current ?? { text: '', start: before.length } };
}

const startsWith = (candidate: string, prefix: string) => candidate.toLowerCase().startsWith(prefix.toLowerCase());

/** Case-insensitive order that does not depend on the machine's locale. */
function byName(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function parameterAfter(sig: CmdletSignature, tokens: Token[]): ParameterSpec | undefined {
  const last = tokens[tokens.length - 1];
  if (!last || !dashes.has(last.text[0] ?? '') || last.text.includes(':')) return undefined;
  const m = matchParameter(sig, last.text.slice(1));
  return m.kind === 'parameter' && m.spec.type !== 'Switch' ? m.spec : undefined;
}

/** The positional parameter the next bare value would bind to (default set first). */
function positionalFor(sig: CmdletSignature, tokens: Token[]): ParameterSpec | undefined {
  const used = new Set<string>();
  let positionals = 0;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (dashes.has(t.text[0] ?? '') && /^\p{L}/u.test(t.text.slice(1))) {
      const m = matchParameter(sig, t.text.slice(1).split(':')[0]!);
      if (m.kind === 'parameter') {
        used.add(m.spec.name);
        if (m.spec.type !== 'Switch' && !t.text.includes(':')) i++;
      }
    } else positionals++;
  }
  const open = sig.parameters
    .filter((p) => p.position !== undefined && !used.has(p.name) && (!sig.defaultSet || inSet(p, sig.defaultSet)))
    .sort((a, b) => a.position! - b.position!);
  return open[positionals];
}

function valuesFor(p: ParameterSpec, world: World | undefined): string[] {
  if (p.values) return [...p.values];
  if (p.type === 'Bool') return ['$true', '$false'];
  if (p.completion === 'vm') return (world?.vms.map((v) => v.name) ?? []).sort(byName);
  if (p.completion === 'host') return (world?.hosts.map((h) => h.name) ?? []).sort(byName);
  return [];
}

export function complete(text: string, cursor: number, world?: World): Completion {
  const at = Math.max(0, Math.min(Number.isFinite(cursor) ? Math.trunc(cursor) : text.length, text.length));
  const { tokens, partial } = statementTokens(text.slice(0, at));

  if (tokens.length === 0) {
    const names = allSignatures()
      .map((s) => s.name)
      .filter((n) => startsWith(n, partial.text));
    return { replaceFrom: partial.start, candidates: names.sort(byName) };
  }
  const sig = findSignature(tokens[0]!.text);
  if (!sig) return { replaceFrom: partial.start, candidates: [] };

  const first = partial.text[0] ?? '';
  if (dashes.has(first) && !partial.text.includes(':')) {
    const used = new Set(
      tokens
        .filter((t) => dashes.has(t.text[0] ?? ''))
        .map((t) => matchParameter(sig, t.text.slice(1).split(':')[0]!))
        .flatMap((m) => (m.kind === 'parameter' ? [m.spec.name] : [])),
    );
    const prefix = partial.text.slice(1);
    const own = sig.parameters.filter((p) => !used.has(p.name) && startsWith(p.name, prefix)).map((p) => `-${p.name}`);
    // Then the common parameters the console takes (-Verbose ..., -WhatIf and -Confirm where the cmdlet
    // changes something), after the cmdlet's own as PowerShell's Tab cycles them; not those it refuses.
    const typed = new Set(tokens.filter((t) => dashes.has(t.text[0] ?? '')).map((t) => t.text.slice(1).split(':')[0]!.toLowerCase()));
    const common = commonParametersOf(sig)
      .filter((c) => (c.ignored || c.shouldProcessOnly) && !typed.has(c.name.toLowerCase()) && startsWith(c.name, prefix))
      .map((c) => `-${c.name}`);
    return { replaceFrom: partial.start, candidates: [...own, ...common] };
  }

  let p: ParameterSpec | undefined;
  let valueStart = partial.start;
  let valueText = partial.text;
  if (dashes.has(first)) {
    const colon = partial.text.indexOf(':');
    const m = matchParameter(sig, partial.text.slice(1, colon));
    p = m.kind === 'parameter' ? m.spec : undefined;
    valueStart += colon + 1;
    valueText = partial.text.slice(colon + 1);
  } else {
    p = parameterAfter(sig, tokens) ?? positionalFor(sig, tokens);
  }
  if (!p) return { replaceFrom: valueStart, candidates: [] };
  const comma = valueText.lastIndexOf(',');
  if (comma >= 0) {
    valueStart += comma + 1;
    valueText = valueText.slice(comma + 1);
  }
  const prefix = valueText.replace(/^['"\u2018\u2019\u201a\u201b\u201c\u201d\u201e]/, '');
  const candidates = valuesFor(p, world)
    .filter((v) => startsWith(v, prefix))
    .map((v) => (v.startsWith('$') ? v : quoteArgument(v)));
  return { replaceFrom: valueStart, candidates };
}
