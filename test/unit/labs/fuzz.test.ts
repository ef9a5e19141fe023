// The loader never throws, whatever it is given: random values, random JSON text, and valid packs
// with random mutations (fields deleted, replaced by random values, check types swapped). It
// returns either a pack or errors that each name a path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { depth } from '../../support/depth';
import { loadLabPack, parseLabPackJson, CHECK_TYPES, evaluateCheck, type LabPackLoad } from '../../../engine/labs';
import { builtinJson, minimalPack } from './helpers';
import { defaultWorld } from '../../../engine/model/default-world';

function wellFormed(r: LabPackLoad): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path.length).toBeGreaterThan(0);
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
  }
}

type Json = unknown;

/** Every path to a value inside a JSON value. */
function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

type Mutation = { kind: 'delete' | 'replace'; pick: number; value: unknown } | { kind: 'checkType'; pick: number; type: string };

function mutate(source: Json, m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(source)) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[m.pick % all.length]!;
  let parent = copy as Record<string | number, unknown>;
  for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, unknown>;
  const key = path.at(-1)!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.kind === 'replace') {
    parent[key] = m.value;
  } else if (m.kind === 'checkType' && parent && typeof parent === 'object' && 'type' in parent) {
    parent.type = m.type;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat(), value: fc.constant(undefined) }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('checkType' as const), pick: fc.nat(), type: fc.constantFrom(...CHECK_TYPES, 'bogus') }),
);

describe('the lab pack loader under fuzzing', () => {
  it('never throws on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true }), (v) => {
        wellFormed(loadLabPack(v));
      }),
      { numRuns: depth(100, 300) },
    );
  });

  it('never throws on arbitrary objects that look a little like packs', () => {
    const packish = fc.record(
      {
        formatVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
        id: fc.oneof(fc.constant('x-lab'), fc.string()),
        world: fc.oneof(
          fc.constant({ base: 'default', patch: {} }),
          fc.record({ base: fc.constant('default'), patch: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })) }),
          fc.jsonValue(),
        ),
        tasks: fc.array(
          fc.record({
            id: fc.string(),
            checks: fc.array(fc.dictionary(fc.constantFrom('type', 'vm', 'host', 'checks', 'check', 'path'), fc.jsonValue({ maxDepth: 3 }))),
          }),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(packish, (v) => {
        wellFormed(loadLabPack(v));
      }),
      { numRuns: depth(100, 300) },
    );
  });

  it('never throws on random JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        wellFormed(parseLabPackJson(text));
      }),
      { numRuns: depth(100, 300) },
    );
  });

  it('never throws on mutated valid packs (the minimal pack and a built-in one)', () => {
    const sources = [minimalPack(), builtinJson('nic-failure-failover'), builtinJson('rdma-team-trap')];
    fc.assert(
      fc.property(fc.constantFrom(...sources), fc.array(mutation, { minLength: 1, maxLength: 4 }), (source, mutations) => {
        const mutated = mutations.reduce((v, m) => mutate(v, m), source as Json);
        const r = loadLabPack(mutated);
        wellFormed(r);
        // Whatever loads can be graded without throwing, even against a world it was not written for.
        if (r.ok) {
          const world = defaultWorld();
          for (const t of r.pack.tasks) for (const c of t.checks) evaluateCheck(c, { world, jobs: [], log: [], now: 0 });
        }
      }),
      { numRuns: 200 },
    );
  });
});
