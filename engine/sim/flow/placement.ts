// Placing and removing paths in the bottleneck structure (docs/design.md, "The max-min solver"):
// a path's uses on each resource's list, its membership of its bottleneck group, its usage, and its
// transfer's byte record when its rate is about to change. Functions over NetworkState.
import { X_DONE, X_IMPL, X_RATE, X_T0, XS, type CheckedPath, type NetworkState, type Transfer } from './network-state';
import {
  CAP,
  DEAD,
  LIVE,
  NEW,
  NONE,
  P_BLOCKED,
  P_BOTTLENECK,
  P_CAP_LEVEL,
  P_EXPLICIT_POS,
  P_LEVEL,
  P_OFFSET,
  P_TRANSFER,
  P_USE,
  P_USES,
  P_WEIGHT,
  U_ADJ_POS,
  U_COEF,
  U_CROSS_POS,
  USE_FIELDS,
  USE_MASK,
  USE_SHIFT,
} from './path-layout';
import { doubleList, NO_INTS } from './typed-arrays';

export function addPath(s: NetworkState, t: Transfer, c: CheckedPath): number {
  const n = c.res.length;
  s.ensureStride(n);
  const g = s.allocPath();
  const P = s.pathData;
  const b = g * s.pathStride;
  s.pathState[g] = NEW;
  s.pathInPlayAt[g] = 0;
  s.pathFrozenAt[g] = 0;
  s.bottleneckHint[g] = -1;
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
    let adj = s.usesOf[r]!;
    if (adj === NO_INTS) adj = s.usesOf[r] = [];
    P[ub] = r;
    P[ub + U_COEF] = c.coef[k]!;
    P[ub + U_ADJ_POS] = adj.length;
    P[ub + U_CROSS_POS] = -1;
    adj.push((g << USE_SHIFT) | k);
    if (c.coef[k]! > 0) s.liveUses[r]!++;
    if (s.cap[r] === 0) blocked++;
    s.markResDirty(r);
  }
  P[b + P_BLOCKED] = blocked;
  if (s.capLevel(g) !== Infinity) s.capped.insert(g, s.capLevel(g));
  if (n > 0) {
    const r0 = c.res[0]!;
    for (let k = 1; k < n; k++) s.components.unite(r0, c.res[k]!);
    s.components.pathAdded(r0);
  }
  s.addedPaths.push(g);
  return g;
}

/** Takes a path out of everything; the slot is freed after the next recompute. */
export function removePath(s: NetworkState, g: number): void {
  const P = s.pathData;
  const S = s.pathStride;
  const b = g * S;
  const n = P[b + P_USES]!;
  if (s.pathState[g] === LIVE) unplace(s, g);
  for (let k = 0; k < n; k++) {
    const ub = b + P_USE + USE_FIELDS * k;
    const r = P[ub]! | 0;
    const adj = s.usesOf[r]!;
    const pos = P[ub + U_ADJ_POS]!;
    const last = adj.pop()!;
    if (last !== ((g << USE_SHIFT) | k)) {
      adj[pos] = last;
      P[(last >> USE_SHIFT) * S + P_USE + USE_FIELDS * (last & USE_MASK) + U_ADJ_POS] = pos;
    }
    if (P[ub + U_COEF]! > 0 && --s.liveUses[r]! === 0) s.load[r] = 0;
    s.markResDirty(r);
  }
  if (s.capLevel(g) !== Infinity) s.capped.remove(g, s.capLevel(g));
  s.pathState[g] = DEAD;
  s.deadPaths.push(g);
  if (n > 0) {
    s.components.pathRemoved(P[b + P_USE]!, s.usesOf, P, S);
  }
}

/**
 * A placed path leaves the bottleneck structure: its group (and completion tracking there) and
 * its usage; the filling below its level may change.
 */
