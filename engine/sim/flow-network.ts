// The flow network (docs/design.md, "The simulation kernel"): transfers of bytes over resources with
// capacities, sharing them by WEIGHTED MAX-MIN FAIRNESS, event-driven over a Simulator. It knows
// nothing of Hyper-V; engine/net and engine/operations build the paths. docs/flow-files.md has a
// command-line way to run workloads on it.
//
// MODEL. A resource has a capacity in units per second (bytes/s for a link, cycles/s for a CPU). A
// transfer moves `bytes` over one or more paths; each path is a flow that uses resources, consuming
// `perByte` units of each per byte it delivers. Rates come from progressive filling: a level λ
// rises from 0, every unfrozen path runs at weight·λ, a path freezes when it reaches its maxRate or
// when a resource it consumes saturates. A path using a resource of capacity 0 (down) stalls.
//
// BOTTLENECK STRUCTURE. The allocation is kept as its structure, not as per-path numbers: every
// path has a bottleneck — the resource that froze it, or its own cap — and every bottleneck
// resource a level L. A path's rate is weight·L of its bottleneck. So when an event shifts the
// levels of many resources slightly (the usual case in a busy network), the paths behind them need
// no update at all. Bytes follow the same idea: each bottleneck resource keeps a virtual clock
// V(t) = ∫L dt, a single-path transfer bottlenecked there has done weight·V(t) + K bytes and
// finishes when V reaches its "virtual finish"; each resource keeps its transfers in a min-heap of
// virtual finishes, so its next completion instant is exact and O(1) to move when L changes.
// Multi-path transfers and capped paths are tracked explicitly (bytes at t0 + rate·(t − t0)).
//
// SETTLING IN PLACE. Most changes move levels without changing any path's bottleneck. Then the
// groups keep their members, and in increasing old level (a topological order of "a member of X
// crosses Y") each reached group's new level follows from its capacity and what crosses it,
// L' = (cap − others') / own'. Only a group whose level moved passes the difference on, along its
// members' other resources: one walk per changed group, no heap (settleInPlace). It gives up, with
// nothing committed, as soon as that assumption fails — a path crossing a group above the group's
// new level, a resource over capacity, a tie in the order, a cap or an outage involved.
//
// MOVING PATHS. When settling failed only because paths cross a group above its new level (the
// filling would freeze them there first), those paths move to that group — each leaves its own
// group and is placed again as a new path would be (rehome: its bytes brought to now, its usage
// taken back), settling trying that group for it first — and settling runs again, in the order of
// the levels the failed attempt estimated, up to SETTLE_RETRIES times. Whatever it then commits
// passed the same checks, so it is the max-min allocation; only when it still fails does the
// progressive filling below run (8% of the 256x10000 benchmark's recomputes; 42% without moving
// paths).
//
// INCREMENTAL RECOMPUTE. A change (paths added or removed, a capacity changed) leaves the filling
// identical below the first level λd at which a changed resource or path takes part in an event:
// for a removed path its old level; for a changed resource min(its old L, the first level at which
// it saturates with the new paths and capacity — Newton steps from below on its piecewise-linear
// load curve, each a lower bound). The recompute resumes the filling at λd over what the change
// REACHES: the changed groups, then, in increasing old level, every group that a path in play
// crosses (its load may change), plus new and capped paths. A group not reached keeps its level:
// nothing in play crosses it, and its own members can only be disturbed where they cross a
// resource in play whose level falls below theirs; mx[r] bounds the levels of what crosses r, so
// that is checked by walking r's uses only when r saturates below mx[r] (rare). When it happens
// (about 1 recompute in 5 in the 256x10000 benchmark) the groups of those members, and all they
// reach, come into play there and then (their levels are above the current one). If such a group
// has capped members, or two groups tie so that one is reached after the loop passed it, the
// filling is redone over every group at or above λd of the connected components the change
// touches (components: union-find over resources, split lazily).
//
// Groups are filled as blocks: when a resource saturates, its own paths freeze together by walking
// the group's flattened list of their other resources; only paths that change bottleneck are
// handled one by one (found by an exact count of the resource's still-unfrozen uses). Saturation
// levels sit in a binary heap with lazy keys: a key only grows as paths freeze, so a stale key
// popped is pushed back with its true value; when paths come into play late a resource's key can
// drop, and it is pushed again (the older entry is dropped when it surfaces). Only bottleneck groups
// and changed resources are candidates at first; if another resource ends over its capacity (a new
// bottleneck appeared) the filling is redone with all of them as candidates.
//
// COST. A recompute is linear in the groups the change reaches and their group-to-resource links,
// plus a log factor for the heap; the rest of the network is not read. Exactness has a price in a
// busy shared network: one new flow shifts the levels of most groups above it slightly, and
// those shifts reach further up (see test/bench/flow-network.bench.ts for figures).
//
// LAZINESS. A change marks the network dirty and schedules one flush event at the current instant;
// every further change at that instant joins the same recompute. A read recomputes at once.
//
// FLOATING POINT. λd is lowered by a relative 1e-9 so rounding can only widen a recompute; usage is
// exactly 0 on a resource without paths; bytes are snapped to the size at completion; transfers
// finishing within 1e-12 (relative) of the same instant complete together.
import type { EventHandle, Simulator } from './simulator';
import { CappedPathList } from './flow/capped-paths';
import { BLOCK, CompletionIndex } from './flow/completion-index';
import { ResourceComponents } from './flow/components';
import { MemberHeaps } from './flow/member-heaps';
import {
  CAP, DEAD, FREE, LIVE, MAX_USES, NEW, NONE, P_BLOCKED, P_BOTTLENECK, P_CAP_LEVEL, P_EXPLICIT_POS, P_LEVEL, P_OFFSET, P_TRANSFER,
  P_USE, P_USES, P_WEIGHT, U_ADJ_POS, U_COEF, U_CROSS_POS, USE_FIELDS, USE_MASK, USE_SHIFT,
} from './flow/path-layout';
import { SaturationHeap } from './flow/saturation-heap';
import { doubleList, growF64, growI32, growU8, NO_DOUBLES, NO_INTS, type F64, type I32, type U8 } from './flow/typed-arrays';

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

// Transfers live in slots too:
const X_BYTES = 0;
const X_DONE = 1; // bytes done at X_T0 (explicit transfers; implicit ones at their last switch)
const X_T0 = 2;
const X_RATE = 3; // explicit transfers: bytes per second since X_T0
const X_IMPL = 4; // 1: a single path with a resource bottleneck, bytes from that resource's virtual clock
const XS = 5;

/** Relative margin by which the divergence level is lowered (rounding can only widen a recompute). */
const DIVERGENCE_MARGIN = 1e-9;
/** Completions this close (relative to the clock, in ms) to the current instant are batched with it. */
const SAME_INSTANT_REL = 1e-12;
const SAME_INSTANT_ABS = 1e-9;
/** Newton steps allowed when looking for a changed resource's first saturation level. */
const NEWTON_STEPS = 24;
/** Times a recompute may move paths to a group that fell below them and settle again before filling. */
const SETTLE_RETRIES = 4;

/** How a fill ended: done; a resource that was not a candidate went over capacity; or what was left out of play turned out to be reached. */
type FillResult = 0 | 1 | 2;
const FILL_OK = 0;
const FILL_OVERLOAD = 1;
const FILL_LEFT_OUT = 2;
type PullResult = 0 | 1 | 2;
const PULL_NONE = 0;
const PULLED = 1;
const PULL_FAILED = 2;

interface CheckedPath {
  res: number[];
  coef: number[]; // perByte · weight
  weight: number;
  maxLevel: number;
}

/** Cold data of a transfer; its numbers are in FlowNetwork.x at slot·XS. */
class Transfer {
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

export class FlowNetwork {
  /**
   * For benchmarks and tests: recomputes run; paths re-placed over all of them; recomputes that
   * settled in place (after moving paths or not) rather than filling; paths moved to settle.
   */
  readonly stats = { recomputes: 0, flowsTouched: 0, settled: 0, pathsMoved: 0 };

  private readonly sim: Simulator;

