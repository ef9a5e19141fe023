import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FlowFileError, formatFinishes, formatFlowFile, generateFlowSet, parseFlowFile, runFlowSet, validateFlowSet } from '../../../engine/sim/flow-file';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/flows/${name}`, import.meta.url)), 'utf8');

describe('parseFlowFile', () => {
  it('reads links and flows, ignoring comments and blank lines', () => {
    const set = parseFlowFile('# header\n\nlink A 100  # trailing comment\nlink B 2.5e3\r\nflow f1 0.5 1000 A,B\n');
    expect(set).toEqual({
      links: [
        { name: 'A', bytesPerS: 100 },
        { name: 'B', bytesPerS: 2500 },
      ],
      flows: [{ id: 'f1', startS: 0.5, bytes: 1000, links: ['A', 'B'] }],
    });
  });

  it('accepts links declared after the flows that use them', () => {
    expect(parseFlowFile('flow x 0 1 L\nlink L 1').flows[0]!.links).toEqual(['L']);
  });

  it.each([
    ['link A 100\nlink B 5\n\n# the flows\n\n\nflow f 0 10 A,x', /^line 7: unknown link "x"$/],
    ['link A 100\nlink A 5', /^line 2: duplicate link "A" \(first defined on line 1\)$/],
    ['link A 100\nflow f 0 1 A\nflow f 1 1 A', /^line 3: duplicate flow "f" \(first defined on line 2\)$/],
    ['link A', /^line 1: expected "link <name> <bytes_per_s>", got 2 fields$/],
    ['link A 1\nflow f 0 1', /^line 2: expected "flow <id> <start_s> <bytes> <link>\[,<link>...\]", got 4 fields$/],
    ['link A ten', /^line 1: capacity of link "A" must be a non-negative number, got "ten"$/],
    ['link A 0', /^line 1: capacity of link "A" must be > 0 bytes\/s, got 0$/],
    ['link A 1\nflow f -1 1 A', /^line 2: start of flow "f" must be a non-negative number, got "-1"$/],
    ['link A 1\nflow f 0 1e999 A', /^line 2: bytes of flow "f" is out of range: "1e999"$/],
    ['link A 1\nflow f 0 1 A,,A', /^line 2: empty link name in "A,,A"$/],
    ['link A 1\nflow f 0 1 A,A', /^line 2: link "A" listed twice for flow "f"$/],
    ['\n\nroute A B', /^line 3: unknown directive "route" \(expected "link" or "flow"\)$/],
  ])('names the line and the problem: %j', (text, message) => {
    let err: unknown;
    try {
      parseFlowFile(text);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FlowFileError);
    expect((err as Error).message).toMatch(message);
    expect((err as FlowFileError).line).toBe(Number(/^line (\d+)/.exec((err as Error).message)![1]));
  });
});

describe('formatFlowFile', () => {
  it('round-trips exactly, including awkward numbers', () => {
    const set = {
      links: [
        { name: 'h0.tx', bytesPerS: 1.25e9 },
        { name: 'h1.rx', bytesPerS: 0.1 + 0.2 },
      ],
      flows: [
        { id: 'f0', startS: 12.345678, bytes: 98765432101, links: ['h0.tx', 'h1.rx'] },
        { id: 'f1', startS: 1e-7, bytes: 0, links: ['h1.rx'] },
      ],
    };
    const text = formatFlowFile(set, 'generated\nfor a test');
    expect(text.startsWith('# generated\n# for a test\n')).toBe(true);
    expect(parseFlowFile(text)).toEqual(set);
  });
});

describe('runFlowSet and formatFinishes', () => {
  it('runs the shared-link fixture to the hand-checked finishes', () => {
    const r = runFlowSet(parseFlowFile(fixture('shared-link.txt')));
    expect(r.finishes.map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(r.finishes[0]!.finishS).toBeCloseTo(10, 9);
    expect(r.finishes[1]!.finishS).toBeCloseTo(20, 9);
    expect(r.finishes[2]!.finishS).toBeCloseTo(4, 9);
    expect(r.events).toBeGreaterThan(0);
    expect(r.recomputes).toBeGreaterThan(0);
    const text = formatFinishes(r);
    expect(text).toMatch(/^flow a 10\.000000\nflow b 20\.000000\nflow c 4\.000000\n# wall \d+\.\d ms\n$/);
  });

  it('runs the three-links fixture (classic max-min plus a late arrival) to the hand-checked finishes', () => {
    const r = runFlowSet(parseFlowFile(fixture('three-links.txt')));
    const at = Object.fromEntries(r.finishes.map((f) => [f.id, f.finishS]));
    expect(at.f1).toBeCloseTo(10, 9);
    expect(at.f2).toBeCloseTo(15, 9);
    expect(at.f3).toBeCloseTo(20, 9);
    expect(at.f4).toBeCloseTo(14, 9);
  });

  it('sorts finishes by id and reports zero-byte flows at their start', () => {
    const r = runFlowSet(parseFlowFile('link L 10\nflow z 0 10 L\nflow a 3 0 L\nflow m 0 10 L'));
    expect(r.finishes.map((f) => f.id)).toEqual(['a', 'm', 'z']);
    expect(r.finishes[0]!.finishS).toBe(3);
    expect(r.finishes[1]!.finishS).toBeCloseTo(2, 9);
  });

  it('rejects an invalid set built in code', () => {
    expect(() => runFlowSet({ links: [{ name: 'L', bytesPerS: 1 }], flows: [{ id: 'f', startS: 0, bytes: 1, links: ['M'] }] })).toThrow(
      /unknown link "M" in flow "f"/,
    );
    expect(() => validateFlowSet({ links: [{ name: 'L', bytesPerS: 0 }], flows: [] })).toThrow(FlowFileError);
  });
});

describe('generateFlowSet', () => {
  it('is deterministic per seed and follows the benchmark recipe', () => {
    const a = generateFlowSet({ hosts: 8, flows: 50, seed: 3 });
    expect(generateFlowSet({ hosts: 8, flows: 50, seed: 3 })).toEqual(a);
    expect(generateFlowSet({ hosts: 8, flows: 50, seed: 4 })).not.toEqual(a);
    expect(a.links).toHaveLength(16);
    const speeds = new Set(a.links.map((l) => l.bytesPerS));
    for (const s of speeds) expect([1e9 / 8, 10e9 / 8, 40e9 / 8]).toContain(s);
    for (let h = 0; h < 8; h++) expect(a.links.find((l) => l.name === `h${h}.tx`)!.bytesPerS).toBe(a.links.find((l) => l.name === `h${h}.rx`)!.bytesPerS);
    for (const f of a.flows) {
      expect(f.startS >= 0 && f.startS < 100).toBe(true);
      expect(f.bytes >= 1e9 && f.bytes < 100e9).toBe(true);
      const [src, dst] = f.links.map((l) => /^h(\d+)\.(tx|rx)$/.exec(l)!);
      expect(src![2]).toBe('tx');
      expect(dst![2]).toBe('rx');
      expect(src![1]).not.toBe(dst![1]);
    }
    expect(parseFlowFile(formatFlowFile(a))).toEqual(a);
  });
});
