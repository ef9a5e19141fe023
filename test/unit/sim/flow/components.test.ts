import { describe, expect, it } from 'vitest';
import { ResourceComponents } from '../../../../engine/sim/flow/components';
import { P_USE, P_USES, USE_FIELDS, USE_SHIFT } from '../../../../engine/sim/flow/path-layout';

const STRIDE = P_USE + USE_FIELDS * 4;

/** Paths (lists of resources) laid out as the path store does, and each resource's list of uses. */
function graph(nRes: number, paths: (number[] | null)[]): { uses: number[][]; store: Float64Array<ArrayBuffer> } {
  const uses: number[][] = Array.from({ length: nRes }, () => []);
  const store = new Float64Array(paths.length * STRIDE);
  paths.forEach((rs, g) => {
    if (!rs) return; // removed
    store[g * STRIDE + P_USES] = rs.length;
    rs.forEach((r, k) => {
      store[g * STRIDE + P_USE + USE_FIELDS * k] = r;
      uses[r]!.push((g << USE_SHIFT) | k);
    });
  });
  return { uses, store };
}

function groups(c: ResourceComponents, n: number): number[][] {
  const by = new Map<number, number[]>();
  for (let r = 0; r < n; r++) by.set(c.labelOf(r), [...(by.get(c.labelOf(r)) ?? []), r]);
  return [...by.values()].sort((a, b) => a[0]! - b[0]!);
}

describe('ResourceComponents', () => {
  it('starts with every resource alone, listed on demand', () => {
    const c = new ResourceComponents();
    for (let r = 0; r < 3; r++) c.add(r);
    expect(groups(c, 3)).toEqual([[0], [1], [2]]);
    expect(c.membersOf(1)).toEqual([1]);
  });

  it('unites the resources a path uses, the smaller component joining the larger', () => {
    const c = new ResourceComponents();
    for (let r = 0; r < 6; r++) c.add(r);
    c.unite(0, 1);
    c.unite(1, 2);
    c.unite(4, 3);
    expect(groups(c, 6)).toEqual([[0, 1, 2], [3, 4], [5]]);
    c.unite(3, 0);
    expect(groups(c, 6)).toEqual([[0, 1, 2, 3, 4], [5]]);
    expect(c.labelOf(3)).toBe(c.labelOf(0));
    expect(c.membersOf(c.labelOf(0)).sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('splits a small component at once when a path is removed, by the live paths alone', () => {
    const c = new ResourceComponents();
    for (let r = 0; r < 5; r++) c.add(r);
    const paths = [
      [0, 1],
      [1, 2],
      [3, 4],
    ];
    paths.forEach((rs) => {
      c.unite(rs[0]!, rs[1]!);
      c.pathAdded(rs[0]!);
    });
    expect(groups(c, 5)).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    // Path 1 (resources 1 and 2) is removed: 2 is on its own again.
    const { uses, store } = graph(5, [[0, 1], null, [3, 4]]);
    c.pathRemoved(1, uses, store, STRIDE);
    expect(groups(c, 5)).toEqual([[0, 1], [2], [3, 4]]);
  });

  it('keeps a large component whole until removed paths outnumber the live ones', () => {
    const c = new ResourceComponents();
    const n = 100;
    for (let r = 0; r < n; r++) c.add(r);
    const paths: (number[] | null)[] = [];
    for (let r = 0; r + 1 < n; r++) {
      paths.push([r, r + 1]);
      c.unite(r, r + 1);
      c.pathAdded(r);
    }
    // Remove the chain's middle path: the label stays coarse (a larger recompute, same result).
    paths[49] = null;
    const g1 = graph(n, paths);
    c.pathRemoved(49, g1.uses, g1.store, STRIDE);
    expect(groups(c, n)).toHaveLength(1);
    // Remove paths until the removed outnumber the live plus the margin: then it splits exactly.
    for (let g = 0; g < 99 && groups(c, n).length === 1; g++) {
      if (!paths[g]) continue;
      paths[g] = null;
      const gi = graph(n, paths);
      c.pathRemoved(g, gi.uses, gi.store, STRIDE);
    }
    const expected = groups(c, n);
    expect(expected.length).toBeGreaterThan(1);
    // Every split component is connected by live paths only.
    for (const comp of expected) {
      if (comp.length === 1) continue;
      for (let i = 0; i + 1 < comp.length; i++) expect(paths[comp[i]!]).toEqual([comp[i], comp[i]! + 1]);
    }
  });
});
