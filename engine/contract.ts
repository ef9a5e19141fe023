// The contract between the engine and every door (docs/design.md, "One engine, three doors").
// This one module declares every request a door may forward, every answer and every event, each as
// a runtime schema with its TypeScript type derived from it. Doors validate every incoming payload
// here before the engine sees it; the renderer imports these *types* only.
import { z } from 'zod';
import { World } from './model/world';
import { Job, LogEntry } from './model/jobs';
import { CheckResult, LabCheckResult } from './labs/results';
import { ContractError, RequestId, Response } from './common/bridge-envelope';
import { CONFIRM_ANSWERS } from './common/confirm-prompt';
import type { CmdletCommand } from './cmdlets/cmdlet-params';

// The answer envelope and the error shape are shared with the pages' bridge (engine/common/).
export { ContractError, RequestId, Response };

export const CONTRACT_VERSION = 1;

// ── Commands: one cmdlet invocation each ────────────────────────────────────────────────────────
export const Command = z
  .object({
    cmdlet: z.string().regex(/^[A-Za-z]+-[A-Za-z]+$/, 'must be a cmdlet name such as Move-VMStorage'),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
/** Any command as it arrives, before its cmdlet's own parameter schema (params-schema.ts) has checked it. */
export type WireCommand = z.infer<typeof Command>;
/**
 * A command as the console builds it: the cmdlet's parameters typed from the catalog
 * (cmdlets/cmdlet-params.ts), so a wrong name or value does not compile. Every such command is a
 * WireCommand; doors still validate what arrives.
 */
export type Command = CmdletCommand;

// ── Queries ─────────────────────────────────────────────────────────────────────────────────────
export const Query = z.discriminatedUnion('name', [
  z.object({ name: z.literal('world') }).strict(),
  z.object({ name: z.literal('vm'), vm: z.string().min(1) }).strict(),
  z.object({ name: z.literal('jobs') }).strict(),
  z.object({ name: z.literal('eventLog'), sinceSeq: z.number().int().nonnegative().optional() }).strict(),
  z.object({ name: z.literal('clock') }).strict(),
  /** What Compare-VM and the Move Wizard report for a Move-VM / Move-VMStorage command, before anything moves. */
  z.object({ name: z.literal('precheck'), command: z.lazy(() => Command) }).strict(),
  /**
   * Folders a Browse... dialog can offer on a computer: its volumes and shares, then what is under a
   * path; with `files`, also the virtual hard disk files in that folder (the Open dialog).
   */
  z.object({ name: z.literal('folders'), host: z.string().min(1), path: z.string().min(1).optional(), files: z.boolean().optional() }).strict(),
  /** Exported virtual machines the Import Virtual Machine wizard finds in a folder, as a computer sees it. */
  z.object({ name: z.literal('exports'), host: z.string().min(1), path: z.string().min(1) }).strict(),
  /** Adapters, teams, SMB Multichannel connections, limits and CPU of one computer, as of now. */
  z.object({ name: z.literal('network'), host: z.string().min(1) }).strict(),
  /** Throughput per adapter and CPU of one computer, sampled over recent simulated time. */
  z.object({ name: z.literal('telemetry'), host: z.string().min(1), sinceMs: z.number().nonnegative().optional() }).strict(),
  /**
   * Whether a VM's configuration may be changed now, and Hyper-V's refusal if not (a move of it is
   * running): what the VM Settings dialog shows before Apply.
   */
  z.object({ name: z.literal('configurationLock'), vm: z.string().min(1) }).strict(),
  /** Tab completion at the PowerShell prompt. */
  z.object({ name: z.literal('complete'), text: z.string().max(10_000), cursor: z.number().int().nonnegative() }).strict(),
]);
export type Query = z.infer<typeof Query>;

// ── Clock control: how fast simulated time runs in this door ────────────────────────────────────
export const ClockSpeed = z.union([z.literal(0), z.literal(1), z.literal(10), z.literal(60), z.literal(600)]);
export const ClockControl = z.discriminatedUnion('action', [
  z.object({ action: z.literal('setSpeed'), speed: ClockSpeed }).strict(),
  z.object({ action: z.literal('runUntilIdle') }).strict(),
]);
export type ClockControl = z.infer<typeof ClockControl>;

export const ClockState = z.object({ now: z.number(), speed: ClockSpeed, idle: z.boolean() });
export type ClockState = z.infer<typeof ClockState>;

// ── Labs: the Labs pane's session with a lab pack (issue "Offline labs", docs/labs.md) ──────────
const LabId = z.string().min(1).max(64);
export const LAB_PACK_MAX_CHARS = 1_000_000;
export const LabAction = z.discriminatedUnion('type', [
  /** Every lab this door knows (built-in and imported), with status and scores from saved progress. */
  z.object({ type: z.literal('list') }).strict(),
  /** One lab as the pane shows it (briefing, tasks, hints, last results); changes nothing. */
  z.object({ type: z.literal('show'), labId: LabId }).strict(),
  /**
   * Starts the lab: the user's datacenter (world, jobs, event log, clock) is kept aside, persisted,
   * and the lab's starting world takes its place (resumes if it is the active lab). Refused while
   * moves are running in the user's datacenter (they could not be brought back as they were).
   */
  z.object({ type: z.literal('start'), labId: LabId }).strict(),
  /** Reveals a hint of the active lab (it costs its points once). */
  z.object({ type: z.literal('hint'), hintId: z.string().min(1).max(64) }).strict(),
  /** Grades the active lab on the world as it is now. */
  z.object({ type: z.literal('check') }).strict(),
  /** Starts the active lab over: its starting world again, no results; hints taken stay taken (and cost their points). */
  z.object({ type: z.literal('reset') }).strict(),
  /** Leaves the active lab: the user's datacenter kept aside comes back exactly; the lab's progress stays. */
  z.object({ type: z.literal('quit') }).strict(),
  /** Adds (or replaces) a trainer's pack from its JSON text; refused with every problem, each with its path. */
  z.object({ type: z.literal('import'), packJson: z.string().max(LAB_PACK_MAX_CHARS, `a lab pack must be under ${LAB_PACK_MAX_CHARS} characters`) }).strict(),
  /** Forgets an imported pack, its progress and best score (built-in labs and the running lab stay). */
  z.object({ type: z.literal('remove'), labId: LabId }).strict(),
  /** The pack as a JSON file (built-in packs with their world written out in full). */
  z.object({ type: z.literal('export'), labId: LabId }).strict(),
  /** A result report a learner can hand in: HTML from every door; the desktop door adds a PDF. Default: the active lab. */
  z.object({ type: z.literal('report'), labId: LabId.optional(), learner: z.string().max(120).optional() }).strict(),
  /**
   * The attempt as a result file a trainer regrades (`hvlab lab grade`): lab and pack hash, learner,
   * times, every command run, hints, grade. Default: the active lab.
   */
  z.object({ type: z.literal('result'), labId: LabId.optional(), learner: z.string().max(120) }).strict(),
]);
export type LabAction = z.infer<typeof LabAction>;

export const LabStatus = z.enum(['NotStarted', 'InProgress', 'Completed']);
export type LabStatus = z.infer<typeof LabStatus>;

/** A lab in the list: its summary, where it came from, and the learner's standing from saved progress. */
export const LabListItem = z.object({
  id: z.string(),
  title: z.string(),
  level: z.enum(['Beginner', 'Intermediate', 'Advanced']),
  estimatedMinutes: z.number(),
  timeLimitMinutes: z.number().optional(),
  objectives: z.array(z.string()),
  taskCount: z.number().int(),
  hintCount: z.number().int(),
  maxScore: z.number().int(),
  source: z.enum(['builtin', 'imported']),
  status: LabStatus,
  /** This lab's world is the one in the console now. */
  active: z.boolean(),
  /** Score of the last Check of the current (or last) attempt. */
  lastScore: z.number().int().optional(),
  /** Best score of any Check, across attempts. */
  bestScore: z.number().int().optional(),
});
export type LabListItem = z.infer<typeof LabListItem>;

export const LabListing = z.object({ labs: z.array(LabListItem), activeLabId: z.string().nullable() });
export type LabListing = z.infer<typeof LabListing>;

export const LabHintView = z.object({
  id: z.string(),
  task: z.string().optional(),
  costPoints: z.number().int(),
  taken: z.boolean(),
  /** Only once taken. */
  text: z.string().optional(),
});
export type LabHintView = z.infer<typeof LabHintView>;

export const LabTaskView = z.object({
  id: z.string(),
  title: z.string(),
  /** Markdown. */
  description: z.string(),
  points: z.number().int(),
  /** The sentence of each check, as the learner reads it before any Check. */
  checks: z.array(z.string()),
  /** From the last Check, if there was one in this attempt. */
  result: z.object({ pass: z.boolean(), checks: z.array(CheckResult) }).optional(),
});
export type LabTaskView = z.infer<typeof LabTaskView>;

/** One lab as the Labs pane shows it. Never carries the reference solution. */
export const LabView = z.object({
  summary: LabListItem,
  /** Markdown. */
  briefing: z.string(),
  tasks: z.array(LabTaskView),
  hints: z.array(LabHintView),
  /** Simulated ms when this attempt started (absent before the first start). */
  startedAt: z.number().optional(),
  /** The door's simulated clock when the view was made. */
  now: z.number(),
  timeLimitMs: z.number().optional(),
  /** Simulated ms left before the time limit (negative once past it); only for the active lab with a limit. */
  timeLeftMs: z.number().optional(),
  /** Points the hints revealed in this attempt cost. */
  hintPoints: z.number().int(),
  lastCheck: LabCheckResult.optional(),
  /** Score of the last Check (undefined before one). */
  score: z.number().int().optional(),
  maxScore: z.number().int(),
  completed: z.boolean(),
});
export type LabView = z.infer<typeof LabView>;

export const LabExport = z.object({ labId: z.string(), fileName: z.string(), packJson: z.string() });
export type LabExport = z.infer<typeof LabExport>;

export const LabReport = z.object({
  labId: z.string(),
  /** Suggested file name, without folder. */
  fileName: z.string(),
  /** A complete, script-free HTML document (always present, so every door can show and print it). */
  html: z.string(),
  /** The desktop door adds the same report as a PDF (webContents.printToPDF), base64-encoded. */
  pdf: z.object({ fileName: z.string(), base64: z.string() }).optional(),
});
export type LabReport = z.infer<typeof LabReport>;

/** A learner's result file (engine/labs/learner-result.ts), as text to save. */
export const LabResultDownload = z.object({ labId: z.string(), fileName: z.string(), text: z.string() });
export type LabResultDownload = z.infer<typeof LabResultDownload>;

export interface LabResults {
  list: LabListing;
  show: LabView;
  start: LabView;
  hint: LabView;
  check: LabView;
  reset: LabView;
  quit: LabListing;
  import: LabListItem;
  remove: LabListing;
  export: LabExport;
  report: LabReport;
  result: LabResultDownload;
}
export type LabResult<A extends LabAction = LabAction> = LabResults[A['type']];

// ── Scenarios: the user's datacenter as a file (File menu: New, Open, Save, Save As, Revert) ────
/** A scenario's name in the data folder's scenarios folder; the door checks it further (scenario-file.ts). */
const ScenarioName = z.string().min(1).max(200);
/** Replacing a datacenter that has unsaved changes is refused unless the user chose Don't Save. */
const discardChanges = z.boolean().optional();
export const ScenarioTemplate = z.enum(['training', 'empty', 'generated']);
export type ScenarioTemplate = z.infer<typeof ScenarioTemplate>;
/** Largest generated datacenter (the size the benchmarks hold to their targets). */
export const GENERATED_LIMITS = { hosts: { min: 2, max: 1000 }, vms: { min: 0, max: 10_000 } } as const;
/** A scenario uploaded from the browser travels inside one WebSocket message (at most 1 MiB). */
export const SCENARIO_UPLOAD_MAX_CHARS = 900 * 1024;
export const ScenarioAction = z.discriminatedUnion('type', [
  /** The current scenario's name, unsaved mark and where it is kept, the recent list and the library. */
  z.object({ type: z.literal('status') }).strict(),
  /** A new datacenter: the default training one, its computers without VMs, or a generated one. */
  z
    .object({
      type: z.literal('new'),
      template: ScenarioTemplate,
      hosts: z.number().int().min(GENERATED_LIMITS.hosts.min).max(GENERATED_LIMITS.hosts.max).optional(),
      vms: z.number().int().min(GENERATED_LIMITS.vms.min).max(GENERATED_LIMITS.vms.max).optional(),
      discardChanges,
    })
    .strict(),
  /** Opens a scenario of the data folder by name; without a name the desktop door shows its Open dialog. */
  z.object({ type: z.literal('open'), name: ScenarioName.optional(), discardChanges }).strict(),
  /** Opens an entry of the recent list (by its key: the renderer never names a path). */
  z.object({ type: z.literal('openRecent'), key: z.string().min(1).max(64), discardChanges }).strict(),
  /** Opens a scenario file the user uploaded (browser); it becomes an unsaved scenario named after the file. */
  z
    .object({
      type: z.literal('openText'),
      fileName: z.string().min(1).max(260),
      text: z.string().max(SCENARIO_UPLOAD_MAX_CHARS, `an uploaded scenario must be under ${SCENARIO_UPLOAD_MAX_CHARS} characters`),
      discardChanges,
    })
    .strict(),
  /** Saves where the scenario came from; a scenario never saved needs Save As. */
  z.object({ type: z.literal('save') }).strict(),
  /** Saves under a name in the data folder; without a name the desktop door shows its Save As dialog. */
  z.object({ type: z.literal('saveAs'), name: ScenarioName.optional(), overwrite: z.boolean().optional() }).strict(),
  /** Goes back to the scenario as last saved (discards every change since). */
  z.object({ type: z.literal('revert') }).strict(),
  /** The current datacenter as a scenario file's text, to download. */
  z.object({ type: z.literal('download') }).strict(),
]);
export type ScenarioAction = z.infer<typeof ScenarioAction>;

export const RecentScenario = z.object({
  /** What openRecent takes. */
  key: z.string(),
  name: z.string(),
  /** Where it is, as the user knows it: "Data folder" or the file's full path (desktop). */
  where: z.string(),
});
export type RecentScenario = z.infer<typeof RecentScenario>;

export const LibraryScenario = z.object({ name: z.string(), modifiedAt: z.number(), sizeBytes: z.number() });
export type LibraryScenario = z.infer<typeof LibraryScenario>;

export const ScenarioStatus = z.object({
  /** "Untitled" until saved. */
  name: z.string(),
  /** Changed since it was last saved or opened. */
  dirty: z.boolean(),
  /** Where Save writes: a scenario of the data folder, a file the user chose (desktop), or nowhere yet. */
  location: z.enum(['none', 'library', 'file']),
  /** The file's full path (desktop files) or its file name (data folder). */
  where: z.string().optional(),
  recent: z.array(RecentScenario),
  /** The scenarios in the data folder (browser host: what Open and Save As offer). */
  library: z.array(LibraryScenario),
  /** The door shows native Open and Save As dialogs (desktop): send open/saveAs without a name. */
  nativeDialogs: z.boolean(),
  /** A lab is running: the user's scenario is kept aside until Leave lab. */
  lab: z.object({ id: z.string(), title: z.string() }).nullable(),
});
export type ScenarioStatus = z.infer<typeof ScenarioStatus>;

export const ScenarioDownload = z.object({ fileName: z.string(), text: z.string() });
export type ScenarioDownload = z.infer<typeof ScenarioDownload>;

export interface ScenarioResults {
  status: ScenarioStatus;
  new: ScenarioStatus;
  open: ScenarioStatus;
  openRecent: ScenarioStatus;
  openText: ScenarioStatus;
  save: ScenarioStatus;
  saveAs: ScenarioStatus;
  revert: ScenarioStatus;
  download: ScenarioDownload;
}
export type ScenarioResult<A extends ScenarioAction = ScenarioAction> = ScenarioResults[A['type']];

// ── Requests as they cross a transport ──────────────────────────────────────────────────────────
/** The longest text the console's prompt takes in one `run` request; longer scripts go to `hvlab run`. */
export const MAX_PROMPT_TEXT = 100_000;
/** The answer to a question a run stopped at (RunOutcome.confirm): where it stopped, and what the user answered. */
export const RunResume = z
  .object({ statement: z.number().int().nonnegative(), command: z.number().int().nonnegative(), answer: z.enum(CONFIRM_ANSWERS) })
  .strict();
export type RunResume = z.infer<typeof RunResume>;
export const Request = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invoke'), id: RequestId, command: Command }).strict(),
  z.object({ kind: z.literal('query'), id: RequestId, query: Query }).strict(),
  z.object({ kind: z.literal('clock'), id: RequestId, control: ClockControl }).strict(),
  /** PowerShell text typed at the prompt or run from a file: parsed and run by the engine, statement by statement. */
  z
    .object({
      kind: z.literal('run'),
      id: RequestId,
      text: z.string().max(MAX_PROMPT_TEXT, {
        error: (i) =>
          `a command at the prompt is at most ${MAX_PROMPT_TEXT.toLocaleString('en-US')} characters (this one has ${typeof i.input === 'string' ? i.input.length.toLocaleString('en-US') : '?'}); run a longer script with hvlab run <script.ps1>`,
      }),
      /** Goes on with the same text after the question it stopped at, with the user's answer. */
      resume: RunResume.optional(),
    })
    .strict(),
  /** The Labs pane: list, start, hints, Check, reset, import/export, report. */
  z.object({ kind: z.literal('lab'), id: RequestId, action: LabAction }).strict(),
  /** The File menu: new, open, save, save as, revert, download. */
  z.object({ kind: z.literal('scenario'), id: RequestId, action: ScenarioAction }).strict(),
]);
export type Request = z.infer<typeof Request>;
/** A request before a transport numbers it. */
export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

