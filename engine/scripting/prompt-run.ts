// What the console's PowerShell prompt does with a line: a syntax error runs nothing (as in
// PowerShell); otherwise each statement runs, and an error in one — binding or cmdlet — does not
// stop the next. A move returns as soon as its job exists, as if -AsJob were given: simulated time
// runs at the user's pace and the Jobs pane shows the rest (hvlab run, by contrast, waits).
//
// A long paste runs in slices of statements (PromptRun.step), so that a door can let other clients
// in between slices; the slices are counted in statements, never in wall-clock time, so a run's
// outcome does not depend on how fast the machine is. Only the syntax is read up front; each
// statement is bound when its slice runs.
import type { ContractError, RunOutcome, StatementOutcome } from '../contract';
import type { ScriptHost } from './script-host';
import { parseStatements } from '../cmdlets/parse';
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

export function startPromptRun(engine: ScriptHost, text: string): PromptRun {
  const parsed = parseStatements(text);
  if (!parsed.ok) {
    const e = parsed.error;
    const outcome: RunOutcome = {
      statements: [],
      parseError: { code: 'InvalidRequest', ...details(e), record: parseErrorRecordOf(e, 'syntax'), line: e.line, column: e.column },
    };
    return { done: true, step: () => undefined, outcome: () => outcome };
  }
  const statements: StatementOutcome[] = [];
  /** The next statement to bind; a statement binds to one command per pipeline input, or to an error. */
  let next = 0;
  return {
    get done() {
      return next >= parsed.count;
    },
    step(maxStatements: number) {
      const end = Math.min(parsed.count, next + maxStatements);
      for (; next < end; next++) {
        const bound = parsed.bind(next);
        const at = { text: text.slice(bound.span.offset, bound.span.offset + bound.span.length).trim(), line: bound.span.line, column: bound.span.column };
        if (!bound.ok) {
          statements.push({
            ...at,
            result: {
              ok: false as const,
              error: { code: 'InvalidParameter' as const, ...details(bound.error), record: parseErrorRecordOf(bound.error, 'binding') },
            },
          });
          continue;
        }
        for (const command of bound.commands) {
          statements.push({ ...at, result: engine.invoke({ cmdlet: command.cmdlet, params: { ...command.params } }) });
        }
      }
    },
    outcome: () => ({ statements }),
  };
}

function details(e: { message: string; parameter?: string; fix?: string }): Pick<ContractError, 'message' | 'parameter' | 'fix'> {
  return { message: e.message, ...(e.parameter !== undefined ? { parameter: e.parameter } : {}), ...(e.fix !== undefined ? { fix: e.fix } : {}) };
}
