// What every door does with the engine, once: validate each incoming request against the contract,
// dispatch it, keep the world saved, drive the clock, and fan events out to subscribers.
// A door adds only its transport (IPC, WebSocket, command line).
import { Request, invalidRequest, type EngineEvent, type Response, type ContractError, type Result, type RunResume } from '../../engine/contract';
import { Engine, type EngineState } from '../../engine/engine';
import { checkJsonDepth } from '../../engine/common/json-depth';
import { refuseDeep } from './refuse-deep';
import { PROMPT_SLICE_STATEMENTS, type PromptRun } from '../../engine/scripting/prompt-run';
import { defaultWorld } from '../../engine/model/default-world';
import type { SettingsStore, StateStore } from '../../engine/persistence/state-store';
import { ClockDriver, systemTimer, type WallTimer } from './clock-driver';
import { LabSession } from './lab-session';
import { Autosave } from './autosave';
import { silentLogger, type Logger } from './logger';
import { memorySettings, PendingSettings } from './pending-settings';
import { ScenarioSession, memoryAsideStore, memoryScenarioFiles, type AsideStore, type ScenarioFiles } from './scenario-session';

export interface EngineHostOptions {
  store?: StateStore;
  /** Lab progress, scores and imported packs (electron-store / conf); in memory when absent. */
  settings?: SettingsStore;
  timer?: WallTimer;
  /** Notices about unreadable files found while the door opened its stores. */
  notices?: string[];
  startClock?: boolean;
  /** Where failures are written with their stacks (doors/node/file-logger.ts); nowhere when absent. */
  logger?: Logger;
  /** Scenario files and the datacenter a lab keeps aside; in memory when absent. */
  scenarios?: { files: ScenarioFiles; aside: AsideStore; nativeDialogs?: boolean };
}

const SAVE_INTERVAL_MS = 1000;

/** A message for the user, shown once by the console (the contract's 'notice' event). */
export type Notice = Extract<EngineEvent, { type: 'notice' }>;

export class EngineHost {
  readonly clock: ClockDriver;
  /** The Labs pane's session; starting a lab replaces the engine (replaceWorld). */
  readonly labs: LabSession;
  /** The File menu's scenario: name, unsaved changes, save and open, the datacenter a lab keeps aside. */
  readonly scenarios: ScenarioSession;
  /**
   * The door's settings, for anything else the door keeps there (window bounds): a write the store
   * refuses is kept in memory, reported once, and retried; it never throws.
   */
  readonly settings: SettingsStore;
  private current: Engine;
  private detach: () => void = () => {};
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private readonly notices: Notice[];
  private worldPending = false;
  private readonly timer: WallTimer;
  /** Saving the world: at most once a second while it changes, retried with backoff when it fails. */
  private readonly worldSave: Autosave;
  /** Saving settings (lab progress, imported packs, recent scenarios): at once, retried the same way. */
  private readonly settingsSave: Autosave;

  constructor(private readonly options: EngineHostOptions = {}) {
    this.timer = options.timer ?? systemTimer;
    const loaded = options.store?.load() ?? {};
    this.notices = [...(options.notices ?? []), ...(loaded.notice ? [loaded.notice] : [])].map((message) => warning(message));
    const store = options.store;
    this.worldSave = new Autosave({
      write: () => store?.save(this.engine.state()),
      timer: this.timer,
      intervalMs: SAVE_INTERVAL_MS,
      what: 'The world',
      notify: (level, message) => this.tell({ type: 'notice', level, message }),
    });
    const settings = new PendingSettings(options.settings ?? memorySettings(), () => this.settingsSave.changed());
    this.settings = settings;
    this.settingsSave = new Autosave({
      write: () => settings.writePending(),
      timer: this.timer,
      intervalMs: 0,
      what: 'Your settings and lab progress',
      notify: (level, message) => this.tell({ type: 'notice', level, message }),
    });
    this.current = this.attach(new Engine(loaded.state ?? { world: defaultWorld() }));
    this.clock = new ClockDriver(this.current, () => this.afterTick(), this.timer);
    const worldRestored = loaded.state !== undefined;
    this.scenarios = new ScenarioSession(
      {
        engine: () => this.current,
        replaceState: (state) => this.replaceState(state),
        broadcast: (e) => this.broadcast(e),
        activeLab: () => this.labs.activeLabSummary(),
      },
      settings,
      options.scenarios?.files ?? memoryScenarioFiles(),
      options.scenarios?.aside ?? memoryAsideStore(),
      {
        worldRestored,
        nativeDialogs: options.scenarios?.nativeDialogs ?? false,
      },
    );
    this.labs = new LabSession(
      {
        engine: () => this.current,
        replaceWorld: (world) => this.replaceState({ world, jobs: [], log: [], now: 0 }),
        broadcast: (e) => this.broadcast(e),
        keepAside: () => this.scenarios.keepAside(),
        bringBack: () => this.scenarios.bringBack(),
        labChanged: () => this.scenarios.labChanged(),
      },
      settings,
      { worldRestored },
    );
    this.scenarios.recoverAside();
    this.notices.push(...[...this.labs.notices, ...this.scenarios.notices.splice(0)].map((message) => warning(message)));
    for (const notice of this.notices) this.logger.log('warn', notice.message);
    if (options.startClock !== false) this.clock.start();
  }

