// The flow network (docs/design.md, "The simulation kernel" and "The max-min solver"): transfers of
// bytes over resources with capacities, sharing them by WEIGHTED MAX-MIN FAIRNESS, event-driven over
// a Simulator. It knows nothing of Hyper-V; engine/net and engine/operations build the paths.
// docs/flow-files.md has a command-line way to run workloads on it.
//
// MODEL. A resource has a capacity in units per second (bytes/s for a link, cycles/s for a CPU). A
// transfer moves `bytes` over one or more paths; each path is a flow that uses resources, consuming
// `perByte` units of each per byte it delivers. Rates come from progressive filling (Bertsekas and
// Gallager, "Data Networks", 2nd ed., chapter 6, max-min flow control): a level λ rises from 0,
// every unfrozen path runs at weight·λ, a path freezes when it reaches its maxRate or when a
// resource it consumes saturates. A path using a resource of capacity 0 (down) stalls.
//
// This module is the public API and the event plumbing; the solver lives in engine/sim/flow/:
// network-state.ts (the bottleneck structure and working arrays), placement.ts (paths in and out of
// it), settle.ts (the fast path: levels settled in place), fill.ts and freeze.ts (the incremental
// progressive filling), commit.ts (applying a result), and the data structures they use
// (saturation-heap.ts, capped-paths.ts, member-heaps.ts, completion-index.ts, components.ts).
//
// LAZINESS. A change marks the network dirty and schedules one flush event at the current instant;
// every further change at that instant joins the same recompute. A read recomputes at once.
//
// FLOATING POINT. λd is lowered by a relative 1e-9 so rounding can only widen a recompute; usage is
// exactly 0 on a resource without paths; bytes are snapped to the size at completion; transfers
// finishing within 1e-12 (relative) of the same instant complete together.
import type { Simulator } from './simulator';
import { commit } from './flow/commit';
import { BLOCK, CompletionIndex } from './flow/completion-index';
import { fill, FILL_LEFT_OUT, FILL_OVERLOAD, firstSaturation } from './flow/fill';
import { NetworkState, Transfer, X_BYTES, X_DONE, X_IMPL, X_RATE, X_T0, XS, type CheckedPath } from './flow/network-state';
import { LIVE, MAX_USES, NEW, P_BLOCKED, P_CAP_LEVEL, P_TRANSFER, P_WEIGHT, USE_SHIFT } from './flow/path-layout';
import { addPath, foldTransfer, removePath, removeTransfer } from './flow/placement';
import { moveCrossers, settleInPlace } from './flow/settle';
import { NO_DOUBLES, NO_INTS } from './flow/typed-arrays';
import { checkCapacity, checkMaxRate, checkResourceId, pathAt } from './flow/validate';
import { verifyStructure } from './flow/verify';

export interface PathUse {
  resource: string;
  /** Resource units consumed per byte delivered: 1 for a link, < 1 for a compressed stream on the wire, cycles/byte for a CPU. */
  perByte: number;
}

export interface Path {
  uses: PathUse[];
  /** Share weight, > 0 (default 1): a path's rate grows in proportion to it. */
  weight?: number;
  /** Cap on this path's rate in bytes per second (≥ 0; undefined or Infinity: no cap). */
  maxRate?: number;
}

export interface TransferSpec {
  id: string;
  bytes: number;
  paths: Path[];
  /** Called at the simulated instant the last byte is delivered (the transfer is already inactive). */
  onComplete?: (id: string) => void;
}

/** Relative margin by which the divergence level is lowered (rounding can only widen a recompute). */
const DIVERGENCE_MARGIN = 1e-9;
/** Completions this close (relative to the clock, in ms) to the current instant are batched with it. */
const SAME_INSTANT_REL = 1e-12;
const SAME_INSTANT_ABS = 1e-9;
/** Times a recompute may move paths to a group that fell below them and settle again before filling. */
const SETTLE_RETRIES = 4;

export class FlowNetwork {
  /** The structure and working arrays the solver modules share (engine/sim/flow/). */
  private readonly s: NetworkState;

  constructor(sim: Simulator) {
    this.s = new NetworkState(sim);
  }

  /**
   * For benchmarks and tests: recomputes run; paths re-placed over all of them; recomputes that
   * settled in place (after moving paths or not) rather than filling; paths moved to settle.
   */
  get stats(): NetworkState['stats'] {
    return this.s.stats;
  }

  // =============================== resources ===============================

