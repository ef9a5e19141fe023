// The flow network's state (docs/design.md, "The max-min solver"): resources, paths and transfers
// in typed arrays, and the allocation kept as its BOTTLENECK STRUCTURE rather than as per-path
// numbers. Every path has a bottleneck — the resource that froze it, or its own cap — and every
// bottleneck resource a level L; a path's rate is weight·L of its bottleneck, and the paths sharing
// a bottleneck form its group. So when an event shifts the levels of many resources slightly (the
// usual case in a busy network), the paths behind them need no update at all. Bytes follow the
// same idea: each bottleneck resource keeps a virtual clock V(t) = ∫L dt, a single-path transfer
// bottlenecked there (an "implicit" one) has done weight·V(t) + K bytes and finishes when V reaches
// its virtual finish (flow/member-heaps.ts), so its completion instant moves in O(1) when L
// changes. Multi-path transfers and capped paths are tracked explicitly (bytes at t0 + rate·(t − t0)).
//
// The solver's steps are functions over this state in their own modules (placement, settle, fill,
// freeze, commit); the per-recompute working arrays are valid where their epoch stamp equals the
// current epoch, so nothing is cleared between recomputes.
import type { EventHandle, Simulator } from '../simulator';
import { CappedPathList } from './capped-paths';
import { CompletionIndex } from './completion-index';
import { ResourceComponents } from './components';
import { MemberHeaps } from './member-heaps';
import { LIVE, P_BLOCKED, P_BOTTLENECK, P_CAP_LEVEL, P_LEVEL, P_OFFSET, P_USE, P_USES, P_WEIGHT, U_COEF, USE_FIELDS } from './path-layout';
import { SaturationHeap } from './saturation-heap';
import { growF64, growI32, growU8, type F64, type I32, type U8 } from './typed-arrays';

/** A transfer's numbers, in one block of NetworkState.x per transfer slot. */
export const X_BYTES = 0;
/** Bytes done at X_T0 (explicit transfers; implicit ones at their last switch). */
export const X_DONE = 1;
export const X_T0 = 2;
/** Explicit transfers: bytes per second since X_T0. */
export const X_RATE = 3;
/** 1: a single path with a resource bottleneck, bytes from that resource's virtual clock. */
export const X_IMPL = 4;
export const XS = 5;

/** A path as checked from the caller's spec: resource indexes and coefficients (perByte · weight). */
export interface CheckedPath {
  res: number[];
  coef: number[];
  weight: number;
  maxLevel: number;
}

/** Cold data of a transfer; its numbers are in NetworkState.x at slot·XS. */
export class Transfer {
  paths: number[] = [];
  active = true;
  stamp = 0;
  constructor(
    readonly id: string,
    readonly seq: number,
    readonly slot: number,
    readonly onComplete: ((id: string) => void) | undefined,
  ) {}
}

export class NetworkState {
  /**
   * For benchmarks and tests: recomputes run; paths re-placed over all of them; recomputes that
   * settled in place (after moving paths or not) rather than filling; paths moved to settle.
   */
  readonly stats = { recomputes: 0, flowsTouched: 0, settled: 0, pathsMoved: 0 };

  readonly sim: Simulator;

  constructor(sim: Simulator) {
    this.sim = sim;
  }

