// What hvlab prints carries no terminal controls from worlds, packs, scripts or flow files (issue 18):
// an OSC 52 in a VM name or a string argument used to write the user's clipboard when echoed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toTerminal } from '../../../doors/cli/terminal-text';
import { run } from '../../../cli.main';
import { minimalPack } from '../labs/helpers';

const OSC52 = '\x1b]52;c;cm0gLXJmIH4K\x07';
const HOSTILE = `A${OSC52}B\x1b[2J\x1b[31mC\x1b]0;title\x1b\\D\x07E\rF\x08G\x9b31mH\x9d8;;http://x\x9cI\u202eJ\x1bcK\x7fL\x00M`;

/** No C0 control but \n and \t, no DEL, no C1 control, no bidi override anywhere. */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

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

describe('toTerminal', () => {
  it('text: removes whole ESC and C1 sequences and every other control, keeps \\n, \\t and the words', () => {
    expect(toTerminal(HOSTILE)).toBe('ABCDEFGHIJKLM');
    expect(toTerminal('line 1\r\n\tline 2\n')).toBe('line 1\n\tline 2\n');
    expect(toTerminal('Déjà vu — 東京 ✓')).toBe('Déjà vu — 東京 ✓');
    expect(toTerminal(`${'\x1b]'.repeat(50_000)}x`)).toBe('');
  });

  it('json: JSON.stringify escaped C0 already; C1 and bidi are escaped too, and parse back to the same string', () => {
    const json = JSON.stringify({ name: HOSTILE });
    const safe = toTerminal(json, 'json');
    expect(safe).not.toMatch(UNSAFE);
    expect((JSON.parse(safe) as { name: string }).name).toBe(HOSTILE);
  });
});

describe('hvlab output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hvlab-terminal-'));

  it('hvlab run: a string argument echoed in an error, in text and in JSON', async () => {
    const script = join(dir, 'evil.ps1');
    writeFileSync(script, `Get-VM -Name "${HOSTILE.replace(/\r/g, '')}" -ComputerName HV01\n`);
    const text = await hvlab('run', script);
    expect(text.out).toContain('Get-VM -Name');
    expect(text.out).not.toMatch(UNSAFE);
    expect(text.err).not.toMatch(UNSAFE);
    const json = await hvlab('run', script, '--json');
    expect(json.out).not.toMatch(UNSAFE);
    const report = JSON.parse(json.out) as { statements: { text: string }[] };
    expect(report.statements[0]!.text).toContain(OSC52);
  });

  it('hvlab lab show: a pack whose title and briefing carry controls', async () => {
    const pack = join(dir, 'evil.json');
    writeFileSync(pack, JSON.stringify({ ...minimalPack(), title: `Lab ${OSC52}title`, briefing: `Read me\x1b[8m hidden ${HOSTILE}` }));
    const r = await hvlab('lab', 'show', pack);
    expect(r.err).toBe('');
    expect(r.out).toContain('Lab title');
    expect(r.out).not.toMatch(UNSAFE);
  });

  it('hvlab flows: a link name with an ESC sequence, echoed in the error', async () => {
    const flows = join(dir, 'evil.flows');
    writeFileSync(flows, `link a\x1b]52;c;eA==\x07 0\n`);
    const r = await hvlab('flows', flows);
    expect(r.code).toBe(1);
    expect(r.err).toContain('capacity of link "a" must be > 0');
    expect(r.err).not.toMatch(UNSAFE);
  });
});
