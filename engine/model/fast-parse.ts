// A fast path for parsing large, valid worlds. zod builds an issue list, a context and a result
// object per node; a 10,000-VM world spends well over 100 ms there on a cold start (measured:
// test/bench/world.bench.ts). This module compiles a zod schema once into plain closures that
// accept exactly what zod accepts and produce the same output (defaults applied, unknown keys
// stripped) — or give up with FAIL, in which case the caller asks zod itself, which also writes
// the error messages. Anything the compiler does not understand (refinements, transforms, formats
// other than a regex) is handed to zod at that node, so a new field in world.ts is never handled
// differently from zod. test/unit/model/world-file.test.ts checks the two agree.
//
// zod is pinned exactly in package.json ("zod": "4.6.7", no ^) because this module reads zod's
// internal definitions (`_zod.def`: type, checks, shape, innerType, ...), which zod may change in
// any release. test/unit/model/fast-parse-zod-internals.test.ts fails loudly if they change shape
// (a node handed back to zod, or a result that differs); to upgrade zod, move the pin and run it.
import type { z } from 'zod';

export const FAIL: unique symbol = Symbol('fast-parse-fail');
export type FastParser<T> = (value: unknown) => T | typeof FAIL;

type Parse = (value: unknown) => unknown;

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- zod's internal definitions are untyped here */
interface Def {
  type: string;
  checks?: { _zod: { def: any } }[];
  [k: string]: any;
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function delegate(schema: z.ZodType): Parse {
  return (v) => {
    const r = schema.safeParse(v);
    return r.success ? r.data : FAIL;
  };
}

/** Defaults are copied so two parsed objects never share a mutable default. */
export function deepCopy<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  // A plain loop: most defaults are [] or {}, tens of thousands of them in a large world, and
  // Array.prototype.map (species lookup, holey result) showed in its profile.
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(deepCopy(v[i]));
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = deepCopy((v as Record<string, unknown>)[k]);
  return out as T;
}

function compileChecks(checks: Def['checks'], kind: 'string' | 'number' | 'array'): ((v: any) => any) | null {
  const steps: ((v: any) => any)[] = [];
  for (const c of checks ?? []) {
    const d = c._zod.def;
    switch (d.check) {
      case 'overwrite':
        if (kind !== 'string') return null;
        steps.push((v) => d.tx(v));
        break;
      case 'min_length':
        steps.push((v) => (v.length >= d.minimum ? v : FAIL));
        break;
      case 'max_length':
        steps.push((v) => (v.length <= d.maximum ? v : FAIL));
        break;
      case 'string_format':
        if (d.format !== 'regex' || kind !== 'string') return null;
        steps.push((v) => {
          d.pattern.lastIndex = 0;
          return d.pattern.test(v) ? v : FAIL;
        });
        break;
      case 'number_format':
        if (d.format !== 'safeint') return null;
        steps.push((v) => (Number.isSafeInteger(v) ? v : FAIL));
        break;
      case 'greater_than':
        steps.push(d.inclusive ? (v) => (v >= d.value ? v : FAIL) : (v) => (v > d.value ? v : FAIL));
        break;
      case 'less_than':
        steps.push(d.inclusive ? (v) => (v <= d.value ? v : FAIL) : (v) => (v < d.value ? v : FAIL));
        break;
      case 'custom':
        // A refinement: zod reports an issue when its result is falsy (a promise is zod's to refuse).
        if (d.when) return null;
        steps.push((v) => {
          const r = d.fn(v);
          return r && !(r instanceof Promise) ? v : FAIL;
        });
        break;
      default:
        return null;
    }
  }
  if (steps.length === 0) return (v) => v;
  if (steps.length === 1) return steps[0]!;
  return (v) => {
    let x = v;
    for (let i = 0; i < steps.length; i++) {
      x = steps[i]!(x);
      if (x === FAIL) return FAIL;
    }
    return x;
  };
}

