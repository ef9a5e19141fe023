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

export type VmSettingsPage = 'memory' | 'processor' | 'compatibility' | `disk:${number}` | `net:${number}` | 'name' | 'checkpoints' | 'smartPaging';
export type VmField = 'startup' | 'minimum' | 'maximum' | 'buffer' | 'processors' | 'smartPaging';

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
  smartPaging: string;
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
      if (this.form[key] === was[key]) (this.form as Record<keyof VmForm, VmForm[keyof VmForm]>)[key] = next[key];
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
    const folder = folderProblem(f.smartPaging);
    if (folder) out.smartPaging = folder.message;
    return out;
  }

  get hasErrors(): boolean {
    return Object.keys(this.errors).length > 0;
  }

  /** The page a field is on, to open it when OK finds the field wrong. */
  static pageOf(field: VmField): VmSettingsPage {
    if (field === 'processors') return 'processor';
    if (field === 'smartPaging') return 'smartPaging';
    return 'memory';
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
    if (Object.keys(processor).length) out.push({ cmdlet: 'Set-VMProcessor', params: { VMName: b.name, ComputerName, ...processor } });

    if (!folderProblem(f.smartPaging) && !samePath(f.smartPaging, b.paths.smartPaging)) {
      out.push({ cmdlet: 'Set-VM', params: { Name: b.name, ComputerName, SmartPagingFilePath: cleanFolder(f.smartPaging) } });
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
      this.showErrors = false;
    }
  }
}

function formOf(vm: Vm): VmForm {
  const m = vm.memory;
  return {
    startupMb: String(m.startupBytes / MB),
    dynamic: m.dynamic,
    minimumMb: String(m.minimumBytes / MB),
    maximumMb: String(m.maximumBytes / MB),
    buffer: String(m.bufferPercent),
    priority: priorityOf(vm),
    processors: String(vm.processorCount),
    compatibility: vm.compatibilityForMigration,
    smartPaging: vm.paths.smartPaging,
  };
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
