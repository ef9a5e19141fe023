// The PowerShell error record of every error the console reports: which ErrorCategory, target,
// exception and FullyQualifiedErrorId Windows PowerShell 4.0 gives it on Windows Server 2012 R2.
// The text is written by engine/common/error-record.ts; this module decides the fields.
//
// Three sources of errors:
// - the parameter binder's (messages are PowerShell's own, so the message says which error it is;
//   ids from System.Management.Automation's ParameterBindingException family, Microsoft Learn
//   "ParameterBindingException Class", "about_Parameters");
// - a command that does not exist (CommandNotFoundException);
// - a cmdlet's refusal (CommandRefusal): the exception and id the real module reports.
//
// Records not shown in a public transcript or Microsoft document are the most plausible choice and
// carry `unconfirmed: true`; the table in docs/powershell-errors.md lists them.
import type { ContractError } from '../common/bridge-envelope';
import type { ErrorRecordFields } from '../common/error-record';
import type { BoundParams } from './signature';
import { findSignature } from './registry';
import { implementationName, isFunctionModule, moduleOf } from './modules';

type Kind = Pick<ErrorRecordFields, 'category' | 'reason' | 'exception'> & { id: string; unconfirmed?: boolean };

const SMA = 'System.Management.Automation';
const binding = (id: string): Kind => ({ category: 'InvalidArgument', reason: 'ParameterBindingException', exception: `${SMA}.ParameterBindingException`, id });
const validation = (id: string): Kind => ({
  category: 'InvalidData',
  reason: 'ParameterBindingValidationException',
  exception: `${SMA}.ParameterBindingValidationException`,
  id,
});

/** The binder's messages (conversion.ts, parameter-names.ts, parameter-sets.ts, binder.ts) and the record each one belongs to. */
const BINDING_ERRORS: readonly [RegExp, Kind][] = [
  [/^A parameter cannot be found that matches parameter name/, binding('NamedParameterNotFound')],
  [/^Missing an argument for parameter/, binding('MissingArgument')],
  [/is specified more than once/, binding('ParameterAlreadyBound')],
  [/^A positional parameter cannot be found that accepts argument/, binding('PositionalParameterNotFound')],
  [/^Parameter set cannot be resolved/, binding('AmbiguousParameterSet')],
  [/^Parameter cannot be processed because the parameter name '.*' is ambiguous/, binding('AmbiguousParameter')],
  [/^Cannot process command because of one or more missing mandatory parameters/, binding('MissingMandatoryParameter')],
  [/^The input object cannot be bound to any parameters/, binding('InputObjectNotBound')],
  [/because it is null\.$/, validation('ParameterArgumentValidationErrorNullNotAllowed')],
  [/because it is an empty string\.$/, validation('ParameterArgumentValidationErrorEmptyStringNotAllowed')],
  [/^Cannot validate argument on parameter/, validation('ParameterArgumentValidationError')],
  [
    /^Cannot process argument transformation on parameter/,
    {
      category: 'InvalidData',
      reason: 'ParameterBindingArgumentTransformationException',
      exception: `${SMA}.ParameterBindingArgumentTransformationException`,
      id: 'ParameterArgumentTransformationError',
    },
  ],
  [/^Cannot convert '.*' to the type '.*' required by parameter/, binding('CannotConvertArgument')],
  [/^Cannot bind parameter '.*'\./, binding('CannotConvertArgumentNoMessage')],
];

const runtime = (category: string, id: string, reason = 'RuntimeException', unconfirmed = false): Kind => ({
  category,
  reason,
  exception: `${SMA}.${reason}`,
  id,
  ...(unconfirmed ? { unconfirmed } : {}),
});

/**
 * The language's run-time errors (engine/scripting/language: methods.ts, operators.ts) and the records
 * Windows PowerShell 4.0 writes for them (about_Methods, about_Operators); the second element takes the
 * record's target from the message (the method's name, the format string).
 */
