// When the next transfer completes: every entry (a transfer slot, or a bottleneck resource for its
// implicit members) has a due instant, and the index keeps the minimum of each block of 64 entries,
// so the next completion is found by scanning blocks, and a completion event visits only the blocks
// due by then. A block's minimum stays exact on every change without a rescan unless its minimal
// entry grew; then the block is listed and rescanned once by refresh().
import { growF64, growU8, type F64, type U8 } from './typed-arrays';

const BLOCK_SHIFT = 6;
/** Entries per block. */
export const BLOCK = 1 << BLOCK_SHIFT;

export class CompletionIndex {
  private due: F64 = new Float64Array(BLOCK).fill(Infinity);
  private blockMin: F64 = new Float64Array(1).fill(Infinity);
  private blockDirty: U8 = new Uint8Array(1);
  private readonly dirtyBlocks: number[] = [];

  /** Room for entries 0..n-1, new ones due never (Infinity). */
  reserve(n: number): void {
    if (n <= this.due.length) return;
    this.due = growF64(this.due, n, Infinity);
    const blocks = (this.due.length + BLOCK - 1) >> BLOCK_SHIFT;
    this.blockMin = growF64(this.blockMin, blocks, Infinity);
    this.blockDirty = growU8(this.blockDirty, blocks);
  }

  /** The due instant of entry i (Infinity: never). */
  at(i: number): number {
    return this.due[i] ?? Infinity;
  }

  set(i: number, v: number): void {
    const old = this.due[i]!;
    if (old === v) return;
    this.due[i] = v;
    const b = i >> BLOCK_SHIFT;
    if (this.blockDirty[b]) return;
    const m = this.blockMin[b]!;
    if (v <= m) this.blockMin[b] = v;
    else if (old <= m) {
      this.blockDirty[b] = 1;
      this.dirtyBlocks.push(b);
    }
  }

  /** Rescans the blocks whose minimal entry grew (call before reading block minima). */
  refresh(): void {
    const due = this.due;
    for (let q = 0, qs = this.dirtyBlocks; q < qs.length; q++) {
      const b = qs[q]!;
      let m = Infinity;
      for (let i = b << BLOCK_SHIFT, e = i + BLOCK; i < e; i++) if (due[i]! < m) m = due[i]!;
      this.blockMin[b] = m;
      this.blockDirty[b] = 0;
    }
    this.dirtyBlocks.length = 0;
  }

  /** Number of blocks covering entries 0..n-1. */
  static blocks(n: number): number {
    return (n + BLOCK - 1) >> BLOCK_SHIFT;
  }

  /** The earliest instant due in block b (after refresh()). */
  blockEarliest(b: number): number {
    return this.blockMin[b] ?? Infinity;
  }

  /** The earliest instant due among entries 0..n-1 (after refresh()). */
  earliest(n: number): number {
    let m = Infinity;
    const blockMin = this.blockMin;
    for (let b = 0, nb = CompletionIndex.blocks(n); b < nb; b++) if (blockMin[b]! < m) m = blockMin[b]!;
    return m;
  }
}
