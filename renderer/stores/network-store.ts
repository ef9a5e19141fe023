// What the Networking pane shows of one computer: the engine's 'network' view (adapters, teams,
// SMB Multichannel connections, bandwidth limits, CPU) and its 'telemetry' samples for the charts.
// Both are polled about once a second while the pane is on screen (the engine samples only
// computers someone asked about recently). Every change is a cmdlet sent through the bridge.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, Command, CommandOutput, ContractError, NetworkView, Result, TelemetrySample } from '../../engine/contract';
import type { ClockStore } from './clock-store';
import type { DockStore } from './dock-store';
import type { InventoryStore } from './inventory-store';
import type { UiStore } from './ui-store';

export const NETWORK_POLL_MS = 1000;
/** Samples kept for the charts (the engine keeps 1,200 per computer). */
const SAMPLES_KEPT = 1200;

export interface PollTimer {
  every(ms: number, fn: () => void): () => void;
}

const windowTimer: PollTimer = {
  every(ms, fn) {
    const h = setInterval(fn, ms);
    return () => clearInterval(h);
  },
};

export class NetworkStore {
  view: NetworkView | undefined = undefined;
  viewError: ContractError | undefined = undefined;
  samples: readonly TelemetrySample[] = [];
  /** The computer `samples` and `view` belong to. */
  loadedHost: string | undefined = undefined;
  /** Commands in flight, by a key such as "link:SMB1", so their buttons show as busy. */
  readonly busy = observable.set<string>();
  private watchers = 0;
  private stopTimer: (() => void) | undefined;
  private pollSeq = 0;
  private polling = false;

  constructor(
    private readonly bridge: Pick<Bridge, 'query' | 'invoke'>,
    private readonly dock: DockStore,
    private readonly ui: UiStore,
    private readonly inventory: InventoryStore,
    private readonly clock: ClockStore,
    private readonly timer: PollTimer = windowTimer,
  ) {
    makeObservable<NetworkStore, 'applyPoll'>(this, {
      view: observable.ref,
      viewError: observable.ref,
      samples: observable.ref,
      loadedHost: observable,
      host: computed,
      hostChoices: computed,
      applyPoll: action,
    });
  }

  /** The computer shown: the one picked in the pane, else the tree's server, else where we are signed in. */
  get host(): string | undefined {
    const picked = this.dock.networkHost;
    if (picked && this.inventory.host(picked)) return this.inventory.host(picked)!.name;
    return this.ui.selectedServerName ?? this.inventory.world?.session.signedInOn ?? this.inventory.hosts[0]?.name;
  }

  /** Every computer of the lab (Hyper-V servers and file servers). */
  get hostChoices(): readonly string[] {
    return this.inventory.hosts.map((h) => h.name);
  }

  /** Starts polling while a view is on screen; returns the function that stops it. */
  watch(): () => void {
    this.watchers += 1;
    if (this.watchers === 1) {
      void this.poll();
      this.stopTimer = this.timer.every(NETWORK_POLL_MS, () => void this.poll());
    }
    let stopped = false;
    return () => {
      if (stopped) return;
      stopped = true;
      this.watchers -= 1;
      if (this.watchers === 0) {
        this.stopTimer?.();
        this.stopTimer = undefined;
      }
    };
  }

  /** Asks the engine for the current view and the telemetry samples since the last one we have. */
  async poll(): Promise<void> {
    const host = this.host;
    if (!host) return;
    if (this.polling && host === this.loadedHost) return; // one poll at a time per computer
    this.polling = true;
    const seq = ++this.pollSeq;
    const sameHost = host === this.loadedHost;
    const last = sameHost ? this.samples.at(-1) : undefined;
    // A clock that went back (another saved world was loaded) invalidates what we have.
    const since = last && last.at <= this.clock.now ? last.at : 0;
    try {
      const [view, telemetry] = await Promise.all([
        this.bridge.query({ name: 'network', host }),
        this.bridge.query({ name: 'telemetry', host, sinceMs: since }),
      ]);
      if (seq !== this.pollSeq) return;
      this.applyPoll(host, view, telemetry, since, sameHost && since > 0);
    } finally {
      if (seq === this.pollSeq) this.polling = false;
    }
  }

  /** Sends a cmdlet, then refreshes the view. The result is the caller's to show. */
  async invoke(command: Command, busyKey?: string): Promise<Result<CommandOutput>> {
    if (busyKey) runInAction(() => this.busy.add(busyKey));
    let result: Result<CommandOutput>;
    try {
      result = await this.bridge.invoke(command);
    } catch (err) {
      result = { ok: false, error: { code: 'Internal', message: `The command could not be sent: ${(err as Error).message}` } };
    } finally {
      if (busyKey) runInAction(() => this.busy.delete(busyKey));
    }
    this.pollSeq += 1; // an answer to an earlier poll is older than this change
    this.polling = false;
    await this.poll();
    return result;
  }

  isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  private applyPoll(host: string, view: Result<NetworkView>, telemetry: Result<TelemetrySample[]>, since: number, append: boolean): void {
    if (this.loadedHost !== host) {
      this.samples = [];
      this.loadedHost = host;
    }
    if (view.ok) {
      this.view = view.value;
      this.viewError = undefined;
    } else {
      this.view = undefined;
      this.viewError = view.error;
    }
    if (telemetry.ok) {
      const fresh = telemetry.value;
      // The engine replaces the sample at the same instant, so the one at `since` may be newer.
      const kept = append ? this.samples.filter((s) => s.at < since) : [];
      const merged = kept.concat(fresh);
      this.samples = merged.length > SAMPLES_KEPT ? merged.slice(merged.length - SAMPLES_KEPT) : merged;
    }
  }

  dispose(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
    this.watchers = 0;
  }
}
