// Freezing during the progressive filling (fill.ts; docs/design.md, "The max-min solver"). Groups
// are frozen as blocks: when a resource saturates, its own paths freeze together by walking the
// group's flattened list of their other resources; only paths that change bottleneck are handled
// one by one (found by an exact count of the resource's still-unfrozen uses). Groups that turn out
// to be reached in the middle of the filling come into play late (pullLeftOut, enterLate).
import type { NetworkState } from './network-state';
import { LIVE, NEW, P_BOTTLENECK, P_LEVEL, P_USE, P_USES, U_COEF, USE_FIELDS, USE_MASK, USE_SHIFT } from './path-layout';

/** What pullLeftOut did: nothing to pull; groups pulled into play; a capped path left out (fill component-wide). */
export type PullResult = 0 | 1 | 2;
export const PULL_NONE = 0;
export const PULLED = 1;
export const PULL_FAILED = 2;

/** Freezes one path at level λ with bottleneck nb (a resource or CAP). */
export function freezePath(s: NetworkState, g: number, lam: number, nb: number, ep: number): void {
  const { pathData: P, frozenLoad, unfrozenUses, slope } = s;
  const b = g * s.pathStride;
  s.pathFrozenAt[g] = ep;
  s.newBottleneck[g] = nb;
  s.switched[s.nSwitched++] = g;
  s.unfrozen--;
  const ob = P[b + P_BOTTLENECK]!;
  const inG = ob >= 0 && s.groupInPlayAt[ob] === ep;
  for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
    const c = P[ub + U_COEF]!;
    if (!(c > 0)) continue;
    const r = P[ub]! | 0;
    frozenLoad[r] = frozenLoad[r]! + c * lam;
    if (r !== nb && s.crossBound[r]! < lam) s.crossBound[r] = lam;
    const left = unfrozenUses[r]! - 1;
    unfrozenUses[r] = left;
    slope[r] = left === 0 ? 0 : slope[r]! - c;
    if (inG && r === ob) {
      s.ownUnfrozen[ob]!--;
      s.ownUnfrozenCoef[ob] = s.ownUnfrozenCoef[ob]! - c;
    }
  }
  if (inG) s.membersUnfrozen[ob]!--;
}

