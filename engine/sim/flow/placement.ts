// Placing and removing paths in the bottleneck structure (docs/design.md, "The max-min solver"):
// a path's uses on each resource's list, its membership of its bottleneck group, its usage, and its
// transfer's byte record when its rate is about to change. Functions over NetworkState.
import { X_DONE, X_IMPL, X_RATE, X_T0, XS, type CheckedPath, type NetworkState, type Transfer } from './network-state';
import { CAP, DEAD, LIVE, NEW, NONE, P_BLOCKED, P_BOTTLENECK, P_CAP_LEVEL, P_EXPLICIT_POS, P_LEVEL, P_OFFSET, P_TRANSFER, P_USE, P_USES, P_WEIGHT, U_ADJ_POS, U_COEF, U_CROSS_POS, USE_FIELDS, USE_MASK, USE_SHIFT } from './path-layout';
import { doubleList, NO_INTS } from './typed-arrays';

export function addPath(s: NetworkState, t: Transfer, c: CheckedPath): number {
  const n = c.res.length;
  s.ensureStride(n);
  const g = s.allocPath();
  const P = s.P;
  const b = g * s.stride;
  s.pState[g] = NEW;
  s.pPlay[g] = 0;
  s.pFrozen[g] = 0;
  s.pHint[g] = -1;
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
    let adj = s.adj[r]!;
    if (adj === NO_INTS) adj = s.adj[r] = [];
    P[ub] = r;
    P[ub + U_COEF] = c.coef[k]!;
    P[ub + U_ADJ_POS] = adj.length;
    P[ub + U_CROSS_POS] = -1;
    adj.push((g << USE_SHIFT) | k);
    if (c.coef[k]! > 0) s.posCnt[r]!++;
    if (s.cap[r] === 0) blocked++;
    s.markResDirty(r);
  }
  P[b + P_BLOCKED] = blocked;
  if (s.meff(g) !== Infinity) s.capped.insert(g, s.meff(g));
  if (n > 0) {
    const r0 = c.res[0]!;
    for (let k = 1; k < n; k++) s.components.unite(r0, c.res[k]!);
    s.components.pathAdded(r0);
  }
  s.added.push(g);
  return g;
}

/** Takes a path out of everything; the slot is freed after the next recompute. */
export function removePath(s: NetworkState, g: number): void {
  const P = s.P;
  const S = s.stride;
  const b = g * S;
  const n = P[b + P_USES]!;
  if (s.pState[g] === LIVE) unplace(s, g);
  for (let k = 0; k < n; k++) {
    const ub = b + P_USE + USE_FIELDS * k;
    const r = P[ub]! | 0;
    const adj = s.adj[r]!;
    const pos = P[ub + U_ADJ_POS]!;
    const last = adj.pop()!;
    if (last !== ((g << USE_SHIFT) | k)) {
      adj[pos] = last;
      P[(last >> USE_SHIFT) * S + P_USE + USE_FIELDS * (last & USE_MASK) + U_ADJ_POS] = pos;
    }
    if (P[ub + U_COEF]! > 0 && --s.posCnt[r]! === 0) s.load[r] = 0;
    s.markResDirty(r);
  }
  if (s.meff(g) !== Infinity) s.capped.remove(g, s.meff(g));
  s.pState[g] = DEAD;
  s.deadPaths.push(g);
  if (n > 0) {
    s.components.pathRemoved(P[b + P_USE]!, s.adj, P, S);
  }
}

/**
 * A placed path leaves the bottleneck structure: its group (and completion tracking there) and
 * its usage; the filling below its level may change.
 */
