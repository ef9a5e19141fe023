// The paths with a finite cap level (maxRate / weight, or 0 while an outage stalls them), sorted by
// (cap level, path slot). The progressive filling walks it alongside its saturation heap: as the
// level λ rises past a path's cap level the path freezes at its cap. Two parallel typed arrays;
// insertion and removal shift the tail (capped paths are few: a throttled live migration, a
// path stalled by an outage).
import { growF64, growI32, type F64, type I32 } from './typed-arrays';

export class CappedPathList {
  private paths: I32 = new Int32Array(8);
  private levels: F64 = new Float64Array(8);
  private count = 0;

  get length(): number {
    return this.count;
  }

  /** The path at position i (0 ≤ i < length). */
  pathAt(i: number): number {
    return this.paths[i] ?? -1;
  }

  /** The cap level of the path at position i (0 ≤ i < length). */
  levelAt(i: number): number {
    return this.levels[i] ?? Infinity;
  }

  /** Adds path g with cap level `level`. */
  insert(g: number, level: number): void {
    const i = this.positionOf(g, level);
    const n = this.count++;
    if (n === this.paths.length) {
      this.paths = growI32(this.paths, n + 1);
      this.levels = growF64(this.levels, n + 1);
    }
    this.paths.copyWithin(i + 1, i, n);
    this.levels.copyWithin(i + 1, i, n);
    this.paths[i] = g;
    this.levels[i] = level;
  }

  /** Removes path g, listed with cap level `level` (nothing if it is not there). */
  remove(g: number, level: number): void {
    const i = this.positionOf(g, level);
    if (i >= this.count || this.paths[i] !== g) return;
    const n = --this.count;
    this.paths.copyWithin(i, i + 1, n + 1);
    this.levels.copyWithin(i, i + 1, n + 1);
  }

  /** The first position whose cap level is ≥ v (length if none). */
  lowerBound(v: number): number {
    const levels = this.levels;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (levels[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where (level, g) is or would be in the order. */
  private positionOf(g: number, level: number): number {
    const { paths, levels } = this;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const m = levels[mid]!;
      if (m < level || (m === level && paths[mid]! < g)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
