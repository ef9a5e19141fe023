// The rules a bound parameter value obeys, shared by the console's binder and the runtime schema
// (signature.ts): canonical spelling of enums and hashtable keys, the range each .NET integer
// type holds, ValidateRange and not-empty checks — each worded as PowerShell words it.
import type { ParameterSpec } from './signature';
import { elementTypeName } from './signature';

export const valueMessages = {
  nullOrEmpty: 'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.',
  collectionNullOrEmpty:
    'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.',
  aboveMax: (v: number, max: number) =>
    `The ${v} argument is greater than the maximum allowed range of ${max}. Supply an argument that is less than or equal to ${max} and then try the command again.`,
  belowMin: (v: number, min: number) =>
    `The ${v} argument is less than the minimum allowed range of ${min}. Supply an argument that is greater than or equal to ${min} and then try the command again.`,
  typeOverflow: (typeName: string) => {
    const short = typeName.replace(/^System\./, '');
    return `Value was either too large or too small for ${/^[AEIOU]/i.test(short) ? 'an' : 'a'} ${short}.`;
  },
  notInEnum: (value: string, values: readonly string[]) =>
    `Unable to match the identifier name ${value} to a valid enumerator name. Specify one of the following enumerator names and try again: ${values.join(', ')}`,
  duplicateKey: (key: string) => `Duplicate keys '${key}' are not allowed in hash literals.`,
};

/** The values an integer .NET type holds (Int64 is limited to what a JSON number holds exactly). */
export function integerBounds(typeName: string): { min: number; max: number } {
  switch (typeName) {
    case 'System.Int32':
      return { min: -(2 ** 31), max: 2 ** 31 - 1 };
    case 'System.UInt32':
      return { min: 0, max: 2 ** 32 - 1 };
    case 'System.Byte':
      return { min: 0, max: 255 };
    case 'System.SByte':
      return { min: -128, max: 127 };
    case 'System.UInt16':
      return { min: 0, max: 65535 };
    case 'System.UInt64':
      return { min: 0, max: Number.MAX_SAFE_INTEGER };
    default:
      return { min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
  }
}

/** ValidateRange of the parameter; a byte count is never negative. */
export function validRange(p: ParameterSpec): { min?: number; max?: number } {
  return { min: p.min ?? (p.type === 'Bytes' ? 0 : undefined), max: p.max };
}

/** The tail of "Cannot validate argument on parameter 'X'. ..." for a number out of range. */
export function rangeProblem(p: ParameterSpec, v: number): string | undefined {
  const { min, max } = validRange(p);
  if (min !== undefined && v < min) return valueMessages.belowMin(v, min);
  if (max !== undefined && v > max) return valueMessages.aboveMax(v, max);
  return undefined;
}

export function canonicalEnum(p: ParameterSpec, v: string): string | undefined {
  return p.values?.find((x) => x.toLowerCase() === v.toLowerCase());
}

export function canonicalKey(p: ParameterSpec, key: string): string {
  return p.hashtableKeys?.find((k) => k.toLowerCase() === key.toLowerCase()) ?? key;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

/**
 * Canonical form of a value a caller built by hand: a single value for an array parameter becomes
 * a one-element array (as PowerShell binds it), enums and hashtable keys take their canonical casing.
 */
export function normalizeValue(p: ParameterSpec, value: unknown): unknown {
  const v = p.type.endsWith('[]') && value !== undefined && value !== null && !Array.isArray(value) ? [value] : value;
  if (p.type === 'Enum' && typeof v === 'string') return canonicalEnum(p, v) ?? v;
  if (p.type === 'Enum[]' && Array.isArray(v)) return (v as unknown[]).map((x) => (typeof x === 'string' ? (canonicalEnum(p, x) ?? x) : x));
  if (p.type === 'Hashtable[]' && Array.isArray(v) && p.hashtableKeys) {
    return (v as unknown[]).map((h) => {
      if (!isPlainRecord(h)) return h;
      const keys = Object.keys(h).map((k) => canonicalKey(p, k));
      if (new Set(keys).size !== keys.length) return h; // left for checkValue to report
      return Object.fromEntries(Object.entries(h).map(([k, x]) => [canonicalKey(p, k), x]));
    });
  }
  return v;
}

function integerProblem(p: ParameterSpec, v: unknown): string | undefined {
  const typeName = elementTypeName(p);
  if (typeof v !== 'number' || Number.isNaN(v)) return `Cannot convert value "${String(v)}" to type "${typeName}".`;
  if (!Number.isInteger(v)) return `The value ${v} is not a whole number; ${p.name} takes a ${typeName}.`;
  const bounds = integerBounds(typeName);
  if (v < bounds.min || v > bounds.max) return valueMessages.typeOverflow(typeName);
  return rangeProblem(p, v);
}

function hashtableProblem(h: unknown): string | undefined {
  if (!isPlainRecord(h)) return `Cannot convert value "${String(h)}" to type "System.Collections.Hashtable".`;
  const seen = new Set<string>();
  for (const [k, x] of Object.entries(h)) {
    if (typeof x !== 'string') return `The value of key '${k}' must be a string.`;
    if (seen.has(k.toLowerCase())) return valueMessages.duplicateKey(k);
    seen.add(k.toLowerCase());
  }
  return undefined;
}

/** Why a (normalized) value cannot be bound to the parameter, or undefined when it can. */
export function checkValue(p: ParameterSpec, v: unknown): string | undefined {
  switch (p.type) {
    case 'String':
      if (typeof v !== 'string') return `Cannot convert value "${String(v)}" to type "System.String".`;
      return v === '' && !p.allowEmpty ? valueMessages.nullOrEmpty : undefined;
    case 'String[]':
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return `Cannot convert value "${String(v)}" to type "System.String[]".`;
      return v.length === 0 || v.includes('') ? valueMessages.collectionNullOrEmpty : undefined;
    case 'Int':
    case 'Bytes':
      return integerProblem(p, v);
    case 'Int[]':
      if (!Array.isArray(v)) return `Cannot convert value "${String(v)}" to type "${elementTypeName(p)}[]".`;
      if (v.length === 0) return valueMessages.collectionNullOrEmpty;
      for (const x of v) {
        const problem = integerProblem(p, x);
        if (problem) return problem;
      }
      return undefined;
    case 'Bool':
    case 'Switch':
      return typeof v === 'boolean' ? undefined : `Cannot convert value "${String(v)}" to type "System.Boolean".`;
    case 'Hashtable[]':
      if (!Array.isArray(v)) return `Cannot convert value "${String(v)}" to type "System.Collections.Hashtable[]".`;
      for (const h of v) {
        const problem = hashtableProblem(h);
        if (problem) return problem;
      }
      return undefined;
    case 'Enum':
      if (typeof v !== 'string' || !p.values?.includes(v)) return valueMessages.notInEnum(String(v), p.values ?? []);
      return undefined;
    case 'Enum[]':
      if (!Array.isArray(v) || v.length === 0) return valueMessages.collectionNullOrEmpty;
      for (const x of v) if (typeof x !== 'string' || !p.values?.includes(x)) return valueMessages.notInEnum(String(x), p.values ?? []);
      return undefined;
  }
}
