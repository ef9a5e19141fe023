// Shared set-up for the command-language tests: parse helpers and an engine over the default
// world that runs console text the way the console will (parse, then invoke each statement).
import { expect } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import type { World } from '../../../engine/model/world';
import type { CommandOutput, Result } from '../../../engine/contract';
import { parseScript, type ParseError, type ParsedCommand } from '../../../engine/cmdlets/parse';

export const KB = 1024;
export const MB = 1024 ** 2;
export const GB = 1024 ** 3;
export const TB = 1024 ** 4;

/** The statements of a script that must parse. */
export function parse(text: string): ParsedCommand[] {
  const r = parseScript(text);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(text)} to parse, got: ${r.error.message} (line ${r.error.line}, column ${r.error.column})`);
  return r.statements;
}

/** The one command of a one-statement script, as a plain object. */
export function parseOne(text: string): { cmdlet: string; params: Record<string, unknown> } {
  const statements = parse(text);
  expect(statements).toHaveLength(1);
  return { ...statements[0]! };
}

/** The error of a script that must not parse. */
export function parseError(text: string): ParseError {
  const r = parseScript(text);
  if (r.ok) throw new Error(`expected ${JSON.stringify(text)} to fail, got ${JSON.stringify(r.statements)}`);
  return r.error;
}

export function newEngine(mutate?: (w: World) => void): Engine {
  const world = defaultWorld();
  mutate?.(world);
  return new Engine({ world });
}

/** Parses console text and invokes each statement; returns every result. */
export function runText(engine: Engine, text: string): Result<CommandOutput>[] {
  return parse(text).map((c) => engine.invoke(c));
}

/** Runs one statement that must succeed. */
export function ok(engine: Engine, text: string): CommandOutput {
  const [r] = runText(engine, text);
  if (!r || !r.ok) throw new Error(`expected ${text} to succeed, got ${JSON.stringify(r && !r.ok ? r.error : r)}`);
  return r.value;
}

export function worldOf(engine: Engine): World {
  return engine.state().world;
}

/**
 * Runs one statement that must be refused, and proves the refusal changed nothing: the world and
 * the event log are exactly as before. Returns the error.
 */
export function refused(engine: Engine, text: string) {
  const before = engine.state();
  const [r] = runText(engine, text);
  if (!r || r.ok) throw new Error(`expected ${text} to be refused`);
  const after = engine.state();
  expect(after.world).toEqual(before.world);
  expect(after.log).toEqual(before.log);
  return r.error;
}

export function host(w: World, name: string) {
  const h = w.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no host ${name}`);
  return h;
}

export function vm(w: World, name: string) {
  const v = w.vms.find((x) => x.name === name);
  if (!v) throw new Error(`no VM ${name}`);
  return v;
}
