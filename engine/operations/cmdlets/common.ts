// What the operations' cmdlet handlers share: the operations from the context, job rows as
// Get-Job writes them, and refusals built from pre-check rows.
import { CommandRefusal } from '../../errors';
import type { CmdletContext } from '../../cmdlets/definition';
import type { Job } from '../../model/jobs';
import type { Incompatibility } from '../prechecks';
import { PS_STATE, type Operations } from '../operations';

export function operationsOf(ctx: CmdletContext): Operations {
  if (!ctx.operations) throw new CommandRefusal('The move operations are not available in this context.', { code: 'Internal' });
  return ctx.operations;
}

/**
 * A job as Get-Job writes it: PowerShell's columns (Id, Name, PSJobTypeName, State, HasMoreData,
 * Location, Command) and the lab's progress figures. PSJobTypeName for Hyper-V's -AsJob jobs is
 * unconfirmed; 'BackgroundJob' is what Start-Job shows.
 */
export function jobRow(job: Job) {
  return {
    Id: Number(job.id),
    Name: jobName(job),
    PSJobTypeName: 'BackgroundJob',
    State: PS_STATE[job.state],
    HasMoreData: false,
    Location: job.source ?? '',
    Command: job.commandText,
    VMName: job.vmName ?? '',
    Destination: job.destination ?? '',
    PercentComplete: Math.round(job.percent),
    Stage: job.stages.find((s) => s.status === 'Running')?.name ?? '',
    ...(job.queuePosition !== undefined ? { QueuePosition: job.queuePosition } : {}),
    ...(job.error ? { Error: job.error.message } : {}),
  };
}

export function jobName(job: Job): string {
  return `Job${job.id}`;
}

/** The refusal of a move whose pre-checks found errors: the first row, and how many more there are. */
export function precheckRefusal(errors: readonly Incompatibility[], more: string): CommandRefusal {
  const first = errors[0]!;
  const rest = errors.length - 1;
  const fix = rest > 0 ? `${first.fix} (${rest} more problem${rest === 1 ? '' : 's'}: ${more})` : first.fix;
  return new CommandRefusal(first.message, {
    ...(first.parameter ? { parameter: first.parameter } : {}),
    ...(fix ? { fix } : {}),
    ...(first.guiFix ? { guiFix: first.guiFix } : {}),
    ...(first.messageId !== undefined ? { messageId: first.messageId } : {}),
    code: first.check === 'vm-not-found' || first.check === 'computer-unreachable' ? 'NotFound' : 'CommandRefused',
  });
}
