import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemberHeaps } from '../../../../engine/sim/flow/member-heaps';

describe('MemberHeaps', () => {
  it('an empty resource has no top and finishes never', () => {
    const h = new MemberHeaps();
    h.addResource();
    expect(h.top(0)).toBe(-1);
    expect(h.topFinish(0)).toBe(Infinity);
  });

  it("keeps each resource's members by virtual finish through pushes and removals from anywhere", () => {
    const op = fc.record({ push: fc.boolean(), r: fc.nat(2), g: fc.nat(60), vf: fc.double({ min: 0, max: 1e6, noNaN: true }) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const h = new MemberHeaps();
        for (let r = 0; r < 3; r++) h.addResource();
        h.reservePaths(61); // grows past its first size
        const where = new Map<number, { r: number; vf: number }>(); // path → its heap
        for (const o of ops) {
          const at = where.get(o.g);
          if (o.push && !at) {
            h.push(o.r, o.g, o.vf);
            where.set(o.g, { r: o.r, vf: o.vf });
          } else if (!o.push && at) {
            h.remove(at.r, o.g);
            where.delete(o.g);
          }
          for (let r = 0; r < 3; r++) {
            const vfs = [...where.values()].filter((x) => x.r === r).map((x) => x.vf);
            expect(h.topFinish(r)).toBe(vfs.length ? Math.min(...vfs) : Infinity);
            if (vfs.length) expect(h.finishOf(h.top(r))).toBe(Math.min(...vfs));
          }
        }
        for (let g = 0; g <= 60; g++) expect(h.has(g)).toBe(where.has(g));
      }),
    );
  });

  it('pops members in virtual-finish order', () => {
    const h = new MemberHeaps();
    h.addResource();
    [5, 1, 4, 2, 3].forEach((vf, g) => h.push(0, g, vf));
    const order: number[] = [];
    for (let g = h.top(0); g >= 0; g = h.top(0)) {
      order.push(h.finishOf(g));
      h.remove(0, g);
    }
    expect(order).toEqual([1, 2, 3, 4, 5]);
  });
});
