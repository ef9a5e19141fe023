// "Settings for <VM> on <host>": the virtual machine settings that decide whether and how it moves
// (the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft Learn, "Hyper-V Dynamic Memory Overview") — Memory (Dynamic Memory), Processor and its Compatibility,
// the hard drives (read-only), and the Smart Paging File Location. The form checks what Hyper-V
// Manager checks as you type (ranges, 2 MB steps, minimum ≤ startup ≤ maximum, what a running VM
// may change); OK sends Set-VMMemory / Set-VMProcessor / Set-VM for what changed and shows the
// engine's refusal if there is one. Message texts are the lab's (Hyper-V's own are unconfirmed).
// While a move of the VM is queued or running the engine refuses every change (its
// 'configurationLock' query gives the text, shown before Apply); the form keeps what was typed,
// and fields the user did not touch follow the VM as the engine changes it (a move's switch).
import { action, computed, makeObservable, observable, reaction, runInAction, type IReactionDisposer } from 'mobx';
import type { Bridge, Command, ConfigurationLock } from '../../engine/contract';
import type { Vm } from '../../engine/model/world';
import type { DialogStore } from './dialog-store';
import type { InventoryStore } from './inventory-store';
import type { JobStore } from './job-store';
import { applyInOrder, scriptText } from './settings-script';
import { cleanFolder, folderProblem, samePath } from './wizard-paths';
import {
  AUTOMATIC_START_DELAY_MAX,
  DEFAULT_AUTOMATIC_START_ACTION,
  DEFAULT_AUTOMATIC_STOP_ACTION,
  INTEGRATION_SERVICES,
  RELATIVE_WEIGHT_MAX,
  biosStartupOrder,
  firmwareBootOrder,
  integrationServiceEnabled,
  processorControlOf,
  scsiControllerCount,
  type AutomaticStartAction,
  type AutomaticStopAction,
  type BiosDevice,
  type BootEntry,
} from '../../engine/common/vm-configuration';

export type VmSettingsPage =
  | 'addHardware'
  | 'bios'
  | 'firmware'
  | 'memory'
  | 'processor'
  | 'compatibility'
  | 'numa'
  | `controller:${string}`
  | `disk:${number}`
  | `dvd:${number}`
  | `net:${number}`
  | `added:${number}`
  | 'name'
  | 'integration'
  | 'checkpoints'
  | 'smartPaging'
  | 'startAction'
  | 'stopAction';
export type VmField =
  | 'startup'
  | 'minimum'
  | 'maximum'
  | 'buffer'
  | 'processors'
  | 'reserve'
  | 'limit'
  | 'weight'
  | 'smartPaging'
  | 'checkpoints'
  | 'name'
  | 'startDelay'
  | 'added';

/**
 * Hardware added in this dialog and sent on OK (Add Hardware, or Add on a controller's page): a
 * SCSI controller, a network adapter (legacy on generation 1), or a drive on a controller
 * ('IDE 1', 'SCSI 0'): a DVD drive, optionally with an image, or a hard drive with an existing disk.
 */
/** A controller in the Hardware list: its page id ('IDE Controller 0', 'SCSI Controller'), and its slot prefix ('IDE 0', 'SCSI 0'). */
export interface ControllerNode {
  id: string;
  label: string;
  slot: string;
  type: 'IDE' | 'SCSI';
  number: number;
}

export type Addition =
  | { kind: 'scsi' }
  | { kind: 'nic'; legacy: boolean; switchName: string }
  | { kind: 'dvd'; controller: string; path: string }
  | { kind: 'disk'; controller: string; path: string };

const MB = 1024 ** 2;
export const MEMORY_MIN_MB = 32;
export const MEMORY_MAX_MB = 1024 * 1024;

