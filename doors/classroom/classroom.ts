// A classroom on one machine (issue "Trainers"): learners join with their name and the session
// code, and each gets an engine and a world of their own — its own data folder under
// <dataDir>/learners/<id>, its own engine thread (the door opens it; the browser host a Worker per
// learner) — with the class's lab started in it. Tokens: one per learner (it opens that learner's
// console and nothing else) and one for the trainer (the trainer page; it opens no console). The
// roster is kept in <dataDir>/classroom.json, so a restarted host finds every learner's world,
// progress and transcript where they left them and the same links keep working.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { LabAction, LabResult, LabResultDownload, LabView, Response, Result } from '../../engine/contract';
import type { EngineDoor } from '../common/engine-door';
import { newToken, tokenMatches } from '../web/request-guard';
import { writeFileAtomic } from '../node/atomic-file';

/** A learner's engine, off the serving thread; stop() saves and ends it. */
export interface LearnerDoor extends EngineDoor {
  stop(): Promise<string[]>;
}

export interface ClassroomLab {
  id: string;
  title: string;
  /** The pack's JSON text for a trainer's pack (imported into each learner's console); absent for a built-in lab. */
  packJson?: string;
}

export interface ClassroomOptions {
  dataDir: string;
  /** The labs of the session; a learner starts the first (the trainer page can move one to another). */
  labs: ClassroomLab[];
  /** Opens a learner's engine on its data folder. */
  openDoor: (learnerDataDir: string) => Promise<LearnerDoor>;
  wallClock?: () => number;
  /** Most learners one session takes (each is an engine thread). */
  maxLearners?: number;
}

export const CLASSROOM_FILE = 'classroom.json';
export const DEFAULT_MAX_LEARNERS = 40;

const LearnerRecord = z.object({
  id: z.string().regex(/^l[0-9]+$/),
  name: z.string().min(1).max(60),
  token: z.string().min(16),
  labId: z.string().min(1),
  joinedAt: z.number(),
});
type LearnerRecord = z.infer<typeof LearnerRecord>;

const Roster = z.object({
  formatVersion: z.literal(1),
  code: z.string(),
  trainerToken: z.string().min(16),
  ended: z.boolean(),
  learners: z.array(LearnerRecord),
});
type Roster = z.infer<typeof Roster>;

/** What the trainer page shows of a learner. */
export interface LearnerStatus {
  id: string;
  name: string;
  labId: string;
  labTitle: string;
  /** The lab's view in the learner's console (undefined while their engine is not answering). */
  tasksPassed?: number;
  taskCount?: number;
  score?: number;
  maxScore?: number;
  hintsTaken?: number;
  /** Simulated ms since the learner's lab started. */
  elapsedMs?: number;
  completed?: boolean;
  /** Wall-clock ms of the learner's last request (0: not connected since the host started). */
  lastActivity: number;
  problem?: string;
}

export type JoinOutcome = { ok: true; learner: { id: string; name: string; token: string } } | { ok: false; message: string };

// Letters and digits that cannot be misread on a projector (no 0/O, 1/I/L).
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

function newCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

export class Classroom {
  private readonly doors = new Map<string, Promise<LearnerDoor>>();
  private readonly activity = new Map<string, number>();
  private readonly wallClock: () => number;
  private nextCall = 1;

  private constructor(
    private readonly options: ClassroomOptions,
    private readonly roster: Roster,
  ) {
    this.wallClock = options.wallClock ?? (() => Date.now());
  }

