// How hard a slow test works. `npm test` on a developer's machine runs the fast depth so the
// suite fits a working day; CI (CI=true, an idle machine) runs the full depth.
export const FULL_DEPTH = process.env.CI === 'true' || process.env.CI === '1' || process.env.HVLAB_FULL_TESTS === '1';

/** `fast` runs locally, `full` under CI or HVLAB_FULL_TESTS=1. */
export function depth(fast: number, full: number): number {
  return FULL_DEPTH ? full : fast;
}
