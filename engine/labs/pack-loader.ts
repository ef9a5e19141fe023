// Loading a lab pack: the file's schema, then its world (full or patched, validated like any
// world), then every cross-reference a schema cannot see — unique ids, hints that name a task,
// checks that name VMs, hosts and adapters of the lab's world, a reference solution that parses.
// A pack that fails is refused with every error, each naming its path in the file
// (`tasks[2].checks[0].vm: required`), so a trainer fixes them all in one pass. The loader never
// throws, whatever it is given: it returns errors.
import type { z } from 'zod';
import { LAB_PACK_LIMITS, sizeText, utf8Bytes } from '../common/lab-limits';
import { MARKDOWN_LIMITS, parseMarkdown } from '../common/markdown';
import { validateWorld, parseJsonText } from '../model/validate';
import type { World } from '../model/world';
import { parseScript } from '../cmdlets';
import { LabPackShape, WorldPatchForm, type LabPack } from './pack';
import { CHECK_TYPES, checkReferences } from './predicates';
import { applyWorldPatch, baseWorldInput } from './world-patch';

export interface LabPackIssue {
  /** Where in the file: tasks[2].checks[0].vm, world.hosts[HV01].nics[NIC1].speedGbps, (root). */
  path: string;
  message: string;
}

export type LabPackLoad = { ok: true; pack: LabPack } | { ok: false; errors: LabPackIssue[] };

/** zod path → tasks[2].checks[0].vm */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '(root)';
}

/** Messages a trainer understands: "required" for a missing field, the known check types for a wrong one. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'type') {
    // The issue's input is the whole check; its path already ends in "type".
    const check = issue.input;
    const given = typeof check === 'object' && check !== null ? (check as Record<string, unknown>).type : undefined;
    const known = CHECK_TYPES.join(', ');
    return given === undefined ? `required: the kind of check, one of ${known}` : `unknown check type ${JSON.stringify(given)}; use one of ${known}`;
  }
  // Limits name the limit and what the pack has.
  if (issue.code === 'too_big' && typeof issue.input === 'string') return `at most ${count(issue.maximum)} characters; this has ${count(issue.input.length)}`;
  if (issue.code === 'too_big' && Array.isArray(issue.input)) return `at most ${count(issue.maximum)}; this pack has ${count(issue.input.length)}`;
  return undefined;
};

const count = (n: number | bigint) => n.toLocaleString('en-US');

function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): LabPackIssue[] {
  return error.issues.map((i) => ({ path: formatIssuePath([...prefix, ...i.path]), message: i.message }));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The lab's starting world from its `world` field: a full world, or a base with a patch. */
export function resolveStartingWorld(input: unknown): { ok: true; world: World } | { ok: false; errors: LabPackIssue[] } {
  if (input === undefined) return { ok: false, errors: [{ path: 'world', message: 'required' }] };
  if (isPlainObject(input) && 'base' in input) {
    const form = WorldPatchForm.safeParse(input, { error: errorMap });
    if (!form.success) return { ok: false, errors: zodIssues(form.error, ['world']) };
    const patched = applyWorldPatch(baseWorldInput(form.data.base), form.data.patch);
    if (!patched.ok) return { ok: false, errors: patched.errors.map((e) => ({ path: `world.patch.${e.path}`, message: e.message })) };
    const v = validateWorld(patched.value);
    if (!v.ok) return { ok: false, errors: v.errors.map((e) => ({ path: `world.${e.path}`, message: `${e.message} (in the world after the patch)` })) };
    return { ok: true, world: v.world };
  }
  if (!isPlainObject(input)) return { ok: false, errors: [{ path: 'world', message: 'must be a world object, or { "base": "default", "patch": { ... } }' }] };
  const v = validateWorld(input);
  if (!v.ok) return { ok: false, errors: v.errors.map((e) => ({ path: `world.${e.path}`, message: e.message })) };
  return { ok: true, world: v.world };
}

function duplicates(ids: readonly string[]): Set<number> {
  const seen = new Map<string, number>();
  const out = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) out.add(i);
    else seen.set(id, i);
  });
  return out;
}

/**
 * The pack's Markdown as a whole: at most LAB_PACK_LIMITS.markdownChars characters, and nothing
 * nested deeper than the reader shows (it would be flattened in the Labs pane).
 */
