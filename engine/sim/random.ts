// Seeded pseudo-random numbers for the engine (docs/design.md: the engine never calls Math.random; a
// run is reproduced from its seed). mulberry32: a 32-bit state, period 2^32, fast, and good enough
// for workload generation and jitter; not for cryptography.

export interface Random {
  /** The seed this generator was created with (after conversion to an unsigned 32-bit integer). */
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n) for an integer n ≥ 1. */
  int(n: number): number;
  /** A float in [lo, hi). */
  range(lo: number, hi: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** The current internal state, to resume the same sequence later with createRandom(state). */
  state(): number;
}

/** Creates a generator; any finite number is accepted as a seed (it is reduced to 32 bits). */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`random seed must be a finite number, got ${seed}`);
  const start = Math.trunc(seed) >>> 0;
  let s = start;
  const next = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed: start,
    next,
    int(n: number): number {
      if (!Number.isInteger(n) || n < 1) throw new RangeError(`int(n) needs an integer n ≥ 1, got ${n}`);
      return Math.floor(next() * n);
    },
    range(lo: number, hi: number): number {
      if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) throw new RangeError(`range(lo, hi) needs finite lo ≤ hi, got ${lo}, ${hi}`);
      return lo + next() * (hi - lo);
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    state: () => s,
  };
}