export const CommandOutput = z.object({
  /** Objects the cmdlet wrote to the pipeline, as plain JSON. */
  output: z.array(z.unknown()).default([]),
  jobIds: z.array(z.string()).default([]),
  warnings: z.array(z.string()).default([]),
  /** The canonical PowerShell text of what ran. */
  commandText: z.string(),
});
export type CommandOutput = z.infer<typeof CommandOutput>;

/** One statement of a script run: what ran and what came of it. */
export interface StatementOutcome {
  /** The statement as typed. */
  text: string;
  line: number;
  column: number;
  result: Result<CommandOutput>;
  /**
   * What the statement wrote to the pipeline, as plain data for engine/common/ps-format.ts
   * (`{ typeName, properties }` objects, `{ lines }` of Format-Table's text, plain values). When
   * present the console prints this, not `result.value.output`.
   */
  display?: unknown[];
}

export interface RunOutcome {
  statements: StatementOutcome[];
  /** A syntax error stops the whole script before anything runs, as in PowerShell. */
  parseError?: ContractError & { line: number; column: number };
  /**
   * The run stopped to ask (a High-impact cmdlet, or -Confirm): "Confirm", the question, and where
   * it stopped. Run the same text again with `resume` to answer it.
   */
  confirm?: { statement: number; command: number; caption: string; query: string };
}

