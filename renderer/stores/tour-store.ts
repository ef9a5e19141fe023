// The getting-started tour: walks a newcomer from the console tree to a finished move, one step
// at a time, each step done by doing it in the console (the tour never acts itself). Which step
// is shown is read from what the console shows: a server selected, a virtual machine selected,
// the Move Wizard open, the move's job running, that job finished. A move that fails says why and
// lets the learner try again. Offered once on a first run (Help > Getting Started Tour opens it
// again); closing it is remembered in the page's storage.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Job } from '../../engine/model/jobs';
import type { InventoryStore } from './inventory-store';
import type { JobStore } from './job-store';
import type { WizardWindows } from './wizard-windows';

export const TOUR_SEEN_KEY = 'hvlab.tour.seen';

export type TourStepId = 'server' | 'vm' | 'move' | 'wizard' | 'watch' | 'failed' | 'done';

export interface TourStep {
  id: TourStepId;
  title: string;
  text: string;
  /** The data-testid of what the step is about; the console outlines it. */
  target?: string;
}

/** The step list as the learner meets it (the failed step stands in for "watch" when a move fails). */
export const TOUR_ORDER: readonly TourStepId[] = ['server', 'vm', 'move', 'wizard', 'watch', 'done'];

const MOVE_KINDS = new Set<Job['kind']>(['StorageMove', 'LiveMigration']);

export interface TourDeps {
  inventory: Pick<InventoryStore, 'selectedHost' | 'selectedVm'>;
  wizards: Pick<WizardWindows, 'move'>;
  jobs: Pick<JobStore, 'all'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export class TourStore {
  open = false;
  /** Jobs that existed when the tour (re)started: the tour waits for a move started after. */
  private known: ReadonlySet<string> = new Set();

  constructor(private readonly deps: TourDeps) {
    makeObservable<TourStore, 'known'>(this, {
      open: observable,
      known: observable.ref,
      moveJob: computed,
      step: computed,
      start: action,
      close: action,
      tryAgain: action,
    });
  }

  /** Whether this browser has not seen the tour yet (a first run). */
  get firstRun(): boolean {
    try {
      return this.deps.storage?.getItem(TOUR_SEEN_KEY) !== '1';
    } catch {
      return false;
    }
  }

  /** The first move started since the tour began. */
  get moveJob(): Job | undefined {
    return this.deps.jobs.all.find((j) => MOVE_KINDS.has(j.kind) && !this.known.has(j.id));
  }

  get step(): TourStep {
    const job = this.moveJob;
    if (job?.state === 'Completed') {
      return {
        id: 'done',
        title: 'Your first move is finished',
        text: `${job.vmName ?? 'The virtual machine'} is where you sent it. The Jobs pane keeps the job: its stages, how long each took, the transport (SMB Direct, TCP/IP, Compression) and, for a live migration, the measured downtime. Try another kind of move, or open Labs for guided exercises.`,
        target: 'dock',
      };
    }
    if (job && (job.state === 'Failed' || job.state === 'Cancelled')) {
      return {
        id: 'failed',
        title: 'The move did not finish',
        text: `The job ${job.state === 'Failed' ? 'failed' : 'was cancelled'}${job.error ? `: ${job.error.message}` : '.'} Its row in the Jobs pane says what happened. Press Try Again to move it once more.`,
        target: 'dock',
      };
    }
    if (job) {
      return {
        id: 'watch',
        title: 'Watch the move',
        text: 'The move runs as a job: the Status column shows its progress and the Jobs pane its stages and transfer rate. Simulated time runs at the speed chosen in the status bar; 60× or Run until idle gets there sooner.',
        target: 'dock',
      };
    }
    if (this.deps.wizards.move) {
      return {
        id: 'wizard',
        title: 'Walk the Move Wizard',
        text: 'Choose the move type (the virtual machine, or only its storage), the destination computer and where the files go. Each page checks what you chose; the Summary lists it, and Finish starts the move.',
        target: 'move-wizard',
      };
    }
    if (this.deps.inventory.selectedVm) {
      return {
        id: 'move',
        title: 'Start a move',
        text: `Click Move... under ${this.deps.inventory.selectedVm.name} in the Actions pane (or right-click the virtual machine and choose Move...).`,
        target: 'actions-vm',
      };
    }
    if (this.deps.inventory.selectedHost) {
      return {
        id: 'vm',
        title: 'Select a virtual machine',
        text: `The console tree on the left lists the Hyper-V servers; ${this.deps.inventory.selectedHost.name} is selected, and the list shows its virtual machines with their state. Click one: the Checkpoints and details panes below and the Actions pane on the right follow the selection.`,
        target: 'vm-list',
      };
    }
    return {
      id: 'server',
      title: 'Select a server',
      text: 'The console tree on the left lists the Hyper-V servers this console manages. Click one of them, for example HV01.',
      target: 'server-tree',
    };
  }

  /** Opens the tour from its first step that is not done yet; moves already in the Jobs pane do not count. */
  start(): void {
    this.known = new Set(this.deps.jobs.all.map((j) => j.id));
    this.open = true;
  }

  /** After a failed or cancelled move: wait for the next one. */
  tryAgain(): void {
    this.known = new Set(this.deps.jobs.all.map((j) => j.id));
  }

  close(): void {
    this.open = false;
    try {
      this.deps.storage?.setItem(TOUR_SEEN_KEY, '1');
    } catch {
      // Storage disabled: the tour is offered again next time, which is harmless.
    }
  }
}
