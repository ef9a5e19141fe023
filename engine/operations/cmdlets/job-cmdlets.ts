// Get-Job, Stop-Job and Wait-Job over the move jobs (Microsoft.PowerShell.Core semantics as far as
// the lab models them, catalog/jobs.ts). Get-Job without a selector lists the jobs started with
// -AsJob, as PowerShell lists only background jobs; by -Id or -Name it finds any move job (the
// Jobs pane shows every move, and a learner may want to stop one started without -AsJob).
// Stop-Job cancels: the move rolls back if it is still in Setup or data transfer, else the
// refusal says why. Wait-Job waits in simulated time: it runs the simulation forward until the
// jobs end (or -Timeout seconds pass), as PowerShell blocks.
import { CommandRefusal } from '../../errors';
import type { CmdletContext, CmdletDefinition } from '../../cmdlets/definition';
import type { BoundParams } from '../../cmdlets/signature';
import { getJobSignature, stopJobSignature, waitJobSignature } from '../../cmdlets/catalog/jobs';
import { hasWildcard, wildcardMatch } from '../../cmdlets/wildcard';
import type { Job } from '../../model/jobs';
import { PS_STATE } from '../operations';
import { jobName, jobRow, operationsOf } from './common';

function numbers(v: BoundParams[string] | undefined): number[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(Number);
}

function strings(v: BoundParams[string] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

/** The jobs named by -Id / -Name; PowerShell's errors for ids and names that match none. */
function selectJobs(ctx: CmdletContext, params: BoundParams, cmdlet: string): Job[] {
  const ops = operationsOf(ctx);
  const ids = numbers(params.Id);
  const names = strings(params.Name);
  const out: Job[] = [];
  const add = (j: Job): void => {
    if (!out.includes(j)) out.push(j);
  };
  for (const id of ids) {
    const j = ops.job(String(id));
    if (!j) {
      throw new CommandRefusal(
        `${cmdlet} : The command cannot find a job with the job ID ${id}. Verify the value of the ID parameter and then try the command again.`,
        { parameter: 'Id', code: 'NotFound', fix: 'Get-Job lists the jobs of this session.' },
      );
    }
    add(j);
  }
  for (const name of names) {
    const matches = ctx.operations!.allJobs().filter((j) => wildcardMatch(name, jobName(j)));
    if (matches.length === 0 && !hasWildcard(name)) {
      throw new CommandRefusal(
        `${cmdlet} : The command cannot find the job because the job name ${name} was not found. Verify the value of the Name parameter, and then try the command again.`,
        { parameter: 'Name', code: 'NotFound' },
      );
    }
    matches.forEach(add);
  }
  return out;
}

export const getJob: CmdletDefinition = {
  signature: getJobSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    ops.refresh();
    let jobs: Job[];
    if (params.Id !== undefined || params.Name !== undefined) jobs = selectJobs(ctx, params, 'Get-Job');
    else jobs = ops.allJobs().filter((j) => /(^|\s)-AsJob(\s|$)/.test(j.commandText));
    if (typeof params.State === 'string') jobs = jobs.filter((j) => PS_STATE[j.state] === params.State);
    return { output: jobs.map(jobRow) };
  },
};

export const stopJob: CmdletDefinition = {
  signature: stopJobSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const jobs = selectJobs(ctx, params, 'Stop-Job');
    for (const job of jobs) {
      const r = ops.cancel(job.id);
      if (!r.ok)
        throw new CommandRefusal(`Stop-Job : ${r.message}`, {
          parameter: params.Id !== undefined ? 'Id' : 'Name',
          fix: 'Wait for the move to finish (Wait-Job); it can no longer be rolled back.',
        });
    }
    return { output: params.PassThru === true ? jobs.map(jobRow) : [] };
  },
};

export const waitJob: CmdletDefinition = {
  signature: waitJobSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const jobs = selectJobs(ctx, params, 'Wait-Job');
    const timeout = typeof params.Timeout === 'number' && params.Timeout >= 0 ? params.Timeout * 1000 : undefined;
    ops.waitFor(
      jobs.map((j) => j.id),
      { any: params.Any === true, ...(timeout !== undefined ? { timeoutMs: timeout } : {}) },
    );
    ops.refresh();
    // PowerShell writes the jobs that finished (with -Any, the first of them).
    const finished = jobs.filter((j) => j.state !== 'Queued' && j.state !== 'Running');
    return { output: (params.Any === true ? finished.slice(0, 1) : finished.length === jobs.length ? finished : []).map(jobRow) };
  },
};
