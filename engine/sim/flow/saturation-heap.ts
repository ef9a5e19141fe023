// The progressive filling's candidates: resources keyed by the level λ at which they would saturate
// (docs/design.md, "The max-min solver"). A binary min-heap in two typed arrays, with lazy keys: a
// resource's key only grows as paths freeze on other resources, so the solver pops the top, and
// when its true key is larger pushes it back down (siftTop) instead of updating keys on every
// freeze. When paths come into play late a key can drop instead; the resource is then pushed again,
// and the older, larger entry is dropped when it surfaces. So one resource may have several entries.
import { growF64, growI32, type F64, type I32 } from './typed-arrays';

export class SaturationHeap {
  private resources: I32 = new Int32Array(8);
  private keys: F64 = new Float64Array(8);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The resource with the smallest key; only when size > 0. */
  topResource(): number {
    return this.resources[0] ?? -1;
  }

  /** The smallest key, Infinity when empty. */
  topKey(): number {
    return this.count > 0 ? (this.keys[0] ?? Infinity) : Infinity;
  }

  /** Room for n entries without growing (a recompute sizes it to the resources). */
  reserve(n: number): void {
    this.resources = growI32(this.resources, n);
    this.keys = growF64(this.keys, n);
  }

  clear(): void {
    this.count = 0;
  }

  /** Adds an entry; a resource that cannot saturate (key Infinity) is not a candidate. */
  push(r: number, key: number): void {
    if (key === Infinity) return;
    if (this.count === this.resources.length) this.reserve(this.count + 1);
    const resources = this.resources;
    const keys = this.keys;
    let i = this.count++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pk = keys[p]!;
      if (pk <= key) break;
      resources[i] = resources[p]!;
      keys[i] = pk;
      i = p;
    }
    resources[i] = r;
    keys[i] = key;
  }

  /** Replaces the top entry by (r, key), where key ≥ the old top key, and sifts it down. */
  replaceTop(r: number, key: number): void {
    const resources = this.resources;
    const keys = this.keys;
    const count = this.count;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= count) break;
      let m = l;
      if (l + 1 < count && keys[l + 1]! < keys[l]!) m = l + 1;
      const mk = keys[m]!;
      if (key <= mk) break;
      resources[i] = resources[m]!;
      keys[i] = mk;
      i = m;
    }
    resources[i] = r;
    keys[i] = key;
  }

  /** Removes the top entry. */
  pop(): void {
    const n = --this.count;
    if (n > 0) this.replaceTop(this.resources[n]!, this.keys[n]!);
  }
}
