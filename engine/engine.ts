// The engine: the one place an outcome is decided. Doors hand it validated requests and drive its
// clock; it answers with results and pushes events. No transport, no wall clock (docs/design.md).
import {
  CONTRACT_VERSION,
  Command,
  Query,
  invalidRequest,
  describeIssues,
  type CommandOutput,
  type ContractError,
  type EngineEvent,
  type Result,
  type WorldView,
  type ClockState,
  type RunOutcome,
  type RunResume,
  type QueryResult,
  type QueryResults,
} from './contract';
import { CommandRefusal } from './errors';
import { Simulator } from './sim/simulator';
import { World, type Vm } from './model/world';
import type { Job, LogEntry } from './model/jobs';
import { findCmdlet } from './command-table';
import { paramsSchema } from './cmdlets/params-schema';
import { formatCommand } from './cmdlets/format';
import { commandErrorRecord } from './cmdlets/error-records';
import type { BoundParams } from './cmdlets/signature';
import type { CmdletContext, CmdletDefinition } from './cmdlets/definition';
import { FlowNetwork } from './sim/flow-network';
import { NetworkFabric } from './net/fabric';
import type { NetParams } from './net/parameters';
import { Operations } from './operations/operations';
import { moveParams, type MoveParams } from './operations/parameters';
import { configurationLock } from './operations/configuration-lock';
import type { LogLine } from './operations/event-log';
import { precheckCommand } from './queries/precheck-query';
import { listExports, listFolders } from './queries/folder-listing';
import { networkView } from './queries/network-view';
import { Telemetry } from './queries/telemetry';
import { complete } from './cmdlets/complete';
import { startPromptRun, type PromptRun } from './scripting/prompt-run';
import { ScriptSession } from './scripting/language/interpreter';

/** Everything that survives a restart (see persistence/). */
export interface EngineState {
  world: World;
  jobs: Job[];
  log: LogEntry[];
  now: number;
}

/** Tunables for tests and what-if labs; defaults are the documented parameter modules. */
export interface EngineOptions {
  moveParams?: Partial<MoveParams>;
  netParams?: Partial<NetParams>;
}

const LOG_LIMIT = 10_000;

export class Engine {
  readonly sim: Simulator;
  private world: World;
  private jobs: Job[];
  private log: LogEntry[];
  private logSeq: number;
  private listeners = new Set<(e: EngineEvent) => void>();
  private networkListeners = new Set<(host: string) => void>();
  private pendingLog: LogEntry[] = [];
  /** The max-min flow network every transfer runs on (engine/sim). */
  readonly flow: FlowNetwork;
  /** The world's network as flow-network resources, with failover (engine/net). */
  readonly fabric: NetworkFabric;
  /** Moves, jobs, queue, Smart Paging (engine/operations). */
  readonly operations: Operations;
  private readonly changedJobs = new Set<Job>();
  /** Set when the running command said it changed the world (ctx.worldChanged / networkChanged). */
  private commandChangedWorld = false;
  private readonly telemetry = new Telemetry(() => ({ world: this.world, flow: this.flow, fabric: this.fabric }));
  private worldDirty = false;

  /**
   * A saved state whose jobs were queued or running is settled here: moves that had not switched
   * roll back to their source, moves that had switched complete (operations.recover()).
   */
  constructor(state: { world: World; jobs?: Job[]; log?: LogEntry[]; now?: number }, options: EngineOptions = {}) {
    this.world = state.world;
    this.jobs = state.jobs ?? [];
    this.log = state.log ?? [];
    this.logSeq = this.log.at(-1)?.seq ?? 0;
    this.sim = new Simulator(state.now ?? 0);
    this.flow = new FlowNetwork(this.sim);
    this.fabric = new NetworkFabric(this.flow, this.sim, this.world, options.netParams ?? {});
    this.operations = new Operations({
      sim: this.sim,
      flow: this.flow,
      fabric: this.fabric,
      params: moveParams(options.moveParams),
      world: () => this.world,
      jobs: this.jobs,
      log: (l: LogLine) => this.writeLog(l.level, l.source, l.message, l.eventId),
      worldChanged: () => {
        this.worldDirty = true;
      },
      jobChanged: (j: Job) => {
        this.changedJobs.add(j);
      },
    });
    this.networkListeners.add((host) => this.operations.networkChanged(host));
    this.operations.recover();
    this.changedJobs.clear();
    this.worldDirty = false;
  }

  get now(): number {
    return this.sim.now;
  }

  get idle(): boolean {
    return this.sim.pending === 0;
  }

