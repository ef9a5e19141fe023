// GUID-shaped ids that are the same for the same seed text and number (the lab is deterministic:
// a script run twice makes the same checkpoints and virtual machines).

/** A GUID-shaped id from `seed` and a small number `n` (its last four hex digits). */
export function stableGuid(seed: string, n: number): string {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const hex = (x: number, len: number) => (x >>> 0).toString(16).toUpperCase().padStart(len, '0').slice(-len);
  return `${hex(h, 8)}-${hex(h >>> 16, 4)}-4${hex(h >>> 4, 3)}-A${hex(h >>> 8, 3)}-${hex(Math.imul(h, 2654435761), 8)}${hex(n, 4)}`;
}
