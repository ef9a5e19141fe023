// Job end detection from engine events, and the notification it shows.
import { describe, expect, it, vi } from 'vitest';
import type { EngineEvent, WorldView } from '../../../engine/contract';
import { Job } from '../../../engine/model/jobs';
import { createJobNotifier, jobEndNotice, JobWatcher } from '../../../doors/desktop/job-notifier';

function job(id: string, state: Job['state'], extra: Partial<Job> = {}): Job {
  // Through the schema, so fields with defaults are filled in as the engine would.
  return Job.parse({
    id,
    cmdlet: 'Move-VMStorage',
    commandText: 'Move-VMStorage',
    kind: 'StorageMove',
    state,
    percent: state === 'Completed' ? 100 : 50,
    createdAt: 0,
    ...extra,
  });
}

const clock: EngineEvent = { type: 'clock', clock: { now: 0, speed: 1, idle: false } };

function watch(initial: Job[]) {
  let jobs = initial;
  const ended = vi.fn();
  const progress = vi.fn();
  const watcher = new JobWatcher(
    {
      activeJobs: () => jobs.filter((j) => j.state === 'Running' || j.state === 'Queued'),
      allJobs: () => jobs,
    },
    { ended, progress },
  );
  return { watcher, ended, progress, set: (next: Job[]) => (jobs = next) };
}

describe('JobWatcher', () => {
  it('announces a job once when it leaves the active set, with its final state', () => {
    const w = watch([job('a', 'Running'), job('b', 'Queued')]);
    w.watcher.onEvent(clock);
    expect(w.progress).toHaveBeenLastCalledWith([expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })]);
    w.set([job('a', 'Completed'), job('b', 'Running')]);
    w.watcher.onEvent(clock);
    w.set([job('a', 'Completed'), job('b', 'Failed', { error: { message: 'The disk is full.' } })]);
    w.watcher.onEvent({ type: 'log', entries: [] });
    w.watcher.onEvent(clock);
    expect(w.ended.mock.calls.map(([j]) => [j.id, j.state])).toEqual([
      ['a', 'Completed'],
      ['b', 'Failed'],
    ]);
    expect(w.progress).toHaveBeenLastCalledWith([]);
  });

  it('never announces jobs that had ended before it started, and ignores notices', () => {
    const w = watch([job('old', 'Completed'), job('x', 'Cancelled')]);
    w.watcher.onEvent(clock);
    w.watcher.onEvent({ type: 'notice', level: 'info', message: 'hi' });
    expect(w.ended).not.toHaveBeenCalled();
    expect(w.progress).toHaveBeenCalledTimes(1);
  });

  it('catches jobs that began and ended between two events through world snapshots', () => {
    const w = watch([job('old', 'Completed')]);
    const fast = job('fast', 'Cancelled');
    w.set([job('old', 'Completed'), fast]);
    const view = { jobs: [job('old', 'Completed'), fast] } as unknown as WorldView;
    w.watcher.onEvent({ type: 'world', view });
    w.watcher.onEvent({ type: 'world', view });
    expect(w.ended.mock.calls.map(([j]) => j.id)).toEqual(['fast']);
  });
});

describe('jobEndNotice', () => {
  it('says what ran, on which VM, and how it ended', () => {
    expect(jobEndNotice(job('1', 'Completed', { vmName: 'SQL01', source: 'C:\\VMs', destination: '\\\\FS01\\VMs' }))).toEqual({
      title: 'Storage migration completed',
      body: "'SQL01' from C:\\VMs to \\\\FS01\\VMs finished.",
    });
    expect(jobEndNotice(job('2', 'Failed', { kind: 'LiveMigration', vmName: 'WEB01', error: { message: 'Migration did not succeed.' } }))).toEqual({
      title: 'Live migration failed',
      body: "'WEB01': Migration did not succeed.",
    });
    expect(jobEndNotice(job('3', 'Cancelled', { kind: 'Other', cmdlet: 'Start-VM' }))).toEqual({
      title: 'Start-VM was cancelled',
      body: 'The operation was cancelled; the virtual machine stays where it was.',
    });
  });
});

describe('createJobNotifier', () => {
  it('shows a notification that focuses the console when clicked, if the OS supports them', () => {
    const shown: unknown[] = [];
    let onClick: (() => void) | undefined;
    const focus = vi.fn();
    let supported = true;
    const notify = createJobNotifier({
      create: (options) => ({ show: () => shown.push(options), on: (_e, l) => (onClick = l) }),
      isSupported: () => supported,
      focus,
      icon: '/app/icon.png',
    });
    notify(job('1', 'Completed', { vmName: 'VM1' }));
    expect(shown).toEqual([{ title: 'Storage migration completed', body: "'VM1' finished.", icon: '/app/icon.png' }]);
    onClick?.();
    expect(focus).toHaveBeenCalledTimes(1);
    supported = false;
    notify(job('2', 'Completed'));
    expect(shown).toHaveLength(1);
  });
});