  /** Opens the session kept in the data folder, or starts a new one (a new code and trainer token). */
  static open(options: ClassroomOptions): Classroom {
    if (options.labs.length === 0) throw new Error('a classroom needs at least one lab');
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, CLASSROOM_FILE);
    let roster: Roster | undefined;
    if (existsSync(file)) {
      const r = Roster.safeParse(JSON.parse(readFileSync(file, 'utf8')) as unknown);
      if (!r.success) throw new Error(`${file} is not a classroom roster (${r.error.issues[0]?.message ?? 'malformed'}); move it away to start a new session`);
      roster = r.data;
    }
    const room = new Classroom(options, roster ?? { formatVersion: 1, code: newCode(), trainerToken: newToken(), ended: false, learners: [] });
    if (!roster) room.save();
    return room;
  }

  get code(): string {
    return this.roster.code;
  }

  get trainerToken(): string {
    return this.roster.trainerToken;
  }

  get ended(): boolean {
    return this.roster.ended;
  }

  get labs(): readonly ClassroomLab[] {
    return this.options.labs;
  }

  isTrainer(token: string | null | undefined): boolean {
    return tokenMatches(token, this.roster.trainerToken);
  }

  /** The learner a console token belongs to (none once the session has ended). */
  learnerByToken(token: string | null | undefined): LearnerRecord | undefined {
    if (this.roster.ended || !token) return undefined;
    return this.roster.learners.find((l) => tokenMatches(token, l.token));
  }

  /** A learner joins: a name and the session code; their console is made and the lab started in it. */
  async join(nameInput: string, codeInput: string): Promise<JoinOutcome> {
    if (this.roster.ended) return { ok: false, message: 'This session has ended.' };
    if (!tokenMatches(codeInput.trim().toUpperCase(), this.roster.code))
      return { ok: false, message: 'That is not the session code: check it on the trainer’s screen.' };
    const name = nameInput.replace(/\s+/g, ' ').trim();
    if (!name) return { ok: false, message: 'Type your name.' };
    if (name.length > 60) return { ok: false, message: 'A name is at most 60 characters.' };
    const max = this.options.maxLearners ?? DEFAULT_MAX_LEARNERS;
    if (this.roster.learners.length >= max) return { ok: false, message: `This session is full (${max} learners).` };
    // The same name joining again (a closed tab, another PC) gets the same console back.
    const existing = this.roster.learners.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return { ok: true, learner: { id: existing.id, name: existing.name, token: existing.token } };
    const record: LearnerRecord = {
      id: `l${this.roster.learners.length + 1}`,
      name,
      token: newToken(),
      labId: this.options.labs[0]!.id,
      joinedAt: this.wallClock(),
    };
    this.roster.learners.push(record);
    this.save();
    const door = await this.door(record);
    const lab = this.options.labs.find((l) => l.id === record.labId)!;
    if (lab.packJson !== undefined) await this.labCall(door, { type: 'import', packJson: lab.packJson });
    const started = await this.labCall(door, { type: 'start', labId: record.labId });
    if (!started.ok) return { ok: false, message: `Your console could not start the lab: ${started.error.message}` };
    return { ok: true, learner: { id: record.id, name: record.name, token: record.token } };
  }

  /** The learner's engine for their console's bridge; every request counts as activity. */
  async doorFor(learner: LearnerRecord): Promise<EngineDoor> {
    const door = await this.door(learner);
    return {
      subscribe: (listener) => door.subscribe(listener),
      respond: (raw) => {
        this.activity.set(learner.id, this.wallClock());
        return door.respond(raw);
      },
    };
  }

  /** Every learner's lab, tasks passed, hints, time and last activity. */
  async status(): Promise<LearnerStatus[]> {
    return Promise.all(
      this.roster.learners.map(async (l): Promise<LearnerStatus> => {
        const base = {
          id: l.id,
          name: l.name,
          labId: l.labId,
          labTitle: this.options.labs.find((x) => x.id === l.labId)?.title ?? l.labId,
          lastActivity: this.activity.get(l.id) ?? 0,
        };
        const r = await this.labCall(await this.door(l), { type: 'show', labId: l.labId });
        if (!r.ok) return { ...base, problem: r.error.message };
        return { ...base, ...progressOf(r.value) };
      }),
    );
  }

  /** Starts a learner's lab over (their hints stay taken, as a learner's own Reset keeps them). */
  async reset(learnerId: string): Promise<Result<LabView>> {
    const l = this.roster.learners.find((x) => x.id === learnerId);
    if (!l) return { ok: false, error: { code: 'NotFound', message: `No learner ${learnerId} in this session.` } };
    const door = await this.door(l);
    await this.labCall(door, { type: 'start', labId: l.labId });
    return this.labCall(door, { type: 'reset' });
  }

  /** Every learner's result file (engine/labs/learner-result.ts), written to <dataDir>/results/ too. */
  async exportResults(): Promise<{ learner: string; file?: LabResultDownload; problem?: string }[]> {
    const folder = join(this.options.dataDir, 'results');
    mkdirSync(folder, { recursive: true });
    return Promise.all(
      this.roster.learners.map(async (l) => {
        const r = await this.labCall(await this.door(l), { type: 'result', labId: l.labId, learner: l.name });
        if (!r.ok) return { learner: l.name, problem: r.error.message };
        writeFileAtomic(join(folder, r.value.fileName), r.value.text);
        return { learner: l.name, file: r.value };
      }),
    );
  }

  /** Ends the session: results exported, learners' tokens refused from now on (the trainer's still opens the page). */
  async end(): Promise<Awaited<ReturnType<Classroom['exportResults']>>> {
    const results = await this.exportResults();
    this.roster.ended = true;
    this.save();
    return results;
  }

  /** Stops every learner's engine after a last save; what could not be saved, in words. */
  async close(): Promise<string[]> {
    const doors = [...this.doors.values()];
    this.doors.clear();
    const unsaved = await Promise.all(doors.map(async (d) => (await d).stop()));
    return unsaved.flat();
  }

  /** Joined learners (id, name). */
  learners(): { id: string; name: string }[] {
    return this.roster.learners.map((l) => ({ id: l.id, name: l.name }));
  }

  private door(l: LearnerRecord): Promise<LearnerDoor> {
    let door = this.doors.get(l.id);
    if (!door) {
      const dir = join(this.options.dataDir, 'learners', l.id);
      mkdirSync(dir, { recursive: true });
      door = this.options.openDoor(dir);
      this.doors.set(l.id, door);
      door.catch(() => this.doors.delete(l.id));
    }
    return door;
  }

  private async labCall<A extends LabAction>(door: EngineDoor, action: A): Promise<Result<LabResult<A>>> {
    const response: Response = await door.respond({ kind: 'lab', id: this.nextCall++, action });
    return response.result as Result<LabResult<A>>;
  }

  private save(): void {
    writeFileAtomic(join(this.options.dataDir, CLASSROOM_FILE), `${JSON.stringify(this.roster, null, 2)}\n`);
  }
}

function progressOf(view: LabView): Omit<LearnerStatus, 'id' | 'name' | 'labId' | 'labTitle' | 'lastActivity'> {
  return {
    tasksPassed: view.lastCheck?.tasks.filter((t) => t.pass).length ?? 0,
    taskCount: view.tasks.length,
    ...(view.score !== undefined ? { score: view.score } : {}),
    maxScore: view.maxScore,
    hintsTaken: view.hints.filter((h) => h.taken).length,
    ...(view.startedAt !== undefined ? { elapsedMs: Math.max(0, view.now - view.startedAt) } : {}),
    completed: view.completed,
  };
}
