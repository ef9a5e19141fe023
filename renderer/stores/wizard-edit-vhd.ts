// The Edit Virtual Hard Disk Wizard of Windows Server 2012 R2 Hyper-V Manager (Action > Edit
// Disk...): Before You Begin, Locate Disk, Choose Action, the action's pages, Summary. Locate
// Disk's Next reads the disk with Get-VHD, so Choose Action offers what 2012 R2 offers for that
// disk (TechNet, "Edit Virtual Hard Disk Wizard" and the cmdlet help of the Hyper-V module):
//   Compact  — dynamically expanding and differencing disks           → Optimize-VHD -Mode Full
//   Convert  — any disk, to a new file of the format and type chosen   → Convert-VHD -VHDType
//   Expand   — fixed and dynamically expanding disks                   → Resize-VHD -SizeBytes
//   Shrink   — a .vhdx larger than its minimum size                    → Resize-VHD -SizeBytes
//   Merge    — differencing disks: into the parent, or into a new disk → Merge-VHD, or Convert-VHD
// In this lab the cmdlets finish at once (they are not jobs, so nothing shows in the Jobs pane);
// the engine refuses what the pages cannot see (a disk in use, a full volume) in Windows' words.
import { action, computed, makeObservable, observable, runInAction } from 'mobx';
import type { Bridge, Command } from '../../engine/contract';
import type { Host } from '../../engine/model/world';
import { byteSizeText } from '../../engine/common/byte-size';
import type { CommandStore } from './command-store';
import { diskPathProblem, fileNameProblem, maxSizeText, parseSizeGb, typeText, withExtension, type VhdFormatChoice } from './vhd-choices';
import type { PageProblem } from './wizard-new-vhd';
import { cleanFolder, fileName, folderOf, folderProblem, joinFolder } from './wizard-paths';

export type EditVhdPageId = 'before' | 'locate' | 'action' | 'format' | 'type' | 'configure' | 'summary';
export type EditVhdAction = 'compact' | 'convert' | 'expand' | 'shrink' | 'merge';
export const EDIT_VHD_SKIP_INTRO_KEY = 'hvlab.editVhdWizard.skipBeforeYouBegin';

/** What Get-VHD says of the located disk (the properties the wizard needs). */
export interface LocatedDisk {
  Path: string;
  VhdFormat: VhdFormatChoice;
  VhdType: 'Fixed' | 'Dynamic' | 'Differencing';
  FileSize: number;
  Size: number;
  MinimumSize: number | null;
  ParentPath: string;
}

export interface EditVhdWizardDeps {
  bridge: Pick<Bridge, 'invoke'>;
  commands: Pick<CommandStore, 'run'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

const GB = 1024 ** 3;

export class EditVhdWizardStore {
  path = '';
  disk: LocatedDisk | undefined = undefined;
  /** The engine's refusal of the path on Locate Disk (Get-VHD's message). */
  locateError: string | undefined = undefined;
  locating = false;
  action: EditVhdAction | undefined = undefined;
  format: VhdFormatChoice = 'VHDX';
  type: 'Fixed' | 'Dynamic' = 'Dynamic';
  newName = '';
  newLocation = '';
  sizeGb = '';
  mergeInto: 'parent' | 'new' = 'parent';
  skipIntro: boolean;
  currentId: EditVhdPageId;
  finishing = false;

  constructor(
    private readonly deps: EditVhdWizardDeps,
    readonly host: Host,
    private readonly onClose: () => void,
  ) {
    this.skipIntro = readFlag(deps.storage);
    this.currentId = this.skipIntro ? 'locate' : 'before';
    makeObservable(this, {
      path: observable,
      disk: observable.ref,
      locateError: observable,
      locating: observable,
      action: observable,
      format: observable,
      type: observable,
      newName: observable,
      newLocation: observable,
      sizeGb: observable,
      mergeInto: observable,
      skipIntro: observable,
      currentId: observable,
      finishing: observable,
      actions: computed,
      pages: computed,
      index: computed,
      page: computed,
      problems: computed,
      canPrevious: computed,
      canNext: computed,
      canFinish: computed,
      command: computed,
      summaryRows: computed,
      setPath: action,
      setAction: action,
      setFormat: action,
      set: action,
      setSkipIntro: action,
      previous: action,
      goTo: action,
    });
  }

  /** The actions Choose Action offers for the located disk. */
  get actions(): EditVhdAction[] {
    const d = this.disk;
    if (!d) return [];
    if (d.VhdType === 'Differencing') return ['compact', 'convert', 'merge'];
    const out: EditVhdAction[] = [];
    if (d.VhdType === 'Dynamic') out.push('compact');
    out.push('convert', 'expand');
    if (d.VhdFormat === 'VHDX' && d.MinimumSize !== null && d.MinimumSize < d.Size) out.push('shrink');
    return out;
  }

