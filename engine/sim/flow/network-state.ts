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
  /** Resource ids to their indexes, and back. */
  readonly resourceIndex = new Map<string, number>();
  readonly resourceNames: string[] = [];
  resourceCount = 0;
  /** Live uses (g·64 + k) on each resource. */
  readonly usesOf: number[][] = [];
  /** Per bottleneck resource: its members' uses of other resources (resource, coefficient, use). */
  readonly crossRes: number[][] = [];
  readonly crossCoef: number[][] = [];
  /** ...and the use itself (g·64 + k), whose U_CROSS_POS is its position in these lists. */
  readonly crossUse: number[][] = [];
  /** Per bottleneck resource: implicit members, a min-heap by virtual finish. */
  readonly memberHeaps = new MemberHeaps();
  /** Per bottleneck resource: members whose transfer is explicit. */
  readonly explicitMembers: number[][] = [];
  /** Capacity, units per second (0: down). */
  cap: F64 = new Float64Array(8);
  /** Units per second consumed now. */
  load: F64 = new Float64Array(8);
  /** Level of a bottleneck resource; Infinity for the others. */
  level: F64 = new Float64Array(8);
  /** Per bottleneck resource: Σ coefficient of its members' uses of it, and how many such uses. */
  ownCoef: F64 = new Float64Array(8);
  ownUses: I32 = new Int32Array(8);
  /** Per bottleneck resource: its members (implicit + explicit). */
  memberCount: I32 = new Int32Array(8);
  /** Live uses of the resource with coefficient > 0. */
  liveUses: I32 = new Int32Array(8);
  /** Per bottleneck resource: its virtual clock V = ∫level dt (bytes per unit weight) as of the instant vclockAt (ms). */
  vclock: F64 = new Float64Array(8);
  vclockAt: F64 = new Float64Array(8);
  /** Per bottleneck resource: the next completion instant among its implicit members. */
  readonly groupDue = new CompletionIndex();
  /** Connected components of the resources (the paths connect them): what a recompute may reach. */
  readonly components = new ResourceComponents();
  /** 1 while the resource is in changedResources (its capacity or paths changed since the last recompute). */
  resChanged: U8 = new Uint8Array(8);
  // Per-recompute working arrays, per resource. An *At array holds the epoch at which the resource
  // was last so (touched, in play, saturated...): valid where it equals the current epoch.
  touchedAt: I32 = new Int32Array(8);
  /** Per component label: the component is touched by the change. */
  componentInPlayAt: I32 = new Int32Array(8);
  /** The resource's group is in play (its members may move). */
  groupInPlayAt: I32 = new Int32Array(8);
  /** The resource saturated (at newLevel) in this recompute. */
  saturatedAt: I32 = new Int32Array(8);
  /** Uses of the resource by paths in play not frozen yet (settling: new paths joining the group). */
  unfrozenUses: I32 = new Int32Array(8);
  /** Uses of the resource by new paths. */
  newUses: I32 = new Int32Array(8);
  /** Per group in play: its own uses, and members, not frozen yet. */
  ownUnfrozen: I32 = new Int32Array(8);
  membersUnfrozen: I32 = new Int32Array(8);
  /** Σ coefficient of unfrozen uses: the load grows by slope·dλ (settling: new paths' coefficients joining the group). */
  slope: F64 = new Float64Array(8);
  /** Load of the paths frozen so far (settling: the load from other groups' new levels). */
  frozenLoad: F64 = new Float64Array(8);
  reachedAt: I32 = new Int32Array(8); // crossed by a path in play (its group must be in play)
  passedAt: I32 = new Int32Array(8); // left out of play by the group loop
  /** Upper bound on the level of every path using the resource other than its own group's members. */
  crossBound: F64 = new Float64Array(8);
  cappedMembers: I32 = new Int32Array(8); // members with a finite cap level
  /** Groups pulled into play in the middle of a filling (and, outside one, paths to move). */
  readonly lateGroups: number[] = [];
  /** Pairs (resource, level) for crossBound, recorded by tightenLater in epoch tightenedAt. */
  readonly boundsToTighten: number[] = [];
  tightenedAt = 0;
  /** This filling has every resource as a candidate, not only groups and changed resources. */
  fullFill = false;
  /** Per group in play: Σ coefficient of its own unfrozen uses. */
  ownUnfrozenCoef: F64 = new Float64Array(8);
  /** The level at which the resource saturated in this recompute. */
  newLevel: F64 = new Float64Array(8);
  /** The filling's candidates to saturate next, by level. */
  readonly candidates = new SaturationHeap();
  /** Resources touched, groups in play, and resources saturated (in increasing level) in this recompute. */
  touched: I32 = new Int32Array(8);
  nTouched = 0;
  groupsInPlay: I32 = new Int32Array(8);
  saturatedList: I32 = new Int32Array(8);
  nSaturated = 0;
  nGroupsInPlay = 0;
  /** Position in groupOrder from which commit re-sorts the groups. */
  firstGroupPos = 0;
  nextDueStale: U8 = new Uint8Array(8); // the resource's next completion instant must be recomputed
  readonly nextDueList: number[] = [];
  /** Bottleneck resources sorted by level. */
  groupOrder: I32 = new Int32Array(8);
  groupCount = 0;
  orderScratch: I32 = new Int32Array(8);
  // Settling again after paths moved (moveCrossers): where the last attempt failed, and the groups'
  // levels it estimated, which order the next attempt.
  failedGroup = -1;
  failedLevel = 0;
  estimatedLevel: F64 = new Float64Array(8);
  estimatedAt: I32 = new Int32Array(8);
  retryOrder: I32 = new Int32Array(8);
  /** Resources the working arrays are sized for. */
  scratchSize = 0;

  // ---- paths ----
  /** Path slots in use or free (freePaths), and those removed but kept until the next recompute ends. */
  pathSlots = 0;
  readonly freePaths: number[] = [];
  readonly deadPaths: number[] = [];
  /** Path blocks (flow/path-layout.ts) pathStride numbers apart, room for maxUses uses each; P and S in the solver's code. */
  maxUses = 2;
  pathStride = P_USE + USE_FIELDS * 2;
  pathData: F64 = new Float64Array(16 * (P_USE + USE_FIELDS * 2));
  /** FREE, LIVE, NEW or DEAD (flow/path-layout.ts). */
  pathState: U8 = new Uint8Array(16);
  /** Per path, epochs: in play (a capped or new path), frozen in this recompute. */
  pathInPlayAt: I32 = new Int32Array(16);
  pathFrozenAt: I32 = new Int32Array(16);
  /** The bottleneck a path froze on in this recompute (a resource or CAP). */
  newBottleneck: I32 = new Int32Array(16);
  bottleneckHint: I32 = new Int32Array(16); // a new path's bottleneck to try first when settling (-1: none)
  /** Paths frozen individually in this recompute (new ones, and those that may change bottleneck). */
  switched: I32 = new Int32Array(16);
  nSwitched = 0;
  /** Paths in play not frozen yet. */
  unfrozen = 0;
  /** Live and new paths with a finite cap level, sorted by (cap level, slot). */
  readonly capped = new CappedPathList();

  // ---- transfers ----
  /** Active transfers by id (in start order), and by slot. */
  readonly transfers = new Map<string, Transfer>();
  readonly transferAt: (Transfer | undefined)[] = [];
  readonly freeSlots: number[] = [];
  transferSlots = 0;
  /** Start order: completions at one instant run in it. */
  transferSeq = 0;
  /** Transfer blocks of XS numbers (X_BYTES...); x in the code. */
  transferData: F64 = new Float64Array(64 * XS);
  /** Per transfer slot: the completion instant (ms) of an explicit transfer, Infinity while stalled or implicit. */
  readonly transferDue = new CompletionIndex();
  /** Transfers whose completion track commit must set again. */
  readonly finalizeList: Transfer[] = [];

  // ---- pending changes ----
  /** Numbers each settling attempt and filling (the *At working arrays compare with it). */
  epoch = 0;
  /** A change waits for the recompute scheduled at flushHandle. */
  dirty = false;
  flushHandle: EventHandle = -1;
  /** The lowest level of a path removed or resource changed since the last recompute: nothing below it moves. */
  pendingLevel = Infinity;
  readonly changedResources: number[] = [];
  readonly addedPaths: number[] = [];
  readonly touchedTransfers: Transfer[] = [];
  /** The scheduled completion event and its instant. */
  completionHandle: EventHandle = -1;
  completionEventAt = Infinity;

  pathDef(g: number): CheckedPath {
    const P = this.pathData;
    const b = g * this.pathStride;
    const res: number[] = [];
    const coef: number[] = [];
    for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
      res.push(P[b + P_USE + USE_FIELDS * k]!);
      coef.push(P[b + P_USE + USE_FIELDS * k + U_COEF]!);
    }
    return { res, coef, weight: P[b + P_WEIGHT]!, maxLevel: P[b + P_CAP_LEVEL]! };
  }

  capLevel(g: number): number {
    const b = g * this.pathStride;
    return this.pathData[b + P_BLOCKED]! > 0 ? 0 : this.pathData[b + P_CAP_LEVEL]!;
  }

  /** Level of a placed path. */
  pathLevel(g: number): number {
    const b = g * this.pathStride;
    const bn = this.pathData[b + P_BOTTLENECK]!;
    return bn >= 0 ? this.level[bn]! : this.pathData[b + P_LEVEL]!;
  }

  pathRate(g: number): number {
    if (this.pathState[g] !== LIVE) return 0;
    return this.pathData[g * this.pathStride + P_WEIGHT]! * this.pathLevel(g);
  }

  /** Virtual clock of bottleneck resource r at time t. */
  vclockAtTime(r: number, t: number): number {
    return this.vclock[r]! + (this.level[r]! * (t - this.vclockAt[r]!)) / 1000;
  }

  bytesNow(t: Transfer): number {
    const x = this.transferData;
    const xb = t.slot * XS;
    const now = this.sim.now;
    const bytes = x[xb + X_BYTES]!;
    let d: number;
    if (x[xb + X_IMPL] === 1) {
      const g = t.paths[0]!;
      const b = g * this.pathStride;
      d = this.pathData[b + P_WEIGHT]! * this.vclockAtTime(this.pathData[b + P_BOTTLENECK]!, now) + this.pathData[b + P_OFFSET]!;
    } else d = x[xb + X_DONE]! + (x[xb + X_RATE]! * (now - x[xb + X_T0]!)) / 1000;
    return d < bytes ? (d > 0 ? d : 0) : bytes;
  }

  /** Completion instant of an implicit member at its bottleneck's current level. */
  memberCompletion(g: number): number {
    const P = this.pathData;
    const b = g * this.pathStride;
    const r = P[b + P_BOTTLENECK]!;
    return this.virtualDue(r, this.memberHeaps.finishOf(g));
  }

  /** The instant bottleneck resource r's virtual clock reaches vf, at its current level. */
  virtualDue(r: number, vf: number): number {
    const d = vf - this.vclock[r]!;
    if (d <= 0) return this.vclockAt[r]!;
    const lv = this.level[r]!;
    return lv > 0 ? this.vclockAt[r]! + (d * 1000) / lv : Infinity;
  }

  markResDirty(r: number): void {
    if (this.resChanged[r]) return;
    this.resChanged[r] = 1;
    this.changedResources.push(r);
    const s = this.level[r]!;
    if (s < this.pendingLevel) this.pendingLevel = s;
  }

  growResources(n: number): void {
    if (n <= this.cap.length) return;
    this.cap = growF64(this.cap, n);
    this.load = growF64(this.load, n);
    this.level = growF64(this.level, n);
    this.ownCoef = growF64(this.ownCoef, n);
    this.ownUses = growI32(this.ownUses, n);
    this.memberCount = growI32(this.memberCount, n);
    this.liveUses = growI32(this.liveUses, n);
    this.vclock = growF64(this.vclock, n);
    this.vclockAt = growF64(this.vclockAt, n);
    this.groupDue.reserve(n);
    this.resChanged = growU8(this.resChanged, n);
    this.nextDueStale = growU8(this.nextDueStale, n);
    this.crossBound = growF64(this.crossBound, n);
    this.cappedMembers = growI32(this.cappedMembers, n);
    this.groupOrder = growI32(this.groupOrder, n);
  }

  /**
   * Working arrays of a recompute, sized to the resources when one runs (not on every addResource:
   * the fabric registers a host's score of resources at once, and a busy world hundreds of hosts).
   */
  ensureScratch(): void {
    const resourceCount = this.resourceCount;
    if (resourceCount <= this.scratchSize) return;
    this.touchedAt = growI32(this.touchedAt, resourceCount);
    this.componentInPlayAt = growI32(this.componentInPlayAt, resourceCount);
    this.groupInPlayAt = growI32(this.groupInPlayAt, resourceCount);
    this.saturatedAt = growI32(this.saturatedAt, resourceCount);
    this.unfrozenUses = growI32(this.unfrozenUses, resourceCount);
    this.newUses = growI32(this.newUses, resourceCount);
    this.ownUnfrozen = growI32(this.ownUnfrozen, resourceCount);
    this.membersUnfrozen = growI32(this.membersUnfrozen, resourceCount);
    this.slope = growF64(this.slope, resourceCount);
    this.frozenLoad = growF64(this.frozenLoad, resourceCount);
    this.reachedAt = growI32(this.reachedAt, resourceCount);
    this.passedAt = growI32(this.passedAt, resourceCount);
    this.ownUnfrozenCoef = growF64(this.ownUnfrozenCoef, resourceCount);
    this.newLevel = growF64(this.newLevel, resourceCount);
    this.candidates.reserve(resourceCount);
    this.touched = growI32(this.touched, resourceCount);
    this.groupsInPlay = growI32(this.groupsInPlay, resourceCount);
    this.saturatedList = growI32(this.saturatedList, resourceCount);
    this.orderScratch = growI32(this.orderScratch, resourceCount);
    this.estimatedLevel = growF64(this.estimatedLevel, resourceCount);
    this.estimatedAt = growI32(this.estimatedAt, resourceCount);
    this.retryOrder = growI32(this.retryOrder, resourceCount);
    this.scratchSize = resourceCount;
  }

  // =============================== paths ===============================

  /** Widens the path blocks so that a path can hold `uses` uses. */
  ensureStride(uses: number): void {
    if (uses <= this.maxUses) return;
    const pathData = this.pathData;
    const pathStride = this.pathStride;
    const ns = P_USE + USE_FIELDS * uses;
    const P = new Float64Array(this.pathState.length * ns);
    for (let g = 0; g < this.pathSlots; g++) P.set(pathData.subarray(g * pathStride, g * pathStride + pathStride), g * ns);
    this.pathData = P;
    this.pathStride = ns;
    this.maxUses = uses;
  }

  allocPath(): number {
    const g = this.freePaths.pop();
    if (g !== undefined) return g;
    const n = ++this.pathSlots;
    if (n > this.pathState.length) {
      const cap = Math.max(n, this.pathState.length * 2);
      const P = new Float64Array(cap * this.pathStride);
      P.set(this.pathData);
      this.pathData = P;
      this.pathState = growU8(this.pathState, cap);
      this.pathInPlayAt = growI32(this.pathInPlayAt, cap);
      this.pathFrozenAt = growI32(this.pathFrozenAt, cap);
      this.newBottleneck = growI32(this.newBottleneck, cap);
      this.bottleneckHint = growI32(this.bottleneckHint, cap);
      this.switched = growI32(this.switched, cap);
      this.memberHeaps.reservePaths(cap);
    }
    return n - 1;
  }

  // ---- per-resource completion heaps (implicit members by virtual finish) ----

  memberHeapPush(bn: number, g: number, virtualFinish: number): void {
    this.markNextDue(bn);
    this.memberHeaps.push(bn, g, virtualFinish);
  }

  memberHeapRemove(bn: number, g: number): void {
    this.markNextDue(bn);
    this.memberHeaps.remove(bn, g);
  }

  markNextDue(r: number): void {
    if (this.nextDueStale[r]) return;
    this.nextDueStale[r] = 1;
    this.nextDueList.push(r);
  }

  /** Next completion instant among the implicit members of bottleneck resource r. */
  groupNextDue(r: number): number {
    const vf = this.memberHeaps.topFinish(r);
    if (vf === Infinity) return Infinity;
    return this.virtualDue(r, vf);
  }

  // ---- bottleneck groups in level order ----

  firstGroupAtOrAbove(v: number): number {
    const groupOrder = this.groupOrder;
    const level = this.level;
    let lo = 0;
    let hi = this.groupCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (level[groupOrder[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // ---- transfer slots and completion bookkeeping ----

  allocSlot(): number {
    const s = this.freeSlots.pop();
    if (s !== undefined) return s;
    const n = ++this.transferSlots;
    const capSlots = this.transferData.length / XS;
    if (n > capSlots) {
      const x = new Float64Array(capSlots * 2 * XS);
      x.set(this.transferData);
      this.transferData = x;
    }
    this.transferDue.reserve(n);
    this.transferAt.push(undefined);
    return n - 1;
  }

  touch(r: number, ep: number): void {
    if (this.touchedAt[r] === ep) return;
    this.touchedAt[r] = ep;
    this.slope[r] = 0;
    this.frozenLoad[r] = 0;
    this.unfrozenUses[r] = 0;
    this.newUses[r] = 0;
    this.touched[this.nTouched++] = r;
  }

  keyOf(r: number): number {
    if (this.unfrozenUses[r]! <= 0) return Infinity;
    const cap = this.cap[r]!;
    if (cap === 0) return 0;
    const s = this.slope[r]!;
    if (!(s > 0)) return Infinity;
    return (cap - this.frozenLoad[r]!) / s;
  }

  inPlay(g: number, ep: number): boolean {
    if (this.pathInPlayAt[g] === ep) return true;
    const bn = this.pathData[g * this.pathStride + P_BOTTLENECK]!;
    return bn >= 0 && this.groupInPlayAt[bn] === ep;
  }

  isFrozen(g: number, ep: number): boolean {
    if (this.pathFrozenAt[g] === ep) return true;
    const bn = this.pathData[g * this.pathStride + P_BOTTLENECK]!;
    return bn >= 0 && this.saturatedAt[bn] === ep && this.groupInPlayAt[bn] === ep;
  }

  /**
   * Records that, if this recompute's result is the one committed, nothing crosses r above top:
   * crossBound[r] is tightened then (a result abandoned for another fill must not lower it).
   */
  tightenLater(r: number, top: number): void {
    if (this.tightenedAt !== this.epoch) {
      this.tightenedAt = this.epoch;
      this.boundsToTighten.length = 0;
    }
    this.boundsToTighten.push(r, top);
  }
}
