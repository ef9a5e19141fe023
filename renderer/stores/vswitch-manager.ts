// Virtual Switch Manager for one host (Hyper-V Manager 2012 R2): the switches as drafts the user
// edits, "New virtual network switch", and Global Network Settings (MAC address range). Apply and
// OK send only what changed, as PowerShell the engine runs (New-, Set-, Rename-, Remove-VMSwitch,
// Set-VMNetworkAdapterVlan -ManagementOS, Set-VMHost -MacAddress*), after the question Hyper-V asks
// before networking changes. Switch rules and the RDMA warning come from
// engine/common/virtual-switch.ts, the same text the cmdlets warn with.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, Command, NetworkView } from '../../engine/contract';
import type { CmdletParams } from '../../engine/cmdlets/cmdlet-params';
import type { Host } from '../../engine/model/world';
import {
  APPLY_NETWORKING_CHANGES,
  VLAN_ID_MAX,
  VLAN_ID_MIN,
  macRangeOf,
  macRangeProblem,
  macWithDashes,
  parseMacAddress,
  rdmaUnderSwitchWarning,
} from '../../engine/common/virtual-switch';
import type { DialogStore } from './dialog-store';
import { applyInOrder, scriptText } from './settings-script';

export type SwitchType = Host['virtualSwitches'][number]['type'];

export interface SwitchDraft {
  /** Stable key for the list (the original name, or new-N). */
  key: string;
  /** The name the engine knows it by; undefined for a switch not created yet. */
  original?: string;
  name: string;
  type: SwitchType;
  /** External: the adapter or team interface. */
  adapter: string;
  allowManagementOS: boolean;
  vlanEnabled: boolean;
  vlanId: string;
  notes: string;
}

export type SwitchManagerPage = 'new' | 'mac' | `switch:${string}`;

export interface UplinkChoice {
  name: string;
  description: string;
  /** RDMA kind when RDMA-capable and enabled (an adapter), or the RDMA members (a team). */
  rdmaType?: 'iWARP' | 'RoCE' | 'InfiniBand';
  rdmaMembers?: string[];
}

export interface SwitchManagerDeps {
  bridge: Pick<Bridge, 'invoke' | 'query'>;
  dialogs: Pick<DialogStore, 'show'>;
}

const TEAM_DESCRIPTION = 'Microsoft Network Adapter Multiplexor Driver';

export const SWITCH_TYPE_TEXT: Record<SwitchType, { label: string; what: string }> = {
  External: {
    label: 'External',
    what: 'Creates a virtual switch that binds to a physical network adapter (or a NIC team), so that virtual machines can reach the physical network.',
  },
  Internal: {
    label: 'Internal',
    what: 'Creates a virtual switch that only the virtual machines on this computer and this computer itself can use. It gives no access to a physical network.',
  },
  Private: { label: 'Private', what: 'Creates a virtual switch that only the virtual machines on this computer can use, not even this computer itself.' },
};

export class SwitchManagerStore {
  page: SwitchManagerPage = 'new';
  /** The type chosen on "New virtual network switch". */
  newType: SwitchType = 'External';
  drafts: SwitchDraft[];
  /** Switches the user removed (by original name), sent on Apply. */
  removed: string[] = [];
  macMinimum: string;
  macMaximum: string;
  baseline: Host;
  uplinks: UplinkChoice[] = [];
  applying = false;
  /**
   * While Apply runs: which of its commands the engine is answering ("2 of 2"). Apply sends several
   * commands in turn (Set-VMNetworkAdapterVlan, then Set-VMHost for the MAC range); the dialog stays
   * busy until the last has landed and the drafts are read back, so what it shows afterwards holds
   * every one of them.
   */
  applyStep: { sending: number; of: number } | undefined = undefined;
  scriptVisible = false;
  showErrors = false;
  private nextNew = 1;

  constructor(
    private readonly deps: SwitchManagerDeps,
    host: Host,
    private readonly onClose: () => void,
  ) {
    this.baseline = host;
    this.drafts = draftsOf(host);
    const mac = macRangeOf(host);
    this.macMinimum = macWithDashes(mac.minimum);
    this.macMaximum = macWithDashes(mac.maximum);
    this.uplinks = uplinksOf(host, undefined);
    makeObservable<SwitchManagerStore, 'rebase'>(this, {
      page: observable,
      newType: observable,
      drafts: observable,
      removed: observable,
      macMinimum: observable,
      macMaximum: observable,
      baseline: observable.ref,
      uplinks: observable.ref,
      applying: observable,
      applyStep: observable,
      applyingText: computed,
      scriptVisible: observable,
      showErrors: observable,
      current: computed,
      errors: computed,
      commands: computed,
      script: computed,
      setPage: action,
      setNewType: action,
      create: action,
      set: action,
      setMac: action,
      remove: action,
      toggleScript: action,
      rebase: action,
    });
  }