  /** Adds a resource with a capacity in units per second (finite, ≥ 0). */
  addResource(id: string, capacity: number): void {
    checkResourceId('addResource', id);
    if (this.s.resourceIndex.has(id)) throw new Error(`FlowNetwork.addResource: duplicate resource "${id}"`);
    checkCapacity('addResource', id, capacity);
    this.add(id, capacity);
  }

  /** Adds the resource, or sets its capacity if it has one already (one lookup: a world syncs thousands). */
  ensureResource(id: string, capacity: number): void {
    const r = this.s.resourceIndex.get(id);
    if (r !== undefined) {
      if (this.s.cap[r] !== capacity) this.setCapacity(id, capacity);
      return;
    }
    checkResourceId('ensureResource', id);
    checkCapacity('ensureResource', id, capacity);
    this.add(id, capacity);
  }

  private add(id: string, capacity: number): void {
    const r = this.s.resourceCount++;
    this.s.growResources(this.s.resourceCount);
    this.s.resourceIndex.set(id, r);
    this.s.resourceNames.push(id);
    // Most resources of a big world never carry a path: their lists are shared empty ones until
    // the first push (a 1,000-host world has 20,000 resources).
    this.s.usesOf.push(NO_INTS);
    this.s.crossRes.push(NO_INTS);
    this.s.crossCoef.push(NO_DOUBLES);
    this.s.crossUse.push(NO_INTS);
    this.s.memberHeaps.addResource();
    this.s.explicitMembers.push(NO_INTS);
    this.s.cap[r] = capacity;
    this.s.level[r] = Infinity;
    this.s.components.add(r);
  }

  hasResource(id: string): boolean {
    return this.s.resourceIndex.has(id);
  }

  /** The ids of all resources, in the order they were added. */
  resources(): string[] {
    return this.s.resourceNames.slice();
  }

  /** Changes a capacity from now on; 0 means down: paths using it stall until it returns. */
  setCapacity(id: string, capacity: number): void {
    const r = this.res('setCapacity', id);
    checkCapacity('setCapacity', id, capacity);
    const old = this.s.cap[r]!;
    if (old === capacity) return;
    this.s.cap[r] = capacity;
    if ((old === 0) !== (capacity === 0)) {
      // An outage starts or ends: every path using the resource (even at perByte 0) changes cap.
      const uses = new Map<number, number>();
      for (const e of this.s.usesOf[r]!) uses.set(e >> USE_SHIFT, (uses.get(e >> USE_SHIFT) ?? 0) + 1);
      for (const [g, n] of uses) this.setBlocked(g, capacity === 0 ? n : -n);
    }
    this.s.markResDirty(r);
    this.markDirty();
  }

  capacity(id: string): number {
    return this.s.cap[this.res('capacity', id)]!;
  }

  /** Units per second consumed right now. */
  usage(id: string): number {
    const r = this.res('usage', id);
    this.flush();
    return this.s.load[r]!;
  }

  // =============================== transfers ===============================

  /** Starts a transfer at sim.now. A zero-byte transfer completes at now, in an event. */
  startTransfer(spec: TransferSpec): void {
    if (spec === null || typeof spec !== 'object' || typeof spec.id !== 'string' || spec.id === '') {
      throw new Error('FlowNetwork.startTransfer: a transfer id must be a non-empty string');
    }
    const where = `FlowNetwork.startTransfer("${spec.id}")`;
    if (this.s.transfers.has(spec.id)) throw new Error(`${where}: duplicate transfer id (a transfer with this id is active)`);
    if (typeof spec.bytes !== 'number' || !Number.isFinite(spec.bytes) || spec.bytes < 0) {
      throw new Error(`${where}: bytes must be a finite number ≥ 0, got ${String(spec.bytes)}`);
    }
    if (!Array.isArray(spec.paths) || spec.paths.length === 0) throw new Error(`${where}: a transfer needs at least one path`);
    if (spec.onComplete !== undefined && typeof spec.onComplete !== 'function') throw new Error(`${where}: onComplete must be a function`);
    const checked = this.checkPaths(where, spec.paths);
    const slot = this.s.allocSlot();
    const t = new Transfer(spec.id, this.s.transferSeq++, slot, spec.onComplete);
    this.s.transferAt[slot] = t;
    this.s.transfers.set(spec.id, t);
    const xb = slot * XS;
    const x = this.s.transferData;
    x[xb + X_BYTES] = spec.bytes;
    x[xb + X_DONE] = 0;
    x[xb + X_T0] = this.s.sim.now;
    x[xb + X_RATE] = 0;
    x[xb + X_IMPL] = 0;
    for (let q = 0, qs = checked; q < qs.length; q++) {
      const c = qs[q]!;
      t.paths.push(addPath(this.s, t, c));
    }
    this.s.touchedTransfers.push(t);
    this.markDirty();
  }

