// The lab pack format: what a trainer ships and a learner opens (issue "Offline labs").
//
// A pack is one JSON file: what the lab is (id, title, level, time, exam objectives), the briefing
// a learner reads first (Markdown), the world the lab starts from, the tasks with their checks
// (engine/labs/predicates.ts), hints that cost points, an optional time limit, and a reference
// solution in PowerShell that must pass every task (the tests and `hvlab lab check` prove it).
//
// The starting world is either a full world (engine/model/world.ts) or the training datacenter
// with changes: `{ "base": "default", "patch": { ... } }` (engine/labs/world-patch.ts).
//
// LabPackFile is the schema of the file as written (published as schemas/lab-pack.schema.json for
// editors); loading it (pack-loader.ts) resolves and validates the world and every cross-reference,
// and yields a LabPack, whose world is a complete, validated World.
import { z } from 'zod';
import { LAB_PACK_LIMITS } from '../common/lab-limits';
import { MARKDOWN_LIMITS } from '../common/markdown';
import { World } from '../model/world';
import { Check } from './predicates';
import { WORLD_BASES } from './world-patch';

export const LAB_PACK_FORMAT_VERSION = 1;

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters and digits, words joined by hyphens, e.g. storage-single-location')
  .max(64);
const line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const markdown = z.string().trim().min(1, 'must not be empty').max(LAB_PACK_LIMITS.fieldChars);

export const LabLevel = z.enum(['Beginner', 'Intermediate', 'Advanced']);
export type LabLevel = z.infer<typeof LabLevel>;

export const LabTask = z
  .object({
    id: id.describe('Stable id of the task (progress and hints refer to it).'),
    title: line(200),
    description: markdown.describe('What to do, in Markdown.'),
    points: z.number().int().min(0).max(1000).default(10).describe('Points for passing every check of the task (default 10).'),
    checks: z.array(Check).min(1, 'a task needs at least one check').max(50),
  })
  .strict();
export type LabTask = z.infer<typeof LabTask>;

export const LabHint = z
  .object({
    id: id.describe('Stable id of the hint (progress records the hints taken by id).'),
    task: id.optional().describe('The task the hint helps with; none for a general hint.'),
    text: markdown.describe('The hint, in Markdown: the why, the wizard path, the cmdlet with a blank to fill.'),
    costPoints: z.number().int().min(0).max(1000).describe('Points taken off the score when the learner reveals it.'),
  })
  .strict();
export type LabHint = z.infer<typeof LabHint>;

export const WorldPatchForm = z
  .object({
    base: z.enum(WORLD_BASES).describe('The world to start from: "default" is the training datacenter (HV01, HV02, FS01).'),
    patch: z
      .record(z.string(), z.unknown())
      .default({})
      .describe(
        'JSON Merge Patch over the base; lists of named things (hosts, nics, volumes, vms, ...) can be patched by name: { "hosts": { "HV02": { ... } } }.',
      ),
  })
  .strict();
export type WorldPatchForm = z.infer<typeof WorldPatchForm>;

const packFields = {
  $schema: z.string().optional().describe('Path or URL of lab-pack.schema.json, for editors.'),
  formatVersion: z.literal(LAB_PACK_FORMAT_VERSION).describe('Version of this file format.'),
  id: id.describe('Unique id of the lab, e.g. storage-single-location.'),
  title: line(120),
  level: LabLevel,
  estimatedMinutes: z.number().int().min(1).max(600),
  objectives: z.array(line(300)).min(1, 'name at least one objective, e.g. "70-410: Configure Hyper-V — live migration"').max(20),
  briefing: markdown.describe('What the lab is about, why it matters, what to watch: Markdown.'),
  tasks: z.array(LabTask).min(1, 'a lab needs at least one task').max(LAB_PACK_LIMITS.tasks),
  hints: z.array(LabHint).max(LAB_PACK_LIMITS.hints).default([]),
  timeLimitMinutes: z.number().int().min(1).max(1440).optional(),
  referenceSolution: z.string().trim().min(1, 'must not be empty').max(100_000).describe('A PowerShell script that passes every task.'),
};

/** The file as a trainer writes it (the published JSON Schema is generated from this). */
export const LabPackFile = z
  .object({
    ...packFields,
    world: z.union([WorldPatchForm, World]).describe('The starting world: a full world, or { "base": "default", "patch": { ... } }.'),
  })
  .strict()
  .meta({
    title: 'Hyper-V Mobility Lab — lab pack',
    description: `A lab exercise: briefing, starting world, graded tasks, hints and a reference solution. A pack file is at most ${LAB_PACK_LIMITS.packBytes / 1024} KB; its Markdown (briefing, task descriptions, hints) at most ${LAB_PACK_LIMITS.markdownChars.toLocaleString('en-US')} characters in all, nesting block quotes and lists at most ${MARKDOWN_LIMITS.blockNesting} deep.`,
  });

/** The file with the world left for the loader to resolve (it reports world errors with their own paths). */
export const LabPackShape = z.object({ ...packFields, world: z.unknown() }).strict();

/** A loaded pack: every field checked, the world resolved and validated. */
export type LabPack = Omit<z.output<typeof LabPackShape>, 'world' | '$schema'> & { world: World };

/** What a list of labs shows. */
export interface LabSummary {
  id: string;
  title: string;
  level: LabLevel;
  estimatedMinutes: number;
  timeLimitMinutes?: number;
  objectives: string[];
  taskCount: number;
  hintCount: number;
  maxScore: number;
}

export function maxScore(pack: Pick<LabPack, 'tasks'>): number {
  return pack.tasks.reduce((n, t) => n + t.points, 0);
}

export function summarizeLab(pack: LabPack): LabSummary {
  return {
    id: pack.id,
    title: pack.title,
    level: pack.level,
    estimatedMinutes: pack.estimatedMinutes,
    ...(pack.timeLimitMinutes !== undefined ? { timeLimitMinutes: pack.timeLimitMinutes } : {}),
    objectives: [...pack.objectives],
    taskCount: pack.tasks.length,
    hintCount: pack.hints.length,
    maxScore: maxScore(pack),
  };
}

/** The JSON Schema of a lab pack file (schemas/lab-pack.schema.json is this, committed). */
export function labPackJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(LabPackFile, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
