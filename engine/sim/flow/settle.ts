// The recompute's fast path (docs/design.md, "The max-min solver").
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
// progressive filling (fill.ts) run (8% of the 256x10000 benchmark's recomputes; 42% without
// moving paths).
import type { NetworkState } from './network-state';
import { LIVE, NEW, P_BLOCKED, P_BOTTLENECK, P_CAP_LEVEL, P_LEVEL, P_TRANSFER, P_USE, P_USES, U_COEF, USE_FIELDS, USE_MASK, USE_SHIFT } from './path-layout';
import { foldTransfer, unplace } from './placement';
import type { I32 } from './typed-arrays';

/**
 * The common case first: nothing changes bottleneck. Then every group the change reaches keeps
 * its members, and in increasing old level (a topological order of "a member of X crosses Y")
 * each one's new level follows from its capacity and what crosses it: L' = (cap − others') / own'.
 * Only a group whose level moved passes the difference on, along its members' other resources,
 * so one walk per changed group and no heap. New paths join the crossed group with the lowest
 * level. lam is the lowest changed level: groups below it are not read. Returns false, having
 * committed nothing (crossBound may only have risen, which keeps it a bound), as soon as that assumption
 * fails: a crossing path above a group's new level (crossBound[r] bounds them; the uses are walked only
 * when it is exceeded), a resource over capacity, a tie in the order, a cap or an outage
 * involved. The caller then runs the progressive filling.
 */
export function settleInPlace(s: NetworkState, lam: number, reordered: boolean): boolean {
  s.failedGroup = -1;
  if (!(lam < Infinity)) return false;
  const ep = ++s.epoch;
  const {
    pathData: P,
    pathStride: S,
    level,
    cap,
    load,
    ownCoef,
    memberCount,
    touchedAt,
    frozenLoad,
    groupInPlayAt,
    saturatedAt,
    newLevel,
    passedAt,
    newBottleneck,
    crossBound,
  } = s;
  const slope = s.slope; // per group: coefficients of the new paths joining it
  const unfrozenUses = s.unfrozenUses; // per group: new paths joining it
  s.nTouched = 0;
  s.nSwitched = 0;
  let nSG = 0;
  let nSat = 0;
  if (!placeNewPaths(s, ep)) return false;
  const gp = s.firstGroupAtOrAbove(lam);
  const { groupsInPlay, saturatedList } = s;
  // The groups from gp in level order: the old one, or after paths moved, the estimated new one.
  const order = reordered ? estimatedOrder(s, gp) : s.groupOrder;
  let low = lam;
  let touchedPaths = 0;
  for (let i = reordered ? 0 : gp, n = reordered ? s.groupCount - gp : s.groupCount; i < n; i++) {
    const r = order[i]!;
    // Reached: touched — changed, used by a new path, or crossed by a group that moved. Passed,
    // here, means the loop is past it: skipped or settled (a later change reaching it fails).
    passedAt[r] = ep;
    if (touchedAt[r] !== ep) continue;
    groupInPlayAt[r] = ep;
    groupsInPlay[nSG++] = r;
    s.touch(r, ep);
    if (memberCount[r]! + unfrozenUses[r]! === 0) continue; // its last member left: no longer a bottleneck
    if (s.cappedMembers[r]! > 0) return false;
    const lr = level[r]!;
    const lv = (cap[r]! - (load[r]! - ownCoef[r]! * lr + frozenLoad[r]!)) / (ownCoef[r]! + slope[r]!);
    if (!(lv >= 0 && lv < Infinity)) return false;
    if (lv < low) low = lv;
    if (crossBound[r]! > lv && crossesAbove(s, r, lv, ep)) {
      s.failedGroup = r;
      s.failedLevel = lv;
      s.nSaturated = nSat;
      return false;
    }
    newLevel[r] = lv;
    saturatedAt[r] = ep;
    saturatedList[nSat++] = r;
    touchedPaths += memberCount[r]!;
    const d = lv - lr;
    if (d !== 0 && !spread(s, r, d, lv, ep)) return false;
    if (unfrozenUses[r]! > 0) {
      for (let j = 0; j < s.nSwitched; j++) {
        const g = s.switched[j]!;
        if (newBottleneck[g] !== r) continue;
        const b = g * S;
        for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
          const r2 = P[ub]! | 0;
          if (r2 === r || !(P[ub + U_COEF]! > 0)) continue;
          if (passedAt[r2] === ep) return false;
          frozenLoad[r2] = frozenLoad[r2]! + P[ub + U_COEF]! * lv;
          if (crossBound[r2]! < lv) crossBound[r2] = lv;
        }
      }
    }
  }
  if (!settledWithinCapacity(s, ep)) return false;
  // Levels may have changed order among groups that do not touch: commit merges by level.
  for (let i = 1; i < nSat; i++) {
    const r = saturatedList[i]!;
    const v = newLevel[r]!;
    let j = i - 1;
    while (j >= 0 && newLevel[saturatedList[j]!]! > v) {
      saturatedList[j + 1] = saturatedList[j]!;
      j--;
    }
    saturatedList[j + 1] = r;
  }
  // commit re-sorts the groups from the first place a new level can take.
  s.firstGroupPos = low < lam ? s.firstGroupAtOrAbove(low) : gp;
  s.nGroupsInPlay = nSG;
  s.nSaturated = nSat;
  s.stats.flowsTouched += touchedPaths;
  return true;
}

