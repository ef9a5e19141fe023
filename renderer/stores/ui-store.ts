// What the user chose about the console itself: selection, sort, pane sizes, theme, collapsed
// sections. Layout and theme survive restarts (localStorage); the selection survives reloads.
import { action, computed, makeObservable, observable } from 'mobx';
import { readRemembered, rememberWith } from './remembered';

export type ThemePreference = 'system' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

export type VmColumn = 'name' | 'state' | 'cpu' | 'memory' | 'memoryDemand' | 'memoryStatus' | 'uptime' | 'status';
export const VM_COLUMNS: readonly VmColumn[] = ['name', 'state', 'cpu', 'memory', 'uptime', 'status', 'memoryDemand', 'memoryStatus'];
export interface SortOrder {
  column: VmColumn;
  direction: 'ascending' | 'descending';
}

export interface PaneSizes {
  /** Width of the console tree (left). */
  tree: number;
  /** Width of the Actions pane (right). */
  actions: number;
  /** Height of the Virtual Machines list. */
  vmList: number;
  /** Height of the Checkpoints pane. */
  checkpoints: number;
}
export type PaneKey = keyof PaneSizes;

export const PANE_LIMITS: Record<PaneKey, { min: number; max: number; default: number }> = {
  tree: { min: 120, max: 480, default: 190 },
  actions: { min: 150, max: 420, default: 210 },
  vmList: { min: 80, max: 1200, default: 300 },
  checkpoints: { min: 50, max: 800, default: 130 },
};

export type DetailsTab = 'summary' | 'memory' | 'networking';
export type ActionSection = 'host' | 'vm';

/** The tree's selection: the "Hyper-V Manager" root or one server. */
export type TreeSelection = { kind: 'root' } | { kind: 'server'; name: string };

const STORAGE_KEY = 'hvlab.ui.v1';

interface Persisted {
  paneSizes?: Partial<PaneSizes>;
  theme?: ThemePreference;
  sort?: SortOrder;
  collapsed?: ActionSection[];
  server?: string;
  detailsTab?: DetailsTab;
  actionsPane?: boolean;
  consoleTree?: boolean;
  /** Servers taken out of the console tree with Remove Server (lower case). */
  removedServers?: string[];
}

export interface UiEnvironment {
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
  /** window.matchMedia('(prefers-color-scheme: dark)') or a stand-in. */
  darkQuery?: MediaQuery;
  /** window.matchMedia(NARROW_WINDOW_QUERY) or a stand-in. */
  narrowQuery?: MediaQuery;
}

type MediaQuery = {
  matches: boolean;
  addEventListener(type: 'change', fn: (e: { matches: boolean }) => void): void;
  removeEventListener(type: 'change', fn: (e: { matches: boolean }) => void): void;
};

/**
 * A window too narrow for the tree, the list and the Actions pane side by side (1024 × 768 at
 * 150 % zoom or more): the Actions pane starts hidden there, since the Action menu and the
 * right-click menus list the same actions; showing it again is the user's choice for the session.
 */
export const NARROW_WINDOW_QUERY = '(max-width: 720px)';

export class UiStore {
  tree: TreeSelection | undefined = undefined;
  selectedVmId: string | undefined = undefined;
  sort: SortOrder = { column: 'name', direction: 'ascending' };
  paneSizes: PaneSizes = {
    tree: PANE_LIMITS.tree.default,
    actions: PANE_LIMITS.actions.default,
    vmList: PANE_LIMITS.vmList.default,
    checkpoints: PANE_LIMITS.checkpoints.default,
  };
  themePreference: ThemePreference = 'system';
  systemDark = false;
  collapsed = observable.set<ActionSection>();
  detailsTab: DetailsTab = 'summary';
  /** The Actions pane as the user last set it in a wide window (kept across sessions). */
  actionsPaneWide = true;
  /** The Actions pane in a narrow window (this session only; hidden until asked for). */
  actionsPaneNarrow = false;
  narrowWindow = false;
  treeVisible = true;
  /**
   * Hyper-V servers the user removed from the console tree (Remove Server), by lower-case name.
   * Hyper-V Manager keeps the list of servers it manages in its console settings; this console
   * shows every Hyper-V host of the lab unless removed, so a scenario or lab with other hosts
   * shows them without a Connect to Server first. Removing hides; the host stays in the world.
   */
  readonly removedServers = observable.set<string>();
  /** The server named in the last session, chosen again once the inventory arrives. */
  readonly rememberedServer: string | undefined;
  private readonly disposers: (() => void)[] = [];

