// Hyper-V Manager's Export... dialog and Import Virtual Machine wizard (Windows Server 2012 R2): what
// each page shows and checks as it is filled in, and the one command each ends in — Export-VM, or
// Import-VM with the parameters the chosen import type amounts to (Microsoft Learn, "Export-VM" and
// "Import-VM"). The engine decides the rest (a folder that exists, an ID in use, free space) and
// refuses in Hyper-V's words; the pages only read what it lists (the 'exports' query).
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, Command, ExportEntry } from '../../engine/contract';
import type { Host, Vm } from '../../engine/model/world';
import type { CommandStore } from './command-store';
import { cleanFolder, folderProblem } from './wizard-paths';
import { DEFAULT_VHD_FOLDER, DEFAULT_VM_FOLDER } from './wizard-new-vm';

export interface ExportImportDeps {
  bridge: Pick<Bridge, 'query'>;
  commands: Pick<CommandStore, 'run'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

/**
 * Export Virtual Machine: "Specify where you want to save the files." Location + Browse..., Export /
 * Cancel. Opened from a VM (Export-VM) or from one of its checkpoints (Export-VMSnapshot: the
 * checkpoint is exported as a virtual machine of its own).
 */
export class ExportVmDialogStore {
  location: string;
  constructor(
    private readonly deps: ExportImportDeps,
    readonly vm: Vm,
    initialLocation: string,
    private readonly onClose: (location?: string) => void,
    readonly checkpoint?: string,
  ) {
    this.location = initialLocation;
    makeObservable(this, { location: observable, problem: computed, canExport: computed, setLocation: action });
  }

  setLocation(text: string): void {
    this.location = text;
  }

  /** Said under the box: a broken naming rule as it is typed; an empty or partial path keeps Export disabled. */
  get problem(): string | undefined {
    const p = folderProblem(this.location);
    return p?.kind === 'rule' ? p.message : undefined;
  }

  get canExport(): boolean {
    return folderProblem(this.location) === undefined;
  }

  get command(): Command {
    const Path = cleanFolder(this.location);
    const ComputerName = [this.vm.host];
    return this.checkpoint === undefined
      ? { cmdlet: 'Export-VM', params: { Name: [this.vm.name], Path, ComputerName } }
      : { cmdlet: 'Export-VMSnapshot', params: { Name: [this.checkpoint], VMName: [this.vm.name], Path, ComputerName } };
  }

  /** Closes the dialog and sends Export-VM; the export runs as a job (Jobs pane), a refusal opens the error dialog. */
  async export(): Promise<void> {
    if (!this.canExport) return;
    const command = this.command;
    this.onClose(cleanFolder(this.location));
    const what = this.checkpoint === undefined ? `'${this.vm.name}'` : `the checkpoint '${this.checkpoint}' of '${this.vm.name}'`;
    await this.deps.commands.run(command, { intro: `An error occurred while attempting to export ${what}.`, vmId: this.vm.id });
  }

  cancel(): void {
    this.onClose();
  }
}

export type ImportPageId = 'before' | 'locate' | 'select' | 'type' | 'folders' | 'storage' | 'summary';
export type ImportType = 'register' | 'restore' | 'copy';
export const IMPORT_SKIP_INTRO_KEY = 'hvlab.importWizard.skipBeforeYouBegin';

const PAGES: Record<ImportPageId, { nav: string; heading: string }> = {
  before: { nav: 'Before You Begin', heading: 'Before You Begin' },
  locate: { nav: 'Locate Folder', heading: 'Locate Folder' },
  select: { nav: 'Select Virtual Machine', heading: 'Select Virtual Machine' },
  type: { nav: 'Choose Import Type', heading: 'Choose Import Type' },
  folders: { nav: 'Choose Destination', heading: 'Choose Folders for Virtual Machine Files' },
  storage: { nav: 'Choose Storage Folders', heading: 'Choose Folders to Store Virtual Hard Disks' },
  summary: { nav: 'Summary', heading: 'Completing Import Wizard' },
};

export class ImportWizardStore {
  skipIntro: boolean;
  currentId: ImportPageId;
  folder = '';
  /** What the engine found in `folder` when Next was pressed on Locate Folder. */
  found: ExportEntry[] = [];
  /** Why Locate Folder stays: nothing found there (and where exports are one level down). */
  locateMessage: string | undefined = undefined;
  searching = false;
  selectedId: string | undefined = undefined;
  importType: ImportType = 'register';
  storeElsewhere = false;
  configurationFolder = DEFAULT_VM_FOLDER;
  checkpointFolder = DEFAULT_VM_FOLDER;
  smartPagingFolder = DEFAULT_VM_FOLDER;
  vhdFolder = DEFAULT_VHD_FOLDER;
  finishing = false;

