// A learner's result file (issue "Trainers"): the door records every command of the attempt — the
// wizard's structured commands and the prompt's lines — with its simulated time; the file regrades
// to the same grade when the transcript is run again from the lab's start, and a file whose stored
// grade was changed is flagged. The door's clock is driven by a manual wall timer, in ticks, as
// the console drives it; the regrade advances the clock in one step per command.
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../doors/common/engine-host';
import { manualTimer } from '../../support/manual-timer';
import type { LabAction, LabResult, Result } from '../../../engine/contract';
import { findBuiltinLab, labPackHash, parseLabResult, regradeResult, resultPackProblem, type LabResultFile } from '../../../engine/labs';
import { LAB_RESULT_LIMITS } from '../../../engine/common/lab-limits';
import type { SettingsStore } from '../../../engine/persistence/state-store';

/** Settings kept by reference: the limit test records thousands of commands without copying the transcript each time. */
function referenceSettings(): SettingsStore {
  const values = new Map<string, unknown>();
  return { get: <T>(key: string, fallback: T) => (values.has(key) ? (values.get(key) as T) : fallback), set: (key, value) => void values.set(key, value) };
}

function door() {
  const wall = manualTimer();
  const host = new EngineHost({ timer: wall.timer, settings: referenceSettings() });
  let id = 1;
  const ok = <A extends LabAction>(action: A): LabResult<A> => {
    const r = host.handle({ kind: 'lab', id: id++, action }).result as Result<LabResult<A>>;
    if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
    return r.value;
  };
  const lab = <A extends LabAction>(action: A) => host.handle({ kind: 'lab', id: id++, action }).result as Result<LabResult<A>>;
  const run = (text: string) => host.handle({ kind: 'run', id: id++, text });
  const invoke = (cmdlet: string, params: Record<string, unknown>) => host.handle({ kind: 'invoke', id: id++, command: { cmdlet, params } });
  const speed = (s: 0 | 1 | 10 | 60 | 600) => host.handle({ kind: 'clock', id: id++, control: { action: 'setSpeed', speed: s } });
  return { host, wall, ok, lab, run, invoke, speed };
}