  get pages(): { id: EditVhdPageId; nav: string; heading: string }[] {
    const pages: { id: EditVhdPageId; nav: string; heading: string }[] = [
      { id: 'before', nav: 'Before You Begin', heading: 'Before You Begin' },
      { id: 'locate', nav: 'Locate Disk', heading: 'Locate Virtual Hard Disk' },
      { id: 'action', nav: 'Choose Action', heading: 'Choose Action' },
    ];
    switch (this.action) {
      case 'convert':
        pages.push(
          { id: 'format', nav: 'Choose Disk Format', heading: 'Choose Disk Format' },
          { id: 'type', nav: 'Choose Disk Type', heading: 'Choose Disk Type' },
          { id: 'configure', nav: 'Configure Disk', heading: 'Configure Disk' },
        );
        break;
      case 'expand':
        pages.push({ id: 'configure', nav: 'Configure Disk', heading: 'Expand Virtual Hard Disk' });
        break;
      case 'shrink':
        pages.push({ id: 'configure', nav: 'Configure Disk', heading: 'Shrink Virtual Hard Disk' });
        break;
      case 'merge':
        pages.push({ id: 'configure', nav: 'Configure Disk', heading: 'Configure Disk' });
        break;
      default:
        break;
    }
    pages.push({ id: 'summary', nav: 'Summary', heading: 'Completing the Edit Virtual Hard Disk Wizard' });
    return pages;
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

  /** A new path forgets the disk read for the old one (Choose Action must be chosen again). */
  setPath(path: string): void {
    this.path = path;
    this.locateError = undefined;
  }

  setAction(a: EditVhdAction): void {
    this.action = a;
    const d = this.disk;
    if (!d) return;
    const gb = Math.ceil(d.Size / GB);
    if (a === 'expand') this.sizeGb = String(gb);
    if (a === 'shrink') this.sizeGb = String(Math.ceil((d.MinimumSize ?? d.Size) / GB));
    if (a === 'convert' || a === 'merge') {
      const stem = fileName(d.Path).replace(/\.vhdx?$/i, '');
      this.format = d.VhdFormat;
      this.type = d.VhdType === 'Fixed' ? 'Fixed' : 'Dynamic';
      this.newName = withExtension(`${stem}-${a === 'convert' ? 'Converted' : 'Merged'}.vhdx`, this.format);
      this.newLocation = folderOf(d.Path);
    }
  }

  setFormat(format: VhdFormatChoice): void {
    this.format = format;
    this.newName = withExtension(this.newName, format);
  }

  set<K extends 'type' | 'newName' | 'newLocation' | 'sizeGb' | 'mergeInto'>(key: K, value: this[K]): void {
    this[key] = value;
  }

  setSkipIntro(on: boolean): void {
    this.skipIntro = on;
    try {
      this.deps.storage?.setItem(EDIT_VHD_SKIP_INTRO_KEY, on ? '1' : '0');
    } catch {
      // Storage disabled: the page just shows again next time.
    }
  }

  /** What keeps Next (and Finish) disabled on a page, each with the box it is about. */
  problemsOf(id: EditVhdPageId): PageProblem[] {
    const out: PageProblem[] = [];
    const d = this.disk;
    switch (id) {
      case 'locate': {
        const p = diskPathProblem(this.path, 'virtual hard disk');
        if (p) out.push({ field: 'path', message: p });
        else if (this.locateError) out.push({ field: 'path', message: this.locateError });
        break;
      }
      case 'action':
        if (!this.action || !this.actions.includes(this.action)) out.push({ field: 'action', message: 'Choose what to do to the virtual hard disk.' });
        break;
      case 'format':
        if (this.format === 'VHD' && d && d.Size > 2040 * GB)
          out.push({
            field: 'format',
            message: `The disk is ${byteSizeText(d.Size)}, larger than the VHD format supports (${maxSizeText('VHD')}). Choose VHDX.`,
          });
        break;
      case 'configure':
        if (this.action === 'convert' || (this.action === 'merge' && this.mergeInto === 'new')) {
          const n = fileNameProblem(this.newName, this.format);
          if (n) out.push({ field: 'newName', message: n });
          const f = folderProblem(this.newLocation);
          if (f) out.push({ field: 'newLocation', message: f.message });
          else if (!n && d && joinFolder(cleanFolder(this.newLocation), this.newName.trim()).toLowerCase() === d.Path.toLowerCase())
            out.push({ field: 'newName', message: 'The new virtual hard disk must be a different file from the one being edited.' });
        } else if ((this.action === 'expand' || this.action === 'shrink') && d) {
          const currentGb = d.Size / GB;
          const minGb = this.action === 'shrink' ? Math.ceil((d.MinimumSize ?? d.Size) / GB) : Math.floor(currentGb) + 1;
          const s = parseSizeGb(this.sizeGb, d.VhdFormat, minGb);
          if ('message' in s) out.push({ field: 'size', message: s.message });
          else if (this.action === 'shrink' && s.gb >= currentGb)
            out.push({ field: 'size', message: `To shrink the disk, type a size smaller than its current ${byteSizeText(d.Size)}.` });
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
    return this.index > 0 && !this.finishing && !this.locating;
  }

  get canNext(): boolean {
    return this.currentId !== 'summary' && !this.finishing && !this.locating && this.problems.length === 0;
  }

  /** Finish once the disk is located, an action chosen and its page filled in. */
  get canFinish(): boolean {
    if (this.finishing || this.locating || !this.disk || !this.action || this.index <= this.pages.findIndex((p) => p.id === 'action')) return false;
    return (['action', 'format', 'configure'] as const).every((id) => !this.pages.some((p) => p.id === id) || this.problemsOf(id).length === 0);
  }

  previous(): void {
    if (this.canPrevious) this.currentId = this.pages[this.index - 1]!.id;
  }

  /** Next; on Locate Disk, reads the disk with Get-VHD first and stays with the engine's message if it cannot. */
  async next(): Promise<void> {
    if (!this.canNext) return;
    if (this.currentId === 'locate') {
      const ok = await this.locate();
      if (!ok) return;
    }
    runInAction(() => {
      this.currentId = this.pages[this.index + 1]!.id;
    });
  }

  private async locate(): Promise<boolean> {
    const path = this.path.trim();
    runInAction(() => {
      this.locating = true;
    });
    const r = await this.deps.bridge.invoke({ cmdlet: 'Get-VHD', params: { Path: path, ComputerName: this.host.name } });
    runInAction(() => {
      this.locating = false;
      if (this.path.trim() !== path) return;
      const disk = r.ok ? (r.value.output[0] as LocatedDisk | undefined) : undefined;
      if (!disk) {
        this.locateError = r.ok ? `No virtual hard disk was found at '${path}'.` : r.error.message;
        return;
      }
      if (this.disk?.Path !== disk.Path || this.disk.VhdType !== disk.VhdType) this.action = undefined;
      this.disk = disk;
      if (this.action && this.actions.includes(this.action)) this.setAction(this.action);
      else this.action = undefined;
    });
    return this.disk !== undefined && this.locateError === undefined && this.path.trim() === path;
  }

  goTo(id: string): void {
    const i = this.pages.findIndex((p) => p.id === id);
    if (i >= 0 && i < this.index && !this.finishing) this.currentId = this.pages[i]!.id;
  }

  get newPath(): string {
    return joinFolder(cleanFolder(this.newLocation), this.newName.trim());
  }

  /** The one cmdlet Finish sends; undefined until a disk and an action are chosen. */
  get command(): Command | undefined {
    const d = this.disk;
    if (!d || !this.action) return undefined;
    const ComputerName = this.host.name;
    const Path = d.Path;
    switch (this.action) {
      case 'compact':
        return { cmdlet: 'Optimize-VHD', params: { Path, Mode: 'Full', ComputerName } };
      case 'convert':
        return { cmdlet: 'Convert-VHD', params: { Path, DestinationPath: this.newPath, VHDType: this.type, ComputerName } };
      case 'expand':
      case 'shrink':
        return { cmdlet: 'Resize-VHD', params: { Path, SizeBytes: Number(this.sizeGb.trim()) * GB, ComputerName } };
      case 'merge':
        return this.mergeInto === 'parent'
          ? { cmdlet: 'Merge-VHD', params: { Path, DestinationPath: d.ParentPath, ComputerName } }
          : { cmdlet: 'Convert-VHD', params: { Path, DestinationPath: this.newPath, VHDType: this.type, ComputerName } };
    }
  }

  /** The Summary's "Description" rows. */
  get summaryRows(): [string, string][] {
    const d = this.disk;
    if (!d || !this.action) return [];
    const rows: [string, string][] = [['Virtual hard disk:', d.Path]];
    switch (this.action) {
      case 'compact':
        rows.push(['Action:', 'Compact']);
        break;
      case 'convert':
        rows.push(['Action:', 'Convert'], ['Format:', this.format], ['Type:', typeText(this.type)], ['New virtual hard disk:', this.newPath]);
        break;
      case 'expand':
      case 'shrink':
        rows.push(['Action:', this.action === 'expand' ? 'Expand' : 'Shrink'], ['New size:', `${this.sizeGb.trim()} GB`]);
        break;
      case 'merge':
        rows.push(['Action:', 'Merge'], ['Merge into:', this.mergeInto === 'parent' ? d.ParentPath : this.newPath]);
        if (this.mergeInto === 'new') rows.push(['Type:', typeText(this.type)]);
        break;
    }
    return rows;
  }

  /** Sends the cmdlet; a refusal opens Hyper-V Manager's error dialog. */
  async finish(): Promise<void> {
    const command = this.command;
    if (!this.canFinish || !command) return;
    const path = this.disk!.Path;
    runInAction(() => {
      this.finishing = true;
    });
    this.onClose();
    await this.deps.commands.run(command, { intro: `The server encountered an error while editing the virtual hard disk ${path}.` });
  }

  cancel(): void {
    this.onClose();
  }
}

function readFlag(storage: EditVhdWizardDeps['storage']): boolean {
  try {
    return storage?.getItem(EDIT_VHD_SKIP_INTRO_KEY) === '1';
  } catch {
    return false;
  }
}
