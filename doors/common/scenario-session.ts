// The user's datacenter as a document (issue "Never lose the user's work"): its name, whether it
// has unsaved changes, where Save writes it, the recent list, and the datacenter a lab keeps aside.
// Every door keeps it the same way: metadata through the SettingsStore port, files through the
// ScenarioFiles port (doors/node: the data folder's scenarios folder, or a file the desktop user
// chose in a native dialog), the kept-aside datacenter through an AsideStore so a host restarted
// mid-lab still brings it back. Replacing a datacenter with unsaved changes is refused unless the
// request says the user chose Don't Save: the console asks, and no path can skip the question.
import type {
  ContractError,
  EngineEvent,
  LibraryScenario,
  RecentScenario,
  Result,
  ScenarioAction,
  ScenarioDownload,
  ScenarioResult,
  ScenarioStatus,
} from '../../engine/contract';
import type { Engine, EngineState } from '../../engine/engine';
import { defaultWorld } from '../../engine/model/default-world';
import { generateWorld } from '../../engine/model/generate-world';
import { validateWorld } from '../../engine/model/validate';
import type { World } from '../../engine/model/world';
import { SCENARIO_EXTENSION, decodeScenario, encodeScenario, scenarioNameOfFile, scenarioNameProblem } from '../../engine/persistence/scenario-file';
import type { SettingsStore, StateLoad } from '../../engine/persistence/state-store';

export type ScenarioLocation = { kind: 'library'; name: string } | { kind: 'file'; path: string };

/** Where scenario files live. Errors are thrown as Error with a sentence the user can read. */
export interface ScenarioFiles {
  /** The scenarios of the data folder (`<dataDir>/scenarios/*.hvlab.json`), by name. */
  library(): LibraryScenario[];
  exists(location: ScenarioLocation): boolean;
  read(location: ScenarioLocation): string;
  write(location: ScenarioLocation, text: string): void;
}

/** Where the user's datacenter waits while a lab runs (a file beside the world: survives a restart). */
export interface AsideStore {
  load(): StateLoad;
  save(state: EngineState): void;
  clear(): void;
}

/** What the session needs of its door. */
export interface ScenarioSessionHost {
  engine(): Engine;
  /** A new engine on this state (clock, jobs and log as given), saved at once and sent to every page. */
  replaceState(state: EngineState): void;
  broadcast(event: EngineEvent): void;
  /** The running lab, if any. */
  activeLab(): { id: string; title: string } | null;
}

/** Keys in the SettingsStore (no dots: conf and electron-store read dots as nesting). */
export const SCENARIO_SETTINGS = {
  current: 'scenarioCurrent',
  recent: 'scenarioRecent',
  /** The current-scenario record of the datacenter a lab keeps aside, or null. */
  aside: 'scenarioAside',
} as const;

export const UNTITLED = 'Untitled';
export const RECENT_KEPT = 8;
const LIBRARY_SHOWN = 200;

interface Current {
  name: string;
  dirty: boolean;
  location?: ScenarioLocation;
}

type Failure = { ok: false; error: ContractError };
function fail(code: ContractError['code'], message: string, extra: Partial<ContractError> = {}): Failure {
  return { ok: false, error: { code, message, ...extra } };
}

function isLocation(v: unknown): v is ScenarioLocation {
  if (typeof v !== 'object' || v === null) return false;
  const l = v as Record<string, unknown>;
  return (
    (l.kind === 'library' && typeof l.name === 'string' && scenarioNameProblem(l.name) === undefined) ||
    (l.kind === 'file' && typeof l.path === 'string' && l.path.length > 0)
  );
}

function isRecentEntry(v: unknown): v is { name: string; location: ScenarioLocation } {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.name === 'string' && isLocation(r.location);
}

function isCurrent(v: unknown): v is Current {
  if (typeof v !== 'object' || v === null) return false;
  const c = v as Record<string, unknown>;
  return typeof c.name === 'string' && typeof c.dirty === 'boolean' && (c.location === undefined || isLocation(c.location));
}

/** A short stable key for a location (FNV-1a): the renderer opens a recent entry by it, never by path. */
export function locationKey(location: ScenarioLocation): string {
  const text = location.kind === 'library' ? `library:${location.name.toLowerCase()}` : `file:${location.path}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${location.kind}-${h.toString(16)}`;
}

function sameLocation(a: ScenarioLocation, b: ScenarioLocation): boolean {
  return locationKey(a) === locationKey(b);
}

export interface ScenarioSessionOptions {
  /** The door shows native Open / Save As dialogs (desktop). */
  nativeDialogs?: boolean;
  /** False when the door started from a fresh world (nothing saved, or an unreadable file moved aside). */
  worldRestored?: boolean;
}

