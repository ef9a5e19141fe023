import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SaturationHeap } from '../../../../engine/sim/flow/saturation-heap';

function drain(h: SaturationHeap): [number, number][] {
  const out: [number, number][] = [];
  while (h.size > 0) {
    out.push([h.topResource(), h.topKey()]);
    h.pop();
  }
  return out;
}

describe('SaturationHeap', () => {
  it('is empty at first: top key Infinity', () => {
    const h = new SaturationHeap();
    expect(h.size).toBe(0);
    expect(h.topKey()).toBe(Infinity);
  });

  it('pops entries in increasing key order, growing past its first size', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 200 }), (keys) => {
        const h = new SaturationHeap();
        keys.forEach((k, r) => h.push(r, k));
        const got = drain(h).map(([, k]) => k);
        expect(got).toEqual([...keys].sort((a, b) => a - b));
      }),
    );
  });

  it('ignores a resource that cannot saturate (key Infinity)', () => {
    const h = new SaturationHeap();
    h.push(1, Infinity);
    h.push(2, 5);
    expect(drain(h)).toEqual([[2, 5]]);
  });

  it('keeps several entries of one resource (a key that dropped is pushed again)', () => {
    const h = new SaturationHeap();
    h.push(7, 10);
    h.push(3, 4);
    h.push(7, 2);
    expect(drain(h)).toEqual([
      [7, 2],
      [3, 4],
      [7, 10],
    ]);
  });

  it('replaceTop moves a stale top entry down to its true key', () => {
    const h = new SaturationHeap();
    for (const [r, k] of [
      [0, 1],
      [1, 3],
      [2, 5],
      [3, 7],
    ] as const)
      h.push(r, k);
    h.replaceTop(0, 6); // resource 0's key grew from 1 to 6
    expect(drain(h)).toEqual([
      [1, 3],
      [2, 5],
      [0, 6],
      [3, 7],
    ]);
  });

  it('clear empties it', () => {
    const h = new SaturationHeap();
    h.push(1, 1);
    h.clear();
    expect(h.size).toBe(0);
    expect(h.topKey()).toBe(Infinity);
  });
});
