// The incremental progressive filling (docs/design.md, "The max-min solver"), run when settling in
// place (settle.ts) fails.
//
// INCREMENTAL RECOMPUTE. A change (paths added or removed, a capacity changed) leaves the filling
// identical below the first level λd at which a changed resource or path takes part in an event:
// for a removed path its old level; for a changed resource min(its old L, the first level at which
// it saturates with the new paths and capacity — Newton steps from below on its piecewise-linear
// load curve, each a lower bound). The recompute resumes the filling at λd over what the change
// REACHES: the changed groups, then, in increasing old level, every group that a path in play
// crosses (its load may change), plus new and capped paths. A group not reached keeps its level:
// nothing in play crosses it, and its own members can only be disturbed where they cross a
// resource in play whose level falls below theirs; crossBound[r] bounds the levels of what crosses r, so
// that is checked by walking r's uses only when r saturates below crossBound[r] (rare). When it happens
// (about 1 recompute in 5 in the 256x10000 benchmark) the groups of those members, and all they
// reach, come into play there and then (freeze.ts, pullLeftOut). If such a group has capped
// members, or two groups tie so that one is reached after the loop passed it, the filling is
// redone over every group at or above λd of the connected components the change touches
// (components.ts).
//
// Saturation levels sit in a binary heap with lazy keys (saturation-heap.ts). Only bottleneck
// groups and changed resources are candidates at first; if another resource ends over its capacity
// (a new bottleneck appeared) the filling is redone with all of them as candidates.
//
// COST. A recompute is linear in the groups the change reaches and their group-to-resource links,
// plus a log factor for the heap; the rest of the network is not read. Exactness has a price in a
// busy shared network: one new flow shifts the levels of most groups above it slightly, and
// those shifts reach further up (see test/bench/flow-network.bench.ts for figures).
import { freezePath, PULL_FAILED, PULLED, pullLeftOut, saturate, unfreezeMembers } from './freeze';
import type { NetworkState } from './network-state';
import { CAP, LIVE, NEW, P_BLOCKED, P_BOTTLENECK, P_CAP_LEVEL, P_LEVEL, P_USE, P_USES, U_COEF, USE_FIELDS, USE_MASK, USE_SHIFT } from './path-layout';

/** Newton steps allowed when looking for a changed resource's first saturation level. */
const NEWTON_STEPS = 24;

/** How a fill ended: done; a resource that was not a candidate went over capacity; or what was left out of play turned out to be reached. */
export type FillResult = 0 | 1 | 2;
export const FILL_OK = 0;
export const FILL_OVERLOAD = 1;
export const FILL_LEFT_OUT = 2;

// =============================== the recompute ===============================

