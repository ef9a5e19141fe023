// `hvlab lab ...` end to end through the CLI's run(argv, out, err), with real files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli.main';
import { builtinLabIds } from '../../../engine/labs';
import { minimalPack } from './helpers';

async function hvlab(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(
    argv,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-lab-'));
});

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('hvlab lab', () => {
  it('list: every built-in lab, as a table or JSON', async () => {
    const text = await hvlab('lab', 'list');
    expect(text.code).toBe(0);
    for (const id of builtinLabIds()) expect(text.out).toContain(id);
    expect(text.out.split('\n')[0]).toMatch(/^ID\s+LEVEL\s+MIN\s+TASKS\s+TITLE$/);
    const json = await hvlab('lab', 'list', '--json');
    const rows = JSON.parse(json.out) as { id: string; taskCount: number; maxScore: number }[];
    expect(rows.map((r) => r.id)).toEqual(builtinLabIds());
    expect(rows.every((r) => r.taskCount > 0 && r.maxScore > 0)).toBe(true);
  });

  it('show: briefing, tasks and hint count, never the hint texts; --solution for trainers', async () => {
    const r = await hvlab('lab', 'show', 'credssp-kerberos');
    expect(r.code).toBe(0);
    expect(r.out).toContain('CredSSP or Kerberos: moving VMs from a remote console  (credssp-kerberos)');
    expect(r.out).toContain('## Why it matters on real iron');
    expect(r.out).toContain('1. Kerberos on HV02 and HV03 (10 points)');
    expect(r.out).toContain('Hints: 3 (together they cost 6 points');
    expect(r.out).not.toContain('0x8009030E with CredSSP means');
    expect(r.out).not.toContain('Reference solution');
    const s = await hvlab('lab', 'show', 'credssp-kerberos', '--solution');
    expect(s.out).toContain('Set-VMHost -ComputerName HV02,HV03 -VirtualMachineMigrationAuthenticationType Kerberos');
    const j = JSON.parse((await hvlab('lab', 'show', 'credssp-kerberos', '--json')).out) as { tasks: { checks: string[] }[]; hints: object[] };
    expect(j.tasks[0]!.checks).toEqual(['HV02: live migration authentication is Kerberos', 'HV03: live migration authentication is Kerberos']);
    expect(j.hints[0]).not.toHaveProperty('text');
  });

  it('check: the reference solution by default, exit code 0 when every task passes', async () => {
    const r = await hvlab('lab', 'check', 'shared-nothing-live-migration');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Script (the reference solution): 1 statement(s), 1 job(s)');
    expect(r.out).toContain('[PASS] moved — DC01 and all its files on HV02 (15 points)');
    expect(r.out).toContain('Score: 25/25 — 2 of 2 task(s) passed');
  });

  it('check --script: a wrong solution fails with expected and found, exit code 1', async () => {
    const script = file('wrong.ps1', 'Move-VM DC01 HV02\n');
    const r = await hvlab('lab', 'check', 'shared-nothing-live-migration', '--script', script);
    expect(r.code).toBe(1);
    expect(r.out).toContain('1 refused');
    expect(r.out).toContain('line 1: Move-VM DC01 HV02');
    expect(r.out).toContain('[FAIL] moved — DC01 and all its files on HV02 (15 points)');
    expect(r.out).toMatch(/FAIL DC01 is on HV02\n\s+expected: DC01 on HV02\n\s+found:\s+DC01 is on HV01/);
    expect(r.out).toContain('Score: 0/25');
  });

  it('check --json: the grade and the script report', async () => {
    const script = file('right.ps1', 'Move-VM -Name DC01 -DestinationHost HV02 -IncludeStorage -DestinationStoragePath D:\\VMs\\DC01\n');
    const r = await hvlab('lab', 'check', 'shared-nothing-live-migration', '--script', script, '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { lab: { id: string }; script: string; result: { passed: boolean; score: number }; report: { jobs: unknown[] } };
    expect(j).toMatchObject({ lab: { id: 'shared-nothing-live-migration' }, script, result: { passed: true, score: 25 } });
    expect(j.report.jobs).toHaveLength(1);
  });

  it('check: a script that does not parse is reported with its position, and fails', async () => {
    const script = file('broken.ps1', 'Move-VM DC01 HV02 -IncludeStorage -DestinationStoragePath "D:\\VMs\n');
    const r = await hvlab('lab', 'check', 'shared-nothing-live-migration', '--script', script);
    expect(r.code).toBe(1);
    expect(r.out).toContain('was not run: line 1');
    expect(r.err).toContain(`${script}:1:`);
  });

  it("check a trainer's own pack file, which may use the patch form", async () => {
    const pack = file('tiny.json', JSON.stringify(minimalPack(), null, 2));
    const r = await hvlab('lab', 'check', pack);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lab tiny-lab — Tiny lab');
    const wrong = file('tiny-wrong.ps1', 'Move-VMStorage SQL01 -DestinationStoragePath E:\\SQL01\n');
    expect((await hvlab('lab', 'check', pack, '--script', wrong)).code).toBe(1);
  });

  it('an unknown lab id lists the known ids; exit code 2', async () => {
    const r = await hvlab('lab', 'check', 'storage-single');
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown lab "storage-single". Built-in labs:');
    for (const id of builtinLabIds()) expect(r.err).toContain(`  ${id}`);
    expect((await hvlab('lab', 'show', 'nope')).code).toBe(2);
  });

  it('an invalid pack file is refused with every problem and its path', async () => {
    const p = minimalPack();
    delete ((p.tasks as Record<string, unknown>[])[0]!.checks as Record<string, unknown>[])[0]!.vm;
    p.level = 'Expert';
    const pack = file('bad.json', JSON.stringify(p));
    const r = await hvlab('lab', 'check', pack);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${pack} is not a valid lab pack:`);
    expect(r.err).toContain('  tasks[0].checks[0].vm: required');
    expect(r.err).toMatch(/ {2}level: /);
    const v = await hvlab('lab', 'validate', pack);
    expect(v.code).toBe(1);
    expect(v.out).toContain('2 problem(s):');
    const vj = JSON.parse((await hvlab('lab', 'validate', pack, '--json')).out) as { ok: boolean; errors: { path: string }[] };
    expect(vj.ok).toBe(false);
    expect(vj.errors.map((e) => e.path)).toContain('tasks[0].checks[0].vm');
    const good = await hvlab('lab', 'validate', file('good.json', JSON.stringify(minimalPack())));
    expect(good).toMatchObject({ code: 0, out: expect.stringContaining('valid lab pack "tiny-lab" — 2 task(s), 2 hint(s), 20 points') });
  });

  it('files that cannot be read, usage errors, help and schema', async () => {
    const missing = await hvlab('lab', 'check', join(dir, 'missing.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read the lab pack file');
    const noScript = await hvlab('lab', 'check', 'storage-single-location', '--script', join(dir, 'missing.ps1'));
    expect(noScript.code).toBe(2);
    expect(noScript.err).toContain('cannot read the script file');
    expect((await hvlab('lab', 'check')).code).toBe(2);
    expect((await hvlab('lab', 'check', 'a', 'b')).code).toBe(2);
    expect((await hvlab('lab', 'frobnicate')).err).toContain('unknown lab command "frobnicate"');
    expect((await hvlab('lab', 'list', '--bogus')).code).toBe(2);
    const help = await hvlab('lab', '--help');
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('hvlab lab check <id|pack.json> [--script <solution.ps1>] [--json]') });
    expect((await hvlab('--help')).out).toContain('hvlab lab list | show <id>');
    const schema = await hvlab('lab', 'schema');
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.out)).toHaveProperty('$defs.Check');
  });
});
