// The learner's session: start, hints (and their cost), Check, completion, time limit, and
// progress that survives a restart of the door (serialize → parse → same progress).
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { runScript } from '../../../engine/scripting/run-script';
import {
  checkLab,
  checkSession,
  findBuiltinLab,
  hintList,
  parseProgress,
  recordCheck,
  serializeProgress,
  startLab,
  takeHint,
  timeLeftMs,
} from '../../../engine/labs';
import { loadOk, minimalPack } from './helpers';

describe('a lab session', () => {
  it('starts from a fresh copy of the lab world', () => {
    const pack = findBuiltinLab('storage-single-location')!;
    const a = startLab(pack);
    a.world.vms[0]!.name = 'changed';
    expect(startLab(pack).world.vms[0]!.name).not.toBe('changed');
    expect(a.progress).toEqual({ formatVersion: 1, labId: 'storage-single-location', startedAt: 0, hintsTaken: [], completed: false });
  });

  it('hints: text hidden until taken, taking twice charges once, unknown ids are refused', () => {
    const pack = findBuiltinLab('storage-single-location')!;
    let { progress } = startLab(pack);
    expect(hintList(pack, progress).every((h) => !h.taken && h.text === undefined)).toBe(true);
    const first = takeHint(pack, progress, 'cmdlet');
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    progress = first.progress;
    expect(first.hint.text).toContain('Move-VMStorage');
    const again = takeHint(pack, progress, 'cmdlet');
    expect(again.ok && again.progress.hintsTaken).toEqual(['cmdlet']);
    expect(hintList(pack, progress).find((h) => h.id === 'cmdlet')).toMatchObject({ taken: true, costPoints: 3 });
    const bad = takeHint(pack, progress, 'nope');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toBe('no hint "nope" in lab "storage-single-location" (hints: why-storage, wizard, cmdlet)');
    const other = findBuiltinLab('storage-per-item')!;
    expect(takeHint(other, progress, 'wizard').ok).toBe(false);
  });

  it('Check: score is the passed tasks minus the hints taken; completion is recorded once', () => {
    const pack = findBuiltinLab('storage-single-location')!;
    const start = startLab(pack);
    const engine = new Engine({ world: start.world });
    let progress = start.progress;
    const h = takeHint(pack, progress, 'wizard');
    if (h.ok) progress = h.progress;

    const before = checkSession(pack, engine, progress);
    expect(before.result).toMatchObject({ passed: false, score: 0, maxScore: 25, hintsUsed: 1, hintPoints: 2 });
    expect(before.progress.completed).toBe(false);

    runScript(engine, pack.referenceSolution);
    const after = checkSession(pack, engine, before.progress);
    expect(after.result).toMatchObject({ passed: true, score: 23, maxScore: 25, hintsUsed: 1 });
    expect(after.progress).toMatchObject({ completed: true, completedAt: after.result.checkedAt });
    // A later check that fails does not un-complete the lab.
    const later = recordCheck(after.progress, before.result);
    expect(later).toMatchObject({ completed: true, completedAt: after.result.checkedAt, lastCheck: before.result });
  });

  it('the score never goes below zero', () => {
    const p = minimalPack();
    (p.hints as { costPoints: number }[])[0]!.costPoints = 500;
    const pack = loadOk(p);
    const engine = new Engine({ world: startLab(pack).world });
    expect(checkLab(pack, engine, { hintsTaken: ['h1', 'h2', 'unknown'] })).toMatchObject({ score: 0, hintsUsed: 2, hintPoints: 501 });
  });

  it("only jobs and log entries since the lab started are the learner's", () => {
    const pack = findBuiltinLab('storage-single-location')!;
    const engine = new Engine({ world: startLab(pack).world });
    runScript(engine, pack.referenceSolution); // before the (re)start
    const { progress } = startLab(pack, { now: engine.now });
    const r = checkSession(pack, engine, progress).result;
    expect(r.tasks.find((t) => t.id === 'stay-online')!.pass).toBe(false);
    expect(r.elapsedMs).toBe(0);
  });

  it('time limit: time left, and a check past it says so', () => {
    const p = minimalPack();
    p.timeLimitMinutes = 1;
    const pack = loadOk(p);
    const start = startLab(pack, { now: 1000 });
    expect(timeLeftMs(pack, start.progress, 31_000)).toBe(30_000);
    const engine = new Engine({ world: start.world, now: 1000 });
    engine.advance(61_000);
    expect(checkSession(pack, engine, start.progress).result).toMatchObject({ overTime: true, timeLimitMs: 60_000, elapsedMs: 61_000 });
    expect(timeLeftMs(findBuiltinLab('storage-single-location')!, start.progress, 0)).toBeUndefined();
  });

  it('progress survives serialization; damaged progress is refused with a reason', () => {
    const pack = findBuiltinLab('rdma-team-trap')!;
    const start = startLab(pack, { now: 5 });
    const engine = new Engine({ world: start.world, now: 5 });
    const taken = takeHint(pack, start.progress, 'move');
    const { progress } = checkSession(pack, engine, taken.ok ? taken.progress : start.progress);
    const text = serializeProgress(progress);
    const back = parseProgress(text);
    expect(back).toEqual({ ok: true, progress });
    expect(parseProgress(JSON.parse(text))).toEqual({ ok: true, progress });
    expect(parseProgress('{not json')).toEqual({ ok: false, message: 'stored lab progress is not valid JSON' });
    const wrong = parseProgress({ ...progress, formatVersion: 2 });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.message).toMatch(/^stored lab progress cannot be used: formatVersion: /);
    expect(parseProgress(null).ok).toBe(false);
  });
});