  /** Removes a transfer now, without calling onComplete; returns the bytes it had delivered. */
  cancelTransfer(id: string): { bytesDone: number } {
    const t = this.xfer('cancelTransfer', id);
    const bytesDone = this.s.bytesNow(t);
    removeTransfer(this.s, t);
    this.markDirty();
    return { bytesDone };
  }

  /** Replaces the paths of a running transfer, keeping the bytes done; [] stalls it. */
  setPaths(id: string, paths: Path[]): void {
    const t = this.xfer('setPaths', id);
    const where = `FlowNetwork.setPaths("${id}")`;
    if (!Array.isArray(paths)) throw new Error(`${where}: paths must be an array`);
    const checked = this.checkPaths(where, paths);
    foldTransfer(this.s, t);
    for (const g of t.paths) removePath(this.s, g);
    t.paths = [];
    for (const c of checked) t.paths.push(addPath(this.s, t, c));
    this.s.touchedTransfers.push(t);
    this.markDirty();
  }

  /** Sets or clears (undefined) the rate cap of one path of a running transfer. */
  setPathMaxRate(id: string, pathIndex: number, maxRate: number | undefined): void {
    const t = this.xfer('setPathMaxRate', id);
    const where = `FlowNetwork.setPathMaxRate("${id}", ${pathIndex})`;
    if (!Number.isInteger(pathIndex) || pathIndex < 0 || pathIndex >= t.paths.length) {
      throw new Error(`${where}: no path ${pathIndex} (the transfer has ${t.paths.length})`);
    }
    checkMaxRate(where, maxRate);
    const g = t.paths[pathIndex]!;
    const weight = this.s.pathData[g * this.s.pathStride + P_WEIGHT]!;
    const maxLevel = maxRate === undefined ? Infinity : maxRate / weight;
    if (maxLevel === this.s.pathData[g * this.s.pathStride + P_CAP_LEVEL]) return;
    const c = this.s.pathDef(g);
    if (maxLevel === Infinity && !c.coef.some((v) => v > 0)) {
      throw new Error(`${where}: without a maxRate this path would be unbounded (no resource with perByte > 0)`);
    }
    c.maxLevel = maxLevel;
    this.replacePath(t, pathIndex, c);
  }

  isActive(id: string): boolean {
    return this.s.transfers.has(id);
  }

  /** Bytes per second now, summed over the transfer's paths. */
  rate(id: string): number {
    const t = this.xfer('rate', id);
    this.flush();
    const xb = t.slot * XS;
    if (this.s.transferData[xb + X_IMPL] === 1) return this.s.pathRate(t.paths[0]!);
    return this.s.transferData[xb + X_RATE]!;
  }

  /** Bytes per second now, per path, in the order of the transfer's paths. */
  pathRates(id: string): number[] {
    const t = this.xfer('pathRates', id);
    this.flush();
    return t.paths.map((g) => this.s.pathRate(g));
  }

  /** Bytes delivered at sim.now (interpolated, exact). */
  bytesDone(id: string): number {
    const t = this.xfer('bytesDone', id);
    this.flush();
    return this.s.bytesNow(t);
  }

  remaining(id: string): number {
    const t = this.xfer('remaining', id);
    this.flush();
    return this.s.transferData[t.slot * XS + X_BYTES]! - this.s.bytesNow(t);
  }

  /** The simulated instant (ms) at which the transfer completes at current rates; Infinity while stalled. */
  completionAt(id: string): number {
    const t = this.xfer('completionAt', id);
    this.flush();
    const xb = t.slot * XS;
    if (this.s.transferData[xb + X_IMPL] === 1) return this.s.memberCompletion(t.paths[0]!);
    return this.s.transferDue.at(t.slot);
  }

  /** Active transfer ids, in the order they were started. */
  activeTransfers(): string[] {
    return [...this.s.transfers.keys()];
  }

  // =============================== validation and small helpers ===============================

  private res(op: string, id: string): number {
    const r = this.s.resourceIndex.get(id);
    if (r === undefined) throw new Error(`FlowNetwork.${op}: unknown resource "${id}"`);
    return r;
  }

  private xfer(op: string, id: string): Transfer {
    const t = this.s.transfers.get(id);
    if (!t) throw new Error(`FlowNetwork.${op}: unknown or finished transfer "${id}"`);
    return t;
  }

