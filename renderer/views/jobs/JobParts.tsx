// Small pieces the Jobs list and the job details share: the state icon and the progress bar.
import { ArrowSyncCircleRegular, CheckmarkCircleRegular, ClockRegular, DismissCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import type { Job } from '../../../engine/model/jobs';

export function StateIcon({ state }: { state: Job['state'] }) {
  switch (state) {
    case 'Running':
      return (
        <span className="hv-job-icon running" aria-hidden="true">
          <ArrowSyncCircleRegular />
        </span>
      );
    case 'Queued':
      return (
        <span className="hv-job-icon queued" aria-hidden="true">
          <ClockRegular />
        </span>
      );
    case 'Completed':
      return (
        <span className="hv-job-icon done" aria-hidden="true">
          <CheckmarkCircleRegular />
        </span>
      );
    case 'Failed':
      return (
        <span className="hv-job-icon failed" aria-hidden="true">
          <ErrorCircleRegular />
        </span>
      );
    case 'Cancelled':
      return (
        <span className="hv-job-icon cancelled" aria-hidden="true">
          <DismissCircleRegular />
        </span>
      );
  }
}

export function ProgressBar({ percent, label, state, note }: { percent: number; label: string; state: Job['state']; note?: string | undefined }) {
  const rounded = Math.floor(percent);
  return (
    <span className="hv-progress-wrap" title={note ? `${rounded}% — ${note}` : `${rounded}%`}>
      <span
        className={`hv-progress ${state.toLowerCase()}`}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={rounded}
        aria-valuetext={note ? `${rounded}%. ${note}` : `${rounded}%`}
      >
        <span className="hv-progress-fill" style={{ transform: `scaleX(${Math.max(0, Math.min(100, percent)) / 100})` }} />
      </span>
      <span className="hv-progress-text">{rounded}%</span>
    </span>
  );
}
