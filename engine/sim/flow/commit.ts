// Applying a recompute's result (docs/design.md, "The max-min solver"): new levels and virtual
// clocks, paths that changed bottleneck moved between groups, usage, each transfer back on its
// completion track (implicit: its bottleneck's completion heap; explicit: its own due instant), and
// the groups' order by level. In parts: each is compiled on its own, sooner than one large function
// would be (the first run of a workload spends most of its time waiting for the hot code to compile).
import { X_BYTES, X_DONE, X_IMPL, X_RATE, X_T0, XS, type NetworkState, type Transfer } from './network-state';
import { FREE, LIVE, NEW, NONE, P_BOTTLENECK, P_EXPLICIT_POS, P_OFFSET, P_TRANSFER, P_WEIGHT } from './path-layout';
import { exPush, exRemove, joinGroup, leaveGroup } from './placement';

/**
 * Applies the new filling: levels, bottleneck switches, usage, transfers, completion instants,
 * the groups' order. In parts: each is compiled on its own, sooner than one large function would
 * be (the first run of a workload spends most of its time waiting for the hot code to compile).
 */
export function commit(s: NetworkState, now: number): void {
  commitLevels(s, now);
  commitPaths(s, now);
  commitOrder(s);
  clearPending(s);
}

/** New levels and virtual clocks; paths that change bottleneck leave their groups. */
export function commitLevels(s: NetworkState, now: number): void {
  const ep = s.epoch;
  const { P, stride: S, L, gEp, sat, pState, pNB } = s;
  const nSG = s.nSG;
  const sgList = s.sgList;
  const nSat = s.nSat;
  const satList = s.satList;
  const VT = s.VT;
  const VT0 = s.VT0;
  // Virtual clocks of the groups whose level changes are brought to now first.
  const newL = s.newL;
  for (let i = 0; i < nSG; i++) {
    const r = sgList[i]!;
    if (sat[r] === ep && newL[r] === L[r]) continue;
    VT[r] = s.vAt(r, now);
    VT0[r] = now;
  }
  for (let i = 0; i < nSat; i++) {
    const r = satList[i]!;
    if (gEp[r] !== ep) {
      VT[r] = 0;
      VT0[r] = now;
    }
  }
  const swList = s.swList;
  const fin = s.finalizeList;
  fin.length = 0;
  for (let j = 0; j < s.nSw; j++) {
    const g = swList[j]!;
    if (pState[g] === LIVE && pNB[g] !== P[g * S + P_BOTTLENECK]) detach(s, g, now);
  }
  for (let i = 0; i < nSG; i++) {
    const r = sgList[i]!;
    if (sat[r] !== ep) L[r] = Infinity; // all its paths moved elsewhere
  }
  const mx = s.mx;
  if (s.tightEp === ep) {
    const tl = s.tightList;
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
      s.markNext(r);
    }
  }
}

/** Paths join their new groups; usage; transfers and groups get their next completion instants. */
export function commitPaths(s: NetworkState, now: number): void {
  const ep = s.epoch;
  const { P, stride: S, sat, load, posCnt, frz } = s;
  const nSG = s.nSG;
  const sgList = s.sgList;
  const fin = s.finalizeList;
  if (s.nSw > 0) joinNewGroups(s);
  const tList = s.tList;
  for (let k = 0, nT = s.nT; k < nT; k++) {
    const r = tList[k]!;
    const f = frz[r]!;
    load[r] = posCnt[r]! > 0 && f > 0 ? f : 0;
  }
  for (let i = 0; i < nSG; i++) for (let q = 0, qs = s.exMem[sgList[i]!]!; q < qs.length; q++) {
    const g = qs[q]!;
    toFinalize(s, s.bySlot[P[g * S + P_TRANSFER]!]!);
  }
  for (let q = 0, qs = s.touchedXfers; q < qs.length; q++) {
    const t = qs[q]!;
    toFinalize(s, t);
  }
  s.touchedXfers.length = 0;
  for (let q = 0, qs = fin; q < qs.length; q++) {
    const t = qs[q]!;
    finalize(s, t, now);
  }
  fin.length = 0;
  for (let i = 0; i < nSG; i++) if (sat[sgList[i]!] !== ep) s.markNext(sgList[i]!);
  for (let q = 0, qs = s.nextList; q < qs.length; q++) {
    const r = qs[q]!;
    s.nextDirty[r] = 0;
    s.groupDue.set(r, s.groupNext(r));
  }
  s.nextList.length = 0;
}

