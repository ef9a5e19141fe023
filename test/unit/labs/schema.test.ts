// schemas/lab-pack.schema.json is generated from the zod schema; this fails when the committed
// file is out of date. Regenerate it with:  npx hvlab lab schema > schemas/lab-pack.schema.json
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { labPackJsonSchema } from '../../../engine/labs';
import { ROOT, builtinJson, minimalPack } from './helpers';
import { builtinLabIds } from '../../../engine/labs';

const committedPath = `${ROOT}schemas/lab-pack.schema.json`;

describe('the published lab pack JSON Schema', () => {
  it('is up to date with the zod schema', () => {
    const committed = JSON.parse(readFileSync(committedPath, 'utf8')) as unknown;
    expect(committed, 'schemas/lab-pack.schema.json is out of date: npx hvlab lab schema > schemas/lab-pack.schema.json').toEqual(labPackJsonSchema());
  });

  it('is a 2020-12 schema with the recursive checks under $defs', () => {
    const s = labPackJsonSchema() as { $schema: string; $defs: Record<string, unknown>; required: string[] };
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(s.$defs)).toContain('Check');
    expect(s.required).toEqual(expect.arrayContaining(['formatVersion', 'id', 'title', 'level', 'world', 'tasks', 'referenceSolution']));
  });

  // ajv comes with the project's dependencies (conf validates its store with it); it is the
  // validator editors and CI tools use, so the schema is checked the way trainers will use it.
  it('accepts every built-in pack file and the minimal pack, and refuses a broken one', () => {
    const require = createRequire(import.meta.url);
    const Ajv2020 = (require('ajv/dist/2020') as { default: new (o: object) => { compile: (s: unknown) => ((d: unknown) => boolean) & { errors?: unknown } } })
      .default;
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(labPackJsonSchema());
    for (const id of builtinLabIds()) expect(validate(builtinJson(id)), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    expect(validate(minimalPack())).toBe(true);
    const broken = minimalPack();
    (broken.tasks as { checks: Record<string, unknown>[] }[])[0]!.checks[0]!.type = 'bogus';
    expect(validate(broken)).toBe(false);
  });
});