export class ScenarioSession {
  private current: Current;
  private recent: { name: string; location: ScenarioLocation }[];
  /** Told to the user once by the door. */
  readonly notices: string[] = [];

  constructor(
    private readonly host: ScenarioSessionHost,
    private readonly settings: SettingsStore,
    private readonly files: ScenarioFiles,
    private readonly aside: AsideStore,
    private readonly options: ScenarioSessionOptions = {},
  ) {
    const stored = settings.get<unknown>(SCENARIO_SETTINGS.current, null);
    this.current = isCurrent(stored) && options.worldRestored !== false ? stored : { name: UNTITLED, dirty: false };
    const recent = settings.get<unknown>(SCENARIO_SETTINGS.recent, []);
    this.recent = Array.isArray(recent) ? (recent as unknown[]).filter(isRecentEntry).slice(0, RECENT_KEPT) : [];
  }

  /**
   * Called once the labs are known: a datacenter kept aside by a lab that is no longer running (its
   * lab could not be reopened after a restart) comes back at once, so it is never stranded.
   */
  recoverAside(): void {
    if (this.host.activeLab() || !this.hasAside()) return;
    if (this.bringBack()) this.notices.push(`Your datacenter "${this.current.name}", kept aside while you did a lab, was brought back.`);
  }

  status(): ScenarioStatus {
    const lab = this.host.activeLab();
    const where = this.current.location?.kind === 'library' ? `${this.current.location.name}${SCENARIO_EXTENSION}` : this.current.location?.path;
    let library: LibraryScenario[] = [];
    try {
      library = this.files.library().slice(0, LIBRARY_SHOWN);
    } catch {
      // An unreadable folder lists nothing; Open by name then says what is wrong.
    }
    return {
      name: this.current.name,
      dirty: this.current.dirty,
      location: this.current.location?.kind ?? 'none',
      ...(where !== undefined ? { where } : {}),
      recent: this.recent.map((r): RecentScenario => ({
        key: locationKey(r.location),
        name: r.name,
        where: r.location.kind === 'library' ? 'Data folder' : r.location.path,
      })),
      library,
      nativeDialogs: this.options.nativeDialogs ?? false,
      lab,
    };
  }

  /** Answers one scenario action of the contract. Never throws for a valid action. */
  handle<A extends ScenarioAction>(action: A): Result<ScenarioResult<A>> {
    return this.dispatch(action) as Result<ScenarioResult<A>>;
  }

  /** The datacenter changed (a command, a job, a move's switch): the first change marks it unsaved. */
  touch(): void {
    if (this.current.dirty || this.host.activeLab()) return;
    this.current = { ...this.current, dirty: true };
    this.persistCurrent();
    this.announce(false);
  }

  // ── Desktop: after a native dialog chose the file ─────────────────────────────────────────────

  openFile(path: string, discardChanges: boolean): Result<ScenarioStatus> {
    return this.openAt({ kind: 'file', path }, scenarioNameOfFile(path), discardChanges);
  }

  saveFileAs(path: string): Result<ScenarioStatus> {
    return this.saveTo({ kind: 'file', path }, scenarioNameOfFile(path));
  }

  // ── Labs: the user's datacenter kept aside and brought back ───────────────────────────────────

  /**
   * Keeps the user's datacenter aside before a lab's world replaces it. Returns why it cannot (moves
   * running: the engine settles a restored running move as after a crash, so it would not come back
   * as it was), or undefined once it is safely stored.
   */
  keepAside(): string | undefined {
    const running = this.host.engine().activeJobs();
    if (running.length > 0) {
      return `${running.length === 1 ? 'A move is' : `${running.length} moves are`} running in your datacenter (${running.map((j) => j.vmName ?? j.id).join(', ')}). Wait until ${running.length === 1 ? 'it finishes' : 'they finish'} or cancel ${running.length === 1 ? 'it' : 'them'} in the Jobs pane, then start the lab: your datacenter is kept aside during the lab and comes back when you leave it.`;
    }
    this.aside.save(this.host.engine().state());
    this.settings.set(SCENARIO_SETTINGS.aside, this.current);
    return undefined;
  }

  hasAside(): boolean {
    return isCurrent(this.settings.get<unknown>(SCENARIO_SETTINGS.aside, null));
  }

  /** Leave lab: the datacenter kept aside comes back exactly (world, jobs, event log, clock). */
  bringBack(): boolean {
    const meta = this.settings.get<unknown>(SCENARIO_SETTINGS.aside, null);
    if (!isCurrent(meta)) return false;
    const loaded = this.aside.load();
    if (!loaded.state) {
      this.notices.push(loaded.notice ?? "The datacenter kept aside during the lab could not be found; the lab's datacenter stays in the console.");
      this.settings.set(SCENARIO_SETTINGS.aside, null);
      return false;
    }
    this.current = meta;
    this.host.replaceState(loaded.state);
    this.aside.clear();
    this.settings.set(SCENARIO_SETTINGS.aside, null);
    this.persistCurrent();
    this.announce(true);
    return true;
  }

