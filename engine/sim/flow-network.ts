// The flow network (DESIGN.md, "The simulation kernel"): transfers of bytes over resources with
// capacities, sharing them by WEIGHTED MAX-MIN FAIRNESS, event-driven over a Simulator. It knows
// nothing of Hyper-V; engine/net and engine/operations build their paths.
//
// Model. A resource has a capacity in units per second (bytes/s for a link, cycles/s for a CPU). A
// transfer moves `bytes` over one or more paths; each path is a flow that uses resources, consuming
// `perByte` units of each per byte it delivers. Rates are given by progressive filling: a fill
// level λ rises from 0; every unfrozen path runs at weight·λ (capped at its maxRate); when a
// resource saturates, the paths that consume it freeze at the current level. A path using a
// resource of capacity 0 ("down") gets rate 0 until the capacity returns.
//
// Time. Rates only change at events (a transfer starts, ends, is cancelled or re-pathed, a
// capacity changes). Between events nothing is computed: bytes done = bytes at the last rate change
// + rate·(t − t0), and each transfer's completion instant is exact, kept in a block-min structure;
// one Simulator event sits at the earliest completion and is moved when it changes.
//
// Laziness. A change marks the network dirty and schedules one "flush" event at the current
// instant; every further change at that instant joins the same recompute, which runs in the flush
// event, or earlier if somebody reads a rate. Reads always see the current allocation.
//
// Incremental recompute. The previous allocation is a record of the previous filling: every path
// froze at its level ℓ, every bottleneck resource saturated at a level L. A change (paths added or
// removed, a capacity changed) leaves the filling identical up to the first level λd where a
// changed resource or path takes part in an event: for a removed path that is its old ℓ; for a
// resource it is min(its old L, the first level at which it saturates with the new paths and the
// new capacity, found with Newton steps from below on its piecewise-linear load curve, each a lower
// bound). So the recompute resumes the filling at λd: paths frozen below λd keep their rates,
// only the paths at or above λd (a suffix of the freeze order, kept sorted by level) that are
// connected to the change through resources are re-filled, from each resource's state at λd
// (its usage minus the re-filled paths' old share). Unconnected components are not touched.
// Resource saturation levels live in a binary heap with lazy keys (a key only grows as paths
// freeze, so a popped stale key is re-pushed with its true value).
//
// Floating point: saturation uses the exact keys; λd is lowered by a relative 1e-9 margin so that
// rounding can only widen a recompute, never skip a path that should change; usage is snapped to
// 0 when a resource has no path; bytes done are snapped to the size at completion.
import type { EventHandle, Simulator } from './simulator';

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


// ---- internal layout ----------------------------------------------------------------------------
// Paths live in slots. A slot's hot data is one block of a Float64Array (locality matters: a
// recompute walks thousands of paths in level order, which is random in slot order):
const P_LEVEL = 0; // fill level at which the path froze (rate = weight · level)
const P_RATE = 1; // bytes per second
const P_W = 2; // weight
const P_M = 3; // maxRate / weight: the level at which the path stops growing (Infinity: none)
const P_SLOT = 4; // its transfer's slot
const P_NUSE = 5; // number of uses
const P_USE = 6; // then per use k: resource, perByte·weight, position in the resource's list
const USE_FIELDS = 3;
/** A use is named g·64 + k in resource lists, so a path has at most 64 uses. */
const USE_SHIFT = 6;
const MAX_USES = 1 << USE_SHIFT;

// Path slot states.
const FREE = 0;
/** In the freeze order with a valid level. */
const LIVE = 1;
/** Added since the last recompute; not yet in the freeze order. */
const NEW = 2;
/** Removed since the last recompute; still in the freeze order until the next recompute drops it. */
const DEAD = 3;
/** Added and removed again before any recompute. */
const DEAD_NEW = 4;

// Transfers live in slots too; hot data in one Float64Array block per slot:
const X_BYTES = 0;
const X_DONE = 1; // bytes done at X_T0
const X_T0 = 2; // ms
const X_RATE = 3; // bytes per second since X_T0
const X_CT = 4; // completion instant (ms), Infinity while stalled or free
const X_PATH = 5; // the path slot when the transfer has exactly one path, else -1
const XS = 6;

const BLOCK_SHIFT = 6; // completion block-min: 64 transfer slots per block
const BLOCK = 1 << BLOCK_SHIFT;
/** Relative margin by which the divergence level is lowered (rounding can only widen a recompute). */
const DIVERGENCE_MARGIN = 1e-9;
/** Completions this close (relative to the clock, in ms) to the current instant are batched with it. */
const SAME_INSTANT_REL = 1e-12;
const SAME_INSTANT_ABS = 1e-9;
/** Newton steps allowed when looking for a changed resource's first saturation level. */
const NEWTON_STEPS = 24;

interface CheckedPath {
  res: number[];
  coef: number[]; // perByte · weight
  weight: number;
  maxLevel: number;
}

/** Cold data of a transfer; the hot numbers are in FlowNetwork.x at slot·XS. */
class Transfer {
  paths: number[] = [];
  active = true;
  constructor(
    readonly id: string,
    readonly seq: number,
    readonly slot: number,
    readonly onComplete: ((id: string) => void) | undefined,
  ) {}
}

type F64 = Float64Array<ArrayBuffer>;
type I32 = Int32Array<ArrayBuffer>;
type U8 = Uint8Array<ArrayBuffer>;