  // ---- resources ----
  private readonly resIndex = new Map<string, number>();
  private readonly resNames: string[] = [];
  private nRes = 0;
  /** Live uses (g·64 + k) on each resource. */
  private readonly adj: number[][] = [];
  /** Per bottleneck resource: its members' uses of other resources (resource, coefficient, use). */
  private readonly gxRes: number[][] = [];
  private readonly gxCoef: number[][] = [];
  private readonly gxUse: number[][] = [];
  /** Per bottleneck resource: implicit members, a min-heap by virtual finish. */
  private readonly memberHeaps = new MemberHeaps();
  /** Per bottleneck resource: members whose transfer is explicit. */
  private readonly exMem: number[][] = [];
  private cap: F64 = new Float64Array(8);
  private load: F64 = new Float64Array(8); // units per second consumed
  /** Level of a bottleneck resource; Infinity for the others. */
  private L: F64 = new Float64Array(8);
  private own: F64 = new Float64Array(8); // Σ coefficient of members' uses of the resource
  private ownCnt: I32 = new Int32Array(8);
  private memCnt: I32 = new Int32Array(8); // members (implicit + explicit)
  private posCnt: I32 = new Int32Array(8); // live uses with coefficient > 0
  private VT: F64 = new Float64Array(8); // virtual clock value at VT0
  private VT0: F64 = new Float64Array(8);
  /** Per bottleneck resource: the next completion instant among its implicit members. */
  private readonly groupDue = new CompletionIndex();
  /** Connected components of the resources (the paths connect them): what a recompute may reach. */
  private readonly components = new ResourceComponents();
  private rDirty: U8 = new Uint8Array(8);
  // per-recompute scratch (valid where the stamp equals the epoch)
  private stamp: I32 = new Int32Array(8);
  private labEp: I32 = new Int32Array(8);
  private gEp: I32 = new Int32Array(8);
  private sat: I32 = new Int32Array(8);
  private cnt: I32 = new Int32Array(8);
  private newUses: I32 = new Int32Array(8);
  private ownUnf: I32 = new Int32Array(8);
  private memUnf: I32 = new Int32Array(8);
  private slope: F64 = new Float64Array(8);
  private frz: F64 = new Float64Array(8);
  private reached: I32 = new Int32Array(8); // crossed by a path in play (its group must be in play)
  private passed: I32 = new Int32Array(8); // left out of play by the group loop
  /** Upper bound on the level of every path using the resource other than its own group's members. */
  private mx: F64 = new Float64Array(8);
  private capCnt: I32 = new Int32Array(8); // members with a finite cap level
  private readonly lateList: number[] = [];
  /** Pairs (resource, level) for mx, recorded by tightenLater in epoch tightEp. */
  private readonly tightList: number[] = [];
  private tightEp = 0;
  private fullFill = false;
  private ownUnfC: F64 = new Float64Array(8);
  private newL: F64 = new Float64Array(8);
  /** The filling's candidates to saturate next, by level. */
  private readonly candidates = new SaturationHeap();
  private tList: I32 = new Int32Array(8);
  private nT = 0;
  private sgList: I32 = new Int32Array(8);
  private satList: I32 = new Int32Array(8);
  private nSat = 0;
  private nSG = 0;
  private gp = 0;
  private nextDirty: U8 = new Uint8Array(8); // the resource's next completion instant must be recomputed
  private readonly nextList: number[] = [];
  /** Bottleneck resources sorted by level. */
  private gOrder: I32 = new Int32Array(8);
  private gOrderLen = 0;
  private gScratch: I32 = new Int32Array(8);
  // Settling again after paths moved (moveCrossers): where the last attempt failed, and the groups'
  // levels it estimated, which order the next attempt.
  private failRes = -1;
  private failLv = 0;
  private est: F64 = new Float64Array(8);
  private estTag: I32 = new Int32Array(8);
  private sOrder: I32 = new Int32Array(8);
  private scratchSize = 0;

  // ---- paths ----
  private nPaths = 0;
  private readonly freePaths: number[] = [];
  private readonly deadPaths: number[] = [];
  private maxUses = 2;
  private stride = P_USE + USE_FIELDS * 2;
  private P: F64 = new Float64Array(16 * (P_USE + USE_FIELDS * 2));
  private pState: U8 = new Uint8Array(16);
  private pPlay: I32 = new Int32Array(16);
  private pFrozen: I32 = new Int32Array(16);
  private pNB: I32 = new Int32Array(16);
  private pHint: I32 = new Int32Array(16); // a new path's bottleneck to try first when settling (-1: none)
  private swList: I32 = new Int32Array(16);
  private nSw = 0;
  private unfrozen = 0;
  /** Live and new paths with a finite cap level, sorted by (cap level, slot). */
  private readonly capped = new CappedPathList();

  // ---- transfers ----
  private readonly xfers = new Map<string, Transfer>();
  private readonly bySlot: (Transfer | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private nSlots = 0;
  private xferSeq = 0;
  private x: F64 = new Float64Array(64 * XS);
  /** Per transfer slot: the completion instant (ms) of an explicit transfer, Infinity while stalled or implicit. */
  private readonly transferDue = new CompletionIndex();
  private readonly finalizeList: Transfer[] = [];

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
  }

  // =============================== resources ===============================

  /** Adds a resource with a capacity in units per second (finite, ≥ 0). */
  addResource(id: string, capacity: number): void {
    checkResourceId('addResource', id);
    if (this.resIndex.has(id)) throw new Error(`FlowNetwork.addResource: duplicate resource "${id}"`);
    checkCapacity('addResource', id, capacity);
    this.add(id, capacity);
  }

  /** Adds the resource, or sets its capacity if it has one already (one lookup: a world syncs thousands). */
  ensureResource(id: string, capacity: number): void {
    const r = this.resIndex.get(id);
    if (r !== undefined) {
      if (this.cap[r] !== capacity) this.setCapacity(id, capacity);
      return;
    }
    checkResourceId('ensureResource', id);
    checkCapacity('ensureResource', id, capacity);
    this.add(id, capacity);
  }

  private add(id: string, capacity: number): void {
    const r = this.nRes++;
    this.growResources(this.nRes);
    this.resIndex.set(id, r);
    this.resNames.push(id);
    // Most resources of a big world never carry a path: their lists are shared empty ones until
    // the first push (a 1,000-host world has 20,000 resources).
    this.adj.push(NO_INTS);
    this.gxRes.push(NO_INTS);
    this.gxCoef.push(NO_DOUBLES);
    this.gxUse.push(NO_INTS);
    this.memberHeaps.addResource();
    this.exMem.push(NO_INTS);
    this.cap[r] = capacity;
    this.L[r] = Infinity;
    this.components.add(r);
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
    checkCapacity('setCapacity', id, capacity);
    const old = this.cap[r]!;
    if (old === capacity) return;
    this.cap[r] = capacity;
    if ((old === 0) !== (capacity === 0)) {
      // An outage starts or ends: every path using the resource (even at perByte 0) changes cap.
      const uses = new Map<number, number>();
      for (const e of this.adj[r]!) uses.set(e >> USE_SHIFT, (uses.get(e >> USE_SHIFT) ?? 0) + 1);
      for (const [g, n] of uses) this.setBlocked(g, capacity === 0 ? n : -n);
    }
    this.markResDirty(r);
    this.markDirty();
  }

  capacity(id: string): number {
    return this.cap[this.res('capacity', id)]!;
  }

  /** Units per second consumed right now. */
  usage(id: string): number {
    const r = this.res('usage', id);
    this.flush();
    return this.load[r]!;
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
    const x = this.x;
    x[xb + X_BYTES] = spec.bytes;
    x[xb + X_DONE] = 0;
    x[xb + X_T0] = this.sim.now;
    x[xb + X_RATE] = 0;
    x[xb + X_IMPL] = 0;
    for (let q = 0, qs = checked; q < qs.length; q++) {
      const c = qs[q]!;
      t.paths.push(this.addPath(t, c));
    }
    this.touchedXfers.push(t);
    this.markDirty();
  }

  /** Removes a transfer now, without calling onComplete; returns the bytes it had delivered. */
  cancelTransfer(id: string): { bytesDone: number } {
    const t = this.xfer('cancelTransfer', id);
    const bytesDone = this.bytesNow(t);
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
    this.foldTransfer(t);
    for (const g of t.paths) this.removePath(g);
    t.paths = [];
    for (const c of checked) t.paths.push(this.addPath(t, c));
    this.touchedXfers.push(t);
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
    const weight = this.P[g * this.stride + P_WEIGHT]!;
    const maxLevel = maxRate === undefined ? Infinity : maxRate / weight;
    if (maxLevel === this.P[g * this.stride + P_CAP_LEVEL]) return;
    const c = this.pathDef(g);
    if (maxLevel === Infinity && !c.coef.some((v) => v > 0)) {
      throw new Error(`${where}: without a maxRate this path would be unbounded (no resource with perByte > 0)`);
    }
    c.maxLevel = maxLevel;
    this.replacePath(t, pathIndex, c);
  }

  /**
   * Checks the bottleneck structure against the paths themselves (for tests; O(paths)): every
   * placed path has a bottleneck, no path runs above a saturated resource it uses, group member
   * counts and coefficients, usage, and the crossing-level bound mx. Throws naming what is wrong.
   */
  verifyStructure(): void {
    this.flush();
    const { P, stride: S } = this;
    const members = new Int32Array(this.nRes);
    const ownSum = new Float64Array(this.nRes);
    const usage = new Float64Array(this.nRes);
    const at = `at ${this.sim.now} ms`;
    for (let g = 0; g < this.nPaths; g++) {
      if (this.pState[g] !== LIVE) continue;
      const b = g * S;
      const bn = P[b + P_BOTTLENECK]!;
      if (bn === NONE) throw new Error(`FlowNetwork: placed path ${g} has no bottleneck ${at}`);
      const lv = this.level(g);
      if (!(lv >= 0 && lv < Infinity)) throw new Error(`FlowNetwork: path ${g} has level ${lv} ${at}`);
      if (bn >= 0) members[bn]!++;
      for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
        const r = P[b + P_USE + USE_FIELDS * k]! | 0;
        const c = P[b + P_USE + USE_FIELDS * k + U_COEF]!;
        usage[r] = usage[r]! + c * lv;
        if (r === bn) ownSum[r] = ownSum[r]! + c;
        if (!(c > 0) || r === bn) continue;
        const tol = 1e-9 * Math.max(1, lv);
        if (this.L[r]! < Infinity && lv > this.L[r]! + tol) throw new Error(`FlowNetwork: path ${g} at level ${lv} crosses "${this.resNames[r]}" saturated at ${this.L[r]} ${at}`);
        if (lv > this.mx[r]! + tol) throw new Error(`FlowNetwork: path ${g} at level ${lv} crosses "${this.resNames[r]}" above its bound ${this.mx[r]} ${at}`);
      }
    }
    for (let r = 0; r < this.nRes; r++) {
      const name = this.resNames[r];
      if (members[r] !== this.memCnt[r]) throw new Error(`FlowNetwork: "${name}" counts ${this.memCnt[r]} members, has ${members[r]} ${at}`);
      if ((members[r]! > 0) !== (this.L[r]! < Infinity)) throw new Error(`FlowNetwork: "${name}" has ${members[r]} members and level ${this.L[r]} ${at}`);
      const tol = 1e-6 * Math.max(1, this.cap[r]!);
      if (Math.abs(ownSum[r]! - this.own[r]!) > 1e-9 * Math.max(1, ownSum[r]!)) throw new Error(`FlowNetwork: "${name}" own ${this.own[r]} vs ${ownSum[r]} ${at}`);
      if (Math.abs(usage[r]! - this.load[r]!) > tol) throw new Error(`FlowNetwork: "${name}" usage ${this.load[r]} vs ${usage[r]} ${at}`);
      if (usage[r]! > this.cap[r]! + tol) throw new Error(`FlowNetwork: "${name}" over capacity: ${usage[r]} > ${this.cap[r]} ${at}`);
    }
  }

