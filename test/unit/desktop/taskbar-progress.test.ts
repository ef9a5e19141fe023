// Taskbar progress from the active jobs.
import { describe, expect, it } from 'vitest';
import { TaskbarProgress, taskbarState } from '../../../doors/desktop/taskbar-progress';
import { FakeBrowserWindow } from './fake-electron';

describe('taskbarState', () => {
  it('is the average percent of active jobs, queued ones at 0 %', () => {
    expect(taskbarState([])).toEqual({ progress: -1, mode: 'none' });
    expect(taskbarState([{ state: 'Completed', percent: 100 }])).toEqual({ progress: -1, mode: 'none' });
    expect(taskbarState([{ state: 'Running', percent: 40 }])).toEqual({ progress: 0.4, mode: 'normal' });
    expect(
      taskbarState([
        { state: 'Running', percent: 50 },
        { state: 'Running', percent: 100 },
        { state: 'Failed', percent: 3 },
      ]),
    ).toEqual({ progress: 0.75, mode: 'normal' });
    expect(
      taskbarState([
        { state: 'Running', percent: 60 },
        { state: 'Queued', percent: 0 },
      ]),
    ).toEqual({ progress: 0.3, mode: 'normal' });
    expect(taskbarState([{ state: 'Running', percent: 33.3333 }])).toEqual({ progress: 0.333, mode: 'normal' });
  });

  it('is indeterminate while jobs only wait in the queue', () => {
    expect(
      taskbarState([
        { state: 'Queued', percent: 0 },
        { state: 'Queued', percent: 0 },
      ]),
    ).toEqual({ progress: 2, mode: 'indeterminate' });
  });
});

describe('TaskbarProgress', () => {
  it('touches the window only when the shown value changes, and clears it at the end', () => {
    const win = new FakeBrowserWindow({});
    const bar = new TaskbarProgress(win);
    bar.update([]);
    expect(win.progress).toEqual([]);
    bar.update([{ state: 'Queued', percent: 0 }]);
    bar.update([{ state: 'Running', percent: 10 }]);
    bar.update([{ state: 'Running', percent: 10.01 }]);
    bar.update([{ state: 'Running', percent: 20 }]);
    bar.update([]);
    expect(win.progress).toEqual([
      [2, { mode: 'indeterminate' }],
      [0.1, { mode: 'normal' }],
      [0.2, { mode: 'normal' }],
      [-1, { mode: 'none' }],
    ]);
    win.destroyed = true;
    bar.update([{ state: 'Running', percent: 50 }]);
    expect(win.progress).toHaveLength(4);
  });
});
