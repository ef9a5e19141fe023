// Signatures of the job cmdlets (Microsoft.PowerShell.Core) as the lab uses them for -AsJob moves.
// Only the -Id and -Name sets are modelled (not -InstanceId, -Command, -Filter or Job objects);
// Get-Job also keeps -State. Default set: SessionIdParameterSet, as in PowerShell.
import { defineCmdlet, type NamedParameter } from '../signature';

const bySessionId = ['SessionIdParameterSet'];
const byName = ['NameParameterSet'];
const byState = ['StateParameterSet'];

export const jobStates = ['NotStarted', 'Running', 'Completed', 'Failed', 'Stopped', 'Blocked', 'Suspended', 'Disconnected', 'Suspending', 'Stopping'] as const;

function selectors(mandatory: boolean): readonly [NamedParameter<'Id', 'Int[]'>, NamedParameter<'Name', 'String[]'>] {
  return [
    {
      name: 'Id',
      type: 'Int[]',
      typeName: 'System.Int32',
      position: 0,
      sets: bySessionId,
      ...(mandatory ? { mandatoryIn: bySessionId } : {}),
      fromPipeline: 'Job',
      help: 'Job ids.',
    },
    {
      name: 'Name',
      type: 'String[]',
      position: 0,
      sets: byName,
      ...(mandatory ? { mandatoryIn: byName } : {}),
      fromPipeline: 'Job',
      help: 'Job names; wildcards allowed.',
    },
  ];
}

export const getJobSignature = defineCmdlet({
  name: 'Get-Job',
  synopsis: 'Gets the background jobs of this session (moves started with -AsJob).',
  aliases: ['gjb'],
  defaultSet: 'SessionIdParameterSet',
  parameters: [
    ...selectors(false),
    {
      name: 'State',
      type: 'Enum',
      values: jobStates,
      typeName: 'System.Management.Automation.JobState',
      sets: byState,
      mandatoryIn: byState,
      help: 'Only jobs in this state.',
    },
  ],
});

export const stopJobSignature = defineCmdlet({
  name: 'Stop-Job',
  synopsis: 'Stops (cancels) a background job.',
  aliases: ['spjb'],
  defaultSet: 'SessionIdParameterSet',
  parameters: [...selectors(true), { name: 'PassThru', type: 'Switch', help: 'Writes the stopped job to the pipeline.' }],
});

export const waitJobSignature = defineCmdlet({
  name: 'Wait-Job',
  synopsis: 'Waits (in simulated time) until background jobs finish.',
  aliases: ['wjb'],
  defaultSet: 'SessionIdParameterSet',
  parameters: [
    ...selectors(true),
    { name: 'Any', type: 'Switch', help: 'Returns when any one of the jobs finishes.' },
    { name: 'Timeout', type: 'Int', typeName: 'System.Int32', min: -1, aliases: ['TimeoutSec'], help: 'Seconds to wait; -1 (default) waits for ever.' },
  ],
});
