// How Windows PowerShell 4.0 (Windows Server 2012 R2) writes things to the console, for the
// PowerShell pane: objects as a table (several objects) or a list (one object with many
// properties), plain values one per line, errors with their position and a squiggle, parse errors
// with a caret, warnings. Text only: every value comes from the engine's answer.
import type { ContractError, StatementOutcome } from '../../engine/contract';
import { timeSpanText } from '../../engine/common/time-span';
import { formatErrorRecord } from '../../engine/common/error-record';

export type ConsoleLineKind = 'output' | 'error' | 'warning';
export interface ConsoleText {
  kind: ConsoleLineKind;
  text: string;
}

/** Columns PowerShell's format views put first for a few cmdlets (only those the object has are used). */
const TABLE_VIEWS: Record<string, readonly string[]> = {
  'get-vm': ['Name', 'State', 'ComputerName', 'ProcessorCount', 'MemoryStartup', 'Uptime', 'Status', 'Path'],
  'get-job': ['Id', 'Name', 'PSJobTypeName', 'State', 'HasMoreData', 'Location', 'Command'],
  'get-netadapter': ['Name', 'InterfaceDescription', 'ifIndex', 'Status', 'MacAddress', 'LinkSpeed', 'TeamName'],
  'get-history': ['Id', 'CommandLine'],
};

/** PowerShell shows a one-object result as a table up to this many properties, as a list above. */
const LIST_THRESHOLD = 5;
/** Table cells longer than this are cut with "..." (Format-Table -AutoSize keeps widths sane). */
const MAX_CELL = 60;

/** Properties the engine writes as milliseconds that PowerShell shows as a TimeSpan. */
const TIMESPAN_PROPERTIES = new Set(['uptime']);

function propertyText(name: string, v: unknown): string {
  if (typeof v === 'number' && TIMESPAN_PROPERTIES.has(name.toLowerCase())) return timeSpanText(v);
  return formatValue(v);
}

export function formatValue(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    // PowerShell's $FormatEnumerationLimit is 4.
    const shown = v.slice(0, 4).map((x) => formatValue(x, depth + 1));
    return `{${shown.join(', ')}${v.length > 4 ? '...' : ''}}`;
  }
  if (typeof v === 'object') {
    if (depth > 1) return '@{...}';
    return `@{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${formatValue(x, depth + 1)}`)
      .join('; ')}}`;
  }
  return String(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The statement's cmdlet as typed (its first word), lower-cased, for picking a view. */
export function commandWord(statement: string): string {
  return (/^\s*([^\s|;]+)/.exec(statement)?.[1] ?? '').toLowerCase();
}

/** Formats a statement's output objects for a console `width` characters wide. */
export function formatObjects(objects: readonly unknown[], width: number, command = ''): ConsoleText[] {
  if (objects.length === 0) return [];
  const out: ConsoleText[] = [];
  // Runs of plain values and runs of objects are formatted separately, in order.
  let i = 0;
  while (i < objects.length) {
    if (!isRecord(objects[i])) {
      const lines: string[] = [];
      while (i < objects.length && !isRecord(objects[i])) lines.push(formatValue(objects[i++]));
      out.push({ kind: 'output', text: lines.join('\n') });
      continue;
    }
    const run: Record<string, unknown>[] = [];
    while (i < objects.length && isRecord(objects[i])) run.push(objects[i++] as Record<string, unknown>);
    const props = propertiesOf(run);
    // A cmdlet with a table view (Get-VM, Get-NetAdapter…) always gets a table, as in PowerShell.
    const view = TABLE_VIEWS[command];
    if (!view && run.length === 1 && props.length >= LIST_THRESHOLD) out.push({ kind: 'output', text: formatList(run) });
    else out.push(...formatTable(run, width, view));
  }
  return out;
}

function propertiesOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** `Name : Value` lines, names padded to the longest, a blank line around each object. */
export function formatList(rows: readonly Record<string, unknown>[]): string {
  const blocks = rows.map((row) => {
    const keys = Object.keys(row);
    const pad = Math.max(0, ...keys.map((k) => k.length));
    return keys.map((k) => `${k.padEnd(pad)} : ${propertyText(k, row[k])}`).join('\n');
  });
  return `\n${blocks.join('\n\n')}\n`;
}

/**
 * A table as Format-Table -AutoSize writes it: headers, dashes under each header's text, columns
 * one space apart and as wide as their widest cell, numbers right-aligned. Columns that do not fit
 * in `width` are left out, with PowerShell's warning.
 */
export function formatTable(rows: readonly Record<string, unknown>[], width: number, preferred?: readonly string[]): ConsoleText[] {
  const all = propertiesOf(rows);
  const columns = preferred ? [...preferred.filter((p) => all.includes(p)), ...(preferred.some((p) => all.includes(p)) ? [] : all)] : all;
  const cols = columns.map((name) => {
    const cells = rows.map((r) => truncate(propertyText(name, r[name]), MAX_CELL));
    const numeric = !TIMESPAN_PROPERTIES.has(name.toLowerCase()) && rows.every((r) => r[name] === undefined || r[name] === null || typeof r[name] === 'number');
    const w = Math.max(name.length, ...cells.map((c) => c.length));
    return { name, cells, numeric, width: w };
  });
  // Fit: keep columns left to right while they fit; the last one may be cut down to what is left.
  const fitted: typeof cols = [];
  let used = 0;
  for (const c of cols) {
    const sep = fitted.length > 0 ? 1 : 0;
    const room = width - used - sep;
    if (c.width <= room) {
      fitted.push(c);
      used += sep + c.width;
    } else if (room >= Math.max(c.name.length, 8)) {
      fitted.push({ ...c, width: room, cells: c.cells.map((x) => truncate(x, room)) });
      used += sep + room;
    } else {
      break;
    }
  }
  if (fitted.length === 0 && cols[0]) fitted.push({ ...cols[0], width: Math.max(1, width), cells: cols[0].cells.map((x) => truncate(x, Math.max(1, width))) });
  const align = (text: string, c: (typeof cols)[number]) => (c.numeric ? text.padStart(c.width) : text.padEnd(c.width));
  const line = (parts: string[]) => parts.join(' ').replace(/\s+$/, '');
  const header = line(fitted.map((c) => align(c.name, c)));
  const dashes = line(fitted.map((c) => align('-'.repeat(Math.min(c.name.length, c.width)), c)));
  const body = rows.map((_r, i) => line(fitted.map((c) => align(c.cells[i] ?? '', c))));
  const out: ConsoleText[] = [];
  const dropped = cols.length - fitted.length;
  if (dropped > 0)
    out.push({
      kind: 'warning',
      text: `WARNING: ${dropped} column${dropped === 1 ? ' does' : 's do'} not fit into the display and ${dropped === 1 ? 'was' : 'were'} removed.`,
    });
  out.push({ kind: 'output', text: `\n${header}\n${dashes}\n${body.join('\n')}\n` });
  return out;
}

function truncate(s: string, max: number): string {
  const flat = s.replace(/\r?\n/g, ' ');
  if (flat.length <= max) return flat;
  return max <= 3 ? flat.slice(0, max) : `${flat.slice(0, max - 3)}...`;
}

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
export function errorPosition(fullText: string, statement: Pick<StatementOutcome, 'text' | 'line' | 'column'>, parameter?: string): Position {
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
export function formatStatementError(fullText: string, statement: Pick<StatementOutcome, 'text' | 'line' | 'column'>, error: ContractError): string {
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
