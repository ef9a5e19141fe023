// Shared set-up for the pre-check tests: the default world, mutated per test, and a runner that
// also proves the checks left the world untouched.
import { expect } from 'vitest';
import { defaultWorld } from '../../../engine/model/default-world';
import type { Host, Vm, World } from '../../../engine/model/world';
import { runPrechecks, toMoveRequest, type Incompatibility, type PrecheckName, type PrecheckResult } from '../../../engine/operations/prechecks';

export const GiB = 1024 ** 3;
export const MiB = 1024 ** 2;

export function world(mutate?: (w: World) => void): World {
  const w = defaultWorld();
  mutate?.(w);
  return w;
}

export function host(w: World, name: string): Host {
  const h = w.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no host ${name}`);
  return h;
}

export function vm(w: World, name: string): Vm {
  const v = w.vms.find((x) => x.name === name);
  if (!v) throw new Error(`no VM ${name}`);
  return v;
}

/** Runs the pre-checks for one command and asserts the world is exactly as it was. */
export function check(w: World, cmdlet: 'Move-VM' | 'Move-VMStorage' | 'Compare-VM', params: Record<string, unknown>): PrecheckResult {
  const before = structuredClone(w);
  const result = runPrechecks(w, toMoveRequest(cmdlet, params, w));
  expect(w).toEqual(before);
  return result;
}

export function rows(r: PrecheckResult, name: PrecheckName): Incompatibility[] {
  return [...r.errors, ...r.warnings].filter((i) => i.check === name);
}

export function only(r: PrecheckResult, name: PrecheckName): Incompatibility {
  const found = rows(r, name);
  expect(found).toHaveLength(1);
  return found[0]!;
}

export function none(r: PrecheckResult, name: PrecheckName): void {
  expect(rows(r, name)).toEqual([]);
}

export function clean(r: PrecheckResult): void {
  expect(r.errors).toEqual([]);
  expect(r.warnings).toEqual([]);
}
