// A learner's result as a file (issue "Trainers"): which lab (its id and a hash of the pack), who,
// when, the transcript of every command they ran during the attempt — the wizard's and dialogs'
// commands as the structured command the door received, the prompt's lines as typed — the hints
// they took, and the grade the console gave. A trainer never trusts that grade: regradeResult()
// runs the transcript again from the lab's start, each command at the simulated time it ran, and
// grades the outcome; a stored grade that differs is flagged as tampered.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Command, MAX_PROMPT_TEXT, RunResume } from '../contract';
import { LAB_RESULT_LIMITS, sizeText, utf8Bytes } from '../common/lab-limits';
import { checkLab, labEngine } from './grader';
import type { LabPack } from './pack';
import type { LabCheckResult } from './results';

export const LAB_RESULT_FORMAT = 'hvlab-lab-result';
export const LAB_RESULT_VERSION = 1;

const SimulatedMs = z.number().finite().nonnegative();

/** One command of the attempt, at the simulated ms (since the lab's start) it ran. */
export const TranscriptEntry = z.discriminatedUnion('kind', [
  /** A wizard, dialog or menu action: the command the door received, and its canonical text. */
  z.object({ kind: z.literal('invoke'), at: SimulatedMs, command: Command, text: z.string().max(MAX_PROMPT_TEXT), ok: z.boolean() }).strict(),
  /** A line (or paste) typed at the PowerShell prompt, as typed. */
  /** `resume`: the line run again to answer its confirmation prompt (Yes, No, ...), as the console sends it. */
  z.object({ kind: z.literal('run'), at: SimulatedMs, text: z.string().max(MAX_PROMPT_TEXT), resume: RunResume.optional(), ok: z.boolean() }).strict(),
]);
export type TranscriptEntry = z.infer<typeof TranscriptEntry>;

/** The grade as stored in the file: what regrading compares. */
export const StoredGrade = z
  .object({
    score: z.number().int().nonnegative(),
    maxScore: z.number().int().nonnegative(),
    passed: z.boolean(),
    hintPoints: z.number().int().nonnegative(),
    tasks: z.array(z.object({ id: z.string(), pass: z.boolean() }).strict()).max(LAB_RESULT_LIMITS.tasks),
  })
  .strict();
export type StoredGrade = z.infer<typeof StoredGrade>;

const WallTime = z.iso.datetime({ offset: true });

export const LabResultFile = z
  .object({
    format: z.literal(LAB_RESULT_FORMAT),
    formatVersion: z.literal(LAB_RESULT_VERSION),
    lab: z.object({ id: z.string().min(1).max(64), title: z.string().max(500), packHash: z.string().regex(/^sha256:[0-9a-f]{64}$/) }).strict(),
    learner: z.string().trim().min(1).max(120),
    /** Wall-clock times: when the attempt started and when this file was saved. */
    startedAt: WallTime,
    savedAt: WallTime,
    /** Simulated ms since the lab's start when the grade was taken (regrading runs the clock to it). */
    gradedAt: SimulatedMs,
    hintsTaken: z.array(z.string().max(64)).max(LAB_RESULT_LIMITS.hints),
    transcript: z.array(TranscriptEntry).max(LAB_RESULT_LIMITS.transcriptEntries),
    /** False when the attempt ran more commands than a result keeps: it cannot be regraded. */
    transcriptComplete: z.boolean(),
    grade: StoredGrade,
  })
  .strict();
export type LabResultFile = z.infer<typeof LabResultFile>;

/** Object keys sorted at every level, so the same pack always hashes the same however it was written. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** "sha256:…" of the loaded pack (its world resolved), so a result names exactly the lab it was done in. */
export function labPackHash(pack: LabPack): string {
  return `sha256:${createHash('sha256').update(canonicalJson(pack)).digest('hex')}`;
}

export function storedGrade(result: LabCheckResult): StoredGrade {
  return {
    score: result.score,
    maxScore: result.maxScore,
    passed: result.passed,
    hintPoints: result.hintPoints,
    tasks: result.tasks.map((t) => ({ id: t.id, pass: t.pass })),
  };
}

export type ResultParse = { ok: true; result: LabResultFile } | { ok: false; message: string };

/**
 * Reads a result file's text. Never throws: a file too big (checked before parsing), not JSON, not
 * a result, or with a field out of shape is refused with one sentence naming what is wrong.
 */
