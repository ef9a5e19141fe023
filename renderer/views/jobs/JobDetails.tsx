// The selected job in detail: its command, where it goes, its figures, the table of its stages,
// the pre-copy passes of a live migration (and why its percentage can go back), the channels and
// adapters it uses, the destination files it is writing and what happened along the way.
import { observer } from 'mobx-react-lite';
import { Button } from '@fluentui/react-components';
import { InfoRegular } from '@fluentui/react-icons';
import type { Job } from '../../../engine/model/jobs';
import { timeSpanText } from '../../../engine/common/time-span';
import { byteSizeText } from '../../../engine/common/byte-size';
import { isActive } from '../../stores/job-list';
import { useRoot } from '../app/root-context';
import { confirmCancelJob } from './cancel-job';
import { currentPass, downtimeText, durationShort, elapsedMs, endpointText, jobRate, jobTitle, rateText, routeText, stateText } from './job-format';
import { ProgressBar, StateIcon } from './JobParts';

/** Hyper-V 2012 R2 stops pre-copy after at most this many passes (Clark et al., "Live Migration of Virtual Machines", NSDI 2005; Liu et al., HPDC 2011). */
const HYPERV_PASS_LIMIT = 5;

export const JobDetails = observer(function JobDetails({ jobId }: { jobId: string | undefined }) {
  const root = useRoot();
  const job = jobId ? root.jobs.get(jobId) : undefined;
  if (!job) {
    return (
      <section className="hv-job-details" aria-label="Job details" data-testid="job-details">
        <div className="hv-empty">Select a job to see its stages, rate and passes.</div>
      </section>
    );
  }
  return <Details job={job} />;
});

