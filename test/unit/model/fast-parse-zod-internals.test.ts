// engine/model/fast-parse.ts reads zod's internal definitions (`_zod.def`: type, checks, shape,
// innerType, ...), which zod does not promise to keep between versions; package.json pins zod
// exactly for that reason. If an upgrade changes those internals, the fast parser would quietly
// hand every node back to zod (slow, but still right) or, worse, misread one. This test fails
// loudly instead: every schema kind the compiler claims to understand must be compiled, never
// delegated, and must give zod's own result.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { compileFastParser, FAIL } from '../../../engine/model/fast-parse';
import { ROOT } from '../../support/web-host-process';

/** Every node of the schema below, to be made to throw if the fast parser hands it to zod. */
const nodes: [string, z.ZodType][] = [];
function node<S extends z.ZodType>(what: string, schema: S): S {
  nodes.push([what, schema]);
  return schema;
}

const schema = node(
  'object',
  z.object({
    name: node(
      'string: min, max, regex, trim (overwrite)',
      z
        .string()
        .trim()
        .min(1)
        .max(20)
        .regex(/^[A-Za-z0-9-]+$/),
    ),
    memory: node(
      'number: int (safeint), min, max',
      z
        .number()
        .int()
        .min(0)
        .max(1 << 30),
    ),
    weight: node('number: positive, lt', z.number().positive().lt(100)),
    even: node(
      'number with a refinement (custom)',
      z.number().refine((n) => n % 2 === 0),
    ),
    on: node('boolean', z.boolean()),
    kind: node('literal', z.literal('vm')),
    state: node('enum', z.enum(['Off', 'Running'])),
    note: node('optional', node('string', z.string()).optional()),
    tags: node('default', node('array: min, max', z.array(node('string', z.string())).min(0).max(8)).default([])),
    size: node('union', z.union([node('number', z.number()), node('literal', z.literal('auto'))])),
    extra: node('record', z.record(node('string key', z.string()), node('number value', z.number()))),
  }),
);

const input = { name: '  TEST01 ', memory: 1024, weight: 2.5, even: 4, on: true, kind: 'vm', state: 'Running', size: 3, extra: { a: 1 }, unknown: 'dropped' };
const expected = schema.parse(input);

describe('the zod internals fast-parse.ts reads', () => {
  it('are what it was written against: every node it claims to understand is compiled, not delegated, and agrees with zod', () => {
    for (const [what, s] of nodes) {
      (s as { safeParse: unknown }).safeParse = () => {
        throw new Error(
          `fast-parse.ts handed "${what}" (zod def type '${(s as unknown as { _zod: { def: { type: string } } })._zod.def.type}') back to zod: zod's internals changed shape, see the pin in package.json`,
        );
      };
    }
    const parse = compileFastParser(schema);
    expect(parse(structuredClone(input))).toEqual(expected);
    expect(expected).toEqual({
      name: 'TEST01',
      memory: 1024,
      weight: 2.5,
      even: 4,
      on: true,
      kind: 'vm',
      state: 'Running',
      tags: [],
      size: 3,
      extra: { a: 1 },
    });
    // and refuses what zod refuses, check by check
    for (const bad of [
      { name: '' },
      { name: 'a'.repeat(21) },
      { name: 'no spaces inside' },
      { memory: 1.5 },
      { memory: -1 },
      { weight: 0 },
      { weight: 100 },
      { even: 3 },
      { on: 'yes' },
      { kind: 'host' },
      { state: 'Paused' },
      { note: 5 },
      { tags: Array(9).fill('t') },
      { size: 'big' },
      { extra: { a: 'x' } },
    ]) {
      expect(parse({ ...input, ...bad }), JSON.stringify(bad)).toBe(FAIL);
    }
  });

  it('come from the zod version package.json pins exactly', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'zod', 'package.json'), 'utf8')) as { version: string };
    expect(pkg.dependencies.zod, 'zod must be pinned exactly (no ^ or ~): fast-parse.ts reads its internals').toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(pkg.dependencies.zod);
  });
});
