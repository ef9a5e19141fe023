// Hyper-V Settings of one host (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"): the pages that govern moves, edited
// as a form over host.migration from the world snapshot. OK and Apply send only what changed, as
// Enable-/Disable-VMMigration, Set-VMHost, Remove-/Add-VMMigrationNetwork with -ComputerName;
// Cancel sends nothing. The server's default folders and NUMA spanning are read with Get-VMHost
// and changed with Set-VMHost (they feed New-VM and the New Virtual Machine Wizard).
import { normalizeSubnet } from '../../engine/common/ip-addresses';
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, Command } from '../../engine/contract';
import type { Host } from '../../engine/model/world';
import type { DialogStore } from './dialog-store';
import { applyInOrder, scriptText } from './settings-script';
import { cleanFolder, folderProblem, samePath } from './wizard-paths';
import { SKIP_INTRO_KEY } from './wizard-move';
import { NEW_VM_SKIP_INTRO_KEY } from './wizard-new-vm';

export type HostSettingsPage = 'vhdPath' | 'vmPath' | 'numa' | 'liveMigrations' | 'advanced' | 'storageMigrations' | 'resetCheckBoxes';

/** Server → Virtual Hard Disks, Virtual Machines and NUMA Spanning, as typed (Set-VMHost). */
export interface ServerForm {
  vhdPath: string;
  vmPath: string;
  numaSpanning: boolean;
}

/** The wizards' "Do not show this page again" choices in the page's storage: what User → Reset Check Boxes clears. */
export const DO_NOT_SHOW_AGAIN_KEYS = [SKIP_INTRO_KEY, NEW_VM_SKIP_INTRO_KEY] as const;
export type Authentication = Host['migration']['authentication'];
export type PerformanceOption = Host['migration']['performanceOption'];

export interface MigrationForm {
  enabled: boolean;
  maxLive: string;
  maxStorage: string;
  useAnyNetwork: boolean;
  /** Subnets in priority order (first = preferred). */
  networks: string[];
  authentication: Authentication;
  performance: PerformanceOption;
}

/** Simultaneous migrations: the lab's range (engine/cmdlets/catalog/vm-host.ts, unconfirmed). */
export const MIGRATIONS_MIN = 1;
export const MIGRATIONS_MAX = 64;

export interface HostSettingsDeps {
  bridge: Pick<Bridge, 'invoke' | 'query'>;
  dialogs: Pick<DialogStore, 'show'>;
  /** The page's storage, where wizards keep "Do not show this page again" (Reset Check Boxes). */
  storage?: Pick<Storage, 'setItem'> | undefined;
}

export class HostSettingsStore {
  page: HostSettingsPage = 'liveMigrations';
  form: MigrationForm;
  /** The settings as the engine has them: what OK compares the form with. */
  baseline: Host['migration'];
  vhdPath: string | undefined = undefined;
  vmPath: string | undefined = undefined;
  numaSpanning: boolean | undefined = undefined;
  /** The Server folders and NUMA spanning as typed; undefined until Get-VMHost has answered. */
  server: ServerForm | undefined = undefined;
  /** Reset Check Boxes was pressed in this dialog (the button then greys out, as in Windows). */
  checkBoxesReset = false;
  applying = false;
  scriptVisible = false;
  /** Shown once OK or Apply found a field it cannot send. */
  showErrors = false;
  selectedNetwork: number | undefined = undefined;
  /** The Add IP Address dialog. */
  adding: { text: string; problem?: string } | undefined = undefined;

  constructor(
    private readonly deps: HostSettingsDeps,
    readonly host: string,
    migration: Host['migration'],
    private readonly onClose: () => void,
  ) {
    this.baseline = migration;
    this.form = formOf(migration);
    makeObservable<HostSettingsStore, 'rebase'>(this, {
      page: observable,
      form: observable,
      baseline: observable.ref,
      vhdPath: observable,
      vmPath: observable,
      numaSpanning: observable,
      server: observable,
      checkBoxesReset: observable,
      setServer: action,
      resetCheckBoxes: action,
      applying: observable,
      scriptVisible: observable,
      showErrors: observable,
      selectedNetwork: observable,
      adding: observable,
      errors: computed,
      commands: computed,
      script: computed,
      setPage: action,
      set: action,
      toggleScript: action,
      selectNetwork: action,
      removeNetwork: action,
      moveNetwork: action,
      startAdd: action,
      setAddText: action,
      cancelAdd: action,
      confirmAdd: action,
      rebase: action,
    });
  }

