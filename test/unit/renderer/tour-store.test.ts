// The getting-started tour follows what the learner does in the console, step by step, from the
// tree to a finished move; a failed move offers another try; closing it is remembered.
import { describe, expect, it } from 'vitest';
import { observable, runInAction } from 'mobx';
import type { Job } from '../../../engine/model/jobs';
import { TOUR_SEEN_KEY, TourStore } from '../../../renderer/stores/tour-store';

function lab() {
  const state = observable({
    selectedHost: undefined as { name: string } | undefined,
    selectedVm: undefined as { name: string } | undefined,
    move: undefined as object | undefined,
    all: [] as Partial<Job>[],
  });
  const saved = new Map<string, string>();
  const storage = { getItem: (k: string) => saved.get(k) ?? null, setItem: (k: string, v: string) => void saved.set(k, v) };
  const tour = new TourStore({
    inventory: {
      get selectedHost() {
        return state.selectedHost as never;
      },
      get selectedVm() {
        return state.selectedVm as never;
      },
    },
    wizards: {
      get move() {
        return state.move as never;
      },
    },
    jobs: {
      get all() {
        return state.all as Job[];
      },
    },
    storage,
  });
  return { state, tour, saved };
}

describe('getting-started tour', () => {
  it('walks server → VM → Move... → wizard → job → done, each step done in the console', () => {
    const { state, tour, saved } = lab();
    // A move of an earlier session is in the Jobs pane already: it does not count.
    runInAction(() => state.all.push({ id: '1', kind: 'LiveMigration', state: 'Completed', vmName: 'OLD' }));
    expect(tour.firstRun).toBe(true);
    tour.start();
    expect(tour.step).toMatchObject({ id: 'server', target: 'server-tree' });
    runInAction(() => (state.selectedHost = { name: 'HV01' }));
    expect(tour.step).toMatchObject({ id: 'vm', target: 'vm-list' });
    expect(tour.step.text).toContain('HV01');
    runInAction(() => (state.selectedVm = { name: 'WEB01' }));
    expect(tour.step).toMatchObject({ id: 'move', target: 'actions-vm' });
    runInAction(() => (state.move = {}));
    expect(tour.step).toMatchObject({ id: 'wizard', target: 'move-wizard' });
    runInAction(() => {
      state.move = undefined;
      state.all.push({ id: '2', kind: 'Export', state: 'Running' });
      state.all.push({ id: '3', kind: 'LiveMigration', state: 'Running', vmName: 'WEB01' });
    });
    expect(tour.step.id).toBe('watch');
    runInAction(() => (state.all[2]!.state = 'Completed'));
    expect(tour.step.id).toBe('done');
    expect(tour.step.text).toContain('WEB01 is where you sent it');
    tour.close();
    expect(tour.open).toBe(false);
    expect(saved.get(TOUR_SEEN_KEY)).toBe('1');
    expect(tour.firstRun).toBe(false);
  });

  it('a failed move says why and Try Again waits for the next one', () => {
    const { state, tour } = lab();
    tour.start();
    runInAction(() => {
      state.selectedHost = { name: 'HV01' };
      state.selectedVm = { name: 'WEB01' };
      state.all.push({ id: '5', kind: 'StorageMove', state: 'Failed', error: { message: 'There is not enough space on the disk.' } });
    });
    expect(tour.step.id).toBe('failed');
    expect(tour.step.text).toContain('There is not enough space on the disk.');
    tour.tryAgain();
    expect(tour.step.id).toBe('move');
  });
});
