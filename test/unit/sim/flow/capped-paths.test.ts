import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CappedPathList } from '../../../../engine/sim/flow/capped-paths';

function contents(list: CappedPathList): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < list.length; i++) out.push([list.levelAt(i), list.pathAt(i)]);
  return out;
}

describe('CappedPathList', () => {
  it('keeps paths sorted by (cap level, slot) through inserts and removals, like a sorted array', () => {
    const op = fc.record({ add: fc.boolean(), g: fc.nat(40), level: fc.constantFrom(0, 1, 2.5, 7, 100) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const list = new CappedPathList();
        const model = new Map<number, number>(); // path → level
        for (const o of ops) {
          if (o.add && !model.has(o.g)) {
            list.insert(o.g, o.level);
            model.set(o.g, o.level);
          } else if (!o.add && model.has(o.g)) {
            list.remove(o.g, model.get(o.g)!);
            model.delete(o.g);
          }
        }
        const expected = [...model].map(([g, l]): [number, number] => [l, g]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(contents(list)).toEqual(expected);
      }),
    );
  });

  it('removing a path that is not listed changes nothing', () => {
    const list = new CappedPathList();
    list.insert(3, 5);
    list.remove(4, 5);
    list.remove(3, 6);
    expect(contents(list)).toEqual([[5, 3]]);
  });

  it('lowerBound finds the first path whose cap level is at least v', () => {
    const list = new CappedPathList();
    for (const [g, l] of [
      [1, 10],
      [2, 20],
      [3, 20],
      [4, 30],
    ] as const)
      list.insert(g, l);
    expect(list.lowerBound(0)).toBe(0);
    expect(list.lowerBound(20)).toBe(1);
    expect(list.lowerBound(25)).toBe(3);
    expect(list.lowerBound(Infinity)).toBe(4);
  });
});
