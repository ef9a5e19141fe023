// PowerShell's error text for the console's prompt and hvlab run: a statement's error (the engine's
// error record when it has one, engine/common/error-record.ts; otherwise the most plausible record
// built from the lab's error code) and a parse error with its caret. With engine/common/ps-format.ts
// (objects), this is the one place console text is written; the renderer only shows it.
import type { ContractError } from './bridge-envelope';
import { formatErrorRecord, type StatementAt } from './error-record';

const CATEGORY: Record<ContractError['code'], string> = {
  InvalidRequest: 'InvalidArgument',
  InvalidParameter: 'InvalidArgument',
  CommandRefused: 'InvalidOperation',
  NotFound: 'ObjectNotFound',
  Internal: 'NotSpecified',
};

/** A position in the typed text and the length of the squiggle under it. */
interface Position {
  line: number;
  column: number;
  length: number;
}

/** The `At line:L char:C` block: the line of text and `~` under the part at fault. */
function positionLines(fullText: string, pos: Position): string[] {
  const lines = fullText.split(/\r?\n/);
  const text = lines[pos.line - 1] ?? '';
  const col = Math.max(1, pos.column);
  const length = Math.max(1, Math.min(pos.length, Math.max(1, text.length - col + 1)));
  return [`At line:${pos.line} char:${col}`, `+ ${text}`, `+ ${' '.repeat(col - 1)}${'~'.repeat(length)}`];
}

/** Line and column (1-based) of an offset in the text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}

/** Offset of a statement's start in the full text, from its line and column. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', offset);
    if (nl < 0) break;
    offset = nl + 1;
  }
  return offset + column - 1;
}

/**
 * Where an error of this statement points: the value given to the parameter at fault (or the
 * parameter itself) when it was typed — abbreviations count —, else the whole statement.
 */
export function errorPosition(fullText: string, statement: StatementAt, parameter?: string): Position {
  const start = offsetOf(fullText, statement.line, statement.column);
  if (parameter) {
    const wanted = parameter.toLowerCase();
    const re = /(^|\s)([-\u2013\u2014\u2015]([A-Za-z][\w]*))(?=[\s:]|$)/g;
    let best: RegExpExecArray | undefined;
    for (let m = re.exec(statement.text); m; m = re.exec(statement.text)) {
      const name = m[3]!.toLowerCase();
      if (name === wanted) {
        best = m;
        break;
      }
      if (!best && wanted.startsWith(name)) best = m;
    }
    if (best) {
      const tokenAt = best.index + best[1]!.length;
      const tokenEnd = tokenAt + best[2]!.length;
      const value = /^(?::\s*|\s+)("[^"]*"|'[^']*'|[^\s\-\u2013\u2014\u2015;|][^\s;|]*)/.exec(statement.text.slice(tokenEnd));
      if (value?.[1]) {
        const valueAt = tokenEnd + value[0].length - value[1].length;
        return { ...lineColumn(fullText, start + valueAt), length: value[1].length };
      }
      return { ...lineColumn(fullText, start + tokenAt), length: best[2]!.length };
    }
  }
  const firstLine = statement.text.split(/\r?\n/)[0] ?? statement.text;
  return { line: statement.line, column: statement.column, length: Math.max(1, firstLine.trimEnd().length) };
}

/** An error of one statement, as PowerShell writes a non-terminating error record. */
export function formatStatementError(fullText: string, statement: StatementAt, error: ContractError): string {
  if (error.record) return formatErrorRecord(fullText, statement, error.message, error.record, error.fix);
  const command = /^\s*([^\s|;]+)/.exec(statement.text)?.[1] ?? '';
  const message = command && error.message.toLowerCase().startsWith(`${command.toLowerCase()} :`) ? error.message : `${command} : ${error.message}`;
  const pos = errorPosition(fullText, statement, error.parameter);
  const lines = [message, ...positionLines(fullText, pos)];
  lines.push(`    + CategoryInfo          : ${CATEGORY[error.code]}: (:) [${command}], ${error.code}`);
  lines.push(`    + FullyQualifiedErrorId : ${error.messageId !== undefined ? `${error.messageId},` : ''}${error.code},${command}`);
  if (error.fix) lines.push(`    + RecommendedAction     : ${error.fix}`);
  return lines.join('\n');
}

/** A syntax error: nothing ran. The caret points at the column the parser stopped at. */
export function formatParseError(fullText: string, error: ContractError & { line: number; column: number }): string {
  if (error.record) return formatErrorRecord(fullText, { text: '', line: error.line, column: error.column }, error.message, error.record, error.fix);
  const lineText = fullText.split(/\r?\n/)[error.line - 1] ?? '';
  const token = /^[^\s]*/.exec(lineText.slice(error.column - 1))?.[0] ?? '';
  const length = token.startsWith('-') ? token.length : 1;
  const lines = [...positionLines(fullText, { line: error.line, column: error.column, length }), error.message];
  lines.push('    + CategoryInfo          : ParserError: (:) [], ParentContainsErrorRecordException');
  lines.push(`    + FullyQualifiedErrorId : ${error.parameter ? 'NamedParameterNotFound' : 'ParseError'}`);
  if (error.fix) lines.push(`    + RecommendedAction     : ${error.fix}`);
  return lines.join('\n');
}
