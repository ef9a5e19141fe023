// PowerShell's error record as Windows PowerShell 4.0 (Windows Server 2012 R2) writes it to the
// console, shared by the console's prompt and `hvlab run`'s text report so both print the same
// text. The record's fields cross the bridge on ContractError.record (bridge-envelope.ts); the
// engine fills them (engine/cmdlets/error-records.ts), this module only writes them out.
//
// The layout is the host's default error view ($ErrorView = 'NormalView'), as documented for
// ErrorRecord / ErrorCategoryInfo on Microsoft Learn ("ErrorCategoryInfo.GetMessage", "about_Preference_Variables"):
//
//   Get-VM : Hyper-V was unable to find a virtual machine with name "NoSuchVM".
//   At line:1 char:1
//   + Get-VM NoSuchVM
//   + ~~~~~~~~~~~~~~~
//       + CategoryInfo          : InvalidArgument: (NoSuchVM:String) [Get-VM], VirtualizationInvalidArgumentException
//       + FullyQualifiedErrorId : InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMCommand
//
// A cmdlet's own error points at the whole command (its InvocationInfo); a parameter binding error
// points at the parameter or argument at fault; a parse error has no "Cmdlet : " prefix and puts
// the message after the position.
import { z } from 'zod';

/** What an error record says besides its message. */
export const ErrorRecordFields = z.object({
  /** ErrorCategory: ObjectNotFound, InvalidArgument, InvalidOperation, InvalidData, ParserError, ... */
  category: z.string(),
  /** The object the error is about (CategoryInfo's TargetName), '' when none. */
  targetName: z.string(),
  /** Its type's short name (String, Int32, VirtualMachine), '' when none. */
  targetType: z.string(),
  /** The command that reported it (CategoryInfo's Activity), '' for a command that was not found or a parse error. */
  activity: z.string(),
  /** The exception's short type name (CategoryInfo's Reason). */
  reason: z.string(),
  /** The exception's full .NET type name, for --json readers. */
  exception: z.string(),
  /** FullyQualifiedErrorId: the error id, a comma, and the command's class (or function) name. */
  fullyQualifiedErrorId: z.string(),
  /** Where the squiggle goes; absent: under the whole statement. */
  position: z.object({ line: z.number().int(), column: z.number().int(), length: z.number().int() }).optional(),
  /** The record of the real cmdlet is not documented: the most plausible one was chosen. */
  unconfirmed: z.boolean().optional(),
});
export type ErrorRecordFields = z.infer<typeof ErrorRecordFields>;

/** What the formatter needs of the statement an error belongs to. */
export interface StatementAt {
  text: string;
  line: number;
  column: number;
}

/** `At line:L char:C`, the line of text, and `~` under the part at fault (PowerShell's PositionMessage). */
export function positionMessage(fullText: string, pos: { line: number; column: number; length: number }): string[] {
  const lines = fullText.split(/\r\n|\r|\n/);
  const text = lines[pos.line - 1] ?? '';
  const col = Math.max(1, pos.column);
  const length = Math.max(1, Math.min(pos.length, Math.max(1, text.length - col + 1)));
  return [`At line:${pos.line} char:${col}`, `+ ${text}`, `+ ${' '.repeat(col - 1)}${'~'.repeat(length)}`];
}

/** The whole statement's first line: where a cmdlet's own error points. */
export function statementPosition(statement: StatementAt): { line: number; column: number; length: number } {
  const firstLine = statement.text.split(/\r\n|\r|\n/)[0] ?? statement.text;
  return { line: statement.line, column: statement.column, length: Math.max(1, firstLine.trimEnd().length) };
}

/** `ObjectNotFound: (Get-Foo:String) [], CommandNotFoundException`. */
export function categoryInfo(r: Pick<ErrorRecordFields, 'category' | 'targetName' | 'targetType' | 'activity' | 'reason'>): string {
  const target = r.targetName === '' && r.targetType === '' ? ':' : `${r.targetName}:${r.targetType}`;
  return `${r.category}: (${target}) [${r.activity}], ${r.reason}`;
}

/**
 * One error record as the console writes it. `fix`, when given, follows as RecommendedAction (the
 * lab's advice; PowerShell writes that line only when a record has one).
 */
export function formatErrorRecord(fullText: string, statement: StatementAt, message: string, record: ErrorRecordFields, fix?: string): string {
  const pos = record.position ?? statementPosition(statement);
  const tail = [`    + CategoryInfo          : ${categoryInfo(record)}`, `    + FullyQualifiedErrorId : ${record.fullyQualifiedErrorId}`];
  if (fix) tail.push(`    + RecommendedAction     : ${fix}`);
  if (record.category === 'ParserError') return [...positionMessage(fullText, pos), message, ...tail].join('\n');
  // "Get-VM : message": the command as invoked (a command that was not found: the name typed).
  // A run-time error of the language (RuntimeException and kin) has neither: the message stands alone.
  const invoked = record.activity || (record.reason === 'CommandNotFoundException' ? record.targetName : '');
  const prefixed = invoked && !message.toLowerCase().startsWith(`${invoked.toLowerCase()} :`) ? `${invoked} : ${message}` : message;
  return [prefixed, ...positionMessage(fullText, pos), ...tail].join('\n');
}
