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
 * committed nothing (mx may only have risen, which keeps it a bound), as soon as that assumption
 * fails: a crossing path above a group's new level (mx[r] bounds them; the uses are walked only
 * when it is exceeded), a resource over capacity, a tie in the order, a cap or an outage
 * involved. The caller then runs the progressive filling.
 */
export function settleInPlace(s: NetworkState, lam: number, reordered: boolean): boolean {
  s.failRes = -1;
  if (!(lam < Infinity)) return false;
  const ep = ++s.epoch;
  const { P, stride: S, L, cap, load, own, memCnt, stamp, frz, gEp, sat, newL, passed, pNB, mx } = s;
  const ownAdd = s.slope; // per group: coefficients of the new paths joining it
  const memAdd = s.cnt; // per group: new paths joining it
  s.nT = 0;
  s.nSw = 0;
  let nSG = 0;
  let nSat = 0;
  if (!placeNewPaths(s, ep)) return false;
  const gp = s.lowerBoundG(lam);
  const { sgList, satList } = s;
  // The groups from gp in level order: the old one, or after paths moved, the estimated new one.
  const order = reordered ? estimatedOrder(s, gp) : s.gOrder;
  let low = lam;
  let touchedPaths = 0;
  for (let i = reordered ? 0 : gp, n = reordered ? s.gOrderLen - gp : s.gOrderLen; i < n; i++) {
    const r = order[i]!;
    // Reached: touched — changed, used by a new path, or crossed by a group that moved. Passed,
    // here, means the loop is past it: skipped or settled (a later change reaching it fails).
    passed[r] = ep;
    if (stamp[r] !== ep) continue;
    gEp[r] = ep;
    sgList[nSG++] = r;
    s.touch(r, ep);
    if (memCnt[r]! + memAdd[r]! === 0) continue; // its last member left: no longer a bottleneck
    if (s.capCnt[r]! > 0) return false;
    const lr = L[r]!;
    const lv = (cap[r]! - (load[r]! - own[r]! * lr + frz[r]!)) / (own[r]! + ownAdd[r]!);
    if (!(lv >= 0 && lv < Infinity)) return false;
    if (lv < low) low = lv;
    if (mx[r]! > lv && crossesAbove(s, r, lv, ep)) {
      s.failRes = r;
      s.failLv = lv;
      s.nSat = nSat;
      return false;
    }
    newL[r] = lv;
    sat[r] = ep;
    satList[nSat++] = r;
    touchedPaths += memCnt[r]!;
    const d = lv - lr;
    if (d !== 0 && !spread(s, r, d, lv, ep)) return false;
    if (memAdd[r]! > 0) {
      for (let j = 0; j < s.nSw; j++) {
        const g = s.swList[j]!;
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
  if (!settledWithinCapacity(s, ep)) return false;
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
  s.gp = low < lam ? s.lowerBoundG(low) : gp;
  s.nSG = nSG;
  s.nSat = nSat;
  s.stats.flowsTouched += touchedPaths;
  return true;
}

/**
 * Group r's level moved by d (to lv): the difference goes along its members' other resources.
 * False if that reaches a group the settling loop has passed (tied levels: order unknown). On its
 * own because it is the hottest loop: a small function is compiled early in a workload's first run.
 */
export function spread(s: NetworkState, r: number, d: number, lv: number, ep: number): boolean {
  const { passed, stamp, frz, mx } = s;
  const R = s.gxRes[r]!;
  const C = s.gxCoef[r]!;
  for (let j = 0, m = R.length; j < m; j++) {
    const r2 = R[j]!;
    if (passed[r2] === ep) return false;
    if (stamp[r2] !== ep) s.touch(r2, ep);
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
export function placeNewPaths(s: NetworkState, ep: number): boolean {
  const { P, stride: S, L, cap, pState, pNB } = s;
  const ownAdd = s.slope;
  const memAdd = s.cnt;
  for (let q = 0, qs = s.dirtyRes; q < qs.length; q++) {
    const r = qs[q]!;
    if (cap[r] === 0) return false;
    s.touch(r, ep);
  }
  for (let q = 0, qs = s.added; q < qs.length; q++) {
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
      s.touch(r, ep);
      if (L[r]! < bl) {
        bl = L[r]!;
        bn = r;
      }
    }
    if (bn < 0) return false;
    const hint = s.pHint[g]!;
    if (hint >= 0) bn = hint;
    pNB[g] = bn;
    s.swList[s.nSw++] = g;
    memAdd[bn]!++;
    for (let ub = b + P_USE; ub < ue; ub += USE_FIELDS) if (P[ub] === bn) ownAdd[bn] = ownAdd[bn]! + P[ub + U_COEF]!;
  }
  return true;
}

/** Settling's check of usage: a saturated group is at capacity; anything else must have stayed within it. */
export function settledWithinCapacity(s: NetworkState, ep: number): boolean {
  const { L, cap, load, frz, gEp, sat } = s;
  const tList = s.tList;
  for (let k = 0, nT = s.nT; k < nT; k++) {
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
export function moveCrossers(s: NetworkState): boolean {
  const r = s.failRes;
  if (r < 0) return false;
  const lv = s.failLv;
  const ep = s.epoch;
  const { P, stride: S, pState, L, sat, newL, pNB, est, estTag, satList } = s;
  const tag = s.stats.recomputes;
  // Estimates for the next attempt's order: what s one settled, and r at its level without them.
  for (let i = 0; i < s.nSat; i++) {
    const x = satList[i]!;
    est[x] = newL[x]!;
    estTag[x] = tag;
  }
  est[r] = lv;
  estTag[r] = tag;
  const moving = s.lateList; // free outside a fill
  moving.length = 0;
  const adj = s.adj[r]!;
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
    if (s.meff(g) !== Infinity) return false;
    moving.push(g);
  }
  if (moving.length === 0) return false;
  for (let q = 0, qs = moving; q < qs.length; q++) {
    const g = qs[q]!;
    if (pState[g] === NEW) {
      s.pHint[g] = r;
      continue;
    }
    if (pState[g] !== LIVE) continue; // listed twice: it uses r more than once
    rehome(s, g, r);
  }
  moving.length = 0;
  return true;
}

/**
 * A placed path leaves its group and is placed again by s recompute, which tries group r for
 * it first: what removing and re-adding it would do (its transfer's bytes brought to now, its
 * usage taken back, its resources changed), without re-registering its uses.
 */
export function rehome(s: NetworkState, g: number, r: number): void {
  const P = s.P;
  const b = g * s.stride;
  const t = s.bySlot[P[b + P_TRANSFER]!]!;
  foldTransfer(s, t);
  unplace(s, g);
  for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) s.markResDirty(P[ub]! | 0);
  s.pState[g] = NEW;
  s.pPlay[g] = 0;
  s.pFrozen[g] = 0;
  s.pHint[g] = r;
  s.added.push(g);
  s.touchedXfers.push(t);
  s.stats.pathsMoved++;
}

/** The groups from gOrder[gp] on, sorted by s recompute's estimated levels (else their old ones). */
export function estimatedOrder(s: NetworkState, gp: number): I32 {
  const { gOrder, sOrder, est, estTag, L } = s;
  const tag = s.stats.recomputes;
  const n = s.gOrderLen - gp;
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

/** Whether a path crosses r (not as its member) at a level above lv, counting new levels set s epoch. */
export function crossesAbove(s: NetworkState, r: number, lv: number, ep: number): boolean {
  const { P, stride: S, pState, L, sat, newL, pNB } = s;
  const adj = s.adj[r]!;
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
  s.tightenLater(r, top);
  return false;
}
