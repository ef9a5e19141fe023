// Scripts cost time linear in their length (issue 18: a 40,000-line script took 70 s because every
// line/column lookup rescanned the text from its start), and long prompt runs let other clients in.
// Counted, not timed: LineIndex.charsScanned is every character any line lookup has read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, spanAt } from '../../../engine/cmdlets/source-text';
import { parseScript } from '../../../engine/cmdlets';
import { planStatements, runScript, MAX_SCRIPT_TEXT } from '../../../engine/scripting/run-script';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { EngineHost } from '../../../doors/common/engine-host';
import { PROMPT_SLICE_STATEMENTS } from '../../../engine/scripting/prompt-run';
import { MAX_PROMPT_TEXT, type Response, type RunOutcome } from '../../../engine/contract';

/** Lines as the old lookup counted them: CRLF, LF or a lone CR end a line. */
function naive(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function script(lines: number, line: (i: number) => string): string {
  return Array.from({ length: lines }, (_, i) => line(i)).join('\n');
}

describe('LineIndex', () => {
  it('agrees with a scan from the start for any text and offset (LF, CRLF, lone CR)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\n', '\r', ';'), maxLength: 60 }), fc.nat(70), (text, offset) => {
        const at = Math.min(offset, text.length);
        expect(new LineIndex(text).position(offset)).toEqual(naive(text, at));
        expect(spanAt(text, { offset, length: 3 })).toMatchObject(naive(text, at));
      }),
    );
  });
});

describe('script cost is linear in its length', () => {
  it('parseScript reads each character once for line numbers, however many statements', () => {
    const text = script(40_000, (i) => `Get-VM -Name WEB0${i % 3}`);
    const before = LineIndex.charsScanned;
    const parsed = parseScript(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.statements.at(-1)!.span).toMatchObject({ line: 40_000, column: 1 });
    // One pass over the text. A lookup per statement from the start read Σ offsets ≈ 40,000²/2 lines.
    expect(LineIndex.charsScanned - before).toBeLessThanOrEqual(text.length);
  });

  it('a script with a binding error (planned statement by statement) stays linear too', () => {
    const text = script(20_000, (i) =>
      i % 4 === 0 ? `# note ${i}` : i % 4 === 1 ? '' : i % 4 === 2 ? `Set-VM -Name WEB01 -Notes n${i}` : 'Get-VM -Name WEB01 -Bogus 1',
    );
    const before = LineIndex.charsScanned;
    const planned = planStatements(text);
    expect(planned.ok).toBe(true);
    if (planned.ok) {
      expect(planned.statements).toHaveLength(10_000);
      expect(planned.statements.at(-1)).toMatchObject({ line: 20_000, column: 1, error: { parameter: 'Bogus' } });
    }
    // The whole text once or twice, plus each statement alone once.
    expect(LineIndex.charsScanned - before).toBeLessThanOrEqual(3 * text.length);
  });

  it('a script over the limit is refused with its length and the limit, and nothing runs', () => {
    const engine = new Engine({ world: defaultWorld() });
    const report = runScript(engine, `Stop-VM WEB01 -ComputerName HV01\n${'#'.repeat(MAX_SCRIPT_TEXT)}`);
    expect(report.ok).toBe(false);
    expect(report.statements).toEqual([]);
    expect(report.parseError?.message).toMatch(/^The script is 4,194,337 characters long; the limit is 4,194,304\. Split it/);
  });
});

describe('the prompt', () => {
  it('a long paste runs in slices, giving the event loop a turn between them; the outcome is the same as in one go', async () => {
    const statements = 5 * PROMPT_SLICE_STATEMENTS + 7;
    const text = script(statements, (i) => `Set-VM -Name WEB01 -ComputerName HV01 -Notes n${i}`);
    const host = new EngineHost({ startClock: false });
    let turns = 0;
    let running = true;
    const count = () => {
      turns++;
      if (running) setImmediate(count);
    };
    setImmediate(count);
    const answer = host.respond({ kind: 'run', id: 1, text });
    expect(answer).toBeInstanceOf(Promise);
    const response = await answer;
    running = false;
    expect(turns).toBeGreaterThanOrEqual(5);
    const outcome = (response.result as { ok: true; value: RunOutcome }).value;
    expect(outcome.statements).toHaveLength(statements);
    expect(outcome.statements.every((s) => s.result.ok)).toBe(true);
    const once = new EngineHost({ startClock: false }).handle({ kind: 'run', id: 1, text });
    expect(once).toEqual(response);
    host.dispose();
  });

  it('a short run answers at once, as handle() does', () => {
    const host = new EngineHost({ startClock: false });
    const answer = host.respond({ kind: 'run', id: 3, text: 'Get-VM -ComputerName HV01' }) as Response;
    expect(answer.result.ok).toBe(true);
    host.dispose();
  });

  it('a command over the prompt limit is refused, naming its length, the limit and hvlab run', () => {
    const host = new EngineHost({ startClock: false });
    const answer = host.respond({ kind: 'run', id: 4, text: 'Get-VM '.repeat(MAX_PROMPT_TEXT / 7 + 1) }) as Response;
    expect(answer.result.ok).toBe(false);
    if (!answer.result.ok)
      expect(answer.result.error.message).toContain(
        'a command at the prompt is at most 100,000 characters (this one has 100,002); run a longer script with hvlab run <script.ps1>',
      );
    host.dispose();
  });
});