const RUNTIME_ERRORS: readonly [RegExp, Kind, ((m: RegExpExecArray) => string)?][] = [
  [/^You cannot call a method on a null-valued expression\.$/, runtime('InvalidOperation', 'InvokeMethodOnNull')],
  [/^Method invocation failed because \[.*\] does not contain a method named '(.*)'\.$/, runtime('InvalidOperation', 'MethodNotFound'), (m) => m[1]!],
  [/^Cannot find an overload for/, runtime('NotSpecified', 'MethodCountCouldNotFindBest', 'MethodException')],
  [/^Exception calling "[^"]*".*Index and length/, runtime('NotSpecified', 'ArgumentOutOfRangeException', 'MethodInvocationException')],
  [/^Exception calling /, runtime('NotSpecified', 'ArgumentException', 'MethodInvocationException', true)],
  [/^Attempted to divide by zero\.$/, runtime('NotSpecified', 'RuntimeException')],
  [/^Error formatting a string/, runtime('InvalidOperation', 'FormatError')],
  [/^The regular expression pattern (.*) is not valid/, runtime('InvalidOperation', 'InvalidRegularExpression'), (m) => m[1]!],
  [/^Cannot convert value "(.*)" to type "System\.Int32"/, runtime('InvalidArgument', 'InvalidCastFromStringToInteger', 'RuntimeException', true)],
  [/^The range .* has .* numbers/, runtime('InvalidOperation', 'RangeTooLarge', 'RuntimeException', true)],
  [/^The operator '.*' cannot be applied/, runtime('InvalidOperation', 'OperatorFailed', 'RuntimeException', true)],
];

/** A run-time error of the language (not a cmdlet's): InvalidOperation: (:) [], RuntimeException and its id, or undefined. */
function runtimeErrorRecord(message: string, position?: ErrorRecordFields['position']): ErrorRecordFields | undefined {
  for (const [re, kind, target] of RUNTIME_ERRORS) {
    const m = re.exec(message);
    if (!m) continue;
    const name = target?.(m) ?? '';
    return {
      category: kind.category,
      targetName: name,
      targetType: name ? 'String' : '',
      activity: '',
      reason: kind.reason,
      exception: kind.exception,
      fullyQualifiedErrorId: kind.id,
      ...(position ? { position } : {}),
      ...(kind.unconfirmed ? { unconfirmed: true } : {}),
    };
  }
  return undefined;
}

/** The parser's messages (syntax.ts) and PowerShell's ParseError ids for them. */
const PARSE_ERRORS: readonly [RegExp, string][] = [
  [/^The string is missing the terminator/, 'TerminatorExpectedAtEndOfString'],
  [/^Unexpected token/, 'UnexpectedToken'],
  [/^An empty pipe element is not allowed/, 'EmptyPipeElement'],
  [/^Missing expression after ','/, 'MissingExpressionAfterToken'],
  [/^Missing expression before ','/, 'MissingExpressionBeforeToken'],
  [/^Missing closing '\)'/, 'MissingEndParenthesisInSubexpression'],
  [/^Missing closing '#>'/, 'MissingEndOfBlockComment'],
  [/^The hash literal was incomplete/, 'IncompleteHashLiteral'],
  [/^Missing '=' operator after key/, 'MissingEqualsInHashLiteral'],
  [/^Missing key before '='/, 'MissingKeyInHashLiteral'],
  [/^Missing statement after '='/, 'MissingStatementInHashLiteral'],
  [/^Duplicate keys/, 'DuplicateKeyInHashLiteral'],
  [/^The '<' operator is reserved/, 'RedirectionNotSupported'],
  [/^Missing an argument at the end/, 'MissingArgument'],
];

const NOT_RECOGNIZED = /^The term '(.*)' is not recognized as the name of a cmdlet/s;

/** A syntax error: nothing ran. */
export function parseErrorRecord(message: string, position: { line: number; column: number; length: number }): ErrorRecordFields {
  const known = PARSE_ERRORS.find(([re]) => re.test(message));
  return {
    category: 'ParserError',
    targetName: '',
    targetType: '',
    activity: '',
    reason: 'ParentContainsErrorRecordException',
    exception: `${SMA}.ParentContainsErrorRecordException`,
    // The lab's own refusals of syntax it does not model ("... not supported in this console") have no PowerShell id.
    fullyQualifiedErrorId: known?.[1] ?? 'ParseError',
    position,
    ...(known ? {} : { unconfirmed: true }),
  };
}

function commandNotFound(name: string, position?: ErrorRecordFields['position']): ErrorRecordFields {
  return {
    category: 'ObjectNotFound',
    targetName: name,
    targetType: 'String',
    activity: '',
    reason: 'CommandNotFoundException',
    exception: `${SMA}.CommandNotFoundException`,
    fullyQualifiedErrorId: 'CommandNotFoundException',
    ...(position ? { position } : {}),
  };
}

/**
 * A binding error of one command (the binder's message), or a command that is not found. `position`:
 * the parameter or argument at fault, as the binder reported it.
 */