  /** The engine this door runs now (a lab's start or reset replaces it). */
  get engine(): Engine {
    return this.current;
  }

  /** Notices not yet shown to anyone; the first subscriber takes them. */
  takeNotices(): Notice[] {
    return this.notices.splice(0);
  }

  /** The notices waiting for the first page, without taking them (so a console log can echo them). */
  pendingNotices(): readonly Notice[] {
    return this.notices;
  }

  subscribe(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    for (const notice of this.takeNotices()) listener(notice);
    return () => this.listeners.delete(listener);
  }

  /** Handles one raw request from a transport. Never throws; a bad payload changes nothing. */
  handle(raw: unknown): Response {
    const id =
      typeof (raw as { id?: unknown } | null)?.id === 'number' && Number.isInteger((raw as { id: number }).id) && (raw as { id: number }).id >= 0
        ? (raw as { id: number }).id
        : 0;
    const tooDeep = refuseDeep(raw, id);
    if (tooDeep) return tooDeep;
    const parsed = Request.safeParse(raw);
    if (!parsed.success) return { kind: 'result', id, result: { ok: false, error: invalidRequest(parsed.error, 'request') } };
    const req = parsed.data;
    try {
      switch (req.kind) {
        case 'invoke': {
          const at = this.engine.now;
          const result = this.seen(req.id, this.engine.invoke(req.command));
          if (result.ok) this.changed();
          if (result.ok) this.labs.recordCommands([{ text: result.value.commandText, ok: true }]);
          this.labs.recordTranscript({
            kind: 'invoke',
            at,
            command: req.command,
            text: result.ok ? result.value.commandText : req.command.cmdlet,
            ok: result.ok,
          });
          return { kind: 'result', id: req.id, result };
        }
        case 'query': {
          const result = this.seen(req.id, this.engine.query(req.query));
          if (result.ok && req.query.name === 'clock') return { kind: 'result', id: req.id, result: { ok: true, value: this.clock.state() } };
          if (result.ok && req.query.name === 'world') {
            const view = result.value as { clock: unknown };
            view.clock = this.clock.state();
          }
          return { kind: 'result', id: req.id, result };
        }
        case 'run': {
          const at = this.engine.now;
          const run = this.engine.startRun(req.text, req.resume);
          run.step(Infinity);
          return this.runEnded(req.id, run, req.text, at, req.resume);
        }
        case 'clock': {
          const state = this.clock.control(req.control);
          this.broadcast({ type: 'clock', clock: state });
          return { kind: 'result', id: req.id, result: { ok: true, value: state } };
        }
        case 'lab':
          return { kind: 'result', id: req.id, result: this.seen(req.id, this.labs.handle(req.action)) };
        case 'scenario':
          return { kind: 'result', id: req.id, result: this.seen(req.id, this.scenarios.handle(req.action)) };
      }
    } catch (err) {
      return this.internalError(req.id, err);
    }
  }

  /**
   * handle(), except that a long prompt run lets other clients in: it runs PROMPT_SLICE_STATEMENTS
   * statements per turn of the event loop and answers when the last has run (a 98 KB paste used to
   * hold every page and the clock for 5 s). What runs is the same as through handle(): the slices
   * are counted in statements, so the outcome does not depend on the machine's speed; requests
   * from other pages may run between two slices, as two PowerShell sessions on one host interleave.
   */
  respond(raw: unknown): Response | Promise<Response> {
    if ((raw as { kind?: unknown } | null)?.kind !== 'run' || checkJsonDepth(raw)) return this.handle(raw);
    const parsed = Request.safeParse(raw);
    if (!parsed.success || parsed.data.kind !== 'run') return this.handle(raw);
    const { id, text, resume } = parsed.data;
    let run: PromptRun;
    const at = this.engine.now;
    try {
      run = this.engine.startRun(text, resume);
      run.step(PROMPT_SLICE_STATEMENTS);
    } catch (err) {
      return this.internalError(id, err);
    }
    if (run.done) return this.runEnded(id, run, text, at, resume);
    return (async () => {
      try {
        while (!run.done) {
          await new Promise<void>((resolve) => setImmediate(resolve));
          run.step(PROMPT_SLICE_STATEMENTS);
        }
        return this.runEnded(id, run, text, at, resume);
      } catch (err) {
        return this.internalError(id, err);
      }
    })();
  }

