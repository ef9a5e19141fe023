// Per bottleneck resource, its implicit members ordered by virtual finish (docs/design.md, "Bytes
// and completions"): a path alone in its transfer, bottlenecked by resource r, has delivered
// weight·V_r(t) + offset bytes, V_r being r's virtual clock, and is done when V_r reaches its
// virtual finish. A level change moves V_r's speed, not the order, so r's next completion is its
// heap's top, found in O(1) whatever the level. One indexed binary min-heap per resource (an array
// of path slots), the finishes and heap positions kept per path in typed arrays so that a member
// can leave its heap in O(log n) when it changes bottleneck.
import { NO_INTS, growF64, growI32, type F64, type I32 } from './typed-arrays';

export class MemberHeaps {
  /** Per resource: a min-heap of path slots by virtual finish (NO_INTS until its first member). */
  private readonly heaps: number[][] = [];
  /** Per path slot: its virtual finish, and its position in its heap (-1: in none). */
  private finish: F64 = new Float64Array(16);
  private position: I32 = new Int32Array(16).fill(-1);

  /** The next resource gets an (empty) heap. */
  addResource(): void {
    this.heaps.push(NO_INTS);
  }

  /** Room for path slots 0..n-1. */
  reservePaths(n: number): void {
    if (n <= this.position.length) return;
    const old = this.position.length;
    this.finish = growF64(this.finish, n);
    this.position = growI32(this.position, n);
    this.position.fill(-1, old);
  }

  /** Whether path g is in a heap. */
  has(g: number): boolean {
    return this.position[g]! >= 0;
  }

  /** The virtual finish path g was pushed with. */
  finishOf(g: number): number {
    return this.finish[g]!;
  }

  /** The member of resource r that finishes first, -1 if none. */
  top(r: number): number {
    return this.heaps[r]![0] ?? -1;
  }

  /** The smallest virtual finish among resource r's members, Infinity if none. */
  topFinish(r: number): number {
    const h = this.heaps[r]!;
    return h.length ? this.finish[h[0]!]! : Infinity;
  }

  push(r: number, g: number, virtualFinish: number): void {
    let h = this.heaps[r]!;
    if (h === NO_INTS) h = this.heaps[r] = [];
    this.finish[g] = virtualFinish;
    h.push(g);
    this.siftUp(h, h.length - 1);
  }

  /** Takes path g out of resource r's heap (it must be there). */
  remove(r: number, g: number): void {
    const h = this.heaps[r]!;
    const position = this.position;
    const at = position[g]!;
    position[g] = -1;
    const last = h.pop()!;
    if (at < h.length) {
      h[at] = last;
      this.siftUp(h, at);
      this.siftDown(h, position[last]!);
    }
  }

  private siftUp(h: number[], i: number): void {
    const { finish, position } = this;
    const g = h[i]!;
    const key = finish[g]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pg = h[p]!;
      if (finish[pg]! <= key) break;
      h[i] = pg;
      position[pg] = i;
      i = p;
    }
    h[i] = g;
    position[g] = i;
  }

  private siftDown(h: number[], i: number): void {
    const { finish, position } = this;
    const n = h.length;
    const g = h[i]!;
    const key = finish[g]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      let mk = finish[h[l]!]!;
      if (l + 1 < n) {
        const rk = finish[h[l + 1]!]!;
        if (rk < mk) {
          m = l + 1;
          mk = rk;
        }
      }
      if (key <= mk) break;
      const mg = h[m]!;
      h[i] = mg;
      position[mg] = i;
      i = m;
    }
    h[i] = g;
    position[g] = i;
  }
}