export interface VmForm {
  startupMb: string;
  dynamic: boolean;
  minimumMb: string;
  maximumMb: string;
  buffer: string;
  /** Memory weight as -Priority, 0..100 (the engine keeps weight = priority × 100). */
  priority: number;
  processors: string;
  compatibility: boolean;
  /** Processor → Resource control, as typed (percent, percent, weight). */
  reserve: string;
  limit: string;
  weight: string;
  smartPaging: string;
  checkpoints: string;
  name: string;
  notes: string;
  /** Integration Services: service name → checked. */
  services: Record<string, boolean>;
  startAction: AutomaticStartAction;
  startDelay: string;
  stopAction: AutomaticStopAction;
  /** BIOS (generation 1): the startup order and Num Lock. */
  biosOrder: BiosDevice[];
  numLock: boolean;
  /** Firmware (generation 2): the boot order as device keys, and Secure Boot. */
  bootOrder: string[];
  secureBoot: boolean;
}

export interface VmSettingsDeps {
  bridge: Pick<Bridge, 'invoke' | 'query'>;
  dialogs: Pick<DialogStore, 'show'>;
  inventory: InventoryStore;
  /** Job events tell the dialog when to ask the engine again whether the VM is being moved. */
  jobs: Pick<JobStore, 'activeMoveByVm'>;
}

export class VmSettingsStore {
  page: VmSettingsPage = 'memory';
  form: VmForm;
  /** The VM as OK compares against: as opened, then as the engine has it after Apply. */
  baseline: Vm;
  applying = false;
  scriptVisible = false;
  showErrors = false;
  /** Network Adapter pages: the virtual switch of each adapter ('' = Not connected), in the VM's order. */
  networkSwitches: string[];
  /** The engine's refusal while the VM is being moved, shown before Apply; undefined when changes are allowed. */
  lock: ConfigurationLock | undefined = undefined;
  /** Hardware added in the dialog, sent on OK. */
  additions: Addition[] = [];

  private lockSeq = 0;
  private readonly disposers: IReactionDisposer[] = [];

  constructor(
    private readonly deps: VmSettingsDeps,
    vm: Vm,
    private readonly onClose: () => void,
  ) {
    this.baseline = vm;
    this.form = formOf(vm);
    this.networkSwitches = switchesOf(vm);
    makeObservable<VmSettingsStore, 'rebase' | 'setLock' | 'follow'>(this, {
      page: observable,
      networkSwitches: observable,
      setNetworkSwitch: action,
      additions: observable,
      add: action,
      removeAddition: action,
      setAddition: action,
      moveBoot: action,
      setService: action,
      lock: observable.ref,
      form: observable,
      baseline: observable.ref,
      applying: observable,
      scriptVisible: observable,
      showErrors: observable,
      vm: computed,
      running: computed,
      memoryEditable: computed,
      errors: computed,
      commands: computed,
      script: computed,
      setPage: action,
      set: action,
      toggleScript: action,
      rebase: action,
      setLock: action,
      follow: action,
    });
    // Ask the engine again whenever a move of this VM starts, is admitted or ends.
    this.disposers.push(
      reaction(
        () => {
          const job = deps.jobs.activeMoveByVm.get(vm.id);
          return job ? `${job.id}|${job.state}` : '';
        },
        () => void this.loadLock(),
        { fireImmediately: true },
      ),
    );
    this.disposers.push(
      reaction(
        () => this.vm,
        (now) => this.follow(now),
      ),
    );
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
    this.lockSeq++;
  }

  private async loadLock(): Promise<void> {
    const seq = ++this.lockSeq;
    const result = await this.deps.bridge.query({ name: 'configurationLock', vm: this.baseline.id });
    if (seq === this.lockSeq && result.ok) this.setLock(result.value ?? undefined);
  }

  private setLock(lock: ConfigurationLock | undefined): void {
    this.lock = lock;
  }

  /**
   * The engine changed the VM while the dialog is open (a move switched its paths, a command at
   * the prompt): fields the user has not edited take the new values, edited ones stay as typed.
   */
  private follow(now: Vm): void {
    if (now === this.baseline) return;
    const was = formOf(this.baseline);
    const next = formOf(now);
    for (const key of Object.keys(next) as (keyof VmForm)[]) {
      if (sameValue(this.form[key], was[key])) (this.form as Record<keyof VmForm, VmForm[keyof VmForm]>)[key] = next[key];
    }
    if (this.networkSwitches.join('\n') === switchesOf(this.baseline).join('\n')) this.networkSwitches = switchesOf(now);
    this.baseline = now;
  }

