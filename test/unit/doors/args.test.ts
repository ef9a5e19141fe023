// The doors' option reader (Node's util.parseArgs behind a small spec), alone and through hvlab.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../doors/node/args';
import { run } from '../../../cli.main';
import { defaultWorld } from '../../../engine/model/default-world';

const spec = { world: 'value', json: 'flag' } as const;

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

describe('parseArgs', () => {
  it('splits --name=value at the first "=" only', () => {
    // Before util.parseArgs: split('=', 2) made this "C:/a".
    expect(parseArgs(['--world=C:/a=b/w.json', 's.ps1'], spec)).toEqual({ options: { world: 'C:/a=b/w.json' }, positionals: ['s.ps1'] });
  });

  it('"--" ends the options', () => {
    // Before: "--" was kept as a positional and "--json" after it still read as the flag.
    expect(parseArgs(['s.ps1', '--', '--json', '--world'], spec)).toEqual({ options: {}, positionals: ['s.ps1', '--json', '--world'] });
  });

  it('names what is wrong: unknown options, missing values, values on flags', () => {
    expect(() => parseArgs(['--nope'], spec)).toThrow(/^unknown option --nope/);
    expect(() => parseArgs(['-x'], spec)).toThrow(/^unknown option -x/);
    expect(() => parseArgs(['--world'], spec)).toThrow(/^--world needs a value$/);
    expect(() => parseArgs(['--world', '--json'], spec)).toThrow(/^--world needs a value/);
    expect(() => parseArgs(['--world='], spec)).toThrow(/^--world needs a value$/);
    expect(() => parseArgs(['--json=yes'], spec)).toThrow(/^--json takes no value$/);
    expect(parseArgs(['--world', 'w.json', '--json'], spec)).toEqual({ options: { world: 'w.json', json: true }, positionals: [] });
  });
});

describe('hvlab options', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hvlab-args-'));

  it('hvlab run --world=<path with "="> reads the whole path', async () => {
    mkdirSync(join(dir, 'a=b'));
    const world = join(dir, 'a=b', 'w.json');
    writeFileSync(world, JSON.stringify(defaultWorld()));
    const script = join(dir, 'get.ps1');
    writeFileSync(script, 'Get-VM\n');
    const r = await hvlab('run', `--world=${world}`, script, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('hvlab flows -- <file>: "--" is not a file', async () => {
    const file = join(dir, 'one.flows');
    writeFileSync(file, 'link a 1\nflow f1 0 1 a\n');
    const r = await hvlab('flows', '--', file);
    expect(r.err).toBe('');
    expect(r.out).toContain('flow f1 ');
    expect(r.code).toBe(0);
  });

  it('existing usage errors still read plainly', async () => {
    const r = await hvlab('run', 'x.ps1', '--wrld', 'w.json');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^hvlab: unknown option --wrld/);
  });
});