  constructor(
    private readonly deps: ExportImportDeps,
    readonly host: Host,
    private readonly onClose: () => void,
  ) {
    this.skipIntro = readFlag(deps.storage);
    this.currentId = this.skipIntro ? 'locate' : 'before';
    makeObservable(this, {
      skipIntro: observable,
      currentId: observable,
      folder: observable,
      found: observable.ref,
      locateMessage: observable,
      searching: observable,
      selectedId: observable,
      importType: observable,
      storeElsewhere: observable,
      configurationFolder: observable,
      checkpointFolder: observable,
      smartPagingFolder: observable,
      vhdFolder: observable,
      finishing: observable,
      pages: computed,
      index: computed,
      page: computed,
      selected: computed,
      problems: computed,
      canPrevious: computed,
      canNext: computed,
      canFinish: computed,
      command: computed,
      summaryRows: computed,
      setFolder: action,
      select: action,
      setImportType: action,
      setStoreElsewhere: action,
      setFolderField: action,
      setSkipIntro: action,
      previous: action,
      goTo: action,
    });
  }

  /** Restore and copy write files, so they ask where; registering in place does not. */
  get pages(): { id: ImportPageId; nav: string; heading: string }[] {
    const ids: ImportPageId[] = ['before', 'locate', 'select', 'type', ...(this.importType === 'register' ? [] : (['folders', 'storage'] as const)), 'summary'];
    return ids.map((id) => ({ id, ...PAGES[id] }));
  }

  get index(): number {
    return Math.max(
      0,
      this.pages.findIndex((p) => p.id === this.currentId),
    );
  }

  get page() {
    return this.pages[this.index]!;
  }

  get selected(): ExportEntry | undefined {
    return this.found.find((e) => e.id === this.selectedId);
  }

  setFolder(text: string): void {
    this.folder = text;
    this.locateMessage = undefined;
  }

  select(id: string): void {
    this.selectedId = id;
  }

  setImportType(t: ImportType): void {
    this.importType = t;
  }

  setStoreElsewhere(on: boolean): void {
    this.storeElsewhere = on;
  }

  setFolderField(field: 'configurationFolder' | 'checkpointFolder' | 'smartPagingFolder' | 'vhdFolder', text: string): void {
    this[field] = text;
    // The checkpoint and smart paging folders follow the configuration folder until changed, as in the wizard.
    if (field === 'configurationFolder') {
      this.checkpointFolder = text;
      this.smartPagingFolder = text;
    }
  }

  setSkipIntro(on: boolean): void {
    this.skipIntro = on;
    try {
      this.deps.storage?.setItem(IMPORT_SKIP_INTRO_KEY, on ? '1' : '0');
    } catch {
      // Storage disabled: the page shows again next time.
    }
  }

  /** What keeps Next disabled on the current page, with the box it is about. */
  get problems(): { field?: string; message: string }[] {
    const out: { field?: string; message: string }[] = [];
    const folder = (field: string, text: string) => {
      const p = folderProblem(text);
      if (p) out.push({ field, message: p.message });
    };
    switch (this.currentId) {
      case 'locate':
        if (this.folder.trim()) {
          const p = folderProblem(this.folder);
          if (p?.kind === 'rule') out.push({ field: 'folder', message: p.message });
        } else out.push({ message: 'Specify the folder containing the virtual machine to import.' });
        if (this.locateMessage) out.push({ field: 'folder', message: this.locateMessage });
        break;
      case 'select':
        if (!this.selected) out.push({ message: 'Select the virtual machine to import.' });
        break;
      case 'folders':
        if (this.storeElsewhere) {
          folder('configurationFolder', this.configurationFolder);
          folder('checkpointFolder', this.checkpointFolder);
          folder('smartPagingFolder', this.smartPagingFolder);
        }
        break;
      case 'storage':
        folder('vhdFolder', this.vhdFolder);
        break;
      default:
        break;
    }
    return out;
  }

  get canPrevious(): boolean {
    return this.index > 0 && !this.finishing && !this.searching;
  }

  get canNext(): boolean {
    if (this.currentId === 'summary' || this.finishing || this.searching) return false;
    // Locate Folder's "nothing found" clears as soon as the folder is edited; Next searches again.
    return this.problems.filter((p) => p.message !== this.locateMessage).length === 0;
  }

