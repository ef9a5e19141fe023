// Growable typed arrays: the flow network keeps its per-resource and per-path numbers in typed
// arrays (one machine number each, no boxing, walked in order by the solver) and doubles them when
// they fill up, as a dynamic array would.

export type F64 = Float64Array<ArrayBuffer>;
export type I32 = Int32Array<ArrayBuffer>;
export type U8 = Uint8Array<ArrayBuffer>;

/** `a` if it holds n entries already, else a copy at least twice as long, new entries set to `fill`. */
export function growF64(a: F64, n: number, fill = 0): F64 {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

/** `a` if it holds n entries already, else a copy at least twice as long, new entries 0. */
export function growI32(a: I32, n: number): I32 {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/** `a` if it holds n entries already, else a copy at least twice as long, new entries 0. */
export function growU8(a: U8, n: number): U8 {
  if (a.length >= n) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

/**
 * An empty array that holds doubles from the start: coefficients read from a Float64Array would
 * otherwise leave some lists with small-integer elements and others with doubles, and the hot loops
 * over them would see two array shapes (and be deoptimized once they are compiled for one).
 */
export function doubleList(): number[] {
  const a = [0.5];
  a.pop();
  return a;
}

/** Shared empty lists, never pushed to: a resource gets its own on its first element. */
export const NO_INTS: number[] = [];
export const NO_DOUBLES: number[] = doubleList();
