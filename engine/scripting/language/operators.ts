// The string, format and range operators as Windows PowerShell 4.0 applies them (about_Comparison_Operators
// for -replace; about_Split, about_Join; about_Operators for -f and the range operator ..).
// -replace and -split take .NET regular expressions and are case-insensitive unless c-prefixed; an
// array on the left is processed element by element. -f is .NET's composite formatting
// ("Composite Formatting" and "Standard Numeric Format Strings", Microsoft Learn) in the en-US culture.
import { RegexError, regexOf, toText } from './values';

/** Thrown for a value an operator cannot take; the interpreter reports it at the operator. */
export class OperatorError extends Error {}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** .NET's replacement syntax in JavaScript's: ${name} and ${1} become $<name> and $1; $0 is the whole match. */
function replacementOf(text: string): string {
  return text.replace(/\$(\$|\{([^}]*)\}|0(?!\d))/g, (all, what: string, name: string | undefined) => {
    if (what === '$') return '$$';
    if (what === '0') return '$&';
    if (name !== undefined) return /^\d+$/.test(name) ? (name === '0' ? '$&' : `$${name}`) : `$<${name}>`;
    return all;
  });
}

/** `left -replace pattern, replacement` (the replacement is empty when only a pattern is given). */
export function replaceOperator(left: unknown, right: unknown, caseSensitive: boolean): unknown {
  const [pattern, replacement] = asList(right);
  if (asList(right).length > 2) throw new OperatorError(`The -replace operator allows only two elements to follow it, not ${asList(right).length}.`);
  const source = regexOf(toText(pattern), caseSensitive);
  const re = new RegExp(source.source, `${source.flags}g`);
  const swap = replacementOf(replacement === undefined ? '' : toText(replacement));
  const one = (v: unknown) => toText(v).replace(re, swap);
  return Array.isArray(left) ? left.map(one) : one(left);
}

/** `left -split pattern[, max]`: the pieces between matches (captured groups included, as .NET's Regex.Split). */
export function splitOperator(left: unknown, right: unknown, caseSensitive: boolean): string[] {
  const [pattern, max] = asList(right);
  const limit = max === undefined ? 0 : Math.trunc(Number(max));
  if (!Number.isFinite(limit)) throw new OperatorError(`Cannot convert value "${toText(max)}" to type "System.Int32".`);
  const source = regexOf(toText(pattern), caseSensitive);
  const re = new RegExp(source.source, `${source.flags}g`);
  const out: string[] = [];
  for (const item of asList(left)) {
    const text = toText(item);
    let from = 0;
    let pieces = 0;
    re.lastIndex = 0;
    for (let m = re.exec(text); m && (limit <= 0 || pieces < limit - 1); m = re.exec(text)) {
      if (m[0] === '') {
        // An empty match splits nowhere (it would split between every character otherwise); move on.
        re.lastIndex++;
        if (re.lastIndex > text.length) break;
        continue;
      }
      out.push(text.slice(from, m.index), ...m.slice(1).filter((g): g is string => g !== undefined));
      from = m.index + m[0].length;
      pieces++;
    }
    out.push(text.slice(from));
  }
  return out;
}

/** Unary `-split "a b  c"`: splits on runs of white space, leading and trailing space dropped. */
export function splitWhitespace(v: unknown): string[] {
  return asList(v).flatMap((x) => {
    const t = toText(x).trim();
    return t === '' ? [] : t.split(/\s+/);
  });
}

/** `left -join separator`, and unary `-join left` (no separator). */
export function joinOperator(left: unknown, separator: unknown = ''): string {
  return asList(left).map(toText).join(toText(separator));
}

/** `a..b`: the integers from a to b, counting down when b is smaller. */
export function rangeOperator(from: unknown, to: unknown, maxItems: number): number[] {
  const a = toInt(from);
  const b = toInt(to);
  const count = Math.abs(b - a) + 1;
  if (count > maxItems)
    throw new OperatorError(
      `The range ${a}..${b} has ${count.toLocaleString('en-US')} numbers; an array holds at most ${maxItems.toLocaleString('en-US')} here.`,
    );
  const step = b >= a ? 1 : -1;
  const out: number[] = [];
  for (let i = a; out.length < count; i += step) out.push(i);
  return out;
}

