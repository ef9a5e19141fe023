// The renderer's state, fed by one snapshot at connect (query 'world') and then by engine events
// (docs/design.md, "Renderer"). After a reconnect the snapshot is fetched again: events were missed.
import { TourStore } from './tour-store';
import { RenameStore } from './rename-store';
import { action, makeObservable, observable, runInAction } from 'mobx';
import type { ContractError, EngineEvent, WorldView } from '../../engine/contract';
import type { LabBridge } from '../bridge/connection';
import { ClockStore, type ClockSpeed } from './clock-store';
import { CommandStore } from './command-store';
import { ConnectionStore } from './connection-store';
import { ConsoleStore } from './console-store';
import { DockStore } from './dock-store';
import { DialogStore } from './dialog-store';
import { FrameBatch, type FrameScheduler } from './frame-batch';
import { InventoryStore } from './inventory-store';
import { LabStore } from './lab-store';
import { ScenarioStore } from './scenario-store';
import { JobListStore } from './job-list';
import { JobStore } from './job-store';
import { LogStore } from './log-store';
import { NetworkStore } from './network-store';
import { NoticeStore } from './notice-store';
import { UiStore, type UiEnvironment } from './ui-store';
import { VmListStore } from './vm-list';
import { SettingsWindows } from './settings-windows';
import { WizardWindows } from './wizard-windows';
import { ConnectServerStore } from './connect-server';
import { VmConnectStore } from './vm-connect';
import { HelpStore } from './help-store';

export interface RootEnvironment {
  ui?: UiEnvironment;
  scheduler?: FrameScheduler;
  /** Saves a file the user downloads (File → Download Scenario). */
  download?: (fileName: string, text: string) => void;
}

export class RootStore {
  readonly batch: FrameBatch;
  readonly ui: UiStore;
  readonly inventory: InventoryStore;
  readonly jobs: JobStore;
  readonly clock: ClockStore;
  readonly vmList: VmListStore;
  readonly dialogs: DialogStore;
  readonly notices: NoticeStore;
  readonly connection: ConnectionStore;
  readonly commands: CommandStore;
  readonly renames: RenameStore;
  /** The Move Wizard and the settings dialogs (renderer/views/wizard, renderer/views/settings). */
  readonly wizards: WizardWindows;
  readonly settings: SettingsWindows;
  /** The bottom dock: Jobs, Event Log, Networking, PowerShell. */
  readonly dock: DockStore;
  readonly jobList: JobListStore;
  readonly log: LogStore;
  readonly network: NetworkStore;
  readonly console: ConsoleStore;
  /** The Labs pane (renderer/views/labs). */
  readonly labs: LabStore;
  /** The File menu's scenario: name and unsaved mark, New, Open, Save, Save As, Revert. */
  readonly scenarios: ScenarioStore;
  /** Connect to Server... and Remove Server: which servers the console tree shows. */
  readonly servers: ConnectServerStore;
  /** The Virtual Machine Connection window (renderer/views/vmconnect). */
  readonly vmConnect: VmConnectStore;
  /** The help window (Help > Help Topics, F1). */
  readonly help: HelpStore;
  /** The getting-started tour (Help > Getting Started Tour; offered on a first run). */
  readonly tour: TourStore;

  /** A snapshot request is in flight. */
  loading = false;
  /** Why the last snapshot request failed, if it did. */
  loadError: ContractError | undefined = undefined;

  private snapshotSeq = 0;
  private readonly disposers: (() => void)[] = [];

  constructor(
    readonly bridge: LabBridge,
    env: RootEnvironment = {},
  ) {
    this.batch = new FrameBatch(env.scheduler);
    this.ui = new UiStore(env.ui);
    this.inventory = new InventoryStore(this.ui);
    this.jobs = new JobStore(this.batch);
    this.clock = new ClockStore(this.batch);
    this.vmList = new VmListStore(this.inventory, this.jobs, this.ui);
    this.dialogs = new DialogStore();
    this.notices = new NoticeStore();
    this.connection = new ConnectionStore(bridge.connection);
    this.commands = new CommandStore(bridge, this.dialogs);
    this.renames = new RenameStore(this.commands);
    this.wizards = new WizardWindows({ bridge, inventory: this.inventory, commands: this.commands, storage: env.ui?.storage });
    this.settings = new SettingsWindows({ bridge, dialogs: this.dialogs, inventory: this.inventory, jobs: this.jobs, storage: env.ui?.storage });
    this.servers = new ConnectServerStore({ inventory: this.inventory, ui: this.ui, dialogs: this.dialogs });
    this.vmConnect = new VmConnectStore({ inventory: this.inventory, jobs: this.jobs, clock: this.clock });
    this.help = new HelpStore();
    this.tour = new TourStore({ inventory: this.inventory, wizards: this.wizards, jobs: this.jobs, storage: env.ui?.storage });
    this.dock = new DockStore(env.ui?.storage);
    this.jobList = new JobListStore(this.jobs);
    this.log = new LogStore(bridge);
    this.network = new NetworkStore(bridge, this.dock, this.ui, this.inventory, this.clock);
    this.console = new ConsoleStore(bridge, this.inventory, this.jobs);
    this.scenarios = new ScenarioStore({
      bridge,
      dialogs: this.dialogs,
      // An opened scenario, or the datacenter back from a lab, comes with its own event log and jobs.
      onWorldReplaced: () => void this.refresh({ logFromStart: true }),
      ...(env.download ? { download: env.download } : {}),
    });
    this.labs = new LabStore({
      bridge,
      dialogs: this.dialogs,
      clock: this.clock,
      storage: env.ui?.storage,
      // A lab's world came with its own (empty) event log: start the Event Log pane over.
      onWorldReplaced: () => void this.refresh({ logFromStart: true }),
      scenarioName: () => this.scenarios.status?.name,
    });
    makeObservable<RootStore, 'applyView' | 'onEvent'>(this, {
      loading: observable,
      loadError: observable.ref,
      applyView: action,
      onEvent: action,
    });
  }

