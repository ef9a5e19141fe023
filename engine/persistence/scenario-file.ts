// A scenario: the user's datacenter as a file they save, open and hand around (`*.hvlab.json`).
// It is the saved-state envelope (saved-state.ts) — world, jobs, event log and clock — so a
// scenario opens exactly as it was saved. A bare world file (what `hvlab run --world` and lab
// authors write) opens too, as that world with no jobs, an empty log and the clock at 0.
// Every problem is named with its place in the file (hosts[HV01].nics[NIC1].speedGbps), as
// validate.ts does for worlds; nothing half-read is ever used.
import { z } from 'zod';
import type { EngineState } from '../engine';
import { Job, LogEntry } from '../model/jobs';
import { WORLD_SCHEMA_VERSION } from '../model/world';
import { namedPath, parseJsonText, validateWorld, type WorldIssue } from '../model/validate';
import { SAVED_STATE_VERSION } from './saved-state';
import { explainPathProblem, nameProblem } from '../common/windows-paths';

export const SCENARIO_EXTENSION = '.hvlab.json';
/** Longest scenario name (a file name stays well under Windows' MAX_PATH inside the data folder). */
export const SCENARIO_NAME_MAX = 100;

export type ScenarioDecode = { ok: true; state: EngineState; kind: 'scenario' | 'world' } | { ok: false; errors: WorldIssue[] };

/** What is saved: the engine's whole state in the versioned envelope, indented for people who read it. */
export function encodeScenario(state: EngineState): string {
  return `${JSON.stringify({ format: 'hvlab-state', version: SAVED_STATE_VERSION, savedAt: state.now, state }, null, 1)}\n`;
}

const Envelope = z.object({
  format: z.literal('hvlab-state'),
  version: z.number().int().positive(),
  savedAt: z.number().nonnegative().optional(),
  state: z.object({
    world: z.unknown(),
    jobs: z.array(Job),
    log: z.array(LogEntry),
    now: z.number().nonnegative(),
  }),
});

/** Reads a scenario (or a bare world file) from its text; time and memory linear in its size. */
export function decodeScenario(text: string): ScenarioDecode {
  // A UTF-8 byte order mark (Notepad adds one) is not JSON.
  const json = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!json.ok) return json;
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [{ path: '(root)', message: 'a scenario must be a JSON object (a saved scenario or a world)' }] };
  }
  const fields = raw as Record<string, unknown>;
  if (fields.format === undefined) {
    const world = validateWorld(raw);
    return world.ok ? { ok: true, kind: 'world', state: { world: world.world, jobs: [], log: [], now: 0 } } : world;
  }
  if (typeof fields.version === 'number' && fields.version > SAVED_STATE_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'version',
          message: `written by a newer version of Hyper-V Mobility Lab (scenario version ${fields.version}, this build reads ${SAVED_STATE_VERSION})`,
        },
      ],
    };
  }
  const worldVersion = (fields.state as { world?: { schemaVersion?: unknown } } | undefined)?.world?.schemaVersion;
  if (typeof worldVersion === 'number' && worldVersion > WORLD_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [{ path: 'state.world.schemaVersion', message: `schema version ${worldVersion} is newer than this build's ${WORLD_SCHEMA_VERSION}` }],
    };
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, errors: envelope.error.issues.map((i) => ({ path: namedPath(raw, i.path), message: i.message })) };
  }
  const world = validateWorld(envelope.data.state.world);
  if (!world.ok) return { ok: false, errors: world.errors.map((e) => ({ path: `state.world.${e.path}`, message: e.message })) };
  const { jobs, log, now } = envelope.data.state;
  return { ok: true, kind: 'scenario', state: { world: world.world, jobs, log, now } };
}

/**
 * A scenario's name as the user types it in Save As (the file is `<name>.hvlab.json` in the data
 * folder's scenarios folder): one file name by Windows' rules (engine/common/windows-paths.ts:
 * reserved characters, control characters, device names, no trailing dot or space), no folder
 * separator, and no leading dot or space — which also keeps every name inside that folder (no
 * `..`). Returns why a name cannot be used, or undefined when it can.
 */
export function scenarioNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'type a name for the scenario';
  if (name.length > SCENARIO_NAME_MAX) return `a scenario name has at most ${SCENARIO_NAME_MAX} characters (this one has ${name.length})`;
  const separator = /[\\/]/.exec(name);
  if (separator) return `a scenario name cannot contain the character ${separator[0]} (it is a name, not a path)`;
  if (/^[\s.]/.test(name)) return 'a scenario name cannot begin with a dot or a space';
  const problem = nameProblem(`${name}${SCENARIO_EXTENSION}`) ?? nameProblem(name);
  return problem ? explainPathProblem(problem) : undefined;
}

/** "Rack A.hvlab.json" → "Rack A"; other names unchanged but for a trailing .json. */
export function scenarioNameOfFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  if (base.toLowerCase().endsWith(SCENARIO_EXTENSION)) return base.slice(0, -SCENARIO_EXTENSION.length);
  return base.replace(/\.json$/i, '');
}