  private checkPaths(where: string, paths: Path[]): CheckedPath[] {
    const out: CheckedPath[] = [];
    // Indexed loops, and the message's "where" only for an error: a busy run starts thousands.
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      if (path === null || typeof path !== 'object' || !Array.isArray(path.uses)) throw new Error(`${pathAt(where, i)}: uses must be an array`);
      const weight = path.weight ?? 1;
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0)
        throw new Error(`${pathAt(where, i)}: weight must be a finite number > 0, got ${String(path.weight)}`);
      if (path.maxRate !== undefined) checkMaxRate(pathAt(where, i), path.maxRate);
      const uses = path.uses;
      if (uses.length > MAX_USES) throw new Error(`${pathAt(where, i)}: a path may use at most ${MAX_USES} resources, got ${uses.length}`);
      const maxLevel = path.maxRate === undefined ? Infinity : path.maxRate / weight;
      const res: number[] = [];
      const coef: number[] = [];
      let bounded = maxLevel !== Infinity;
      for (let k = 0; k < uses.length; k++) {
        const use = uses[k]!;
        if (use === null || typeof use !== 'object') throw new Error(`${pathAt(where, i)}: each use must be { resource, perByte }`);
        const r = this.s.resourceIndex.get(use.resource);
        if (r === undefined) throw new Error(`${pathAt(where, i)}: unknown resource "${String(use.resource)}"`);
        if (typeof use.perByte !== 'number' || !Number.isFinite(use.perByte) || use.perByte < 0) {
          throw new Error(`${pathAt(where, i)}: perByte on "${use.resource}" must be a finite number ≥ 0, got ${String(use.perByte)}`);
        }
        if (use.perByte > 0) bounded = true;
        res.push(r);
        coef.push(use.perByte * weight);
      }
      if (!bounded) throw new Error(`${pathAt(where, i)}: the path is unbounded (give it a maxRate or a resource with perByte > 0)`);
      out.push({ res, coef, weight, maxLevel });
    }
    return out;
  }

  private readonly flushEvent = (): void => {
    this.s.flushHandle = -1;
    if (this.s.dirty) this.recompute();
  };

  private markDirty(): void {
    if (this.s.dirty) return;
    this.s.dirty = true;
    this.s.flushHandle = this.s.sim.schedule(this.s.sim.now, this.flushEvent);
  }

  private flush(): void {
    if (this.s.dirty) this.recompute();
  }

  private replacePath(t: Transfer, k: number, c: CheckedPath): void {
    foldTransfer(this.s, t);
    removePath(this.s, t.paths[k]!);
    t.paths[k] = addPath(this.s, t, c);
    this.s.touchedTransfers.push(t);
    this.markDirty();
  }

  /** An outage on one of the path's resources starts (+1) or ends (-1). */
  private setBlocked(g: number, delta: number): void {
    const P = this.s.pathData;
    const b = g * this.s.pathStride;
    const st = this.s.pathState[g];
    if (st === NEW) {
      const had = this.s.capLevel(g) !== Infinity;
      if (had) this.s.capped.remove(g, this.s.capLevel(g));
      P[b + P_BLOCKED] = P[b + P_BLOCKED]! + delta;
      if (this.s.capLevel(g) !== Infinity) this.s.capped.insert(g, this.s.capLevel(g));
      return;
    }
    if (st !== LIVE) return;
    const t = this.s.transferAt[P[b + P_TRANSFER]!]!;
    const k = t.paths.indexOf(g);
    this.replacePath(t, k, this.s.pathDef(g));
    // The replacement was made with the current capacities, so its blocked count is already right.
  }

  private ensureCompletionEvent(): void {
    this.s.transferDue.refresh();
    this.s.groupDue.refresh();
    const t = this.s.transferDue.earliest(this.s.transferSlots);
    const g = this.s.groupDue.earliest(this.s.resourceCount);
    const m = g < t ? g : t;
    if (this.s.completionHandle >= 0) {
      if (m === this.s.completionEventAt) return;
      this.s.sim.cancel(this.s.completionHandle);
      this.s.completionHandle = -1;
    }
    this.s.completionEventAt = m;
    if (m !== Infinity) this.s.completionHandle = this.s.sim.schedule(m, this.completionEvent);
  }

  private readonly completionEvent = (): void => {
    this.s.completionHandle = -1;
    this.s.completionEventAt = Infinity;
    if (this.s.dirty) this.recompute();
    const now = this.s.sim.now;
    const lim = now + Math.max(SAME_INSTANT_ABS, Math.abs(now) * SAME_INSTANT_REL);
    const { groupDue, transferDue } = this.s;
    groupDue.refresh();
    transferDue.refresh();
    const done: { t: Transfer; at: number }[] = [];
    const S = this.s.pathStride;
    for (let rb = 0, nb = CompletionIndex.blocks(this.s.resourceCount); rb < nb; rb++) {
      if (!(groupDue.blockEarliest(rb) <= lim)) continue;
      for (let r = rb * BLOCK, e = Math.min(r + BLOCK, this.s.resourceCount); r < e; r++) {
        if (!(groupDue.at(r) <= lim)) continue;
        const memberHeaps = this.s.memberHeaps;
        for (let g = memberHeaps.top(r); g >= 0; g = memberHeaps.top(r)) {
          const at = this.s.memberCompletion(g);
          if (!(at <= lim)) break;
          this.s.memberHeapRemove(r, g);
          done.push({ t: this.s.transferAt[this.s.pathData[g * S + P_TRANSFER]!]!, at });
        }
        this.s.groupDue.set(r, this.s.groupNextDue(r));
      }
    }
    const x = this.s.transferData;
    for (let xb = 0, nb = CompletionIndex.blocks(this.s.transferSlots); xb < nb; xb++) {
      if (!(transferDue.blockEarliest(xb) <= lim)) continue;
      for (let s = xb * BLOCK, e = s + BLOCK; s < e; s++) {
        const at = transferDue.at(s);
        if (at <= lim) done.push({ t: this.s.transferAt[s]!, at });
      }
    }
    if (done.length === 0) {
      this.ensureCompletionEvent();
      return;
    }
    if (this.s.completionHandle >= 0) {
      this.s.sim.cancel(this.s.completionHandle);
      this.s.completionHandle = -1;
    }
    done.sort((a, b) => a.at - b.at || a.t.seq - b.t.seq);
    for (let q = 0, qs = done; q < qs.length; q++) {
      const { t } = qs[q]!;
      const xb = t.slot * XS;
      x[xb + X_DONE] = x[xb + X_BYTES]!;
      x[xb + X_T0] = now;
      x[xb + X_IMPL] = 0;
      removeTransfer(this.s, t);
    }
    this.markDirty();
    for (let q = 0, qs = done; q < qs.length; q++) {
      const { t } = qs[q]!;
      t.onComplete?.(t.id);
    }
  };

  private recompute(): void {
    this.s.ensureScratch();
    this.s.dirty = false;
    if (this.s.flushHandle >= 0) {
      this.s.sim.cancel(this.s.flushHandle);
      this.s.flushHandle = -1;
    }
    this.s.stats.recomputes++;
    // Groups below the lowest changed level keep theirs when nothing changes bottleneck. When the
    // only obstacle is paths that should move to a group that fell below them, they are moved
    // (moveCrossers) and the settling is tried again, a few times, before the progressive filling.
    let settled = settleInPlace(this.s, this.s.pendingLevel * (1 - DIVERGENCE_MARGIN), false);
    for (let tries = 0; !settled && tries < SETTLE_RETRIES && moveCrossers(this.s); tries++) {
      settled = settleInPlace(this.s, this.s.pendingLevel * (1 - DIVERGENCE_MARGIN), true);
    }
    if (settled) this.s.stats.settled++;
    else {
      // The divergence level λd: the filling is unchanged below it.
      let lam = this.s.pendingLevel;
      for (let q = 0, qs = this.s.changedResources; q < qs.length; q++) {
        const r = qs[q]!;
        const s = firstSaturation(this.s, r, lam);
        if (s < lam) lam = s;
      }
      if (lam !== Infinity) lam *= 1 - DIVERGENCE_MARGIN;
      // First try with only the bottleneck groups (and changed resources) as candidates to
      // saturate: resources that were not saturated rarely become so. If one would have, fill
      // again with all.
      let r = fill(this.s, lam, true, false);
      if (r === FILL_LEFT_OUT) r = fill(this.s, lam, false, false);
      if (r === FILL_OVERLOAD) fill(this.s, lam, false, true);
    }
    commit(this.s, this.s.sim.now);
    this.ensureCompletionEvent();
  }

  /**
   * Checks the bottleneck structure against the paths themselves (for tests; O(paths)): every
   * placed path has a bottleneck, no path runs above a saturated resource it uses, group member
   * counts and coefficients, usage, and the crossing-level bound. Throws naming what is wrong.
   */
  verifyStructure(): void {
    this.flush();
    verifyStructure(this.s);
  }
}