  subscribe(listener: (e: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called with a host's name when a cmdlet changed its network (adapter, RDMA, team, SMB limit). */
  onNetworkChanged(listener: (host: string) => void): () => void {
    this.networkListeners.add(listener);
    return () => this.networkListeners.delete(listener);
  }

  invoke(input: unknown): Result<CommandOutput> {
    const parsed = Command.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error, 'command') };
    const { cmdlet, params } = parsed.data;
    const def = findCmdlet(cmdlet);
    if (!def) {
      return failWithRecord(cmdlet, params, {
        code: 'InvalidRequest',
        message: `The term '${cmdlet}' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
        parameter: 'cmdlet',
      });
    }
    const bound = schemaOf(def).safeParse(params);
    if (!bound.success) {
      const issues = describeIssues(bound.error);
      const first = issues[0]!;
      const unknownKey = bound.error.issues.find((i) => i.code === 'unrecognized_keys');
      const message =
        unknownKey && 'keys' in unknownKey
          ? `A parameter cannot be found that matches parameter name '${unknownKey.keys[0]}'.`
          : `Cannot validate argument on parameter '${first.path}'. ${first.message}`;
      return failWithRecord(def.signature.name, params, { code: 'InvalidParameter', message, parameter: unknownKey ? unknownKey.keys[0] : first.path, issues });
    }
    const commandText = formatCommand(def.signature, bound.data);
    try {
      const outcome = def.run(this.context(), bound.data);
      this.afterCommand();
      return { ok: true, value: { output: outcome.output ?? [], jobIds: outcome.jobIds ?? [], warnings: outcome.warnings ?? [], commandText } };
    } catch (err) {
      this.afterCommand();
      if (err instanceof CommandRefusal) return failWithRecord(def.signature.name, bound.data, err.toContractError());
      throw err;
    }
  }

  /** A cmdlet may have changed anything: caches are dropped, the move queue re-checks its limits. */
  private afterCommand(): void {
    this.operations.worldTouched(this.commandChangedWorld);
    this.commandChangedWorld = false;
    this.flush();
  }

  query(input: unknown): Result<QueryResult> {
    const parsed = Query.safeParse(input);
    if (!parsed.success) return { ok: false, error: invalidRequest(parsed.error, 'query') };
    // Capacities of hosts whose load changed while idle are brought up to date before anyone reads them.
    this.operations.transfers.flushStale();
    const q = parsed.data;
    // TypeScript cannot correlate a union's member with its handler's parameter (microsoft/TypeScript
    // #30581); the table below is what is checked, each handler against QueryResults.
    return (this.queryHandlers[q.name] as (q: Query) => Result<QueryResult>)(q);
  }

  /** One answer per query, each typed by the contract's QueryResults. */
  private readonly queryHandlers: { [K in keyof QueryResults]: (q: Extract<Query, { name: K }>) => Result<QueryResults[K]> } = {
    world: () => ({ ok: true, value: this.view() }),
    vm: (q) => {
      const vm = this.vmByIdOrName(q.vm);
      return vm ? { ok: true, value: structuredClone(vm) } : fail(vmNotFound(q.vm));
    },
    jobs: () => {
      this.operations.refresh();
      return { ok: true, value: structuredClone(this.jobs) };
    },
    eventLog: (q) => ({ ok: true, value: this.log.filter((e) => e.seq > (q.sinceSeq ?? 0)) }),
    clock: () => ({ ok: true, value: this.clockState(0) }),
    precheck: (q) => precheckCommand(this.world, q.command),
    folders: (q) => listFolders(this.world, q.host, q.path, q.files === true),
    exports: (q) => listExports(this.world, q.host, q.path),
    network: (q) => networkView({ world: this.world, flow: this.flow, fabric: this.fabric }, q.host),
    telemetry: (q) => ({ ok: true, value: this.telemetry.read(q.host, q.sinceMs) }),
    configurationLock: (q) => {
      const vm = this.vmByIdOrName(q.vm);
      return vm ? { ok: true, value: configurationLock(this.operations, vm) ?? null } : fail(vmNotFound(q.vm));
    },
    complete: (q) => ({ ok: true, value: complete(q.text, q.cursor, this.world) }),
  };

  private vmByIdOrName(key: string): Vm | undefined {
    return this.world.vms.find((v) => v.id === key || v.name.toLowerCase() === key.toLowerCase());
  }

  /** Runs a line typed at the console's prompt (see scripting/prompt-run.ts). */
  runText(text: string, resume?: RunResume): Result<RunOutcome> {
    const run = this.startRun(text, resume);
    run.step(Infinity);
    return { ok: true, value: run.outcome() };
  }

  /** The computer the console is signed in on. */
  get localComputer(): string {
    return this.world.session.signedInOn;
  }

  /** The prompt's variables, kept from line to line as a PowerShell window keeps them (not saved with the state). */
  private readonly promptSession = new ScriptSession();

  /** The same run, advanced by a door in slices of statements so other clients get turns between them. */
  startRun(text: string, resume?: RunResume): PromptRun {
    const run = startPromptRun(this, text, this.promptSession, resume);
    return {
      get done() {
        return run.done;
      },
      step: (maxStatements) => {
        run.step(maxStatements);
        this.flushLog();
      },
      outcome: () => run.outcome(),
    };
  }

  /** Records throughput and CPU of the computers someone is charting (the door calls it per tick). */
  sampleTelemetry(): void {
    this.telemetry.sample(this.now);
  }

  advance(ms: number): void {
    this.sim.advance(ms);
    this.flush();
  }

  runUntilIdle(): void {
    this.sim.runUntilIdle();
    this.flush();
  }

  /** Jobs still queued or running, with progress interpolated at now (what the Jobs pane animates). */
  activeJobs(): Job[] {
    return structuredClone(this.operations.activeJobs());
  }

  clockState(speed: ClockState['speed']): ClockState {
    return { now: this.now, speed, idle: this.idle };
  }

  /**
   * The world as doors see it. Not a copy: every door serializes it at once (IPC, WebSocket, JSON),
   * and copying a 10,000-VM world on every change would cost more than the change itself. Callers
   * must treat it as read-only.
   */
  view(): WorldView {
    this.operations.refresh();
    return {
      contractVersion: CONTRACT_VERSION,
      world: this.world,
      jobs: structuredClone(this.jobs),
      clock: this.clockState(0),
      logSeq: this.logSeq,
    };
  }

  /**
   * The snapshot a door saves. Consistent at any instant between events: a move's switch happens
   * in one event, and before it the world holds none of its destination files (see operations/).
   */
  state(): EngineState {
    this.operations.refresh();
    return structuredClone({ world: this.world, jobs: this.jobs, log: this.log, now: this.now });
  }

  private emit(event: EngineEvent): void {
    for (const l of this.listeners) l(event);
  }

  /**
   * Pushes what changed since the last flush: log entries, then jobs that changed state (their
   * latest record — the doors also poll activeJobs() for progress), then one world snapshot if the
   * world changed (a move switched, a smart paging file came or went). Coalesced so that a burst
   * of events (runUntilIdle over a thousand moves) costs one snapshot, and none without listeners.
   */
  private flush(): void {
    this.flushLog();
    if (this.changedJobs.size > 0) {
      const jobs = [...this.changedJobs];
      this.changedJobs.clear();
      if (this.listeners.size > 0) {
        this.operations.refresh();
        this.emit({ type: 'jobs', jobs: structuredClone(jobs), clock: this.clockState(0) });
      }
    }
    if (this.worldDirty) {
      this.worldDirty = false;
      if (this.listeners.size > 0) this.emit({ type: 'world', view: this.view() });
    }
  }

  private flushLog(): void {
    if (this.pendingLog.length === 0) return;
    const entries = this.pendingLog;
    this.pendingLog = [];
    if (this.listeners.size > 0) this.emit({ type: 'log', entries });
  }

  private writeLog(level: LogEntry['level'], source: string, message: string, eventId?: number): void {
    const entry: LogEntry = { seq: ++this.logSeq, at: this.now, level, source, message, ...(eventId !== undefined ? { eventId } : {}) };
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT * 1.1) this.log.splice(0, this.log.length - LOG_LIMIT);
    this.pendingLog.push(entry);
  }

  private context(): CmdletContext {
    return {
      world: this.world,
      sim: this.sim,
      log: (level, source, message, eventId) => this.writeLog(level, source, message, eventId),
      worldChanged: () => {
        this.worldDirty = true;
        this.commandChangedWorld = true;
      },
      findVm: (name: string, parameter: string): Vm => {
        const vm = this.world.vms.find((v) => v.name.toLowerCase() === name.toLowerCase());
        if (!vm) throw new CommandRefusal(`Hyper-V was unable to find a virtual machine with name "${name}".`, { parameter, code: 'NotFound' });
        return vm;
      },
      networkChanged: (host: string) => {
        this.commandChangedWorld = true;
        for (const l of this.networkListeners) l(host);
      },
      operations: this.operations,
    };
  }
}

/** A cmdlet's parameter schema, built once (building a zod schema per command cost ~0.5 ms). */
const schemas = new WeakMap<CmdletDefinition, ReturnType<typeof paramsSchema>>();
function schemaOf(def: CmdletDefinition): ReturnType<typeof paramsSchema> {
  let schema = schemas.get(def);
  if (!schema) schemas.set(def, (schema = paramsSchema(def.signature)));
  return schema;
}

function fail(error: ContractError): { ok: false; error: ContractError } {
  return { ok: false, error };
}

/** A command's error with its PowerShell error record (category, target, exception, error id). */
function failWithRecord(cmdlet: string, params: unknown, error: ContractError): { ok: false; error: ContractError } {
  const bound = typeof params === 'object' && params !== null ? (params as BoundParams) : {};
  return fail({ ...error, record: commandErrorRecord(cmdlet, bound, error) });
}

export function loadWorld(input: unknown): Result<World> {
  const parsed = World.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: invalidRequest(parsed.error, 'world') };
}

function vmNotFound(key: string): ContractError {
  return { code: 'NotFound', message: `Hyper-V was unable to find a virtual machine with name "${key}".`, parameter: 'vm' };
}