export function unplace(s: NetworkState, g: number): void {
  const { P, load } = s;
  const b = g * s.stride;
  const lv = s.level(g);
  if (lv < s.pendingLambda) s.pendingLambda = lv;
  const bn = P[b + P_BOTTLENECK]!;
  if (bn >= 0) {
    if (s.memberHeaps.has(g)) s.heapRemoveG(bn, g);
    if (P[b + P_EXPLICIT_POS]! >= 0) exRemove(s, bn, g);
    leaveGroup(s, g);
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

export function removeTransfer(s: NetworkState, t: Transfer): void {
  for (let q = 0, qs = t.paths; q < qs.length; q++) {
    const g = qs[q]!;
    removePath(s, g);
  }
  t.paths = [];
  t.active = false;
  s.x[t.slot * XS + X_IMPL] = 0;
  s.xfers.delete(t.id);
  s.bySlot[t.slot] = undefined;
  s.freeSlots.push(t.slot);
  s.transferDue.set(t.slot, Infinity);
}

// ---- group membership ----

export function leaveGroup(s: NetworkState, g: number): void {
  const P = s.P;
  const S = s.stride;
  const b = g * S;
  const bn = P[b + P_BOTTLENECK]!;
  P[b + P_BOTTLENECK] = NONE;
  if (bn < 0) return;
  const R = s.gxRes[bn]!;
  const C = s.gxCoef[bn]!;
  const U = s.gxUse[bn]!;
  for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
    const ub = b + P_USE + USE_FIELDS * k;
    const c = P[ub + U_COEF]!;
    if (!(c > 0)) continue;
    if (P[ub] === bn) {
      s.own[bn] = s.own[bn]! - c;
      s.ownCnt[bn]!--;
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
  if (s.meff(g) !== Infinity) s.capCnt[bn]!--;
  if (--s.memCnt[bn]! === 0) {
    s.own[bn] = 0;
    s.ownCnt[bn] = 0;
  }
}

export function joinGroup(s: NetworkState, g: number, bn: number): void {
  const P = s.P;
  const b = g * s.stride;
  P[b + P_BOTTLENECK] = bn;
  if (bn === CAP) {
    P[b + P_LEVEL] = s.meff(g);
    return;
  }
  s.memCnt[bn]!++;
  if (s.meff(g) !== Infinity) s.capCnt[bn]!++;
  if (s.gxRes[bn] === NO_INTS) {
    s.gxRes[bn] = [];
    s.gxCoef[bn] = doubleList();
    s.gxUse[bn] = [];
  }
  const R = s.gxRes[bn]!;
  const C = s.gxCoef[bn]!;
  const U = s.gxUse[bn]!;
  for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
    const ub = b + P_USE + USE_FIELDS * k;
    const c = P[ub + U_COEF]!;
    if (!(c > 0)) continue;
    const r = P[ub]! | 0;
    if (r === bn) {
      s.own[bn] = s.own[bn]! + c;
      s.ownCnt[bn]!++;
    } else {
      P[ub + U_CROSS_POS] = R.length;
      R.push(r | 0);
      C.push(c);
      U.push((g << USE_SHIFT) | k);
    }
  }
}

/** Brings a transfer's explicit record up to now (before its paths change). */
export function foldTransfer(s: NetworkState, t: Transfer): void {
  const x = s.x;
  const xb = t.slot * XS;
  const now = s.sim.now;
  const done = s.bytesNow(t);
  if (x[xb + X_IMPL] === 1) {
    const g = t.paths[0]!;
    s.heapRemoveG(s.P[g * s.stride + P_BOTTLENECK]!, g);
    x[xb + X_IMPL] = 0;
    x[xb + X_RATE] = 0;
  }
  x[xb + X_DONE] = done;
  x[xb + X_T0] = now;
}

export function exPush(s: NetworkState, bn: number, g: number): void {
  let list = s.exMem[bn]!;
  if (list === NO_INTS) list = s.exMem[bn] = [];
  s.P[g * s.stride + P_EXPLICIT_POS] = list.length;
  list.push(g);
}

export function exRemove(s: NetworkState, bn: number, g: number): void {
  const list = s.exMem[bn]!;
  const S = s.stride;
  const pos = s.P[g * S + P_EXPLICIT_POS]!;
  const last = list.pop()!;
  if (last !== g) {
    list[pos] = last;
    s.P[last * S + P_EXPLICIT_POS] = pos;
  }
  s.P[g * S + P_EXPLICIT_POS] = -1;
}