  // ---- resources ----
  readonly resIndex = new Map<string, number>();
  readonly resNames: string[] = [];
  nRes = 0;
  /** Live uses (g·64 + k) on each resource. */
  readonly adj: number[][] = [];
  /** Per bottleneck resource: its members' uses of other resources (resource, coefficient, use). */
  readonly gxRes: number[][] = [];
  readonly gxCoef: number[][] = [];
  readonly gxUse: number[][] = [];
  /** Per bottleneck resource: implicit members, a min-heap by virtual finish. */
  readonly memberHeaps = new MemberHeaps();
  /** Per bottleneck resource: members whose transfer is explicit. */
  readonly exMem: number[][] = [];
  cap: F64 = new Float64Array(8);
  load: F64 = new Float64Array(8); // units per second consumed
  /** Level of a bottleneck resource; Infinity for the others. */
  L: F64 = new Float64Array(8);
  own: F64 = new Float64Array(8); // Σ coefficient of members' uses of the resource
  ownCnt: I32 = new Int32Array(8);
  memCnt: I32 = new Int32Array(8); // members (implicit + explicit)
  posCnt: I32 = new Int32Array(8); // live uses with coefficient > 0
  VT: F64 = new Float64Array(8); // virtual clock value at VT0
  VT0: F64 = new Float64Array(8);
  /** Per bottleneck resource: the next completion instant among its implicit members. */
  readonly groupDue = new CompletionIndex();
  /** Connected components of the resources (the paths connect them): what a recompute may reach. */
  readonly components = new ResourceComponents();
  rDirty: U8 = new Uint8Array(8);
  // per-recompute scratch (valid where the stamp equals the epoch)
  stamp: I32 = new Int32Array(8);
  labEp: I32 = new Int32Array(8);
  gEp: I32 = new Int32Array(8);
  sat: I32 = new Int32Array(8);
  cnt: I32 = new Int32Array(8);
  newUses: I32 = new Int32Array(8);
  ownUnf: I32 = new Int32Array(8);
  memUnf: I32 = new Int32Array(8);
  slope: F64 = new Float64Array(8);
  frz: F64 = new Float64Array(8);
  reached: I32 = new Int32Array(8); // crossed by a path in play (its group must be in play)
  passed: I32 = new Int32Array(8); // left out of play by the group loop
  /** Upper bound on the level of every path using the resource other than its own group's members. */
  mx: F64 = new Float64Array(8);
  capCnt: I32 = new Int32Array(8); // members with a finite cap level
  readonly lateList: number[] = [];
  /** Pairs (resource, level) for mx, recorded by tightenLater in epoch tightEp. */
  readonly tightList: number[] = [];
  tightEp = 0;
  fullFill = false;
  ownUnfC: F64 = new Float64Array(8);
  newL: F64 = new Float64Array(8);
  /** The filling's candidates to saturate next, by level. */
  readonly candidates = new SaturationHeap();
  tList: I32 = new Int32Array(8);
  nT = 0;
  sgList: I32 = new Int32Array(8);
  satList: I32 = new Int32Array(8);
  nSat = 0;
  nSG = 0;
  gp = 0;
  nextDirty: U8 = new Uint8Array(8); // the resource's next completion instant must be recomputed
  readonly nextList: number[] = [];
  /** Bottleneck resources sorted by level. */
  gOrder: I32 = new Int32Array(8);
  gOrderLen = 0;
  gScratch: I32 = new Int32Array(8);
  // Settling again after paths moved (moveCrossers): where the last attempt failed, and the groups'
  // levels it estimated, which order the next attempt.
  failRes = -1;
  failLv = 0;
  est: F64 = new Float64Array(8);
  estTag: I32 = new Int32Array(8);
  sOrder: I32 = new Int32Array(8);
  scratchSize = 0;

  // ---- paths ----
  nPaths = 0;
  readonly freePaths: number[] = [];
  readonly deadPaths: number[] = [];
  maxUses = 2;
  stride = P_USE + USE_FIELDS * 2;
  P: F64 = new Float64Array(16 * (P_USE + USE_FIELDS * 2));
  pState: U8 = new Uint8Array(16);
  pPlay: I32 = new Int32Array(16);
  pFrozen: I32 = new Int32Array(16);
  pNB: I32 = new Int32Array(16);
  pHint: I32 = new Int32Array(16); // a new path's bottleneck to try first when settling (-1: none)
  swList: I32 = new Int32Array(16);
  nSw = 0;
  unfrozen = 0;
  /** Live and new paths with a finite cap level, sorted by (cap level, slot). */
  readonly capped = new CappedPathList();

  // ---- transfers ----
  readonly xfers = new Map<string, Transfer>();
  readonly bySlot: (Transfer | undefined)[] = [];
  readonly freeSlots: number[] = [];
  nSlots = 0;
  xferSeq = 0;
  x: F64 = new Float64Array(64 * XS);
  /** Per transfer slot: the completion instant (ms) of an explicit transfer, Infinity while stalled or implicit. */
  readonly transferDue = new CompletionIndex();
  readonly finalizeList: Transfer[] = [];

  // ---- pending changes ----
  epoch = 0;
  dirty = false;
  flushHandle: EventHandle = -1;
  pendingLambda = Infinity;
  readonly dirtyRes: number[] = [];
  readonly added: number[] = [];
  readonly touchedXfers: Transfer[] = [];
  compHandle: EventHandle = -1;
  compAt = Infinity;

