// Signatures of PowerShell's discovery cmdlets (Microsoft.PowerShell.Core, Windows PowerShell 4.0):
// Get-Help [[-Name] <String>] with one view switch (-Detailed, -Full, -Examples) or -Parameter;
// Get-Command [[-Name] <String[]>] | -Verb / -Noun, both with -Module. `help` and `man` are the
// help function's name and alias on 2012 R2; `gcm` is Get-Command's alias (about_Aliases).
import { defineCmdlet } from '../signature';

const views = ['AllUsersView', 'DetailedView', 'Examples', 'Parameters', 'FullView'] as const;

export const getHelpSignature = defineCmdlet({
  name: 'Get-Help',
  synopsis: 'Displays information about the cmdlets of this console: their syntax, parameters and examples.',
  aliases: ['help', 'man'],
  defaultSet: 'AllUsersView',
  parameters: [
    { name: 'Name', type: 'String', position: 0, sets: views, help: 'The cmdlet to describe; wildcards list the matching cmdlets.' },
    { name: 'Detailed', type: 'Switch', sets: ['DetailedView'], mandatoryIn: ['DetailedView'], help: 'Adds the parameter descriptions and the examples.' },
    {
      name: 'Full',
      type: 'Switch',
      sets: ['FullView'],
      mandatoryIn: ['FullView'],
      help: "Shows the whole help topic: each parameter's attributes, inputs, outputs and notes too.",
    },
    { name: 'Examples', type: 'Switch', sets: ['Examples'], mandatoryIn: ['Examples'], help: 'Shows only the name, synopsis and examples.' },
    {
      name: 'Parameter',
      type: 'String',
      sets: ['Parameters'],
      mandatoryIn: ['Parameters'],
      help: 'Shows the description of one parameter (wildcards allowed: -Parameter *Path).',
    },
  ],
});

export const getCommandSignature = defineCmdlet({
  name: 'Get-Command',
  synopsis: 'Lists the cmdlets of this console, by name, verb, noun or module.',
  aliases: ['gcm'],
  defaultSet: 'CmdletSet',
  parameters: [
    { name: 'Name', type: 'String[]', position: 0, sets: ['AllCommandSet'], help: 'Names of cmdlets or aliases; wildcards allowed.' },
    { name: 'Verb', type: 'String[]', sets: ['CmdletSet'], help: 'Lists the cmdlets with these verbs (Get, Set, Move...); wildcards allowed.' },
    { name: 'Noun', type: 'String[]', sets: ['CmdletSet'], help: 'Lists the cmdlets with these nouns (VM, NetAdapter...); wildcards allowed.' },
    {
      name: 'Module',
      type: 'String[]',
      help: 'Lists the cmdlets of these modules: Hyper-V, SmbShare, NetAdapter, NetLbfo, NetQos, DcbQos, NetTCPIP, Microsoft.PowerShell.Core; wildcards allowed.',
    },
  ],
});