  get host(): string {
    return this.baseline.name;
  }

  /** Reads the adapters' descriptions (the Networking view's) for the External list. */
  async load(): Promise<void> {
    const r = await this.deps.bridge.query({ name: 'network', host: this.host });
    if (!r.ok) return;
    runInAction(() => {
      this.uplinks = uplinksOf(this.baseline, r.value);
    });
  }

  get current(): SwitchDraft | undefined {
    const page = this.page;
    return page.startsWith('switch:') ? this.drafts.find((d) => `switch:${d.key}` === page) : undefined;
  }

  setPage(page: SwitchManagerPage): void {
    this.page = page;
  }

  setNewType(type: SwitchType): void {
    this.newType = type;
  }

  /** "Create Virtual Switch": a new draft of the chosen type, selected. */
  create(): void {
    const key = `new-${this.nextNew++}`;
    const taken = new Set(this.drafts.map((d) => d.name.toLowerCase()));
    let name = 'New Virtual Switch';
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `New Virtual Switch ${i}`;
    const free = this.uplinks.find((u) => !this.drafts.some((d) => d.type === 'External' && d.adapter.toLowerCase() === u.name.toLowerCase()));
    this.drafts.push({
      key,
      name,
      type: this.newType,
      adapter: this.newType === 'External' ? (free?.name ?? '') : '',
      allowManagementOS: this.newType !== 'Private',
      vlanEnabled: false,
      vlanId: '',
      notes: '',
    });
    this.page = `switch:${key}`;
  }

  set<K extends keyof SwitchDraft>(key: K, value: SwitchDraft[K]): void {
    const d = this.current;
    if (!d) return;
    d[key] = value;
    if (key === 'type') {
      if (value === 'External' && !d.adapter) d.adapter = this.uplinks.find((u) => !this.boundElsewhere(u.name, d))?.name ?? '';
      d.allowManagementOS = value !== 'Private';
    }
  }

  setMac(which: 'macMinimum' | 'macMaximum', text: string): void {
    this[which] = text;
  }

  /** Remove: the switch goes from the list now and from the host on Apply. */
  remove(): void {
    const d = this.current;
    if (!d) return;
    if (d.original) this.removed.push(d.original);
    const i = this.drafts.indexOf(d);
    this.drafts.splice(i, 1);
    const next = this.drafts[Math.min(i, this.drafts.length - 1)];
    this.page = next ? `switch:${next.key}` : 'new';
  }

  toggleScript(): void {
    this.scriptVisible = !this.scriptVisible;
  }

  /** Whether another draft is bound to this adapter. */
  boundElsewhere(adapter: string, self: SwitchDraft): boolean {
    return this.drafts.some((d) => d !== self && d.type === 'External' && d.adapter.toLowerCase() === adapter.toLowerCase());
  }

  /** The RDMA warning for a draft (an External switch over an RDMA adapter or a team of them). */
  warningFor(d: SwitchDraft): string | undefined {
    if (d.type !== 'External' || !d.adapter) return undefined;
    const u = this.uplinks.find((x) => x.name.toLowerCase() === d.adapter.toLowerCase());
    if (!u) return undefined;
    return rdmaUnderSwitchWarning(
      d.name.trim() || 'New Virtual Switch',
      {
        adapter: u.name,
        ...(u.rdmaType ? { rdmaType: u.rdmaType } : {}),
        ...(u.rdmaMembers?.length ? { rdmaMembers: u.rdmaMembers } : {}),
      },
      d.allowManagementOS,
    );
  }

  // ── Checks and commands ─────────────────────────────────────────────────────────────────────

  /** Problems by draft key (or 'mac'), in the product's spirit: OK stays on the page to correct. */
  get errors(): Record<string, string> {
    const out: Record<string, string> = {};
    const seen = new Map<string, string>();
    for (const d of this.drafts) {
      const name = d.name.trim();
      if (!name) out[d.key] = 'Type a name for the virtual switch.';
      else if (seen.has(name.toLowerCase())) out[d.key] = `Another virtual switch is already named '${name}'.`;
      else if (d.type === 'External' && !d.adapter) out[d.key] = `Choose the network adapter the external switch '${name}' binds to.`;
      else if (d.type === 'External' && this.boundElsewhere(d.adapter, d))
        out[d.key] = `'${d.adapter}' is already bound to another virtual switch in this list.`;
      else if (d.vlanEnabled && d.type !== 'Private' && vlanOf(d) === undefined)
        out[d.key] = `Type a VLAN ID from ${VLAN_ID_MIN} to ${VLAN_ID_MAX} for '${name}'.`;
      seen.set(name.toLowerCase(), d.key);
    }
    const min = parseMacAddress(this.macMinimum);
    const max = parseMacAddress(this.macMaximum);
    if (!min || !max) out.mac = 'Type each MAC address as 12 hexadecimal digits, such as 00-15-5D-01-0B-00.';
    else {
      const problem = macRangeProblem(min, max);
      if (problem) out.mac = problem;
    }
    return out;
  }

