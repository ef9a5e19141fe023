// The Jobs pane: every move with its state and stage, a progress bar, rate, ETA, elapsed time,
// queue position and transport; running, queued, then the history — a virtualized list, so 200+
// jobs scroll as fast as 2. Selecting a job shows its details on the right (stages, pre-copy
// passes, channels, notes). Keyboard: arrows, Page Up/Down, Home/End select; Delete cancels.
import { observer } from 'mobx-react-lite';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Job } from '../../../engine/model/jobs';
import type { JobFilter, JobListRow } from '../../stores/job-list';
import { isActive } from '../../stores/job-list';
import { useRoot } from '../app/root-context';
import { confirmCancelJob } from './cancel-job';
import { durationShort, elapsedMs, jobRate, jobTitle, rateText, routeText, stageText, stateText } from './job-format';
import { JobDetails } from './JobDetails';
import { ProgressBar, StateIcon } from './JobParts';

const ROW_HEIGHT = 22;
const HEADER_HEIGHT = 22;

const COLUMNS = ['Job', 'Command', 'VM', 'From → To', 'State', 'Progress', 'Rate', 'ETA', 'Elapsed', 'Transport', ''];

export function jobRowDomId(id: string): string {
  return `job-row-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export const JobsPanel = observer(function JobsPanel() {
  const { jobList, dock } = useRoot();
  const filters: { id: JobFilter; label: string; count: number }[] = [
    { id: 'all', label: 'All', count: jobList.running.length + jobList.queued.length + jobList.finished.length },
    { id: 'active', label: 'Running and queued', count: jobList.running.length + jobList.queued.length },
    { id: 'finished', label: 'History', count: jobList.finished.length },
  ];
  return (
    <div className="hv-jobs" data-testid="jobs-pane">
      <div className="hv-dock-toolbar" role="toolbar" aria-label="Jobs">
        <div className="hv-segmented" role="radiogroup" aria-label="Show">
          {filters.map((f) => (
            <button
              key={f.id}
              type="button"
              role="radio"
              aria-checked={jobList.filter === f.id}
              className="hv-segment"
              data-testid={`jobs-filter-${f.id}`}
              onClick={() => jobList.setFilter(f.id)}
            >
              {f.label} ({f.count})
            </button>
          ))}
        </div>
        <span className="hv-dock-toolbar-note">Moves typed at the PowerShell prompt or started from the wizard appear here. Times are simulated time.</span>
      </div>
      <div className="hv-jobs-split">
        <JobList />
        <JobDetails jobId={dock.selectedJobId} />
      </div>
    </div>
  );
});

const JobList = observer(function JobList() {
  const root = useRoot();
  const { jobList, dock } = root;
  const rows = jobList.rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.kind === 'job' && r.job.id === dock.selectedJobId), [rows, dock.selectedJobId]);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    scrollPaddingStart: HEADER_HEIGHT,
    // Rows follow the scroll in the next frame rather than a synchronous re-render per scroll event.
    useFlushSync: false,
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const jobIndexes = useMemo(() => rows.flatMap((r, i) => (r.kind === 'job' ? [i] : [])), [rows]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || jobIndexes.length === 0) return;
    const at = jobIndexes.indexOf(selectedIndex);
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 200) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = at < 0 ? 0 : Math.min(jobIndexes.length - 1, at + 1);
        break;
      case 'ArrowUp':
        next = at < 0 ? 0 : Math.max(0, at - 1);
        break;
      case 'PageDown':
        next = at < 0 ? 0 : Math.min(jobIndexes.length - 1, at + page);
        break;
      case 'PageUp':
        next = at < 0 ? 0 : Math.max(0, at - page);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = jobIndexes.length - 1;
        break;
      case 'Delete': {
        const row = rows[selectedIndex];
        if (row?.kind === 'job' && isActive(row.job)) confirmCancelJob(root, row.job);
        e.preventDefault();
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    const row = rows[jobIndexes[next]!];
    if (row?.kind === 'job') dock.selectJob(row.job.id);
  };

  const selectedRow = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  return (
    <div
      ref={scrollRef}
      className="hv-grid hv-jobs-grid"
      role="grid"
      aria-label="Jobs"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selectedRow?.kind === 'job' ? jobRowDomId(selectedRow.job.id) : undefined}
      tabIndex={0}
      data-testid="jobs-list"
      data-autofocus
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="hv-grid-head">
        <div role="row" aria-rowindex={1} className="hv-grid-row hv-job-cols">
          {COLUMNS.map((c, i) => (
            <div key={i} role="columnheader" aria-colindex={i + 1} className="hv-colheader hv-colheader-static">
              <span>{c || <span className="visually-hidden">Actions</span>}</span>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="hv-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return <ListRow key={item.key} row={row} index={item.index} top={item.start} selected={row.kind === 'job' && row.job.id === dock.selectedJobId} />;
        })}
      </div>
      {rows.length === 0 && (
        <div className="hv-empty" role="row">
          <span role="gridcell">
            {jobList.filter === 'finished'
              ? 'No job has finished yet.'
              : 'No jobs. Start a move from the Move Wizard, or type one at the PowerShell prompt (for example Move-VMStorage -VMName DC01 -DestinationStoragePath E:\\VMs\\DC01).'}
          </span>
        </div>
      )}
    </div>
  );
});

function ListRow({ row, index, top, selected }: { row: JobListRow; index: number; top: number; selected: boolean }) {
  if (row.kind === 'header') {
    return (
      <div role="row" aria-rowindex={index + 2} className="hv-job-group" style={{ transform: `translateY(${top}px)` }}>
        <div role="gridcell" aria-colspan={COLUMNS.length}>
          {row.label} ({row.count})
        </div>
      </div>
    );
  }
  return <JobRow job={row.job} index={index} top={top} selected={selected} />;
}

const JobRow = observer(function JobRow({ job, index, top, selected }: { job: Job; index: number; top: number; selected: boolean }) {
  const root = useRoot();
  const { dock, clock } = root;
  const active = isActive(job);
  // Running rows follow the clock (elapsed time); the others do not need to re-render with it.
  const now = job.state === 'Running' ? clock.now : 0;
  const percent = Math.max(0, Math.min(100, job.percent));
  const stepsBack = job.kind === 'LiveMigration' && job.precopyPasses.length > 1;
  return (
    <div
      id={jobRowDomId(job.id)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="hv-grid-row hv-job-cols hv-job-row"
      style={{ transform: `translateY(${top}px)` }}
      data-testid={`job-row-${job.id}`}
      data-state={job.state}
      data-vm={job.vmName}
      onMouseDown={(e) => {
        if (e.button === 0 && !(e.target as HTMLElement).closest('button')) dock.selectJob(job.id);
      }}
    >
      <div role="gridcell" aria-colindex={1} className="hv-cell">
        <StateIcon state={job.state} />
        <span>{jobTitle(job)}</span>
      </div>
      <div role="gridcell" aria-colindex={2} className="hv-cell" title={job.commandText}>
        <span>{job.cmdlet}</span>
      </div>
      <div role="gridcell" aria-colindex={3} className="hv-cell">
        <span>{job.vmName ?? ''}</span>
      </div>
      <div role="gridcell" aria-colindex={4} className="hv-cell" title={routeText(job)}>
        <span>{routeText(job)}</span>
      </div>
      <div role="gridcell" aria-colindex={5} className="hv-cell" data-testid={`job-state-${job.id}`} title={job.error?.message ?? stateText(job)}>
        {job.state === 'Running' && stageText(job) ? (
          <span>
            <span className="visually-hidden">Running — </span>
            {stageText(job)}
          </span>
        ) : (
          <span className={job.state === 'Failed' ? 'hv-text-danger' : undefined}>
            {stateText(job)}
            {job.error ? `: ${job.error.message}` : ''}
          </span>
        )}
      </div>
      <div role="gridcell" aria-colindex={6} className="hv-cell">
        <ProgressBar
          percent={percent}
          label={`${jobTitle(job)} progress`}
          state={job.state}
          note={stepsBack ? 'Can step back: memory dirtied during a pass is sent again in the next pass.' : undefined}
        />
      </div>
      <div role="gridcell" aria-colindex={7} className="hv-cell hv-num">
        <span>{rateText(jobRate(job), job.kind)}</span>
      </div>
      <div role="gridcell" aria-colindex={8} className="hv-cell hv-num">
        <span>{job.state === 'Running' ? durationShort(job.etaMs) : ''}</span>
      </div>
      <div role="gridcell" aria-colindex={9} className="hv-cell hv-num">
        <span>{durationShort(elapsedMs(job, now))}</span>
      </div>
      <div role="gridcell" aria-colindex={10} className="hv-cell" title={job.transport}>
        <span>{job.transport ?? ''}</span>
      </div>
      <div role="gridcell" aria-colindex={11} className="hv-cell">
        {active && (
          <button
            type="button"
            className="hv-link-button"
            tabIndex={-1}
            data-testid={`job-cancel-${job.id}`}
            aria-label={`Cancel ${jobTitle(job)}`}
            onClick={() => confirmCancelJob(root, job)}
          >
            Cancel
          </button>
        )}
      </div>
    </div>
  );
});
