// The Move Wizard of Windows Server 2012 R2 Hyper-V Manager (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"): the pages
// a choice leads to, what each page checks at once, and the one command Finish sends. The engine
// decides everything else: before Finish its 'precheck' query (what Compare-VM reports) says
// whether the move can start, and its commandText is the "View script" text. Pages and the Summary
// show the engine's fixes as worded for the wizard (PrecheckIssue.guiFix: the page and option to
// change); the PowerShell form of the command appears only under View script.
import { action, computed, makeObservable, observable, reaction, runInAction, type IReactionDisposer } from 'mobx';
import type { Bridge, Command, ContractError, PrecheckIssue, PrecheckReport } from '../../engine/contract';
import type { Host, Vm } from '../../engine/model/world';
import { ownsAddress, parseIp } from '../../engine/common/ip-addresses';
import type { CommandStore } from './command-store';
import type { InventoryStore } from './inventory-store';
import { cleanFolder, fileName, folderOf, folderProblem, joinFolder, samePath } from './wizard-paths';

export type MoveType = 'vm' | 'storage';
/** Choose Move Options (live migration). */
export type VmMoveOption = 'single' | 'items' | 'vmOnly';
/** Choose Options for Moving Storage. */
export type StorageMoveOption = 'single' | 'items' | 'vhds';
export type ItemKey = 'configuration' | 'snapshots' | 'smartPaging' | `vhd:${number}`;
export type PageId = 'before' | 'type' | 'destination' | 'vmOptions' | 'storageOptions' | 'location' | 'items' | 'vhds' | 'summary' | `item:${ItemKey}`;

export interface WizardPage {
  id: PageId;
  /** The text in the left navigation. */
  nav: string;
  /** The page's heading. */
  heading: string;
}

export interface MoveItem {
  key: ItemKey;
  /** "SQL01.vhdx", "Current configuration", ... */
  label: string;
  /** "Virtual hard disk", "Configuration", ... */
  type: string;
  /** Where it is now: the disk file, or the folder. */
  source: string;
  /** Its folder now (what the location box starts with). */
  sourceFolder: string;
  parameter: 'VirtualMachinePath' | 'SnapshotFilePath' | 'SmartPagingFilePath' | 'Vhds';
}

/** One message shown on a page, next to the box it is about. */
export interface PageMessage {
  /** The box it is about: 'folder', 'destination', an item key; undefined for the page. */
  field?: string;
  message: string;
  fix?: string;
}

export const MOVE_TYPE_TEXT: Record<MoveType, string> = {
  vm: 'Move the virtual machine',
  storage: "Move the virtual machine's storage",
};
export const VM_OPTION_TEXT: Record<VmMoveOption, string> = {
  single: "Move the virtual machine's data to a single location",
  items: "Move the virtual machine's data by selecting where to move the items",
  vmOnly: 'Move only the virtual machine',
};
export const STORAGE_OPTION_TEXT: Record<StorageMoveOption, string> = {
  single: "Move all of the virtual machine's data to a single location",
  items: "Move all of the virtual machine's data to different locations",
  vhds: "Move only the virtual machine's virtual hard disks",
};

/** localStorage key of the Before You Begin page's "Do not show this page again". */
export const SKIP_INTRO_KEY = 'hvlab.moveWizard.skipBeforeYouBegin';

/** Pre-checks that Hyper-V Manager reports when you leave the Specify Destination Computer page. */
const DESTINATION_CHECKS = new Set(['same-host', 'destination-unknown', 'destination-not-hyper-v', 'vmms-stopped', 'computer-unreachable']);