  /** What Apply sends, in order: removals, changes, new switches, VLANs, then the MAC range. */
  get commands(): Command[] {
    const ComputerName = this.host;
    const out: Command[] = [];
    for (const name of this.removed) out.push({ cmdlet: 'Remove-VMSwitch', params: { Name: [name], Force: true, ComputerName: [ComputerName] } });
    const vlans: Command[] = [];
    for (const d of this.drafts) {
      const name = d.name.trim();
      const was = d.original ? this.baseline.virtualSwitches.find((s) => s.name === d.original) : undefined;
      const vlan = d.vlanEnabled && d.type !== 'Private' ? vlanOf(d) : undefined;
      if (!was) {
        out.push({
          cmdlet: 'New-VMSwitch',
          params: {
            Name: name,
            ...(d.type === 'External' ? { NetAdapterName: d.adapter, ...(d.allowManagementOS ? {} : { AllowManagementOS: false }) } : { SwitchType: d.type }),
            ...(d.notes ? { Notes: d.notes } : {}),
            ComputerName: [ComputerName],
          },
        });
        if (vlan !== undefined && (d.type === 'Internal' || d.allowManagementOS)) vlans.push(vlanCommand(name, vlan, ComputerName));
        continue;
      }
      if (name !== was.name) out.push({ cmdlet: 'Rename-VMSwitch', params: { Name: was.name, NewName: name, ComputerName: [ComputerName] } });
      const set: Omit<CmdletParams<'Set-VMSwitch'>, 'Name' | 'ComputerName'> = {};
      if (d.type === 'External' && (was.type !== 'External' || (was.adapter ?? '').toLowerCase() !== d.adapter.toLowerCase())) set.NetAdapterName = d.adapter;
      if (d.type !== 'External' && d.type !== was.type) set.SwitchType = d.type;
      if (d.type === 'External' && d.allowManagementOS !== (was.type === 'External' ? was.allowManagementOS : true))
        set.AllowManagementOS = d.allowManagementOS;
      if (d.notes !== (was.notes ?? '')) set.Notes = d.notes;
      if (Object.keys(set).length) out.push({ cmdlet: 'Set-VMSwitch', params: { Name: [name], ...set, ComputerName: [ComputerName] } });
      const shared = d.type === 'Internal' || (d.type === 'External' && d.allowManagementOS);
      const wasVlan = was.managementVlanId;
      if (shared && vlan !== wasVlan) {
        vlans.push(vlan === undefined ? untaggedCommand(name, ComputerName) : vlanCommand(name, vlan, ComputerName));
      }
    }
    out.push(...vlans);
    const min = parseMacAddress(this.macMinimum);
    const max = parseMacAddress(this.macMaximum);
    const mac = macRangeOf(this.baseline);
    if (min && max && (min !== mac.minimum || max !== mac.maximum)) {
      out.push({ cmdlet: 'Set-VMHost', params: { ComputerName: [ComputerName], MacAddressMinimum: min, MacAddressMaximum: max } });
    }
    return out;
  }

  get script(): string {
    return scriptText(this.commands);
  }

  get dirty(): boolean {
    return this.commands.length > 0;
  }

  /** The frame's busy text while Apply runs. */
  get applyingText(): string | undefined {
    const step = this.applyStep;
    if (!this.applying) return undefined;
    return step && step.sending <= step.of ? `Applying changes (${step.sending} of ${step.of})…` : 'Applying changes…';
  }

  /** Apply: checks, then Hyper-V's question when switches change, then the commands in order. */
  async apply(): Promise<boolean> {
    const errors = this.errors;
    const first = Object.keys(errors)[0];
    if (first) {
      runInAction(() => {
        this.showErrors = true;
        this.page = first === 'mac' ? 'mac' : `switch:${first}`;
      });
      return false;
    }
    const commands = this.commands;
    if (!commands.length) return true;
    const networking = commands.some((c) => c.cmdlet !== 'Set-VMHost');
    if (networking && !(await this.confirm())) return false;
    runInAction(() => {
      this.applying = true;
      this.applyStep = { sending: 1, of: commands.length };
    });
    const ok = await applyInOrder(
      this.deps.bridge,
      this.deps.dialogs,
      commands,
      {
        title: 'Virtual Switch Manager',
        intro: `An error occurred while applying the virtual switch changes on '${this.host}'.`,
      },
      (i) => runInAction(() => (this.applyStep = { sending: i + 1, of: commands.length })),
    );
    // Read back only after the last command has been answered, then leave the busy state.
    await this.reload();
    runInAction(() => {
      this.applying = false;
      this.applyStep = undefined;
    });
    return ok;
  }