function growF64(a: F64, n: number, fill = 0): F64 {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
function growI32(a: I32, n: number): I32 {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}
function growU8(a: U8, n: number): U8 {
  if (a.length >= n) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

export class FlowNetwork {
  /** Recomputes run, and paths re-filled over all of them (for benchmarks). */
  readonly stats = { recomputes: 0, flowsTouched: 0 };

  private readonly sim: Simulator;

  // ---- resources (dense indices) ----
  private readonly resIndex = new Map<string, number>();
  private readonly resNames: string[] = [];
  /** Uses (g·64 + k) of live paths on each resource. */
  private readonly resAdj: number[][] = [];
  private nRes = 0;
  private resCap: F64 = new Float64Array(8);
  private resUsage: F64 = new Float64Array(8);
  /** Level at which the resource froze paths in the last filling; Infinity if it bottlenecks none. */
  private resSat: F64 = new Float64Array(8);
  private rDirty: U8 = new Uint8Array(8);
  // per-recompute scratch, valid where rStamp / rReach equal the epoch
  private rStamp: I32 = new Int32Array(8);
  private rReach: I32 = new Int32Array(8);
  private rCnt: I32 = new Int32Array(8);
  private rCntPos: I32 = new Int32Array(8);
  private rOldCnt: I32 = new Int32Array(8);
  private rStart: I32 = new Int32Array(8);
  private rFill: I32 = new Int32Array(8);
  private rUnfrozen: I32 = new Int32Array(8);
  private rUnfrozenPos: I32 = new Int32Array(8);
  private rSumC: F64 = new Float64Array(8);
  private rSumOld: F64 = new Float64Array(8);
  private rFrozen: F64 = new Float64Array(8);
  private rSlope: F64 = new Float64Array(8);
  private heapRes: I32 = new Int32Array(8);
  private heapKey: F64 = new Float64Array(8);
  private heapSize = 0;
  private tRes: I32 = new Int32Array(8);
  private qRes: I32 = new Int32Array(8);

  // ---- paths ----
  private nPaths = 0;
  private readonly freePaths: number[] = [];
  private maxUses = 2;
  private stride = P_USE + USE_FIELDS * 2;
  private P: F64 = new Float64Array(16 * (P_USE + USE_FIELDS * 2));
  private pState: U8 = new Uint8Array(16);
  private pReach: I32 = new Int32Array(16);
  private pFrozen: I32 = new Int32Array(16);
  private reached: I32 = new Int32Array(16);
  private freezeList: I32 = new Int32Array(16);
  private nFrozen = 0;
  private readonly capList: number[] = [];
  private csr: I32 = new Int32Array(32);

  // ---- freeze order: path slots sorted by level ----
  private order: I32 = new Int32Array(16);
  private orderLen = 0;
  private orderScratch: I32 = new Int32Array(16);

  // ---- transfers ----
  private readonly xfers = new Map<string, Transfer>();
  private readonly bySlot: (Transfer | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private nSlots = 0;
  private xferSeq = 0;
  private x: F64 = new Float64Array(BLOCK * XS);
  private xStamp: I32 = new Int32Array(BLOCK);
  private xFresh: U8 = new Uint8Array(BLOCK);
  private blockMin: F64 = new Float64Array(1).fill(Infinity);
  private blockDirty: U8 = new Uint8Array(1);
  private readonly dirtyBlocks: number[] = [];

  // ---- pending changes ----
  private epoch = 0;
  private dirty = false;
  private flushHandle: EventHandle = -1;
  private pendingLambda = Infinity;
  private readonly dirtyRes: number[] = [];
  private readonly added: number[] = [];
  private readonly touchedXfers: Transfer[] = [];
  private compHandle: EventHandle = -1;
  private compAt = Infinity;

  constructor(sim: Simulator) {
    this.sim = sim;
    for (let s = 0; s < BLOCK; s++) this.x[s * XS + X_CT] = Infinity;
  }

  // =============================== resources ===============================

  /** Adds a resource with a capacity in units per second (finite, ≥ 0). */
  addResource(id: string, capacity: number): void {
    if (typeof id !== 'string' || id === '') throw new Error('FlowNetwork.addResource: a resource id must be a non-empty string');
    if (this.resIndex.has(id)) throw new Error(`FlowNetwork.addResource: duplicate resource "${id}"`);
    checkCapacity(`FlowNetwork.addResource("${id}")`, capacity);
    const r = this.nRes++;
    this.growResources(this.nRes);
    this.resIndex.set(id, r);
    this.resNames.push(id);
    this.resAdj.push([]);
    this.resCap[r] = capacity;
    this.resUsage[r] = 0;
    this.resSat[r] = Infinity;
  }

  hasResource(id: string): boolean {
    return this.resIndex.has(id);
  }

  /** The ids of all resources, in the order they were added. */
  resources(): string[] {
    return this.resNames.slice();
  }

  /** Changes a capacity from now on; 0 means down: paths using it stall until it returns. */
  setCapacity(id: string, capacity: number): void {
    const r = this.res('setCapacity', id);
    checkCapacity(`FlowNetwork.setCapacity("${id}")`, capacity);
    if (this.resCap[r] === capacity) return;
    this.resCap[r] = capacity;
    this.markResDirty(r);
    this.markDirty();
  }

  capacity(id: string): number {
    return this.resCap[this.res('capacity', id)]!;
  }

  /** Units per second consumed right now. */
  usage(id: string): number {
    const r = this.res('usage', id);
    this.flush();
    return this.resUsage[r]!;
  }

  // =============================== transfers ===============================

  /** Starts a transfer at sim.now. A zero-byte transfer completes at now, in an event. */
  startTransfer(spec: TransferSpec): void {
    if (spec === null || typeof spec !== 'object' || typeof spec.id !== 'string' || spec.id === '') {
      throw new Error('FlowNetwork.startTransfer: a transfer id must be a non-empty string');
    }
    const where = `FlowNetwork.startTransfer("${spec.id}")`;
    if (this.xfers.has(spec.id)) throw new Error(`${where}: duplicate transfer id (a transfer with this id is active)`);
    if (typeof spec.bytes !== 'number' || !Number.isFinite(spec.bytes) || spec.bytes < 0) {
      throw new Error(`${where}: bytes must be a finite number ≥ 0, got ${String(spec.bytes)}`);
    }
    if (!Array.isArray(spec.paths) || spec.paths.length === 0) throw new Error(`${where}: a transfer needs at least one path`);
    if (spec.onComplete !== undefined && typeof spec.onComplete !== 'function') throw new Error(`${where}: onComplete must be a function`);
    const checked = this.checkPaths(where, spec.paths);
    const slot = this.allocSlot();
    const t = new Transfer(spec.id, this.xferSeq++, slot, spec.onComplete);
    this.bySlot[slot] = t;
    this.xfers.set(spec.id, t);
    const xb = slot * XS;
    this.x[xb + X_BYTES] = spec.bytes;
    this.x[xb + X_DONE] = 0;
    this.x[xb + X_T0] = this.sim.now;
    this.x[xb + X_RATE] = 0;
    this.xFresh[slot] = 1;
    for (const c of checked) t.paths.push(this.addPath(t, c));
    this.pathsChanged(t);
  }

  /** Removes a transfer now, without calling onComplete; returns the bytes it had delivered. */
  cancelTransfer(id: string): { bytesDone: number } {
    const t = this.xfer('cancelTransfer', id);
    const bytesDone = this.doneNow(t.slot);
    this.removeTransfer(t);
    this.markDirty();
    return { bytesDone };
  }

  /** Replaces the paths of a running transfer, keeping the bytes done; [] stalls it. */
  setPaths(id: string, paths: Path[]): void {
    const t = this.xfer('setPaths', id);
    const where = `FlowNetwork.setPaths("${id}")`;
    if (!Array.isArray(paths)) throw new Error(`${where}: paths must be an array`);
    const checked = this.checkPaths(where, paths);
    for (const g of t.paths) this.removePath(g);
    t.paths = [];
    for (const c of checked) t.paths.push(this.addPath(t, c));
    this.pathsChanged(t);
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
    const P = this.P;
    const b = g * this.stride;
    const weight = P[b + P_W]!;
    const maxLevel = maxRate === undefined ? Infinity : maxRate / weight;
    if (maxLevel === P[b + P_M]) return;
    const res: number[] = [];
    const coef: number[] = [];
    let bounded = maxLevel !== Infinity;
    for (let k = 0, n = P[b + P_NUSE]!; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      res.push(P[ub]!);
      coef.push(P[ub + 1]!);
      if (P[ub + 1]! > 0) bounded = true;
    }
    if (!bounded) throw new Error(`${where}: without a maxRate this path would be unbounded (no resource with perByte > 0)`);
    this.removePath(g);
    t.paths[pathIndex] = this.addPath(t, { res, coef, weight, maxLevel });
    this.pathsChanged(t);
  }

  isActive(id: string): boolean {
    return this.xfers.has(id);
  }

  /** Bytes per second now, summed over the transfer's paths. */
  rate(id: string): number {
    const t = this.xfer('rate', id);
    this.flush();
    return this.x[t.slot * XS + X_RATE]!;
  }

  /** Bytes per second now, per path, in the order of the transfer's paths. */
  pathRates(id: string): number[] {
    const t = this.xfer('pathRates', id);
    this.flush();
    return t.paths.map((g) => this.P[g * this.stride + P_RATE]!);
  }

  /** Bytes delivered at sim.now (interpolated, exact). */
  bytesDone(id: string): number {
    const t = this.xfer('bytesDone', id);
    this.flush();
    return this.doneNow(t.slot);
  }

  remaining(id: string): number {
    const t = this.xfer('remaining', id);
    this.flush();
    return this.x[t.slot * XS + X_BYTES]! - this.doneNow(t.slot);
  }

  /** The simulated instant (ms) at which the transfer completes at current rates; Infinity while stalled. */
  completionAt(id: string): number {
    const t = this.xfer('completionAt', id);
    this.flush();
    return this.x[t.slot * XS + X_CT]!;
  }

  /** Active transfer ids, in the order they were started. */
  activeTransfers(): string[] {
    return [...this.xfers.keys()];
  }

  // =============================== internals ===============================

  private res(op: string, id: string): number {
    const r = this.resIndex.get(id);
    if (r === undefined) throw new Error(`FlowNetwork.${op}: unknown resource "${id}"`);
    return r;
  }

  private xfer(op: string, id: string): Transfer {
    const t = this.xfers.get(id);
    if (!t) throw new Error(`FlowNetwork.${op}: unknown or finished transfer "${id}"`);
    return t;
  }

  private checkPaths(where: string, paths: Path[]): CheckedPath[] {
    const out: CheckedPath[] = [];
    paths.forEach((path, i) => {
      const at = `${where}: path ${i}`;
      if (path === null || typeof path !== 'object' || !Array.isArray(path.uses)) throw new Error(`${at}: uses must be an array`);
      const weight = path.weight ?? 1;
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) throw new Error(`${at}: weight must be a finite number > 0, got ${String(path.weight)}`);
      checkMaxRate(at, path.maxRate);
      if (path.uses.length > MAX_USES) throw new Error(`${at}: a path may use at most ${MAX_USES} resources, got ${path.uses.length}`);
      const maxLevel = path.maxRate === undefined ? Infinity : path.maxRate / weight;
      const res: number[] = [];
      const coef: number[] = [];
      let bounded = maxLevel !== Infinity;
      for (const use of path.uses) {
        if (use === null || typeof use !== 'object') throw new Error(`${at}: each use must be { resource, perByte }`);
        const r = this.resIndex.get(use.resource);
        if (r === undefined) throw new Error(`${at}: unknown resource "${String(use.resource)}"`);
        if (typeof use.perByte !== 'number' || !Number.isFinite(use.perByte) || use.perByte < 0) {
          throw new Error(`${at}: perByte on "${use.resource}" must be a finite number ≥ 0, got ${String(use.perByte)}`);
        }
        if (use.perByte > 0) bounded = true;
        res.push(r);
        coef.push(use.perByte * weight);
      }
      if (!bounded) throw new Error(`${at}: the path is unbounded (give it a maxRate or a resource with perByte > 0)`);
      out.push({ res, coef, weight, maxLevel });
    });
    return out;
  }

  private doneNow(slot: number): number {
    const x = this.x;
    const b = slot * XS;
    const d = x[b + X_DONE]! + (x[b + X_RATE]! * (this.sim.now - x[b + X_T0]!)) / 1000;
    const bytes = x[b + X_BYTES]!;
    return d < bytes ? d : bytes;
  }

  private pathsChanged(t: Transfer): void {
    this.x[t.slot * XS + X_PATH] = t.paths.length === 1 ? t.paths[0]! : -1;
    this.touchedXfers.push(t);
    this.markDirty();
  }

  private readonly flushEvent = (): void => {
    this.flushHandle = -1;
    if (this.dirty) this.recompute();
  };

  private markDirty(): void {
    if (this.dirty) return;
    this.dirty = true;
    this.flushHandle = this.sim.schedule(this.sim.now, this.flushEvent);
  }

  private flush(): void {
    if (this.dirty) this.recompute();
  }

  private markResDirty(r: number): void {
    if (this.rDirty[r]) return;
    this.rDirty[r] = 1;
    this.dirtyRes.push(r);
    const s = this.resSat[r]!;
    if (s < this.pendingLambda) this.pendingLambda = s;
  }

  private growResources(n: number): void {
    if (n <= this.resCap.length) return;
    this.resCap = growF64(this.resCap, n);
    this.resUsage = growF64(this.resUsage, n);
    this.resSat = growF64(this.resSat, n);
    this.rDirty = growU8(this.rDirty, n);
    this.rStamp = growI32(this.rStamp, n);
    this.rReach = growI32(this.rReach, n);
    this.rCnt = growI32(this.rCnt, n);
    this.rCntPos = growI32(this.rCntPos, n);
    this.rOldCnt = growI32(this.rOldCnt, n);
    this.rStart = growI32(this.rStart, n);
    this.rFill = growI32(this.rFill, n);
    this.rUnfrozen = growI32(this.rUnfrozen, n);
    this.rUnfrozenPos = growI32(this.rUnfrozenPos, n);
    this.rSumC = growF64(this.rSumC, n);
    this.rSumOld = growF64(this.rSumOld, n);
    this.rFrozen = growF64(this.rFrozen, n);
    this.rSlope = growF64(this.rSlope, n);
    this.heapRes = growI32(this.heapRes, n);
    this.heapKey = growF64(this.heapKey, n);
    this.tRes = growI32(this.tRes, n);
    this.qRes = growI32(this.qRes, n);
  }

  /** Widens the path blocks so that a path can hold `uses` uses. */
  private ensureStride(uses: number): void {
    if (uses <= this.maxUses) return;
    const old = this.P;
    const os = this.stride;
    const ns = P_USE + USE_FIELDS * uses;
    const cap = this.pState.length;
    const P = new Float64Array(cap * ns);
    for (let g = 0; g < this.nPaths; g++) P.set(old.subarray(g * os, g * os + os), g * ns);
    this.P = P;
    this.stride = ns;
    this.maxUses = uses;
  }

  private allocPath(): number {
    const g = this.freePaths.pop();
    if (g !== undefined) return g;
    const n = ++this.nPaths;
    if (n > this.pState.length) {
      const cap = Math.max(n, this.pState.length * 2);
      const P = new Float64Array(cap * this.stride);
      P.set(this.P);
      this.P = P;
      this.pState = growU8(this.pState, cap);
      this.pReach = growI32(this.pReach, cap);
      this.pFrozen = growI32(this.pFrozen, cap);
      this.reached = growI32(this.reached, cap);
      this.freezeList = growI32(this.freezeList, cap);
      this.order = growI32(this.order, cap);
      this.orderScratch = growI32(this.orderScratch, cap);
    }
    return n - 1;
  }

  private addPath(t: Transfer, c: CheckedPath): number {
    const n = c.res.length;
    this.ensureStride(n);
    const g = this.allocPath();
    const P = this.P;
    const b = g * this.stride;
    this.pState[g] = NEW;
    P[b + P_LEVEL] = 0;
    P[b + P_RATE] = 0;
    P[b + P_W] = c.weight;
    P[b + P_M] = c.maxLevel;
    P[b + P_SLOT] = t.slot;
    P[b + P_NUSE] = n;
    for (let k = 0; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      const r = c.res[k]!;
      const adj = this.resAdj[r]!;
      P[ub] = r;
      P[ub + 1] = c.coef[k]!;
      P[ub + 2] = adj.length;
      adj.push((g << USE_SHIFT) | k);
      this.markResDirty(r);
    }
    this.added.push(g);
    return g;
  }

  private removePath(g: number): void {
    const P = this.P;
    const S = this.stride;
    const b = g * S;
    const live = this.pState[g] === LIVE;
    const lv = P[b + P_LEVEL]!;
    if (live && lv < this.pendingLambda) this.pendingLambda = lv;
    for (let k = 0, n = P[b + P_NUSE]!; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      const r = P[ub]!;
      const adj = this.resAdj[r]!;
      const pos = P[ub + 2]!;
      const last = adj.pop()!;
      if (last !== ((g << USE_SHIFT) | k)) {
        adj[pos] = last;
        P[(last >> USE_SHIFT) * S + P_USE + USE_FIELDS * (last & (MAX_USES - 1)) + 2] = pos;
      }
      if (adj.length === 0) this.resUsage[r] = 0;
      else if (live) {
        const v = this.resUsage[r]! - P[ub + 1]! * lv;
        this.resUsage[r] = v > 0 ? v : 0;
      }
      this.markResDirty(r);
    }
    this.pState[g] = live ? DEAD : DEAD_NEW;
    P[b + P_RATE] = 0;
  }

  private freePath(g: number): void {
    this.pState[g] = FREE;
    this.freePaths.push(g);
  }

  private removeTransfer(t: Transfer): void {
    for (const g of t.paths) this.removePath(g);
    t.paths = [];
    t.active = false;
    this.xfers.delete(t.id);
    this.bySlot[t.slot] = undefined;
    this.freeSlots.push(t.slot);
    this.setCt(t.slot, Infinity);
  }

  private allocSlot(): number {
    const s = this.freeSlots.pop();
    if (s !== undefined) return s;
    const n = ++this.nSlots;
    if (n > this.xStamp.length) {
      const cap = this.xStamp.length * 2; // stays a multiple of BLOCK
      const x = new Float64Array(cap * XS);
      x.set(this.x);
      for (let i = this.xStamp.length; i < cap; i++) x[i * XS + X_CT] = Infinity;
      this.x = x;
      this.xStamp = growI32(this.xStamp, cap);
      this.xFresh = growU8(this.xFresh, cap);
      this.blockMin = growF64(this.blockMin, cap >> BLOCK_SHIFT, Infinity);
      this.blockDirty = growU8(this.blockDirty, cap >> BLOCK_SHIFT);
    }
    this.bySlot.push(undefined);
    return n - 1;
  }

  private setCt(slot: number, v: number): void {
    this.x[slot * XS + X_CT] = v;
    const b = slot >> BLOCK_SHIFT;
    if (!this.blockDirty[b]) {
      this.blockDirty[b] = 1;
      this.dirtyBlocks.push(b);
    }
  }

  private refreshBlocks(): void {
    const x = this.x;
    for (const b of this.dirtyBlocks) {
      let m = Infinity;
      for (let i = (b << BLOCK_SHIFT) * XS + X_CT, e = i + BLOCK * XS; i < e; i += XS) if (x[i]! < m) m = x[i]!;
      this.blockMin[b] = m;
      this.blockDirty[b] = 0;
    }
    this.dirtyBlocks.length = 0;
  }

  private ensureCompletionEvent(): void {
    this.refreshBlocks();
    let m = Infinity;
    const bm = this.blockMin;
    for (let b = 0, nb = (this.nSlots + BLOCK - 1) >> BLOCK_SHIFT; b < nb; b++) if (bm[b]! < m) m = bm[b]!;
    if (this.compHandle >= 0) {
      if (m === this.compAt) return;
      this.sim.cancel(this.compHandle);
      this.compHandle = -1;
    }
    this.compAt = m;
    if (m !== Infinity) this.compHandle = this.sim.schedule(m, this.completionEvent);
  }

  private readonly completionEvent = (): void => {
    this.compHandle = -1;
    this.compAt = Infinity;
    if (this.dirty) this.recompute();
    const now = this.sim.now;
    const lim = now + Math.max(SAME_INSTANT_ABS, Math.abs(now) * SAME_INSTANT_REL);
    this.refreshBlocks();
    const done: Transfer[] = [];
    const x = this.x;
    for (let b = 0, nb = (this.nSlots + BLOCK - 1) >> BLOCK_SHIFT; b < nb; b++) {
      if (!(this.blockMin[b]! <= lim)) continue;
      for (let s = b << BLOCK_SHIFT, e = s + BLOCK; s < e; s++) if (x[s * XS + X_CT]! <= lim) done.push(this.bySlot[s]!);
    }
    if (done.length === 0) {
      this.ensureCompletionEvent();
      return;
    }
    if (this.compHandle >= 0) {
      this.sim.cancel(this.compHandle);
      this.compHandle = -1;
    }
    done.sort((a, b) => x[a.slot * XS + X_CT]! - x[b.slot * XS + X_CT]! || a.seq - b.seq);
    for (const t of done) {
      const xb = t.slot * XS;
      x[xb + X_DONE] = x[xb + X_BYTES]!;
      x[xb + X_T0] = now;
      this.removeTransfer(t);
    }
    this.markDirty();
    for (const t of done) t.onComplete?.(t.id);
  };

  /** First saturation level of resource r with its current paths (new ones at their caps): a lower bound. */
  private firstSaturation(r: number, cutoff: number): number {
    const adj = this.resAdj[r]!;
    const na = adj.length;
    if (na === 0) return Infinity;
    const cap = this.resCap[r]!;
    if (cap === 0) return 0;
    const { P, pState, stride } = this;
    let lam = 0;
    for (let it = 0; it < NEWTON_STEPS; it++) {
      let v = 0;
      let s = 0;
      for (let k = 0; k < na; k++) {
        const e = adj[k]!;
        const g = e >> USE_SHIFT;
        const b = g * stride;
        const c = P[b + P_USE + USE_FIELDS * (e & (MAX_USES - 1)) + 1]!;
        if (c === 0) continue;
        const bound = pState[g] === NEW ? P[b + P_M]! : P[b + P_LEVEL]!;
        if (bound > lam) {
          v += c * lam;
          s += c;
        } else v += c * bound;
      }
      if (v >= cap) return lam;
      if (s === 0) return Infinity;
      const next = lam + (cap - v) / s;
      if (!(next > lam)) return lam;
      lam = next;
      if (lam >= cutoff) return lam;
    }
    return lam;
  }

  /** First index in order[0, hi) whose path level is ≥ v. */
  private lowerBound(v: number, hi: number): number {
    const { order, P, stride } = this;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (P[order[mid]! * stride + P_LEVEL]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private keyOf(r: number): number {
    const cap = this.resCap[r]!;
    if (cap === 0) return this.rUnfrozen[r]! > 0 ? 0 : Infinity;
    if (this.rUnfrozenPos[r] === 0) return Infinity;
    const s = this.rSlope[r]!;
    if (!(s > 0)) return Infinity;
    return (cap - this.rFrozen[r]!) / s;
  }

  private freeze(g: number, level: number, ep: number): void {
    const { P, rFrozen, rSlope, rUnfrozen, rUnfrozenPos } = this;
    const b = g * this.stride;
    this.pFrozen[g] = ep;
    P[b + P_LEVEL] = level;
    P[b + P_RATE] = P[b + P_W]! * level;
    this.freezeList[this.nFrozen++] = g;
    for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_NUSE]!; ub < ue; ub += USE_FIELDS) {
      const r = P[ub]!;
      const c = P[ub + 1]!;
      rFrozen[r] = rFrozen[r]! + c * level;
      rUnfrozen[r] = rUnfrozen[r]! - 1;
      if (c > 0) {
        const left = rUnfrozenPos[r]! - 1;
        rUnfrozenPos[r] = left;
        rSlope[r] = left === 0 ? 0 : rSlope[r]! - c;
      }
    }
  }

  private heapPush(r: number, key: number): void {
    const hr = this.heapRes;
    const hk = this.heapKey;
    let i = this.heapSize++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hk[p]! <= key) break;
      hr[i] = hr[p]!;
      hk[i] = hk[p]!;
      i = p;
    }
    hr[i] = r;
    hk[i] = key;
  }

  /** Puts (r, key) at the top, where key ≥ the old top key, and sifts it down. */
  private heapSiftTop(r: number, key: number): void {
    const hr = this.heapRes;
    const hk = this.heapKey;
    const n = this.heapSize;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let m = l;
      if (l + 1 < n && hk[l + 1]! < hk[l]!) m = l + 1;
      if (key <= hk[m]!) break;
      hr[i] = hr[m]!;
      hk[i] = hk[m]!;
      i = m;
    }
    hr[i] = r;
    hk[i] = key;
  }

  private heapPop(): void {
    const n = --this.heapSize;
    if (n > 0) this.heapSiftTop(this.heapRes[n]!, this.heapKey[n]!);
  }

  private recompute(): void {
    this.dirty = false;
    if (this.flushHandle >= 0) {
      this.sim.cancel(this.flushHandle);
      this.flushHandle = -1;
    }
    const ep = ++this.epoch;
    this.stats.recomputes++;
    const now = this.sim.now;
    const { order, pState, pReach, pFrozen, P, stride: S } = this;
    const { rStamp, rReach, rCnt, rCntPos, rOldCnt, rStart, rFill, rSumC, rSumOld, tRes, qRes } = this;
    const dirtyRes = this.dirtyRes;
    const added = this.added;
    const n = this.orderLen;

    // 1. The divergence level λd: the filling is unchanged below it.
    let lam = this.pendingLambda;
    for (const r of dirtyRes) {
      const s = this.firstSaturation(r, lam);
      if (s < lam) lam = s;
    }
    if (lam !== Infinity) lam *= 1 - DIVERGENCE_MARGIN;
    const p = this.lowerBound(lam, n);

    // 2. Per-resource sums over the suffix (old paths at/above λd) and the added paths, and a CSR
    //    (resource → those paths' uses).
    let nT = 0;
    for (const r of dirtyRes) {
      if (rStamp[r] === ep) continue;
      rStamp[r] = ep;
      rCnt[r] = 0; rCntPos[r] = 0; rOldCnt[r] = 0; rSumC[r] = 0; rSumOld[r] = 0;
      tRes[nT++] = r;
    }
    let nUses = 0;
    for (let i = p; i < n; i++) {
      const g = order[i]!;
      if (pState[g] !== LIVE) continue;
      const b = g * S;
      const lv = P[b + P_LEVEL]!;
      const ue = b + P_USE + USE_FIELDS * P[b + P_NUSE]!;
      for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) {
        const r = P[ub]!;
        if (rStamp[r] !== ep) {
          rStamp[r] = ep;
          rCnt[r] = 0; rCntPos[r] = 0; rOldCnt[r] = 0; rSumC[r] = 0; rSumOld[r] = 0;
          tRes[nT++] = r;
        }
        const c = P[ub + 1]!;
        rCnt[r] = rCnt[r]! + 1;
        rOldCnt[r] = rOldCnt[r]! + 1;
        if (c > 0) {
          rCntPos[r] = rCntPos[r]! + 1;
          rSumC[r] = rSumC[r]! + c;
          rSumOld[r] = rSumOld[r]! + c * lv;
        }
        nUses++;
      }
    }
    for (const g of added) {
      if (pState[g] !== NEW) continue;
      const b = g * S;
      const ue = b + P_USE + USE_FIELDS * P[b + P_NUSE]!;
      for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) {
        const r = P[ub]!;
        if (rStamp[r] !== ep) {
          rStamp[r] = ep;
          rCnt[r] = 0; rCntPos[r] = 0; rOldCnt[r] = 0; rSumC[r] = 0; rSumOld[r] = 0;
          tRes[nT++] = r;
        }
        const c = P[ub + 1]!;
        rCnt[r] = rCnt[r]! + 1;
        if (c > 0) {
          rCntPos[r] = rCntPos[r]! + 1;
          rSumC[r] = rSumC[r]! + c;
        }
        nUses++;
      }
    }
    let off = 0;
    for (let k = 0; k < nT; k++) {
      const r = tRes[k]!;
      rStart[r] = off;
      rFill[r] = off;
      off += rCnt[r]!;
    }
    if (this.csr.length < nUses) this.csr = new Int32Array(Math.max(nUses, this.csr.length * 2));
    const csr = this.csr;
    for (let i = p; i < n; i++) {
      const g = order[i]!;
      if (pState[g] !== LIVE) continue;
      const b = g * S;
      for (let k = 0, nu = P[b + P_NUSE]!; k < nu; k++) csr[rFill[P[b + P_USE + USE_FIELDS * k]!]!++] = (g << USE_SHIFT) | k;
    }
    for (const g of added) {
      if (pState[g] !== NEW) continue;
      const b = g * S;
      for (let k = 0, nu = P[b + P_NUSE]!; k < nu; k++) csr[rFill[P[b + P_USE + USE_FIELDS * k]!]!++] = (g << USE_SHIFT) | k;
    }

    // 3. What the change reaches: resources and paths connected to it through the suffix.
    const reached = this.reached;
    let nq = 0;
    let nrp = 0;
    for (const r of dirtyRes) {
      if (rReach[r] !== ep) {
        rReach[r] = ep;
        qRes[nq++] = r;
      }
    }
    for (let qh = 0; qh < nq; qh++) {
      const r = qRes[qh]!;
      for (let k = rStart[r]!, e = k + rCnt[r]!; k < e; k++) {
        const g = csr[k]! >> USE_SHIFT;
        if (pReach[g] === ep) continue;
        pReach[g] = ep;
        reached[nrp++] = g;
        const b = g * S;
        const ue = b + P_USE + USE_FIELDS * P[b + P_NUSE]!;
        for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) {
          const r2 = P[ub]!;
          if (rReach[r2] !== ep) {
            rReach[r2] = ep;
            qRes[nq++] = r2;
          }
        }
      }
    }
    // Added paths without any resource (rate cap only) are reached through nothing.
    for (const g of added) {
      if (pState[g] === NEW && pReach[g] !== ep) {
        pReach[g] = ep;
        reached[nrp++] = g;
      }
    }

    // 4. Each reached resource's state at λd.
    const { rFrozen, rSlope, rUnfrozen, rUnfrozenPos, resUsage, resSat, resAdj } = this;
    for (let k = 0; k < nq; k++) {
      const r = qRes[k]!;
      const oldLive = resAdj[r]!.length - (rCnt[r]! - rOldCnt[r]!);
      let fr = rOldCnt[r] === oldLive ? 0 : resUsage[r]! - rSumOld[r]!;
      if (fr < 0) fr = 0;
      rFrozen[r] = fr;
      rSlope[r] = rSumC[r]!;
      rUnfrozen[r] = rCnt[r]!;
      rUnfrozenPos[r] = rCntPos[r]!;
      resSat[r] = Infinity;
    }

    // 5. Progressive filling from λd: rate caps in a sorted list, saturations in a lazy heap.
    const caps = this.capList;
    caps.length = 0;
    for (let k = 0; k < nrp; k++) {
      const g = reached[k]!;
      if (P[g * S + P_M] !== Infinity) caps.push(g);
    }
    if (caps.length > 1) caps.sort((a, b) => P[a * S + P_M]! - P[b * S + P_M]! || a - b);
    this.nFrozen = 0;
    let level = lam === Infinity ? 0 : lam;
    let ci = 0;
    // New paths capped below λd froze there (their load was counted when finding λd).
    while (ci < caps.length && P[caps[ci]! * S + P_M]! < level) {
      const g = caps[ci++]!;
      this.freeze(g, P[g * S + P_M]!, ep);
    }
    this.heapSize = 0;
    for (let k = 0; k < nq; k++) {
      const r = qRes[k]!;
      if (rUnfrozen[r]! > 0) {
        const key = this.keyOf(r);
        if (key !== Infinity) this.heapPush(r, key);
      }
    }
    const heapKey = this.heapKey;
    const resCap = this.resCap;
    for (;;) {
      const hk = this.heapSize > 0 ? heapKey[0]! : Infinity;
      const cm = ci < caps.length ? P[caps[ci]! * S + P_M]! : Infinity;
      if (cm <= hk) {
        if (cm === Infinity) break;
        const g = caps[ci++]!;
        if (pFrozen[g] !== ep) {
          if (cm > level) level = cm;
          this.freeze(g, level, ep);
        }
        continue;
      }
      const r = this.heapRes[0]!;
      const key = this.keyOf(r);
      if (key > hk) {
        if (key === Infinity) this.heapPop();
        else this.heapSiftTop(r, key);
        continue;
      }
      this.heapPop();
      if (key > level) level = key;
      resSat[r] = level;
      const down = resCap[r] === 0;
      for (let k = rStart[r]!, e = k + rCnt[r]!; k < e; k++) {
        const ue = csr[k]!;
        const g = ue >> USE_SHIFT;
        if (pFrozen[g] !== ep && (down || P[g * S + P_USE + USE_FIELDS * (ue & (MAX_USES - 1)) + 1]! > 0)) this.freeze(g, level, ep);
      }
    }
    // Defensive: validation guarantees every path is bounded, so none is left unfrozen.
    for (let k = 0; k < nrp; k++) {
      const g = reached[k]!;
      if (pFrozen[g] !== ep) this.freeze(g, level, ep);
    }
    for (let k = 0; k < nq; k++) {
      const r = qRes[k]!;
      const f = rFrozen[r]!;
      resUsage[r] = f > 0 && resAdj[r]!.length > 0 ? f : 0;
    }
    this.stats.flowsTouched += nrp;

    // 6. Merge the re-filled paths (in freeze order, so sorted by level) back into the order.
    const fl = this.freezeList;
    const nf = this.nFrozen;
    let q0 = p;
    if (nf > 0 && p > 0) {
      const first = P[fl[0]! * S + P_LEVEL]!;
      if (P[order[p - 1]! * S + P_LEVEL]! > first) q0 = this.lowerBound(first, p);
    }
    const A = this.orderScratch;
    let na = 0;
    for (let i = q0; i < n; i++) {
      const g = order[i]!;
      if (pState[g] === DEAD) this.freePath(g);
      else if (pReach[g] !== ep) A[na++] = g;
    }
    let w = q0;
    if (na === 0) {
      order.set(fl.subarray(0, nf), w);
      w += nf;
    } else {
      let i = 0;
      let j = 0;
      while (i < na && j < nf) {
        const a = A[i]!;
        const b = fl[j]!;
        if (P[a * S + P_LEVEL]! <= P[b * S + P_LEVEL]!) {
          order[w++] = a;
          i++;
        } else {
          order[w++] = b;
          j++;
        }
      }
      while (i < na) order[w++] = A[i++]!;
      while (j < nf) order[w++] = fl[j++]!;
    }
    this.orderLen = w;

    // 7. Transfers whose rate changed: bytes folded at now, completion instant moved.
    const { x, xStamp } = this;
    for (let k = 0; k < nf; k++) {
      const g = fl[k]!;
      pState[g] = LIVE;
      const slot = P[g * S + P_SLOT]!;
      if (xStamp[slot] !== ep) {
        xStamp[slot] = ep;
        const single = x[slot * XS + X_PATH]!;
        this.settle(slot, single >= 0 ? P[single * S + P_RATE]! : this.sumRates(slot), now);
      }
    }
    for (const t of this.touchedXfers) {
      if (t.active && xStamp[t.slot] !== ep) {
        xStamp[t.slot] = ep;
        this.settle(t.slot, this.sumRates(t.slot), now);
      }
    }
    this.touchedXfers.length = 0;

    // 8. Clear the pending change.
    for (const r of dirtyRes) this.rDirty[r] = 0;
    dirtyRes.length = 0;
    for (const g of added) if (pState[g] === DEAD_NEW) this.freePath(g);
    added.length = 0;
    this.pendingLambda = Infinity;
    this.ensureCompletionEvent();
  }

  private sumRates(slot: number): number {
    let rate = 0;
    for (const g of this.bySlot[slot]!.paths) rate += this.P[g * this.stride + P_RATE]!;
    return rate;
  }

  private settle(slot: number, rate: number, now: number): void {
    const x = this.x;
    const b = slot * XS;
    const old = x[b + X_RATE]!;
    if (rate === old && !this.xFresh[slot]) return;
    const bytes = x[b + X_BYTES]!;
    let done = x[b + X_DONE]!;
    if (old !== 0) {
      done += (old * (now - x[b + X_T0]!)) / 1000;
      if (done > bytes) done = bytes;
      x[b + X_DONE] = done;
    }
    x[b + X_T0] = now;
    x[b + X_RATE] = rate;
    this.xFresh[slot] = 0;
    const rem = bytes - done;
    this.setCt(slot, rem <= 0 ? now : rate > 0 ? now + (rem * 1000) / rate : Infinity);
  }
}

function checkCapacity(where: string, capacity: number): void {
  if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 0) {
    throw new Error(`${where}: capacity must be a finite number ≥ 0 (units per second), got ${String(capacity)}`);
  }
}

function checkMaxRate(where: string, maxRate: number | undefined): void {
  if (maxRate === undefined) return;
  if (typeof maxRate !== 'number' || Number.isNaN(maxRate) || maxRate < 0) {
    throw new Error(`${where}: maxRate must be a number ≥ 0 (bytes per second) or undefined, got ${String(maxRate)}`);
  }
}
