// Get-Help and Get-Command over the catalog: what a learner uses to find a cmdlet and read how to
// call it. They read the registry only; nothing in the world changes.
import type { CmdletDefinition } from './definition';
import type { CmdletSignature } from './signature';
import { allSignatures, findSignature } from './registry';
import { getCommandSignature, getHelpSignature } from './catalog/help';
import { helpText, parameterHelpText, type HelpView } from './help-text';
import { hasWildcard, wildcardMatcher } from './wildcard';
import { isFunctionModule, moduleOf } from './modules';
import { CommandRefusal } from '../errors';

/**
 * Windows PowerShell 4.0's words when no topic matches (Microsoft Learn "Get-Help", HelpNotFound):
 * there is no Update-Help in an offline lab, so the sentence about it is left out.
 */
export const helpMessages = {
  notFound: (name: string) => `Get-Help could not find ${name} in a help file in this session.`,
  noParameter: (pattern: string) => `No parameter matches criteria ${pattern}.`,
};

const INTRO = [
  '',
  'TOPIC',
  '    Help in this console',
  '',
  'SHORT DESCRIPTION',
  '    Displays help about the cmdlets of this console.',
  '',
  'LONG DESCRIPTION',
  '    Get-Help <cmdlet> shows the help topic of a cmdlet: its syntax, generated from its',
  '    parameter sets, and its description. Get-Command lists the cmdlets.',
  '',
  '    Examples:',
  '      Get-Help Move-VM               : Shows the help topic of Move-VM.',
  '      Get-Help Move-VM -Examples     : Shows its examples only.',
  '      Get-Help Move-VM -Detailed     : Adds the description of each parameter and the examples.',
  '      Get-Help Move-VM -Full         : Everything, with the attributes of each parameter.',
  '      Get-Help Move-VM -Parameter *  : Describes its parameters.',
  '      Get-Help *-VM*                 : Lists the cmdlets whose names match.',
  '      Get-Command -Module Hyper-V    : Lists the Hyper-V cmdlets.',
  '',
].join('\n');

function viewOf(params: Record<string, unknown>): HelpView {
  if (params.Full === true) return 'full';
  if (params.Detailed === true) return 'detailed';
  if (params.Examples === true) return 'examples';
  return 'default';
}

/** `Get-Help *-VM`: one row per matching cmdlet, as Get-Help lists several topics. */
function topicRows(signatures: readonly CmdletSignature[]) {
  return signatures.map((s) => ({
    Name: s.name,
    Category: isFunctionModule(moduleOf(s.name)) ? 'Function' : 'Cmdlet',
    Module: moduleOf(s.name),
    Synopsis: s.synopsis,
  }));
}

export const getHelp: CmdletDefinition = {
  signature: getHelpSignature,
  run(_ctx, params) {
    const name = typeof params.Name === 'string' ? params.Name : undefined;
    if (name === undefined) return { output: [INTRO] };
    const exact = hasWildcard(name) ? undefined : findSignature(name);
    if (!exact) {
      const matches = wildcardMatcher(name);
      const found = allSignatures().filter((s) => matches(s.name));
      if (found.length === 1) return helpOf(found[0]!, params);
      if (found.length === 0)
        throw new CommandRefusal(helpMessages.notFound(name), { parameter: 'Name', code: 'NotFound', fix: 'Get-Command lists the cmdlets of this console.' });
      return { output: topicRows(found) };
    }
    return helpOf(exact, params);
  },
};

function helpOf(sig: CmdletSignature, params: Record<string, unknown>) {
  if (typeof params.Parameter === 'string') {
    const matches = wildcardMatcher(params.Parameter);
    const found = sig.parameters.filter((p) => matches(p.name));
    if (found.length === 0) throw new CommandRefusal(helpMessages.noParameter(params.Parameter), { parameter: 'Parameter', code: 'InvalidParameter' });
    return { output: [parameterHelpText(sig, found)] };
  }
  return { output: [helpText(sig, viewOf(params))] };
}

/** PowerShell's CommandTypes enum order (Alias, Function, Filter, Cmdlet): Get-Command lists by type, then by name. */
const TYPE_ORDER = { Function: 2, Cmdlet: 8 } as const;

const anyMatch = (patterns: unknown, text: string): boolean => !Array.isArray(patterns) || (patterns as string[]).some((p) => wildcardMatcher(p)(text));

export const getCommand: CmdletDefinition = {
  signature: getCommandSignature,
  run(_ctx, params) {
    const names = Array.isArray(params.Name) ? (params.Name as string[]) : undefined;
    for (const n of names ?? []) {
      if (!hasWildcard(n) && !findSignature(n)) {
        throw new CommandRefusal(`The term '${n}' is not recognized as the name of a cmdlet, function, script file, or operable program.`, {
          parameter: 'Name',
          code: 'NotFound',
        });
      }
    }
    const rows = allSignatures()
      .filter((s) => {
        const dash = s.name.indexOf('-');
        const verb = s.name.slice(0, dash);
        const noun = s.name.slice(dash + 1);
        const aliasesAndName = [s.name, ...(s.aliases ?? [])];
        return (
          (!names || aliasesAndName.some((n) => anyMatch(names, n))) &&
          anyMatch(params.Verb, verb) &&
          anyMatch(params.Noun, noun) &&
          anyMatch(params.Module, moduleOf(s.name))
        );
      })
      .map((s) => {
        const module = moduleOf(s.name);
        return { CommandType: isFunctionModule(module) ? ('Function' as const) : ('Cmdlet' as const), Name: s.name, ModuleName: module };
      })
      .sort((a, b) => TYPE_ORDER[a.CommandType] - TYPE_ORDER[b.CommandType] || a.Name.localeCompare(b.Name, 'en'));
    return { output: rows };
  },
};
