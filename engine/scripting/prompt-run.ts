// What the console's PowerShell prompt does with a line: a syntax error runs nothing (as in
// PowerShell); otherwise each statement runs, and an error in one — binding or cmdlet — does not
// stop the next. A move returns as soon as its job exists, as if -AsJob were given: simulated time
// runs at the user's pace and the Jobs pane shows the rest (hvlab run, by contrast, waits).
import type { ContractError, RunOutcome } from '../contract';
import type { Engine } from '../engine';
import { planStatements } from './run-script';

export function runAtPrompt(engine: Engine, text: string): RunOutcome {
  const planned = planStatements(text);
  if (!planned.ok) {
    const e = planned.error;
    return { statements: [], parseError: { code: 'InvalidRequest', ...details(e), line: e.line, column: e.column } };
  }
  return {
    statements: planned.statements.map((s) => ({
      text: s.text.trim(),
      line: s.line,
      column: s.column,
      result: s.command
        ? engine.invoke({ cmdlet: s.command.cmdlet, params: { ...s.command.params } })
        : { ok: false as const, error: { code: 'InvalidParameter' as const, ...details(s.error!) } },
    })),
  };
}

function details(e: { message: string; parameter?: string; fix?: string }): Pick<ContractError, 'message' | 'parameter' | 'fix'> {
  return { message: e.message, ...(e.parameter !== undefined ? { parameter: e.parameter } : {}), ...(e.fix !== undefined ? { fix: e.fix } : {}) };
}