export interface MoveWizardDeps {
  bridge: Pick<Bridge, 'query'>;
  inventory: InventoryStore;
  commands: Pick<CommandStore, 'run'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export class MoveWizardStore {
  /** The VM as it was when the wizard opened (the wizard is about that VM, wherever it goes). */
  readonly vm: Vm;
  readonly items: readonly MoveItem[];

  moveType: MoveType = 'vm';
  vmOption: VmMoveOption = 'single';
  storageOption: StorageMoveOption = 'single';
  destinationHost = '';
  singleFolder: string;
  /** Choose Items to Move: the ticked items. */
  readonly ticked = observable.set<ItemKey>();
  /** Disks-only page: the ticked disks. */
  readonly disksTicked = observable.set<ItemKey>();
  /** Destination folder per item (shared by the per-item pages and the disks page). */
  readonly folders = observable.map<ItemKey, string>();
  skipIntro: boolean;

  currentId: PageId;
  /** A page's Next is waiting for the engine. */
  checking = false;
  /** What the engine said about a page when Next was pressed. */
  readonly pageMessages = observable.map<PageId, PageMessage[]>();

  /** The Summary page's pre-check, for the command in `reportKey`. */
  report: PrecheckReport | undefined = undefined;
  reportError: ContractError | undefined = undefined;
  reportKey: string | undefined = undefined;
  finishing = false;
  scriptVisible = false;

  private precheckSeq = 0;
  private readonly disposers: IReactionDisposer[] = [];

  constructor(
    private readonly deps: MoveWizardDeps,
    vm: Vm,
    private readonly onClose: () => void,
  ) {
    this.vm = vm;
    this.items = itemsOf(vm);
    this.singleFolder = vm.paths.configuration;
    for (const item of this.items) {
      this.ticked.add(item.key);
      if (item.parameter === 'Vhds') this.disksTicked.add(item.key);
      this.folders.set(item.key, item.sourceFolder);
    }
    this.skipIntro = readFlag(deps.storage, SKIP_INTRO_KEY);
    this.currentId = this.skipIntro ? 'type' : 'before';

    makeObservable<MoveWizardStore, 'setReport' | 'clearMessages'>(this, {
      moveType: observable,
      vmOption: observable,
      storageOption: observable,
      destinationHost: observable,
      singleFolder: observable,
      skipIntro: observable,
      currentId: observable,
      checking: observable,
      report: observable.ref,
      reportError: observable.ref,
      reportKey: observable,
      finishing: observable,
      scriptVisible: observable,
      pages: computed,
      index: computed,
      page: computed,
      sourceHost: computed,
      command: computed,
      commandKey: computed,
      problems: computed,
      canPrevious: computed,
      canNext: computed,
      canFinish: computed,
      precheckPending: computed,
      summaryRows: computed,
      nothingSelected: computed,
      summaryErrors: computed,
      summaryWarnings: computed,
      browseHost: computed,
      scriptText: computed,
      setMoveType: action,
      setVmOption: action,
      setStorageOption: action,
      setDestinationHost: action,
      setSingleFolder: action,
      setFolder: action,
      setTicked: action,
      setDiskTicked: action,
      setSkipIntro: action,
      previous: action,
      goTo: action,
      toggleScript: action,
      setReport: action,
      clearMessages: action,
    });

    // The Summary page re-checks whenever the command or the world changes while it is showing.
    this.disposers.push(
      reaction(
        () => (this.currentId === 'summary' ? { key: this.commandKey, world: deps.inventory.world } : undefined),
        (on) => {
          if (on) void this.runPrecheck();
        },
        { fireImmediately: true },
      ),
    );
  }

  dispose(): void {
    for (const d of this.disposers.splice(0)) d();
    this.precheckSeq++;
  }

  // ── Pages ───────────────────────────────────────────────────────────────────────────────────

  get pages(): WizardPage[] {
    const pages: WizardPage[] = [
      { id: 'before', nav: 'Before You Begin', heading: 'Before You Begin' },
      { id: 'type', nav: 'Choose Move Type', heading: 'Choose Move Type' },
    ];
    if (this.moveType === 'vm') {
      pages.push({ id: 'destination', nav: 'Specify Destination', heading: 'Specify Destination Computer' });
      pages.push({ id: 'vmOptions', nav: 'Choose Move Options', heading: 'Choose Move Options' });
      if (this.vmOption === 'single') pages.push(locationPage());
      else if (this.vmOption === 'items') pages.push(...this.itemPages());
    } else {
      pages.push({ id: 'storageOptions', nav: 'Choose Options', heading: 'Choose Options for Moving Storage' });
      if (this.storageOption === 'single') pages.push(locationPage());
      else if (this.storageOption === 'items') pages.push(...this.itemPages());
      else pages.push({ id: 'vhds', nav: 'Virtual Hard Disks', heading: "Choose a new location for the virtual machine's virtual hard disks" });
    }
    pages.push({ id: 'summary', nav: 'Summary', heading: 'Completing Move Wizard' });
    return pages;
  }

  private itemPages(): WizardPage[] {
    const pages: WizardPage[] = [{ id: 'items', nav: 'Choose Items to Move', heading: 'Choose Items to Move' }];
    for (const item of this.items) {
      if (!this.ticked.has(item.key)) continue;
      pages.push({ id: `item:${item.key}`, nav: item.label, heading: itemHeading(item) });
    }
    return pages;
  }

  get index(): number {
    return Math.max(
      0,
      this.pages.findIndex((p) => p.id === this.currentId),
    );
  }

  get page(): WizardPage {
    return this.pages[this.index]!;
  }

  item(key: ItemKey): MoveItem | undefined {
    return this.items.find((i) => i.key === key);
  }

  // ── Choices ─────────────────────────────────────────────────────────────────────────────────

  get sourceHost(): string {
    return this.deps.inventory.vm(this.vm.id)?.host ?? this.vm.host;
  }

  /** The computer whose folders a Browse... on a location page shows: the destination of a live migration. */
  get browseHost(): string {
    return this.moveType === 'vm' && this.destinationHost.trim() ? this.destinationHost.trim() : this.sourceHost;
  }

  setMoveType(t: MoveType): void {
    this.moveType = t;
    this.clearMessages('type');
  }

  setVmOption(o: VmMoveOption): void {
    this.vmOption = o;
    this.clearMessages('vmOptions');
  }

  setStorageOption(o: StorageMoveOption): void {
    this.storageOption = o;
    this.clearMessages('storageOptions');
  }

  setDestinationHost(name: string): void {
    this.destinationHost = name;
    this.clearMessages('destination');
  }

  setSingleFolder(folder: string): void {
    this.singleFolder = folder;
    this.clearMessages('location');
  }

  setFolder(key: ItemKey, folder: string): void {
    this.folders.set(key, folder);
    this.clearMessages(`item:${key}`);
    this.clearMessages('vhds');
  }

  setTicked(key: ItemKey, on: boolean): void {
    if (on) this.ticked.add(key);
    else this.ticked.delete(key);
    this.clearMessages('items');
  }

  setDiskTicked(key: ItemKey, on: boolean): void {
    if (on) this.disksTicked.add(key);
    else this.disksTicked.delete(key);
    this.clearMessages('vhds');
  }

  setSkipIntro(on: boolean): void {
    this.skipIntro = on;
    try {
      if (on) this.deps.storage?.setItem(SKIP_INTRO_KEY, '1');
      else this.deps.storage?.setItem(SKIP_INTRO_KEY, '0');
    } catch {
      // Storage disabled: the page just shows again next time.
    }
  }

  toggleScript(): void {
    this.scriptVisible = !this.scriptVisible;
  }

  // ── What each page checks at once ───────────────────────────────────────────────────────────

  /** Problems of the current page that keep Next disabled; an empty Name box gives no message (Next just stays off). */
  get problems(): PageMessage[] {
    const id = this.currentId;
    const out: PageMessage[] = [];
    const folderCheck = (field: string, text: string) => {
      // Folder boxes start filled in, so an empty one was emptied: say what it needs.
      const p = folderProblem(text);
      if (p) out.push({ field, message: p.message });
      return p;
    };
    let blank = false;
    if (id === 'destination') {
      const name = this.destinationHost.trim();
      if (!name) blank = true;
      else if (sameComputer(name, this.sourceHost, this.deps.inventory.hosts)) {
        out.push({
          field: 'destination',
          message: `The virtual machine is already on '${this.sourceHost}'. Specify a different computer as the destination.`,
          fix: `To move the virtual machine's files to another folder on ${this.sourceHost}, go back and choose "${MOVE_TYPE_TEXT.storage}".`,
        });
      } else if (!parseIp(name) && /[\s\\/:*?"<>|,;=+[\]]/.test(name)) {
        // An IP address (10.10.1.12, fd00::12) names the computer that has it, as Windows resolves it.
        out.push({ field: 'destination', message: `'${name}' is not a valid computer name.` });
      }
    } else if (id === 'location') {
      folderCheck('folder', this.singleFolder);
    } else if (id.startsWith('item:')) {
      const key = id.slice(5) as ItemKey;
      folderCheck(key, this.folders.get(key) ?? '');
    } else if (id === 'items') {
      if (this.ticked.size === 0) out.push({ message: 'Select at least one item to move.' });
    } else if (id === 'vhds') {
      if (this.disksTicked.size === 0) out.push({ message: 'Select at least one virtual hard disk to move.' });
      for (const key of this.disksTicked) folderCheck(key, this.folders.get(key) ?? '');
    }
    if (blank) out.push({ message: '' });
    return out;
  }

  /** Messages to show on a page: what it checks at once, then what the engine said on Next. */
  messagesFor(id: PageId): PageMessage[] {
    const local = id === this.currentId ? this.problems.filter((p) => p.message) : [];
    return [...local, ...(this.pageMessages.get(id) ?? [])];
  }

  get canPrevious(): boolean {
    return this.index > 0 && !this.checking && !this.finishing;
  }

  get canNext(): boolean {
    return this.currentId !== 'summary' && !this.checking && !this.finishing && this.problems.length === 0 && !this.pageMessages.get(this.currentId)?.length;
  }

  get precheckPending(): boolean {
    return this.currentId === 'summary' && !this.nothingSelected && (this.reportKey !== this.commandKey || (!this.report && !this.reportError));
  }

  /**
   * The options chosen name no item to move (different locations or disks only, with nothing
   * ticked): there is no command to check, and the Summary says which page to go back to.
   */
  get nothingSelected(): PageMessage | undefined {
    const perItem = this.moveType === 'vm' ? this.vmOption === 'items' : this.storageOption !== 'single';
    if (!perItem) return undefined;
    const disksOnly = this.moveType === 'storage' && this.storageOption === 'vhds';
    const keys = disksOnly ? this.disksTicked : this.ticked;
    if (this.items.some((i) => keys.has(i.key))) return undefined;
    const optionsPage = this.moveType === 'vm' ? 'Choose Move Options' : 'Choose Options for Moving Storage';
    return disksOnly
      ? {
          message: this.items.some((i) => i.parameter === 'Vhds')
            ? 'No virtual hard disk is selected, so there is nothing to move.'
            : `'${this.vm.name}' has no virtual hard disks, so there is nothing to move.`,
          fix: `Go back to "Choose a new location for the virtual machine's virtual hard disks" and select at least one disk, or go back to "${optionsPage}" and choose another option.`,
        }
      : {
          message: 'No item is selected, so there is nothing to move.',
          fix: `Go back to "Choose Items to Move" and select at least one item, or go back to "${optionsPage}" and choose another option.`,
        };
  }

  /** The Summary's errors: each message once, a fix shared by several shown once after the last of them. */
  get summaryErrors(): PageMessage[] {
    const selection = this.nothingSelected;
    if (selection) return [selection];
    if (this.reportError) return [{ message: this.reportError.message, ...fixOf(this.reportError) }];
    return onceEach(this.report?.errors ?? []);
  }

  get summaryWarnings(): PageMessage[] {
    return this.nothingSelected ? [] : onceEach(this.report?.warnings ?? []);
  }

  get canFinish(): boolean {
    return (
      this.currentId === 'summary' &&
      !this.finishing &&
      !this.nothingSelected &&
      !this.precheckPending &&
      !this.reportError &&
      this.report !== undefined &&
      this.report.errors.length === 0 &&
      this.command !== undefined
    );
  }

  previous(): void {
    if (!this.canPrevious) return;
    this.currentId = this.pages[this.index - 1]!.id;
  }

  /** The navigation jumps back to a page already passed, never ahead. */
  goTo(id: PageId): void {
    const i = this.pages.findIndex((p) => p.id === id);
    if (i < 0 || i >= this.index || this.checking || this.finishing) return;
    this.currentId = id;
  }

  /** Checks the page (asking the engine where the page is about the destination or a folder), then moves on. */
  async next(): Promise<void> {
    if (!this.canNext) return;
    const id = this.currentId;
    const ask = this.engineCheckFor(id);
    if (ask) {
      runInAction(() => {
        this.checking = true;
      });
      const messages = await ask();
      runInAction(() => {
        this.checking = false;
        if (this.currentId !== id) return;
        if (messages.length) this.pageMessages.set(id, messages);
      });
      if (messages.length) return;
    }
    runInAction(() => {
      if (this.currentId !== id) return;
      const nextPage = this.pages[this.index + 1];
      if (nextPage) this.currentId = nextPage.id;
    });
  }

  /** What the engine is asked when leaving a page, if anything. */
  private engineCheckFor(id: PageId): (() => Promise<PageMessage[]>) | undefined {
    if (id === 'destination') {
      return async () => {
        const issues = await this.precheckIssues({
          cmdlet: 'Move-VM',
          params: { Name: this.vm.name, DestinationHost: this.destinationHost.trim(), ComputerName: this.sourceHost },
        });
        return issues.filter((i) => DESTINATION_CHECKS.has(i.check)).map((i) => ({ field: 'destination', message: i.message, fix: i.guiFix ?? i.fix }));
      };
    }
    const fields = this.folderFieldsOf(id);
    if (!fields.length) return undefined;
    return async () => {
      const command = this.command;
      if (!command) return [];
      const issues = await this.precheckIssues(command);
      const out: PageMessage[] = [];
      for (const issue of issues) {
        if (issue.check !== 'path-invalid') continue;
        const field = fields.find(
          (f) =>
            issue.source !== undefined &&
            (samePath(issue.source, f.folder) || issue.source.toLowerCase().startsWith(`${cleanFolder(f.folder).toLowerCase().replace(/\\$/, '')}\\`)),
        );
        if (field) out.push({ field: field.field, message: issue.message, fix: issue.guiFix ?? issue.fix });
      }
      return out;
    };
  }

  /** The folder boxes of a page, as the engine will see them. */
  private folderFieldsOf(id: PageId): { field: string; folder: string }[] {
    if (id === 'location') return [{ field: 'folder', folder: this.singleFolder }];
    if (id.startsWith('item:')) {
      const key = id.slice(5) as ItemKey;
      return [{ field: key, folder: this.folders.get(key) ?? '' }];
    }
    if (id === 'vhds') return [...this.disksTicked].map((key) => ({ field: key, folder: this.folders.get(key) ?? '' }));
    return [];
  }

  private async precheckIssues(command: Command): Promise<PrecheckIssue[]> {
    const result = await this.deps.bridge.query({ name: 'precheck', command });
    if (result.ok) return result.value.errors;
    // The command itself was refused (a bad parameter): say so on the page.
    return [
      {
        check: 'path-invalid',
        message: result.error.message,
        fix: result.error.fix ?? '',
        severity: 'error',
        ...(result.error.parameter ? { parameter: result.error.parameter } : {}),
      },
    ];
  }

  private clearMessages(id: PageId): void {
    this.pageMessages.delete(id);
  }

  // ── The command ─────────────────────────────────────────────────────────────────────────────

  /** The one command Finish sends: Move-VM or Move-VMStorage, parameters keyed by their canonical names. */
  get command(): Command | undefined {
    if (this.nothingSelected) return undefined;
    const vm = this.vm;
    const host = this.sourceHost;
    const folder = (key: ItemKey) => cleanFolder(this.folders.get(key) ?? '');
    const perItem = (keys: Iterable<ItemKey>): Record<string, unknown> => {
      const params: Record<string, unknown> = {};
      const vhds: { SourceFilePath: string; DestinationFilePath: string }[] = [];
      for (const key of keys) {
        const item = this.item(key);
        if (!item) continue;
        if (item.parameter === 'Vhds') vhds.push({ SourceFilePath: item.source, DestinationFilePath: joinFolder(folder(key), fileName(item.source)) });
        else params[item.parameter] = folder(key);
      }
      if (vhds.length) params.Vhds = vhds;
      return params;
    };
    const orderedTicked = () => this.items.filter((i) => this.ticked.has(i.key)).map((i) => i.key);
    if (this.moveType === 'storage') {
      const base = { VMName: vm.name, ComputerName: host };
      if (this.storageOption === 'single') return { cmdlet: 'Move-VMStorage', params: { ...base, DestinationStoragePath: cleanFolder(this.singleFolder) } };
      if (this.storageOption === 'items') return { cmdlet: 'Move-VMStorage', params: { ...base, ...perItem(orderedTicked()) } };
      const disks = this.items.filter((i) => this.disksTicked.has(i.key)).map((i) => i.key);
      return { cmdlet: 'Move-VMStorage', params: { ...base, ...perItem(disks) } };
    }
    const base = { Name: vm.name, DestinationHost: this.destinationHost.trim(), ComputerName: host };
    if (this.vmOption === 'vmOnly') return { cmdlet: 'Move-VM', params: base };
    if (this.vmOption === 'single') {
      return { cmdlet: 'Move-VM', params: { ...base, IncludeStorage: true, DestinationStoragePath: cleanFolder(this.singleFolder) } };
    }
    return { cmdlet: 'Move-VM', params: { ...base, IncludeStorage: true, ...perItem(orderedTicked()) } };
  }

  get commandKey(): string {
    return JSON.stringify(this.command ?? null);
  }

  /** The Summary page's "Description" table: every choice made. */
  get summaryRows(): [string, string][] {
    const rows: [string, string][] = [
      ['Virtual machine:', this.vm.name],
      ['Source computer:', this.sourceHost],
      ['Move type:', this.moveType === 'vm' ? 'Virtual machine' : "Virtual machine's storage"],
    ];
    if (this.moveType === 'vm') {
      rows.push(['Destination computer:', this.destinationHost.trim()]);
      rows.push(['Move options:', VM_OPTION_TEXT[this.vmOption]]);
    } else {
      rows.push(['Move options:', STORAGE_OPTION_TEXT[this.storageOption]]);
    }
    const single = this.moveType === 'vm' ? this.vmOption === 'single' : this.storageOption === 'single';
    const itemsMode = this.moveType === 'vm' ? this.vmOption === 'items' : this.storageOption === 'items';
    if (single) rows.push(['Destination folder:', cleanFolder(this.singleFolder)]);
    if (itemsMode || (this.moveType === 'storage' && this.storageOption === 'vhds')) {
      const keys = itemsMode ? this.ticked : this.disksTicked;
      for (const item of this.items) {
        if (!keys.has(item.key)) continue;
        const to =
          item.parameter === 'Vhds' ? joinFolder(this.folders.get(item.key) ?? '', fileName(item.source)) : cleanFolder(this.folders.get(item.key) ?? '');
        rows.push([`${item.parameter === 'Vhds' ? `Virtual hard disk ${item.label}` : item.label}:`, to]);
      }
      const staying = this.items.filter((i) => !keys.has(i.key));
      if (staying.length) rows.push(['Not moved:', staying.map((i) => i.label).join(', ')]);
    }
    return rows;
  }

  // ── Summary pre-check and Finish ────────────────────────────────────────────────────────────

  async runPrecheck(): Promise<void> {
    const command = this.command;
    const key = this.commandKey;
    const seq = ++this.precheckSeq;
    if (!command) return;
    const result = await this.deps.bridge.query({ name: 'precheck', command });
    if (seq !== this.precheckSeq) return;
    this.setReport(key, result.ok ? result.value : undefined, result.ok ? undefined : result.error);
  }

  private setReport(key: string, report: PrecheckReport | undefined, error: ContractError | undefined): void {
    this.reportKey = key;
    this.report = report;
    this.reportError = error;
  }

  /** The exact PowerShell Finish runs: the engine's canonical text from the pre-check. */
  get scriptText(): string | undefined {
    return this.reportKey === this.commandKey ? this.report?.commandText : undefined;
  }

  /** Sends the command and closes; a refusal opens Hyper-V Manager's error dialog. */
  async finish(): Promise<void> {
    if (!this.canFinish) return;
    const command = this.command!;
    runInAction(() => {
      this.finishing = true;
    });
    const intro =
      this.moveType === 'vm'
        ? `An error occurred while attempting to move the virtual machine '${this.vm.name}' to '${this.destinationHost.trim()}'.`
        : `An error occurred while attempting to move the storage of the virtual machine '${this.vm.name}'.`;
    this.onClose();
    await this.deps.commands.run(command, { intro, vmId: this.vm.id });
  }

  cancel(): void {
    this.onClose();
  }
}

/** A fix as the wizard shows it: the engine's wording for the wizard where it gives one. */
function fixOf(issue: { fix?: string | undefined; guiFix?: string | undefined }): { fix?: string } {
  const fix = issue.guiFix ?? issue.fix;
  return fix ? { fix } : {};
}

/**
 * Pre-check rows as the Summary lists them: a message repeated (the same problem found for two
 * files) is shown once, and a fix shared by consecutive rows (one reason, several files) is shown
 * once, after the last of them.
 */
export function onceEach(issues: readonly PrecheckIssue[]): PageMessage[] {
  const out: PageMessage[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (seen.has(issue.message)) continue;
    seen.add(issue.message);
    const fix = fixOf(issue).fix;
    const previous = out.at(-1);
    if (previous && fix !== undefined && previous.fix === fix) delete previous.fix;
    out.push({ message: issue.message, ...(fix !== undefined ? { fix } : {}) });
  }
  return out;
}

function locationPage(): WizardPage {
  return { id: 'location', nav: 'Choose New Location', heading: 'Choose a new location for virtual machine' };
}

/** Unconfirmed titles (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"): "Choose a new location for ..." per item. */
function itemHeading(item: MoveItem): string {
  switch (item.parameter) {
    case 'Vhds':
      return `Choose a new location for virtual hard disk ${item.label}`;
    case 'VirtualMachinePath':
      return "Choose a new location for the virtual machine's current configuration";
    case 'SnapshotFilePath':
      return "Choose a new location for the virtual machine's checkpoints";
    case 'SmartPagingFilePath':
      return "Choose a new location for the virtual machine's smart paging file";
  }
}

/** The items a move can place separately: every disk, then configuration, checkpoints, smart paging. */
export function itemsOf(vm: Vm): MoveItem[] {
  return [
    ...vm.vhds.map((d, i): MoveItem => ({
      key: `vhd:${i}`,
      label: fileName(d.path),
      type: `Virtual hard disk (${d.controller})`,
      source: d.path,
      sourceFolder: folderOf(d.path),
      parameter: 'Vhds',
    })),
    {
      key: 'configuration',
      label: 'Current configuration',
      type: 'Configuration',
      source: vm.paths.configuration,
      sourceFolder: vm.paths.configuration,
      parameter: 'VirtualMachinePath',
    },
    {
      key: 'snapshots',
      label: 'Checkpoints',
      type: `Checkpoints (${vm.checkpoints.length})`,
      source: vm.paths.snapshots,
      sourceFolder: vm.paths.snapshots,
      parameter: 'SnapshotFilePath',
    },
    {
      key: 'smartPaging',
      label: 'Smart paging',
      type: 'Smart Paging file location',
      source: vm.paths.smartPaging,
      sourceFolder: vm.paths.smartPaging,
      parameter: 'SmartPagingFilePath',
    },
  ];
}

/** HV01 and hv01.contoso.com are the same computer. */
/** Whether two typed names are one computer: names by their short form, IP addresses by the host that has them. */
function sameComputer(a: string, b: string, hosts: readonly Host[]): boolean {
  const name = (s: string) => {
    const t = s.trim();
    if (parseIp(t)) return hosts.find((h) => ownsAddress(h, t))?.name.toLowerCase() ?? t.toLowerCase();
    return t.toLowerCase().split('.')[0];
  };
  return name(a) === name(b);
}

function readFlag(storage: MoveWizardDeps['storage'], key: string): boolean {
  try {
    return storage?.getItem(key) === '1';
  } catch {
    // Storage disabled: the wizard's "do not show again" choice is simply not remembered.
    return false;
  }
}