  /** A prompt run has ended: `text` as typed (and the answer it resumed with), started at simulated `at`. */
  private runEnded(id: number, run: PromptRun, text: string, at: number, resume?: RunResume): Response {
    const outcome = run.outcome();
    for (const st of outcome.statements) this.seen(id, st.result);
    if (outcome.statements.some((st) => st.result.ok)) this.changed();
    else this.markDirty();
    this.labs.recordCommands(outcome.statements.map((st) => ({ text: st.text, ok: st.result.ok })));
    this.labs.recordTranscript({
      kind: 'run',
      at,
      text,
      ...(resume ? { resume } : {}),
      ok: !outcome.parseError && outcome.statements.every((st) => st.result.ok),
    });
    return { kind: 'result', id, result: { ok: true, value: outcome } };
  }

  /**
   * Saves now whatever is unsaved (also called on shutdown). Returns what could not be saved, in
   * words for a log or the terminal; empty when everything is kept.
   */
  flush(): string[] {
    return [this.worldSave.flush(), this.settingsSave.flush()].filter((s): s is string => s !== undefined);
  }

  /** Stops the clock and the retries, after a last save (a door that must report a failed one calls flush first). */
  dispose(): void {
    this.clock.dispose();
    this.flush();
    this.worldSave.dispose();
    this.settingsSave.dispose();
    this.listeners.clear();
  }

  /** Wires an engine's events to this door (saving and broadcasting). */
  private attach(engine: Engine): Engine {
    this.detach();
    this.detach = engine.subscribe((e) => {
      // A job changed state or a move switched the world: save soon (at most once a second), so a
      // restart finds finished moves finished (engine/operations settles the rest on start-up).
      if (e.type === 'jobs' || e.type === 'world') this.changed();
      if (e.type === 'world') this.worldChangedSoon();
      else this.broadcast(e);
    });
    return engine;
  }

  /**
   * A lab started or was reset (its world, clock at 0, no jobs, empty log), a scenario was opened or
   * the datacenter a lab kept aside came back: a new engine on that state, driven by the same clock
   * at the same speed, saved at once, and a fresh snapshot sent to every page.
   */
  private replaceState(state: EngineState): void {
    this.current = this.attach(new Engine(state));
    this.clock.retarget(this.current);
    this.worldSave.saveNow();
    const view = this.current.view();
    view.clock = this.clock.state();
    this.broadcast({ type: 'world', view });
  }

  /** The datacenter changed: saved soon, and the scenario has unsaved changes. */
  private changed(): void {
    this.markDirty();
    this.scenarios.touch();
  }

  private markDirty(): void {
    this.worldSave.changed();
  }

  private afterTick(): void {
    this.engine.sampleTelemetry();
    const clock = this.clock.state();
    const jobs = this.engine.activeJobs();
    if (jobs.length > 0) {
      this.broadcast({ type: 'jobs', jobs, clock });
      this.markDirty();
    } else {
      this.broadcast({ type: 'clock', clock });
      // The last job just ended: its final state must not wait for the next command to be saved.
      this.worldSave.saveIfDue();
    }
  }

  /**
   * One command can change the world several times and a big world is megabytes of JSON, so the
   * snapshots of one turn of the event loop are coalesced into one, stamped with this door's clock.
   */
  private worldChangedSoon(): void {
    if (this.worldPending) return;
    this.worldPending = true;
    queueMicrotask(() => {
      this.worldPending = false;
      if (this.listeners.size === 0) return;
      const view = this.engine.view();
      view.clock = this.clock.state();
      this.broadcast({ type: 'world', view });
    });
  }

  private broadcast(e: EngineEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** A request the engine failed on: the page gets the message, the log the stack. */
  private internalError(id: number, err: unknown): Response {
    this.logger.log('error', `Internal error answering request ${id}`, err);
    const error: ContractError = { code: 'Internal', message: `The engine failed: ${(err as Error).message}` };
    return { kind: 'result', id, result: { ok: false, error } };
  }

  /** A failure a door caught around this host (a scenario file it could not handle): to the log, with its stack. */
  logFailure(message: string, err: unknown): void {
    this.logger.log('error', message, err);
  }

  /**
   * An answer the engine gave with code Internal (a refusal it should never have to make: "the move
   * operations are not available in this context") goes to the page as it is, and to the log too,
   * like a thrown error: otherwise only the user who saw it would know.
   */
  private seen<R extends Result<unknown>>(id: number, result: R): R {
    if (!result.ok && result.error.code === 'Internal') this.logger.log('error', `Internal error answering request ${id}: ${result.error.message}`);
    return result;
  }

  private get logger(): Logger {
    return this.options.logger ?? silentLogger;
  }

  /** Shows a notice on every page now, or on the first page to connect if none is open; logs it too. */
  private tell(notice: Notice): void {
    this.logger.log(notice.level === 'error' ? 'error' : notice.level === 'warning' ? 'warn' : 'info', notice.message);
    if (this.listeners.size === 0) this.notices.push(notice);
    else this.broadcast(notice);
  }
}

function warning(message: string): Notice {
  return { type: 'notice', level: 'warning', message };
}