  isActive(id: string): boolean {
    return this.xfers.has(id);
  }

  /** Bytes per second now, summed over the transfer's paths. */
  rate(id: string): number {
    const t = this.xfer('rate', id);
    this.flush();
    const xb = t.slot * XS;
    if (this.x[xb + X_IMPL] === 1) return this.pathRate(t.paths[0]!);
    return this.x[xb + X_RATE]!;
  }

  /** Bytes per second now, per path, in the order of the transfer's paths. */
  pathRates(id: string): number[] {
    const t = this.xfer('pathRates', id);
    this.flush();
    return t.paths.map((g) => this.pathRate(g));
  }

  /** Bytes delivered at sim.now (interpolated, exact). */
  bytesDone(id: string): number {
    const t = this.xfer('bytesDone', id);
    this.flush();
    return this.bytesNow(t);
  }

  remaining(id: string): number {
    const t = this.xfer('remaining', id);
    this.flush();
    return this.x[t.slot * XS + X_BYTES]! - this.bytesNow(t);
  }

  /** The simulated instant (ms) at which the transfer completes at current rates; Infinity while stalled. */
  completionAt(id: string): number {
    const t = this.xfer('completionAt', id);
    this.flush();
    const xb = t.slot * XS;
    if (this.x[xb + X_IMPL] === 1) return this.memberCompletion(t.paths[0]!);
    return this.transferDue.at(t.slot);
  }

  /** Active transfer ids, in the order they were started. */
  activeTransfers(): string[] {
    return [...this.xfers.keys()];
  }