  /** A lab started, was switched or left: the title and menus change. */
  labChanged(): void {
    this.announce(false);
  }

  // ── Actions ───────────────────────────────────────────────────────────────────────────────────

  private dispatch(action: ScenarioAction): Result<ScenarioStatus | ScenarioDownload> {
    if (action.type === 'status') return { ok: true, value: this.status() };
    const lab = this.host.activeLab();
    if (lab) {
      return fail(
        'CommandRefused',
        `The lab "${lab.title}" is running, so the File menu cannot change scenarios now: your datacenter "${this.current.name}" is kept aside until you leave the lab.`,
        {
          fix: 'Choose Leave lab in the Labs pane: your datacenter comes back, then use the File menu.',
        },
      );
    }
    switch (action.type) {
      case 'new':
        return this.newScenario(action);
      case 'open': {
        if (action.name === undefined) return this.nameNeeded('open');
        const problem = scenarioNameProblem(action.name);
        if (problem) return fail('InvalidParameter', `"${action.name}" cannot be a scenario name: ${problem}.`, { parameter: 'name' });
        return this.openAt({ kind: 'library', name: action.name }, action.name, action.discardChanges ?? false);
      }
      case 'openRecent': {
        const entry = this.recent.find((r) => locationKey(r.location) === action.key);
        if (!entry) return fail('NotFound', 'That scenario is no longer in the recent list.', { parameter: 'key', fix: 'Open it with File → Open....' });
        return this.openAt(entry.location, entry.name, action.discardChanges ?? false);
      }
      case 'openText': {
        const refused = this.unsavedRefusal(action.discardChanges ?? false);
        if (refused) return refused;
        const decoded = decodeScenario(action.text);
        if (!decoded.ok) return this.unreadable(action.fileName, decoded.errors);
        this.replace(decoded.state, { name: scenarioNameOfFile(action.fileName) || UNTITLED, dirty: false });
        return { ok: true, value: this.status() };
      }
      case 'save':
        if (!this.current.location) return this.nameNeeded('save');
        return this.saveTo(this.current.location, this.current.name);
      case 'saveAs': {
        if (action.name === undefined) return this.nameNeeded('saveAs');
        const problem = scenarioNameProblem(action.name);
        if (problem) return fail('InvalidParameter', `"${action.name}" cannot be a scenario name: ${problem}.`, { parameter: 'name' });
        const location: ScenarioLocation = { kind: 'library', name: action.name };
        const same = this.current.location && sameLocation(this.current.location, location);
        if (!same && !action.overwrite && this.exists(location)) {
          return fail('CommandRefused', `${action.name}${SCENARIO_EXTENSION} already exists.`, {
            parameter: 'overwrite',
            fix: 'Choose Yes to replace it, or type another name.',
          });
        }
        return this.saveTo(location, action.name);
      }
      case 'revert': {
        const location = this.current.location;
        if (!location)
          return fail('CommandRefused', `"${this.current.name}" has never been saved, so there is nothing to revert to.`, {
            fix: 'Use File → Save As... to save it first.',
          });
        return this.openAt(location, this.current.name, true);
      }
      case 'download':
        return {
          ok: true,
          value: { fileName: `${this.current.name}${SCENARIO_EXTENSION}`, text: encodeScenario(this.host.engine().state()) },
        };
    }
  }

  private newScenario(action: Extract<ScenarioAction, { type: 'new' }>): Result<ScenarioStatus> {
    const refused = this.unsavedRefusal(action.discardChanges ?? false);
    if (refused) return refused;
    let world: World;
    if (action.template === 'training') world = defaultWorld();
    else if (action.template === 'empty') {
      // The training datacenter's computers, network and storage, without a VM (nothing to move yet).
      world = defaultWorld();
      world.vms = [];
      world.name = 'Empty datacenter';
    } else {
      const hosts = action.hosts ?? 10;
      const vms = action.vms ?? 100;
      const generated = validateWorld({ ...generateWorld({ hosts, vms }), name: `Generated datacenter (${hosts} hosts, ${vms} VMs)` });
      if (!generated.ok) {
        return fail('Internal', `The generated datacenter is not valid (${generated.errors[0]?.path}: ${generated.errors[0]?.message}).`);
      }
      world = generated.world;
    }
    this.replace({ world, jobs: [], log: [], now: 0 }, { name: UNTITLED, dirty: false });
    return { ok: true, value: this.status() };
  }

