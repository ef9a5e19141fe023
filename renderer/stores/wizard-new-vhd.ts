// The New Virtual Hard Disk Wizard of Windows Server 2012 R2 Hyper-V Manager (Action > New > Hard
// Disk...): Before You Begin, Choose Disk Format, Choose Disk Type, Specify Name and Location,
// Configure Disk, Summary. Finish sends the cmdlet the choices amount to (the Hyper-V module's
// cmdlet help for Windows Server 2012 R2):
//   a new blank disk                      → New-VHD -Path -SizeBytes -Fixed | -Dynamic
//   a differencing disk                   → New-VHD -Path -ParentPath -Differencing
//   "Copy the contents of the specified   → Convert-VHD -Path <source> -DestinationPath <new> -VHDType
//    virtual hard disk"                     (a copy in the format and type chosen, the source kept)
// "Copy the contents of the specified physical disk" is shown but cannot be chosen: the lab's hosts
// have no physical disks besides the volumes it models (engine/cmdlets/catalog/vhd.ts leaves
// New-VHD -SourceDisk out for that reason). The cmdlets finish at once in this lab (they are not
// jobs); the engine refuses what the pages cannot see (a file that exists, a full volume).
import { action, computed, makeObservable, observable } from 'mobx';
import type { Command } from '../../engine/contract';
import type { Host } from '../../engine/model/world';
import type { CommandStore } from './command-store';
import {
  fileNameProblem,
  diskPathProblem,
  formatOfName,
  maxSizeText,
  parseSizeGb,
  typeText,
  withExtension,
  type VhdFormatChoice,
  type VhdTypeChoice,
} from './vhd-choices';
import { DEFAULT_VHD_FOLDER } from './wizard-new-vm';
import { cleanFolder, folderProblem, joinFolder } from './wizard-paths';

export type NewVhdPageId = 'before' | 'format' | 'type' | 'name' | 'configure' | 'summary';
export type NewVhdSource = 'blank' | 'physical' | 'virtual';
export const NEW_VHD_SKIP_INTRO_KEY = 'hvlab.newVhdWizard.skipBeforeYouBegin';

export interface NewVhdWizardDeps {
  commands: Pick<CommandStore, 'run'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export type PageProblem = { field: string; message: string };

export class NewVhdWizardStore {
  format: VhdFormatChoice = 'VHDX';
  type: VhdTypeChoice = 'Dynamic';
  name = 'New Virtual Hard Disk.vhdx';
  location = DEFAULT_VHD_FOLDER;
  source: NewVhdSource = 'blank';
  sizeGb = '127';
  sourcePath = '';
  parentPath = '';
  skipIntro: boolean;
  currentId: NewVhdPageId;
  finishing = false;

  constructor(
    private readonly deps: NewVhdWizardDeps,
    readonly host: Host,
    private readonly onClose: () => void,
  ) {
    this.skipIntro = readFlag(deps.storage);
    this.currentId = this.skipIntro ? 'format' : 'before';
    makeObservable(this, {
      format: observable,
      type: observable,
      name: observable,
      location: observable,
      source: observable,
      sizeGb: observable,
      sourcePath: observable,
      parentPath: observable,
      skipIntro: observable,
      currentId: observable,
      finishing: observable,
      pages: computed,
      index: computed,
      page: computed,
      problems: computed,
      canPrevious: computed,
      canNext: computed,
      canFinish: computed,
      command: computed,
      summaryRows: computed,
      setFormat: action,
      set: action,
      setSkipIntro: action,
      previous: action,
      next: action,
      goTo: action,
    });
  }

