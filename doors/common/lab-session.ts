// The learner's lab session as every door keeps it (issue "Offline labs"): which labs there are
// (built-in and imported), which one is running, its progress, the best score of each, and the
// commands run during it — all kept through the SettingsStore port so a restarted console reopens
// the lab where the learner left it. Starting or resetting a lab hands the door a new world
// (LabSessionHost.replaceWorld); grading, hints and pack validation are engine/labs' — this module
// only keeps records and shapes the contract's answers.
import {
  type ContractError,
  type EngineEvent,
  type LabAction,
  type LabExport,
  type LabListItem,
  type LabListing,
  type LabReport,
  type LabResult,
  type LabResultDownload,
  type RunResume,
  type WireCommand,
  type LabView,
  type Result,
} from '../../engine/contract';
import type { Engine } from '../../engine/engine';
import type { World } from '../../engine/model/world';
import type { SettingsStore } from '../../engine/persistence/state-store';
import {
  builtinLabs,
  checkLab,
  checkSession,
  labPackHash,
  storedGrade,
  LAB_RESULT_FORMAT,
  LAB_RESULT_VERSION,
  type LabResultFile,
  type TranscriptEntry,
  describeCheck,
  hintList,
  parseLabPackJson,
  parseProgress,
  serializeProgress,
  startLab,
  summarizeLab,
  takeHint,
  timeLeftMs,
  type LabPack,
  type LabProgress,
} from '../../engine/labs';
import { LAB_PACK_LIMITS, LAB_RESULT_LIMITS, sizeText, utf8Bytes } from '../../engine/common/lab-limits';
import { labReportHtml, type LabCommandRecord } from './lab-report';

/** What the session needs of its door. */
export interface LabSessionHost {
  /** The engine the door runs now. */
  engine(): Engine;
  /** Replaces the door's engine by a fresh one on this world, clock at 0; saved and broadcast. */
  replaceWorld(world: World): void;
  broadcast(event: EngineEvent): void;
  /**
   * Keeps the user's datacenter aside before the first lab replaces it (persisted, so a restart
   * mid-lab still brings it back); returns why it cannot be kept, which refuses the start.
   */
  keepAside?(): string | undefined;
  /** Leave lab: brings the datacenter kept aside back exactly; false when there was none. */
  bringBack?(): boolean;
  /** A lab started or ended (the door's title names it). */
  labChanged?(): void;
}

export interface LabSessionOptions {
  /**
   * False when the door started from a fresh world (no saved world, or an unreadable one moved
   * aside): a lab that was running cannot be resumed on it.
   */
  worldRestored?: boolean;
  /** For the report's date (doors may read the wall clock; the engine never does). */
  wallClock?: () => number;
}

/** Keys in the SettingsStore (no dots: conf and electron-store read dots as nesting). */
export const LAB_SETTINGS = {
  /** Id of the lab whose world is in the console, or null. */
  active: 'labActive',
  /** Record<labId, serialized LabProgress> of the current (or last) attempt of each lab. */
  progress: 'labProgress',
  /** Record<labId, BestScore> across attempts. */
  best: 'labBest',
  /** Record<labId, pack JSON text> of the packs a trainer imported. */
  imported: 'labImported',
  /** Record<labId, LabCommandRecord[]> run during the current attempt (for the report). */
  commands: 'labCommands',
  /** Record<labId, AttemptTranscript> of the current attempt (for the result file a trainer regrades). */
  transcript: 'labTranscript',
} as const;

/** Every command of an attempt, replayable: what a result file carries (engine/labs/learner-result.ts). */
export interface AttemptTranscript {
  /** Wall-clock ms when the attempt started. */
  startedWall: number;
  entries: TranscriptEntry[];
  /** Characters of the entries' texts, against LAB_RESULT_LIMITS.transcriptChars. */
  chars: number;
  /** False once a command could not be kept (past the limits): the result cannot be regraded. */
  complete: boolean;
}

export interface BestScore {
  score: number;
  maxScore: number;
  completed: boolean;
}

/** Commands kept per attempt for the report. */
export const LAB_COMMANDS_KEPT = 500;

interface LabEntry {
  pack: LabPack;
  source: 'builtin' | 'imported';
}

type Failure = { ok: false; error: ContractError };

