// The patch form of a lab's starting world: `{ "base": "default", "patch": { ... } }`.
//
// Most labs need the training datacenter with a few changes (one volume nearly full, one setting
// different, one more host). Copying the whole world into every pack would make trainers maintain
// hundreds of lines that say nothing, so a pack may give only what differs. The rules are those
// of a JSON Merge Patch (RFC 7386), plus one for the world's lists of named things, which a merge
// patch can only replace wholesale:
//   - an object merges into the object it replaces, key by key; `null` removes a key;
//   - any other value (string, number, boolean, array) replaces what was there;
//   - a list of named things (hosts, nics, teams, virtualSwitches, shares, vms, checkpoints by
//     `name`, volumes by `letter`) may be patched with an object keyed by those names instead of
//     an array: `{ "hosts": { "HV02": { "volumes": { "D": { "otherDataBytes": 1900000000000 } } } } }`.
//     Each key patches the element of that name (case-insensitive), `null` removes it, and a key
//     that names nothing adds a new element built from the value, with its name set from the key.
// The patched world is then validated like any world, so every mistake is reported with the path
// of the field at fault.
import { defaultWorldInput } from '../model/default-world';
import { NAMED_LISTS } from '../model/validate';

/** The bases a patch can start from. Only the built-in training datacenter for now. */
export const WORLD_BASES = ['default'] as const;
export type WorldBase = (typeof WORLD_BASES)[number];

export interface PatchIssue {
  /** Path inside the patch, e.g. hosts.HV09.nics. */
  path: string;
  message: string;
}

export type PatchResult = { ok: true; value: unknown } | { ok: false; errors: PatchIssue[] };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The unpatched world input of a base (a fresh copy every time). */
export function baseWorldInput(base: WorldBase): unknown {
  switch (base) {
    case 'default':
      // JSON round trip: the base is plain data, and undefined-valued keys would otherwise survive.
      return JSON.parse(JSON.stringify(defaultWorldInput())) as unknown;
  }
}

/** Applies a patch to a base world input; never throws. */
export function applyWorldPatch(base: unknown, patch: unknown): PatchResult {
  const errors: PatchIssue[] = [];
  const value = mergeValue(base, patch, '', undefined, errors);
  return errors.length ? { ok: false, errors } : { ok: true, value };
}

const MAX_DEPTH = 64;

function mergeValue(target: unknown, patch: unknown, path: string, listKey: string | undefined, errors: PatchIssue[], depth = 0): unknown {
  if (depth > MAX_DEPTH) {
    errors.push({ path: path || '(root)', message: `nested more than ${MAX_DEPTH} levels deep` });
    return target;
  }
  if (!isPlainObject(patch)) return clone(patch);
  const nameKey = listKey !== undefined ? NAMED_LISTS[listKey] : undefined;
  if (Array.isArray(target) && nameKey) return mergeNamedList(target, patch, path, nameKey, errors, depth);
  if (Array.isArray(target)) {
    errors.push({ path: path || '(root)', message: 'this list can only be replaced with an array, not patched by name' });
    return target;
  }
  const out: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
      continue;
    }
    out[key] = mergeValue(out[key], value, join(path, key), key, errors, depth + 1);
  }
  return out;
}

function mergeNamedList(target: unknown[], patch: Record<string, unknown>, path: string, nameKey: string, errors: PatchIssue[], depth: number): unknown[] {
  const out = [...target];
  const indexOf = (name: string): number =>
    out.findIndex((item) => isPlainObject(item) && typeof item[nameKey] === 'string' && item[nameKey].toLowerCase() === name.toLowerCase());
  for (const [name, value] of Object.entries(patch)) {
    const at = indexOf(name);
    const here = join(path, name);
    if (value === null) {
      if (at < 0) errors.push({ path: here, message: `nothing named "${name}" to remove` });
      else out.splice(at, 1);
      continue;
    }
    if (!isPlainObject(value)) {
      errors.push({ path: here, message: `must be an object (the changes to "${name}"), or null to remove it` });
      continue;
    }
    if (at >= 0) out[at] = mergeValue(out[at], value, here, undefined, errors, depth + 1);
    else out.push({ ...(mergeValue({}, value, here, undefined, errors, depth + 1) as Record<string, unknown>), [nameKey]: name });
  }
  return out;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A copy of plain data (what JSON can hold); anything else is dropped, cycles end at MAX_DEPTH. */
function clone(v: unknown, depth = 0): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (depth > MAX_DEPTH) return null;
  if (Array.isArray(v)) return v.map((x) => clone(x, depth + 1));
  if (isPlainObject(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = clone(x, depth + 1);
    return out;
  }
  return undefined;
}