  /** The VM as the engine has it now (its state decides what may change). */
  get vm(): Vm {
    return this.deps.inventory.vm(this.baseline.id) ?? this.baseline;
  }

  get host(): string {
    return this.vm.host;
  }

  /** Running or paused: Dynamic Memory and Startup RAM are fixed; Minimum may only fall, Maximum only rise. */
  get running(): boolean {
    return this.vm.state === 'Running' || this.vm.state === 'Paused';
  }

  /** Memory can be changed while off, running or paused — not while saved, starting or stopping. */
  get memoryEditable(): boolean {
    const s = this.vm.state;
    return s === 'Off' || s === 'Running' || s === 'Paused';
  }

  get off(): boolean {
    return this.vm.state === 'Off';
  }

  setPage(page: VmSettingsPage): void {
    this.page = page;
  }

  set<K extends keyof VmForm>(key: K, value: VmForm[K]): void {
    this.form[key] = value;
  }

  toggleScript(): void {
    this.scriptVisible = !this.scriptVisible;
  }

  /** Network Adapter → Virtual switch ('' = Not connected). */
  setNetworkSwitch(index: number, switchName: string): void {
    if (index >= 0 && index < this.networkSwitches.length) this.networkSwitches[index] = switchName;
  }

  /** Adds hardware to send on OK and opens its page (a drive's page is its controller's). */
  add(addition: Addition): void {
    this.additions.push(addition);
    if (addition.kind === 'disk' || addition.kind === 'dvd') {
      const node = this.controllers.find((c) => c.slot === addition.controller);
      if (node) this.page = `controller:${node.id}`;
    } else this.page = `added:${this.additions.length - 1}`;
  }

  removeAddition(index: number): void {
    this.additions.splice(index, 1);
    if (this.page.startsWith('added:')) this.page = 'addHardware';
  }

  setAddition(index: number, addition: Addition): void {
    if (index >= 0 && index < this.additions.length) this.additions[index] = addition;
  }

  /** Integration Services: checks or clears a service. */
  setService(name: string, enabled: boolean): void {
    this.form.services = { ...this.form.services, [name]: enabled };
  }

  /** Moves an entry of the startup (BIOS) or boot (firmware) order up or down. */
  moveBoot(list: 'biosOrder' | 'bootOrder', index: number, delta: -1 | 1): void {
    const items = [...this.form[list]] as string[];
    const j = index + delta;
    if (index < 0 || j < 0 || j >= items.length) return;
    [items[index], items[j]] = [items[j]!, items[index]!];
    if (list === 'biosOrder') this.form.biosOrder = items as BiosDevice[];
    else this.form.bootOrder = items;
  }

  /** The boot entries in the order the form has them (Firmware page). */
  get bootEntries(): BootEntry[] {
    const all = firmwareBootOrder(this.vm, this.vm.firmware?.bootOrder);
    return this.form.bootOrder.map((k) => all.find((e) => e.key === k)).filter((e): e is BootEntry => e !== undefined);
  }

  /** The host's logical processors and NUMA node, for the Processor pages. */
  get hostCpu(): { cores: number; memoryBytes: number } {
    const h = this.deps.inventory.host(this.host);
    return { cores: h?.cpu.cores ?? 1, memoryBytes: h?.memoryBytes ?? 0 };
  }

  /** The controllers the VM has, with the drives on each (Hardware list and controller pages). */
  get controllers(): ControllerNode[] {
    const out: ControllerNode[] = [];
    if (this.vm.generation === 1) {
      for (const n of [0, 1]) out.push({ id: `IDE Controller ${n}`, label: `IDE Controller ${n}`, slot: `IDE ${n}`, type: 'IDE', number: n });
    }
    // Only the controllers the VM has: SCSI controllers added in this dialog get their page once applied.
    const scsi = scsiControllerCount(this.vm);
    for (let n = 0; n < scsi; n++)
      out.push({ id: n === 0 ? 'SCSI Controller' : `SCSI Controller ${n}`, label: 'SCSI Controller', slot: `SCSI ${n}`, type: 'SCSI', number: n });
    return out;
  }

