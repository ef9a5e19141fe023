// What the console's PowerShell prompt does with a line: a syntax error runs nothing (as in
// PowerShell); otherwise each statement runs, and an error in one — binding or cmdlet — does not
// stop the next. A move returns as soon as its job exists, as if -AsJob were given: simulated time
// runs at the user's pace and the Jobs pane shows the rest (hvlab run, by contrast, waits).
//
// A long paste runs in slices of statements (PromptRun.step), so that a door can let other clients
// in between slices; the slices are counted in statements, never in wall-clock time, so a run's
// outcome does not depend on how fast the machine is.
import type { ContractError, RunOutcome, StatementOutcome } from '../contract';
import type { ScriptHost } from './script-host';
import { planStatements, type PlannedStatement } from './run-script';

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
  const planned = planStatements(text);
  if (!planned.ok) {
    const e = planned.error;
    const outcome: RunOutcome = { statements: [], parseError: { code: 'InvalidRequest', ...details(e), line: e.line, column: e.column } };
    return { done: true, step: () => undefined, outcome: () => outcome };
  }
  const todo: readonly PlannedStatement[] = planned.statements;
  const statements: StatementOutcome[] = [];
  return {
    get done() {
      return statements.length >= todo.length;
    },
    step(maxStatements: number) {
      const end = Math.min(todo.length, statements.length + maxStatements);
      for (let i = statements.length; i < end; i++) {
        const s = todo[i]!;
        statements.push({
          text: s.text.trim(),
          line: s.line,
          column: s.column,
          result: s.command
            ? engine.invoke({ cmdlet: s.command.cmdlet, params: { ...s.command.params } })
            : { ok: false as const, error: { code: 'InvalidParameter' as const, ...details(s.error!) } },
        });
      }
    },
    outcome: () => ({ statements }),
  };
}

function details(e: { message: string; parameter?: string; fix?: string }): Pick<ContractError, 'message' | 'parameter' | 'fix'> {
  return { message: e.message, ...(e.parameter !== undefined ? { parameter: e.parameter } : {}), ...(e.fix !== undefined ? { fix: e.fix } : {}) };
}