/**
 * Group r's level moved by d (to lv): the difference goes along its members' other resources.
 * False if that reaches a group the settling loop has passed (tied levels: order unknown). On its
 * own because it is the hottest loop: a small function is compiled early in a workload's first run.
 */
export function spread(s: NetworkState, r: number, d: number, lv: number, ep: number): boolean {
  const { passedAt, touchedAt, frozenLoad, crossBound } = s;
  const R = s.crossRes[r]!;
  const C = s.crossCoef[r]!;
  for (let j = 0, m = R.length; j < m; j++) {
    const r2 = R[j]!;
    if (passedAt[r2] === ep) return false;
    if (touchedAt[r2] !== ep) s.touch(r2, ep);
    frozenLoad[r2] = frozenLoad[r2]! + C[j]! * d;
    if (crossBound[r2]! < lv) crossBound[r2] = lv;
  }
  return true;
}

/**
 * Settling's first step: changed resources are touched, and each new path joins the crossed
 * group with the lowest level (or the one it was moved to). False if a changed resource is down,
 * or a new path is capped, blocked or crosses nothing.
 */
export function placeNewPaths(s: NetworkState, ep: number): boolean {
  const { pathData: P, pathStride: S, level, cap, pathState, newBottleneck } = s;
  const slope = s.slope;
  const unfrozenUses = s.unfrozenUses;
  for (let q = 0, qs = s.changedResources; q < qs.length; q++) {
    const r = qs[q]!;
    if (cap[r] === 0) return false;
    s.touch(r, ep);
  }
  for (let q = 0, qs = s.addedPaths; q < qs.length; q++) {
    const g = qs[q]!;
    if (pathState[g] !== NEW) continue;
    const b = g * S;
    if (P[b + P_BLOCKED]! > 0 || P[b + P_CAP_LEVEL] !== Infinity) return false;
    let bn = -1;
    let bl = Infinity;
    const ue = b + P_USE + USE_FIELDS * P[b + P_USES]!;
    for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) {
      if (!(P[ub + U_COEF]! > 0)) continue;
      const r = P[ub]! | 0;
      s.touch(r, ep);
      if (level[r]! < bl) {
        bl = level[r]!;
        bn = r;
      }
    }
    if (bn < 0) return false;
    const hint = s.bottleneckHint[g]!;
    if (hint >= 0) bn = hint;
    newBottleneck[g] = bn;
    s.switched[s.nSwitched++] = g;
    unfrozenUses[bn]!++;
    for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) if (P[ub] === bn) slope[bn] = slope[bn]! + P[ub + U_COEF]!;
  }
  return true;
}

/** Settling's check of usage: a saturated group is at capacity; anything else must have stayed within it. */
export function settledWithinCapacity(s: NetworkState, ep: number): boolean {
  const { level, cap, load, frozenLoad, groupInPlayAt, saturatedAt } = s;
  const touched = s.touched;
  for (let k = 0, nT = s.nTouched; k < nT; k++) {
    const r = touched[k]!;
    if (saturatedAt[r] === ep) {
      frozenLoad[r] = cap[r]!;
      continue;
    }
    if (level[r] !== Infinity && groupInPlayAt[r] !== ep) return false; // a group reached but not settled: cannot be
    const f = load[r]! + frozenLoad[r]!;
    const c = cap[r]!;
    if (f > c + c * 1e-9) return false;
    frozenLoad[r] = f > 0 ? f : 0;
  }
  return true;
}

/**
 * After settleInPlace failed because paths cross failedGroup above its new level failedLevel: those paths
 * move to it — a placed one is placed again (rehome), a new one is pointed there; settling tries
 * failedGroup's group for them first. The levels the attempt found are kept as estimates to order the
 * next one. False (nothing moved) if there is nothing to move or a capped or blocked path is among
 * them: the filling handles those.
 */
