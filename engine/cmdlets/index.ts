// The command language, for the doors and the operations layer:
//   parseScript(text)       PowerShell text → command objects { cmdlet, params } (+ span), or an error
//   formatCommand(command)  command object → canonical PowerShell text
//   complete(text, cursor)  tab completion for the console
//   findCmdlet / allCmdlets the registry: every cmdlet's signature and handler
export { parseScript, type ParseResult, type ParsedCommand, type ParseError } from './parse';
export { formatCommand, formatScript, formatBytes } from './format';
export { complete, type Completion } from './complete';
export { findCmdlet, allCmdlets } from './registry';
export { paramsSchema, type BoundParams, type CmdletSignature, type ParameterSpec, type ParamValue } from './signature';
export type { SourceSpan } from './source-text';