export interface PrecheckIssue {
  check: string;
  message: string;
  messageId?: number;
  source?: string;
  fix: string;
  /** The fix worded for the Move Wizard (page and option, no PowerShell), where it differs from `fix`. */
  guiFix?: string;
  parameter?: string;
  severity: 'error' | 'warning';
}

export interface PrecheckReport {
  commandText: string;
  errors: PrecheckIssue[];
  warnings: PrecheckIssue[];
}

/** Why a VM's configuration cannot be changed now (a move of it is queued or running). */
export interface ConfigurationLock {
  /** Hyper-V's refusal, as Set-VM and the settings dialog give it. */
  message: string;
  /** What to do, in PowerShell (Wait-Job / Stop-Job). */
  fix: string;
  /** What to do, in the console (the Jobs pane). */
  guiFix: string;
  /** The move holding the VM. */
  jobId: string;
}

export interface FolderEntry {
  name: string;
  /** Full path as the destination computer sees it (D:\VMs, \\FS01\VMs\WEB01). */
  path: string;
  kind: 'volume' | 'share' | 'folder';
  freeBytes?: number;
  capacityBytes?: number;
}

/** A virtual hard disk file in a folder, as an Open dialog lists it. */
export interface FileEntry {
  name: string;
  /** Full path as the listing computer sees it. */
  path: string;
  sizeBytes: number;
}

