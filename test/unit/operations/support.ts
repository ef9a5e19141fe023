// Helpers for operations tests: an engine over a world, commands typed as PowerShell.
import { expect } from 'vitest';
import { Engine, type EngineOptions } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { World, type WorldInput } from '../../../engine/model/world';
import { parseScript } from '../../../engine/cmdlets';
import type { CommandOutput, ContractError, Result } from '../../../engine/contract';
import type { Job } from '../../../engine/model/jobs';

export const KiB = 1024;
export const MiB = 1024 ** 2;
export const GiB = 1024 ** 3;
export const MBps = 1e6;

export function engineOf(world: World = defaultWorld(), options: EngineOptions = {}): Engine {
  return new Engine({ world }, options);
}

/** Runs one PowerShell statement; returns the engine's result. */
export function ps(engine: Engine, text: string): Result<CommandOutput> {
  const parsed = parseScript(text);
  if (!parsed.ok) throw new Error(`test script does not parse: ${parsed.error.message}`);
  expect(parsed.statements).toHaveLength(1);
  const c = parsed.statements[0]!;
  return engine.invoke({ cmdlet: c.cmdlet, params: { ...c.params } });
}

/** Runs a statement that must succeed; returns its output. */
export function ok(engine: Engine, text: string): CommandOutput {
  const r = ps(engine, text);
  if (!r.ok) throw new Error(`${text}\n→ ${r.error.message}${r.error.fix ? `\n  fix: ${r.error.fix}` : ''}`);
  return r.value;
}

/** Runs a statement that must be refused; returns the error. */
export function refused(engine: Engine, text: string): ContractError {
  const r = ps(engine, text);
  if (r.ok) throw new Error(`${text} was expected to be refused`);
  return r.error;
}

/** Starts a move and returns its job id. */
export function start(engine: Engine, text: string): string {
  const out = ok(engine, text);
  expect(out.jobIds).toHaveLength(1);
  return out.jobIds[0]!;
}

export function job(engine: Engine, id: string): Job {
  const j = engine.operations.job(id);
  if (!j) throw new Error(`no job ${id}`);
  engine.operations.refresh();
  return j;
}

export function vm(engine: Engine, name: string) {
  const v = engine.state().world.vms.find((x) => x.name === name);
  if (!v) throw new Error(`no VM ${name}`);
  return v;
}

/** Advances event by event until `until` holds (or the engine is idle). */
export function runUntil(engine: Engine, until: () => boolean, limitMs = 1e9): void {
  const end = engine.now + limitMs;
  while (!until()) {
    const next = engine.sim.nextEventAt();
    if (next === undefined || next > end) throw new Error('condition never held');
    engine.advance(Math.max(0, next - engine.now));
  }
}

export function stageOf(j: Job, name: string) {
  const s = j.stages.find((x) => x.name === name);
  if (!s) throw new Error(`job ${j.id} has no stage ${name}`);
  return s;
}

export function worldWith(edit: (w: WorldInput) => void, base: WorldInput = structuredClone(defaultWorldInputCache())): World {
  edit(base);
  return World.parse(base);
}

let cache: WorldInput | undefined;
function defaultWorldInputCache(): WorldInput {
  cache ??= JSON.parse(JSON.stringify(defaultWorld())) as WorldInput;
  return cache;
}
