// How a path is laid out in the path store (flow/path-store.ts): one block of a Float64Array per
// path slot, so that a recompute walking thousands of paths reads memory in order. A block holds
// the path's own numbers, then four numbers per use of a resource.

/** Share weight. */
export const P_WEIGHT = 0;
/** The path's cap level: maxRate / weight (Infinity: none). */
export const P_CAP_LEVEL = 1;
/** The path's level while its bottleneck is its own cap (CAP). */
export const P_LEVEL = 2;
/** Implicit bytes: bytes done = weight · V(t) + P_OFFSET, V its bottleneck's virtual clock (its virtual finish is in flow/member-heaps.ts). */
export const P_OFFSET = 3;
/** Bottleneck: a resource, CAP or NONE. */
export const P_BOTTLENECK = 4;
/** The slot of its transfer. */
export const P_TRANSFER = 5;
/** Number of uses. */
export const P_USES = 6;
/** Number of its uses on resources that are down. */
export const P_BLOCKED = 7;
/** Position in its bottleneck's list of explicit members, -1 if not there. */
export const P_EXPLICIT_POS = 8;
/** The first use: per use, U_RESOURCE, U_COEF, U_ADJ_POS, U_CROSS_POS. */
export const P_USE = 9;
export const USE_FIELDS = 4;
/** The resource used. */
export const U_RESOURCE = 0;
/** Units of the resource consumed per unit of level: perByte · weight. */
export const U_COEF = 1;
/** Position of the use in the resource's list of uses. */
export const U_ADJ_POS = 2;
/** Position in the bottleneck group's list of crossings (the members' uses of other resources), -1 if none. */
export const U_CROSS_POS = 3;

/** A use is named g·64 + k (path slot g, its k-th use) in resource lists, so a path has at most 64 uses. */
export const USE_SHIFT = 6;
export const MAX_USES = 1 << USE_SHIFT;
export const USE_MASK = MAX_USES - 1;

/** Bottleneck of a path frozen by its own cap. */
export const CAP = -1;
/** Bottleneck of a path not placed. */
export const NONE = -2;

// Path slot states.
export const FREE = 0;
/** Placed in the bottleneck structure. */
export const LIVE = 1;
/** Added since the last recompute. */
export const NEW = 2;
/** Removed; the slot is freed at the end of the next recompute. */
export const DEAD = 3;