export interface FolderListing {
  host: string;
  path?: string;
  entries: FolderEntry[];
  /** Asked for with `files`: the .vhd/.vhdx files directly in `path`. */
  files?: FileEntry[];
}

/** An exported virtual machine as the Import Virtual Machine wizard lists it. */
export interface ExportEntry {
  name: string;
  id: string;
  /** Import-VM -Path: <folder>\Virtual Machines\<ID>.xml, spelled as the computer asked. */
  configurationFile: string;
  /** The export folder, spelled as the computer asked. */
  folder: string;
  /** Simulated ms when the export finished ("Date Created"). */
  exportedAt: number;
  generation: 1 | 2;
  /** Bytes its files take: what a copy or restore writes. */
  sizeBytes: number;
  vhds: string[];
  checkpoints: number;
}

export interface ExportListing {
  host: string;
  path: string;
  entries: ExportEntry[];
  /** Export folders one level below `path` (the wizard wants the export's own folder). */
  below: string[];
}

export interface AdapterView {
  name: string;
  description: string;
  speedGbps: number;
  medium: 'Ethernet' | 'InfiniBand';
  rdmaType: 'none' | 'iWARP' | 'RoCE' | 'InfiniBand';
  rdmaEnabled: boolean;
  /** RDMA actually usable: enabled, capable, not teamed. */
  rdmaOperational: boolean;
  rssCapable: boolean;
  team?: string;
  /** The External Hyper-V virtual switch bound to the adapter (or to its team). */
  virtualSwitch?: string;
  /** The host vNIC that carries the host's traffic instead ("vEthernet (<switch>)"), when the switch shares the adapter. */
  hostAdapter?: string;
  linkUp: boolean;
  ipAddress?: string;
  txBytesPerSec: number;
  rxBytesPerSec: number;
}