/** [int] conversion: numbers round half to even (as .NET's Convert.ToInt32), text must be a number. */
function toInt(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === null || v === undefined ? 0 : Number(toText(v).trim() || 0);
  if (!Number.isFinite(n) || Math.abs(n) > 2_147_483_647) throw new OperatorError(`Cannot convert value "${toText(v)}" to type "System.Int32".`);
  const floor = Math.floor(n);
  const diff = n - floor;
  return diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
}

// ── -f ────────────────────────────────────────────────────────────────────────────────────────

const FORMAT_ERROR = 'Error formatting a string: Input string was not in a correct format..';
const INDEX_ERROR = 'Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list..';

/** `"{0,-10} {1:N1}" -f $a, $b`: .NET composite formatting. */
export function formatOperator(format: unknown, args: unknown): string {
  const text = toText(format);
  const values = asList(args);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '}') {
      if (text[i + 1] !== '}') throw new OperatorError(FORMAT_ERROR);
      out += '}';
      i++;
      continue;
    }
    if (c !== '{') {
      out += c;
      continue;
    }
    if (text[i + 1] === '{') {
      out += '{';
      i++;
      continue;
    }
    const end = text.indexOf('}', i);
    if (end < 0) throw new OperatorError(FORMAT_ERROR);
    const m = /^\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::(.*))?$/s.exec(text.slice(i + 1, end));
    if (!m) throw new OperatorError(FORMAT_ERROR);
    const index = Number(m[1]);
    if (index >= values.length) throw new OperatorError(INDEX_ERROR);
    let piece = formatValue(values[index], m[3] ?? '');
    const width = m[2] === undefined ? 0 : Number(m[2]);
    if (Math.abs(width) > 100_000) throw new OperatorError(FORMAT_ERROR);
    piece = width < 0 ? piece.padEnd(-width) : piece.padStart(width);
    out += piece;
    i = end;
  }
  return out;
}

const groupFormat = (digits: number, grouping: boolean) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: grouping });

/** One value with a .NET format string: N, F, D, X, P, E and simple custom patterns (0.00, #,##0) for numbers; other values as text. */
export function formatValue(v: unknown, spec: string): string {
  if (typeof v !== 'number' || spec === '') return toText(v);
  const m = /^([NnFfDdXxPpEeGgCc])(\d{0,2})$/.exec(spec);
  if (m) {
    const kind = m[1]!.toUpperCase();
    const digits = m[2] === '' ? undefined : Number(m[2]);
    switch (kind) {
      case 'N':
        return groupFormat(digits ?? 2, true).format(v);
      case 'F':
        return groupFormat(digits ?? 2, false).format(v);
      case 'P':
        return `${groupFormat(digits ?? 2, true).format(v * 100)} %`;
      case 'C':
        return v < 0 ? `($${groupFormat(digits ?? 2, true).format(-v)})` : `$${groupFormat(digits ?? 2, true).format(v)}`;
      case 'E': {
        const [mant, exp] = v.toExponential(digits ?? 6).split('e');
        const e = Number(exp);
        const t = `${mant}${m[1] === 'e' ? 'e' : 'E'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(3, '0')}`;
        return t;
      }
      case 'D':
      case 'X': {
        if (!Number.isInteger(v)) throw new OperatorError(`Error formatting a string: Format specifier was invalid..`);
        const body = kind === 'D' ? String(Math.abs(v)) : v < 0 ? (v >>> 0).toString(16) : v.toString(16);
        const cased = m[1] === 'X' ? body.toUpperCase() : body;
        return (kind === 'D' && v < 0 ? '-' : '') + cased.padStart(digits ?? 0, '0');
      }
      default:
        return toText(v);
    }
  }
  // Custom numeric patterns: digits after the point from the 0s and #s, grouping from a comma before it.
  const custom = /^([#0,]*)(?:\.([0#]*))?$/.exec(spec);
  if (custom && /[0#]/.test(spec)) {
    const fraction = custom[2] ?? '';
    const min = (fraction.match(/0/g) ?? []).length;
    const f = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: min,
      maximumFractionDigits: fraction.length,
      minimumIntegerDigits: Math.max(1, (custom[1]!.match(/0/g) ?? []).length),
      useGrouping: custom[1]!.includes(','),
    });
    return f.format(v);
  }
  return toText(v);
}

export { RegexError };