  /** Reads the default folders and NUMA spanning (Get-VMHost) for the Server pages; the form follows when `resetForm`. */
  async load(resetForm = true): Promise<void> {
    const result = await this.deps.bridge.invoke({ cmdlet: 'Get-VMHost', params: { ComputerName: this.host } });
    if (!result.ok) return;
    const info = result.value.output[0] as { VirtualHardDiskPath?: string; VirtualMachinePath?: string; NumaSpanningEnabled?: boolean } | undefined;
    runInAction(() => {
      this.vhdPath = info?.VirtualHardDiskPath;
      this.vmPath = info?.VirtualMachinePath;
      this.numaSpanning = info?.NumaSpanningEnabled ?? true;
      if (resetForm || !this.server) this.server = { vhdPath: this.vhdPath ?? '', vmPath: this.vmPath ?? '', numaSpanning: this.numaSpanning };
    });
  }

  setServer<K extends keyof ServerForm>(key: K, value: ServerForm[K]): void {
    if (this.server) this.server[key] = value;
  }

  /**
   * User → Reset Check Boxes: the wizard pages hidden with "Do not show this page again" come back.
   * It acts at once, as the button does in Hyper-V Manager, and sends no command (nothing in the
   * datacenter changes).
   */
  resetCheckBoxes(): void {
    for (const key of DO_NOT_SHOW_AGAIN_KEYS) {
      try {
        this.deps.storage?.setItem(key, '0');
      } catch {
        // Storage disabled: nothing was remembered, so nothing is hidden.
      }
    }
    this.checkBoxesReset = true;
  }

  setPage(page: HostSettingsPage): void {
    this.page = page;
  }

  set<K extends keyof MigrationForm>(key: K, value: MigrationForm[K]): void {
    this.form[key] = value;
  }

  toggleScript(): void {
    this.scriptVisible = !this.scriptVisible;
  }

  // ── Incoming live migrations: the list of networks ──────────────────────────────────────────

  selectNetwork(i: number | undefined): void {
    this.selectedNetwork = i;
  }

  removeNetwork(): void {
    const i = this.selectedNetwork;
    if (i === undefined) return;
    this.form.networks.splice(i, 1);
    this.selectedNetwork = this.form.networks.length ? Math.min(i, this.form.networks.length - 1) : undefined;
  }

  moveNetwork(delta: -1 | 1): void {
    const i = this.selectedNetwork;
    if (i === undefined) return;
    const j = i + delta;
    if (j < 0 || j >= this.form.networks.length) return;
    const list = this.form.networks;
    [list[i], list[j]] = [list[j]!, list[i]!];
    this.selectedNetwork = j;
  }

  startAdd(): void {
    this.adding = { text: '' };
  }

  setAddText(text: string): void {
    if (this.adding) this.adding = { text };
  }

  cancelAdd(): void {
    this.adding = undefined;
  }

  /** Adds the typed subnet to the list (sent on OK/Apply); false with a message when it is not one. */
  confirmAdd(): boolean {
    if (!this.adding) return false;
    const subnet = normalizeSubnet(this.adding.text);
    if (!subnet) {
      this.adding = {
        text: this.adding.text,
        problem: 'The IP address or subnet is not valid. Type an IPv4 or IPv6 address or subnet, for example 192.168.10.0/24 or fd00::/64.',
      };
      return false;
    }
    if (this.form.networks.some((n) => normalizeSubnet(n) === subnet)) {
      this.adding = { text: this.adding.text, problem: `${subnet} is already in the list.` };
      return false;
    }
    this.form.networks.push(subnet);
    this.selectedNetwork = this.form.networks.length - 1;
    this.adding = undefined;
    return true;
  }

  // ── Checks and commands ─────────────────────────────────────────────────────────────────────

  get errors(): Partial<Record<'maxLive' | 'maxStorage' | 'vhdPath' | 'vmPath', string>> {
    const out: Partial<Record<'maxLive' | 'maxStorage' | 'vhdPath' | 'vmPath', string>> = {};
    for (const key of ['maxLive', 'maxStorage'] as const) {
      const n = countOf(this.form[key]);
      if (n === undefined) out[key] = `Type a whole number from ${MIGRATIONS_MIN} to ${MIGRATIONS_MAX}.`;
    }
    for (const key of ['vhdPath', 'vmPath'] as const) {
      const problem = this.server ? folderProblem(this.server[key]) : undefined;
      if (problem) out[key] = problem.message;
    }
    return out;
  }

