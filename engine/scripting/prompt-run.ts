// What the console's PowerShell prompt does with a line: a syntax error runs nothing (as in
// PowerShell); otherwise each statement runs through the interpreter (engine/scripting/language),
// and an error in one — binding, cmdlet or language — does not stop the next. Variables live in the
// engine's prompt session, so `$vm = Get-VM WEB01` on one line is there on the next, as in a
// PowerShell window. A move returns as soon as its job exists, as if -AsJob were given: simulated
// time runs at the user's pace and the Jobs pane shows the rest (hvlab run, by contrast, waits).
//
// Each outcome carries `display`: what the statement wrote to the pipeline, as plain data for the
// one formatter (engine/common/ps-format.ts), which the console runs at its own width.
//
// A long paste runs in slices of statements (PromptRun.step), so that a door can let other clients
// in between slices; the slices are counted in statements, never in wall-clock time, so a run's
// outcome does not depend on how fast the machine is.
//
// -WhatIf and -Confirm (cmdlets/should-process.ts, decided in the interpreter): a command that must
// ask stops the run there, and the outcome carries the question. The console shows it, reads the
// answer from the next line typed, and sends the same text again with `resume` (the statement, the
// question's number in it, the answer), as PowerShell waits at the prompt mid-statement. The
// statements before that one are not run again; the statement itself is replayed from the journal
// kept in the session: its variables are put back as they were when it began, the engine calls it
// made are answered with their recorded results (not made again), what it wrote is not written twice,
// and the earlier questions get their earlier answers. The interpreter is deterministic given those,
// so it arrives at the same question and goes on from there with the new answer.
import type { CommandOutput, ContractError, Result, RunOutcome, RunResume, StatementOutcome } from '../contract';
import type { ScriptHost } from './script-host';
import { loadProgram, ScriptSession } from './language/run-program';
import type { LanguageHost } from './language/interpreter';
import { toDisplay } from './language/values';
import { CONFIRM_CAPTION, type ConfirmAnswer } from '../common/confirm-prompt';
import { parseErrorRecordOf } from '../cmdlets/error-records';

/** Statements a door runs before it lets other clients in (about 10–50 ms of work). */
export const PROMPT_SLICE_STATEMENTS = 200;

export interface PromptRun {
  /** Every statement has run (or none will: a syntax error). */
  readonly done: boolean;
  /** Runs up to `maxStatements` more statements. */
  step(maxStatements: number): void;
  /** What ran so far; complete once `done`. */
  outcome(): RunOutcome;
}

const noOutput = (commandText: string) => ({ ok: true as const, value: { output: [], jobIds: [], warnings: [], commandText } });

/** What a statement that stopped at a question did so far: enough to replay it up to the question. */
interface Journal {
  invokes: Result<CommandOutput>[];
  /** Records and host lines already sent to the console. */
  written: number;
  sleeps: number;
  answers: ConfirmAnswer[];
}

/** The question a session's prompt is waiting on: the text, its statement, and that statement's journal. */
const waiting = new WeakMap<ScriptSession, { text: string; statement: number; journal: Journal }>();

/** Thrown by the prompt's confirm host: the run stops here until the answer comes. */
class AwaitingAnswer extends Error {
  constructor(readonly query: string) {
    super('awaiting an answer');
  }
}

export const resumeMessages = {
  notWaiting: 'There is no question waiting for this answer (another run started since, or the console was reloaded); run the command again.',
};

