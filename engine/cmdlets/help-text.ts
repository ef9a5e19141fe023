// Get-Help's text, laid out as Windows PowerShell 4.0 prints a cmdlet's help topic (Microsoft
// Learn "Get-Help" for PowerShell 4.0, "about_Command_Syntax"): NAME, SYNOPSIS, SYNTAX (one line
// per parameter set, generated from the signature), DESCRIPTION, PARAMETERS, EXAMPLES, REMARKS.
// The text of each topic is the lab's own: the signature's synopsis and per-parameter help, and
// the descriptions and examples of cmdlet-help.ts.
import type { CmdletSignature, ParameterSpec } from './signature';
import { dotNetTypeName, shouldProcess } from './signature';
import { inSet, isMandatoryIn, setNames, ALL_SETS } from './parameter-sets';
import { helpTopicOf } from './cmdlet-help';

export type HelpView = 'default' | 'detailed' | 'full' | 'examples';

/** `System.String[]` → `String[]`; the CimSession type keeps its short name too. */
function shortType(p: ParameterSpec): string {
  const full = dotNetTypeName(p);
  return full.slice(full.lastIndexOf('.') + 1);
}

function enumSuffix(p: ParameterSpec): string {
  return p.values?.length ? ` {${p.values.join(' | ')}}` : '';
}

/** One parameter as the syntax line writes it: `[-Name] <String[]>`, `[-AsJob]`, `[[-Name] <String>]`, `-Path <String>`. */
function syntaxOf(p: ParameterSpec, set: string): string {
  const mandatory = isMandatoryIn(p, set);
  if (p.type === 'Switch') return mandatory ? `-${p.name}` : `[-${p.name}]`;
  const name = p.position !== undefined ? `[-${p.name}]` : `-${p.name}`;
  const text = `${name} <${shortType(p)}>${enumSuffix(p)}`;
  return mandatory ? text : `[${text}]`;
}

/** Positional parameters by position, then the named ones as declared; -WhatIf/-Confirm and <CommonParameters> last. */
export function syntaxLines(sig: CmdletSignature): string[] {
  return setNames(sig).map((set) => {
    const inThis = sig.parameters.filter((p) => inSet(p, set));
    const positional = inThis.filter((p) => p.position !== undefined && p.type !== 'Switch').sort((a, b) => a.position! - b.position!);
    const named = inThis.filter((p) => !positional.includes(p));
    const parts = [...positional, ...named].map((p) => syntaxOf(p, set));
    if (shouldProcess(sig)) parts.push('[-WhatIf]', '[-Confirm]');
    parts.push('[<CommonParameters>]');
    return `${sig.name} ${parts.join(' ')}`;
  });
}

/** The parameter's attributes, as -Full and -Parameter list them. */
function attributes(sig: CmdletSignature, p: ParameterSpec): string[] {
  const sets = setNames(sig).filter((s) => inSet(p, s));
  const required = sets.some((s) => isMandatoryIn(p, s));
  const pipeline = p.fromPipeline ? `true (ByValue, ByPropertyName)` : 'false';
  const wildcards = /wildcard/i.test(p.help ?? '') ? 'true' : 'false';
  return [
    `Required?                    ${required}`,
    `Position?                    ${p.position !== undefined ? p.position + 1 : 'named'}`,
    `Default value`,
    `Accept pipeline input?       ${pipeline}`,
    `Accept wildcard characters?  ${wildcards}`,
    ...(p.aliases?.length ? [`Aliases                      ${p.aliases.join(', ')}`] : []),
    ...(sets.length < setNames(sig).length && sets[0] !== ALL_SETS ? [`Parameter set name           ${sets.join(', ')}`] : []),
  ];
}

function parameterBlock(sig: CmdletSignature, p: ParameterSpec, withAttributes: boolean): string[] {
  const head = p.type === 'Switch' ? `-${p.name} [<SwitchParameter>]` : `-${p.name} <${shortType(p)}>${enumSuffix(p)}`;
  const lines = [`    ${head}`, `        ${p.help ?? ''}`];
  if (withAttributes) lines.push('', ...attributes(sig, p).map((a) => `        ${a}`));
  lines.push('');
  return lines;
}

function commonParametersBlock(sig: CmdletSignature): string[] {
  const lines: string[] = [];
  if (shouldProcess(sig)) {
    lines.push('    -WhatIf [<SwitchParameter>]', '        Shows what the cmdlet would do, without doing it.', '');
    lines.push('    -Confirm [<SwitchParameter>]', '        Asks for confirmation before the cmdlet changes anything.', '');
  }
  lines.push(
    '    <CommonParameters>',
    '        This cmdlet supports the common parameters: Verbose, Debug,',
    '        ErrorAction, ErrorVariable, WarningAction, WarningVariable,',
    '        OutBuffer, PipelineVariable, and OutVariable. For more information, see',
    '        about_CommonParameters (http://go.microsoft.com/fwlink/?LinkID=113216).',
    '',
  );
  return lines;
}

function examplesBlock(sig: CmdletSignature): string[] {
  const lines: string[] = [];
  helpTopicOf(sig).examples.forEach((e, i) => {
    lines.push(`    -------------------------- EXAMPLE ${i + 1} --------------------------`, '', `    PS C:\\>${e.code}`, '', '', `    ${e.remarks}`, '', '');
  });
  return lines;
}

function remarks(sig: CmdletSignature): string[] {
  const n = sig.name;
  return [
    'REMARKS',
    `    To see the examples, type: "get-help ${n} -examples".`,
    `    For more information, type: "get-help ${n} -detailed".`,
    `    For technical information, type: "get-help ${n} -full".`,
  ];
}

/** The help topic of one cmdlet in one of Get-Help's views. */
export function helpText(sig: CmdletSignature, view: HelpView): string {
  const topic = helpTopicOf(sig);
  const out: string[] = ['', 'NAME', `    ${sig.name}`, '', 'SYNOPSIS', `    ${sig.synopsis}`, ''];
  if (view === 'examples') return [...out, ...examplesBlock(sig)].join('\n');
  out.push('', 'SYNTAX', ...syntaxLines(sig).flatMap((l) => [`    ${l}`, '']), '', 'DESCRIPTION', `    ${topic.description}`, '');
  if (view === 'detailed' || view === 'full') {
    out.push('', 'PARAMETERS');
    for (const p of sig.parameters) out.push(...parameterBlock(sig, p, view === 'full'));
    out.push(...commonParametersBlock(sig));
  }
  if (view === 'full') {
    out.push('INPUTS', `    ${topic.inputs ?? 'None'}`, '', '', 'OUTPUTS', `    ${topic.outputs ?? 'None'}`, '', '');
  }
  if (view === 'detailed' || view === 'full') out.push(...examplesBlock(sig));
  out.push(...remarks(sig), '');
  return out.join('\n');
}

/** `Get-Help Move-VM -Parameter Dest*`: the matching parameters' blocks with their attributes. */
export function parameterHelpText(sig: CmdletSignature, parameters: readonly ParameterSpec[]): string {
  return ['', ...parameters.flatMap((p) => parameterBlock(sig, p, true))].join('\n');
}
