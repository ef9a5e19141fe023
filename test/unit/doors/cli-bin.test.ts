// The `hvlab` command as a user starts it: bin/hvlab.mjs, which runs the bundle under dist/cli and
// builds it again when a source it came from changed.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/web-host-process';
import packageJson from '../../../package.json' with { type: 'json' };

const bin = join(ROOT, 'bin', 'hvlab.mjs');
const inputsFile = join(ROOT, 'dist', 'cli', 'inputs.json');

function hvlab(...args: string[]) {
  return spawnSync(bin, args, { encoding: 'utf8', cwd: ROOT });
}

describe('bin/hvlab.mjs', () => {
  it('prints the version from the bundle, and runs a script through it', () => {
    const v = hvlab('--version');
    expect(v.stderr).toBe('');
    expect(v.stdout).toBe(`${packageJson.version}\n`);
    const dir = mkdtempSync(join(tmpdir(), 'hvlab-bin-'));
    try {
      const script = join(dir, 'move.ps1');
      writeFileSync(script, 'Move-VM WEB01 HV02\n');
      const r = hvlab('run', script, '--json');
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { ok: boolean; jobs: { result: string }[] };
      expect(report.ok).toBe(true);
      expect(report.jobs.map((j) => j.result)).toEqual(['Completed']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds the bundle again when a source file it came from changed', () => {
    expect(hvlab('--version').status).toBe(0);
    const inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as Record<string, number>;
    expect(Object.keys(inputs)).toContain('cli.main.ts');
    expect(Object.keys(inputs)).toContain('engine/engine.ts');
    // As if cli.main.ts had been edited after the bundle was built.
    writeFileSync(inputsFile, JSON.stringify({ ...inputs, 'cli.main.ts': inputs['cli.main.ts']! - 1000 }));
    expect(hvlab('--version').stdout).toBe(`${packageJson.version}\n`);
    const rebuilt = JSON.parse(readFileSync(inputsFile, 'utf8')) as Record<string, number>;
    expect(rebuilt['cli.main.ts']).toBe(inputs['cli.main.ts']);
  });
});