  private openAt(location: ScenarioLocation, name: string, discardChanges: boolean): Result<ScenarioStatus> {
    const refused = this.unsavedRefusal(discardChanges);
    if (refused) return refused;
    let text: string;
    try {
      text = this.files.read(location);
    } catch (err) {
      return fail('NotFound', `The scenario "${name}" could not be opened: ${(err as Error).message}`, {
        parameter: 'name',
        fix: location.kind === 'library' ? 'Pick one of the scenarios listed in File → Open....' : 'Check that the file is still there and readable.',
      });
    }
    const decoded = decodeScenario(text);
    if (!decoded.ok) return this.unreadable(name, decoded.errors);
    this.replace(decoded.state, { name, dirty: false, location });
    this.remember(name, location);
    return { ok: true, value: this.status() };
  }

  private saveTo(location: ScenarioLocation, name: string): Result<ScenarioStatus> {
    try {
      this.files.write(location, encodeScenario(this.host.engine().state()));
    } catch (err) {
      return fail('CommandRefused', `The scenario "${name}" could not be saved: ${(err as Error).message}`, {
        fix: 'Your datacenter is unchanged in the console. Choose another name or folder, or free some disk space, and save again.',
      });
    }
    this.current = { name, dirty: false, location };
    this.persistCurrent();
    this.remember(name, location);
    this.announce(false);
    return { ok: true, value: this.status() };
  }

  // ── Helpers ───────────────────────────────────────────────────────────────────────────────────

  private replace(state: EngineState, next: Current): void {
    this.host.replaceState(state);
    this.current = next;
    this.persistCurrent();
    this.announce(true);
  }

  private unsavedRefusal(discardChanges: boolean): Failure | undefined {
    if (!this.current.dirty || discardChanges) return undefined;
    return fail(
      'CommandRefused',
      `Do you want to save changes to ${this.current.name}? The datacenter in the console has unsaved changes, and this would replace it.`,
      {
        fix: "Save the scenario first, or choose Don't Save to discard the changes.",
      },
    );
  }

  private unreadable(name: string, errors: { path: string; message: string }[]): Failure {
    const first = errors[0];
    return fail(
      'InvalidParameter',
      `The scenario "${name}" cannot be opened: ${errors.length} problem${errors.length === 1 ? '' : 's'}${first ? ` (first: ${first.path}: ${first.message})` : ''}. The datacenter in the console is unchanged.`,
      {
        parameter: 'name',
        fix: 'Fix every problem listed (each names its place in the file), then open it again.',
        issues: errors.slice(0, 100),
      },
    );
  }

  private nameNeeded(what: 'open' | 'save' | 'saveAs'): Failure {
    return fail('InvalidParameter', what === 'open' ? 'Choose the scenario to open.' : `"${this.current.name}" has not been saved yet: choose a name for it.`, {
      parameter: 'name',
      fix: what === 'open' ? 'Pick a scenario in File → Open....' : 'Use File → Save As....',
    });
  }

  private exists(location: ScenarioLocation): boolean {
    try {
      return this.files.exists(location);
    } catch {
      // A location that cannot even be looked at (no permission) is treated as absent; opening it reports why.
      return false;
    }
  }

  private remember(name: string, location: ScenarioLocation): void {
    this.recent = [{ name, location }, ...this.recent.filter((r) => !sameLocation(r.location, location))].slice(0, RECENT_KEPT);
    this.settings.set(SCENARIO_SETTINGS.recent, this.recent);
  }

  private persistCurrent(): void {
    this.settings.set(SCENARIO_SETTINGS.current, this.current);
  }

  private announce(worldReplaced: boolean): void {
    this.host.broadcast({ type: 'scenario', status: this.status(), worldReplaced });
  }
}

/** Scenario files in memory (tests, and doors without a disk). */
export function memoryScenarioFiles(): ScenarioFiles & { texts: Map<string, { location: ScenarioLocation; text: string }> } {
  const texts = new Map<string, { location: ScenarioLocation; text: string }>();
  return {
    texts,
    library: () =>
      [...texts.values()].flatMap((f) => (f.location.kind === 'library' ? [{ name: f.location.name, modifiedAt: 0, sizeBytes: f.text.length }] : [])),
    exists: (l) => texts.has(locationKey(l)),
    read: (l) => {
      const f = texts.get(locationKey(l));
      if (f === undefined) throw new Error(l.kind === 'library' ? `there is no scenario "${l.name}" in the data folder` : `${l.path} does not exist`);
      return f.text;
    },
    write: (l, text) => void texts.set(locationKey(l), { location: l, text }),
  };
}

/** The kept-aside datacenter in memory (tests; a door without a disk loses it on restart). */
export function memoryAsideStore(): AsideStore {
  let kept: EngineState | undefined;
  return {
    load: () => (kept ? { state: structuredClone(kept) } : {}),
    save: (s) => void (kept = structuredClone(s)),
    clear: () => void (kept = undefined),
  };
}