  /** Finish once a virtual machine is chosen and the pages from there on hold no problem. */
  get canFinish(): boolean {
    return !this.finishing && !!this.selected && this.index >= this.pages.findIndex((p) => p.id === 'type') && this.problems.length === 0;
  }

  previous(): void {
    if (this.canPrevious) this.currentId = this.pages[this.index - 1]!.id;
  }

  /** Next >: Locate Folder asks the engine what the folder holds before going on. */
  async next(): Promise<void> {
    if (!this.canNext) return;
    if (this.currentId === 'locate' && !(await this.search())) return;
    runInAction(() => {
      this.currentId = this.pages[this.index + 1]!.id;
    });
  }

  private async search(): Promise<boolean> {
    const path = cleanFolder(this.folder);
    runInAction(() => {
      this.searching = true;
      this.locateMessage = undefined;
    });
    const r = await this.deps.bridge.query({ name: 'exports', host: this.host.name, path });
    return runInAction(() => {
      this.searching = false;
      if (!r.ok) {
        this.locateMessage = r.error.message;
        return false;
      }
      if (r.value.entries.length === 0) {
        // Wording *unconfirmed*; the hint names the export folders one level down.
        const below = r.value.below;
        this.locateMessage =
          `Hyper-V did not find virtual machines to import from location '${path}'.` +
          (below.length ? ` Select the folder of the exported virtual machine, such as '${below[0]}'.` : '');
        return false;
      }
      this.found = r.value.entries;
      if (!this.found.some((e) => e.id === this.selectedId)) this.selectedId = this.found[0]!.id;
      return true;
    });
  }

  goTo(id: string): void {
    const i = this.pages.findIndex((p) => p.id === id);
    if (i >= 0 && i < this.index && !this.finishing) this.currentId = this.pages[i]!.id;
  }

  get command(): Command | undefined {
    const vm = this.selected;
    if (!vm) return undefined;
    const params: Extract<Command, { cmdlet: 'Import-VM' }>['params'] = { Path: vm.configurationFile, ComputerName: [this.host.name] };
    if (this.importType !== 'register') {
      params.Copy = true;
      if (this.importType === 'copy') params.GenerateNewId = true;
      if (this.storeElsewhere) {
        params.VirtualMachinePath = cleanFolder(this.configurationFolder);
        params.SnapshotFilePath = cleanFolder(this.checkpointFolder);
        params.SmartPagingFilePath = cleanFolder(this.smartPagingFolder);
      }
      params.VhdDestinationPath = cleanFolder(this.vhdFolder);
    }
    return { cmdlet: 'Import-VM', params };
  }

  /** The Summary's Description rows. */
  get summaryRows(): [string, string][] {
    const vm = this.selected;
    if (!vm) return [];
    const rows: [string, string][] = [
      ['Virtual Machine:', vm.name],
      ['Import file:', vm.configurationFile],
      [
        'Import Type:',
        this.importType === 'register' ? 'Register (use existing ID)' : this.importType === 'restore' ? 'Restore (use existing ID)' : 'Copy (generate new ID)',
      ],
    ];
    if (this.importType !== 'register') {
      const vmFolder = this.storeElsewhere ? cleanFolder(this.configurationFolder) : cleanFolder(DEFAULT_VM_FOLDER);
      rows.push(
        ['Virtual machine configuration folder:', vmFolder],
        ['Checkpoint folder:', this.storeElsewhere ? cleanFolder(this.checkpointFolder) : vmFolder],
        ['Smart Paging file store:', this.storeElsewhere ? cleanFolder(this.smartPagingFolder) : vmFolder],
        ['Virtual hard disk destination folder:', cleanFolder(this.vhdFolder)],
      );
    } else {
      rows.push(['Virtual machine folder:', vm.folder]);
    }
    return rows;
  }

  /** Sends Import-VM; a copy or restore runs as a job (Jobs pane), a refusal opens the error dialog. */
  async finish(): Promise<void> {
    const command = this.command;
    if (!this.canFinish || !command) return;
    runInAction(() => {
      this.finishing = true;
    });
    this.onClose();
    await this.deps.commands.run(command, { intro: `The server encountered an error while importing '${this.selected?.name ?? ''}'.` });
  }

  cancel(): void {
    this.onClose();
  }
}

function readFlag(storage: ExportImportDeps['storage']): boolean {
  try {
    return storage?.getItem(IMPORT_SKIP_INTRO_KEY) === '1';
  } catch {
    return false;
  }
}
