// Grading a lab: every task's checks against what the engine shows now (the world, and the jobs
// and event log since the lab started), with a score: the points of the passed tasks minus what
// the hints taken cost. runLab() is the whole loop a trainer's CI runs: a fresh engine on the
// lab's world, a script run to completion, the grade.
import { Engine, type EngineOptions } from '../engine';
import type { World } from '../model/world';
import { runScript, type ScriptReport } from '../scripting/run-script';
import { maxScore, type LabPack } from './pack';
import { evaluateCheck, type LabEvidence } from './predicates';
import type { LabCheckResult } from './results';

export interface GradeOptions {
  /** Ids of the hints the learner revealed (unknown ids cost nothing). */
  hintsTaken?: readonly string[];
  /** Simulated ms when the lab started: earlier jobs and log entries are not the learner's. Default 0. */
  startedAt?: number;
}

/** A fresh copy of the lab's starting world. */
export function labWorld(pack: LabPack): World {
  return structuredClone(pack.world);
}

/** An engine on the lab's starting world, its clock at `now` (default 0). */
export function labEngine(pack: LabPack, options: EngineOptions & { now?: number } = {}): Engine {
  const { now, ...engineOptions } = options;
  return new Engine({ world: labWorld(pack), ...(now !== undefined ? { now } : {}) }, engineOptions);
}

/** What the checks read, from an engine: its state now, its jobs and log since `startedAt`. */
export function evidenceFrom(engine: Engine, pack: LabPack, startedAt = 0): LabEvidence {
  const s = engine.state();
  return {
    world: s.world,
    initialWorld: pack.world,
    jobs: s.jobs.filter((j) => j.createdAt >= startedAt),
    log: s.log.filter((l) => l.at >= startedAt),
    now: s.now,
  };
}

/** Grades evidence a door already holds (the same answer checkLab gives on the same state). */
export function gradeEvidence(pack: LabPack, evidence: LabEvidence, options: GradeOptions = {}): LabCheckResult {
  const tasks = pack.tasks.map((t) => {
    const checks = t.checks.map((c) => evaluateCheck(c, evidence));
    return { id: t.id, title: t.title, points: t.points, pass: checks.every((c) => c.pass), checks };
  });
  const taken = new Set(options.hintsTaken ?? []);
  const hints = pack.hints.filter((h) => taken.has(h.id));
  const hintPoints = hints.reduce((n, h) => n + h.costPoints, 0);
  const earned = tasks.filter((t) => t.pass).reduce((n, t) => n + t.points, 0);
  const elapsedMs = Math.max(0, evidence.now - (options.startedAt ?? 0));
  const timeLimitMs = pack.timeLimitMinutes !== undefined ? pack.timeLimitMinutes * 60_000 : undefined;
  return {
    labId: pack.id,
    checkedAt: evidence.now,
    tasks,
    passed: tasks.every((t) => t.pass),
    score: Math.max(0, earned - hintPoints),
    maxScore: maxScore(pack),
    hintsUsed: hints.length,
    hintPoints,
    elapsedMs,
    ...(timeLimitMs !== undefined ? { timeLimitMs } : {}),
    overTime: timeLimitMs !== undefined && elapsedMs > timeLimitMs,
  };
}

/** Grades the lab on the engine as it is now (the Check button). */
export function checkLab(pack: LabPack, engine: Engine, options: GradeOptions = {}): LabCheckResult {
  return gradeEvidence(pack, evidenceFrom(engine, pack, options.startedAt ?? 0), options);
}

export interface LabRun {
  /** What the script did, statement by statement and job by job (engine/scripting). */
  report: ScriptReport;
  result: LabCheckResult;
}

/** Runs a script against a fresh copy of the lab's world until every job has ended, then grades it. */
export function runLab(pack: LabPack, scriptText: string, options: EngineOptions = {}): LabRun {
  const engine = labEngine(pack, options);
  const report = runScript(engine, scriptText);
  return { report, result: checkLab(pack, engine) };
}