export interface NetworkView {
  host: string;
  adapters: AdapterView[];
  teams: {
    name: string;
    members: string[];
    mode: string;
    loadBalancing: string;
    speedGbps: number;
    status: 'Up' | 'Degraded' | 'Down';
    virtualSwitch?: string;
  }[];
  /** Get-SmbMultichannelConnection rows for transfers running now. */
  multichannel: Record<string, string | number | boolean>[];
  bandwidthLimits: { category: 'Default' | 'VirtualMachine' | 'LiveMigration'; bytesPerSecond: number }[];
  cpu: { cores: number; ghz: number; vmDemandPercent: number; transferPercent: number };
  /** Data Center Bridging, when the computer has the feature or QoS policies (engine/queries/dcb-view.ts). */
  dcb?: DcbView;
}

export interface DcbView {
  featureInstalled: boolean;
  willing: boolean;
  /** Get-NetQosTrafficClass rows, [Default] first, with PFC on for any of their priorities. */
  classes: { name: string; algorithm: 'ETS' | 'Strict'; bandwidthPercentage: number; priorities: string; pfc: boolean }[];
  policies: { name: string; matches: string; priority: number }[];
  /** DCB-capable adapters: NetAdapterQos on, the classes in operation, and each class's wire bytes/s sent now. */
  adapters: { name: string; enabled: boolean; operational: boolean; classTxBytesPerSec: Record<string, number>; lossyRoce: boolean }[];
}

