// Runs a script's statements one at a time through the interpreter, for the two runners: the
// console's prompt (prompt-run.ts) and hvlab run (run-script.ts). A syntax error anywhere runs
// nothing (PowerShell parses a script before it runs it); then each top-level statement runs, and
// a failure in one does not stop the next.
import { parseProgram, type StatementNode } from '../../cmdlets/syntax';
import { LineIndex, ScriptError, type Range, type SourceSpan } from '../../cmdlets/source-text';
import { Interpreter, ScriptSession, type LanguageHost } from './interpreter';

export interface ProgramSyntaxError {
  message: string;
  line: number;
  column: number;
  span: SourceSpan;
  parameter?: string;
  fix?: string;
}

export interface Program {
  readonly count: number;
  /** Runs top-level statement `index`; `at` is where it is, its output what it wrote to the pipeline. */
  run(index: number, host: LanguageHost): { span: SourceSpan; output: unknown[] };
  span(index: number): SourceSpan;
  /** Line and column of a place in the text (a run-time error's). */
  spanOf(at: Range): SourceSpan;
}

export function loadProgram(
  text: string,
  session: ScriptSession = new ScriptSession(),
): { ok: true; program: Program } | { ok: false; error: ProgramSyntaxError } {
  const lines = new LineIndex(text);
  let statements: StatementNode[];
  try {
    statements = parseProgram(text);
  } catch (e) {
    const err =
      e instanceof ScriptError
        ? e
        : new ScriptError(`The console could not read this script (${e instanceof Error ? e.message : String(e)}).`, { offset: 0, length: 0 });
    const span = lines.span(err.at);
    return {
      ok: false,
      error: {
        message: err.message,
        line: span.line,
        column: span.column,
        span,
        ...(err.parameter ? { parameter: err.parameter } : {}),
        ...(err.fix ? { fix: err.fix } : {}),
      },
    };
  }
  return {
    ok: true,
    program: {
      count: statements.length,
      span: (i) => lines.span(statements[i]!.at),
      spanOf: (at) => lines.span(at),
      run(i, host) {
        const node = statements[i]!;
        const output = new Interpreter(session, host, text).runTopLevel(node);
        return { span: lines.span(node.at), output };
      },
    },
  };
}

export { ScriptSession };
