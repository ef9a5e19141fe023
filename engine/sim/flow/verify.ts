// A check of the whole bottleneck structure against the paths themselves, for tests (O(paths)).
import type { NetworkState } from './network-state';
import { LIVE, NONE, P_BOTTLENECK, P_USE, P_USES, U_COEF, USE_FIELDS } from './path-layout';

/**
 * Checks the bottleneck structure against the paths themselves (for tests; O(paths)): every
 * placed path has a bottleneck, no path runs above a saturated resource it uses, group member
 * counts and coefficients, usage, and the crossing-level bound crossBound. Throws naming what is wrong.
 */
export function verifyStructure(s: NetworkState): void {
  const { pathData: P, pathStride: S } = s;
  const members = new Int32Array(s.resourceCount);
  const ownSum = new Float64Array(s.resourceCount);
  const usage = new Float64Array(s.resourceCount);
  const at = `at ${s.sim.now} ms`;
  for (let g = 0; g < s.pathSlots; g++) {
    if (s.pathState[g] !== LIVE) continue;
    const b = g * S;
    const bn = P[b + P_BOTTLENECK]!;
    if (bn === NONE) throw new Error(`FlowNetwork: placed path ${g} has no bottleneck ${at}`);
    const lv = s.pathLevel(g);
    if (!(lv >= 0 && lv < Infinity)) throw new Error(`FlowNetwork: path ${g} has level ${lv} ${at}`);
    if (bn >= 0) members[bn]!++;
    for (let k = 0, n = P[b + P_USES]!; k < n; k++) {
      const r = P[b + P_USE + USE_FIELDS * k]! | 0;
      const c = P[b + P_USE + USE_FIELDS * k + U_COEF]!;
      usage[r] = usage[r]! + c * lv;
      if (r === bn) ownSum[r] = ownSum[r]! + c;
      if (!(c > 0) || r === bn) continue;
      const tol = 1e-9 * Math.max(1, lv);
      if (s.level[r]! < Infinity && lv > s.level[r]! + tol)
        throw new Error(`FlowNetwork: path ${g} at level ${lv} crosses "${s.resourceNames[r]}" saturated at ${s.level[r]} ${at}`);
      if (lv > s.crossBound[r]! + tol)
        throw new Error(`FlowNetwork: path ${g} at level ${lv} crosses "${s.resourceNames[r]}" above its bound ${s.crossBound[r]} ${at}`);
    }
  }
  for (let r = 0; r < s.resourceCount; r++) {
    const name = s.resourceNames[r];
    if (members[r] !== s.memberCount[r]) throw new Error(`FlowNetwork: "${name}" counts ${s.memberCount[r]} members, has ${members[r]} ${at}`);
    if (members[r]! > 0 !== s.level[r]! < Infinity) throw new Error(`FlowNetwork: "${name}" has ${members[r]} members and level ${s.level[r]} ${at}`);
    const tol = 1e-6 * Math.max(1, s.cap[r]!);
    if (Math.abs(ownSum[r]! - s.ownCoef[r]!) > 1e-9 * Math.max(1, ownSum[r]!))
      throw new Error(`FlowNetwork: "${name}" own ${s.ownCoef[r]} vs ${ownSum[r]} ${at}`);
    if (Math.abs(usage[r]! - s.load[r]!) > tol) throw new Error(`FlowNetwork: "${name}" usage ${s.load[r]} vs ${usage[r]} ${at}`);
    if (usage[r]! > s.cap[r]! + tol) throw new Error(`FlowNetwork: "${name}" over capacity: ${usage[r]} > ${s.cap[r]} ${at}`);
  }
}
