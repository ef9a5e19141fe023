// Flow files at and past their limits (issue 18): every refusal names its line and the limit, and
// nothing a file can say reaches the user as an internal message ("event time must be finite",
// "did not finish (internal error)") — before the limits, `flow f 1e308 1 a` and two 1e308-byte
// flows on a 1e308 B/s link got exactly those.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FLOW_FILE_LIMITS, FlowFileError, type FlowDef, parseFlowFile, runFlowSet, validateFlowSet } from '../../../engine/sim/flow-file';
import { flowsCommand } from '../../../doors/cli/flows-command';

function refusal(text: string): string {
  try {
    parseFlowFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(FlowFileError);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

describe('limits, each with its line', () => {
  it.each([
    ['link a 1\nflow f 1e308 1 a', /^line 2: start of flow "f" is 1e308 s; the latest start is 1e12 s$/],
    ['link a 1\nflow f 0 1e308 a', /^line 2: flow "f" is 1e308 bytes; the largest flow is 1e18 bytes$/],
    ['link a 1e308\nflow f 0 1 a', /^line 1: capacity of link "a" is 1e308 bytes\/s; it must be between 0\.001 and 1e15 bytes\/s$/],
    ['link a 1e-300\nflow f 0 1 a', /^line 1: capacity of link "a" is 1e-300 bytes\/s; it must be between 0\.001 and 1e15 bytes\/s$/],
    ['link a 5e-324', /^line 1: capacity of link "a" is 5e-324 bytes\/s/],
    ['link a 0.001\n\nflow f 0 1e18 a', /^line 3: with flow "f" the flows could run until 1\.00e\+21 simulated seconds, past the limit of 1e13 s/],
    [
      `${Array.from({ length: 257 }, (_, i) => `link l${i} 1`).join('\n')}\nflow f 0 1 ${Array.from({ length: 257 }, (_, i) => `l${i}`).join(',')}`,
      /^line 258: flow "f" crosses 257 links; the limit is 256$/,
    ],
    [`link ${'x'.repeat(300)} 1`, /^line 1: link name "x{32}…" is 300 characters long; the limit is 256$/],
    ['link a 1\nflow f 0 NaN a', /^line 2: bytes of flow "f" must be a non-negative number, got "NaN"$/],
    ['link a Infinity', /^line 1: capacity of link "a" must be a non-negative number, got "Infinity"$/],
  ])('%#', (text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it('at the limits themselves, a flow runs', () => {
    const r = runFlowSet(parseFlowFile('link a 1e15\nlink b 0.001\nflow f 1e12 1e18 a\nflow g 0 1 b'));
    expect(r.finishes).toEqual([
      { id: 'f', finishS: 1e12 + 1000 },
      { id: 'g', finishS: 1000 },
    ]);
  });

  it('sets built in code get the same checks, counts included', () => {
    expect(() => validateFlowSet({ links: [{ name: 'a', bytesPerS: Infinity }], flows: [] })).toThrow('capacity of link "a" must be > 0 bytes/s, got Infinity');
    expect(() => validateFlowSet({ links: [{ name: 'a', bytesPerS: 1 }], flows: [{ id: 'f', startS: 2e12, bytes: 1, links: ['a'] }] })).toThrow(
      'start of flow "f" is 2e12 s; the latest start is 1e12 s',
    );
    const many = { links: [{ name: 'a', bytesPerS: 1 }], flows: new Array<FlowDef>(FLOW_FILE_LIMITS.flows + 1) };
    expect(() => validateFlowSet(many)).toThrow('more than 1,000,000 flows');
  });

  it('hvlab flows prints the line-numbered message, exit code 1', () => {
    let err = '';
    const code = flowsCommand(
      'w.flows',
      'link a 1e308\nlink b 1e308\nflow f 0 1e308 a\nflow g 0 1e308 a\n',
      () => undefined,
      (s) => {
        err += s;
      },
    );
    expect(code).toBe(1);
    expect(err).toBe('hvlab flows: w.flows: line 1: capacity of link "a" is 1e308 bytes/s; it must be between 0.001 and 1e15 bytes/s\n');
  });
});

describe('fuzz: extreme numbers never reach the user as internal errors', () => {
  const number = fc.oneof(
    fc.constantFrom(
      '0',
      '1',
      '0.5',
      '1e-300',
      '5e-324',
      '1e-3',
      '0.0009',
      '1e308',
      '1e999',
      '1e12',
      '1e13',
      '1e15',
      '1.0000001e15',
      '1e18',
      '1e19',
      '1.7976931348623157e308',
      'NaN',
      'Infinity',
      '-1',
      '+3',
      '.5',
      '1e',
      '',
    ),
    fc.double({ min: 0, max: 1e20, noNaN: true }).map(String),
  );
  const file = fc
    .record({
      links: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), number), { minLength: 1, maxLength: 3 }),
      flows: fc.array(fc.tuple(fc.constantFrom('f', 'g', 'h', 'i'), number, number, fc.subarray(['a', 'b', 'c', 'z'], { minLength: 1 })), { maxLength: 6 }),
    })
    .map(({ links, flows }) =>
      [...links.map(([n, c]) => `link ${n} ${c}`), ...flows.map(([id, s, b, path]) => `flow ${id} ${s} ${b} ${path.join(',')}`)].join('\n'),
    );

  it('either a FlowFileError with a line number, or finite finish times after the starts', () => {
    fc.assert(
      fc.property(file, (text) => {
        let set;
        try {
          set = parseFlowFile(text);
        } catch (e) {
          expect(e).toBeInstanceOf(FlowFileError);
          expect((e as Error).message).toMatch(/^line \d+: /);
          return;
        }
        const r = runFlowSet(set);
        expect(r.finishes).toHaveLength(set.flows.length);
        const start = new Map(set.flows.map((f) => [f.id, f.startS]));
        for (const f of r.finishes) {
          expect(Number.isFinite(f.finishS)).toBe(true);
          expect(f.finishS).toBeGreaterThanOrEqual(start.get(f.id)!);
          expect(f.finishS).toBeLessThanOrEqual(FLOW_FILE_LIMITS.horizonS);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