/** Resource r saturates at level λ: its group freezes as a block, other paths on it switch to it. */
export function saturate(s: NetworkState, r: number, lam: number, ep: number): void {
  const { frozenLoad, unfrozenUses, slope, crossBound } = s;
  s.newLevel[r] = lam;
  s.saturatedAt[r] = ep;
  s.saturatedList[s.nSaturated++] = r;
  if (s.groupInPlayAt[r] === ep && s.membersUnfrozen[r]! > 0) {
    frozenLoad[r] = frozenLoad[r]! + s.ownUnfrozenCoef[r]! * lam;
    unfrozenUses[r] = unfrozenUses[r]! - s.ownUnfrozen[r]!;
    s.unfrozen -= s.membersUnfrozen[r]!;
    const all = s.membersUnfrozen[r] === s.memberCount[r];
    const R = s.crossRes[r]!;
    const C = s.crossCoef[r]!;
    const U = s.crossUse[r]!;
    const pathFrozenAt = s.pathFrozenAt;
    for (let j = 0, n = R.length; j < n; j++) {
      if (!all && pathFrozenAt[U[j]! >> USE_SHIFT] === ep) continue;
      const r2 = R[j]!;
      const c = C[j]!;
      frozenLoad[r2] = frozenLoad[r2]! + c * lam;
      if (crossBound[r2]! < lam) crossBound[r2] = lam;
      const left = unfrozenUses[r2]! - 1;
      unfrozenUses[r2] = left;
      slope[r2] = left === 0 ? 0 : slope[r2]! - c;
    }
    s.membersUnfrozen[r] = 0;
    s.ownUnfrozen[r] = 0;
    s.ownUnfrozenCoef[r] = 0;
  }
  if (unfrozenUses[r]! > 0) {
    const adj = s.usesOf[r]!;
    const P = s.pathData;
    const S = s.pathStride;
    for (let j = 0; j < adj.length && unfrozenUses[r]! > 0; j++) {
      const e = adj[j]!;
      const g = e >> USE_SHIFT;
      if (!(P[g * S + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
      if (!s.inPlay(g, ep) || s.isFrozen(g, ep)) continue;
      freezePath(s, g, lam, r, ep);
    }
  }
  unfrozenUses[r] = 0;
  slope[r] = 0;
}

/**
 * Before r saturates at lam: a placed path not in play that crosses r (not as r's member) at an
 * old level above lam would in truth still be growing there, so its group comes into play now,
 * with every group it reaches. Fails (the caller fills component-wide) if such a group has capped
 * members, which the capped-path cursor may already have passed. Otherwise, when nothing was
 * pulled, tightens crossBound[r]: once r saturates at lam nothing crosses it above lam.
 */
export function pullLeftOut(s: NetworkState, r: number, lam: number, ep: number): PullResult {
  const { pathData: P, pathStride: S, pathState, level, groupInPlayAt } = s;
  const adj = s.usesOf[r]!;
  const lateGroups = s.lateGroups;
  if (lateGroups.length > 0) lateGroups.length = 0;
  let top = 0; // the highest level crossing r once it saturates, if nothing is pulled
  for (let j = 0; j < adj.length; j++) {
    const e = adj[j]!;
    const g = e >> USE_SHIFT;
    const b = g * S;
    const st = pathState[g];
    if ((st !== LIVE && st !== NEW) || !(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
    const bn = P[b + P_BOTTLENECK]!;
    // r's own member, unless it already froze elsewhere in this fill (then it crosses r).
    if (bn === r && !(s.pathFrozenAt[g] === ep && s.newBottleneck[g] !== r)) continue;
    // A new path is always in play.
    if (st === NEW || s.inPlay(g, ep)) {
      // Frozen: its new level; still growing: it freezes on r now and becomes r's member.
      const lv = frozenLevel(s, g, ep);
      if (lv > top) top = lv;
      continue;
    }
    const lv = bn >= 0 ? level[bn]! : P[b + P_LEVEL]!;
    if (!(lv > lam)) {
      if (lv > top) top = lv;
      continue;
    }
    if (bn < 0) return PULL_FAILED; // a capped path left out: cannot happen in a touched component
    if (groupInPlayAt[bn] !== ep) {
      groupInPlayAt[bn] = ep; // claimed; entered below
      lateGroups.push(bn);
    }
  }
  if (lateGroups.length === 0) {
    s.tightenLater(r, top);
    return PULL_NONE;
  }
  // Everything these groups reach upward comes in too (their levels are above lam).
  for (let i = 0; i < lateGroups.length; i++) {
    const G = lateGroups[i]!;
    if (s.cappedMembers[G]! > 0) return PULL_FAILED;
    const R = s.crossRes[G]!;
    for (let j = 0, m = R.length; j < m; j++) {
      const r2 = R[j]!;
      if (level[r2] !== Infinity && groupInPlayAt[r2] !== ep) {
        groupInPlayAt[r2] = ep;
        lateGroups.push(r2);
      }
    }
  }
  for (let q = 0, qs = lateGroups; q < qs.length; q++) {
    const G = qs[q]!;
    enterLate(s, G, ep);
  }
  for (let q = 0, qs = lateGroups; q < qs.length; q++) {
    const G = qs[q]!;
    s.candidates.push(G, s.keyOf(G));
  }
  return PULLED;
}

/** The level a path in play froze at this recompute, or -1 while it is still growing. */
export function frozenLevel(s: NetworkState, g: number, ep: number): number {
  if (s.pathFrozenAt[g] === ep) {
    const nb = s.newBottleneck[g]!;
    return nb >= 0 ? s.newLevel[nb]! : s.capLevel(g);
  }
  const bn = s.pathData[g * s.pathStride + P_BOTTLENECK]!;
  return bn >= 0 && s.saturatedAt[bn] === ep && s.groupInPlayAt[bn] === ep ? s.newLevel[bn]! : -1;
}

/**
 * Group r's members unfreeze on r itself: their slope and count, and their old usage on r added
 * to (sign 1) or taken from (sign -1) its frozen total, as the caller keeps it.
 */
export function unfreezeMembers(s: NetworkState, r: number, sign: 1 | -1): void {
  const o = s.ownCoef[r]!;
  const oc = s.ownUses[r]!;
  s.slope[r] = s.slope[r]! + o;
  s.unfrozenUses[r] = s.unfrozenUses[r]! + oc;
  s.frozenLoad[r] = s.frozenLoad[r]! + sign * o * s.level[r]!;
  s.ownUnfrozen[r] = oc;
  s.ownUnfrozenCoef[r] = o;
  const members = s.memberCount[r]!;
  s.membersUnfrozen[r] = members;
  s.unfrozen += members;
}

/** Group G comes into play in the middle of the filling (at a level below its old one). */
export function enterLate(s: NetworkState, G: number, ep: number): void {
  const { level, slope, unfrozenUses, frozenLoad, groupInPlayAt, resChanged } = s;
  s.groupsInPlay[s.nGroupsInPlay++] = G;
  touchLate(s, G, ep);
  const lr = level[G]!;
  // In play late: its members' old usage leaves what is frozen.
  unfreezeMembers(s, G, -1);
  const R = s.crossRes[G]!;
  const C = s.crossCoef[G]!;
  for (let j = 0, m = R.length; j < m; j++) {
    const r2 = R[j]!;
    const c = C[j]!;
    touchLate(s, r2, ep);
    slope[r2] = slope[r2]! + c;
    unfrozenUses[r2] = unfrozenUses[r2]! + 1;
    frozenLoad[r2] = frozenLoad[r2]! - c * lr;
    // Its key may have dropped: offered again (the stale entry is dropped when it surfaces).
    if (s.fullFill || groupInPlayAt[r2] === ep || resChanged[r2]) s.candidates.push(r2, s.keyOf(r2));
  }
}

/** touch() for a resource first reached in the middle of the filling: all its usage is frozen. */
export function touchLate(s: NetworkState, r: number, ep: number): void {
  if (s.touchedAt[r] === ep) return;
  s.touch(r, ep);
  s.frozenLoad[r] = s.load[r]!;
}