  // =============================== validation and small helpers ===============================

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
    // Indexed loops, and the message's "where" only for an error: a busy run starts thousands.
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i]!;
      if (path === null || typeof path !== 'object' || !Array.isArray(path.uses)) throw new Error(`${pathAt(where, i)}: uses must be an array`);
      const weight = path.weight ?? 1;
      if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) throw new Error(`${pathAt(where, i)}: weight must be a finite number > 0, got ${String(path.weight)}`);
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
        const r = this.resIndex.get(use.resource);
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

  private pathDef(g: number): CheckedPath {
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

  private meff(g: number): number {
    const b = g * this.stride;
    return this.P[b + P_BLOCKED]! > 0 ? 0 : this.P[b + P_CAP_LEVEL]!;
  }

  /** Level of a placed path. */
  private level(g: number): number {
    const b = g * this.stride;
    const bn = this.P[b + P_BOTTLENECK]!;
    return bn >= 0 ? this.L[bn]! : this.P[b + P_LEVEL]!;
  }

  private pathRate(g: number): number {
    if (this.pState[g] !== LIVE) return 0;
    return this.P[g * this.stride + P_WEIGHT]! * this.level(g);
  }

  /** Virtual clock of bottleneck resource r at time t. */
  private vAt(r: number, t: number): number {
    return this.VT[r]! + (this.L[r]! * (t - this.VT0[r]!)) / 1000;
  }

  private bytesNow(t: Transfer): number {
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
  private memberCompletion(g: number): number {
    const P = this.P;
    const b = g * this.stride;
    const r = P[b + P_BOTTLENECK]!;
    return this.virtualDue(r, this.memberHeaps.finishOf(g));
  }

  /** The instant bottleneck resource r's virtual clock reaches vf, at its current level. */
  private virtualDue(r: number, vf: number): number {
    const d = vf - this.VT[r]!;
    if (d <= 0) return this.VT0[r]!;
    const lv = this.L[r]!;
    return lv > 0 ? this.VT0[r]! + (d * 1000) / lv : Infinity;
  }

  /** Brings a transfer's explicit record up to now (before its paths change). */
  private foldTransfer(t: Transfer): void {
    const x = this.x;
    const xb = t.slot * XS;
    const now = this.sim.now;
    const done = this.bytesNow(t);
    if (x[xb + X_IMPL] === 1) {
      const g = t.paths[0]!;
      this.heapRemoveG(this.P[g * this.stride + P_BOTTLENECK]!, g);
      x[xb + X_IMPL] = 0;
      x[xb + X_RATE] = 0;
    }
    x[xb + X_DONE] = done;
    x[xb + X_T0] = now;
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
    const s = this.L[r]!;
    if (s < this.pendingLambda) this.pendingLambda = s;
  }

  private growResources(n: number): void {
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
  private ensureScratch(): void {
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
  private ensureStride(uses: number): void {
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
      this.pPlay = growI32(this.pPlay, cap);
      this.pFrozen = growI32(this.pFrozen, cap);
      this.pNB = growI32(this.pNB, cap);
      this.pHint = growI32(this.pHint, cap);
      this.swList = growI32(this.swList, cap);
      this.memberHeaps.reservePaths(cap);
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
    this.pPlay[g] = 0;
    this.pFrozen[g] = 0;
    this.pHint[g] = -1;
    P[b + P_WEIGHT] = c.weight;
    P[b + P_CAP_LEVEL] = c.maxLevel;
    P[b + P_LEVEL] = 0;
    P[b + P_OFFSET] = 0;
    P[b + P_BOTTLENECK] = NONE;
    P[b + P_TRANSFER] = t.slot;
    P[b + P_USES] = n;
    P[b + P_EXPLICIT_POS] = -1;
    let blocked = 0;
    for (let k = 0; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      const r = c.res[k]!;
      let adj = this.adj[r]!;
      if (adj === NO_INTS) adj = this.adj[r] = [];
      P[ub] = r;
      P[ub + U_COEF] = c.coef[k]!;
      P[ub + U_ADJ_POS] = adj.length;
      P[ub + U_CROSS_POS] = -1;
      adj.push((g << USE_SHIFT) | k);
      if (c.coef[k]! > 0) this.posCnt[r]!++;
      if (this.cap[r] === 0) blocked++;
      this.markResDirty(r);
    }
    P[b + P_BLOCKED] = blocked;
    if (this.meff(g) !== Infinity) this.capped.insert(g, this.meff(g));
    if (n > 0) {
      const r0 = c.res[0]!;
      for (let k = 1; k < n; k++) this.components.unite(r0, c.res[k]!);
      this.components.pathAdded(r0);
    }
    this.added.push(g);
    return g;
  }

  /** Takes a path out of everything; the slot is freed after the next recompute. */
  private removePath(g: number): void {
    const P = this.P;
    const S = this.stride;
    const b = g * S;
    const n = P[b + P_USES]!;
    if (this.pState[g] === LIVE) this.unplace(g);
    for (let k = 0; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      const r = P[ub]! | 0;
      const adj = this.adj[r]!;
      const pos = P[ub + U_ADJ_POS]!;
      const last = adj.pop()!;
      if (last !== ((g << USE_SHIFT) | k)) {
        adj[pos] = last;
        P[(last >> USE_SHIFT) * S + P_USE + USE_FIELDS * (last & USE_MASK) + U_ADJ_POS] = pos;
      }
      if (P[ub + U_COEF]! > 0 && --this.posCnt[r]! === 0) this.load[r] = 0;
      this.markResDirty(r);
    }
    if (this.meff(g) !== Infinity) this.capped.remove(g, this.meff(g));
    this.pState[g] = DEAD;
    this.deadPaths.push(g);
    if (n > 0) {
      this.components.pathRemoved(P[b + P_USE]!, this.adj, P, S);
    }
  }

  /**
   * A placed path leaves the bottleneck structure: its group (and completion tracking there) and
   * its usage; the filling below its level may change.
   */
  private unplace(g: number): void {
    const { P, load } = this;
    const b = g * this.stride;
    const lv = this.level(g);
    if (lv < this.pendingLambda) this.pendingLambda = lv;
    const bn = P[b + P_BOTTLENECK]!;
    if (bn >= 0) {
      if (this.memberHeaps.has(g)) this.heapRemoveG(bn, g);
      if (P[b + P_EXPLICIT_POS]! >= 0) this.exRemove(bn, g);
      this.leaveGroup(g);
    }
    for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
      const c = P[ub + U_COEF]!;
      if (c > 0) {
        const r = P[ub]! | 0;
        const v = load[r]! - c * lv;
        load[r] = v > 0 ? v : 0;
      }
    }
  }

  private replacePath(t: Transfer, k: number, c: CheckedPath): void {
    this.foldTransfer(t);
    this.removePath(t.paths[k]!);
    t.paths[k] = this.addPath(t, c);
    this.touchedXfers.push(t);
    this.markDirty();
  }

  /** An outage on one of the path's resources starts (+1) or ends (-1). */
  private setBlocked(g: number, delta: number): void {
    const P = this.P;
    const b = g * this.stride;
    const st = this.pState[g];
    if (st === NEW) {
      const had = this.meff(g) !== Infinity;
      if (had) this.capped.remove(g, this.meff(g));
      P[b + P_BLOCKED] = P[b + P_BLOCKED]! + delta;
      if (this.meff(g) !== Infinity) this.capped.insert(g, this.meff(g));
      return;
    }
    if (st !== LIVE) return;
    const t = this.bySlot[P[b + P_TRANSFER]!]!;
    const k = t.paths.indexOf(g);
    this.replacePath(t, k, this.pathDef(g));
    // The replacement was made with the current capacities, so its blocked count is already right.
  }

  private removeTransfer(t: Transfer): void {
    for (let q = 0, qs = t.paths; q < qs.length; q++) {
      const g = qs[q]!;
      this.removePath(g);
    }
    t.paths = [];
    t.active = false;
    this.x[t.slot * XS + X_IMPL] = 0;
    this.xfers.delete(t.id);
    this.bySlot[t.slot] = undefined;
    this.freeSlots.push(t.slot);
    this.transferDue.set(t.slot, Infinity);
  }

  // ---- group membership ----

  private leaveGroup(g: number): void {
    const P = this.P;
    const S = this.stride;
    const b = g * S;
    const bn = P[b + P_BOTTLENECK]!;
    P[b + P_BOTTLENECK] = NONE;
    if (bn < 0) return;
    const R = this.gxRes[bn]!;
    const C = this.gxCoef[bn]!;
    const U = this.gxUse[bn]!;
    for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      const c = P[ub + U_COEF]!;
      if (!(c > 0)) continue;
      if (P[ub] === bn) {
        this.own[bn] = this.own[bn]! - c;
        this.ownCnt[bn]!--;
        continue;
      }
      const pos = P[ub + U_CROSS_POS]!;
      const lr = R.pop()!;
      const lc = C.pop()!;
      const lu = U.pop()!;
      if (pos < R.length) {
        R[pos] = lr;
        C[pos] = lc;
        U[pos] = lu;
        P[(lu >> USE_SHIFT) * S + P_USE + USE_FIELDS * (lu & USE_MASK) + U_CROSS_POS] = pos;
      }
      P[ub + U_CROSS_POS] = -1;
    }
    if (this.meff(g) !== Infinity) this.capCnt[bn]!--;
    if (--this.memCnt[bn]! === 0) {
      this.own[bn] = 0;
      this.ownCnt[bn] = 0;
    }
  }

  private joinGroup(g: number, bn: number): void {
    const P = this.P;
    const b = g * this.stride;
    P[b + P_BOTTLENECK] = bn;
    if (bn === CAP) {
      P[b + P_LEVEL] = this.meff(g);
      return;
    }
    this.memCnt[bn]!++;
    if (this.meff(g) !== Infinity) this.capCnt[bn]!++;
    if (this.gxRes[bn] === NO_INTS) {
      this.gxRes[bn] = [];
      this.gxCoef[bn] = doubleList();
      this.gxUse[bn] = [];
    }
    const R = this.gxRes[bn]!;
    const C = this.gxCoef[bn]!;
    const U = this.gxUse[bn]!;
    for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
      const ub = b + P_USE + USE_FIELDS * k;
      const c = P[ub + U_COEF]!;
      if (!(c > 0)) continue;
      const r = P[ub]! | 0;
      if (r === bn) {
        this.own[bn] = this.own[bn]! + c;
        this.ownCnt[bn]!++;
      } else {
        P[ub + U_CROSS_POS] = R.length;
        R.push(r | 0);
        C.push(c);
        U.push((g << USE_SHIFT) | k);
      }
    }
  }

  private exPush(bn: number, g: number): void {
    let list = this.exMem[bn]!;
    if (list === NO_INTS) list = this.exMem[bn] = [];
    this.P[g * this.stride + P_EXPLICIT_POS] = list.length;
    list.push(g);
  }

  private exRemove(bn: number, g: number): void {
    const list = this.exMem[bn]!;
    const S = this.stride;
    const pos = this.P[g * S + P_EXPLICIT_POS]!;
    const last = list.pop()!;
    if (last !== g) {
      list[pos] = last;
      this.P[last * S + P_EXPLICIT_POS] = pos;
    }
    this.P[g * S + P_EXPLICIT_POS] = -1;
  }

  // ---- per-resource completion heaps (implicit members by virtual finish) ----

  private heapPushG(bn: number, g: number, virtualFinish: number): void {
    this.markNext(bn);
    this.memberHeaps.push(bn, g, virtualFinish);
  }

  private heapRemoveG(bn: number, g: number): void {
    this.markNext(bn);
    this.memberHeaps.remove(bn, g);
  }

  private markNext(r: number): void {
    if (this.nextDirty[r]) return;
    this.nextDirty[r] = 1;
    this.nextList.push(r);
  }

  /** Next completion instant among the implicit members of bottleneck resource r. */
  private groupNext(r: number): number {
    const vf = this.memberHeaps.topFinish(r);
    if (vf === Infinity) return Infinity;
    return this.virtualDue(r, vf);
  }

  // ---- bottleneck groups in level order ----

  private lowerBoundG(v: number): number {
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

  private allocSlot(): number {
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

  private ensureCompletionEvent(): void {
    this.transferDue.refresh();
    this.groupDue.refresh();
    const t = this.transferDue.earliest(this.nSlots);
    const g = this.groupDue.earliest(this.nRes);
    const m = g < t ? g : t;
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
    const { groupDue, transferDue } = this;
    groupDue.refresh();
    transferDue.refresh();
    const done: { t: Transfer; at: number }[] = [];
    const S = this.stride;
    for (let rb = 0, nb = CompletionIndex.blocks(this.nRes); rb < nb; rb++) {
      if (!(groupDue.blockEarliest(rb) <= lim)) continue;
      for (let r = rb * BLOCK, e = Math.min(r + BLOCK, this.nRes); r < e; r++) {
        if (!(groupDue.at(r) <= lim)) continue;
        const heaps = this.memberHeaps;
        for (let g = heaps.top(r); g >= 0; g = heaps.top(r)) {
          const at = this.memberCompletion(g);
          if (!(at <= lim)) break;
          this.heapRemoveG(r, g);
          done.push({ t: this.bySlot[this.P[g * S + P_TRANSFER]!]!, at });
        }
        this.groupDue.set(r, this.groupNext(r));
      }
    }
    const x = this.x;
    for (let xb = 0, nb = CompletionIndex.blocks(this.nSlots); xb < nb; xb++) {
      if (!(transferDue.blockEarliest(xb) <= lim)) continue;
      for (let s = xb * BLOCK, e = s + BLOCK; s < e; s++) {
        const at = transferDue.at(s);
        if (at <= lim) done.push({ t: this.bySlot[s]!, at });
      }
    }
    if (done.length === 0) {
      this.ensureCompletionEvent();
      return;
    }
    if (this.compHandle >= 0) {
      this.sim.cancel(this.compHandle);
      this.compHandle = -1;
    }
    done.sort((a, b) => a.at - b.at || a.t.seq - b.t.seq);
    for (let q = 0, qs = done; q < qs.length; q++) {
      const { t } = qs[q]!;
      const xb = t.slot * XS;
      x[xb + X_DONE] = x[xb + X_BYTES]!;
      x[xb + X_T0] = now;
      x[xb + X_IMPL] = 0;
      this.removeTransfer(t);
    }
    this.markDirty();
    for (let q = 0, qs = done; q < qs.length; q++) {
      const { t } = qs[q]!;
      t.onComplete?.(t.id);
    }
  };

  // =============================== the recompute ===============================

  /** First saturation level of resource r with its current paths (new ones at their caps): a lower bound. */
  private firstSaturation(r: number, cutoff: number): number {
    const adj = this.adj[r]!;
    const na = adj.length;
    if (na === 0) return Infinity;
    const cap = this.cap[r]!;
    if (cap === 0) return 0;
    const { P, pState, stride, L } = this;
    let lam = 0;
    for (let it = 0; it < NEWTON_STEPS; it++) {
      let v = 0;
      let s = 0;
      for (let k = 0; k < na; k++) {
        const e = adj[k]!;
        const g = e >> USE_SHIFT;
        const b = g * stride;
        const c = P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]!;
        if (!(c > 0)) continue;
        let bound: number;
        if (pState[g] === NEW) bound = P[b + P_BLOCKED]! > 0 ? 0 : P[b + P_CAP_LEVEL]!;
        else {
          const bn = P[b + P_BOTTLENECK]!;
          bound = bn >= 0 ? L[bn]! : P[b + P_LEVEL]!;
        }
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

  private touch(r: number, ep: number): void {
    if (this.stamp[r] === ep) return;
    this.stamp[r] = ep;
    this.slope[r] = 0;
    this.frz[r] = 0;
    this.cnt[r] = 0;
    this.newUses[r] = 0;
    this.tList[this.nT++] = r;
  }

  private keyOf(r: number): number {
    if (this.cnt[r]! <= 0) return Infinity;
    const cap = this.cap[r]!;
    if (cap === 0) return 0;
    const s = this.slope[r]!;
    if (!(s > 0)) return Infinity;
    return (cap - this.frz[r]!) / s;
  }

  private inPlay(g: number, ep: number): boolean {
    if (this.pPlay[g] === ep) return true;
    const bn = this.P[g * this.stride + P_BOTTLENECK]!;
    return bn >= 0 && this.gEp[bn] === ep;
  }

  private isFrozen(g: number, ep: number): boolean {
    if (this.pFrozen[g] === ep) return true;
    const bn = this.P[g * this.stride + P_BOTTLENECK]!;
    return bn >= 0 && this.sat[bn] === ep && this.gEp[bn] === ep;
  }

  /** Freezes one path at level λ with bottleneck nb (a resource or CAP). */
  private freezePath(g: number, lam: number, nb: number, ep: number): void {
    const { P, frz, cnt, slope } = this;
    const b = g * this.stride;
    this.pFrozen[g] = ep;
    this.pNB[g] = nb;
    this.swList[this.nSw++] = g;
    this.unfrozen--;
    const ob = P[b + P_BOTTLENECK]!;
    const inG = ob >= 0 && this.gEp[ob] === ep;
    for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
      const c = P[ub + U_COEF]!;
      if (!(c > 0)) continue;
      const r = P[ub]! | 0;
      frz[r] = frz[r]! + c * lam;
      if (r !== nb && this.mx[r]! < lam) this.mx[r] = lam;
      const left = cnt[r]! - 1;
      cnt[r] = left;
      slope[r] = left === 0 ? 0 : slope[r]! - c;
      if (inG && r === ob) {
        this.ownUnf[ob]!--;
        this.ownUnfC[ob] = this.ownUnfC[ob]! - c;
      }
    }
    if (inG) this.memUnf[ob]!--;
  }

  /** Resource r saturates at level λ: its group freezes as a block, other paths on it switch to it. */
  private saturate(r: number, lam: number, ep: number): void {
    const { frz, cnt, slope, mx } = this;
    this.newL[r] = lam;
    this.sat[r] = ep;
    this.satList[this.nSat++] = r;
    if (this.gEp[r] === ep && this.memUnf[r]! > 0) {
      frz[r] = frz[r]! + this.ownUnfC[r]! * lam;
      cnt[r] = cnt[r]! - this.ownUnf[r]!;
      this.unfrozen -= this.memUnf[r]!;
      const all = this.memUnf[r] === this.memCnt[r];
      const R = this.gxRes[r]!;
      const C = this.gxCoef[r]!;
      const U = this.gxUse[r]!;
      const pFrozen = this.pFrozen;
      for (let j = 0, n = R.length; j < n; j++) {
        if (!all && pFrozen[U[j]! >> USE_SHIFT] === ep) continue;
        const r2 = R[j]!;
        const c = C[j]!;
        frz[r2] = frz[r2]! + c * lam;
        if (mx[r2]! < lam) mx[r2] = lam;
        const left = cnt[r2]! - 1;
        cnt[r2] = left;
        slope[r2] = left === 0 ? 0 : slope[r2]! - c;
      }
      this.memUnf[r] = 0;
      this.ownUnf[r] = 0;
      this.ownUnfC[r] = 0;
    }
    if (cnt[r]! > 0) {
      const adj = this.adj[r]!;
      const P = this.P;
      const S = this.stride;
      for (let j = 0; j < adj.length && cnt[r]! > 0; j++) {
        const e = adj[j]!;
        const g = e >> USE_SHIFT;
        if (!(P[g * S + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
        if (!this.inPlay(g, ep) || this.isFrozen(g, ep)) continue;
        this.freezePath(g, lam, r, ep);
      }
    }
    cnt[r] = 0;
    slope[r] = 0;
  }

  private recompute(): void {
    this.ensureScratch();
    this.dirty = false;
    if (this.flushHandle >= 0) {
      this.sim.cancel(this.flushHandle);
      this.flushHandle = -1;
    }
    this.stats.recomputes++;
    // Groups below the lowest changed level keep theirs when nothing changes bottleneck. When the
    // only obstacle is paths that should move to a group that fell below them, they are moved
    // (moveCrossers) and the settling is tried again, a few times, before the progressive filling.
    let settled = this.settleInPlace(this.pendingLambda * (1 - DIVERGENCE_MARGIN), false);
    for (let tries = 0; !settled && tries < SETTLE_RETRIES && this.moveCrossers(); tries++) {
      settled = this.settleInPlace(this.pendingLambda * (1 - DIVERGENCE_MARGIN), true);
    }
    if (settled) this.stats.settled++;
    else {
      // The divergence level λd: the filling is unchanged below it.
      let lam = this.pendingLambda;
      for (let q = 0, qs = this.dirtyRes; q < qs.length; q++) {
        const r = qs[q]!;
        const s = this.firstSaturation(r, lam);
        if (s < lam) lam = s;
      }
      if (lam !== Infinity) lam *= 1 - DIVERGENCE_MARGIN;
      // First try with only the bottleneck groups (and changed resources) as candidates to
      // saturate: resources that were not saturated rarely become so. If one would have, fill
      // again with all.
      let r = this.fill(lam, true, false);
      if (r === FILL_LEFT_OUT) r = this.fill(lam, false, false);
      if (r === FILL_OVERLOAD) this.fill(lam, false, true);
    }
    this.commit(this.sim.now);
  }

  /**
   * The common case first: nothing changes bottleneck. Then every group the change reaches keeps
   * its members, and in increasing old level (a topological order of "a member of X crosses Y")
   * each one's new level follows from its capacity and what crosses it: L' = (cap − others') / own'.
   * Only a group whose level moved passes the difference on, along its members' other resources,
   * so one walk per changed group and no heap. New paths join the crossed group with the lowest
   * level. lam is the lowest changed level: groups below it are not read. Returns false, having
   * committed nothing (mx may only have risen, which keeps it a bound), as soon as that assumption
   * fails: a crossing path above a group's new level (mx[r] bounds them; the uses are walked only
   * when it is exceeded), a resource over capacity, a tie in the order, a cap or an outage
   * involved. The caller then runs the progressive filling.
   */
  private settleInPlace(lam: number, reordered: boolean): boolean {
    this.failRes = -1;
    if (!(lam < Infinity)) return false;
    const ep = ++this.epoch;
    const { P, stride: S, L, cap, load, own, memCnt, stamp, frz, gEp, sat, newL, passed, pNB, mx } = this;
    const ownAdd = this.slope; // per group: coefficients of the new paths joining it
    const memAdd = this.cnt; // per group: new paths joining it
    this.nT = 0;
    this.nSw = 0;
    let nSG = 0;
    let nSat = 0;
    if (!this.placeNewPaths(ep)) return false;
    const gp = this.lowerBoundG(lam);
    const { sgList, satList } = this;
    // The groups from gp in level order: the old one, or after paths moved, the estimated new one.
    const order = reordered ? this.estimatedOrder(gp) : this.gOrder;
    let low = lam;
    let touchedPaths = 0;
    for (let i = reordered ? 0 : gp, n = reordered ? this.gOrderLen - gp : this.gOrderLen; i < n; i++) {
      const r = order[i]!;
      // Reached: touched — changed, used by a new path, or crossed by a group that moved. Passed,
      // here, means the loop is past it: skipped or settled (a later change reaching it fails).
      passed[r] = ep;
      if (stamp[r] !== ep) continue;
      gEp[r] = ep;
      sgList[nSG++] = r;
      this.touch(r, ep);
      if (memCnt[r]! + memAdd[r]! === 0) continue; // its last member left: no longer a bottleneck
      if (this.capCnt[r]! > 0) return false;
      const lr = L[r]!;
      const lv = (cap[r]! - (load[r]! - own[r]! * lr + frz[r]!)) / (own[r]! + ownAdd[r]!);
      if (!(lv >= 0 && lv < Infinity)) return false;
      if (lv < low) low = lv;
      if (mx[r]! > lv && this.crossesAbove(r, lv, ep)) {
        this.failRes = r;
        this.failLv = lv;
        this.nSat = nSat;
        return false;
      }
      newL[r] = lv;
      sat[r] = ep;
      satList[nSat++] = r;
      touchedPaths += memCnt[r]!;
      const d = lv - lr;
      if (d !== 0 && !this.spread(r, d, lv, ep)) return false;
      if (memAdd[r]! > 0) {
        for (let j = 0; j < this.nSw; j++) {
          const g = this.swList[j]!;
          if (pNB[g] !== r) continue;
          const b = g * S;
          for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
            const r2 = P[ub]! | 0;
            if (r2 === r || !(P[ub + U_COEF]! > 0)) continue;
            if (passed[r2] === ep) return false;
            frz[r2] = frz[r2]! + P[ub + U_COEF]! * lv;
            if (mx[r2]! < lv) mx[r2] = lv;
          }
        }
      }
    }
    if (!this.settledWithinCapacity(ep)) return false;
    // Levels may have changed order among groups that do not touch: commit merges by level.
    for (let i = 1; i < nSat; i++) {
      const r = satList[i]!;
      const v = newL[r]!;
      let j = i - 1;
      while (j >= 0 && newL[satList[j]!]! > v) {
        satList[j + 1] = satList[j]!;
        j--;
      }
      satList[j + 1] = r;
    }
    // commit re-sorts the groups from the first place a new level can take.
    this.gp = low < lam ? this.lowerBoundG(low) : gp;
    this.nSG = nSG;
    this.nSat = nSat;
    this.stats.flowsTouched += touchedPaths;
    return true;
  }

  /**
   * Group r's level moved by d (to lv): the difference goes along its members' other resources.
   * False if that reaches a group the settling loop has passed (tied levels: order unknown). On its
   * own because it is the hottest loop: a small function is compiled early in a workload's first run.
   */
  private spread(r: number, d: number, lv: number, ep: number): boolean {
    const { passed, stamp, frz, mx } = this;
    const R = this.gxRes[r]!;
    const C = this.gxCoef[r]!;
    for (let j = 0, m = R.length; j < m; j++) {
      const r2 = R[j]!;
      if (passed[r2] === ep) return false;
      if (stamp[r2] !== ep) this.touch(r2, ep);
      frz[r2] = frz[r2]! + C[j]! * d;
      if (mx[r2]! < lv) mx[r2] = lv;
    }
    return true;
  }

  /**
   * Settling's first step: changed resources are touched, and each new path joins the crossed
   * group with the lowest level (or the one it was moved to). False if a changed resource is down,
   * or a new path is capped, blocked or crosses nothing.
   */
  private placeNewPaths(ep: number): boolean {
    const { P, stride: S, L, cap, pState, pNB } = this;
    const ownAdd = this.slope;
    const memAdd = this.cnt;
    for (let q = 0, qs = this.dirtyRes; q < qs.length; q++) {
      const r = qs[q]!;
      if (cap[r] === 0) return false;
      this.touch(r, ep);
    }
    for (let q = 0, qs = this.added; q < qs.length; q++) {
      const g = qs[q]!;
      if (pState[g] !== NEW) continue;
      const b = g * S;
      if (P[b + P_BLOCKED]! > 0 || P[b + P_CAP_LEVEL] !== Infinity) return false;
      let bn = -1;
      let bl = Infinity;
      const ue = b + P_USE + USE_FIELDS * P[b + P_USES]!;
      for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) {
        if (!(P[ub + U_COEF]! > 0)) continue;
        const r = P[ub]! | 0;
        this.touch(r, ep);
        if (L[r]! < bl) {
          bl = L[r]!;
          bn = r;
        }
      }
      if (bn < 0) return false;
      const hint = this.pHint[g]!;
      if (hint >= 0) bn = hint;
      pNB[g] = bn;
      this.swList[this.nSw++] = g;
      memAdd[bn]!++;
      for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) if (P[ub] === bn) ownAdd[bn] = ownAdd[bn]! + P[ub + U_COEF]!;
    }
    return true;
  }

  /** Settling's check of usage: a saturated group is at capacity; anything else must have stayed within it. */
  private settledWithinCapacity(ep: number): boolean {
    const { L, cap, load, frz, gEp, sat } = this;
    const tList = this.tList;
    for (let k = 0, nT = this.nT; k < nT; k++) {
      const r = tList[k]!;
      if (sat[r] === ep) {
        frz[r] = cap[r]!;
        continue;
      }
      if (L[r] !== Infinity && gEp[r] !== ep) return false; // a group reached but not settled: cannot be
      const f = load[r]! + frz[r]!;
      const c = cap[r]!;
      if (f > c + c * 1e-9) return false;
      frz[r] = f > 0 ? f : 0;
    }
    return true;
  }

  /**
   * After settleInPlace failed because paths cross failRes above its new level failLv: those paths
   * move to it — a placed one is placed again (rehome), a new one is pointed there; settling tries
   * failRes's group for them first. The levels the attempt found are kept as estimates to order the
   * next one. False (nothing moved) if there is nothing to move or a capped or blocked path is among
   * them: the filling handles those.
   */
  private moveCrossers(): boolean {
    const r = this.failRes;
    if (r < 0) return false;
    const lv = this.failLv;
    const ep = this.epoch;
    const { P, stride: S, pState, L, sat, newL, pNB, est, estTag, satList } = this;
    const tag = this.stats.recomputes;
    // Estimates for the next attempt's order: what this one settled, and r at its level without them.
    for (let i = 0; i < this.nSat; i++) {
      const x = satList[i]!;
      est[x] = newL[x]!;
      estTag[x] = tag;
    }
    est[r] = lv;
    estTag[r] = tag;
    const moving = this.lateList; // free outside a fill
    moving.length = 0;
    const adj = this.adj[r]!;
    for (let j = 0; j < adj.length; j++) {
      const e = adj[j]!;
      const g = e >> USE_SHIFT;
      const b = g * S;
      if (!(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
      const st = pState[g];
      if (st !== LIVE && st !== NEW) continue;
      const bn = st === NEW ? pNB[g]! : P[b + P_BOTTLENECK]!;
      if (bn === r) continue;
      if (bn < 0) return false; // capped
      const level = sat[bn] === ep ? newL[bn]! : estTag[bn] === tag ? est[bn]! : L[bn]!;
      if (!(level > lv)) continue;
      if (this.meff(g) !== Infinity) return false;
      moving.push(g);
    }
    if (moving.length === 0) return false;
    for (let q = 0, qs = moving; q < qs.length; q++) {
      const g = qs[q]!;
      if (pState[g] === NEW) {
        this.pHint[g] = r;
        continue;
      }
      if (pState[g] !== LIVE) continue; // listed twice: it uses r more than once
      this.rehome(g, r);
    }
    moving.length = 0;
    return true;
  }

  /**
   * A placed path leaves its group and is placed again by this recompute, which tries group r for
   * it first: what removing and re-adding it would do (its transfer's bytes brought to now, its
   * usage taken back, its resources changed), without re-registering its uses.
   */
  private rehome(g: number, r: number): void {
    const P = this.P;
    const b = g * this.stride;
    const t = this.bySlot[P[b + P_TRANSFER]!]!;
    this.foldTransfer(t);
    this.unplace(g);
    for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) this.markResDirty(P[ub]! | 0);
    this.pState[g] = NEW;
    this.pPlay[g] = 0;
    this.pFrozen[g] = 0;
    this.pHint[g] = r;
    this.added.push(g);
    this.touchedXfers.push(t);
    this.stats.pathsMoved++;
  }

  /** The groups from gOrder[gp] on, sorted by this recompute's estimated levels (else their old ones). */
  private estimatedOrder(gp: number): I32 {
    const { gOrder, sOrder, est, estTag, L } = this;
    const tag = this.stats.recomputes;
    const n = this.gOrderLen - gp;
    for (let i = 0; i < n; i++) {
      const r = gOrder[gp + i]!;
      const k = estTag[r] === tag ? est[r]! : L[r]!;
      // Insertion: the order is mostly the old one.
      let j = i - 1;
      while (j >= 0) {
        const q = sOrder[j]!;
        if ((estTag[q] === tag ? est[q]! : L[q]!) <= k) break;
        sOrder[j + 1] = q;
        j--;
      }
      sOrder[j + 1] = r;
    }
    return sOrder;
  }

  /** Whether a path crosses r (not as its member) at a level above lv, counting new levels set this epoch. */
  private crossesAbove(r: number, lv: number, ep: number): boolean {
    const { P, stride: S, pState, L, sat, newL, pNB } = this;
    const adj = this.adj[r]!;
    let top = 0;
    for (let j = 0; j < adj.length; j++) {
      const e = adj[j]!;
      const g = e >> USE_SHIFT;
      const b = g * S;
      if (!(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
      const st = pState[g];
      let level: number;
      if (st === NEW) {
        const bn = pNB[g]!;
        if (bn === r) continue;
        if (sat[bn] !== ep) return true; // its group comes later: a tie, or worse
        level = newL[bn]!;
      } else if (st === LIVE) {
        const bn = P[b + P_BOTTLENECK]!;
        if (bn === r) continue;
        level = bn < 0 ? P[b + P_LEVEL]! : sat[bn] === ep ? newL[bn]! : L[bn]!;
      } else continue;
      if (level > lv) return true;
      if (level > top) top = level;
    }
    this.tightenLater(r, top);
    return false;
  }


  /**
   * Resumes the progressive filling at level lam over what the change can reach. With full false,
   * only bottleneck groups and changed resources may saturate; returns false if another resource
   * ends over its capacity (then the caller fills again with full true).
   */
  private fill(lam: number, reach: boolean, full: boolean): FillResult {
    const ep = ++this.epoch;
    this.fullFill = full;
    const { P, stride: S, L, components, labEp, slope, frz, cnt, newUses, gEp, stamp, tList } = this;
    const { pState, pPlay } = this;
    const dirtyRes = this.dirtyRes;
    const added = this.added;

    // What is in play: the groups at or above λd in the touched components, capped paths at or
    // above λd there, and new paths; per resource, their unfrozen slope and count, and the
    // consumption of everything frozen below λd.
    for (let q = 0, qs = dirtyRes; q < qs.length; q++) {
      const r = qs[q]!;
      labEp[components.labelOf(r)] = ep;
    }
    this.nT = 0;
    this.unfrozen = 0;
    for (let q = 0, qs = dirtyRes; q < qs.length; q++) {
      const r = qs[q]!;
      this.touch(r, ep);
    }
    const capped = this.capped;
    for (let i = capped.lowerBound(lam); i < capped.length; i++) {
      const g = capped.pathAt(i);
      const b = g * S;
      if (pState[g] !== LIVE || P[b + P_BOTTLENECK] !== CAP) continue;
      const n = P[b + P_USES]!;
      if (n === 0 || labEp[components.labelOf(P[b + P_USE]!)] !== ep) continue;
      pPlay[g] = ep;
      this.unfrozen++;
      const lv = P[b + P_LEVEL]!;
      for (let ub = b + P_USE, ue = ub + USE_FIELDS * n; ub < ue; ub += USE_FIELDS) {
        const c = P[ub + U_COEF]!;
        if (!(c > 0)) continue;
        const r = P[ub]! | 0;
        this.reached[r] = ep;
        this.touch(r, ep);
        slope[r] = slope[r]! + c;
        cnt[r] = cnt[r]! + 1;
        frz[r] = frz[r]! + c * lv;
      }
    }
    for (let q = 0, qs = added; q < qs.length; q++) {
      const g = qs[q]!;
      if (pState[g] !== NEW) continue;
      pPlay[g] = ep;
      this.unfrozen++;
      const b = g * S;
      for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
        const c = P[ub + U_COEF]!;
        if (!(c > 0)) continue;
        const r = P[ub]! | 0;
        this.reached[r] = ep;
        this.touch(r, ep);
        slope[r] = slope[r]! + c;
        cnt[r] = cnt[r]! + 1;
        newUses[r] = newUses[r]! + 1;
      }
    }
    // Groups in play: with reach, those the change reaches — changed ones, and upward (by level)
    // every group that a path in play crosses; otherwise all in the touched components.
    const { reached, passed, rDirty } = this;
    let tie = false;
    if (reach) {
      // A changed resource that is not a bottleneck may become one (its capacity dropped): what
      // crosses it above λd is reached.
      for (let q = 0, qs = dirtyRes; q < qs.length; q++) {
        const r = qs[q]!;
        if (L[r] !== Infinity || !(this.mx[r]! > lam)) continue;
        for (let u = 0, us = this.adj[r]!; u < us.length; u++) {
          const e = us[u]!;
          const bn = P[(e >> USE_SHIFT) * S + P_BOTTLENECK]!;
          if (bn >= 0 && pState[e >> USE_SHIFT] === LIVE && L[bn]! >= lam) reached[bn] = ep;
        }
      }
    }
    const gp = this.lowerBoundG(lam);
    this.gp = gp;
    const gOrder = this.gOrder;
    const sgList = this.sgList;
    let nSG = 0;
    for (let i = gp, n = this.gOrderLen; i < n; i++) {
      const r = gOrder[i]!;
      if (labEp[components.labelOf(r)] !== ep) continue;
      if (reach && reached[r] !== ep && !rDirty[r]) {
        passed[r] = ep;
        continue;
      }
      sgList[nSG++] = r;
      gEp[r] = ep;
      this.touch(r, ep);
      const lr = L[r]!;
      // In play from the start: the old usage in play is counted up here and taken from load later.
      this.unfreezeMembers(r, 1);
      const R = this.gxRes[r]!;
      const C = this.gxCoef[r]!;
      for (let j = 0, m = R.length; j < m; j++) {
        const r2 = R[j]!;
        const c = C[j]!;
        reached[r2] = ep;
        if (passed[r2] === ep) tie = true;
        if (stamp[r2] !== ep) {
          stamp[r2] = ep;
          slope[r2] = c;
          cnt[r2] = 1;
          frz[r2] = c * lr;
          newUses[r2] = 0;
          tList[this.nT++] = r2;
        } else {
          slope[r2] = slope[r2]! + c;
          cnt[r2] = cnt[r2]! + 1;
          frz[r2] = frz[r2]! + c * lr;
        }
      }
    }
    this.nSG = nSG;
    // A group reached only after the loop passed it (levels tied): fill with the components.
    if (tie) return FILL_LEFT_OUT;
    if (!full) this.stats.flowsTouched += this.unfrozen;
    const nT = this.nT;
    const { load, posCnt } = this;
    for (let k = 0; k < nT; k++) {
      const r = tList[k]!;
      const inPlayOld = cnt[r]! - newUses[r]!;
      const liveOld = posCnt[r]! - newUses[r]!;
      const f = inPlayOld === liveOld ? 0 : load[r]! - frz[r]!;
      frz[r] = f > 0 ? f : 0;
    }

    return this.fillLoop(lam, reach, full, ep);
  }

  /** The progressive filling proper, from λd, once fill() has set up what is in play. */
  private fillLoop(lam: number, reach: boolean, full: boolean, ep: number): FillResult {
    const { gEp, frz, tList, pState, capped } = this;
    const added = this.added;
    const nT = this.nT;
    // Progressive filling from λd.
    let level = lam === Infinity ? 0 : lam;
    this.nSw = 0;
    this.nSat = 0;
    for (let q = 0, qs = added; q < qs.length; q++) {
      const g = qs[q]!;
      // New paths capped below λd froze there (their load was counted when finding λd).
      if (pState[g] === NEW && this.pFrozen[g] !== ep) {
        const m = this.meff(g);
        if (m < level) this.freezePath(g, m, CAP, ep);
      }
    }
    this.candidates.clear();
    const rDirty = this.rDirty;
    for (let k = 0; k < nT; k++) {
      const r = tList[k]!;
      if (!full && gEp[r] !== ep && !rDirty[r]) continue;
      const key = this.keyOf(r);
      if (key !== Infinity) this.candidates.push(r, key);
    }
    let mi = capped.lowerBound(level);
    while (this.unfrozen > 0) {
      const hk = this.candidates.topKey();
      let cm = Infinity;
      while (mi < capped.length) {
        const g = capped.pathAt(mi);
        if (this.inPlay(g, ep) && !this.isFrozen(g, ep)) {
          cm = this.meff(g);
          break;
        }
        mi++;
      }
      if (cm <= hk) {
        if (cm === Infinity) break;
        if (cm > level) level = cm;
        this.freezePath(capped.pathAt(mi++), level, CAP, ep);
        continue;
      }
      const r = this.candidates.topResource();
      const key = this.keyOf(r);
      if (key > hk) {
        if (key === Infinity) this.candidates.pop();
        else this.candidates.replaceTop(r, key);
        continue;
      }
      this.candidates.pop();
      if (key > level) level = key;
      // A path left out of play that crosses r above this level would in truth still be growing.
      if (reach && this.mx[r]! > level) {
        const pulled = this.pullLeftOut(r, level, ep);
        if (pulled === PULL_FAILED) return FILL_LEFT_OUT;
        if (pulled === PULLED) {
          this.candidates.push(r, this.keyOf(r));
          continue;
        }
      }
      this.saturate(r, level, ep);
    }
    if (full) {
      if (this.unfrozen > 0) throw new Error('FlowNetwork: internal error: a path was left without a bottleneck');
      return FILL_OK;
    }
    if (this.unfrozen > 0) return FILL_OVERLOAD;
    // Resources that were not candidates must have stayed within capacity (those first reached by a
    // group that came into play late included).
    const cap = this.cap;
    for (let k = 0, n = this.nT; k < n; k++) {
      const r = tList[k]!;
      if (gEp[r] === ep || rDirty[r]) continue;
      const c = cap[r]!;
      if (frz[r]! > c + c * 1e-9) return FILL_OVERLOAD;
    }
    return FILL_OK;
  }

  /**
   * Before r saturates at lam: a placed path not in play that crosses r (not as r's member) at an
   * old level above lam would in truth still be growing there, so its group comes into play now,
   * with every group it reaches. Fails (the caller fills component-wide) if such a group has capped
   * members, which the capped-path cursor may already have passed. Otherwise, when nothing was
   * pulled, tightens mx[r]: once r saturates at lam nothing crosses it above lam.
   */
  private pullLeftOut(r: number, lam: number, ep: number): PullResult {
    const { P, stride: S, pState, L, gEp } = this;
    const adj = this.adj[r]!;
    const late = this.lateList;
    if (late.length > 0) late.length = 0;
    let top = 0; // the highest level crossing r once it saturates, if nothing is pulled
    for (let j = 0; j < adj.length; j++) {
      const e = adj[j]!;
      const g = e >> USE_SHIFT;
      const b = g * S;
      const st = pState[g];
      if ((st !== LIVE && st !== NEW) || !(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
      const bn = P[b + P_BOTTLENECK]!;
      // r's own member, unless it already froze elsewhere in this fill (then it crosses r).
      if (bn === r && !(this.pFrozen[g] === ep && this.pNB[g] !== r)) continue;
      // A new path is always in play.
      if (st === NEW || this.inPlay(g, ep)) {
        // Frozen: its new level; still growing: it freezes on r now and becomes r's member.
        const lv = this.frozenLevel(g, ep);
        if (lv > top) top = lv;
        continue;
      }
      const lv = bn >= 0 ? L[bn]! : P[b + P_LEVEL]!;
      if (!(lv > lam)) {
        if (lv > top) top = lv;
        continue;
      }
      if (bn < 0) return PULL_FAILED; // a capped path left out: cannot happen in a touched component
      if (gEp[bn] !== ep) {
        gEp[bn] = ep; // claimed; entered below
        late.push(bn);
      }
    }
    if (late.length === 0) {
      this.tightenLater(r, top);
      return PULL_NONE;
    }
    // Everything these groups reach upward comes in too (their levels are above lam).
    for (let i = 0; i < late.length; i++) {
      const G = late[i]!;
      if (this.capCnt[G]! > 0) return PULL_FAILED;
      const R = this.gxRes[G]!;
      for (let j = 0, m = R.length; j < m; j++) {
        const r2 = R[j]!;
        if (L[r2] !== Infinity && gEp[r2] !== ep) {
          gEp[r2] = ep;
          late.push(r2);
        }
      }
    }
    for (let q = 0, qs = late; q < qs.length; q++) {
      const G = qs[q]!;
      this.enterLate(G, ep);
    }
    for (let q = 0, qs = late; q < qs.length; q++) {
      const G = qs[q]!;
      this.candidates.push(G, this.keyOf(G));
    }
    return PULLED;
  }

  /** The level a path in play froze at this recompute, or -1 while it is still growing. */
  private frozenLevel(g: number, ep: number): number {
    if (this.pFrozen[g] === ep) {
      const nb = this.pNB[g]!;
      return nb >= 0 ? this.newL[nb]! : this.meff(g);
    }
    const bn = this.P[g * this.stride + P_BOTTLENECK]!;
    return bn >= 0 && this.sat[bn] === ep && this.gEp[bn] === ep ? this.newL[bn]! : -1;
  }

  /**
   * Records that, if this recompute's result is the one committed, nothing crosses r above top:
   * mx[r] is tightened then (a result abandoned for another fill must not lower it).
   */
  private tightenLater(r: number, top: number): void {
    if (this.tightEp !== this.epoch) {
      this.tightEp = this.epoch;
      this.tightList.length = 0;
    }
    this.tightList.push(r, top);
  }

  /**
   * Group r's members unfreeze on r itself: their slope and count, and their old usage on r added
   * to (sign 1) or taken from (sign -1) its frozen total, as the caller keeps it.
   */
  private unfreezeMembers(r: number, sign: 1 | -1): void {
    const o = this.own[r]!;
    const oc = this.ownCnt[r]!;
    this.slope[r] = this.slope[r]! + o;
    this.cnt[r] = this.cnt[r]! + oc;
    this.frz[r] = this.frz[r]! + sign * o * this.L[r]!;
    this.ownUnf[r] = oc;
    this.ownUnfC[r] = o;
    const members = this.memCnt[r]!;
    this.memUnf[r] = members;
    this.unfrozen += members;
  }

  /** Group G comes into play in the middle of the filling (at a level below its old one). */
  private enterLate(G: number, ep: number): void {
    const { L, slope, cnt, frz, gEp, rDirty } = this;
    this.sgList[this.nSG++] = G;
    this.touchLate(G, ep);
    const lr = L[G]!;
    // In play late: its members' old usage leaves what is frozen.
    this.unfreezeMembers(G, -1);
    const R = this.gxRes[G]!;
    const C = this.gxCoef[G]!;
    for (let j = 0, m = R.length; j < m; j++) {
      const r2 = R[j]!;
      const c = C[j]!;
      this.touchLate(r2, ep);
      slope[r2] = slope[r2]! + c;
      cnt[r2] = cnt[r2]! + 1;
      frz[r2] = frz[r2]! - c * lr;
      // Its key may have dropped: offered again (the stale entry is dropped when it surfaces).
      if (this.fullFill || gEp[r2] === ep || rDirty[r2]) this.candidates.push(r2, this.keyOf(r2));
    }
  }

  /** touch() for a resource first reached in the middle of the filling: all its usage is frozen. */
  private touchLate(r: number, ep: number): void {
    if (this.stamp[r] === ep) return;
    this.touch(r, ep);
    this.frz[r] = this.load[r]!;
  }

  /**
   * Applies the new filling: levels, bottleneck switches, usage, transfers, completion instants,
   * the groups' order. In parts: each is compiled on its own, sooner than one large function would
   * be (the first run of a workload spends most of its time waiting for the hot code to compile).
   */
  private commit(now: number): void {
    this.commitLevels(now);
    this.commitPaths(now);
    this.commitOrder();
    this.clearPending();
  }

  /** New levels and virtual clocks; paths that change bottleneck leave their groups. */
  private commitLevels(now: number): void {
    const ep = this.epoch;
    const { P, stride: S, L, gEp, sat, pState, pNB } = this;
    const nSG = this.nSG;
    const sgList = this.sgList;
    const nSat = this.nSat;
    const satList = this.satList;
    const VT = this.VT;
    const VT0 = this.VT0;
    // Virtual clocks of the groups whose level changes are brought to now first.
    const newL = this.newL;
    for (let i = 0; i < nSG; i++) {
      const r = sgList[i]!;
      if (sat[r] === ep && newL[r] === L[r]) continue;
      VT[r] = this.vAt(r, now);
      VT0[r] = now;
    }
    for (let i = 0; i < nSat; i++) {
      const r = satList[i]!;
      if (gEp[r] !== ep) {
        VT[r] = 0;
        VT0[r] = now;
      }
    }
    const swList = this.swList;
    const fin = this.finalizeList;
    fin.length = 0;
    for (let j = 0; j < this.nSw; j++) {
      const g = swList[j]!;
      if (pState[g] === LIVE && pNB[g] !== P[g * S + P_BOTTLENECK]) this.detach(g, now);
    }
    for (let i = 0; i < nSG; i++) {
      const r = sgList[i]!;
      if (sat[r] !== ep) L[r] = Infinity; // all its paths moved elsewhere
    }
    const mx = this.mx;
    if (this.tightEp === ep) {
      const tl = this.tightList;
      for (let i = 0; i < tl.length; i += 2) mx[tl[i]!] = tl[i + 1]!;
    }
    for (let i = 0; i < nSat; i++) {
      const r = satList[i]!;
      // Once r is saturated every path crossing it is at or below its level. (Written every time:
      // a store first reached after the optimizing compiler ran would throw its code away.)
      const lv = newL[r]!;
      mx[r] = mx[r]! > lv ? lv : mx[r]!;
      if (L[r] !== newL[r]) {
        L[r] = newL[r]!;
        this.markNext(r);
      }
    }
  }

  /** Paths join their new groups; usage; transfers and groups get their next completion instants. */
  private commitPaths(now: number): void {
    const ep = this.epoch;
    const { P, stride: S, sat, load, posCnt, frz } = this;
    const nSG = this.nSG;
    const sgList = this.sgList;
    const fin = this.finalizeList;
    if (this.nSw > 0) this.joinNewGroups();
    const tList = this.tList;
    for (let k = 0, nT = this.nT; k < nT; k++) {
      const r = tList[k]!;
      const f = frz[r]!;
      load[r] = posCnt[r]! > 0 && f > 0 ? f : 0;
    }
    for (let i = 0; i < nSG; i++) for (let q = 0, qs = this.exMem[sgList[i]!]!; q < qs.length; q++) {
      const g = qs[q]!;
      this.toFinalize(this.bySlot[P[g * S + P_TRANSFER]!]!);
    }
    for (let q = 0, qs = this.touchedXfers; q < qs.length; q++) {
      const t = qs[q]!;
      this.toFinalize(t);
    }
    this.touchedXfers.length = 0;
    for (let q = 0, qs = fin; q < qs.length; q++) {
      const t = qs[q]!;
      this.finalize(t, now);
    }
    fin.length = 0;
    for (let i = 0; i < nSG; i++) if (sat[sgList[i]!] !== ep) this.markNext(sgList[i]!);
    for (let q = 0, qs = this.nextList; q < qs.length; q++) {
      const r = qs[q]!;
      this.nextDirty[r] = 0;
      this.groupDue.set(r, this.groupNext(r));
    }
    this.nextList.length = 0;
  }

  /** New paths and paths that switched join their groups. */
  private joinNewGroups(): void {
    const { P, stride: S, pState, pNB, swList } = this;
    for (let j = 0; j < this.nSw; j++) {
      const g = swList[j]!;
      if (pState[g] === NEW || P[g * S + P_BOTTLENECK] === NONE) {
        this.joinGroup(g, pNB[g]!);
        pState[g] = LIVE;
        this.toFinalize(this.bySlot[P[g * S + P_TRANSFER]!]!);
      }
    }
  }

  /** The groups' order by level: untouched ones keep their place, the saturated ones (found in increasing level) are merged in. */
  private commitOrder(): void {
    const ep = this.epoch;
    const { gEp, L, satList } = this;
    const nSat = this.nSat;
    const gOrder = this.gOrder;
    const gp = this.gp;
    const A = this.gScratch;
    let na = 0;
    for (let i = gp, n = this.gOrderLen; i < n; i++) {
      const r = gOrder[i]!;
      if (gEp[r] !== ep) A[na++] = r;
    }
    let w = gp;
    let i = 0;
    let j = 0;
    while (i < na && j < nSat) {
      const a = A[i]!;
      const b = satList[j]!;
      if (L[a]! <= L[b]!) {
        gOrder[w++] = a;
        i++;
      } else {
        gOrder[w++] = b;
        j++;
      }
    }
    while (i < na) gOrder[w++] = A[i++]!;
    while (j < nSat) gOrder[w++] = satList[j++]!;
    this.gOrderLen = w;
  }

  /** The pending change is applied: cleared, dead path slots freed, the next completion event set. */
  private clearPending(): void {
    for (let q = 0, qs = this.dirtyRes; q < qs.length; q++) {
      const r = qs[q]!;
      this.rDirty[r] = 0;
    }
    this.dirtyRes.length = 0;
    this.added.length = 0;
    for (let q = 0, qs = this.deadPaths; q < qs.length; q++) {
      const g = qs[q]!;
      this.pState[g] = FREE;
      this.freePaths.push(g);
    }
    this.deadPaths.length = 0;
    this.pendingLambda = Infinity;
    this.ensureCompletionEvent();
  }

  private toFinalize(t: Transfer): void {
    if (!t.active || t.stamp === this.epoch) return;
    t.stamp = this.epoch;
    this.finalizeList.push(t);
  }

  /** A placed path changes bottleneck: its transfer's bytes are brought to now, it leaves its group. */
  private detach(g: number, now: number): void {
    const P = this.P;
    const b = g * this.stride;
    const slot = P[b + P_TRANSFER]!;
    const t = this.bySlot[slot]!;
    const x = this.x;
    const xb = slot * XS;
    const bn = P[b + P_BOTTLENECK]!;
    if (x[xb + X_IMPL] === 1) {
      x[xb + X_DONE] = this.bytesNow(t);
      x[xb + X_T0] = now;
      x[xb + X_RATE] = 0;
      x[xb + X_IMPL] = 0;
      this.heapRemoveG(bn, g);
    } else {
      const rate = x[xb + X_RATE]!;
      if (rate !== 0) {
        const d = x[xb + X_DONE]! + (rate * (now - x[xb + X_T0]!)) / 1000;
        x[xb + X_DONE] = d < x[xb + X_BYTES]! ? d : x[xb + X_BYTES]!;
      }
      x[xb + X_T0] = now;
      if (P[b + P_EXPLICIT_POS]! >= 0) this.exRemove(bn, g);
    }
    this.leaveGroup(g);
    this.toFinalize(t);
  }

  /** Puts a transfer whose paths or levels changed back on the right completion track. */
  private finalize(t: Transfer, now: number): void {
    const x = this.x;
    const xb = t.slot * XS;
    if (x[xb + X_IMPL] === 1) return; // still implicit on the same bottleneck: its clock moved for it
    const P = this.P;
    const S = this.stride;
    const bytes = x[xb + X_BYTES]!;
    const rate0 = x[xb + X_RATE]!;
    let done = x[xb + X_DONE]!;
    if (rate0 !== 0) {
      done += (rate0 * (now - x[xb + X_T0]!)) / 1000;
      if (done > bytes) done = bytes;
      x[xb + X_DONE] = done;
    }
    x[xb + X_T0] = now;
    const ps = t.paths;
    if (ps.length === 1 && P[ps[0]! * S + P_BOTTLENECK]! >= 0) {
      const g = ps[0]!;
      const b = g * S;
      const bn = P[b + P_BOTTLENECK]!;
      if (P[b + P_EXPLICIT_POS]! >= 0) this.exRemove(bn, g);
      const w = P[b + P_WEIGHT]!;
      const k = done - w * this.vAt(bn, now);
      P[b + P_OFFSET] = k;
      this.heapPushG(bn, g, (bytes - k) / w);
      x[xb + X_IMPL] = 1;
      x[xb + X_RATE] = 0;
      this.transferDue.set(t.slot, Infinity);
      return;
    }
    let rate = 0;
    for (let q = 0, qs = ps; q < qs.length; q++) {
      const g = qs[q]!;
      rate += P[g * S + P_WEIGHT]! * this.level(g);
      const bn = P[g * S + P_BOTTLENECK]!;
      if (bn >= 0 && P[g * S + P_EXPLICIT_POS]! < 0) this.exPush(bn, g);
    }
    x[xb + X_RATE] = rate;
    const rem = bytes - done;
    this.transferDue.set(t.slot, rem <= 0 ? now : rate > 0 ? now + (rem * 1000) / rate : Infinity);
  }
}

function pathAt(where: string, i: number): string {
  return `${where}: path ${i}`;
}

function checkResourceId(op: string, id: string): void {
  if (typeof id !== 'string' || id === '') throw new Error(`FlowNetwork.${op}: a resource id must be a non-empty string`);
}

function checkCapacity(op: string, id: string, capacity: number): void {
  if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 0) {
    throw new Error(`FlowNetwork.${op}("${id}"): capacity must be a finite number ≥ 0 (units per second), got ${String(capacity)}`);
  }
}

function checkMaxRate(where: string, maxRate: number | undefined): void {
  if (maxRate === undefined) return;
  if (typeof maxRate !== 'number' || Number.isNaN(maxRate) || maxRate < 0) {
    throw new Error(`${where}: maxRate must be a number ≥ 0 (bytes per second) or undefined, got ${String(maxRate)}`);
  }
}
