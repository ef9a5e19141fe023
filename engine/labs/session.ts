// A learner's session with a lab, as the console's Labs pane keeps it: when it started (simulated
// time, so "elapsed" survives pauses and restarts the way the simulation does), which hints were
// revealed, the last Check, and whether the lab was completed. LabProgress is small, plain and
// versioned, so a door can store it next to the world snapshot and read it back after a restart;
// a stored record that does not parse is refused with a reason, never half-used.
import { z } from 'zod';
import type { Engine } from '../engine';
import type { World } from '../model/world';
import type { LabHint, LabPack } from './pack';
import { checkLab, labWorld } from './grader';
import { LabCheckResult } from './results';

export const LAB_PROGRESS_VERSION = 1;

export const LabProgress = z.object({
  formatVersion: z.literal(LAB_PROGRESS_VERSION),
  labId: z.string().min(1),
  /** Simulated ms when the lab started (the engine's clock then). */
  startedAt: z.number().nonnegative(),
  /** Hint ids in the order they were revealed. */
  hintsTaken: z.array(z.string()).default([]),
  lastCheck: LabCheckResult.optional(),
  /** Set once a Check passed every task; stays set. */
  completed: z.boolean().default(false),
  completedAt: z.number().optional(),
});
export type LabProgress = z.infer<typeof LabProgress>;

export interface LabStart {
  /** The world to load into the door's engine (a fresh copy). */
  world: World;
  progress: LabProgress;
}

/** Starts (or restarts) a lab: its world, and progress from `now` (the engine's clock; default 0). */
export function startLab(pack: LabPack, options: { now?: number } = {}): LabStart {
  return {
    world: labWorld(pack),
    progress: { formatVersion: LAB_PROGRESS_VERSION, labId: pack.id, startedAt: options.now ?? 0, hintsTaken: [], completed: false },
  };
}

/** A hint as the pane lists it: its text only once revealed. */
export interface HintView {
  id: string;
  task?: string;
  costPoints: number;
  taken: boolean;
  text?: string;
}

export function hintList(pack: LabPack, progress: LabProgress): HintView[] {
  const taken = new Set(progress.hintsTaken);
  return pack.hints.map((h) => ({
    id: h.id,
    ...(h.task !== undefined ? { task: h.task } : {}),
    costPoints: h.costPoints,
    taken: taken.has(h.id),
    ...(taken.has(h.id) ? { text: h.text } : {}),
  }));
}

export type HintOutcome = { ok: true; progress: LabProgress; hint: LabHint } | { ok: false; message: string };

/** Reveals a hint; taking one again shows it again without charging twice. */
export function takeHint(pack: LabPack, progress: LabProgress, hintId: string): HintOutcome {
  if (progress.labId !== pack.id) return { ok: false, message: `this progress belongs to lab "${progress.labId}", not "${pack.id}"` };
  const hint = pack.hints.find((h) => h.id === hintId);
  if (!hint) {
    return {
      ok: false,
      message: pack.hints.length
        ? `no hint "${hintId}" in lab "${pack.id}" (hints: ${pack.hints.map((h) => h.id).join(', ')})`
        : `lab "${pack.id}" has no hints`,
    };
  }
  if (progress.hintsTaken.includes(hintId)) return { ok: true, progress, hint };
  return { ok: true, progress: { ...progress, hintsTaken: [...progress.hintsTaken, hintId] }, hint };
}

/** Progress after a Check: the result kept, completion recorded the first time every task passes. */
export function recordCheck(progress: LabProgress, result: LabCheckResult): LabProgress {
  const completedNow = !progress.completed && result.passed;
  return {
    ...progress,
    lastCheck: result,
    completed: progress.completed || result.passed,
    ...(completedNow ? { completedAt: result.checkedAt } : {}),
  };
}

/** The Check button: grades the engine as it is, for this session, and records the result. */
export function checkSession(pack: LabPack, engine: Engine, progress: LabProgress): { result: LabCheckResult; progress: LabProgress } {
  const result = checkLab(pack, engine, { hintsTaken: progress.hintsTaken, startedAt: progress.startedAt });
  return { result, progress: recordCheck(progress, result) };
}

/** Simulated ms left before the time limit (negative once past it); undefined without a limit. */
export function timeLeftMs(pack: LabPack, progress: LabProgress, now: number): number | undefined {
  return pack.timeLimitMinutes === undefined ? undefined : progress.startedAt + pack.timeLimitMinutes * 60_000 - now;
}

export function serializeProgress(progress: LabProgress): string {
  return JSON.stringify(progress);
}

/** Reads stored progress (JSON text or an already parsed value). Never throws. */
export function parseProgress(input: unknown): { ok: true; progress: LabProgress } | { ok: false; message: string } {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      return { ok: false, message: 'stored lab progress is not valid JSON' };
    }
  }
  const r = LabProgress.safeParse(value);
  if (!r.success) {
    const first = r.error.issues[0];
    return {
      ok: false,
      message: `stored lab progress cannot be used: ${first ? `${first.path.map(String).join('.') || '(root)'}: ${first.message}` : 'malformed'}`,
    };
  }
  return { ok: true, progress: r.data };
}
