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
  const epoch = s.epoch;
  const { pathData: P, pathStride: S, level, groupInPlayAt, saturatedAt, pathState, newBottleneck } = s;
  const nGroupsInPlay = s.nGroupsInPlay;
  const groupsInPlay = s.groupsInPlay;
  const nSaturated = s.nSaturated;
  const saturatedList = s.saturatedList;
  const vclock = s.vclock;
  const vclockAt = s.vclockAt;
  // Virtual clocks of the groups whose level changes are brought to now first.
  const newLevel = s.newLevel;
  for (let i = 0; i < nGroupsInPlay; i++) {
    const r = groupsInPlay[i]!;
    if (saturatedAt[r] === epoch && newLevel[r] === level[r]) continue;
    vclock[r] = s.vclockAtTime(r, now);
    vclockAt[r] = now;
  }
  for (let i = 0; i < nSaturated; i++) {
    const r = saturatedList[i]!;
    if (groupInPlayAt[r] !== epoch) {
      vclock[r] = 0;
      vclockAt[r] = now;
    }
  }
  const switched = s.switched;
  const finalizeList = s.finalizeList;
  finalizeList.length = 0;
  for (let j = 0; j < s.nSwitched; j++) {
    const g = switched[j]!;
    if (pathState[g] === LIVE && newBottleneck[g] !== P[g * S + P_BOTTLENECK]) detach(s, g, now);
  }
  for (let i = 0; i < nGroupsInPlay; i++) {
    const r = groupsInPlay[i]!;
    if (saturatedAt[r] !== epoch) level[r] = Infinity; // all its paths moved elsewhere
  }
  const crossBound = s.crossBound;
  if (s.tightenedAt === epoch) {
    const boundsToTighten = s.boundsToTighten;
    for (let i = 0; i < boundsToTighten.length; i += 2) crossBound[boundsToTighten[i]!] = boundsToTighten[i + 1]!;
  }
  for (let i = 0; i < nSaturated; i++) {
    const r = saturatedList[i]!;
    // Once r is saturated every path crossing it is at or below its level. (Written every time:
    // a store first reached after the optimizing compiler ran would throw its code away.)
    const lv = newLevel[r]!;
    crossBound[r] = crossBound[r]! > lv ? lv : crossBound[r]!;
    if (level[r] !== newLevel[r]) {
      level[r] = newLevel[r]!;
      s.markNextDue(r);
    }
  }
}

/** Paths join their new groups; usage; transfers and groups get their next completion instants. */
export function commitPaths(s: NetworkState, now: number): void {
  const epoch = s.epoch;
  const { pathData: P, pathStride: S, saturatedAt, load, liveUses, frozenLoad } = s;
  const nGroupsInPlay = s.nGroupsInPlay;
  const groupsInPlay = s.groupsInPlay;
  const finalizeList = s.finalizeList;
  if (s.nSwitched > 0) joinNewGroups(s);
  const touched = s.touched;
  for (let k = 0, nT = s.nTouched; k < nT; k++) {
    const r = touched[k]!;
    const f = frozenLoad[r]!;
    load[r] = liveUses[r]! > 0 && f > 0 ? f : 0;
  }
  for (let i = 0; i < nGroupsInPlay; i++)
    for (let q = 0, qs = s.explicitMembers[groupsInPlay[i]!]!; q < qs.length; q++) {
      const g = qs[q]!;
      toFinalize(s, s.transferAt[P[g * S + P_TRANSFER]!]!);
    }
  for (let q = 0, qs = s.touchedTransfers; q < qs.length; q++) {
    const t = qs[q]!;
    toFinalize(s, t);
  }
  s.touchedTransfers.length = 0;
  for (let q = 0, qs = finalizeList; q < qs.length; q++) {
    const t = qs[q]!;
    finalize(s, t, now);
  }
  finalizeList.length = 0;
  for (let i = 0; i < nGroupsInPlay; i++) if (saturatedAt[groupsInPlay[i]!] !== epoch) s.markNextDue(groupsInPlay[i]!);
  for (let q = 0, qs = s.nextDueList; q < qs.length; q++) {
    const r = qs[q]!;
    s.nextDueStale[r] = 0;
    s.groupDue.set(r, s.groupNextDue(r));
  }
  s.nextDueList.length = 0;
}