export function bindingErrorRecord(message: string, cmdlet: string | undefined, position?: ErrorRecordFields['position']): ErrorRecordFields {
  const notFound = NOT_RECOGNIZED.exec(message);
  if (notFound) return commandNotFound(notFound[1]!, position);
  const runtimeRecord = cmdlet === undefined ? runtimeErrorRecord(message, position) : undefined;
  if (runtimeRecord) return runtimeRecord;
  const sig = cmdlet ? findSignature(cmdlet) : undefined;
  const activity = sig?.name ?? cmdlet ?? '';
  const kind = BINDING_ERRORS.find(([re]) => re.test(message))?.[1] ?? { ...binding('ParameterBindingFailed'), unconfirmed: true };
  return {
    category: kind.category,
    targetName: '',
    targetType: '',
    activity,
    reason: kind.reason,
    exception: kind.exception,
    fullyQualifiedErrorId: `${kind.id},${sig ? implementationName(sig) : activity}`,
    ...(position ? { position } : {}),
    ...(kind.unconfirmed ? { unconfirmed: true } : {}),
  };
}

/** The value the error is about: the named parameter's value, or the quoted name in Hyper-V's message. */
function targetOf(error: ContractError, params: BoundParams): { name: string; type: string } {
  const value = error.parameter !== undefined ? params[error.parameter] : undefined;
  const quoted = /(?:name|named|with the name|with ID) "([^"]+)"/i.exec(error.message)?.[1] ?? /'([^']+)'/.exec(error.message)?.[1];
  if (Array.isArray(value)) {
    const mentioned = (value as unknown[]).find((v) => (typeof v === 'string' || typeof v === 'number') && error.message.includes(`"${String(v)}"`));
    const one = mentioned ?? (value.length === 1 ? value[0] : undefined);
    if (one !== undefined) return { name: String(one), type: typeof one === 'number' ? 'Int32' : 'String' };
  }
  if (typeof value === 'string') return { name: value, type: 'String' };
  if (typeof value === 'number') return { name: String(value), type: 'Int32' };
  return quoted ? { name: quoted, type: 'String' } : { name: '', type: '' };
}

const STATE_WORDS = /\b(state|running|paused|saved|turned off|while|in progress|is being|already)\b/i;

/** A refusal by a Hyper-V cmdlet: VirtualizationInvalidArgumentException / ...InvalidStateException / ...OperationFailedException. */
function hyperVKind(error: ContractError): Kind {
  const ns = 'Microsoft.HyperV.PowerShell';
  // Get-VM NoSuchVM: InvalidArgument: (NoSuchVM:String) [Get-VM], VirtualizationInvalidArgumentException /
  // InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMCommand (as 2012 R2 prints it).
  if (error.code === 'NotFound' || error.code === 'InvalidParameter' || error.code === 'InvalidRequest') {
    return {
      category: 'InvalidArgument',
      reason: 'VirtualizationInvalidArgumentException',
      exception: `${ns}.VirtualizationInvalidArgumentException`,
      id: 'InvalidParameter',
      ...(error.code === 'NotFound' ? {} : { unconfirmed: true }),
    };
  }
  // A VM in the wrong state (Remove-VM of a running VM, Set-VMProcessor while running): *unconfirmed*.
  if (STATE_WORDS.test(error.message)) {
    return {
      category: 'InvalidOperation',
      reason: 'VirtualizationInvalidStateException',
      exception: `${ns}.VirtualizationInvalidStateException`,
      id: 'InvalidState',
      unconfirmed: true,
    };
  }
  // A failed operation (Move-VM's "Virtual machine migration operation failed at migration Source"):
  // NotSpecified: (:) [Move-VM], VirtualizationOperationFailedException / OperationFailed,...MoveVMCommand.
  return {
    category: 'NotSpecified',
    reason: 'VirtualizationOperationFailedException',
    exception: `${ns}.VirtualizationOperationFailedException`,
    id: 'OperationFailed',
  };
}

/** A refusal by a CDXML (CIM) function: Get-NetAdapter foo is ObjectNotFound ... CimJobException / CmdletizationQuery_NotFound_Name. */
function cimKind(error: ContractError): Kind {
  if (error.code === 'NotFound') {
    return {
      category: 'ObjectNotFound',
      reason: 'CimJobException',
      exception: 'Microsoft.PowerShell.Cmdletization.Cim.CimJobException',
      id: `CmdletizationQuery_NotFound_${error.parameter ?? 'Name'}`,
    };
  }
  return {
    category: error.code === 'CommandRefused' ? 'InvalidOperation' : 'InvalidArgument',
    reason: 'CimException',
    exception: 'Microsoft.Management.Infrastructure.CimException',
    id: error.code === 'CommandRefused' ? 'Windows System Error 1' : 'Windows System Error 87',
    unconfirmed: true,
  };
}

