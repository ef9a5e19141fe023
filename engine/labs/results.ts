// What grading a lab returns, as schemas: a door persists the last result with the learner's
// progress (session.ts) and must be able to read it back safely after a restart or an upgrade.
import { z } from 'zod';

export const CheckResult = z.object({
  /** The sentence the learner reads: "SQL01's virtual hard disks are under \\FS01\VMs". */
  description: z.string(),
  pass: z.boolean(),
  expected: z.string(),
  found: z.string(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const TaskResult = z.object({
  id: z.string(),
  title: z.string(),
  points: z.number().int().nonnegative(),
  /** Every check of the task passed. */
  pass: z.boolean(),
  checks: z.array(CheckResult),
});
export type TaskResult = z.infer<typeof TaskResult>;

export const LabCheckResult = z.object({
  labId: z.string(),
  /** Simulated ms of the check. */
  checkedAt: z.number(),
  tasks: z.array(TaskResult),
  /** Every task passed. */
  passed: z.boolean(),
  /** Points of the passed tasks minus the cost of the hints taken, never below zero. */
  score: z.number().int().nonnegative(),
  maxScore: z.number().int().nonnegative(),
  hintsUsed: z.number().int().nonnegative(),
  hintPoints: z.number().int().nonnegative(),
  /** Simulated time since the lab started. */
  elapsedMs: z.number().nonnegative(),
  timeLimitMs: z.number().positive().optional(),
  /** The time limit has passed (the score stands; the door decides what to show). */
  overTime: z.boolean(),
});
export type LabCheckResult = z.infer<typeof LabCheckResult>;