  async ok(): Promise<void> {
    if (await this.apply()) this.onClose();
  }

  cancel(): void {
    this.onClose();
  }

  private confirm(): Promise<boolean> {
    return new Promise((resolve) => {
      let answered = false;
      this.deps.dialogs.show({
        kind: 'confirm',
        title: APPLY_NETWORKING_CHANGES.title,
        message: APPLY_NETWORKING_CHANGES.message,
        detail: APPLY_NETWORKING_CHANGES.question,
        confirmLabel: 'Yes',
        cancelLabel: 'No',
        onConfirm: () => {
          answered = true;
          resolve(true);
        },
        onCancel: () => {
          if (!answered) resolve(false);
        },
      });
    });
  }

  /** Takes the host as the engine now has it: the drafts start again from there. */
  private async reload(): Promise<void> {
    const result = await this.deps.bridge.query({ name: 'world' });
    if (!result.ok) return;
    const host = result.value.world.hosts.find((h) => h.name.toLowerCase() === this.host.toLowerCase());
    if (host) this.rebase(host);
    await this.load();
  }

  private rebase(host: Host): void {
    const page = this.current;
    this.baseline = host;
    this.drafts = draftsOf(host);
    this.removed = [];
    const mac = macRangeOf(host);
    this.macMinimum = macWithDashes(mac.minimum);
    this.macMaximum = macWithDashes(mac.maximum);
    this.showErrors = false;
    if (page) {
      const same = this.drafts.find((d) => d.name.toLowerCase() === page.name.trim().toLowerCase());
      this.page = same ? `switch:${same.key}` : 'new';
    }
  }
}

function draftsOf(host: Host): SwitchDraft[] {
  return host.virtualSwitches.map((s) => ({
    key: s.name,
    original: s.name,
    name: s.name,
    type: s.type,
    adapter: s.adapter ?? '',
    allowManagementOS: s.type === 'Internal' || (s.type === 'External' && s.allowManagementOS),
    vlanEnabled: s.managementVlanId !== undefined,
    vlanId: s.managementVlanId !== undefined ? String(s.managementVlanId) : '',
    notes: s.notes ?? '',
  }));
}

function vlanOf(d: SwitchDraft): number | undefined {
  if (!/^\s*\d+\s*$/.test(d.vlanId)) return undefined;
  const n = Number(d.vlanId);
  return n >= VLAN_ID_MIN && n <= VLAN_ID_MAX ? n : undefined;
}

function vlanCommand(name: string, vlan: number, host: string): Command {
  return { cmdlet: 'Set-VMNetworkAdapterVlan', params: { ManagementOS: true, VMNetworkAdapterName: name, Access: true, VlanId: vlan, ComputerName: [host] } };
}

function untaggedCommand(name: string, host: string): Command {
  return { cmdlet: 'Set-VMNetworkAdapterVlan', params: { ManagementOS: true, VMNetworkAdapterName: name, Untagged: true, ComputerName: [host] } };
}

/** What an External switch can bind to: adapters that are not team members, and team interfaces. */
function uplinksOf(host: Host, view: NetworkView | undefined): UplinkChoice[] {
  const teamed = new Set(host.teams.flatMap((t) => t.members.map((m) => m.toLowerCase())));
  const described = new Map((view?.adapters ?? []).map((a) => [a.name.toLowerCase(), a.description]));
  const rdmaOn = (n: Host['nics'][number]) => n.rdma.type !== 'none' && n.rdma.enabled;
  const nics = host.nics
    .filter((n) => !teamed.has(n.name.toLowerCase()) && n.medium === 'Ethernet' && n.rdma.type !== 'InfiniBand')
    .map((n): UplinkChoice => ({
      name: n.name,
      description: described.get(n.name.toLowerCase()) ?? n.name,
      ...(rdmaOn(n) && n.rdma.type !== 'none' ? { rdmaType: n.rdma.type } : {}),
    }));
  const teams = host.teams.map((t): UplinkChoice => ({
    name: t.name,
    description: TEAM_DESCRIPTION,
    rdmaMembers: host.nics.filter((n) => t.members.some((m) => m.toLowerCase() === n.name.toLowerCase()) && rdmaOn(n)).map((n) => n.name),
  }));
  return [...nics, ...teams];
}
