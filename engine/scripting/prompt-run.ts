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
import type { ContractError, RunOutcome, StatementOutcome } from '../contract';
import type { ScriptHost } from './script-host';
import { loadProgram, ScriptSession } from './language/run-program';
import type { LanguageHost } from './language/interpreter';
import { toDisplay } from './language/values';
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

export function startPromptRun(engine: ScriptHost, text: string, session: ScriptSession = new ScriptSession()): PromptRun {
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
  let next = 0;
  let at = { text: '', line: 1, column: 1 };
  let firstOfStatement = 0;
  const host: LanguageHost = {
    invoke: (c) => engine.invoke({ cmdlet: c.cmdlet, params: { ...c.params } }),
    record(r) {
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
    sleep: (ms) => engine.advance(ms),
    writeHost: (t) => statements.push({ ...at, result: noOutput(''), display: [{ lines: t.split(/\r?\n/) }] }),
    ...(engine.localComputer !== undefined ? { localComputer: engine.localComputer } : {}),
  };
  return {
    get done() {
      return next >= program.count;
    },
    step(maxStatements: number) {
      const end = Math.min(program.count, next + maxStatements);
      for (; next < end; next++) {
        const span = program.span(next);
        at = { text: text.slice(span.offset, span.offset + span.length).trim(), line: span.line, column: span.column };
        firstOfStatement = statements.length;
        const { output } = program.run(next, host);
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
    outcome: () => ({ statements }),
  };
}

function details(e: { message: string; parameter?: string; fix?: string }): Pick<ContractError, 'message' | 'parameter' | 'fix'> {
  return { message: e.message, ...(e.parameter !== undefined ? { parameter: e.parameter } : {}), ...(e.fix !== undefined ? { fix: e.fix } : {}) };
}