function markdownIssues(shape: z.output<typeof LabPackShape>): LabPackIssue[] {
  const fields: [string, string][] = [
    ['briefing', shape.briefing],
    ...shape.tasks.map((t, i): [string, string] => [`tasks[${i}].description`, t.description]),
    ...shape.hints.map((h, i): [string, string] => [`hints[${i}].text`, h.text]),
  ];
  const total = fields.reduce((n, [, text]) => n + text.length, 0);
  if (total > LAB_PACK_LIMITS.markdownChars) {
    return [
      {
        path: '(root)',
        message: `the pack's Markdown (briefing, task descriptions and hints) is ${count(total)} characters in all; at most ${count(LAB_PACK_LIMITS.markdownChars)}`,
      },
    ];
  }
  const errors: LabPackIssue[] = [];
  for (const [path, text] of fields) {
    const cut = parseMarkdown(text).nestingCut;
    if (cut === 'block')
      errors.push({ path, message: `Markdown nests block quotes and lists more than ${MARKDOWN_LIMITS.blockNesting} deep (the most the Labs pane shows)` });
    else if (cut === 'inline')
      errors.push({ path, message: `Markdown nests emphasis and links more than ${MARKDOWN_LIMITS.inlineNesting} deep (the most the Labs pane shows)` });
  }
  return errors;
}

function crossReferences(shape: z.output<typeof LabPackShape>, world: World): LabPackIssue[] {
  const errors: LabPackIssue[] = [];
  for (const i of duplicates(shape.tasks.map((t) => t.id))) errors.push({ path: `tasks[${i}].id`, message: `duplicate task id "${shape.tasks[i]!.id}"` });
  for (const i of duplicates(shape.hints.map((h) => h.id))) errors.push({ path: `hints[${i}].id`, message: `duplicate hint id "${shape.hints[i]!.id}"` });
  const taskIds = new Set(shape.tasks.map((t) => t.id));
  shape.hints.forEach((h, i) => {
    if (h.task !== undefined && !taskIds.has(h.task))
      errors.push({ path: `hints[${i}].task`, message: `no task with id "${h.task}" (tasks: ${[...taskIds].join(', ')})` });
  });
  shape.tasks.forEach((t, i) => {
    t.checks.forEach((c, j) => {
      for (const r of checkReferences(c, world)) errors.push({ path: `tasks[${i}].checks[${j}].${r.path}`, message: r.message });
    });
  });
  const parsed = parseScript(shape.referenceSolution);
  if (!parsed.ok) {
    const e = parsed.error;
    errors.push({ path: 'referenceSolution', message: `line ${e.line}, column ${e.column}: ${e.message}${e.fix ? ` (${e.fix})` : ''}` });
  }
  return errors;
}

/** Validates a pack (already parsed from JSON). Never throws. */
export function loadLabPack(input: unknown): LabPackLoad {
  try {
    if (!isPlainObject(input)) return { ok: false, errors: [{ path: '(root)', message: 'a lab pack must be a JSON object' }] };
    const shape = LabPackShape.safeParse(input, { error: errorMap });
    const world = resolveStartingWorld(input.world);
    const errors: LabPackIssue[] = [];
    if (!shape.success) errors.push(...zodIssues(shape.error).filter((e) => e.path !== 'world'));
    if (!world.ok) errors.push(...world.errors);
    if (errors.length || !shape.success || !world.ok) return { ok: false, errors };
    const refs = [...markdownIssues(shape.data), ...crossReferences(shape.data, world.world)];
    if (refs.length) return { ok: false, errors: refs };
    const { $schema: _schema, world: _source, ...rest } = shape.data;
    return { ok: true, pack: { ...rest, world: world.world } };
  } catch (e) {
    // A bug here must not take a door down with an unreadable pack: report it as a pack error.
    return { ok: false, errors: [{ path: '(root)', message: `the pack could not be checked: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** JSON text → validated pack; a JSON syntax error says where. Never throws; a pack over the size limit is not parsed. */
export function parseLabPackJson(text: string): LabPackLoad {
  const bytes = utf8Bytes(text);
  if (bytes > LAB_PACK_LIMITS.packBytes) {
    return {
      ok: false,
      errors: [
        { path: '(root)', message: `the pack is ${sizeText(bytes)} (${count(bytes)} bytes); a lab pack may be at most ${sizeText(LAB_PACK_LIMITS.packBytes)}` },
      ],
    };
  }
  const j = parseJsonText(text);
  if (!j.ok) return { ok: false, errors: j.errors.map((e) => ({ path: e.path, message: e.message })) };
  return loadLabPack(j.value);
}

/** "path: message" lines, for a terminal or a dialog. */
export function formatPackIssues(errors: readonly LabPackIssue[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
