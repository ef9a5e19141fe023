// What the console's PowerShell prompt does with a line: parse it all first (a syntax error runs
// nothing, as in PowerShell), then run each statement; an error in one does not stop the next
// (cmdlet errors are non-terminating). A move returns as soon as its job exists, as if -AsJob were
// given: simulated time runs at the user's pace, and the Jobs pane shows the rest.
import type { RunOutcome } from '../contract';
import type { Engine } from '../engine';
import { parseScript } from '../cmdlets/parse';

export function runAtPrompt(engine: Engine, text: string): RunOutcome {
  const parsed = parseScript(text);
  if (!parsed.ok) {
    const e = parsed.error;
    return {
      statements: [],
      parseError: {
        code: 'InvalidRequest',
        message: e.message,
        line: e.line,
        column: e.column,
        ...(e.parameter !== undefined ? { parameter: e.parameter } : {}),
        ...(e.fix !== undefined ? { fix: e.fix } : {}),
      },
    };
  }
  return {
    statements: parsed.statements.map((s) => ({
      text: text.slice(s.span.offset, s.span.offset + s.span.length),
      line: s.span.line,
      column: s.span.column,
      result: engine.invoke({ cmdlet: s.cmdlet, params: s.params }),
    })),
  };
}
