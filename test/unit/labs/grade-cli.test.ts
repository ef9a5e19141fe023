// `hvlab lab grade`: a class's result files, saved by the console's lab session, regraded through
// the CLI's run(argv, out, err) with real files — the honest ones graded, a tampered one flagged, and
// each broken file (malformed, huge, another lab's, a folder) a row naming what is wrong.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli.main';
import { EngineHost } from '../../../doors/common/engine-host';
import type { LabAction, LabResult, Result } from '../../../engine/contract';
import type { Gradebook } from '../../../engine/labs';

async function hvlab(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (s) => void (out += s),
    (s) => void (err += s),
  );
  return { code, out, err };
}

/** A learner's attempt in a console: the commands, then Check, then the result file's text. */
function attempt(
  labId: string,
  learner: string,
  commands: { run?: string; invoke?: { cmdlet: string; params: Record<string, unknown> } }[],
  hints: string[] = [],
): string {
  const host = new EngineHost({ startClock: false });
  let id = 1;
  const lab = <A extends LabAction>(action: A): LabResult<A> => {
    const r = host.handle({ kind: 'lab', id: id++, action }).result as Result<LabResult<A>>;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  lab({ type: 'start', labId });
  for (const h of hints) lab({ type: 'hint', hintId: h });
  for (const c of commands) {
    if (c.run) host.handle({ kind: 'run', id: id++, text: c.run });
    if (c.invoke) host.handle({ kind: 'invoke', id: id++, command: c.invoke });
    host.handle({ kind: 'clock', id: id++, control: { action: 'runUntilIdle' } });
  }
  lab({ type: 'check' });
  const text = lab({ type: 'result', learner }).text;
  host.dispose();
  return text;
}

const LAB = 'storage-single-location';
let dir = '';
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-grade-'));
  const write = (name: string, text: string) => {
    files[name] = join(dir, name);
    writeFileSync(files[name], text);
  };
  write(
    'ada.json',
    attempt(LAB, 'Ada', [{ invoke: { cmdlet: 'Move-VMStorage', params: { VMName: 'SQL01', DestinationStoragePath: '\\\\FS01\\VMs\\SQL01' } } }], ['cmdlet']),
  );
  write('alan.json', attempt(LAB, 'Alan', [{ run: 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs' }, { run: 'Get-VM' }]));
  // Grace failed, then raised her stored grade by hand.
  const grace = JSON.parse(attempt(LAB, '=Grace', [{ run: 'Stop-VM -Name SQL01 -Force' }])) as {
    grade: { score: number; passed: boolean; tasks: { pass: boolean }[] };
  };
  grace.grade.score = 25;
  grace.grade.passed = true;
  for (const t of grace.grade.tasks) t.pass = true;
  write('grace.json', JSON.stringify(grace));
  write('other-lab.json', attempt('storage-disks-only', 'Bob', [{ run: 'Get-VM' }]));
  write('truncated.json', '{"format": "hvlab-lab-result", "formatVersion": 1, "lab": {');
  write('huge.json', ' '.repeat(4 * 1024 * 1024 + 1));
  mkdirSync(join(dir, 'folder.json'));
  files['folder.json'] = join(dir, 'folder.json');
});

describe('hvlab lab grade', () => {
  it('regrades every result, flags the tampered one and prints per-task pass rates', async () => {
    const r = await hvlab('lab', 'grade', LAB, files['ada.json']!, files['alan.json']!, files['grace.json']!);
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Gradebook — Storage migration: everything to one place \(storage-single-location, pack sha256:/);
    expect(lines.find((l) => l.startsWith('Ada '))).toMatch(/^Ada\s+22\/25\s+22\s+2\/2\s+1\s+\S+ s\s+ok\s+\S+ada\.json$/);
    expect(lines.find((l) => l.startsWith('Alan '))).toMatch(/\s+ok\s+/);
    expect(lines.find((l) => l.startsWith('=Grace '))).toMatch(/^=Grace\s+0\/25\s+25\s+0\/2\s+.*TAMPERED/);
    expect(r.out).toContain('TAMPERED');
    expect(r.out).toMatch(/score 25 stored, 0 on regrading/);
    expect(r.out).toContain('Tasks passed across the class (3 results regraded):');
    expect(r.out).toMatch(/move-all\s+1\/3\s+33%/);
    expect(r.err).toMatch(/grace\.json: TAMPERED — score 25 stored, 0 on regrading/);
  });

  it('honest results only: exit code 0; --json and --csv carry the same gradebook', async () => {
    const text = await hvlab('lab', 'grade', LAB, files['ada.json']!, files['alan.json']!);
    expect(text.code).toBe(0);
    const json = await hvlab('lab', 'grade', LAB, files['ada.json']!, files['grace.json']!, '--json');
    const book = JSON.parse(json.out) as Gradebook;
    expect(book.rows.map((row) => [row.learner, row.status, row.score, row.storedScore])).toEqual([
      ['Ada', 'graded', 22, 22],
      ['=Grace', 'tampered', 0, 25],
    ]);
    expect(book.taskPassRates.find((t) => t.id === 'move-all')).toMatchObject({ passed: 1, graded: 2 });
    const csv = await hvlab('lab', 'grade', LAB, files['ada.json']!, files['grace.json']!, '--csv');
    const rows = csv.out.trimEnd().split('\n');
    expect(rows[0]).toBe('file,learner,status,score,maxScore,storedScore,task:move-all,task:stay-online,hints,simulatedMs,startedAt,savedAt,problem');
    expect(rows[1]).toMatch(/,Ada,graded,22,25,22,1,1,cmdlet,\d+,20\d\d-/);
    // A name a spreadsheet would run as a formula is written as text.
    expect(rows[2]).toMatch(/,'=Grace,tampered,0,25,25,0,0,,/);
  });

  it('a malformed, huge, foreign or unreadable result is a row naming what is wrong; the rest are graded', async () => {
    const r = await hvlab(
      'lab',
      'grade',
      LAB,
      files['ada.json']!,
      files['truncated.json']!,
      files['huge.json']!,
      files['other-lab.json']!,
      files['folder.json']!,
      join(dir, 'missing.json'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${files['truncated.json']}: it is not JSON`);
    expect(r.err).toMatch(/huge\.json: cannot read the lab result file \S+huge\.json: it is 4 MiB, larger than the limit of 4 MiB for a lab result file/);
    expect(r.err).toContain(`${files['other-lab.json']}: it is a result of lab "storage-disks-only", not of "storage-single-location"`);
    expect(r.err).toMatch(/folder\.json: cannot read the lab result file \S+: it is a folder, not a regular file/);
    expect(r.err).toMatch(/missing\.json: cannot read the lab result file \S+: no such file/);
    expect(r.out).toMatch(/^Ada\s+22\/25/m);
    expect(r.out).toContain('Tasks passed across the class (1 result regraded):');
  });

  it('usage errors: no result file, or both --csv and --json', async () => {
    expect((await hvlab('lab', 'grade', LAB)).code).toBe(2);
    const both = await hvlab('lab', 'grade', LAB, files['ada.json']!, '--csv', '--json');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--csv or --json, not both');
  });
});