export interface TelemetrySample {
  at: number;
  cpuPercent: number;
  adapters: Record<string, { tx: number; rx: number }>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export interface QueryResults {
  world: WorldView;
  vm: World['vms'][number];
  jobs: Job[];
  eventLog: LogEntry[];
  clock: ClockState;
  precheck: PrecheckReport;
  folders: FolderListing;
  exports: ExportListing;
  network: NetworkView;
  telemetry: TelemetrySample[];
  configurationLock: ConfigurationLock | null;
  complete: { replaceFrom: number; candidates: string[] };
}
export type QueryResult<Q extends Query = Query> = QueryResults[Q['name']];

/** What a door sees of the world: the snapshot plus the engine's running state. */
export const WorldView = z.object({
  contractVersion: z.literal(CONTRACT_VERSION),
  world: World,
  jobs: z.array(Job),
  clock: ClockState,
  logSeq: z.number().int().nonnegative(),
});
export type WorldView = z.infer<typeof WorldView>;

// ── Events: state changes and job progress, pushed to every subscriber ──────────────────────────
export const EngineEvent = z.discriminatedUnion('type', [
  /** The world changed shape (a VM moved, a setting changed): a fresh snapshot. */
  z.object({ type: z.literal('world'), view: WorldView }),
  /** Latest state of the jobs that changed since the last event (coalesced by the door). */
  z.object({ type: z.literal('jobs'), jobs: z.array(Job), clock: ClockState }),
  z.object({ type: z.literal('log'), entries: z.array(LogEntry) }),
  z.object({ type: z.literal('clock'), clock: ClockState }),
  /** Something the user must be told once, e.g. a settings file that could not be read. */
  z.object({ type: z.literal('notice'), level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /**
   * A lab changed (started, hint, Check, reset, quit, import): the lab's view (null when none is
   * concerned) and the whole list. `worldReplaced`: the world, jobs and event log were replaced by
   * the lab's starting world (a 'world' event with the new snapshot has been sent just before).
   */
  z.object({ type: z.literal('lab'), view: LabView.nullable(), listing: LabListing, worldReplaced: z.boolean() }),
  /**
   * The scenario changed (opened, saved, renamed, the first unsaved change, a lab started or left).
   * `worldReplaced`: a 'world' event with the new snapshot has been sent just before.
   */
  z.object({ type: z.literal('scenario'), status: ScenarioStatus, worldReplaced: z.boolean() }),
]);
export type EngineEvent = z.infer<typeof EngineEvent>;

export const EventMessage = z.object({ kind: z.literal('event'), event: EngineEvent });
export type EventMessage = z.infer<typeof EventMessage>;

/** The bridge a renderer talks to, whichever door it came through (window.hvlab or a WebSocket). */
export interface Bridge {
  invoke(command: Command): Promise<Result<CommandOutput>>;
  query<Q extends Query>(query: Q): Promise<Result<QueryResult<Q>>>;
  clock(control: ClockControl): Promise<Result<ClockState>>;
  run(text: string, resume?: RunResume): Promise<Result<RunOutcome>>;
  /**
   * The Labs pane. Every door of this repository provides it; it is optional only so that partial
   * bridges (test fakes) need not, and the pane says so when it is missing.
   */
  lab?<A extends LabAction>(action: A): Promise<Result<LabResult<A>>>;
  /** The File menu's scenarios; optional for the same reason as lab. */
  scenario?<A extends ScenarioAction>(action: A): Promise<Result<ScenarioResult<A>>>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

/** Turns zod issues into the contract's field-naming error list. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

export function invalidRequest(error: z.ZodError, what: string): ContractError {
  const issues = describeIssues(error);
  const first = issues[0];
  return {
    code: 'InvalidRequest',
    message: `Invalid ${what}: ${first ? `${first.path}: ${first.message}` : 'malformed'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    issues,
  };
}
