import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultWorld, defaultWorldInput } from '../../../engine/model/default-world';
import { readWorldFile, writeWorldFile } from '../../../engine/model/world-file';
import { generateWorld } from '../../../engine/model/generate-world';
import { validateWorld } from '../../../engine/model/validate';
import { compileFastParser, FAIL } from '../../../engine/model/fast-parse';
import { World } from '../../../engine/model/world';

describe('world files', () => {
  it('writes atomically and reads back the same world', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvlab-world-'));
    const file = join(dir, 'world.json');
    await writeWorldFile(file, defaultWorld());
    expect(readdirSync(dir)).toEqual(['world.json']);
    const r = await readWorldFile(file);
    expect(r.ok && r.world).toEqual(defaultWorld());
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8')}`);
    expect((await readWorldFile(file)).ok).toBe(true);
  });

  it('says when the file is missing or broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvlab-world-'));
    const missing = await readWorldFile(join(dir, 'nope.json'));
    expect(!missing.ok && missing.errors[0]!.message).toMatch(/does not exist/);
    writeFileSync(join(dir, 'bad.json'), '{"schemaVersion": 1,}');
    const bad = await readWorldFile(join(dir, 'bad.json'));
    expect(!bad.ok && bad.errors[0]!.message).toMatch(/^not valid JSON at line 1/);
  });
});

describe('generateWorld', () => {
  it('is deterministic and valid', () => {
    const a = generateWorld({ hosts: 60, vms: 400, seed: 7 });
    expect(generateWorld({ hosts: 60, vms: 400, seed: 7 })).toEqual(a);
    const r = validateWorld(a);
    expect(r.ok ? [] : r.errors.slice(0, 3)).toEqual([]);
    if (r.ok) {
      expect(r.world.hosts.filter((h) => h.role === 'FileServer')).toHaveLength(3);
      expect(r.world.vms.some((v) => v.paths.configuration.startsWith('\\\\'))).toBe(true);
    }
  });
});

const copy = compileFastParser(World);
const inPlace = compileFastParser(World, { inPlace: true });

/** Both fast parsers (copying and in place) refuse what zod refuses and return what it returns. */
function expectAgreesWithZod(input: unknown, strict: boolean): void {
  const z = World.safeParse(structuredClone(input));
  const f = copy(structuredClone(input));
  const g = inPlace(structuredClone(input));
  if (!z.success) {
    expect(f).toBe(FAIL);
    expect(g).toBe(FAIL);
  } else if (strict) {
    expect(f).toStrictEqual(z.data);
    expect(g).toStrictEqual(z.data);
  } else {
    expect(f).toEqual(z.data);
    expect(g).toEqual(z.data);
  }
}

describe('fast parse agrees with zod', () => {
  it('on the default and a generated world', () => {
    for (const input of [defaultWorldInput(), generateWorld({ hosts: 30, vms: 100, seed: 3 })]) {
      const z = World.parse(structuredClone(input));
      expect(copy(structuredClone(input))).toEqual(z);
      expect(inPlace(JSON.parse(JSON.stringify(input)))).toEqual(z);
    }
  });

  it('never accepts what zod rejects, and returns what zod returns (random edits)', () => {
    const base = JSON.parse(JSON.stringify(defaultWorldInput())) as Record<string, unknown>;
    const values = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.integer({ min: -5, max: 300 }),
      fc.double(),
      fc.string({ maxLength: 4 }),
      fc.constantFrom(' HV01 ', '', 'D:\\X', '10.0.0.300', 'Dynamic', 'iWARP', true, [], {}),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), values), { minLength: 1, maxLength: 3 }), (edits) => {
        const input = structuredClone(base);
        for (const [pick, value] of edits) setSomeLeaf(input, pick, value);
        expectAgreesWithZod(input, false);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fast parse agrees with zod on missing and unknown keys', () => {
  it('deletes keys and adds unknown ones (random edits of the default and a generated world)', () => {
    const bases = [defaultWorldInput(), generateWorld({ hosts: 4, vms: 6, seed: 5, rackSize: 2 })].map(
      (w) => JSON.parse(JSON.stringify(w)) as Record<string, unknown>,
    );
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('delete', 'add', 'undefined'),
      fc.constantFrom('extra', 'name', 'notes', 'ipAddress', 'startedAt', 'smb', 'migration', 'workload', '__x'),
    );
    fc.assert(
      fc.property(fc.nat(1), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
        const input = structuredClone(bases[which]!);
        for (const [pick, kind, key] of edits) editSomeObject(input, pick, kind, key);
        expectAgreesWithZod(input, true);
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});

/** In the n-th object (depth-first, modulo count) of a JSON tree: deletes a key (its first, or `key`), adds `key`, or sets it undefined. */
function editSomeObject(root: unknown, n: number, kind: 'delete' | 'add' | 'undefined', key: string): void {
  const objects: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      objects.push(node as Record<string, unknown>);
      Object.values(node).forEach(walk);
    }
  };
  walk(root);
  const o = objects[n % objects.length]!;
  if (kind === 'delete') delete o[key in o ? key : Object.keys(o)[n % Math.max(1, Object.keys(o).length)]!];
  else if (kind === 'add') o[key] = key === 'startedAt' ? 5 : 'x';
  else o[key] = undefined;
}

/** Replaces the n-th leaf (depth-first, modulo count) of a JSON tree. */
function setSomeLeaf(root: unknown, n: number, value: unknown): void {
  const leaves: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        if (v !== null && typeof v === 'object') walk(v);
        else leaves.push([node, i]);
      });
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (v !== null && typeof v === 'object') walk(v);
        else leaves.push([node as Record<string, unknown>, k]);
      }
    }
  };
  walk(root);
  const leaf = leaves[n % leaves.length];
  if (leaf) (leaf[0] as Record<string | number, unknown>)[leaf[1]] = value;
}
