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
  const { P, frz, cnt, slope } = s;
  const b = g * s.stride;
  s.pFrozen[g] = ep;
  s.pNB[g] = nb;
  s.swList[s.nSw++] = g;
  s.unfrozen--;
  const ob = P[b + P_BOTTLENECK]!;
  const inG = ob >= 0 && s.gEp[ob] === ep;
  for (let ub = b + P_USE, ue = ub + USE_FIELDS * P[b + P_USES]!; ub < ue; ub += USE_FIELDS) {
    const c = P[ub + U_COEF]!;
    if (!(c > 0)) continue;
    const r = P[ub]! | 0;
    frz[r] = frz[r]! + c * lam;
    if (r !== nb && s.mx[r]! < lam) s.mx[r] = lam;
    const left = cnt[r]! - 1;
    cnt[r] = left;
    slope[r] = left === 0 ? 0 : slope[r]! - c;
    if (inG && r === ob) {
      s.ownUnf[ob]!--;
      s.ownUnfC[ob] = s.ownUnfC[ob]! - c;
    }
  }
  if (inG) s.memUnf[ob]!--;
}

/** Resource r saturates at level λ: its group freezes as a block, other paths on it switch to it. */
export function saturate(s: NetworkState, r: number, lam: number, ep: number): void {
  const { frz, cnt, slope, mx } = s;
  s.newL[r] = lam;
  s.sat[r] = ep;
  s.satList[s.nSat++] = r;
  if (s.gEp[r] === ep && s.memUnf[r]! > 0) {
    frz[r] = frz[r]! + s.ownUnfC[r]! * lam;
    cnt[r] = cnt[r]! - s.ownUnf[r]!;
    s.unfrozen -= s.memUnf[r]!;
    const all = s.memUnf[r] === s.memCnt[r];
    const R = s.gxRes[r]!;
    const C = s.gxCoef[r]!;
    const U = s.gxUse[r]!;
    const pFrozen = s.pFrozen;
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
    s.memUnf[r] = 0;
    s.ownUnf[r] = 0;
    s.ownUnfC[r] = 0;
  }
  if (cnt[r]! > 0) {
    const adj = s.adj[r]!;
    const P = s.P;
    const S = s.stride;
    for (let j = 0; j < adj.length && cnt[r]! > 0; j++) {
      const e = adj[j]!;
      const g = e >> USE_SHIFT;
      if (!(P[g * S + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
      if (!s.inPlay(g, ep) || s.isFrozen(g, ep)) continue;
      freezePath(s, g, lam, r, ep);
    }
  }
  cnt[r] = 0;
  slope[r] = 0;
}

/**
 * Before r saturates at lam: a placed path not in play that crosses r (not as r's member) at an
 * old level above lam would in truth still be growing there, so its group comes into play now,
 * with every group it reaches. Fails (the caller fills component-wide) if such a group has capped
 * members, which the capped-path cursor may already have passed. Otherwise, when nothing was
 * pulled, tightens mx[r]: once r saturates at lam nothing crosses it above lam.
 */
export function pullLeftOut(s: NetworkState, r: number, lam: number, ep: number): PullResult {
  const { P, stride: S, pState, L, gEp } = s;
  const adj = s.adj[r]!;
  const late = s.lateList;
  if (late.length > 0) late.length = 0;
  let top = 0; // the highest level crossing r once it saturates, if nothing is pulled
  for (let j = 0; j < adj.length; j++) {
    const e = adj[j]!;
    const g = e >> USE_SHIFT;
    const b = g * S;
    const st = pState[g];
    if ((st !== LIVE && st !== NEW) || !(P[b + P_USE + USE_FIELDS * (e & USE_MASK) + U_COEF]! > 0)) continue;
    const bn = P[b + P_BOTTLENECK]!;
    // r's own member, unless it already froze elsewhere in s fill (then it crosses r).
    if (bn === r && !(s.pFrozen[g] === ep && s.pNB[g] !== r)) continue;
    // A new path is always in play.
    if (st === NEW || s.inPlay(g, ep)) {
      // Frozen: its new level; still growing: it freezes on r now and becomes r's member.
      const lv = frozenLevel(s, g, ep);
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
    s.tightenLater(r, top);
    return PULL_NONE;
  }
  // Everything these groups reach upward comes in too (their levels are above lam).
  for (let i = 0; i < late.length; i++) {
    const G = late[i]!;
    if (s.capCnt[G]! > 0) return PULL_FAILED;
    const R = s.gxRes[G]!;
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
    enterLate(s, G, ep);
  }
  for (let q = 0, qs = late; q < qs.length; q++) {
    const G = qs[q]!;
    s.candidates.push(G, s.keyOf(G));
  }
  return PULLED;
}

/** The level a path in play froze at s recompute, or -1 while it is still growing. */
export function frozenLevel(s: NetworkState, g: number, ep: number): number {
  if (s.pFrozen[g] === ep) {
    const nb = s.pNB[g]!;
    return nb >= 0 ? s.newL[nb]! : s.meff(g);
  }
  const bn = s.P[g * s.stride + P_BOTTLENECK]!;
  return bn >= 0 && s.sat[bn] === ep && s.gEp[bn] === ep ? s.newL[bn]! : -1;
}

/**
 * Group r's members unfreeze on r itself: their slope and count, and their old usage on r added
 * to (sign 1) or taken from (sign -1) its frozen total, as the caller keeps it.
 */
export function unfreezeMembers(s: NetworkState, r: number, sign: 1 | -1): void {
  const o = s.own[r]!;
  const oc = s.ownCnt[r]!;
  s.slope[r] = s.slope[r]! + o;
  s.cnt[r] = s.cnt[r]! + oc;
  s.frz[r] = s.frz[r]! + sign * o * s.L[r]!;
  s.ownUnf[r] = oc;
  s.ownUnfC[r] = o;
  const members = s.memCnt[r]!;
  s.memUnf[r] = members;
  s.unfrozen += members;
}

/** Group G comes into play in the middle of the filling (at a level below its old one). */
export function enterLate(s: NetworkState, G: number, ep: number): void {
  const { L, slope, cnt, frz, gEp, rDirty } = s;
  s.sgList[s.nSG++] = G;
  touchLate(s, G, ep);
  const lr = L[G]!;
  // In play late: its members' old usage leaves what is frozen.
  unfreezeMembers(s, G, -1);
  const R = s.gxRes[G]!;
  const C = s.gxCoef[G]!;
  for (let j = 0, m = R.length; j < m; j++) {
    const r2 = R[j]!;
    const c = C[j]!;
    touchLate(s, r2, ep);
    slope[r2] = slope[r2]! + c;
    cnt[r2] = cnt[r2]! + 1;
    frz[r2] = frz[r2]! - c * lr;
    // Its key may have dropped: offered again (the stale entry is dropped when it surfaces).
    if (s.fullFill || gEp[r2] === ep || rDirty[r2]) s.candidates.push(r2, s.keyOf(r2));
  }
}

/** touch() for a resource first reached in the middle of the filling: all its usage is frozen. */
export function touchLate(s: NetworkState, r: number, ep: number): void {
  if (s.stamp[r] === ep) return;
  s.touch(r, ep);
  s.frz[r] = s.load[r]!;
}