  /** Subscribes to events and loads the snapshot whenever the line is (re)established. */
  start(): void {
    this.disposers.push(this.bridge.subscribe((e) => this.onEvent(e)));
    this.disposers.push(
      this.bridge.connection.onStatus((s) => {
        if (s.phase === 'connected') void this.refresh();
      }),
    );
    if (this.bridge.connection.status().phase === 'connected') void this.refresh();
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
    this.ui.dispose();
    this.dock.dispose();
    this.network.dispose();
    this.labs.dispose();
    this.connection.dispose();
  }

  /**
   * Fetches a fresh snapshot (at connect, after a reconnect, and View → Refresh). `logFromStart`:
   * the door replaced the datacenter, whose event log is its own: the Event Log pane starts over.
   */
  async refresh(options: { logFromStart?: boolean } = {}): Promise<void> {
    const seq = ++this.snapshotSeq;
    runInAction(() => {
      this.loading = true;
    });
    const result = await this.bridge.query({ name: 'world' });
    if (seq !== this.snapshotSeq) return; // a newer refresh superseded this one
    runInAction(() => {
      this.loading = false;
      if (result.ok) {
        this.loadError = undefined;
        this.applyView(result.value);
        void this.log.sync(options.logFromStart ? 0 : result.value.logSeq);
        void this.labs.sync();
        void this.scenarios.sync();
      } else {
        this.loadError = result.error;
      }
    });
  }

  async setClockSpeed(speed: ClockSpeed): Promise<void> {
    const result = await this.bridge.clock({ action: 'setSpeed', speed });
    if (result.ok) this.clock.apply(result.value);
    else this.dialogs.show({ kind: 'error', title: 'Hyper-V Mobility Lab', intro: 'The simulated clock could not be changed.', error: result.error });
  }

  async runUntilIdle(): Promise<void> {
    const result = await this.bridge.clock({ action: 'runUntilIdle' });
    if (result.ok) this.clock.apply(result.value);
    else this.dialogs.show({ kind: 'error', title: 'Hyper-V Mobility Lab', intro: 'The simulation could not run until idle.', error: result.error });
  }

  private applyView(view: WorldView): void {
    this.inventory.applyWorld(view.world, view.logSeq);
    this.jobs.replaceAll(view.jobs);
    this.clock.apply(view.clock);
    if (!this.ui.tree || (this.ui.tree.kind === 'server' && !this.inventory.selectedHost)) {
      const server = this.inventory.defaultServer(this.ui.selectedServerName ?? this.ui.rememberedServer);
      if (server) this.ui.selectServer(server);
      else this.ui.selectRoot();
    }
  }

  private onEvent(event: EngineEvent): void {
    // While a snapshot is on its way, state events are older than it (one ordered line): skip them.
    const stateEvent = event.type === 'world' || event.type === 'jobs' || event.type === 'clock';
    if (stateEvent && (this.loading || !this.inventory.loaded)) return;
    switch (event.type) {
      case 'world':
        // The engine's own view does not know the door's clock speed; keep the one we have.
        this.applyView({ ...event.view, clock: { ...event.view.clock, speed: this.clock.speed } });
        break;
      case 'jobs':
        this.jobs.enqueue(event.jobs);
        this.clock.enqueue(event.clock);
        break;
      case 'clock':
        this.clock.enqueue(event.clock);
        break;
      case 'log':
        this.log.add(event.entries);
        break;
      case 'notice':
        this.notices.add(event.level, event.message);
        break;
      case 'lab':
        this.labs.apply(event);
        break;
      case 'scenario':
        this.scenarios.apply(event);
        break;
    }
  }
}
