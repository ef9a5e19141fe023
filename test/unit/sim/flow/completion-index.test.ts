import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BLOCK, CompletionIndex } from '../../../../engine/sim/flow/completion-index';

describe('CompletionIndex', () => {
  it('starts with nothing due', () => {
    const c = new CompletionIndex();
    c.refresh();
    expect(c.at(0)).toBe(Infinity);
    expect(c.earliest(BLOCK)).toBe(Infinity);
  });

  it('always knows the earliest instant and each block minimum, through any sequence of changes', () => {
    const n = 5 * BLOCK + 7;
    const change = fc.record({ i: fc.nat(n - 1), v: fc.oneof(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.constant(Infinity)) });
    fc.assert(
      fc.property(fc.array(change, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (changes, every) => {
        const c = new CompletionIndex();
        c.reserve(n);
        const model = new Array<number>(n).fill(Infinity);
        changes.forEach(({ i, v }, k) => {
          c.set(i, v);
          model[i] = v;
          if (k % every !== 0) return;
          c.refresh();
          expect(c.earliest(n)).toBe(Math.min(...model));
          for (let b = 0; b < CompletionIndex.blocks(n); b++) expect(c.blockEarliest(b)).toBe(Math.min(...model.slice(b * BLOCK, (b + 1) * BLOCK)));
        });
        c.refresh();
        expect(c.earliest(n)).toBe(Math.min(...model));
        model.forEach((v, i) => expect(c.at(i)).toBe(v));
      }),
      { numRuns: 60 },
    );
  });

  it('earliest(n) looks only at the blocks that hold entries 0..n-1', () => {
    const c = new CompletionIndex();
    c.reserve(3 * BLOCK);
    c.set(2 * BLOCK + 1, 5);
    c.set(3, 9);
    c.refresh();
    expect(c.earliest(BLOCK)).toBe(9);
    expect(c.earliest(3 * BLOCK)).toBe(5);
  });
});