function compileNode(schema: z.ZodType, inPlace: boolean): Parse {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const checks = compileChecks(def.checks, 'string');
      if (!checks) return delegate(schema);
      return (v) => (typeof v === 'string' ? checks(v) : FAIL);
    }
    case 'number': {
      const checks = compileChecks(def.checks, 'number');
      if (!checks) return delegate(schema);
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? checks(v) : FAIL);
    }
    case 'boolean':
      if (def.checks?.length) return delegate(schema);
      return (v) => (typeof v === 'boolean' ? v : FAIL);
    case 'literal': {
      const values = def.values as unknown[];
      return (v) => (values.includes(v) ? v : FAIL);
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries as Record<string, unknown>));
      return (v) => (values.has(v) ? v : FAIL);
    }
    case 'optional': {
      const inner = compileNode(def.innerType, inPlace);
      return (v) => (v === undefined ? undefined : inner(v));
    }
    case 'default': {
      const inner = compileNode(def.innerType, inPlace);
      return (v) => {
        if (v !== undefined) return inner(v);
        const d = def.defaultValue; // a getter: zod calls a default function once per use
        return d !== null && typeof d === 'object' ? deepCopy(d) : d;
      };
    }
    case 'union': {
      const options = (def.options as z.ZodType[]).map((o) => compileNode(o, false)); // an option that fails must not have touched the input;
      return (v) => {
        for (const o of options) {
          const r = o(v);
          if (r !== FAIL) return r;
        }
        return FAIL;
      };
    }
    case 'array': {
      const element = compileNode(def.element, inPlace);
      const checks = compileChecks(def.checks, 'array');
      if (!checks) return delegate(schema);
      return (v) => {
        if (!Array.isArray(v)) return FAIL;
        const out = inPlace ? v : new Array<unknown>(v.length);
        for (let i = 0; i < v.length; i++) {
          const r = element(v[i]);
          if (r === FAIL) return FAIL;
          out[i] = r;
        }
        return checks(out);
      };
    }
    case 'record': {
      const key = compileNode(def.keyType, inPlace);
      const value = compileNode(def.valueType, inPlace);
      if (def.checks?.length) return delegate(schema);
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
        const out: Record<string, unknown> = inPlace ? (v as Record<string, unknown>) : {};
        for (const k of Object.keys(v)) {
          const kk = key(k);
          const vv = value((v as Record<string, unknown>)[k]);
          if (kk === FAIL || vv === FAIL || (inPlace && kk !== k)) return FAIL;
          out[kk as string] = vv;
        }
        return out;
      };
    }
    case 'object': {
      // Only the default "strip" behaviour: a strict or passthrough object goes to zod.
      if (def.catchall !== undefined || def.checks?.length) return delegate(schema);
      const shape = def.shape as Record<string, z.ZodType>;
      const keys = Object.keys(shape);
      const parsers = keys.map((k) => compileNode(shape[k]!, inPlace));
      const optional = keys.map((k) => (shape[k] as unknown as { _zod: { optout?: string } })._zod.optout === 'optional');
      const known = new Set(keys);
      if (inPlace) {
        // The input is ours (fresh from JSON.parse): fill defaults and drop unknown keys in place,
        // which saves building a second copy of a large world.
        return (v) => {
          if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
          const input = v as Record<string, unknown>;
          let absent = 0;
          for (let i = 0; i < keys.length; i++) {
            const k = keys[i]!;
            const before = input[k];
            const r = parsers[i]!(before);
            if (r === FAIL) return FAIL;
            if (r === undefined && !(k in input)) {
              absent++; // stays absent, as zod leaves an optional key out
              continue;
            }
            if (r !== before) input[k] = r;
          }
          // Every known key is there now but the absent ones: as many keys in all means none is
          // unknown, which is cheaper to count than to look each key up.
          let count = 0;
          for (const _ in input) count++;
          if (count !== keys.length - absent) for (const k in input) if (!known.has(k)) delete input[k];
          return input;
        };
      }
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return FAIL;
        const input = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          const r = parsers[i]!(input[k]);
          if (r === FAIL) return FAIL;
          if (r === undefined && optional[i] && !(k in input)) continue;
          out[k] = r;
        }
        return out;
      };
    }
    default:
      return delegate(schema);
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument */

/**
 * Compiles a schema into a fast parser that returns FAIL instead of explaining. With `inPlace`
 * the parser fills defaults into the input and strips unknown keys from it — only for input the
 * caller owns (e.g. fresh from JSON.parse); after a FAIL such input may be half-filled, which zod
 * does not mind (defaults are valid values).
 */
export function compileFastParser<S extends z.ZodType>(schema: S, options: { inPlace?: boolean } = {}): FastParser<z.output<S>> {
  return compileNode(schema, options.inPlace ?? false) as FastParser<z.output<S>>;
}