/** New paths and paths that switched join their groups. */
export function joinNewGroups(s: NetworkState): void {
  const { P, stride: S, pState, pNB, swList } = s;
  for (let j = 0; j < s.nSw; j++) {
    const g = swList[j]!;
    if (pState[g] === NEW || P[g * S + P_BOTTLENECK] === NONE) {
      joinGroup(s, g, pNB[g]!);
      pState[g] = LIVE;
      toFinalize(s, s.bySlot[P[g * S + P_TRANSFER]!]!);
    }
  }
}

/** The groups' order by level: untouched ones keep their place, the saturated ones (found in increasing level) are merged in. */
export function commitOrder(s: NetworkState): void {
  const ep = s.epoch;
  const { gEp, L, satList } = s;
  const nSat = s.nSat;
  const gOrder = s.gOrder;
  const gp = s.gp;
  const A = s.gScratch;
  let na = 0;
  for (let i = gp, n = s.gOrderLen; i < n; i++) {
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
  s.gOrderLen = w;
}

/** The pending change is applied: cleared, dead path slots freed (the caller then sets the next completion event). */
export function clearPending(s: NetworkState): void {
  for (let q = 0, qs = s.dirtyRes; q < qs.length; q++) {
    const r = qs[q]!;
    s.rDirty[r] = 0;
  }
  s.dirtyRes.length = 0;
  s.added.length = 0;
  for (let q = 0, qs = s.deadPaths; q < qs.length; q++) {
    const g = qs[q]!;
    s.pState[g] = FREE;
    s.freePaths.push(g);
  }
  s.deadPaths.length = 0;
  s.pendingLambda = Infinity;
}

export function toFinalize(s: NetworkState, t: Transfer): void {
  if (!t.active || t.stamp === s.epoch) return;
  t.stamp = s.epoch;
  s.finalizeList.push(t);
}

/** A placed path changes bottleneck: its transfer's bytes are brought to now, it leaves its group. */
export function detach(s: NetworkState, g: number, now: number): void {
  const P = s.P;
  const b = g * s.stride;
  const slot = P[b + P_TRANSFER]!;
  const t = s.bySlot[slot]!;
  const x = s.x;
  const xb = slot * XS;
  const bn = P[b + P_BOTTLENECK]!;
  if (x[xb + X_IMPL] === 1) {
    x[xb + X_DONE] = s.bytesNow(t);
    x[xb + X_T0] = now;
    x[xb + X_RATE] = 0;
    x[xb + X_IMPL] = 0;
    s.heapRemoveG(bn, g);
  } else {
    const rate = x[xb + X_RATE]!;
    if (rate !== 0) {
      const d = x[xb + X_DONE]! + (rate * (now - x[xb + X_T0]!)) / 1000;
      x[xb + X_DONE] = d < x[xb + X_BYTES]! ? d : x[xb + X_BYTES]!;
    }
    x[xb + X_T0] = now;
    if (P[b + P_EXPLICIT_POS]! >= 0) exRemove(s, bn, g);
  }
  leaveGroup(s, g);
  toFinalize(s, t);
}

/** Puts a transfer whose paths or levels changed back on the right completion track. */
export function finalize(s: NetworkState, t: Transfer, now: number): void {
  const x = s.x;
  const xb = t.slot * XS;
  if (x[xb + X_IMPL] === 1) return; // still implicit on the same bottleneck: its clock moved for it
  const P = s.P;
  const S = s.stride;
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
    if (P[b + P_EXPLICIT_POS]! >= 0) exRemove(s, bn, g);
    const w = P[b + P_WEIGHT]!;
    const k = done - w * s.vAt(bn, now);
    P[b + P_OFFSET] = k;
    s.heapPushG(bn, g, (bytes - k) / w);
    x[xb + X_IMPL] = 1;
    x[xb + X_RATE] = 0;
    s.transferDue.set(t.slot, Infinity);
    return;
  }
  let rate = 0;
  for (let q = 0, qs = ps; q < qs.length; q++) {
    const g = qs[q]!;
    rate += P[g * S + P_WEIGHT]! * s.level(g);
    const bn = P[g * S + P_BOTTLENECK]!;
    if (bn >= 0 && P[g * S + P_EXPLICIT_POS]! < 0) exPush(s, bn, g);
  }
  x[xb + X_RATE] = rate;
  const rem = bytes - done;
  s.transferDue.set(t.slot, rem <= 0 ? now : rate > 0 ? now + (rem * 1000) / rate : Infinity);
}