export function unplace(s: NetworkState, g: number): void {
  const { pathData: P, load } = s;
  const b = g * s.pathStride;
  const lv = s.pathLevel(g);
  if (lv < s.pendingLevel) s.pendingLevel = lv;
  const bn = P[b + P_BOTTLENECK]!;
  if (bn >= 0) {
    if (s.memberHeaps.has(g)) s.memberHeapRemove(bn, g);
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
  s.transferData[t.slot * XS + X_IMPL] = 0;
  s.transfers.delete(t.id);
  s.transferAt[t.slot] = undefined;
  s.freeSlots.push(t.slot);
  s.transferDue.set(t.slot, Infinity);
}

// ---- group membership ----

export function leaveGroup(s: NetworkState, g: number): void {
  const P = s.pathData;
  const S = s.pathStride;
  const b = g * S;
  const bn = P[b + P_BOTTLENECK]!;
  P[b + P_BOTTLENECK] = NONE;
  if (bn < 0) return;
  const R = s.crossRes[bn]!;
  const C = s.crossCoef[bn]!;
  const U = s.crossUse[bn]!;
  for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
    const ub = b + P_USE + USE_FIELDS * k;
    const c = P[ub + U_COEF]!;
    if (!(c > 0)) continue;
    if (P[ub] === bn) {
      s.ownCoef[bn] = s.ownCoef[bn]! - c;
      s.ownUses[bn]!--;
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
  if (s.capLevel(g) !== Infinity) s.cappedMembers[bn]!--;
  if (--s.memberCount[bn]! === 0) {
    s.ownCoef[bn] = 0;
    s.ownUses[bn] = 0;
  }
}

export function joinGroup(s: NetworkState, g: number, bn: number): void {
  const P = s.pathData;
  const b = g * s.pathStride;
  P[b + P_BOTTLENECK] = bn;
  if (bn === CAP) {
    P[b + P_LEVEL] = s.capLevel(g);
    return;
  }
  s.memberCount[bn]!++;
  if (s.capLevel(g) !== Infinity) s.cappedMembers[bn]!++;
  if (s.crossRes[bn] === NO_INTS) {
    s.crossRes[bn] = [];
    s.crossCoef[bn] = doubleList();
    s.crossUse[bn] = [];
  }
  const R = s.crossRes[bn]!;
  const C = s.crossCoef[bn]!;
  const U = s.crossUse[bn]!;
  for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
    const ub = b + P_USE + USE_FIELDS * k;
    const c = P[ub + U_COEF]!;
    if (!(c > 0)) continue;
    const r = P[ub]! | 0;
    if (r === bn) {
      s.ownCoef[bn] = s.ownCoef[bn]! + c;
      s.ownUses[bn]!++;
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
  const x = s.transferData;
  const xb = t.slot * XS;
  const now = s.sim.now;
  const done = s.bytesNow(t);
  if (x[xb + X_IMPL] === 1) {
    const g = t.paths[0]!;
    s.memberHeapRemove(s.pathData[g * s.pathStride + P_BOTTLENECK]!, g);
    x[xb + X_IMPL] = 0;
    x[xb + X_RATE] = 0;
  }
  x[xb + X_DONE] = done;
  x[xb + X_T0] = now;
}

export function exPush(s: NetworkState, bn: number, g: number): void {
  let list = s.explicitMembers[bn]!;
  if (list === NO_INTS) list = s.explicitMembers[bn] = [];
  s.pathData[g * s.pathStride + P_EXPLICIT_POS] = list.length;
  list.push(g);
}

export function exRemove(s: NetworkState, bn: number, g: number): void {
  const list = s.explicitMembers[bn]!;
  const S = s.pathStride;
  const pos = s.pathData[g * S + P_EXPLICIT_POS]!;
  const last = list.pop()!;
  if (last !== g) {
    list[pos] = last;
    s.pathData[last * S + P_EXPLICIT_POS] = pos;
  }
  s.pathData[g * S + P_EXPLICIT_POS] = -1;
}