  /** The virtual switches of the VM's host, for the Network Adapter pages. */
  get hostSwitches(): string[] {
    return this.deps.inventory.host(this.host)?.virtualSwitches.map((s) => s.name) ?? [];
  }

  // ── Checks ──────────────────────────────────────────────────────────────────────────────────

  get errors(): Partial<Record<VmField, string>> {
    const f = this.form;
    const cur = this.baseline.memory;
    const out: Partial<Record<VmField, string>> = {};
    const startup = mbOf(f.startupMb);
    const minimum = mbOf(f.minimumMb);
    const maximum = mbOf(f.maximumMb);

    const size = (field: 'startup' | 'minimum' | 'maximum', mb: number | undefined, text: string, label: string): boolean => {
      if (mb === undefined) {
        out[field] = `The ${label} must be a whole number of megabytes (MB).`;
        return false;
      }
      if (mb < MEMORY_MIN_MB || mb > MEMORY_MAX_MB) {
        out[field] = `The ${label} must be between ${MEMORY_MIN_MB} MB and ${MEMORY_MAX_MB} MB.`;
        return false;
      }
      if (mb % 2 !== 0) {
        out[field] = `The ${label} must be a multiple of 2 MB (${text.trim()} MB is not).`;
        return false;
      }
      return true;
    };

    const startupOk = size('startup', startup, f.startupMb, 'startup RAM');
    if (f.dynamic) {
      const minOk = size('minimum', minimum, f.minimumMb, 'minimum RAM');
      const maxOk = size('maximum', maximum, f.maximumMb, 'maximum RAM');
      if (startupOk && minOk && minimum! > startup!) out.minimum = `The minimum RAM (${minimum} MB) cannot be greater than the startup RAM (${startup} MB).`;
      if (startupOk && maxOk && maximum! < startup!) out.maximum = `The maximum RAM (${maximum} MB) cannot be less than the startup RAM (${startup} MB).`;
      if (this.running && cur.dynamic) {
        if (minOk && !out.minimum && minimum! * MB > cur.minimumBytes) {
          out.minimum = `While the virtual machine is running, the minimum RAM can only be decreased (it is ${cur.minimumBytes / MB} MB now).`;
        }
        if (maxOk && !out.maximum && maximum! * MB < cur.maximumBytes) {
          out.maximum = `While the virtual machine is running, the maximum RAM can only be increased (it is ${cur.maximumBytes / MB} MB now).`;
        }
      }
      const buffer = intOf(f.buffer);
      if (buffer === undefined || buffer < 5 || buffer > 2000) out.buffer = 'The memory buffer must be a whole number from 5 to 2000 percent.';
    }
    const cores = this.deps.inventory.host(this.host)?.cpu.cores ?? 64;
    const processors = intOf(f.processors);
    if (processors === undefined || processors < 1 || processors > Math.min(64, cores)) {
      out.processors = `The number of virtual processors must be from 1 to ${Math.min(64, cores)} (the logical processors of ${this.host}).`;
    }
    const reserve = intOf(f.reserve);
    const limit = intOf(f.limit);
    if (reserve === undefined || reserve > 100) out.reserve = 'The virtual machine reserve must be a whole number from 0 to 100 percent.';
    if (limit === undefined || limit > 100) out.limit = 'The virtual machine limit must be a whole number from 0 to 100 percent.';
    if (!out.reserve && !out.limit && reserve! > limit!)
      out.reserve = `The virtual machine reserve (${reserve}%) cannot be greater than the virtual machine limit (${limit}%).`;
    const weight = intOf(f.weight);
    if (weight === undefined || weight > RELATIVE_WEIGHT_MAX) out.weight = `The relative weight must be a whole number from 0 to ${RELATIVE_WEIGHT_MAX}.`;
    const folder = folderProblem(f.smartPaging);
    if (folder) out.smartPaging = folder.message;
    const checkpoints = folderProblem(f.checkpoints);
    if (checkpoints) out.checkpoints = checkpoints.message;
    if (!f.name.trim()) out.name = 'Type a name for the virtual machine.';
    else if (f.name.trim().length > 100) out.name = `The name of a virtual machine can have at most 100 characters (this one has ${f.name.trim().length}).`;
    const delay = intOf(f.startDelay);
    if (delay === undefined || delay > AUTOMATIC_START_DELAY_MAX)
      out.startDelay = `The startup delay must be a whole number of seconds from 0 to ${AUTOMATIC_START_DELAY_MAX}.`;
    const disk = this.additions.find((a) => a.kind === 'disk' && a.path.trim() === '');
    if (disk) out.added = 'Type the path of the virtual hard disk file to attach, or remove the new hard drive.';
    return out;
  }

