// A class's results regraded into a gradebook (issue "Trainers"): each result file parsed, checked
// against the pack (same lab, same pack version, a complete transcript), its transcript run again
// from the lab's start and graded — the stored score is only compared, never used — and, across the
// results that could be graded, how many learners passed each task.
import { maxScore, type LabPack } from './pack';
import { labPackHash, parseLabResult, regradeResult, resultPackProblem } from './learner-result';

export interface GradebookRow {
  /** The file (or name) the result came from. */
  source: string;
  /** 'graded': regraded and the stored grade matches; 'tampered': it does not; 'error': it could not be graded. */
  status: 'graded' | 'tampered' | 'error';
  learner?: string;
  /** Why the result could not be graded, naming what is wrong. */
  error?: string;
  score?: number;
  storedScore?: number;
  maxScore?: number;
  /** Task id → passes on regrading. */
  tasks?: Record<string, boolean>;
  hintsTaken?: string[];
  /** Simulated ms from the lab's start to the grade. */
  elapsedMs?: number;
  overTime?: boolean;
  startedAt?: string;
  savedAt?: string;
  commands?: number;
  /** How the stored grade differs from the regrade (tampered results). */
  mismatches?: string[];
  /** Commands that ran in the learner's console but were refused on replay (a transcript edited by hand, or a model change). */
  diverged?: number;
}

export interface TaskPassRate {
  id: string;
  title: string;
  points: number;
  passed: number;
  /** Results regraded (tampered ones included: their regrade is the honest grade). */
  graded: number;
}

export interface Gradebook {
  lab: { id: string; title: string; packHash: string; maxScore: number };
  rows: GradebookRow[];
  taskPassRates: TaskPassRate[];
}

/** One result to grade: its text, or why it could not even be read (the door's file error). */
export type GradebookInput = { source: string; text: string } | { source: string; readError: string };

export function gradeClass(pack: LabPack, inputs: readonly GradebookInput[]): Gradebook {
  const rows = inputs.map((input): GradebookRow => {
    if ('readError' in input) return { source: input.source, status: 'error', error: input.readError };
    const parsed = parseLabResult(input.text);
    if (!parsed.ok) return { source: input.source, status: 'error', error: parsed.message };
    const result = parsed.result;
    const problem = resultPackProblem(pack, result);
    if (problem) return { source: input.source, status: 'error', learner: result.learner, error: problem };
    const { grade, mismatches, diverged } = regradeResult(pack, result);
    return {
      source: input.source,
      status: mismatches.length ? 'tampered' : 'graded',
      learner: result.learner,
      score: grade.score,
      storedScore: result.grade.score,
      maxScore: grade.maxScore,
      tasks: Object.fromEntries(grade.tasks.map((t) => [t.id, t.pass])),
      hintsTaken: result.hintsTaken,
      elapsedMs: grade.elapsedMs,
      overTime: grade.overTime,
      startedAt: result.startedAt,
      savedAt: result.savedAt,
      commands: result.transcript.length,
      ...(mismatches.length ? { mismatches } : {}),
      ...(diverged ? { diverged } : {}),
    };
  });
  const graded = rows.filter((r) => r.tasks);
  return {
    lab: { id: pack.id, title: pack.title, packHash: labPackHash(pack), maxScore: maxScore(pack) },
    rows,
    taskPassRates: pack.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      points: t.points,
      passed: graded.filter((r) => r.tasks?.[t.id]).length,
      graded: graded.length,
    })),
  };
}
