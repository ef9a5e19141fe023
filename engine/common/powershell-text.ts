// Writing values as PowerShell text the console reads back to the same value: bare words when
// safe, else single quotes (with every kind of single quote doubled); double quotes inside
// hashtables, as the reference examples write them (with `, " and $ escaped by a backtick); byte
// counts with PowerShell's multipliers. Used by the engine's command writer (cmdlets/format.ts),
// the completion, and the renderer's "View script" text of the settings dialogs.
import { parseNumberLiteral } from './number-literal';
import { doubleQuotes, singleQuotes } from './powershell-chars';

const bareSafe = /^[\p{L}\p{N}_.:\\/+*?~=%!^-]+$/u;

/** A string as an argument: bare when it cannot be mistaken for anything else. */
export function quoteArgument(s: string): string {
  const bare = bareSafe.test(s) && !s.startsWith('-') && parseNumberLiteral(s) === undefined;
  if (bare) return s;
  let out = "'";
  for (const c of s) out += singleQuotes.has(c) ? c + c : c;
  return `${out}'`;
}

const doubleEscapes: Record<string, string> = {
  '`': '``',
  $: '`$',
  '\0': '`0',
  '\x07': '`a',
  '\b': '`b',
  '\f': '`f',
  '\n': '`n',
  '\r': '`r',
  '\t': '`t',
  '\v': '`v',
};

/** A string in double quotes, as hashtable keys and values are written. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) out += doubleQuotes.has(c) ? `\`${c}` : (doubleEscapes[c] ?? c);
  return `${out}"`;
}

const units: [number, string][] = [
  [1024 ** 5, 'PB'],
  [1024 ** 4, 'TB'],
  [1024 ** 3, 'GB'],
  [1024 ** 2, 'MB'],
  [1024, 'KB'],
];

/** A byte count as a PowerShell literal: with its multiplier when exact (4GB, 512MB), else the plain number. */
export function byteLiteral(n: number): string {
  for (const [size, unit] of units) if (n !== 0 && Math.abs(n) >= size && n % size === 0) return `${n / size}${unit}`;
  return String(n);
}

/**
 * What the writer needs of a parameter's declared type (engine/cmdlets/signature.ts ParameterType):
 * a Switch is written bare, a Bytes count as 4GB, a Hashtable[] as @(@{...}); any other type, or
 * none (a name the signature does not have), by the value's own kind.
 */
export type WrittenType = 'Switch' | 'Bytes' | 'Hashtable[]' | (string & {});

function scalarText(type: WrittenType | undefined, v: unknown): string {
  if (typeof v === 'boolean') return v ? '$true' : '$false';
  if (typeof v === 'number') return type === 'Bytes' ? byteLiteral(v) : String(v);
  if (typeof v === 'string') return quoteArgument(v);
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    return `@{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${doubleQuoted(k)}=${doubleQuoted(String(x))}`)
      .join(';')}}`;
  }
  return quoteArgument(String(v));
}

/** A parameter's value as an argument: arrays comma-separated (@() when empty), hashtables in @( ). */
export function valueText(type: WrittenType | undefined, v: unknown): string {
  if (Array.isArray(v)) {
    if (type === 'Hashtable[]' || v.some((x) => typeof x === 'object')) return `@(${v.map((x) => scalarText(type, x)).join(', ')})`;
    if (v.length === 0) return '@()';
    return v.map((x) => scalarText(type, x)).join(',');
  }
  return scalarText(type, v);
}

/** `-Name value`; a switch bare when set (-Force) and with a colon when not (-Force:$false). */
export function parameterText(type: WrittenType | undefined, name: string, v: unknown): string {
  if (type === 'Switch') return v === true ? `-${name}` : `-${name}:${scalarText('Bool', v)}`;
  return `-${name} ${valueText(type, v)}`;
}
