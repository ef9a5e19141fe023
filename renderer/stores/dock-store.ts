// The bottom dock under the Hyper-V Manager panes: Jobs | Event Log | Networking | PowerShell.
// Whether it is open, its height, the tab on top and the Networking pane's computer survive
// restarts (localStorage, own key); the job selected in the Jobs pane survives only the session.
import { action, makeObservable, observable } from 'mobx';
import { readRemembered, rememberWith } from './remembered';

export type DockTab = 'jobs' | 'log' | 'network' | 'console';
export const DOCK_TABS: readonly { id: DockTab; label: string }[] = [
  { id: 'jobs', label: 'Jobs' },
  { id: 'log', label: 'Event Log' },
  { id: 'network', label: 'Networking' },
  { id: 'console', label: 'PowerShell' },
];

export const DOCK_HEIGHT = { min: 120, max: 900, default: 330 };

const STORAGE_KEY = 'hvlab.dock.v1';

interface Persisted {
  open?: boolean;
  height?: number;
  tab?: DockTab;
  networkHost?: string;
  chartWindowMs?: number;
}

export const CHART_WINDOWS_MS: readonly number[] = [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000];

export class DockStore {
  /**
   * Collapsed to its tab strip at first: the console opens looking like Hyper-V Manager, and the
   * tabs (with the number of active jobs) are one click away.
   */
  open = false;
  height = DOCK_HEIGHT.default;
  tab: DockTab = 'jobs';
  /** The computer the Networking pane shows; undefined: the server selected in the tree. */
  networkHost: string | undefined = undefined;
  /** How much simulated time the Networking charts span. */
  chartWindowMs = 5 * 60_000;
  selectedJobId: string | undefined = undefined;
  selectedLogSeq: number | undefined = undefined;
  /** Bumped when something asks the dock to move focus into the active pane (View menu, console link). */
  focusRequest = 0;
  private readonly disposers: (() => void)[] = [];

  constructor(private readonly storage?: Pick<Storage, 'getItem' | 'setItem'>) {
    const saved = readRemembered<Persisted>(storage, STORAGE_KEY);
    if (typeof saved.open === 'boolean') this.open = saved.open;
    if (typeof saved.height === 'number' && Number.isFinite(saved.height)) this.height = clamp(saved.height);
    if (DOCK_TABS.some((t) => t.id === saved.tab)) this.tab = saved.tab!;
    if (typeof saved.networkHost === 'string' && saved.networkHost) this.networkHost = saved.networkHost;
    if (typeof saved.chartWindowMs === 'number' && CHART_WINDOWS_MS.includes(saved.chartWindowMs)) this.chartWindowMs = saved.chartWindowMs;

    makeObservable(this, {
      open: observable,
      height: observable,
      tab: observable,
      networkHost: observable,
      chartWindowMs: observable,
      selectedJobId: observable,
      selectedLogSeq: observable,
      focusRequest: observable,
      setOpen: action,
      toggle: action,
      setHeight: action,
      setTab: action,
      show: action,
      setNetworkHost: action,
      setChartWindow: action,
      selectJob: action,
      selectLogEntry: action,
    });

    this.disposers.push(rememberWith(this.storage, STORAGE_KEY, () => this.persisted()));
  }

  setOpen(open: boolean): void {
    this.open = open;
  }

  toggle(): void {
    this.open = !this.open;
  }

  setHeight(px: number): void {
    this.height = Math.round(clamp(px));
  }

  /** Selects a tab (clicking a tab of a collapsed dock opens it). */
  setTab(tab: DockTab): void {
    this.tab = tab;
    this.open = true;
  }

  /** Opens the dock on a tab and moves focus into it (View menu, "show in Jobs" links). */
  show(tab: DockTab): void {
    this.tab = tab;
    this.open = true;
    this.focusRequest += 1;
  }

  setNetworkHost(host: string | undefined): void {
    this.networkHost = host;
  }

  setChartWindow(ms: number): void {
    if (CHART_WINDOWS_MS.includes(ms)) this.chartWindowMs = ms;
  }

  selectJob(id: string | undefined): void {
    this.selectedJobId = id;
  }

  selectLogEntry(seq: number | undefined): void {
    this.selectedLogSeq = seq;
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }

  private persisted(): Persisted {
    return {
      open: this.open,
      height: this.height,
      tab: this.tab,
      chartWindowMs: this.chartWindowMs,
      ...(this.networkHost ? { networkHost: this.networkHost } : {}),
    };
  }
}

function clamp(v: number): number {
  return Math.min(DOCK_HEIGHT.max, Math.max(DOCK_HEIGHT.min, v));
}