const Details = observer(function Details({ job }: { job: Job }) {
  const root = useRoot();
  const now = root.clock.now;
  const active = isActive(job);
  const pass = currentPass(job);
  const lm = job.kind === 'LiveMigration';
  return (
    <section className="hv-job-details" aria-label={`Details of ${jobTitle(job)}`} data-testid="job-details" data-job={job.id}>
      <div className="hv-job-details-head">
        <StateIcon state={job.state} />
        <h3>
          {jobTitle(job)} — {job.cmdlet}
          {job.vmName ? ` ${job.vmName}` : ''}
        </h3>
        {active && (
          <Button
            size="small"
            onClick={() => confirmCancelJob(root, job)}
            data-testid="job-details-cancel"
            title={job.cancellable ? 'Stop-Job: roll the move back' : 'This move is past the point where it can roll back; the engine will refuse.'}
          >
            Cancel Job...
          </Button>
        )}
      </div>
      <pre className="hv-command-text" aria-label="PowerShell command">
        {job.commandText}
      </pre>
      {job.error && (
        <div className="hv-job-error" role="alert" data-testid="job-error">
          {job.error.message}
          {job.error.id !== undefined ? ` (event ${job.error.id})` : ''}
        </div>
      )}
      <dl className="hv-props hv-job-props">
        <dt>State:</dt>
        <dd data-testid="job-details-state">{stateText(job)}</dd>
        <dt>Progress:</dt>
        <dd>
          <ProgressBar percent={Math.max(0, Math.min(100, job.percent))} label={`${jobTitle(job)} progress`} state={job.state} />
        </dd>
        {job.vmName && (
          <>
            <dt>Virtual machine:</dt>
            <dd>{job.vmName}</dd>
          </>
        )}
        {routeText(job) && (
          <>
            <dt>From → to:</dt>
            <dd>{routeText(job)}</dd>
          </>
        )}
        {job.state === 'Queued' && job.queuePosition !== undefined && (
          <>
            <dt>Queue position:</dt>
            <dd>
              {job.queuePosition} (waits for a free slot under the host's simultaneous {lm ? 'live' : 'storage'} migrations limit)
            </dd>
          </>
        )}
        {job.state === 'Running' && (
          <>
            <dt>Rate:</dt>
            <dd>{rateText(jobRate(job), job.kind) || '—'}</dd>
            <dt>Time left:</dt>
            <dd>{durationShort(job.etaMs) || '—'}</dd>
          </>
        )}
        <dt>Elapsed:</dt>
        <dd>{durationShort(elapsedMs(job, now)) || '—'}</dd>
        {lm && pass !== undefined && (
          <>
            <dt>Pre-copy pass:</dt>
            <dd data-testid="job-pass">
              {pass} (Hyper-V stops after at most {HYPERV_PASS_LIMIT})
            </dd>
          </>
        )}
        {lm && job.expectedDowntimeMs !== undefined && job.measuredDowntimeMs === undefined && (
          <>
            <dt>Expected downtime:</dt>
            <dd>{downtimeText(job.expectedDowntimeMs)}</dd>
          </>
        )}
        {lm && job.measuredDowntimeMs !== undefined && (
          <>
            <dt>Measured downtime:</dt>
            <dd data-testid="job-downtime">{downtimeText(job.measuredDowntimeMs)} (blackout)</dd>
          </>
        )}
        {job.transport && (
          <>
            <dt>Transport:</dt>
            <dd data-testid="job-transport">{job.transport}</dd>
          </>
        )}
        {job.channels.length > 0 && (
          <>
            <dt>Channels:</dt>
            <dd data-testid="job-channels">
              <ul className="hv-plain-list">
                {job.channels.map((c, i) => (
                  <li key={i}>
                    {endpointText(c.client)} → {endpointText(c.server)} · {c.rdma ? 'RDMA (SMB Direct)' : 'TCP'} · {c.connections} connection
                    {c.connections === 1 ? '' : 's'}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {job.nics.length > 0 && (
          <>
            <dt>Adapters:</dt>
            <dd>{job.nics.map(endpointText).join(', ')}</dd>
          </>
        )}
        <dt>Created:</dt>
        <dd>{timeSpanText(job.createdAt)} (simulated time)</dd>
        {job.startedAt !== undefined && (
          <>
            <dt>Started:</dt>
            <dd>{timeSpanText(job.startedAt)}</dd>
          </>
        )}
        {job.committedAt !== undefined && (
          <>
            <dt>Switched:</dt>
            <dd>{timeSpanText(job.committedAt)} — from here on the move can no longer roll back</dd>
          </>
        )}
        {job.endedAt !== undefined && (
          <>
            <dt>Ended:</dt>
            <dd>{timeSpanText(job.endedAt)}</dd>
          </>
        )}
        {active && (
          <>
            <dt>Can be cancelled:</dt>
            <dd>{job.cancellable ? 'Yes — it rolls back to the source' : 'No — past the point of no return'}</dd>
          </>
        )}
      </dl>

      {lm && (
        <p className="hv-note" data-testid="job-stepback-note">
          <InfoRegular aria-hidden="true" />
          <span>
            Why the percentage can go back: a live migration copies all memory while the VM keeps running (pass 1), then sends again the memory the VM wrote to
            during that pass (pass 2, 3, …). The amount left can grow between passes. When what is left is small — or after {HYPERV_PASS_LIMIT} passes — Hyper-V
            pauses the VM for a short blackout, sends the rest and resumes it on the destination.
          </span>
        </p>
      )}

      {job.stages.length > 0 && (
        <table className="hv-simple-table hv-stage-table" data-testid="job-stages">
          <caption className="hv-table-caption">Stages</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Status</th>
              <th scope="col" className="hv-num">
                Done
              </th>
              <th scope="col" className="hv-num">
                Rate
              </th>
              <th scope="col" className="hv-num">
                Elapsed
              </th>
              <th scope="col" className="hv-num">
                Left
              </th>
            </tr>
          </thead>
          <tbody>
            {job.stages.map((s) => (
              <tr key={s.name} data-status={s.status}>
                <th scope="row">{s.name}</th>
                <td>{s.status}</td>
                <td className="hv-num">{s.bytesTotal > 0 ? `${byteSizeText(s.bytesDone)} of ${byteSizeText(s.bytesTotal)}` : ''}</td>
                <td className="hv-num">{s.status === 'Running' ? rateText(s.rate, job.kind) : ''}</td>
                <td className="hv-num">
                  {durationShort(s.elapsedMs ?? (s.status === 'Running' && s.startedAt !== undefined ? now - s.startedAt : undefined))}
                </td>
                <td className="hv-num">{s.status === 'Running' ? durationShort(s.etaMs) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {job.precopyPasses.length > 0 && (
        <table className="hv-simple-table hv-stage-table" data-testid="job-passes">
          <caption className="hv-table-caption">Memory pre-copy passes</caption>
          <thead>
            <tr>
              <th scope="col">Pass</th>
              <th scope="col" className="hv-num">
                Memory sent
              </th>
              <th scope="col" className="hv-num">
                Took
              </th>
              <th scope="col" className="hv-num">
                Average rate
              </th>
            </tr>
          </thead>
          <tbody>
            {job.precopyPasses.map((p) => {
              const took = (p.endedAt ?? now) - p.startedAt;
              return (
                <tr key={p.pass}>
                  <th scope="row">
                    {p.pass}
                    {p.endedAt === undefined ? ' (now)' : ''}
                  </th>
                  <td className="hv-num">{byteSizeText(p.bytes)}</td>
                  <td className="hv-num">{durationShort(took)}</td>
                  <td className="hv-num">{p.endedAt !== undefined && took > 0 ? rateText((p.bytes * 1000) / took, job.kind) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      {job.partialFiles.length > 0 && (
        <table className="hv-simple-table hv-stage-table" data-testid="job-partial-files">
          <caption className="hv-table-caption">Destination files being written (removed if the move rolls back)</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" className="hv-num">
                Size
              </th>
            </tr>
          </thead>
          <tbody>
            {job.partialFiles.map((f) => (
              <tr key={`${f.computer}:${f.path}`}>
                <td>
                  {f.computer}: {f.path}
                </td>
                <td className="hv-num">{byteSizeText(f.sizeBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {job.notes.length > 0 && (
        <div className="hv-job-notes">
          <h4>What happened</h4>
          <ul className="hv-plain-list">
            {job.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
