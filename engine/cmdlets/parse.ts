// parseScript: PowerShell text → command objects `{ cmdlet, params }`, each with the span of text
// it came from, or the first error with PowerShell's message, the line and column it points at
// and the parameter at fault. A syntax error anywhere stops the whole script (as PowerShell
// parses a script before it runs it); binding errors are reported for the first statement
// that has one. The function never throws, whatever the input.
import type { BoundParams, CmdletSignature } from './signature';
import { paramsSchema } from './params-schema';
import { findSignature, allSignatures } from './registry';
import { parseSyntax, type StaticCommandNode as CommandNode, type StaticPipelineNode as PipelineNode } from './syntax';
import { bindCommand } from './binder';
import { pipedInputOf, pipelineMessages } from './pipeline';
import { LineIndex, ScriptError, type SourceSpan } from './source-text';
import type { ShouldProcessSwitches } from './should-process';

/**
 * One command. `span` is non-enumerable: the object itself is exactly `{ cmdlet, params }`, so it
 * can be handed to Engine.invoke (whose contract is strict) and deep-compared as is.
 */
export interface ParsedCommand {
  readonly cmdlet: string;
  readonly params: BoundParams;
  readonly span: SourceSpan;
  /** -WhatIf / -Confirm as typed (non-enumerable like span): they are not parameters the engine takes. */
  readonly switches?: ShouldProcessSwitches;
}

export interface ParseError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The text at fault (offset and length, plus line and column again). */
  span: SourceSpan;
  parameter?: string;
  /** A suggestion, e.g. "Did you mean Move-VMStorage?". */
  fix?: string;
  /** Which statement (0-based) the error is in, when it is a binding error. */
  statementIndex?: number;
  /** The cmdlet whose parameters did not bind (absent for syntax errors and unknown commands). */
  command?: string;
}

export type ParseResult = { ok: true; statements: ParsedCommand[] } | { ok: false; error: ParseError };

export const notRecognized = (name: string) => `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program.`;

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** The known cmdlet closest to a mistyped name, if any is close. */
export function closestCmdlet(typed: string): string | undefined {
  const lower = typed.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const s of allSignatures()) {
    const name = s.name;
    const distance = editDistance(lower, name.toLowerCase());
    if (!best || distance < best.d) best = { name, d: distance };
  }
  return best && best.d <= Math.max(2, Math.floor(typed.length / 4)) ? best.name : undefined;
}

function lookup(node: CommandNode): CmdletSignature {
  const sig = findSignature(node.name);
  if (sig) return sig;
  const suggestion = closestCmdlet(node.name);
  throw new ScriptError(notRecognized(node.name), node.nameAt, undefined, suggestion ? `Did you mean ${suggestion}?` : undefined);
}

const schemas = new WeakMap<CmdletSignature, ReturnType<typeof paramsSchema>>();

function schemaOf(sig: CmdletSignature): ReturnType<typeof paramsSchema> {
  let schema = schemas.get(sig);
  if (!schema) schemas.set(sig, (schema = paramsSchema(sig)));
  return schema;
}

/** Binds and then checks against the runtime schema, so a parsed command always passes Engine.invoke's validation. */
/** Binds like PowerShell's binder and names the cmdlet on a binding error (its error record's [Cmdlet] part). */
export function bind(node: CommandNode, sig: CmdletSignature, piped?: Parameters<typeof bindCommand>[2], switches?: ShouldProcessSwitches): BoundParams[] {
  try {
    return bindChecked(node, sig, piped, switches);
  } catch (e) {
    if (e instanceof ScriptError) e.command ??= sig.name;
    throw e;
  }
}

function bindChecked(node: CommandNode, sig: CmdletSignature, piped?: Parameters<typeof bindCommand>[2], switches?: ShouldProcessSwitches): BoundParams[] {
  const all = bindCommand(node, sig, piped, switches);
  const schema = schemaOf(sig);
  return all.map((params) => {
    const checked = schema.safeParse(params);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const parameter = issue?.path[0] === undefined ? undefined : String(issue.path[0]);
      throw new ScriptError(issue?.message ?? 'Invalid parameters.', node.nameAt, parameter);
    }
    return checked.data;
  });
}