  get hasErrors(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  /** The page a field is on, to open it when OK finds the field wrong. */
  static pageOf(field: VmField): VmSettingsPage {
    switch (field) {
      case 'processors':
      case 'reserve':
      case 'limit':
      case 'weight':
        return 'processor';
      case 'smartPaging':
        return 'smartPaging';
      case 'checkpoints':
        return 'checkpoints';
      case 'name':
        return 'name';
      case 'startDelay':
        return 'startAction';
      case 'added':
        return 'addHardware';
      default:
        return 'memory';
    }
  }

  // ── Commands ────────────────────────────────────────────────────────────────────────────────

  get commands(): Command[] {
    const f = this.form;
    const b = this.baseline;
    const ComputerName = b.host;
    const out: Command[] = [];

    const memory: Record<string, unknown> = {};
    if (f.dynamic !== b.memory.dynamic) memory.DynamicMemoryEnabled = f.dynamic;
    const startup = mbOf(f.startupMb);
    if (startup !== undefined && startup * MB !== b.memory.startupBytes) memory.StartupBytes = startup * MB;
    if (f.dynamic) {
      const minimum = mbOf(f.minimumMb);
      const maximum = mbOf(f.maximumMb);
      const buffer = intOf(f.buffer);
      if (minimum !== undefined && minimum * MB !== b.memory.minimumBytes) memory.MinimumBytes = minimum * MB;
      if (maximum !== undefined && maximum * MB !== b.memory.maximumBytes) memory.MaximumBytes = maximum * MB;
      if (buffer !== undefined && buffer !== b.memory.bufferPercent) memory.Buffer = buffer;
    }
    if (f.priority !== priorityOf(b)) memory.Priority = f.priority;
    if (Object.keys(memory).length) out.push({ cmdlet: 'Set-VMMemory', params: { VMName: b.name, ComputerName, ...memory } });

    const processor: Record<string, unknown> = {};
    const count = intOf(f.processors);
    if (count !== undefined && count !== b.processorCount) processor.Count = count;
    if (f.compatibility !== b.compatibilityForMigration) processor.CompatibilityForMigrationEnabled = f.compatibility;
    const control = processorControlOf(b.processor);
    const reserve = intOf(f.reserve);
    const limit = intOf(f.limit);
    const weight = intOf(f.weight);
    const errors = this.errors;
    if (!errors.reserve && reserve !== undefined && reserve !== control.reserve) processor.Reserve = reserve;
    if (!errors.limit && limit !== undefined && limit !== control.maximum) processor.Maximum = limit;
    if (!errors.weight && weight !== undefined && weight !== control.relativeWeight) processor.RelativeWeight = weight;
    if (Object.keys(processor).length) out.push({ cmdlet: 'Set-VMProcessor', params: { VMName: b.name, ComputerName, ...processor } });

    const vmSet: Record<string, unknown> = {};
    if (!folderProblem(f.smartPaging) && !samePath(f.smartPaging, b.paths.smartPaging)) vmSet.SmartPagingFilePath = cleanFolder(f.smartPaging);
    if (!folderProblem(f.checkpoints) && !samePath(f.checkpoints, b.paths.snapshots)) vmSet.SnapshotFileLocation = cleanFolder(f.checkpoints);
    if (f.notes !== b.notes) vmSet.Notes = f.notes;
    if (f.startAction !== (b.automaticStartAction ?? DEFAULT_AUTOMATIC_START_ACTION)) vmSet.AutomaticStartAction = f.startAction;
    const delay = intOf(f.startDelay);
    if (!errors.startDelay && delay !== undefined && delay !== (b.automaticStartDelaySeconds ?? 0)) vmSet.AutomaticStartDelay = delay;
    if (f.stopAction !== (b.automaticStopAction ?? DEFAULT_AUTOMATIC_STOP_ACTION)) vmSet.AutomaticStopAction = f.stopAction;
    if (Object.keys(vmSet).length) out.push({ cmdlet: 'Set-VM', params: { Name: b.name, ComputerName, ...vmSet } });

    // Added hardware: controllers first, so drives can go on them.
    for (const a of [...this.additions].sort((x, y) => Number(y.kind === 'scsi') - Number(x.kind === 'scsi'))) {
      if (a.kind === 'scsi') out.push({ cmdlet: 'Add-VMScsiController', params: { VMName: b.name, ComputerName } });
      else if (a.kind === 'nic') {
        out.push({
          cmdlet: 'Add-VMNetworkAdapter',
          params: { VMName: b.name, ...(a.legacy ? { IsLegacy: true } : {}), ...(a.switchName ? { SwitchName: a.switchName } : {}), ComputerName },
        });
      } else {
        const [type, number] = a.controller.split(' ');
        const path = a.path.trim();
        if (a.kind === 'dvd')
          out.push({ cmdlet: 'Add-VMDvdDrive', params: { VMName: b.name, ControllerNumber: Number(number), ...(path ? { Path: path } : {}), ComputerName } });
        else if (path)
          out.push({
            cmdlet: 'Add-VMHardDiskDrive',
            params: { VMName: b.name, ControllerType: type as 'IDE' | 'SCSI', ControllerNumber: Number(number), Path: path, ComputerName },
          });
      }
    }
    // Network Adapter → Virtual switch: Connect- / Disconnect-VMNetworkAdapter for each change.
    b.networkAdapters.forEach((a, i) => {
      const want = this.networkSwitches[i] ?? '';
      if (want === (a.switchName ?? '')) return;
      out.push(
        want
          ? { cmdlet: 'Connect-VMNetworkAdapter', params: { VMName: b.name, Name: a.name, SwitchName: want, ComputerName } }
          : { cmdlet: 'Disconnect-VMNetworkAdapter', params: { VMName: b.name, Name: a.name, ComputerName } },
      );
    });
    // Integration Services: one command for the services checked, one for those cleared.
    for (const enable of [true, false]) {
      const names = INTEGRATION_SERVICES.filter(
        (sv) => f.services[sv.name] === enable && integrationServiceEnabled(b.integrationServices, sv.name) !== enable,
      ).map((sv) => sv.name);
      if (names.length)
        out.push({ cmdlet: enable ? 'Enable-VMIntegrationService' : 'Disable-VMIntegrationService', params: { Name: names, VMName: b.name, ComputerName } });
    }
    if (b.generation === 1) {
      const bios: Record<string, unknown> = {};
      if (f.biosOrder.join() !== biosStartupOrder(b.bios?.startupOrder, b.bootDevice).join()) bios.StartupOrder = f.biosOrder;
      if (f.numLock !== (b.bios?.numLock ?? false)) bios[f.numLock ? 'EnableNumLock' : 'DisableNumLock'] = true;
      if (Object.keys(bios).length) out.push({ cmdlet: 'Set-VMBios', params: { VMName: b.name, ComputerName, ...bios } });
    } else {
      const firmware: Record<string, unknown> = {};
      if (f.bootOrder.join('\n') !== bootKeysOf(b).join('\n')) firmware.BootOrder = f.bootOrder;
      if (f.secureBoot !== (b.firmware?.secureBoot ?? true)) firmware.EnableSecureBoot = f.secureBoot ? 'On' : 'Off';
      if (Object.keys(firmware).length) out.push({ cmdlet: 'Set-VMFirmware', params: { VMName: b.name, ComputerName, ...firmware } });
    }
    // Rename last: every command above names the VM by its current name.
    if (!errors.name && f.name.trim() !== b.name) out.push({ cmdlet: 'Rename-VM', params: { Name: b.name, NewName: f.name.trim(), ComputerName } });
    return out;
  }

  get script(): string {
    return scriptText(this.commands);
  }

  /** Sends the changes; stops at the first refusal and shows it. False when nothing (more) was applied. */
  async apply(): Promise<boolean> {
    const errors = this.errors;
    const first = (Object.keys(errors) as VmField[])[0];
    if (first) {
      runInAction(() => {
        this.showErrors = true;
        this.page = VmSettingsStore.pageOf(first);
      });
      return false;
    }
    const commands = this.commands;
    if (!commands.length) return true;
    runInAction(() => {
      this.applying = true;
    });
    const ok = await applyInOrder(this.deps.bridge, this.deps.dialogs, commands, {
      title: `Settings for ${this.baseline.name}`,
      intro: `An error occurred while applying changes to the virtual machine '${this.baseline.name}'.`,
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

  private async reload(resetForm: boolean): Promise<void> {
    const result = await this.deps.bridge.query({ name: 'vm', vm: this.baseline.id });
    if (result.ok) this.rebase(result.value, resetForm);
  }

  private rebase(vm: Vm, resetForm: boolean): void {
    this.baseline = vm;
    if (resetForm) {
      this.form = formOf(vm);
      this.networkSwitches = switchesOf(vm);
      this.additions = [];
      if (this.page.startsWith('added:')) this.page = 'addHardware';
      this.showErrors = false;
    }
  }
}

function formOf(vm: Vm): VmForm {
  const m = vm.memory;
  const control = processorControlOf(vm.processor);
  return {
    startupMb: String(m.startupBytes / MB),
    dynamic: m.dynamic,
    minimumMb: String(m.minimumBytes / MB),
    maximumMb: String(m.maximumBytes / MB),
    buffer: String(m.bufferPercent),
    priority: priorityOf(vm),
    processors: String(vm.processorCount),
    compatibility: vm.compatibilityForMigration,
    reserve: String(control.reserve),
    limit: String(control.maximum),
    weight: String(control.relativeWeight),
    smartPaging: vm.paths.smartPaging,
    checkpoints: vm.paths.snapshots,
    name: vm.name,
    notes: vm.notes,
    services: Object.fromEntries(INTEGRATION_SERVICES.map((sv) => [sv.name, integrationServiceEnabled(vm.integrationServices, sv.name)])),
    startAction: vm.automaticStartAction ?? DEFAULT_AUTOMATIC_START_ACTION,
    startDelay: String(vm.automaticStartDelaySeconds ?? 0),
    stopAction: vm.automaticStopAction ?? DEFAULT_AUTOMATIC_STOP_ACTION,
    biosOrder: biosStartupOrder(vm.bios?.startupOrder, vm.bootDevice),
    numLock: vm.bios?.numLock ?? false,
    bootOrder: bootKeysOf(vm),
    secureBoot: vm.firmware?.secureBoot ?? true,
  };
}

function bootKeysOf(vm: Vm): string[] {
  return firmwareBootOrder(vm, vm.firmware?.bootOrder).map((e) => e.key);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b));
}

function switchesOf(vm: Vm): string[] {
  return vm.networkAdapters.map((a) => a.switchName ?? '');
}

function priorityOf(vm: Vm): number {
  return Math.round(vm.memory.weight / 100);
}

function intOf(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

function mbOf(text: string): number | undefined {
  return intOf(text);
}

/** Hyper-V Manager's slider marks: Low … High, Medium (Normal) in the middle. */
export function weightName(priority: number): string {
  if (priority < 25) return 'Low';
  if (priority < 50) return 'Below normal';
  if (priority === 50) return 'Normal';
  if (priority <= 75) return 'Above normal';
  return 'High';
}