  pathDef(g: number): CheckedPath {
    const P = this.P;
    const b = g * this.stride;
    const res: number[] = [];
    const coef: number[] = [];
    for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
      res.push(P[b + P_USE + USE_FIELDS * k]!);
      coef.push(P[b + P_USE + USE_FIELDS * k + U_COEF]!);
    }
    return { res, coef, weight: P[b + P_WEIGHT]!, maxLevel: P[b + P_CAP_LEVEL]! };
  }

  meff(g: number): number {
    const b = g * this.stride;
    return this.P[b + P_BLOCKED]! > 0 ? 0 : this.P[b + P_CAP_LEVEL]!;
  }

  /** Level of a placed path. */
  level(g: number): number {
    const b = g * this.stride;
    const bn = this.P[b + P_BOTTLENECK]!;
    return bn >= 0 ? this.L[bn]! : this.P[b + P_LEVEL]!;
  }

  pathRate(g: number): number {
    if (this.pState[g] !== LIVE) return 0;
    return this.P[g * this.stride + P_WEIGHT]! * this.level(g);
  }

  /** Virtual clock of bottleneck resource r at time t. */
  vAt(r: number, t: number): number {
    return this.VT[r]! + (this.L[r]! * (t - this.VT0[r]!)) / 1000;
  }

  bytesNow(t: Transfer): number {
    const x = this.x;
    const xb = t.slot * XS;
    const now = this.sim.now;
    const bytes = x[xb + X_BYTES]!;
    let d: number;
    if (x[xb + X_IMPL] === 1) {
      const g = t.paths[0]!;
      const b = g * this.stride;
      d = this.P[b + P_WEIGHT]! * this.vAt(this.P[b + P_BOTTLENECK]!, now) + this.P[b + P_OFFSET]!;
    } else d = x[xb + X_DONE]! + (x[xb + X_RATE]! * (now - x[xb + X_T0]!)) / 1000;
    return d < bytes ? (d > 0 ? d : 0) : bytes;
  }

  /** Completion instant of an implicit member at its bottleneck's current level. */
  memberCompletion(g: number): number {
    const P = this.P;
    const b = g * this.stride;
    const r = P[b + P_BOTTLENECK]!;
    return this.virtualDue(r, this.memberHeaps.finishOf(g));
  }

  /** The instant bottleneck resource r's virtual clock reaches vf, at its current level. */
  virtualDue(r: number, vf: number): number {
    const d = vf - this.VT[r]!;
    if (d <= 0) return this.VT0[r]!;
    const lv = this.L[r]!;
    return lv > 0 ? this.VT0[r]! + (d * 1000) / lv : Infinity;
  }

  markResDirty(r: number): void {
    if (this.rDirty[r]) return;
    this.rDirty[r] = 1;
    this.dirtyRes.push(r);
    const s = this.L[r]!;
    if (s < this.pendingLambda) this.pendingLambda = s;
  }

  growResources(n: number): void {
    if (n <= this.cap.length) return;
    this.cap = growF64(this.cap, n);
    this.load = growF64(this.load, n);
    this.L = growF64(this.L, n);
    this.own = growF64(this.own, n);
    this.ownCnt = growI32(this.ownCnt, n);
    this.memCnt = growI32(this.memCnt, n);
    this.posCnt = growI32(this.posCnt, n);
    this.VT = growF64(this.VT, n);
    this.VT0 = growF64(this.VT0, n);
    this.groupDue.reserve(n);
    this.rDirty = growU8(this.rDirty, n);
    this.nextDirty = growU8(this.nextDirty, n);
    this.mx = growF64(this.mx, n);
    this.capCnt = growI32(this.capCnt, n);
    this.gOrder = growI32(this.gOrder, n);
  }

  /**
   * Working arrays of a recompute, sized to the resources when one runs (not on every addResource:
   * the fabric registers a host's score of resources at once, and a busy world hundreds of hosts).
   */
  ensureScratch(): void {
    const n = this.nRes;
    if (n <= this.scratchSize) return;
    this.stamp = growI32(this.stamp, n);
    this.labEp = growI32(this.labEp, n);
    this.gEp = growI32(this.gEp, n);
    this.sat = growI32(this.sat, n);
    this.cnt = growI32(this.cnt, n);
    this.newUses = growI32(this.newUses, n);
    this.ownUnf = growI32(this.ownUnf, n);
    this.memUnf = growI32(this.memUnf, n);
    this.slope = growF64(this.slope, n);
    this.frz = growF64(this.frz, n);
    this.reached = growI32(this.reached, n);
    this.passed = growI32(this.passed, n);
    this.ownUnfC = growF64(this.ownUnfC, n);
    this.newL = growF64(this.newL, n);
    this.candidates.reserve(n);
    this.tList = growI32(this.tList, n);
    this.sgList = growI32(this.sgList, n);
    this.satList = growI32(this.satList, n);
    this.gScratch = growI32(this.gScratch, n);
    this.est = growF64(this.est, n);
    this.estTag = growI32(this.estTag, n);
    this.sOrder = growI32(this.sOrder, n);
    this.scratchSize = n;
  }

  // =============================== paths ===============================

  /** Widens the path blocks so that a path can hold `uses` uses. */
  ensureStride(uses: number): void {
    if (uses <= this.maxUses) return;
    const old = this.P;
    const os = this.stride;
    const ns = P_USE + USE_FIELDS * uses;
    const P = new Float64Array(this.pState.length * ns);
    for (let g = 0; g < this.nPaths; g++) P.set(old.subarray(g * os, g * os + os), g * ns);
    this.P = P;
    this.stride = ns;
    this.maxUses = uses;
  }

  allocPath(): number {
    const g = this.freePaths.pop();
    if (g !== undefined) return g;
    const n = ++this.nPaths;
    if (n > this.pState.length) {
      const cap = Math.max(n, this.pState.length * 2);
      const P = new Float64Array(cap * this.stride);
      P.set(this.P);
      this.P = P;
      this.pState = growU8(this.pState, cap);
      this.pPlay = growI32(this.pPlay, cap);
      this.pFrozen = growI32(this.pFrozen, cap);
      this.pNB = growI32(this.pNB, cap);
      this.pHint = growI32(this.pHint, cap);
      this.swList = growI32(this.swList, cap);
      this.memberHeaps.reservePaths(cap);
    }
    return n - 1;
  }

  // ---- per-resource completion heaps (implicit members by virtual finish) ----

  heapPushG(bn: number, g: number, virtualFinish: number): void {
    this.markNext(bn);
    this.memberHeaps.push(bn, g, virtualFinish);
  }

  heapRemoveG(bn: number, g: number): void {
    this.markNext(bn);
    this.memberHeaps.remove(bn, g);
  }

  markNext(r: number): void {
    if (this.nextDirty[r]) return;
    this.nextDirty[r] = 1;
    this.nextList.push(r);
  }

  /** Next completion instant among the implicit members of bottleneck resource r. */
  groupNext(r: number): number {
    const vf = this.memberHeaps.topFinish(r);
    if (vf === Infinity) return Infinity;
    return this.virtualDue(r, vf);
  }

  // ---- bottleneck groups in level order ----

  lowerBoundG(v: number): number {
    const order = this.gOrder;
    const L = this.L;
    let lo = 0;
    let hi = this.gOrderLen;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (L[order[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- transfer slots and completion bookkeeping ----

  allocSlot(): number {
    const s = this.freeSlots.pop();
    if (s !== undefined) return s;
    const n = ++this.nSlots;
    const capSlots = this.x.length / XS;
    if (n > capSlots) {
      const x = new Float64Array(capSlots * 2 * XS);
      x.set(this.x);
      this.x = x;
    }
    this.transferDue.reserve(n);
    this.bySlot.push(undefined);
    return n - 1;
  }

  touch(r: number, ep: number): void {
    if (this.stamp[r] === ep) return;
    this.stamp[r] = ep;
    this.slope[r] = 0;
    this.frz[r] = 0;
    this.cnt[r] = 0;
    this.newUses[r] = 0;
    this.tList[this.nT++] = r;
  }

  keyOf(r: number): number {
    if (this.cnt[r]! <= 0) return Infinity;
    const cap = this.cap[r]!;
    if (cap === 0) return 0;
    const s = this.slope[r]!;
    if (!(s > 0)) return Infinity;
    return (cap - this.frz[r]!) / s;
  }

  inPlay(g: number, ep: number): boolean {
    if (this.pPlay[g] === ep) return true;
    const bn = this.P[g * this.stride + P_BOTTLENECK]!;
    return bn >= 0 && this.gEp[bn] === ep;
  }

  isFrozen(g: number, ep: number): boolean {
    if (this.pFrozen[g] === ep) return true;
    const bn = this.P[g * this.stride + P_BOTTLENECK]!;
    return bn >= 0 && this.sat[bn] === ep && this.gEp[bn] === ep;
  }

  /**
   * Records that, if this recompute's result is the one committed, nothing crosses r above top:
   * mx[r] is tightened then (a result abandoned for another fill must not lower it).
   */
  tightenLater(r: number, top: number): void {
    if (this.tightEp !== this.epoch) {
      this.tightEp = this.epoch;
      this.tightList.length = 0;
    }
    this.tightList.push(r, top);
  }
}
