// The door's side of doors/worker/engine-protocol.ts: what the door's UI thread holds instead of an
// EngineHost. It answers asynchronously (the engine runs on another thread), keeps the notices for
// the first page as EngineHost does, mirrors the scenario's status for the desktop's close prompt,
// and watches the engine thread: if it dies, every page is told plainly, the requests it was
// answering fail with a message, and it is started again from the last save.
import type { ContractError, EngineEvent, Response, Result, ScenarioAction, ScenarioStatus } from '../../engine/contract';
import { requestIdOf } from '../../engine/common/bridge-envelope';
import type { SettingsStore } from '../../engine/persistence/state-store';
import type { Job } from '../../engine/model/jobs';
import { silentLogger, type Logger } from '../common/logger';
import { refuseDeep } from '../common/refuse-deep';
import type { EngineDoor } from '../common/engine-door';
import { EngineMessage, readMessage, type DoorMessage, type EngineConfig, type Notice, type PortLike, type ScenarioFileAction } from './engine-protocol';

/** One run of the engine's thread or process, as the door starts it. */
export interface EngineThread {
  readonly port: PortLike;
  /** Called once when it ends, with its exit code (null when killed by a signal); `why` when it threw. */
  onExit(listener: (code: number | null, why?: string) => void): void;
  kill(): void;
}

export type SpawnEngine = () => EngineThread;

export interface EngineClientOptions {
  /** Where crashes are written for whoever looks after the console. */
  logger?: Logger;
  /** Crashes in this window count toward MAX_RESTARTS; older ones are forgiven. */
  restartWindowMs?: number;
  maxRestarts?: number;
  /** How long a quit waits for the last save before the engine is ended anyway. */
  stopTimeoutMs?: number;
}

export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

type Pending =
  | { kind: 'request'; id: number; resolve: (r: Response) => void }
  | { kind: 'scenarioFile'; resolve: (r: Result<ScenarioStatus>) => void }
  | { kind: 'flush'; resolve: (unsaved: string[]) => void }
  | { kind: 'stop'; resolve: (unsaved: string[]) => void };