  /** What OK will send, in order. */
  get commands(): Command[] {
    const f = this.form;
    const b = this.baseline;
    const ComputerName = this.host;
    const out: Command[] = [];
    if (f.enabled !== b.enabled) out.push({ cmdlet: f.enabled ? 'Enable-VMMigration' : 'Disable-VMMigration', params: { ComputerName } });

    const set: Record<string, unknown> = {};
    const maxLive = countOf(f.maxLive);
    const maxStorage = countOf(f.maxStorage);
    if (maxLive !== undefined && maxLive !== b.maximumLiveMigrations) set.MaximumVirtualMachineMigrations = maxLive;
    if (maxStorage !== undefined && maxStorage !== b.maximumStorageMigrations) set.MaximumStorageMigrations = maxStorage;
    if (f.authentication !== b.authentication) set.VirtualMachineMigrationAuthenticationType = f.authentication;
    if (f.performance !== b.performanceOption) set.VirtualMachineMigrationPerformanceOption = f.performance;
    if (f.useAnyNetwork !== b.useAnyNetwork) set.UseAnyNetworkForMigration = f.useAnyNetwork;
    const sv = this.server;
    if (sv) {
      if (!folderProblem(sv.vhdPath) && this.vhdPath !== undefined && !samePath(sv.vhdPath, this.vhdPath)) set.VirtualHardDiskPath = cleanFolder(sv.vhdPath);
      if (!folderProblem(sv.vmPath) && this.vmPath !== undefined && !samePath(sv.vmPath, this.vmPath)) set.VirtualMachinePath = cleanFolder(sv.vmPath);
      if (this.numaSpanning !== undefined && sv.numaSpanning !== this.numaSpanning) set.NumaSpanningEnabled = sv.numaSpanning;
    }
    const setHost: Command[] = Object.keys(set).length ? [{ cmdlet: 'Set-VMHost', params: { ComputerName, ...set } }] : [];

    // Priority = position in the list. Reordering is a remove and an add with the new -Priority
    // (2012 R2 has no Set-VMMigrationNetwork -NewPriority in this lab).
    const wanted = f.networks.map((s, i) => ({ subnet: normalizeSubnet(s) ?? s, priority: i }));
    const removes: Command[] = [];
    const adds: Command[] = [];
    for (const n of b.networks) {
      const w = wanted.find((x) => x.subnet === n.subnet);
      if (!w || w.priority !== n.priority) removes.push({ cmdlet: 'Remove-VMMigrationNetwork', params: { Subnet: n.subnet, ComputerName } });
    }
    for (const w of wanted) {
      const n = b.networks.find((x) => x.subnet === w.subnet);
      if (!n || n.priority !== w.priority) adds.push({ cmdlet: 'Add-VMMigrationNetwork', params: { Subnet: w.subnet, Priority: w.priority, ComputerName } });
    }
    // Networks before "use only these networks", so the host is never left with none to accept on.
    if (f.useAnyNetwork === false && b.useAnyNetwork) out.push(...removes, ...adds, ...setHost);
    else out.push(...setHost, ...removes, ...adds);
    return out;
  }

  get script(): string {
    return scriptText(this.commands);
  }

  get dirty(): boolean {
    return this.commands.length > 0;
  }

  /** Sends the changes one command at a time; stops at the first refusal and shows it. */
  async apply(): Promise<boolean> {
    const errors = this.errors;
    if (Object.keys(errors).length) {
      runInAction(() => {
        this.showErrors = true;
        this.page = errors.maxLive ? 'liveMigrations' : errors.maxStorage ? 'storageMigrations' : errors.vhdPath ? 'vhdPath' : 'vmPath';
      });
      return false;
    }
    const commands = this.commands;
    if (!commands.length) return true;
    runInAction(() => {
      this.applying = true;
    });
    const ok = await applyInOrder(this.deps.bridge, this.deps.dialogs, commands, {
      title: 'Hyper-V Settings',
      intro: `An error occurred while applying the Hyper-V settings of '${this.host}'.`,
    });
    await this.reload(ok);
    runInAction(() => {
      this.applying = false;
    });
    return ok;
  }

  async ok(): Promise<void> {
    if (await this.apply()) this.onClose();
  }

  cancel(): void {
    this.onClose();
  }

  /** Takes the host's settings as the engine now has them; the form follows when everything was applied. */
  private async reload(resetForm: boolean): Promise<void> {
    await this.load(resetForm);
    const result = await this.deps.bridge.query({ name: 'world' });
    if (!result.ok) return;
    const host = result.value.world.hosts.find((h) => h.name.toLowerCase() === this.host.toLowerCase());
    if (host) this.rebase(host.migration, resetForm);
  }

  private rebase(migration: Host['migration'], resetForm: boolean): void {
    this.baseline = migration;
    if (resetForm) {
      this.form = formOf(migration);
      this.showErrors = false;
      if (this.selectedNetwork !== undefined && this.selectedNetwork >= this.form.networks.length) this.selectedNetwork = undefined;
    }
  }
}

function formOf(m: Host['migration']): MigrationForm {
  return {
    enabled: m.enabled,
    maxLive: String(m.maximumLiveMigrations),
    maxStorage: String(m.maximumStorageMigrations),
    useAnyNetwork: m.useAnyNetwork,
    networks: [...m.networks].sort((a, b) => a.priority - b.priority).map((n) => n.subnet),
    authentication: m.authentication,
    performance: m.performanceOption,
  };
}

function countOf(text: string): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= MIGRATIONS_MIN && n <= MIGRATIONS_MAX ? n : undefined;
}

/** 10.0.0.0/8 or fd00::/64 as typed; an address alone means that one address, as the engine takes it. */
export { normalizeSubnet };