/** A refusal by one of PowerShell's own cmdlets (the job cmdlets): Get-Job -Id 99 is JobWithSpecifiedSessionNotFound. */
function coreKind(error: ContractError): Kind {
  if (error.code === 'NotFound') {
    const byName = error.parameter === 'Name';
    return {
      category: 'ObjectNotFound',
      reason: 'PSArgumentException',
      exception: `${SMA}.PSArgumentException`,
      id: byName ? 'JobWithSpecifiedNameNotFound' : 'JobWithSpecifiedSessionNotFound',
    };
  }
  return {
    category: 'InvalidOperation',
    reason: 'PSInvalidOperationException',
    exception: `${SMA}.PSInvalidOperationException`,
    id: 'InvalidOperation',
    unconfirmed: true,
  };
}

/**
 * Refusals of PowerShell's own cmdlets that are not the job cmdlets': Get-Help of an unknown topic is
 * ResourceUnavailable ... HelpNotFoundException / HelpNotFound (PowerShell 4.0); Get-Command of an
 * unknown name is ObjectNotFound ... CommandNotFoundException.
 */
const CORE_REFUSALS: Record<string, Partial<Record<ContractError['code'], Kind>>> = {
  'Get-Help': {
    NotFound: { category: 'ResourceUnavailable', reason: 'HelpNotFoundException', exception: `${SMA}.HelpNotFoundException`, id: 'HelpNotFound' },
    InvalidParameter: {
      category: 'InvalidArgument',
      reason: 'PSArgumentException',
      exception: `${SMA}.PSArgumentException`,
      id: 'NoParmsFound',
      unconfirmed: true,
    },
  },
  'Get-Command': {
    NotFound: { category: 'ObjectNotFound', reason: 'CommandNotFoundException', exception: `${SMA}.CommandNotFoundException`, id: 'CommandNotFoundException' },
  },
};

/** The record of an error `engine.invoke` returned for one command. */
export function commandErrorRecord(cmdlet: string, params: BoundParams, error: ContractError): ErrorRecordFields {
  const sig = findSignature(cmdlet);
  const name = sig?.name ?? cmdlet;
  const special = CORE_REFUSALS[name]?.[error.code];
  if (!special && (NOT_RECOGNIZED.test(error.message) || BINDING_ERRORS.some(([re]) => re.test(error.message))))
    return bindingErrorRecord(error.message, cmdlet);
  const module = moduleOf(name);
  const kind = special ?? (module === 'Hyper-V' ? hyperVKind(error) : isFunctionModule(module) ? cimKind(error) : coreKind(error));
  // Hyper-V's state and operation failures name no target object ("(:)"); its argument errors and
  // every not-found error name the value at fault.
  const target =
    kind.category === 'NotSpecified' || kind.category === 'InvalidOperation' || kind.category === 'ResourceUnavailable'
      ? { name: '', type: '' }
      : targetOf(error, params);
  return {
    category: kind.category,
    targetName: target.name,
    targetType: target.type,
    activity: name,
    reason: kind.reason,
    exception: kind.exception,
    fullyQualifiedErrorId: isFunctionModule(module) ? `${kind.id},${name}` : `${kind.id},${implementationName({ name })}`,
    ...(kind.unconfirmed ? { unconfirmed: true } : {}),
  };
}

/** What the parser reported, as a record: a syntax error (nothing ran) or one statement's binding error. */
export function parseErrorRecordOf(
  e: { message: string; line: number; column: number; span: { length: number }; command?: string },
  kind: 'syntax' | 'binding',
): ErrorRecordFields {
  if (kind === 'syntax') return parseErrorRecord(e.message, { line: e.line, column: e.column, length: 1 });
  return bindingErrorRecord(e.message, e.command, { line: e.line, column: e.column, length: Math.max(1, e.span.length) });
}

/**
 * A command that had to ask where nobody can answer (powershell.exe -NonInteractive): InvalidOperation:
 * (:) [Remove-VM], PSInvalidOperationException / InvalidOperation,<the command's class>.
 */
export function nonInteractiveRecord(cmdlet: string): ErrorRecordFields {
  const name = findSignature(cmdlet)?.name ?? cmdlet;
  const module = moduleOf(name);
  return {
    category: 'InvalidOperation',
    targetName: '',
    targetType: '',
    activity: name,
    reason: 'PSInvalidOperationException',
    exception: `${SMA}.PSInvalidOperationException`,
    fullyQualifiedErrorId: `InvalidOperation,${isFunctionModule(module) ? name : implementationName({ name })}`,
  };
}