export class EngineClient implements EngineDoor {
  private thread: EngineThread | undefined;
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private readonly notices: Notice[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextCall = 1;
  private status: ScenarioStatus | undefined;
  private doorValues: Record<string, unknown> = {};
  private readonly crashes: number[] = [];
  private stopping = false;
  /** Set when the engine could not be kept running: every request is answered with it. */
  private deadReason: string | undefined;
  private jobListener: ((active: Job[], ended: Job[]) => void) | undefined;

  private constructor(
    private readonly spawn: SpawnEngine,
    private readonly config: Omit<EngineConfig, 'restarted'>,
    private readonly options: EngineClientOptions,
  ) {}

  /** Starts the engine and resolves once it has opened the data folder; rejects with its reason if it could not. */
  static async start(spawn: SpawnEngine, config: Omit<EngineConfig, 'restarted'>, options: EngineClientOptions = {}): Promise<EngineClient> {
    const client = new EngineClient(spawn, config, options);
    await client.launch(false);
    return client;
  }

  /** The notices waiting for the first page, without taking them (so a console log can echo them). */
  pendingNotices(): readonly Notice[] {
    return this.notices;
  }

  subscribe(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    for (const notice of this.notices.splice(0)) listener(notice);
    return () => this.listeners.delete(listener);
  }

  respond(raw: unknown): Promise<Response> {
    const id = requestIdOf(raw);
    if (this.deadReason !== undefined) return Promise.resolve(internal(id, this.deadReason));
    const tooDeep = refuseDeep(raw, id);
    if (tooDeep) return Promise.resolve(tooDeep);
    return new Promise((resolve) => this.call({ kind: 'request', id, resolve }, (call) => ({ type: 'request', call, raw })));
  }

  /** Open / Save As with the path the user chose in the door's native dialog. */
  scenarioFile(action: ScenarioFileAction): Promise<Result<ScenarioStatus>> {
    if (this.deadReason !== undefined) return Promise.resolve({ ok: false, error: internalError(this.deadReason) });
    return new Promise((resolve) => this.call({ kind: 'scenarioFile', resolve }, (call) => ({ type: 'scenarioFile', call, action })));
  }

  /** The scenario as the engine last reported it (its name, unsaved changes, recent list). */
  scenarioStatus(): ScenarioStatus {
    if (!this.status) throw new Error('The engine has not started.');
    return this.status;
  }

  /** A door setting read at start (config.doorSettingKeys), or as last set here. */
  setting<T>(key: string, fallback: T): T {
    return key in this.doorValues ? (this.doorValues[key] as T) : fallback;
  }

  /** Keeps a door setting; the engine thread writes settings.json (retried and reported there if the write fails). */
  setSetting(key: string, value: unknown): void {
    this.doorValues[key] = value;
    this.post({ type: 'setting', key, value });
  }

  /** Door settings as a SettingsStore (doors/desktop/window-state.ts). */
  doorSettings(): SettingsStore {
    return { get: (key, fallback) => this.setting(key, fallback), set: (key, value) => this.setSetting(key, value) };
  }

  /** The scenario as the desktop's File menu and close prompt use it (doors/desktop/scenario-dialogs.ts). */
  scenarioSession() {
    return {
      status: () => this.scenarioStatus(),
      openFile: (path: string, discardChanges: boolean) => this.scenarioFile({ op: 'open', path, discardChanges }),
      saveFileAs: (path: string) => this.scenarioFile({ op: 'saveAs', path }),
      handle: async (action: ScenarioAction): Promise<Result<unknown>> => (await this.respond({ kind: 'scenario', id: 0, action })).result,
    };
  }

  /** The desktop's taskbar and notifications (config.watchJobs): active jobs, and those that just ended. */
  onJobs(listener: (active: Job[], ended: Job[]) => void): void {
    this.jobListener = listener;
  }

  /** Saves whatever is unsaved now; resolves with what could not be saved. */
  flush(): Promise<string[]> {
    if (!this.thread) return Promise.resolve([]);
    return new Promise((resolve) => this.call({ kind: 'flush', resolve }, (call) => ({ type: 'flush', call })));
  }

  /**
   * Quit: the engine saves one last time and ends. Resolves with what could not be saved (a
   * sentence each), after the engine's thread has ended.
   */
  async stop(): Promise<string[]> {
    const thread = this.thread;
    if (!thread || this.stopping) return [];
    this.stopping = true;
    const exited = new Promise<void>((resolve) => thread.onExit(() => resolve()));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsaved = await Promise.race([
      new Promise<string[]>((resolve) => this.call({ kind: 'stop', resolve }, (call) => ({ type: 'stop', call }))),
      new Promise<string[]>((resolve) => {
        timer = setTimeout(
          () =>
            resolve([
              `The engine did not finish its last save within ${(this.options.stopTimeoutMs ?? STOP_TIMEOUT_MS) / 1000} s and was ended; changes of the last second may be lost.`,
            ]),
          this.options.stopTimeoutMs ?? STOP_TIMEOUT_MS,
        );
      }),
    ]);
    clearTimeout(timer);
    thread.kill();
    await exited;
    this.listeners.clear();
    return unsaved;
  }

  private call(pending: Pending, message: (call: number) => DoorMessage): void {
    const call = this.nextCall++;
    this.pending.set(call, pending);
    this.post(message(call));
  }

  private post(message: DoorMessage): void {
    this.thread?.port.postMessage(message);
  }

  /** Starts the engine's thread; resolves at its 'ready', rejects at its 'failed'. */
  private launch(restarted: boolean): Promise<void> {
    const thread = this.spawn();
    this.thread = thread;
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      thread.port.onMessage((raw) => {
        const read = readMessage(EngineMessage, raw);
        if ('problem' in read) {
          this.logger.log('error', `The door dropped a message from the engine it does not understand: ${read.problem}`);
          return;
        }
        const message = read.message;
        if (message.type === 'ready') {
          ready = true;
          this.status = message.scenario;
          this.doorValues = { ...message.settings, ...this.doorValues };
          for (const notice of message.notices) this.tell(notice);
          resolve();
        } else if (message.type === 'failed') {
          ready = true;
          this.thread = undefined;
          thread.kill();
          reject(new Error(message.message));
        } else this.receive(message);
      });
      thread.onExit((code, why) => {
        if (this.thread !== thread) return;
        this.thread = undefined;
        if (!ready) {
          ready = true;
          reject(new Error(`The engine stopped while starting (exit code ${String(code)})${why ? `: ${why}` : ''}.`));
          return;
        }
        this.exited(code, why);
      });
      this.post({ type: 'start', config: { ...this.config, restarted } });
    });
  }

  private receive(message: Exclude<EngineMessage, { type: 'ready' | 'failed' }>): void {
    switch (message.type) {
      case 'event':
        if (message.event.type === 'scenario') this.status = message.event.status;
        if (message.event.type === 'notice') this.tell(message.event);
        else this.broadcast(message.event);
        return;
      case 'jobs':
        this.jobListener?.(message.active, message.ended);
        return;
      case 'response':
        this.settle(message.call, 'request', (p) => p.resolve(message.response));
        return;
      case 'scenarioFileResult':
        this.settle(message.call, 'scenarioFile', (p) => p.resolve(message.result));
        return;
      case 'flushed':
        this.settle(message.call, 'flush', (p) => p.resolve(message.unsaved));
        return;
      case 'stopped':
        this.settle(message.call, 'stop', (p) => p.resolve(message.unsaved));
        return;
    }
  }

  private settle<K extends Pending['kind']>(call: number, kind: K, settle: (p: Extract<Pending, { kind: K }>) => void): void {
    const pending = this.pending.get(call);
    if (pending?.kind !== kind) return;
    this.pending.delete(call);
    settle(pending as Extract<Pending, { kind: K }>);
  }

  /** The engine's thread ended without being asked: fail what it was doing, tell everyone, start it again. */
  private exited(code: number | null, why: string | undefined): void {
    if (this.stopping) {
      this.failPending('The engine has stopped.');
      return;
    }
    const cause = `exit code ${String(code)}${why ? `: ${why}` : ''}`;
    this.logger.log('error', `The engine stopped unexpectedly (${cause}).`);
    this.failPending(`The engine stopped unexpectedly while answering this request (${cause}).`);
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0]! > (this.options.restartWindowMs ?? RESTART_WINDOW_MS)) this.crashes.shift();
    if (this.crashes.length > (this.options.maxRestarts ?? MAX_RESTARTS)) {
      this.giveUp(
        `The engine stopped unexpectedly ${this.crashes.length} times in a row (last: ${cause}) and was not started again. Your datacenter is as it was last saved; close the console and start it again.`,
      );
      return;
    }
    this.tell({
      type: 'notice',
      level: 'error',
      message: `The engine stopped unexpectedly (${cause}) and was started again from the last save: changes made in the last second before it stopped may be lost, and a request it was answering was not completed.`,
    });
    this.launch(true).catch((err: Error) =>
      this.giveUp(`The engine could not be started again (${err.message}). Your datacenter is as it was last saved; close the console and start it again.`),
    );
  }

  private giveUp(message: string): void {
    if (this.deadReason !== undefined) return;
    this.deadReason = message;
    this.logger.log('error', message);
    this.tell({ type: 'notice', level: 'error', message });
    this.failPending(message);
  }

  private failPending(message: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      if (p.kind === 'request') p.resolve(internal(p.id, message));
      else if (p.kind === 'scenarioFile') p.resolve({ ok: false, error: internalError(message) });
      else p.resolve([message]);
    }
  }

  /** A notice for every page now, or for the first page to connect if none is open. */
  private tell(notice: Notice): void {
    if (this.listeners.size === 0) this.notices.push(notice);
    else this.broadcast(notice);
  }

  private broadcast(e: EngineEvent): void {
    for (const l of this.listeners) l(e);
  }

  private get logger(): Logger {
    return this.options.logger ?? silentLogger;
  }
}

function internalError(message: string): ContractError {
  return { code: 'Internal', message };
}

function internal(id: number, message: string): Response {
  return { kind: 'result', id, result: { ok: false, error: internalError(message) } };
}