export function parseLabResult(text: string): ResultParse {
  const bytes = utf8Bytes(text);
  if (bytes > LAB_RESULT_LIMITS.fileBytes)
    return { ok: false, message: `it is ${sizeText(bytes)}, more than a lab result may be (${sizeText(LAB_RESULT_LIMITS.fileBytes)})` };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    return { ok: false, message: `it is not JSON (${(e as Error).message})` };
  }
  if (typeof value !== 'object' || value === null || (value as { format?: unknown }).format !== LAB_RESULT_FORMAT)
    return { ok: false, message: `it is not a lab result (a lab result has "format": "${LAB_RESULT_FORMAT}"; save one from the console's Labs pane)` };
  const r = LabResultFile.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    const where = first
      ? first.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('')
          .replace(/^\./, '') || '(root)'
      : '(root)';
    const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more problem${r.error.issues.length > 2 ? 's' : ''})` : '';
    return { ok: false, message: `${where}: ${first?.message ?? 'malformed'}${more}` };
  }
  return { ok: true, result: r.data };
}

export interface Regrade {
  /** The grade of the transcript run again from the lab's start. */
  grade: LabCheckResult;
  /** Why the stored grade does not match the regrade; empty when it matches. */
  mismatches: string[];
  /** Commands of the transcript the engine refused on replay though the learner's console ran them. */
  diverged: number;
}

/**
 * Runs the transcript again on a fresh copy of the lab's world: the clock advanced to each
 * command's time, the command run (structured commands as the door ran them, prompt lines through
 * the prompt's interpreter, variables kept from line to line), then the clock advanced to the time
 * the grade was taken, and the lab graded with the hints the learner took.
 */
export function regradeResult(pack: LabPack, result: LabResultFile): Regrade {
  const engine = labEngine(pack);
  let diverged = 0;
  for (const entry of result.transcript) {
    if (entry.at > engine.now) engine.advance(entry.at - engine.now);
    let ok: boolean;
    if (entry.kind === 'invoke') ok = engine.invoke(entry.command).ok;
    else {
      const run = engine.startRun(entry.text, entry.resume);
      run.step(Infinity);
      const outcome = run.outcome();
      ok = !outcome.parseError && outcome.statements.every((s) => s.result.ok);
    }
    if (entry.ok && !ok) diverged++;
  }
  if (result.gradedAt > engine.now) engine.advance(result.gradedAt - engine.now);
  const grade = checkLab(pack, engine, { hintsTaken: result.hintsTaken, startedAt: 0 });
  return { grade, mismatches: gradeMismatches(result.grade, grade), diverged };
}

function gradeMismatches(stored: StoredGrade, actual: LabCheckResult): string[] {
  const out: string[] = [];
  if (stored.score !== actual.score) out.push(`score ${stored.score} stored, ${actual.score} on regrading`);
  if (stored.maxScore !== actual.maxScore) out.push(`maximum ${stored.maxScore} stored, ${actual.maxScore} in the pack`);
  if (stored.hintPoints !== actual.hintPoints) out.push(`hint cost ${stored.hintPoints} stored, ${actual.hintPoints} for the hints listed`);
  const byId = new Map(stored.tasks.map((t) => [t.id, t.pass]));
  for (const t of actual.tasks) {
    const s = byId.get(t.id);
    if (s === undefined) out.push(`task ${t.id} missing from the stored grade`);
    else if (s !== t.pass) out.push(`task ${t.id} ${s ? 'passed' : 'failed'} in the stored grade, ${t.pass ? 'passes' : 'fails'} on regrading`);
  }
  for (const t of stored.tasks) if (!actual.tasks.some((a) => a.id === t.id)) out.push(`task ${t.id} in the stored grade is not in the lab`);
  return out;
}

/** Why a result cannot be graded against this pack, or undefined when it can. */
export function resultPackProblem(pack: LabPack, result: LabResultFile): string | undefined {
  if (result.lab.id !== pack.id) return `it is a result of lab "${result.lab.id}", not of "${pack.id}"`;
  const hash = labPackHash(pack);
  if (result.lab.packHash !== hash)
    return `it was done in another version of lab "${pack.id}" (pack ${result.lab.packHash.slice(0, 19)}…, this pack ${hash.slice(0, 19)}…)`;
  if (!result.transcriptComplete)
    return `its transcript is incomplete (the attempt ran more than ${LAB_RESULT_LIMITS.transcriptEntries.toLocaleString('en-US')} commands), so it cannot be regraded`;
  const unknown = result.hintsTaken.filter((h) => !pack.hints.some((x) => x.id === h));
  if (unknown.length) return `hintsTaken: no hint ${unknown.map((h) => `"${h}"`).join(', ')} in lab "${pack.id}"`;
  return undefined;
}
