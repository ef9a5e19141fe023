// The command language, for the doors and the operations layer:
//   parseScript(text)       PowerShell text → command objects { cmdlet, params } (+ span), or an error
//   formatCommand(command)  command object → canonical PowerShell text
//   complete(text, cursor)  tab completion for the console
//   findSignature / allSignatures   the registry: every cmdlet's signature (handlers: engine/command-table.ts)
export { parseScript, type ParseResult, type ParsedCommand, type ParseError } from './parse';
export { formatCommand, formatScript } from './format';
export { complete, type Completion } from './complete';
export { findSignature, allSignatures } from './registry';
export type { BoundParams, CmdletSignature, ParameterSpec, ParamValue } from './signature';
export { paramsSchema } from './params-schema';
export type { SourceSpan } from './source-text';