function saved(d: ReturnType<typeof door>, learner = 'Ada Lovelace', labId?: string): LabResultFile {
  const file = d.ok({ type: 'result', learner, ...(labId ? { labId } : {}) });
  const parsed = parseLabResult(file.text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.result;
}

describe('a learner result file', () => {
  it('carries the lab, pack hash, learner, times, every command (wizard and prompt), hints and grade; regrading gives the same grade', () => {
    const d = door();
    const pack = findBuiltinLab('nic-failure-failover')!;
    d.ok({ type: 'start', labId: pack.id });
    d.speed(10);
    // The wizard's Finish: a structured command, as the Move Wizard sends it.
    expect(d.invoke('Move-VMStorage', { VMName: 'SQL01', DestinationStoragePath: '\\\\FS01\\VMs\\SQL01' }).result.ok).toBe(true);
    d.wall.pass(750);
    d.run('$web = Get-VM -Name WEB01');
    d.run('Move-VM -VM $web -DestinationHost HV02');
    d.wall.pass(2250); // the moves run for about 25 simulated seconds at speed 10
    d.ok({ type: 'hint', hintId: 'why' });
    d.run('Disable-NetAdapter -Name SMB1 -Confirm:$false');
    d.run('Move-VM -Name NOSUCHVM -DestinationHost HV02'); // refused: in the transcript too
    d.wall.pass(120_000);
    d.run('Set-VMHost -ComputerName HV01,HV02 -VirtualMachineMigrationPerformanceOption SMB');
    d.invoke('Move-VM', { Name: 'WEB01', DestinationHost: 'HV02' });
    d.wall.pass(60_000);
    const checked = d.ok({ type: 'check' });

    const result = saved(d);
    expect(result).toMatchObject({ format: 'hvlab-lab-result', learner: 'Ada Lovelace', hintsTaken: ['why'], transcriptComplete: true });
    expect(result.lab).toEqual({ id: pack.id, title: pack.title, packHash: labPackHash(pack) });
    expect(result.transcript.map((e) => e.kind)).toEqual(['invoke', 'run', 'run', 'run', 'run', 'run', 'invoke']);
    expect(result.transcript[4]).toMatchObject({ kind: 'run', ok: false });
    expect(result.transcript[0]).toMatchObject({ kind: 'invoke', at: 0, command: { cmdlet: 'Move-VMStorage' }, ok: true });
    const ats = result.transcript.map((e) => e.at);
    expect([...ats].sort((a, b) => a - b)).toEqual(ats);
    expect(ats[3]).toBeGreaterThan(0);
    expect(Date.parse(result.savedAt)).toBeGreaterThanOrEqual(Date.parse(result.startedAt));
    expect(result.grade.score).toBe(checked.lastCheck!.score);
    expect(result.grade.tasks.filter((t) => t.pass).length).toBeGreaterThan(0);

    const regrade = regradeResult(pack, result);
    expect(resultPackProblem(pack, result)).toBeUndefined();
    expect(regrade.mismatches).toEqual([]);
    expect(regrade.diverged).toBe(0);
    expect(regrade.grade.tasks.map((t) => t.pass)).toEqual(result.grade.tasks.map((t) => t.pass));
    d.host.dispose();
  });

  it('a confirmation answered at the prompt is in the transcript and replayed: the answer decides the regrade as it did the grade', () => {
    const d = door();
    const pack = findBuiltinLab('storage-single-location')!;
    d.ok({ type: 'start', labId: pack.id });
    d.run('Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01');
    d.host.handle({ kind: 'clock', id: 998, control: { action: 'runUntilIdle' } });
    const text = 'Stop-VM -Name SQL01 -TurnOff -Confirm';
    const asked = d.run(text);
    expect(asked.result).toMatchObject({ ok: true, value: { confirm: { statement: 0, command: 0 } } });
    d.host.handle({ kind: 'run', id: 999, text, resume: { statement: 0, command: 0, answer: 'Yes' } });
    d.ok({ type: 'check' });
    const result = saved(d);
    expect(result.transcript[2]).toMatchObject({ kind: 'run', text, resume: { answer: 'Yes' } });
    expect(result.grade.tasks.map((t) => t.pass)).toEqual([true, false]); // moved, but SQL01 was turned off
    // Replayed without the answer, SQL01 would still be running and stay-online would pass.
    expect(regradeResult(pack, result).mismatches).toEqual([]);
    d.host.dispose();
  });

  it('a tampered grade is flagged: a failed task marked passed, a raised score', () => {
    const d = door();
    const pack = findBuiltinLab('storage-single-location')!;
    d.ok({ type: 'start', labId: pack.id });
    d.run('Get-VM');
    d.ok({ type: 'check' });
    d.ok({ type: 'quit' }); // a lab the learner left saves its last Check
    const honest = saved(d, 'Grace', pack.id);
    expect(honest.grade.passed).toBe(false);
    expect(regradeResult(pack, honest).mismatches).toEqual([]);

    const tampered: LabResultFile = structuredClone(honest);
    tampered.grade.tasks = tampered.grade.tasks.map((t) => ({ ...t, pass: true }));
    tampered.grade.score = tampered.grade.maxScore;
    tampered.grade.passed = true;
    const r = regradeResult(pack, tampered);
    expect(r.mismatches).toContain(`score ${pack.tasks.reduce((n, t) => n + t.points, 0)} stored, 0 on regrading`);
    expect(r.mismatches).toContain('task move-all passed in the stored grade, fails on regrading');
    d.host.dispose();
  });

  it('is refused before a start, without a name, and past the transcript limit the result says it cannot be regraded', () => {
    const d = door();
    const r = d.lab({ type: 'result', labId: 'storage-single-location', learner: 'Ada' });
    expect(r.ok).toBe(false);
    d.ok({ type: 'start', labId: 'storage-single-location' });
    const blank = d.lab({ type: 'result', learner: '   ' });
    expect(!blank.ok && blank.error.message).toBe('Type your name: the result file carries it.');
    for (let i = 0; i <= LAB_RESULT_LIMITS.transcriptEntries; i++) d.invoke('Get-VM', {});
    const result = saved(d);
    expect(result.transcriptComplete).toBe(false);
    expect(result.transcript).toHaveLength(LAB_RESULT_LIMITS.transcriptEntries);
    expect(resultPackProblem(findBuiltinLab('storage-single-location')!, result)).toMatch(/transcript is incomplete/);
    d.host.dispose();
  });
});

describe('parseLabResult', () => {
  const d = door();
  d.ok({ type: 'start', labId: 'storage-single-location' });
  d.run('Get-VM');
  const good = d.ok({ type: 'result', learner: 'Ada' }).text;
  d.host.dispose();

  it('names what is wrong with a malformed, huge or foreign file', () => {
    expect(parseLabResult('{"format": "hvlab-lab-result", ')).toMatchObject({ ok: false, message: expect.stringMatching(/^it is not JSON/) as unknown });
    expect(parseLabResult('{"id": "storage-single-location", "tasks": []}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/it is not a lab result/) as unknown,
    });
    const value = JSON.parse(good) as Record<string, unknown>;
    expect(parseLabResult(JSON.stringify({ ...value, learner: '' }))).toMatchObject({ ok: false, message: expect.stringMatching(/^learner: /) as unknown });
    const badEntry = { ...value, transcript: [{ kind: 'run', at: -5, text: 'Get-VM', ok: true }] };
    expect(parseLabResult(JSON.stringify(badEntry))).toMatchObject({ ok: false, message: expect.stringMatching(/^transcript\[0\]\.at: /) as unknown });
    const huge = JSON.stringify({ ...value, learner: 'x'.repeat(LAB_RESULT_LIMITS.fileBytes) });
    expect(parseLabResult(huge)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^it is 4 MB, more than a lab result may be \(4 MB\)$/) as unknown,
    });
  });

  it('a result for another lab or another version of the pack cannot be graded against it', () => {
    const r = parseLabResult(good);
    if (!r.ok) throw new Error(r.message);
    expect(resultPackProblem(findBuiltinLab('storage-per-item')!, r.result)).toBe('it is a result of lab "storage-single-location", not of "storage-per-item"');
    const changed = findBuiltinLab('storage-single-location')!;
    changed.tasks[0]!.points += 5;
    expect(resultPackProblem(changed, r.result)).toMatch(/^it was done in another version of lab "storage-single-location"/);
  });
});