/** First saturation level of resource r with its current paths (new ones at their caps): a lower bound. */
export function firstSaturation(s: NetworkState, r: number, cutoff: number): number {
  const adj = s.usesOf[r]!;
  const na = adj.length;
  if (na === 0) return Infinity;
  const cap = s.cap[r]!;
  if (cap === 0) return 0;
  const { pathData: P, pathState, pathStride, level } = s;
  let lam = 0;
  for (let it = 0; it < NEWTON_STEPS; it++) {
    let v = 0;
    let s = 0;
    for (let k = 0; k < na; k++) {
      const e = adj[k]!;
      const g = e >> USE_SHIFT;
      const b = g * pathStride;
      const c = P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]!;
      if (!(c > 0)) continue;
      let bound: number;
      if (pathState[g] === NEW) bound = P[b + P_BLOCKED]! > 0 ? 0 : P[b + P_CAP_LEVEL]!;
      else {
        const bn = P[b + P_BOTTLENECK]!;
        bound = bn >= 0 ? level[bn]! : P[b + P_LEVEL]!;
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

/**
 * Resumes the progressive filling at level lam over what the change can reach. With full false,
 * only bottleneck groups and changed resources may saturate; returns false if another resource
 * ends over its capacity (then the caller fills again with full true).
 */
export function fill(s: NetworkState, lam: number, reach: boolean, full: boolean): FillResult {
  const ep = ++s.epoch;
  s.fullFill = full;
  const { pathData: P, pathStride: S, level, components, componentInPlayAt, slope, frozenLoad, unfrozenUses, newUses, groupInPlayAt, touchedAt, touched } = s;
  const { pathState, pathInPlayAt } = s;
  const changedResources = s.changedResources;
  const addedPaths = s.addedPaths;

  // What is in play: the groups at or above λd in the touched components, capped paths at or
  // above λd there, and new paths; per resource, their unfrozen slope and count, and the
  // consumption of everything frozen below λd.
  for (let q = 0, qs = changedResources; q < qs.length; q++) {
    const r = qs[q]!;
    componentInPlayAt[components.labelOf(r)] = ep;
  }
  s.nTouched = 0;
  s.unfrozen = 0;
  for (let q = 0, qs = changedResources; q < qs.length; q++) {
    const r = qs[q]!;
    s.touch(r, ep);
  }
  const capped = s.capped;
  for (let i = capped.lowerBound(lam); i < capped.length; i++) {
    const g = capped.pathAt(i);
    const b = g * S;
    if (pathState[g] !== LIVE || P[b + P_BOTTLENECK] !== CAP) continue;
    const n = P[b + P_USES]!;
    if (n === 0 || componentInPlayAt[components.labelOf(P[b + P_USE]!)] !== ep) continue;
    pathInPlayAt[g] = ep;
    s.unfrozen++;
    const lv = P[b + P_LEVEL]!;
    for (let ub = b + P_USE, ue = ub + USE_FIELDS * n; ub < ue; ub += USE_FIELDS) {
      const c = P[ub + U_COEF]!;
      if (!(c > 0)) continue;
      const r = P[ub]! | 0;
      s.reachedAt[r] = ep;
      s.touch(r, ep);
      slope[r] = slope[r]! + c;
      unfrozenUses[r] = unfrozenUses[r]! + 1;
      frozenLoad[r] = frozenLoad[r]! + c * lv;
    }
  }
  for (let q = 0, qs = addedPaths; q < qs.length; q++) {
    const g = qs[q]!;
    if (pathState[g] !== NEW) continue;
    pathInPlayAt[g] = ep;
    s.unfrozen++;
    const b = g * S;
    for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
      const c = P[ub + U_COEF]!;
      if (!(c > 0)) continue;
      const r = P[ub]! | 0;
      s.reachedAt[r] = ep;
      s.touch(r, ep);
      slope[r] = slope[r]! + c;
      unfrozenUses[r] = unfrozenUses[r]! + 1;
      newUses[r] = newUses[r]! + 1;
    }
  }
  // Groups in play: with reach, those the change reaches — changed ones, and upward (by level)
  // every group that a path in play crosses; otherwise all in the touched components.
  const { reachedAt, passedAt, resChanged } = s;
  let tie = false;
  if (reach) {
    // A changed resource that is not a bottleneck may become one (its capacity dropped): what
    // crosses it above λd is reached.
    for (let q = 0, qs = changedResources; q < qs.length; q++) {
      const r = qs[q]!;
      if (level[r] !== Infinity || !(s.crossBound[r]! > lam)) continue;
      for (let u = 0, us = s.usesOf[r]!; u < us.length; u++) {
        const e = us[u]!;
        const bn = P[(e >> USE_SHIFT) * S + P_BOTTLENECK]!;
        if (bn >= 0 && pathState[e >> USE_SHIFT] === LIVE && level[bn]! >= lam) reachedAt[bn] = ep;
      }
    }
  }
  const gp = s.firstGroupAtOrAbove(lam);
  s.firstGroupPos = gp;
  const groupOrder = s.groupOrder;
  const groupsInPlay = s.groupsInPlay;
  let nSG = 0;
  for (let i = gp, n = s.groupCount; i < n; i++) {
    const r = groupOrder[i]!;
    if (componentInPlayAt[components.labelOf(r)] !== ep) continue;
    if (reach && reachedAt[r] !== ep && !resChanged[r]) {
      passedAt[r] = ep;
      continue;
    }
    groupsInPlay[nSG++] = r;
    groupInPlayAt[r] = ep;
    s.touch(r, ep);
    const lr = level[r]!;
    // In play from the start: the old usage in play is counted up here and taken from load later.
    unfreezeMembers(s, r, 1);
    const R = s.crossRes[r]!;
    const C = s.crossCoef[r]!;
    for (let j = 0, m = R.length; j < m; j++) {
      const r2 = R[j]!;
      const c = C[j]!;
      reachedAt[r2] = ep;
      if (passedAt[r2] === ep) tie = true;
      if (touchedAt[r2] !== ep) {
        touchedAt[r2] = ep;
        slope[r2] = c;
        unfrozenUses[r2] = 1;
        frozenLoad[r2] = c * lr;
        newUses[r2] = 0;
        touched[s.nTouched++] = r2;
      } else {
        slope[r2] = slope[r2]! + c;
        unfrozenUses[r2] = unfrozenUses[r2]! + 1;
        frozenLoad[r2] = frozenLoad[r2]! + c * lr;
      }
    }
  }
  s.nGroupsInPlay = nSG;
  // A group reached only after the loop passed it (levels tied): fill with the components.
  if (tie) return FILL_LEFT_OUT;
  if (!full) s.stats.flowsTouched += s.unfrozen;
  const nTouched = s.nTouched;
  const { load, liveUses } = s;
  for (let k = 0; k < nTouched; k++) {
    const r = touched[k]!;
    const inPlayOld = unfrozenUses[r]! - newUses[r]!;
    const liveOld = liveUses[r]! - newUses[r]!;
    const f = inPlayOld === liveOld ? 0 : load[r]! - frozenLoad[r]!;
    frozenLoad[r] = f > 0 ? f : 0;
  }

  return fillLoop(s, lam, reach, full, ep);
}

/** The progressive filling proper, from λd, once fill() has set up what is in play. */
export function fillLoop(s: NetworkState, lam: number, reach: boolean, full: boolean, ep: number): FillResult {
  const { groupInPlayAt, frozenLoad, touched, pathState, capped } = s;
  const addedPaths = s.addedPaths;
  const nTouched = s.nTouched;
  // Progressive filling from λd.
  let level = lam === Infinity ? 0 : lam;
  s.nSwitched = 0;
  s.nSaturated = 0;
  for (let q = 0, qs = addedPaths; q < qs.length; q++) {
    const g = qs[q]!;
    // New paths capped below λd froze there (their load was counted when finding λd).
    if (pathState[g] === NEW && s.pathFrozenAt[g] !== ep) {
      const m = s.capLevel(g);
      if (m < level) freezePath(s, g, m, CAP, ep);
    }
  }
  s.candidates.clear();
  const resChanged = s.resChanged;
  for (let k = 0; k < nTouched; k++) {
    const r = touched[k]!;
    if (!full && groupInPlayAt[r] !== ep && !resChanged[r]) continue;
    const key = s.keyOf(r);
    if (key !== Infinity) s.candidates.push(r, key);
  }
  let mi = capped.lowerBound(level);
  while (s.unfrozen > 0) {
    const hk = s.candidates.topKey();
    let cm = Infinity;
    while (mi < capped.length) {
      const g = capped.pathAt(mi);
      if (s.inPlay(g, ep) && !s.isFrozen(g, ep)) {
        cm = s.capLevel(g);
        break;
      }
      mi++;
    }
    if (cm <= hk) {
      if (cm === Infinity) break;
      if (cm > level) level = cm;
      freezePath(s, capped.pathAt(mi++), level, CAP, ep);
      continue;
    }
    const r = s.candidates.topResource();
    const key = s.keyOf(r);
    if (key > hk) {
      if (key === Infinity) s.candidates.pop();
      else s.candidates.replaceTop(r, key);
      continue;
    }
    s.candidates.pop();
    if (key > level) level = key;
    // A path left out of play that crosses r above this level would in truth still be growing.
    if (reach && s.crossBound[r]! > level) {
      const pulled = pullLeftOut(s, r, level, ep);
      if (pulled === PULL_FAILED) return FILL_LEFT_OUT;
      if (pulled === PULLED) {
        s.candidates.push(r, s.keyOf(r));
        continue;
      }
    }
    saturate(s, r, level, ep);
  }
  if (full) {
    if (s.unfrozen > 0) throw new Error('FlowNetwork: internal error: a path was left without a bottleneck');
    return FILL_OK;
  }
  if (s.unfrozen > 0) return FILL_OVERLOAD;
  // Resources that were not candidates must have stayed within capacity (those first reached by a
  // group that came into play late included).
  const cap = s.cap;
  for (let k = 0, n = s.nTouched; k < n; k++) {
    const r = touched[k]!;
    if (groupInPlayAt[r] === ep || resChanged[r]) continue;
    const c = cap[r]!;
    if (frozenLoad[r]! > c + c * 1e-9) return FILL_OVERLOAD;
  }
  return FILL_OK;
}