function fail(code: ContractError['code'], message: string, extra: Partial<ContractError> = {}): Failure {
  return { ok: false, error: { code, message, ...extra } };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A settings value that should be a record of `T`: entries that are not are dropped. */
function readRecord<T>(settings: SettingsStore, key: string, accept: (v: unknown) => v is T): Record<string, T> {
  const raw = settings.get<unknown>(key, {});
  const out: Record<string, T> = {};
  if (!isRecord(raw)) return out;
  for (const [id, v] of Object.entries(raw)) if (accept(v)) out[id] = v;
  return out;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBest = (v: unknown): v is BestScore => isRecord(v) && typeof v.score === 'number' && typeof v.maxScore === 'number' && typeof v.completed === 'boolean';
const isTranscript = (v: unknown): v is AttemptTranscript =>
  isRecord(v) && typeof v.startedWall === 'number' && Array.isArray(v.entries) && typeof v.chars === 'number' && typeof v.complete === 'boolean';
const isCommands = (v: unknown): v is LabCommandRecord[] =>
  Array.isArray(v) && v.every((c) => isRecord(c) && typeof c.text === 'string' && typeof c.ok === 'boolean' && typeof c.at === 'number');

export class LabSession {
  private readonly builtins: LabEntry[];
  private readonly imported = new Map<string, LabEntry>();
  private readonly importedText: Record<string, string>;
  private readonly progress = new Map<string, LabProgress>();
  private readonly best: Record<string, BestScore>;
  private readonly commands: Record<string, LabCommandRecord[]>;
  private readonly transcripts: Record<string, AttemptTranscript>;
  private activeId: string | null = null;
  /** Stored records that could not be used, for the door to tell the user once. */
  readonly notices: string[] = [];

  private readonly wallClock: () => number;

  constructor(
    private readonly host: LabSessionHost,
    private readonly settings: SettingsStore,
    options: LabSessionOptions = {},
  ) {
    this.wallClock = options.wallClock ?? (() => Date.now());
    this.builtins = builtinLabs().map((pack) => ({ pack, source: 'builtin' }));
    const builtinIds = new Set(this.builtins.map((e) => e.pack.id));

    this.importedText = readRecord(settings, LAB_SETTINGS.imported, isString);
    for (const [id, text] of Object.entries(this.importedText)) {
      const r = parseLabPackJson(text);
      if (r.ok && r.pack.id === id && !builtinIds.has(id)) this.imported.set(id, { pack: r.pack, source: 'imported' });
      else {
        delete this.importedText[id];
        this.notices.push(
          `The imported lab "${id}" could not be loaded again${r.ok ? '' : ` (${r.errors[0]?.path}: ${r.errors[0]?.message})`}; import its pack again.`,
        );
      }
    }

    for (const [id, text] of Object.entries(readRecord(settings, LAB_SETTINGS.progress, isString))) {
      const r = parseProgress(text);
      if (r.ok && r.progress.labId === id && this.find(id)) this.progress.set(id, r.progress);
      else if (!r.ok) this.notices.push(`Your progress in lab "${id}" could not be read (${r.message}); the lab starts over.`);
    }
    this.best = readRecord(settings, LAB_SETTINGS.best, isBest);
    this.commands = readRecord(settings, LAB_SETTINGS.commands, isCommands);
    this.transcripts = readRecord(settings, LAB_SETTINGS.transcript, isTranscript);

    const active = settings.get<unknown>(LAB_SETTINGS.active, null);
    if (typeof active === 'string') {
      if (this.find(active) && this.progress.has(active) && options.worldRestored !== false) this.activeId = active;
      else {
        this.notices.push(
          `The lab you were doing ("${active}") could not be reopened${options.worldRestored === false ? ' because its datacenter could not be read back' : ''}; pick it again in Labs to start it over.`,
        );
        settings.set(LAB_SETTINGS.active, null);
      }
    }
  }

  /** The running lab's id, if any. */
  get activeLabId(): string | null {
    return this.activeId;
  }

  /** The running lab's id and title, if any. */
  activeLabSummary(): { id: string; title: string } | null {
    const entry = this.activeEntry();
    return entry ? { id: entry.pack.id, title: entry.pack.title } : null;
  }

  /** Answers one lab action of the contract. Never throws for a valid action. */
  handle<A extends LabAction>(action: A): Result<LabResult<A>> {
    return this.dispatch(action) as Result<LabResult<A>>;
  }

  /**
   * Notes commands run while a lab is active (the report lists them). The door calls it after each
   * command or prompt line; nothing is kept without an active lab.
   */
  recordCommands(entries: readonly { text: string; ok: boolean }[]): void {
    const id = this.activeId;
    if (!id || entries.length === 0) return;
    const at = this.host.engine().now;
    const list = [...(this.commands[id] ?? []), ...entries.map((e) => ({ at, text: e.text.slice(0, 2000), ok: e.ok }))];
    this.commands[id] = list.slice(-LAB_COMMANDS_KEPT);
    this.settings.set(LAB_SETTINGS.commands, this.commands);
  }

  /**
   * Notes one command for the attempt's transcript, as the door received it: a structured command
   * (wizards, dialogs, menus) or a prompt line as typed, at the simulated time it started. The
   * door calls it for every command, refused ones included; nothing is kept without an active lab.
   */
  recordTranscript(
    entry: { at: number; ok: boolean } & ({ kind: 'invoke'; command: WireCommand; text: string } | { kind: 'run'; text: string; resume?: RunResume }),
  ): void {
    const id = this.activeId;
    if (!id) return;
    const t = (this.transcripts[id] ??= { startedWall: this.wallClock(), entries: [], chars: 0, complete: true });
    if (!t.complete) return;
    const chars = entry.text.length + (entry.kind === 'invoke' ? JSON.stringify(entry.command).length : 0);
    if (t.entries.length >= LAB_RESULT_LIMITS.transcriptEntries || t.chars + chars > LAB_RESULT_LIMITS.transcriptChars) t.complete = false;
    else {
      t.entries.push(entry.kind === 'invoke' ? { ...entry, command: structuredClone(entry.command) } : { ...entry });
      t.chars += chars;
    }
    this.settings.set(LAB_SETTINGS.transcript, this.transcripts);
  }

  private dispatch(action: LabAction): Result<unknown> {
    switch (action.type) {
      case 'list':
        return { ok: true, value: this.listing() };
      case 'show': {
        const entry = this.find(action.labId);
        return entry ? { ok: true, value: this.view(entry) } : this.unknownLab(action.labId);
      }
      case 'start': {
        const entry = this.find(action.labId);
        if (!entry) return this.unknownLab(action.labId);
        if (this.activeId === entry.pack.id) return { ok: true, value: this.view(entry) };
        if (this.activeId === null) {
          const refusal = this.host.keepAside?.();
          if (refusal) return fail('CommandRefused', `The lab was not started. ${refusal}`, { fix: 'Open View → Jobs to see the moves running.' });
        }
        const view = this.begin(entry);
        this.host.labChanged?.();
        return { ok: true, value: view };
      }
      case 'reset': {
        const entry = this.activeEntry();
        return entry ? { ok: true, value: this.begin(entry, { keepHints: true }) } : this.noActiveLab('reset');
      }
      case 'hint':
        return this.hint(action.hintId);
      case 'check':
        return this.check();
      case 'quit': {
        const entry = this.activeEntry();
        if (!entry) return { ok: true, value: this.listing() };
        this.activeId = null;
        this.settings.set(LAB_SETTINGS.active, null);
        const back = this.host.bringBack?.() ?? false;
        this.announce(entry, back);
        this.host.labChanged?.();
        return { ok: true, value: this.listing() };
      }
      case 'import':
        return this.importPack(action.packJson);
      case 'remove':
        return this.removePack(action.labId);
      case 'export': {
        const entry = this.find(action.labId);
        return entry ? { ok: true, value: this.exportPack(entry) } : this.unknownLab(action.labId);
      }
      case 'report': {
        const id = action.labId ?? this.activeId;
        if (!id) return this.noActiveLab('report on');
        const entry = this.find(id);
        return entry ? { ok: true, value: this.report(entry, action.learner?.trim() || undefined) } : this.unknownLab(id);
      }
      case 'result': {
        const id = action.labId ?? this.activeId;
        if (!id) return this.noActiveLab('save a result of');
        const entry = this.find(id);
        return entry ? this.resultFile(entry, action.learner.trim()) : this.unknownLab(id);
      }
    }
  }

  // ── Actions ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Starts (or starts over) a lab: its world in the door, fresh progress, best score kept. A reset
   * keeps the hints already taken, and so their cost: starting over must not buy the points back.
   */
  private begin(entry: LabEntry, options: { keepHints?: boolean } = {}): LabView {
    const { world, progress } = startLab(entry.pack, { now: 0 });
    const hintsTaken = options.keepHints ? (this.progress.get(entry.pack.id)?.hintsTaken ?? []) : [];
    this.host.replaceWorld(world);
    this.activeId = entry.pack.id;
    this.progress.set(entry.pack.id, { ...progress, hintsTaken: [...hintsTaken] });
    delete this.commands[entry.pack.id];
    this.transcripts[entry.pack.id] = { startedWall: this.wallClock(), entries: [], chars: 0, complete: true };
    this.saveProgress();
    this.settings.set(LAB_SETTINGS.commands, this.commands);
    this.settings.set(LAB_SETTINGS.transcript, this.transcripts);
    this.settings.set(LAB_SETTINGS.active, entry.pack.id);
    return this.announce(entry, true);
  }

  private hint(hintId: string): Result<LabView> {
    const entry = this.activeEntry();
    if (!entry) return this.noActiveLab('take a hint in');
    const r = takeHint(entry.pack, this.progress.get(entry.pack.id)!, hintId);
    if (!r.ok) return fail('InvalidParameter', r.message, { parameter: 'hintId' });
    this.progress.set(entry.pack.id, r.progress);
    this.saveProgress();
    return { ok: true, value: this.announce(entry, false) };
  }

  private check(): Result<LabView> {
    const entry = this.activeEntry();
    if (!entry) return this.noActiveLab('check');
    const id = entry.pack.id;
    const { result, progress } = checkSession(entry.pack, this.host.engine(), this.progress.get(id)!);
    this.progress.set(id, progress);
    const before = this.best[id];
    this.best[id] = {
      score: Math.max(before?.score ?? 0, result.score),
      maxScore: result.maxScore,
      completed: (before?.completed ?? false) || result.passed,
    };
    this.saveProgress();
    this.settings.set(LAB_SETTINGS.best, this.best);
    return { ok: true, value: this.announce(entry, false) };
  }

  private importPack(text: string): Result<LabListItem> {
    const r = parseLabPackJson(text);
    if (!r.ok) {
      const first = r.errors[0];
      return fail(
        'InvalidParameter',
        `The lab pack was refused: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}${first ? ` (first: ${first.path}: ${first.message})` : ''}.`,
        {
          parameter: 'packJson',
          fix: 'Fix every problem listed (each names its place in the file), then import the pack again.',
          issues: r.errors,
        },
      );
    }
    const id = r.pack.id;
    if (this.builtins.some((e) => e.pack.id === id)) {
      return fail('InvalidParameter', `The lab pack was refused: a built-in lab already has the id "${id}".`, {
        parameter: 'packJson',
        fix: 'Give your lab its own id.',
        issues: [{ path: 'id', message: `a built-in lab already has the id "${id}"; give your lab its own id` }],
      });
    }
    const room = this.importRoom(id, text);
    if (room) return room;
    const entry: LabEntry = { pack: r.pack, source: 'imported' };
    this.imported.set(id, entry);
    this.importedText[id] = text;
    this.settings.set(LAB_SETTINGS.imported, this.importedText);
    this.announce(entry, false);
    return { ok: true, value: this.listItem(entry) };
  }

  /** Forgets an imported lab: its pack, progress, best score and commands. */
  private removePack(labId: string): Result<LabListing> {
    const entry = this.find(labId);
    if (!entry) return this.unknownLab(labId);
    const id = entry.pack.id;
    if (entry.source === 'builtin')
      return fail('CommandRefused', `"${entry.pack.title}" is a built-in lab; only imported labs can be removed.`, { parameter: 'labId' });
    if (this.activeId === id)
      return fail('CommandRefused', `"${entry.pack.title}" is running; leave the lab before removing it.`, {
        parameter: 'labId',
        fix: 'Press Leave lab, then Remove.',
      });
    this.imported.delete(id);
    delete this.importedText[id];
    this.progress.delete(id);
    delete this.best[id];
    delete this.commands[id];
    delete this.transcripts[id];
    this.settings.set(LAB_SETTINGS.transcript, this.transcripts);
    this.settings.set(LAB_SETTINGS.imported, this.importedText);
    this.saveProgress();
    this.settings.set(LAB_SETTINGS.best, this.best);
    this.settings.set(LAB_SETTINGS.commands, this.commands);
    const listing = this.listing();
    this.host.broadcast({ type: 'lab', view: null, listing, worldReplaced: false });
    return { ok: true, value: listing };
  }

  /**
   * Refuses an import past LAB_PACK_LIMITS' count or total size of imported packs (a pack that
   * replaces one with its id frees that one's room).
   */
  private importRoom(id: string, text: string): Failure | undefined {
    const others = Object.entries(this.importedText).filter(([other]) => other !== id);
    if (others.length >= LAB_PACK_LIMITS.importedPacks) {
      return fail(
        'InvalidParameter',
        `The lab pack was refused: this console already keeps ${others.length} imported labs, the most it keeps (${LAB_PACK_LIMITS.importedPacks}).`,
        {
          parameter: 'packJson',
          fix: 'Remove an imported lab you no longer need (its Remove button in Labs), or import the pack again under the id of one it replaces.',
          issues: [{ path: '(root)', message: `at most ${LAB_PACK_LIMITS.importedPacks} imported labs; this console has ${others.length}` }],
        },
      );
    }
    const total = others.reduce((n, [, t]) => n + utf8Bytes(t), 0) + utf8Bytes(text);
    if (total > LAB_PACK_LIMITS.importedBytes) {
      return fail(
        'InvalidParameter',
        `The lab pack was refused: imported labs would take ${sizeText(total)} in all with it, more than the ${sizeText(LAB_PACK_LIMITS.importedBytes)} this console keeps.`,
        {
          parameter: 'packJson',
          fix: 'Remove an imported lab you no longer need (its Remove button in Labs), then import the pack again.',
          issues: [{ path: '(root)', message: `imported labs at most ${sizeText(LAB_PACK_LIMITS.importedBytes)} in all; with this pack ${sizeText(total)}` }],
        },
      );
    }
    return undefined;
  }

  private exportPack(entry: LabEntry): LabExport {
    const stored = this.importedText[entry.pack.id];
    const p = entry.pack;
    // A built-in pack is written as a complete file, its world resolved in full (it loads back as is).
    const packJson =
      stored ??
      `${JSON.stringify(
        {
          formatVersion: p.formatVersion,
          id: p.id,
          title: p.title,
          level: p.level,
          estimatedMinutes: p.estimatedMinutes,
          ...(p.timeLimitMinutes !== undefined ? { timeLimitMinutes: p.timeLimitMinutes } : {}),
          objectives: p.objectives,
          briefing: p.briefing,
          world: p.world,
          tasks: p.tasks,
          hints: p.hints,
          referenceSolution: p.referenceSolution,
        },
        null,
        2,
      )}\n`;
    return { labId: p.id, fileName: `${p.id}.json`, packJson };
  }

  private report(entry: LabEntry, learner: string | undefined): LabReport {
    const id = entry.pack.id;
    const html = labReportHtml({
      ...(learner ? { learner } : {}),
      view: this.view(entry),
      hints: entry.pack.hints,
      commands: this.commands[id] ?? [],
      best: this.best[id],
      generatedAt: new Date(this.wallClock()),
    });
    const who = learner ? fileNamePart(learner) : undefined;
    return { labId: id, fileName: `${id}-report${who ? `-${who}` : ''}.html`, html };
  }

  /**
   * The attempt as a result file (engine/labs/learner-result.ts). The running lab is graded on the
   * world as it is now; a lab the learner left carries its last Check, taken at that simulated time.
   */
  private resultFile(entry: LabEntry, learner: string): Result<LabResultDownload> {
    const id = entry.pack.id;
    if (!learner) return fail('InvalidParameter', 'Type your name: the result file carries it.', { parameter: 'learner' });
    const progress = this.progress.get(id);
    const transcript = this.transcripts[id];
    if (!progress || !transcript) return fail('CommandRefused', `“${entry.pack.title}” has not been started in this console, so there is no result to save.`);
    const grade =
      this.activeId === id ? checkLab(entry.pack, this.host.engine(), { hintsTaken: progress.hintsTaken, startedAt: progress.startedAt }) : progress.lastCheck;
    if (!grade)
      return fail('CommandRefused', `“${entry.pack.title}” was left without a Check, so there is no grade to save.`, {
        fix: 'Start the lab again and press Check.',
      });
    const file: LabResultFile = {
      format: LAB_RESULT_FORMAT,
      formatVersion: LAB_RESULT_VERSION,
      lab: { id, title: entry.pack.title, packHash: labPackHash(entry.pack) },
      learner,
      startedAt: new Date(transcript.startedWall).toISOString(),
      savedAt: new Date(this.wallClock()).toISOString(),
      gradedAt: grade.checkedAt,
      hintsTaken: [...progress.hintsTaken],
      transcript: transcript.entries,
      transcriptComplete: transcript.complete,
      grade: storedGrade(grade),
    };
    return { ok: true, value: { labId: id, fileName: `${id}-result-${fileNamePart(learner) || 'learner'}.json`, text: `${JSON.stringify(file, null, 1)}\n` } };
  }

  // ── Views ─────────────────────────────────────────────────────────────────────────────────────

  private listing(): LabListing {
    return { labs: this.entries().map((e) => this.listItem(e)), activeLabId: this.activeId };
  }

  private listItem(entry: LabEntry): LabListItem {
    const id = entry.pack.id;
    const progress = this.progress.get(id);
    const best = this.best[id];
    const completed = (best?.completed ?? false) || (progress?.completed ?? false);
    const lastScore = progress?.lastCheck?.score;
    return {
      ...summarizeLab(entry.pack),
      source: entry.source,
      status: completed ? 'Completed' : progress ? 'InProgress' : 'NotStarted',
      active: this.activeId === id,
      ...(lastScore !== undefined ? { lastScore } : {}),
      ...(best ? { bestScore: best.score } : {}),
    };
  }

  private view(entry: LabEntry): LabView {
    const { pack } = entry;
    const progress = this.progress.get(pack.id);
    const active = this.activeId === pack.id;
    const now = this.host.engine().now;
    const last = progress?.lastCheck;
    const results = new Map(last?.tasks.map((t) => [t.id, t]) ?? []);
    const hints = progress
      ? hintList(pack, progress)
      : pack.hints.map((h) => ({ id: h.id, ...(h.task !== undefined ? { task: h.task } : {}), costPoints: h.costPoints, taken: false }));
    const taken = new Set(progress?.hintsTaken ?? []);
    const left = active && progress ? timeLeftMs(pack, progress, now) : undefined;
    return {
      summary: this.listItem(entry),
      briefing: pack.briefing,
      tasks: pack.tasks.map((t) => {
        const r = results.get(t.id);
        return {
          id: t.id,
          title: t.title,
          description: t.description,
          points: t.points,
          checks: t.checks.map((c) => describeCheck(c)),
          ...(r ? { result: { pass: r.pass, checks: r.checks } } : {}),
        };
      }),
      hints,
      ...(progress ? { startedAt: progress.startedAt } : {}),
      now,
      ...(pack.timeLimitMinutes !== undefined ? { timeLimitMs: pack.timeLimitMinutes * 60_000 } : {}),
      ...(left !== undefined ? { timeLeftMs: left } : {}),
      hintPoints: pack.hints.filter((h) => taken.has(h.id)).reduce((n, h) => n + h.costPoints, 0),
      ...(last ? { lastCheck: last, score: last.score } : {}),
      maxScore: summarizeLab(pack).maxScore,
      completed: progress?.completed ?? false,
    };
  }

  /** Tells every page what changed, and returns the view it sent. */
  private announce(entry: LabEntry, worldReplaced: boolean): LabView {
    const view = this.view(entry);
    this.host.broadcast({ type: 'lab', view, listing: this.listing(), worldReplaced });
    return view;
  }

  // ── Records ───────────────────────────────────────────────────────────────────────────────────

  private entries(): LabEntry[] {
    return [...this.builtins, ...this.imported.values()];
  }

  private find(id: string): LabEntry | undefined {
    const key = id.trim().toLowerCase();
    return this.builtins.find((e) => e.pack.id === key) ?? this.imported.get(key);
  }

  private activeEntry(): LabEntry | undefined {
    return this.activeId ? this.find(this.activeId) : undefined;
  }

  private saveProgress(): void {
    const out: Record<string, string> = {};
    for (const [id, p] of this.progress) out[id] = serializeProgress(p);
    this.settings.set(LAB_SETTINGS.progress, out);
  }

  private unknownLab(id: string): Failure {
    return fail(
      'NotFound',
      `There is no lab "${id}". Labs: ${this.entries()
        .map((e) => e.pack.id)
        .join(', ')}.`,
      { parameter: 'labId' },
    );
  }

  private noActiveLab(what: string): Failure {
    return fail('CommandRefused', `No lab is running, so there is nothing to ${what}.`, { fix: 'Open Labs, pick a lab and start it.' });
  }
}

/** A learner's name as part of a file name: letters and digits, the rest as single hyphens. */
function fileNamePart(name: string): string {
  return name
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}
