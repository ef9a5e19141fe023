// Writing values as PowerShell text the console reads back to the same value: bare words when
// safe, else single quotes (with every kind of single quote doubled); double quotes inside
// hashtables, as the reference examples write them (with `, " and $ escaped by a backtick).
import { parseNumberLiteral } from './number-literal';
import { doubleQuotes, singleQuotes } from './syntax';

const bareSafe = /^[\p{L}\p{N}_.:\\/+*?~=%!^-]+$/u;

/** A string as an argument: bare when it cannot be mistaken for anything else. */
export function quoteArgument(s: string): string {
  const bare = bareSafe.test(s) && !s.startsWith('-') && parseNumberLiteral(s) === undefined;
  if (bare) return s;
  let out = "'";
  for (const c of s) out += singleQuotes.has(c) ? c + c : c;
  return `${out}'`;
}

const doubleEscapes: Record<string, string> = { '`': '``', $: '`$', '\0': '`0', '\x07': '`a', '\b': '`b', '\f': '`f', '\n': '`n', '\r': '`r', '\t': '`t', '\v': '`v' };

/** A string in double quotes, as hashtable keys and values are written. */
export function doubleQuoted(s: string): string {
  let out = '"';
  for (const c of s) out += doubleQuotes.has(c) ? `\`${c}` : doubleEscapes[c] ?? c;
  return `${out}"`;
}

const units: [number, string][] = [[1024 ** 5, 'PB'], [1024 ** 4, 'TB'], [1024 ** 3, 'GB'], [1024 ** 2, 'MB'], [1024, 'KB']];

/** A byte count as PowerShell writes it when exact (4GB, 512MB), else the plain number. */
export function formatBytes(n: number): string {
  for (const [size, unit] of units) if (n !== 0 && Math.abs(n) >= size && n % size === 0) return `${n / size}${unit}`;
  return String(n);
}