type BoundCommand = { cmdlet: string; params: BoundParams; switches: ShouldProcessSwitches };

function bindPipeline(p: PipelineNode): BoundCommand[] {
  const [first, second, third] = p.commands;
  if (!first) return [];
  const sig = lookup(first);
  const switches: ShouldProcessSwitches = {};
  if (!second) return bind(first, sig, undefined, switches).map((params) => ({ cmdlet: sig.name, params, switches }));
  if (third) throw new ScriptError(pipelineMessages.tooLong, third.nameAt);
  const [producerParams] = bind(first, sig);
  const piped = pipedInputOf(first, sig, producerParams!);
  const next = lookup(second);
  return bind(second, next, piped, switches).map((params) => ({ cmdlet: next.name, params, switches }));
}

function toParseError(lines: LineIndex, e: ScriptError, statementIndex?: number): ParseError {
  const span = lines.span(e.at);
  return {
    message: e.message,
    line: span.line,
    column: span.column,
    span,
    ...(e.parameter !== undefined ? { parameter: e.parameter } : {}),
    ...(e.fix !== undefined ? { fix: e.fix } : {}),
    ...(statementIndex !== undefined ? { statementIndex } : {}),
    ...(e.command !== undefined ? { command: e.command } : {}),
  };
}

function withSpan(command: BoundCommand, span: SourceSpan): ParsedCommand {
  return Object.defineProperties(
    { cmdlet: command.cmdlet, params: command.params },
    { span: { value: span, enumerable: false }, switches: { value: command.switches, enumerable: false } },
  ) as ParsedCommand;
}

export function parseScript(text: string): ParseResult {
  if (typeof text !== 'string') {
    const span = { offset: 0, length: 0, line: 1, column: 1 };
    return { ok: false, error: { message: 'A script must be text.', line: 1, column: 1, span } };
  }
  const parsed = parseStatements(text);
  if (!parsed.ok) return parsed;
  const statements: ParsedCommand[] = [];
  for (let i = 0; i < parsed.count; i++) {
    const bound = parsed.bind(i);
    if (!bound.ok) return { ok: false, error: bound.error };
    statements.push(...bound.commands);
  }
  return { ok: true, statements };
}

/** One statement of a script, bound when it is about to run. */
export type BoundStatement = { ok: true; span: SourceSpan; commands: ParsedCommand[] } | { ok: false; span: SourceSpan; error: ParseError };

/**
 * A script read in two steps: its syntax at once (a syntax error anywhere runs nothing, as in
 * PowerShell), then each statement bound only when `bind(i)` asks for it, so a long paste costs
 * the binding of the statements run so far, not of all of them before the first runs.
 */
export function parseStatements(text: string): { ok: true; count: number; bind(index: number): BoundStatement } | { ok: false; error: ParseError } {
  let pipelines: PipelineNode[];
  try {
    pipelines = parseSyntax(text);
  } catch (e) {
    return { ok: false, error: unexpected(new LineIndex(text), e) };
  }
  const lines = new LineIndex(text);
  return {
    ok: true,
    count: pipelines.length,
    bind(index) {
      const p = pipelines[index]!;
      const span = lines.span(p.at);
      try {
        return { ok: true, span, commands: bindPipeline(p).map((command) => withSpan(command, span)) };
      } catch (e) {
        return { ok: false, span, error: unexpected(lines, e, index) };
      }
    },
  };
}

function unexpected(lines: LineIndex, e: unknown, statementIndex?: number): ParseError {
  if (e instanceof ScriptError) return toParseError(lines, e, statementIndex);
  // Not expected to happen (the fuzz tests look for it); never let it escape the parser.
  const span = { offset: 0, length: 0, line: 1, column: 1 };
  return {
    message: `The console could not read this script (${e instanceof Error ? e.message : String(e)}).`,
    line: 1,
    column: 1,
    span,
    ...(statementIndex !== undefined ? { statementIndex } : {}),
  };
}