/** New paths and paths that switched join their groups. */
export function joinNewGroups(s: NetworkState): void {
  const { pathData: P, pathStride: S, pathState, newBottleneck, switched } = s;
  for (let j = 0; j < s.nSwitched; j++) {
    const g = switched[j]!;
    if (pathState[g] === NEW || P[g * S + P_BOTTLENECK] === NONE) {
      joinGroup(s, g, newBottleneck[g]!);
      pathState[g] = LIVE;
      toFinalize(s, s.transferAt[P[g * S + P_TRANSFER]!]!);
    }
  }
}

/** The groups' order by level: untouched ones keep their place, the saturated ones (found in increasing level) are merged in. */
export function commitOrder(s: NetworkState): void {
  const epoch = s.epoch;
  const { groupInPlayAt, level, saturatedList } = s;
  const nSaturated = s.nSaturated;
  const groupOrder = s.groupOrder;
  const firstGroupPos = s.firstGroupPos;
  const orderScratch = s.orderScratch;
  let na = 0;
  for (let i = firstGroupPos, n = s.groupCount; i < n; i++) {
    const r = groupOrder[i]!;
    if (groupInPlayAt[r] !== epoch) orderScratch[na++] = r;
  }
  let w = firstGroupPos;
  let i = 0;
  let j = 0;
  while (i < na && j < nSaturated) {
    const a = orderScratch[i]!;
    const b = saturatedList[j]!;
    if (level[a]! <= level[b]!) {
      groupOrder[w++] = a;
      i++;
    } else {
      groupOrder[w++] = b;
      j++;
    }
  }
  while (i < na) groupOrder[w++] = orderScratch[i++]!;
  while (j < nSaturated) groupOrder[w++] = saturatedList[j++]!;
  s.groupCount = w;
}

/** The pending change is applied: cleared, dead path slots freed (the caller then sets the next completion event). */
export function clearPending(s: NetworkState): void {
  for (let q = 0, qs = s.changedResources; q < qs.length; q++) {
    const r = qs[q]!;
    s.resChanged[r] = 0;
  }
  s.changedResources.length = 0;
  s.addedPaths.length = 0;
  for (let q = 0, qs = s.deadPaths; q < qs.length; q++) {
    const g = qs[q]!;
    s.pathState[g] = FREE;
    s.freePaths.push(g);
  }
  s.deadPaths.length = 0;
  s.pendingLevel = Infinity;
}

export function toFinalize(s: NetworkState, t: Transfer): void {
  if (!t.active || t.stamp === s.epoch) return;
  t.stamp = s.epoch;
  s.finalizeList.push(t);
}

/** A placed path changes bottleneck: its transfer's bytes are brought to now, it leaves its group. */
export function detach(s: NetworkState, g: number, now: number): void {
  const P = s.pathData;
  const b = g * s.pathStride;
  const slot = P[b + P_TRANSFER]!;
  const t = s.transferAt[slot]!;
  const x = s.transferData;
  const xb = slot * XS;
  const bn = P[b + P_BOTTLENECK]!;
  if (x[xb + X_IMPL] === 1) {
    x[xb + X_DONE] = s.bytesNow(t);
    x[xb + X_T0] = now;
    x[xb + X_RATE] = 0;
    x[xb + X_IMPL] = 0;
    s.memberHeapRemove(bn, g);
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
  const x = s.transferData;
  const xb = t.slot * XS;
  if (x[xb + X_IMPL] === 1) return; // still implicit on the same bottleneck: its clock moved for it
  const P = s.pathData;
  const S = s.pathStride;
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
    const k = done - w * s.vclockAtTime(bn, now);
    P[b + P_OFFSET] = k;
    s.memberHeapPush(bn, g, (bytes - k) / w);
    x[xb + X_IMPL] = 1;
    x[xb + X_RATE] = 0;
    s.transferDue.set(t.slot, Infinity);
    return;
  }
  let rate = 0;
  for (let q = 0, qs = ps; q < qs.length; q++) {
    const g = qs[q]!;
    rate += P[g * S + P_WEIGHT]! * s.pathLevel(g);
    const bn = P[g * S + P_BOTTLENECK]!;
    if (bn >= 0 && P[g * S + P_EXPLICIT_POS]! < 0) exPush(s, bn, g);
  }
  x[xb + X_RATE] = rate;
  const rem = bytes - done;
  s.transferDue.set(t.slot, rem <= 0 ? now : rate > 0 ? now + (rem * 1000) / rate : Infinity);
}
