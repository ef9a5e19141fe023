// Method calls on values, as scripts for Windows PowerShell 4.0 use them: the .NET methods of
// System.String (ToUpper, Substring, Replace, Split, ...), of numbers (ToString with a format), of
// arrays and of hashtables (ContainsKey, Add, Remove). On an array without the method, PowerShell
// 3.0 and later call it on each element (member enumeration, about_Arrays). The messages are
// PowerShell's: "You cannot call a method on a null-valued expression.", "Method invocation failed
// because [System.String] does not contain a method named 'X'.", "Cannot find an overload for "X"
// and the argument count: "N".".
import { FormattedText, PsHashtable, PsObject, ScriptBlockValue, toText } from './values';
import { formatValue, OperatorError } from './operators';

export class MethodError extends Error {}

/** The .NET type name PowerShell reports for a value. */
export function dotNetTypeOf(v: unknown): string {
  if (typeof v === 'string') return 'System.String';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 2_147_483_647 ? 'System.Int32' : 'System.Double';
  if (typeof v === 'boolean') return 'System.Boolean';
  if (Array.isArray(v)) return 'System.Object[]';
  if (v instanceof PsHashtable) return 'System.Collections.Hashtable';
  if (v instanceof ScriptBlockValue) return 'System.Management.Automation.ScriptBlock';
  if (v instanceof FormattedText) return 'System.String';
  if (v instanceof PsObject)
    return v.typeName.replace(/^Microsoft\.Management\.Infrastructure\.CimInstance#.*$/, 'Microsoft.Management.Infrastructure.CimInstance');
  return 'System.Object';
}

type Method = { arity: readonly number[]; run: (self: never, args: unknown[]) => unknown };

const text = (v: unknown) => toText(v);
const int = (v: unknown, name: string) => {
  const n = typeof v === 'number' ? v : Number(toText(v));
  if (!Number.isInteger(n)) throw new MethodError(`Cannot convert argument "${name}", with value: "${toText(v)}", to type "System.Int32".`);
  return n;
};
const outOfRange = (name: string) => new MethodError(`Exception calling "${name}": "Index and length must refer to a location within the string."`);
/** Trim's characters: the ones given, else white space. */
const trimmer = (args: unknown[]) => (args.length ? new Set(args.flatMap((a) => [...text(a)])) : undefined);
const isTrimmed = (set: Set<string> | undefined, c: string) => (set ? set.has(c) : /\s/.test(c));

function trimStart(s: string, set: Set<string> | undefined): string {
  let i = 0;
  while (i < s.length && isTrimmed(set, s[i]!)) i++;
  return s.slice(i);
}

function trimEnd(s: string, set: Set<string> | undefined): string {
  let i = s.length;
  while (i > 0 && isTrimmed(set, s[i - 1]!)) i--;
  return s.slice(0, i);
}

const STRING_METHODS: Record<string, Method> = {
  toupper: { arity: [0], run: (s: string) => s.toUpperCase() },
  tolower: { arity: [0], run: (s: string) => s.toLowerCase() },
  toupperinvariant: { arity: [0], run: (s: string) => s.toUpperCase() },
  tolowerinvariant: { arity: [0], run: (s: string) => s.toLowerCase() },
  tostring: { arity: [0], run: (s: string) => s },
  trim: { arity: [0, 1, 2, 3, 4], run: (s: string, a) => trimEnd(trimStart(s, trimmer(a)), trimmer(a)) },
  trimstart: { arity: [0, 1, 2, 3, 4], run: (s: string, a) => trimStart(s, trimmer(a)) },
  trimend: { arity: [0, 1, 2, 3, 4], run: (s: string, a) => trimEnd(s, trimmer(a)) },
  substring: {
    arity: [1, 2],
    run: (s: string, [start, length]) => {
      const from = int(start, 'startIndex');
      const count = length === undefined ? s.length - from : int(length, 'length');
      if (from < 0 || count < 0 || from + count > s.length) throw outOfRange('Substring');
      return s.substr(from, count);
    },
  },
  replace: {
    arity: [2],
    run: (s: string, [from, to]) => {
      if (text(from) === '') throw new MethodError('Exception calling "Replace": "String cannot be of zero length."');
      return s.split(text(from)).join(text(to));
    },
  },
  contains: { arity: [1], run: (s: string, [x]) => s.includes(text(x)) },
  startswith: { arity: [1], run: (s: string, [x]) => s.startsWith(text(x)) },
  endswith: { arity: [1], run: (s: string, [x]) => s.endsWith(text(x)) },
  indexof: { arity: [1, 2], run: (s: string, [x, from]) => s.indexOf(text(x), from === undefined ? 0 : int(from, 'startIndex')) },
  lastindexof: { arity: [1], run: (s: string, [x]) => s.lastIndexOf(text(x)) },
  // String.Split(params char[]): each character of the arguments separates (PowerShell passes "," as a char[]).
  split: {
    arity: [0, 1, 2, 3, 4],
    run: (s: string, a) => {
      const seps = new Set(a.length ? a.flatMap((x) => [...text(x)]) : [' ', '\t', '\n', '\r']);
      const out: string[] = [];
      let cur = '';
      for (const c of s) {
        if (seps.has(c)) {
          out.push(cur);
          cur = '';
        } else cur += c;
      }
      out.push(cur);
      return out;
    },
  },
  padleft: { arity: [1, 2], run: (s: string, [n, c]) => s.padStart(Math.min(int(n, 'totalWidth'), 100_000), c === undefined ? ' ' : (text(c)[0] ?? ' ')) },
  padright: { arity: [1, 2], run: (s: string, [n, c]) => s.padEnd(Math.min(int(n, 'totalWidth'), 100_000), c === undefined ? ' ' : (text(c)[0] ?? ' ')) },
  insert: {
    arity: [2],
    run: (s: string, [at, x]) => {
      const i = int(at, 'startIndex');
      if (i < 0 || i > s.length) throw outOfRange('Insert');
      return s.slice(0, i) + text(x) + s.slice(i);
    },
  },
  remove: {
    arity: [1, 2],
    run: (s: string, [at, n]) => {
      const i = int(at, 'startIndex');
      const count = n === undefined ? s.length - i : int(n, 'count');
      if (i < 0 || count < 0 || i + count > s.length) throw outOfRange('Remove');
      return s.slice(0, i) + s.slice(i + count);
    },
  },
  equals: { arity: [1], run: (s: string, [x]) => typeof x === 'string' && s === x },
  compareto: { arity: [1], run: (s: string, [x]) => (s.toLowerCase() < text(x).toLowerCase() ? -1 : s.toLowerCase() > text(x).toLowerCase() ? 1 : 0) },
  gettype: { arity: [0], run: () => typeInfo('System.String') },
};

const NUMBER_METHODS: Record<string, Method> = {
  tostring: {
    arity: [0, 1],
    run: (n: number, [spec]) => {
      try {
        return formatValue(n, spec === undefined ? '' : text(spec));
      } catch (e) {
        if (e instanceof OperatorError) throw new MethodError(e.message);
        throw e;
      }
    },
  },
  equals: { arity: [1], run: (n: number, [x]) => typeof x === 'number' && n === x },
  compareto: { arity: [1], run: (n: number, [x]) => Math.sign(n - Number(x)) },
  gettype: { arity: [0], run: (n: number) => typeInfo(dotNetTypeOf(n)) },
};

const ARRAY_METHODS: Record<string, Method> = {
  contains: { arity: [1], run: (a: unknown[], [x]) => a.some((v) => v === x || (typeof v === 'string' && typeof x === 'string' && v === x)) },
  indexof: { arity: [1], run: (a: unknown[], [x]) => a.indexOf(x) },
  gettype: { arity: [0], run: () => typeInfo('System.Object[]') },
};

const HASHTABLE_METHODS: Record<string, Method> = {
  containskey: { arity: [1], run: (h: PsHashtable, [k]) => h.has(text(k)) },
  contains: { arity: [1], run: (h: PsHashtable, [k]) => h.has(text(k)) },
  containsvalue: { arity: [1], run: (h: PsHashtable, [v]) => [...h.pairs()].some(([, x]) => x === v) },
  add: {
    arity: [2],
    run: (h: PsHashtable, [k, v]) => {
      if (h.has(text(k))) throw new MethodError(`Exception calling "Add" with "2" argument(s): "Item has already been added. Key in dictionary: '${text(k)}'"`);
      h.set(text(k), v);
      return undefined;
    },
  },
  remove: {
    arity: [1],
    run: (h: PsHashtable, [k]) => {
      h.delete(text(k));
      return undefined;
    },
  },
  gettype: { arity: [0], run: () => typeInfo('System.Collections.Hashtable') },
};

const ANY_METHODS: Record<string, Method> = {
  tostring: { arity: [0], run: (v: unknown) => toText(v) },
  gettype: { arity: [0], run: (v: unknown) => typeInfo(dotNetTypeOf(v)) },
};

/** What GetType() returns: enough for .Name and .FullName. */
function typeInfo(fullName: string): PsObject {
  return new PsObject('System.RuntimeType', { Name: fullName.slice(fullName.lastIndexOf('.') + 1), FullName: fullName });
}

function methodsOf(v: unknown): Record<string, Method> {
  if (typeof v === 'string') return STRING_METHODS;
  if (v instanceof FormattedText) return STRING_METHODS;
  if (typeof v === 'number') return NUMBER_METHODS;
  if (Array.isArray(v)) return ARRAY_METHODS;
  if (v instanceof PsHashtable) return HASHTABLE_METHODS;
  return ANY_METHODS;
}

/** `target.name(args)`. Returns undefined for a method that returns nothing (void). */
export function callMethod(target: unknown, name: string, args: unknown[]): unknown {
  if (target === null || target === undefined) throw new MethodError('You cannot call a method on a null-valued expression.');
  const self = target instanceof FormattedText ? target.lines.join('\n') : target;
  const method = methodsOf(self)[name.toLowerCase()] ?? (Array.isArray(self) ? undefined : ANY_METHODS[name.toLowerCase()]);
  if (!method) {
    // Member enumeration: an array calls the method on each of its elements.
    if (Array.isArray(self) && self.length > 0) return self.map((x) => callMethod(x, name, args)).filter((x) => x !== undefined);
    throw new MethodError(`Method invocation failed because [${dotNetTypeOf(self)}] does not contain a method named '${name}'.`);
  }
  if (!method.arity.includes(args.length)) throw new MethodError(`Cannot find an overload for "${name}" and the argument count: "${args.length}".`);
  return method.run(self as never, args);
}