  constructor(private readonly env: UiEnvironment = {}) {
    const saved = readRemembered<Persisted>(env.storage, STORAGE_KEY);
    if (saved.paneSizes) {
      for (const key of Object.keys(PANE_LIMITS) as PaneKey[]) {
        const v = saved.paneSizes[key];
        if (typeof v === 'number' && Number.isFinite(v)) this.paneSizes[key] = clamp(v, PANE_LIMITS[key].min, PANE_LIMITS[key].max);
      }
    }
    if (saved.theme === 'light' || saved.theme === 'dark' || saved.theme === 'system') this.themePreference = saved.theme;
    if (saved.sort && VM_COLUMNS.includes(saved.sort.column) && (saved.sort.direction === 'ascending' || saved.sort.direction === 'descending')) {
      this.sort = { column: saved.sort.column, direction: saved.sort.direction };
    }
    for (const s of saved.collapsed ?? []) if (s === 'host' || s === 'vm') this.collapsed.add(s);
    if (saved.detailsTab === 'summary' || saved.detailsTab === 'memory' || saved.detailsTab === 'networking') this.detailsTab = saved.detailsTab;
    if (saved.actionsPane === false) this.actionsPaneWide = false;
    if (saved.consoleTree === false) this.treeVisible = false;
    if (Array.isArray(saved.removedServers)) for (const n of saved.removedServers) if (typeof n === 'string') this.removedServers.add(n.toLowerCase());
    this.rememberedServer = typeof saved.server === 'string' ? saved.server : undefined;

    const query = env.darkQuery;
    if (query) {
      this.systemDark = query.matches;
      const onChange = action((e: { matches: boolean }) => {
        this.systemDark = e.matches;
      });
      query.addEventListener('change', onChange);
      this.disposers.push(() => query.removeEventListener('change', onChange));
    }
    const narrow = env.narrowQuery;
    if (narrow) {
      this.narrowWindow = narrow.matches;
      const onChange = action((e: { matches: boolean }) => {
        this.narrowWindow = e.matches;
      });
      narrow.addEventListener('change', onChange);
      this.disposers.push(() => narrow.removeEventListener('change', onChange));
    }

    makeObservable(this, {
      tree: observable.ref,
      selectedVmId: observable,
      sort: observable.ref,
      paneSizes: observable,
      themePreference: observable,
      systemDark: observable,
      detailsTab: observable,
      actionsPaneWide: observable,
      actionsPaneNarrow: observable,
      narrowWindow: observable,
      actionsPaneVisible: computed,
      treeVisible: observable,
      theme: computed,
      selectedServerName: computed,
      selectRoot: action,
      selectServer: action,
      selectVm: action,
      sortBy: action,
      setPaneSize: action,
      setThemePreference: action,
      toggleSection: action,
      setDetailsTab: action,
      toggleTheme: action,
      setActionsPaneVisible: action,
      setTreeVisible: action,
      removeServer: action,
      addServer: action,
    });

    this.disposers.push(rememberWith(env.storage, STORAGE_KEY, () => this.persisted()));
  }

  get theme(): Theme {
    if (this.themePreference === 'system') return this.systemDark ? 'dark' : 'light';
    return this.themePreference;
  }

  get selectedServerName(): string | undefined {
    return this.tree?.kind === 'server' ? this.tree.name : undefined;
  }

  selectRoot(): void {
    this.tree = { kind: 'root' };
    this.selectedVmId = undefined;
  }

  selectServer(name: string): void {
    if (this.tree?.kind === 'server' && this.tree.name === name) return;
    this.tree = { kind: 'server', name };
    this.selectedVmId = undefined;
  }

  selectVm(id: string | undefined): void {
    this.selectedVmId = id;
  }

  /** Clicking a header: sort by it, or flip the direction when it already is the sort column. */
  sortBy(column: VmColumn): void {
    this.sort =
      this.sort.column === column
        ? { column, direction: this.sort.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: 'ascending' };
  }

  setPaneSize(key: PaneKey, px: number): void {
    this.paneSizes[key] = Math.round(clamp(px, PANE_LIMITS[key].min, PANE_LIMITS[key].max));
  }

  setThemePreference(preference: ThemePreference): void {
    this.themePreference = preference;
  }

  toggleSection(section: ActionSection): void {
    if (this.collapsed.has(section)) this.collapsed.delete(section);
    else this.collapsed.add(section);
  }

  setDetailsTab(tab: DetailsTab): void {
    this.detailsTab = tab;
  }

  /** Light ↔ dark from whatever is showing now (an explicit choice from then on). */
  toggleTheme(): void {
    this.themePreference = this.theme === 'dark' ? 'light' : 'dark';
  }

  /** Whether the Actions pane shows now (the wide or the narrow window's setting). */
  get actionsPaneVisible(): boolean {
    return this.narrowWindow ? this.actionsPaneNarrow : this.actionsPaneWide;
  }

  setActionsPaneVisible(visible: boolean): void {
    if (this.narrowWindow) this.actionsPaneNarrow = visible;
    else this.actionsPaneWide = visible;
  }

  setTreeVisible(visible: boolean): void {
    this.treeVisible = visible;
  }

  isServerRemoved(name: string): boolean {
    return this.removedServers.has(name.toLowerCase());
  }

  /** Remove Server: the server leaves the tree; the "Hyper-V Manager" node is selected, as the MMC selects the parent. */
  removeServer(name: string): void {
    this.removedServers.add(name.toLowerCase());
    if (this.tree?.kind === 'server' && this.tree.name.toLowerCase() === name.toLowerCase()) this.selectRoot();
  }

  /** Connect to Server: the server is in the tree again. */
  addServer(name: string): void {
    this.removedServers.delete(name.toLowerCase());
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
  }

  private persisted(): Persisted {
    return {
      paneSizes: { ...this.paneSizes },
      theme: this.themePreference,
      sort: this.sort,
      collapsed: [...this.collapsed],
      detailsTab: this.detailsTab,
      actionsPane: this.actionsPaneWide,
      consoleTree: this.treeVisible,
      removedServers: [...this.removedServers],
      ...(this.tree?.kind === 'server' ? { server: this.tree.name } : {}),
    };
  }
}

function clamp(v: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, v));
}
