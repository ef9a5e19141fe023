// The versioned envelope the world is saved in, and the rules for reading one back
// (docs/design.md, "State, persistence and failure"): a file that is not JSON, has the wrong shape or a
// newer version is refused with a reason the door can show; nothing half-read is ever used. A state
// that parses is cross-checked like a world file (a VM on a host that does not exist, two VMs with
// one id or one VHD, a VHD on a missing volume), and so are its clock and its jobs.
import { z } from 'zod';
import { World, WORLD_SCHEMA_VERSION } from '../model/world';
import { Job, LogEntry } from '../model/jobs';
import { describeIssues } from '../contract';
import { crossCheck, type WorldIssue } from '../model/validate';
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

/**
 * The latest simulated clock a saved state may hold: 1,000 years in milliseconds. No session gets
 * near it, and a double still counts time in well under a microsecond there; at 1e308 adding a
 * millisecond changes nothing, so simulated time would stand still.
 */
export const MAX_SAVED_CLOCK_MS = 1000 * 365.25 * 24 * 3600 * 1000;

/** `issues` names every field at fault (`state.world.vms[WEB01].host`); `reason` says it in one sentence. */
export type DecodeResult = { ok: true; state: EngineState } | { ok: false; reason: string; issues?: WorldIssue[] };

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
    return {
      ok: false,
      reason: `it was written by a newer version of Hyper-V Mobility Lab (state version ${version}, this build reads ${SAVED_STATE_VERSION})`,
    };
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
  const state = parsed.data.state;
  const issues = crossCheckState(state);
  if (issues.length) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` and ${issues.length - 1} more` : '';
    return { ok: false, reason: `it is not consistent (${first.path}: ${first.message}${more})`, issues };
  }
  return { ok: true, state };
}

/** A schema-valid state's cross-references: its world as a world file's, its clock, its jobs' VMs. */
export function crossCheckState(state: EngineState): WorldIssue[] {
  const issues: WorldIssue[] = crossCheck(state.world).map((i) => ({ path: `state.world.${i.path}`, message: i.message }));
  if (!(state.now <= MAX_SAVED_CLOCK_MS)) {
    issues.push({ path: 'state.now', message: `the simulated clock reads ${state.now} ms, beyond ${MAX_SAVED_CLOCK_MS} ms (1,000 years)` });
  }
  // A queued or running job acts on its VM (recovery at start-up settles it), so it must name a VM
  // the world has; Remove-VM refuses while one runs. An ended job may name a VM deleted since.
  const vmIds = new Set<string>();
  for (const vm of state.world.vms) vmIds.add(vm.id.toLowerCase());
  const jobIds = new Set<string>();
  state.jobs.forEach((job, i) => {
    const id = job.id.toLowerCase();
    if (jobIds.has(id)) issues.push({ path: `state.jobs[${i}].id`, message: `duplicate job id "${job.id}"` });
    jobIds.add(id);
    const active = job.state === 'Queued' || job.state === 'Running';
    // An import's VM exists only once its copy ends (engine/operations/export-import-run.ts).
    if (active && job.kind !== 'Import' && job.vmId !== undefined && !vmIds.has(job.vmId.toLowerCase())) {
      issues.push({ path: `state.jobs[${i}].vmId`, message: `VM "${job.vmId}"${job.vmName ? ` (${job.vmName})` : ''} does not exist in the saved world` });
    }
  });
  return issues;
}