export function startPromptRun(engine: ScriptHost, text: string, session: ScriptSession = new ScriptSession(), resume?: RunResume): PromptRun {
  const pending = waiting.get(session);
  waiting.delete(session);
  if (resume && (!pending || pending.text !== text || pending.statement !== resume.statement || pending.journal.answers.length !== resume.command)) {
    const outcome: RunOutcome = {
      statements: [{ text: '', line: 1, column: 1, result: { ok: false, error: { code: 'InvalidRequest', message: resumeMessages.notWaiting } } }],
    };
    return { done: true, step: () => undefined, outcome: () => outcome };
  }
  const loaded = loadProgram(text, session);
  if (!loaded.ok) {
    const e = loaded.error;
    const outcome: RunOutcome = {
      statements: [],
      parseError: { code: 'InvalidRequest', ...details(e), record: parseErrorRecordOf(e, 'syntax'), line: e.line, column: e.column },
    };
    return { done: true, step: () => undefined, outcome: () => outcome };
  }
  const program = loaded.program;
  const statements: StatementOutcome[] = [];
  let next = resume ? resume.statement : 0;
  let at = { text: '', line: 1, column: 1 };
  let firstOfStatement = 0;
  let confirm: RunOutcome['confirm'];
  /** This statement's journal, and how far its replay has come (`replay` is the journal it had when it stopped). */
  let journal: Journal = { invokes: [], written: 0, sleeps: 0, answers: [] };
  let replay: Journal | undefined = resume && pending ? { ...pending.journal, answers: [...pending.journal.answers, resume.answer] } : undefined;
  const cursor = { invokes: 0, written: 0, sleeps: 0, answers: 0 };
  /** Whether this record or host line was written before the question (then it is not written again). */
  const writtenBefore = () => {
    journal.written++;
    return replay !== undefined && cursor.written++ < replay.written;
  };
  const host: LanguageHost = {
    invoke(c) {
      const i = cursor.invokes++;
      const result = replay && i < replay.invokes.length ? replay.invokes[i]! : engine.invoke({ cmdlet: c.cmdlet, params: { ...c.params } });
      journal.invokes.push(result);
      return result;
    },
    confirm(q) {
      const i = cursor.answers++;
      const answer = replay?.answers[i];
      if (answer === undefined) throw new AwaitingAnswer(q.query);
      journal.answers.push(answer);
      return answer;
    },
    record(r) {
      if (writtenBefore()) return;
      if (r.kind === 'error') {
        const span = program.spanOf(r.at);
        const record = parseErrorRecordOf(
          { message: r.error.message, line: span.line, column: span.column, span, ...(r.error.command ? { command: r.error.command } : {}) },
          'binding',
        );
        statements.push({ ...at, result: { ok: false, error: { code: 'InvalidParameter', ...details(r.error), record } } });
        return;
      }
      const v = r.result;
      if (!v.ok || r.toHost || v.value.jobIds.length || v.value.warnings.length) statements.push({ ...at, result: v, ...(v.ok ? { display: [] } : {}) });
    },
    sleep(ms) {
      journal.sleeps++;
      if (replay && cursor.sleeps++ < replay.sleeps) return;
      engine.advance(ms);
    },
    writeHost(t) {
      if (writtenBefore()) return;
      statements.push({ ...at, result: noOutput(''), display: [{ lines: t.split(/\r?\n/) }] });
    },
    ...(engine.localComputer !== undefined ? { localComputer: engine.localComputer } : {}),
  };
  return {
    get done() {
      return confirm !== undefined || next >= program.count;
    },
    step(maxStatements: number) {
      const end = Math.min(program.count, next + maxStatements);
      for (; next < end && !confirm; next++) {
        const span = program.span(next);
        at = { text: text.slice(span.offset, span.offset + span.length).trim(), line: span.line, column: span.column };
        firstOfStatement = statements.length;
        if (replay) session.variables.rollback();
        else session.variables.checkpoint();
        let output: unknown[];
        try {
          output = program.run(next, host).output;
        } catch (e) {
          if (!(e instanceof AwaitingAnswer)) throw e;
          confirm = { statement: next, command: journal.answers.length, caption: CONFIRM_CAPTION, query: e.query };
          waiting.set(session, { text, statement: next, journal });
          return;
        }
        replay = undefined;
        journal = { invokes: [], written: 0, sleeps: 0, answers: [] };
        Object.assign(cursor, { invokes: 0, written: 0, sleeps: 0, answers: 0 });
        if (output.length === 0) continue;
        const display = output.map(toDisplay);
        // The output belongs to the statement's last command that wrote to the host, if one did.
        for (let i = statements.length - 1; i >= firstOfStatement; i--) {
          const s = statements[i]!;
          if (s.result.ok && s.display !== undefined && s.display.length === 0 && s.result.value.commandText !== '') {
            s.display = display;
            break;
          }
          if (i === firstOfStatement) {
            statements.push({ ...at, result: noOutput(at.text), display });
            break;
          }
        }
        if (statements.length === firstOfStatement) statements.push({ ...at, result: noOutput(at.text), display });
      }
    },
    outcome: () => ({ statements, ...(confirm ? { confirm } : {}) }),
  };
}

function details(e: { message: string; parameter?: string; fix?: string }): Pick<ContractError, 'message' | 'parameter' | 'fix'> {
  return { message: e.message, ...(e.parameter !== undefined ? { parameter: e.parameter } : {}), ...(e.fix !== undefined ? { fix: e.fix } : {}) };
}
