// The versioned envelope the world is saved in, and the rules for reading one back
// (docs/design.md, "State, persistence and failure"): a file that is not JSON, has the wrong shape or a
// newer version is refused with a reason the door can show; nothing half-read is ever used.
import { z } from 'zod';
import { World, WORLD_SCHEMA_VERSION } from '../model/world';
import { Job, LogEntry } from '../model/jobs';
import { describeIssues } from '../contract';
import type { EngineState } from '../engine';

export const SAVED_STATE_VERSION = 1;

export const SavedState = z.object({
  format: z.literal('hvlab-state'),
  version: z.number().int().positive(),
  savedAt: z.number().nonnegative(),
  state: z.object({
    world: World,
    jobs: z.array(Job),
    log: z.array(LogEntry),
    now: z.number().nonnegative(),
  }),
});

export type DecodeResult = { ok: true; state: EngineState } | { ok: false; reason: string };

export function encodeState(state: EngineState): string {
  return JSON.stringify({ format: 'hvlab-state', version: SAVED_STATE_VERSION, savedAt: state.now, state });
}

export function decodeState(text: string): DecodeResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `it is not valid JSON (${(err as Error).message})` };
  }
  const version = (raw as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SAVED_STATE_VERSION) {
    return { ok: false, reason: `it was written by a newer version of Hyper-V Mobility Lab (state version ${version}, this build reads ${SAVED_STATE_VERSION})` };
  }
  const worldVersion = (raw as { state?: { world?: { schemaVersion?: unknown } } } | null)?.state?.world?.schemaVersion;
  if (typeof worldVersion === 'number' && worldVersion > WORLD_SCHEMA_VERSION) {
    return { ok: false, reason: `its world uses schema version ${worldVersion}, newer than this build's ${WORLD_SCHEMA_VERSION}` };
  }
  const parsed = SavedState.safeParse(raw);
  if (!parsed.success) {
    const first = describeIssues(parsed.error)[0];
    return { ok: false, reason: `it does not match the saved-state schema (${first ? `${first.path}: ${first.message}` : 'unknown shape'})` };
  }
  return { ok: true, state: parsed.data.state };
}
