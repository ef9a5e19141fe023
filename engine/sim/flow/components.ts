// The connected components of the resources, where two resources are connected when a path uses
// both: a change can only alter the allocation inside the components it touches, so a full
// refilling is bounded by them. Union-find by relabelling the smaller side (every resource holds
// its component's label, each label its member list), so uniting is linear in the smaller side.
// Removing paths does not split components at once — that would need a search per removal; a
// component is split by a search over its resources when it is small, or when the paths removed
// from it outnumber the live ones (a label that is too coarse only widens a recompute, never
// changes its result).
import { NO_INTS, growI32, type F64, type I32 } from './typed-arrays';
import { P_USE, P_USES, USE_FIELDS, USE_SHIFT } from './path-layout';

/** Components with at most this many resources are split exactly at every path removal. */
export const SMALL_COMPONENT = 64;

export class ResourceComponents {
  /** Each resource's component label (a resource of the component). */
  private label: I32 = new Int32Array(8);
  /** Per label: its resources ([] for a label no longer used, NO_INTS for a resource never connected). */
  private readonly members: number[][] = [];
  /** Per label: live paths in the component, and paths removed since it was last split. */
  private live: I32 = new Int32Array(8);
  private removed: I32 = new Int32Array(8);
  /** Per path slot: the search that last visited it. */
  private visited: I32 = new Int32Array(16);
  private search = 0;

  /** Resource r (the next one) starts as a component of its own. */
  add(r: number): void {
    if (r >= this.label.length) {
      this.label = growI32(this.label, r + 1);
      this.live = growI32(this.live, r + 1);
      this.removed = growI32(this.removed, r + 1);
    }
    this.members.push(NO_INTS); // made a list when it first grows or splits
    this.label[r] = r;
  }

  labelOf(r: number): number {
    return this.label[r] ?? r;
  }

  /** The resources labelled l (a resource that never shared a path is its own component, listed on demand). */
  membersOf(l: number): number[] {
    const rs = this.members[l]!;
    return rs === NO_INTS ? (this.members[l] = [l]) : rs;
  }

  /** A path using a and b: their components become one. */
  unite(a: number, b: number): void {
    const label = this.label;
    let la = label[a]!;
    let lb = label[b]!;
    if (la === lb) return;
    if (this.membersOf(la).length < this.membersOf(lb).length) [la, lb] = [lb, la];
    const into = this.membersOf(la);
    for (let q = 0, qs = this.membersOf(lb); q < qs.length; q++) {
      const r = qs[q]!;
      label[r] = la;
      into.push(r);
    }
    this.members[lb] = [];
    this.live[la] = this.live[la]! + this.live[lb]!;
    this.removed[la] = this.removed[la]! + this.removed[lb]!;
    this.live[lb] = 0;
    this.removed[lb] = 0;
  }

  /** A path whose first resource is r was added (after its resources were united). */
  pathAdded(r: number): void {
    this.live[this.label[r]!]!++;
  }

  /**
   * A path whose first resource is r was removed (and its uses taken out of `uses`): the component
   * is split now if it is small or mostly removed paths. `uses` lists each resource's live uses
   * (g·64 + k) and `paths` holds the path blocks (flow/path-layout.ts) `stride` numbers apart.
   */
  pathRemoved(r: number, uses: readonly number[][], paths: F64, stride: number): void {
    const l = this.label[r]!;
    this.live[l]!--;
    this.removed[l]!++;
    if (this.membersOf(l).length <= SMALL_COMPONENT || this.removed[l]! > this.live[l]! + SMALL_COMPONENT) this.split(l, uses, paths, stride);
  }

  /** Recomputes the exact components of the resources labelled l, by a search over the live paths. */
  split(l: number, uses: readonly number[][], paths: F64, stride: number): void {
    const rs = this.membersOf(l);
    const label = this.label;
    if (this.visited.length < paths.length / stride) this.visited = growI32(this.visited, paths.length / stride);
    const visited = this.visited;
    const ep = ++this.search;
    for (let q = 0; q < rs.length; q++) label[rs[q]!] = -1;
    this.members[l] = [];
    for (let q = 0; q < rs.length; q++) {
      const r0 = rs[q]!;
      if (label[r0] !== -1) continue;
      label[r0] = r0;
      const list = [r0];
      let live = 0;
      for (let i = 0; i < list.length; i++) {
        for (const e of uses[list[i]!]!) {
          const g = e >> USE_SHIFT;
          if (visited[g] === ep) continue;
          visited[g] = ep;
          live++;
          for (let k = 0, n = paths[g * stride + P_USES]!; k < n; k++) {
            const r2 = paths[g * stride + P_USE + USE_FIELDS * k]! | 0;
            if (label[r2] === -1) {
              label[r2] = r0;
              list.push(r2);
            }
          }
        }
      }
      this.members[r0] = list;
      this.live[r0] = live;
      this.removed[r0] = 0;
    }
  }
}