export function moveCrossers(s: NetworkState): boolean {
  const failedGroup = s.failedGroup;
  if (failedGroup < 0) return false;
  const failedLevel = s.failedLevel;
  const epoch = s.epoch;
  const { pathData: P, pathStride: S, pathState, level: L, saturatedAt, newLevel, newBottleneck, estimatedLevel, estimatedAt, saturatedList } = s;
  const tag = s.stats.recomputes;
  // Estimates for the next attempt's order: what this one settled, and r at its level without them.
  for (let i = 0; i < s.nSaturated; i++) {
    const x = saturatedList[i]!;
    estimatedLevel[x] = newLevel[x]!;
    estimatedAt[x] = tag;
  }
  estimatedLevel[failedGroup] = failedLevel;
  estimatedAt[failedGroup] = tag;
  const lateGroups = s.lateGroups; // free outside a fill
  lateGroups.length = 0;
  const adj = s.usesOf[failedGroup]!;
  for (let j = 0; j < adj.length; j++) {
    const e = adj[j]!;
    const g = e >> USE_SHIFT;
    const b = g * S;
    if (!(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
    const st = pathState[g];
    if (st !== LIVE && st !== NEW) continue;
    const bn = st === NEW ? newBottleneck[g]! : P[b + P_BOTTLENECK]!;
    if (bn === failedGroup) continue;
    if (bn < 0) return false; // capped
    const level = saturatedAt[bn] === epoch ? newLevel[bn]! : estimatedAt[bn] === tag ? estimatedLevel[bn]! : L[bn]!;
    if (!(level > failedLevel)) continue;
    if (s.capLevel(g) !== Infinity) return false;
    lateGroups.push(g);
  }
  if (lateGroups.length === 0) return false;
  for (let q = 0, qs = lateGroups; q < qs.length; q++) {
    const g = qs[q]!;
    if (pathState[g] === NEW) {
      s.bottleneckHint[g] = failedGroup;
      continue;
    }
    if (pathState[g] !== LIVE) continue; // listed twice: it uses r more than once
    rehome(s, g, failedGroup);
  }
  lateGroups.length = 0;
  return true;
}

/**
 * A placed path leaves its group and is placed again by this recompute, which tries group r for
 * it first: what removing and re-adding it would do (its transfer's bytes brought to now, its
 * usage taken back, its resources changed), without re-registering its uses.
 */
export function rehome(s: NetworkState, g: number, r: number): void {
  const P = s.pathData;
  const b = g * s.pathStride;
  const t = s.transferAt[P[b + P_TRANSFER]!]!;
  foldTransfer(s, t);
  unplace(s, g);
  for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) s.markResDirty(P[ub]! | 0);
  s.pathState[g] = NEW;
  s.pathInPlayAt[g] = 0;
  s.pathFrozenAt[g] = 0;
  s.bottleneckHint[g] = r;
  s.addedPaths.push(g);
  s.touchedTransfers.push(t);
  s.stats.pathsMoved++;
}

/** The groups from groupOrder[gp] on, sorted by this recompute's estimated levels (else their old ones). */
export function estimatedOrder(s: NetworkState, gp: number): I32 {
  const { groupOrder, retryOrder, estimatedLevel, estimatedAt, level } = s;
  const tag = s.stats.recomputes;
  const n = s.groupCount - gp;
  for (let i = 0; i < n; i++) {
    const r = groupOrder[gp + i]!;
    const k = estimatedAt[r] === tag ? estimatedLevel[r]! : level[r]!;
    // Insertion: the order is mostly the old one.
    let j = i - 1;
    while (j >= 0) {
      const q = retryOrder[j]!;
      if ((estimatedAt[q] === tag ? estimatedLevel[q]! : level[q]!) <= k) break;
      retryOrder[j + 1] = q;
      j--;
    }
    retryOrder[j + 1] = r;
  }
  return retryOrder;
}

/** Whether a path crosses r (not as its member) at a level above lv, counting new levels set s epoch. */
export function crossesAbove(s: NetworkState, r: number, lv: number, ep: number): boolean {
  const { pathData: P, pathStride: S, pathState, level: L, saturatedAt, newLevel, newBottleneck } = s;
  const adj = s.usesOf[r]!;
  let top = 0;
  for (let j = 0; j < adj.length; j++) {
    const e = adj[j]!;
    const g = e >> USE_SHIFT;
    const b = g * S;
    if (!(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
    const st = pathState[g];
    let level: number;
    if (st === NEW) {
      const bn = newBottleneck[g]!;
      if (bn === r) continue;
      if (saturatedAt[bn] !== ep) return true; // its group comes later: a tie, or worse
      level = newLevel[bn]!;
    } else if (st === LIVE) {
      const bn = P[b + P_BOTTLENECK]!;
      if (bn === r) continue;
      level = bn < 0 ? P[b + P_LEVEL]! : saturatedAt[bn] === ep ? newLevel[bn]! : L[bn]!;
    } else continue;
    if (level > lv) return true;
    if (level > top) top = level;
  }
  s.tightenLater(r, top);
  return false;
}