  get pages(): { id: NewVhdPageId; nav: string; heading: string }[] {
    return [
      { id: 'before', nav: 'Before You Begin', heading: 'Before You Begin' },
      { id: 'format', nav: 'Choose Disk Format', heading: 'Choose Disk Format' },
      { id: 'type', nav: 'Choose Disk Type', heading: 'Choose Disk Type' },
      { id: 'name', nav: 'Specify Name and Location', heading: 'Specify Name and Location' },
      { id: 'configure', nav: 'Configure Disk', heading: 'Configure Disk' },
      { id: 'summary', nav: 'Summary', heading: 'Completing the New Virtual Hard Disk Wizard' },
    ];
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

  /** Choosing a format renames the file to its extension (New Virtual Hard Disk.vhd ↔ .vhdx), as the wizard does. */
  setFormat(format: VhdFormatChoice): void {
    this.format = format;
    this.name = withExtension(this.name, format);
  }

  set<K extends 'type' | 'name' | 'location' | 'source' | 'sizeGb' | 'sourcePath' | 'parentPath'>(key: K, value: this[K]): void {
    this[key] = value;
  }

  setSkipIntro(on: boolean): void {
    this.skipIntro = on;
    try {
      this.deps.storage?.setItem(NEW_VHD_SKIP_INTRO_KEY, on ? '1' : '0');
    } catch {
      // Storage disabled: the page just shows again next time.
    }
  }

  /** What keeps Next (and Finish) disabled on a page, each with the box it is about. */
  problemsOf(id: NewVhdPageId): PageProblem[] {
    const out: PageProblem[] = [];
    switch (id) {
      case 'name': {
        const n = fileNameProblem(this.name, this.format);
        if (n) out.push({ field: 'name', message: n });
        const f = folderProblem(this.location);
        if (f) out.push({ field: 'location', message: f.message });
        break;
      }
      case 'configure':
        if (this.type === 'Differencing') {
          const p = diskPathProblem(this.parentPath, 'parent disk');
          if (p) out.push({ field: 'parentPath', message: p });
          else if (formatOfName(this.parentPath) !== this.format)
            out.push({
              field: 'parentPath',
              message: `A differencing disk must have the format of its parent: the parent is a ${formatOfName(this.parentPath)} file and this disk is ${this.format}. Choose a ${this.format === 'VHD' ? '.vhd' : '.vhdx'} parent, or go back to Choose Disk Format.`,
            });
        } else if (this.source === 'blank') {
          const s = parseSizeGb(this.sizeGb, this.format);
          if ('message' in s) out.push({ field: 'size', message: s.message });
        } else if (this.source === 'virtual') {
          const p = diskPathProblem(this.sourcePath, 'virtual hard disk to copy');
          if (p) out.push({ field: 'sourcePath', message: p });
        } else {
          out.push({ field: 'source', message: 'This lab has no physical disks to copy. Create a blank disk, or copy a virtual hard disk.' });
        }
        break;
      default:
        break;
    }
    return out;
  }

  get problems(): PageProblem[] {
    return this.problemsOf(this.currentId);
  }

  get canPrevious(): boolean {
    return this.index > 0 && !this.finishing;
  }

  get canNext(): boolean {
    return this.currentId !== 'summary' && !this.finishing && this.problems.length === 0;
  }

  /** Finish once every page that asks for something is filled in correctly (Configure Disk has been seen). */
  get canFinish(): boolean {
    if (this.finishing || this.index < this.pages.findIndex((p) => p.id === 'configure')) return false;
    return this.problemsOf('name').length === 0 && this.problemsOf('configure').length === 0;
  }

  previous(): void {
    if (this.canPrevious) this.currentId = this.pages[this.index - 1]!.id;
  }

  next(): void {
    if (this.canNext) this.currentId = this.pages[this.index + 1]!.id;
  }

  goTo(id: string): void {
    const i = this.pages.findIndex((p) => p.id === id);
    if (i >= 0 && i < this.index && !this.finishing) this.currentId = this.pages[i]!.id;
  }

  get path(): string {
    return joinFolder(cleanFolder(this.location), this.name.trim());
  }

  /** The one cmdlet Finish sends. */
  get command(): Command {
    const ComputerName = this.host.name;
    if (this.type === 'Differencing')
      return { cmdlet: 'New-VHD', params: { Path: this.path, ParentPath: this.parentPath.trim(), Differencing: true, ComputerName } };
    if (this.source === 'virtual')
      return { cmdlet: 'Convert-VHD', params: { Path: this.sourcePath.trim(), DestinationPath: this.path, VHDType: this.type, ComputerName } };
    const SizeBytes = Number(this.sizeGb.trim()) * 1024 ** 3;
    return { cmdlet: 'New-VHD', params: { Path: this.path, SizeBytes, ...(this.type === 'Fixed' ? { Fixed: true } : { Dynamic: true }), ComputerName } };
  }

  /** The Summary's "Description" rows. */
  get summaryRows(): [string, string][] {
    const rows: [string, string][] = [
      ['Format:', this.format],
      ['Type:', typeText(this.type)],
      ['Name:', this.name.trim()],
      ['Location:', cleanFolder(this.location)],
    ];
    if (this.type === 'Differencing') rows.push(['Parent:', this.parentPath.trim()]);
    else if (this.source === 'virtual') rows.push(['Source:', this.sourcePath.trim()]);
    else rows.push(['Size:', `${this.sizeGb.trim()} GB`]);
    return rows;
  }

  get maxSizeText(): string {
    return maxSizeText(this.format);
  }

  /** Sends the cmdlet; a refusal opens Hyper-V Manager's error dialog. */
  async finish(): Promise<void> {
    if (!this.canFinish) return;
    const command = this.command;
    action(() => {
      this.finishing = true;
    })();
    this.onClose();
    await this.deps.commands.run(command, { intro: `The server encountered an error while creating the virtual hard disk ${this.path}.` });
  }

  cancel(): void {
    this.onClose();
  }
}

function readFlag(storage: NewVhdWizardDeps['storage']): boolean {
  try {
    return storage?.getItem(NEW_VHD_SKIP_INTRO_KEY) === '1';
  } catch {
    return false;
  }
}
