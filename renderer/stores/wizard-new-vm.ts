// The New Virtual Machine Wizard of Windows Server 2012 R2 Hyper-V Manager: its pages, defaults and
// what each page checks as it is filled in; Finish sends New-VM (which creates a new disk with it),
// then Set-VMMemory for Dynamic Memory and Set-VMDvdDrive for an installation image — the commands
// the real wizard's choices amount to (the Hyper-V module's cmdlet help for Windows Server 2012 R2).
// The engine refuses anything the pages cannot see (a name in use, a full volume) in Hyper-V's words.
import { action, computed, makeObservable, observable } from 'mobx';
import type { Command } from '../../engine/contract';
import type { Host } from '../../engine/model/world';
import type { CommandStore } from './command-store';
import { cleanFolder, folderProblem, joinFolder } from './wizard-paths';

export type NewVmPageId = 'before' | 'name' | 'generation' | 'memory' | 'network' | 'disk' | 'install' | 'summary';
export type DiskOption = 'create' | 'existing' | 'later';
export type InstallOption = 'later' | 'image' | 'network';

/** Hyper-V's default folders as installed (the engine's VhdParameters has the same, with sources). */
export const DEFAULT_VM_FOLDER = 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V\\';
export const DEFAULT_VHD_FOLDER = 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks\\';
export const NEW_VM_SKIP_INTRO_KEY = 'hvlab.newVmWizard.skipBeforeYouBegin';

export interface NewVmWizardDeps {
  commands: Pick<CommandStore, 'run'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export class NewVmWizardStore {
  name = 'New Virtual Machine';
  storeElsewhere = false;
  location = DEFAULT_VM_FOLDER;
  generation: 1 | 2 = 1;
  memoryMb = '512';
  dynamicMemory = false;
  switchName = '';
  diskOption: DiskOption = 'create';
  vhdName = 'New Virtual Machine.vhdx';
  vhdLocation = DEFAULT_VHD_FOLDER;
  vhdSizeGb = '127';
  existingPath = '';
  install: InstallOption = 'later';
  isoPath = '';
  skipIntro: boolean;
  currentId: NewVmPageId;
  finishing = false;
  /** The disk's name and folder follow the VM's name and location until the user types their own. */
  private diskNameTouched = false;
  private diskFolderTouched = false;

  constructor(
    private readonly deps: NewVmWizardDeps,
    readonly host: Host,
    private readonly onClose: () => void,
  ) {
    this.skipIntro = readFlag(deps.storage);
    // The host's default folders (Hyper-V Settings → Virtual Machines / Virtual Hard Disks).
    this.location = withBackslash(host.virtualMachinePath) ?? DEFAULT_VM_FOLDER;
    this.vhdLocation = this.defaultVhdFolder;
    this.currentId = this.skipIntro ? 'name' : 'before';
    makeObservable<NewVmWizardStore, 'diskNameTouched' | 'diskFolderTouched'>(this, {
      name: observable,
      storeElsewhere: observable,
      location: observable,
      generation: observable,
      memoryMb: observable,
      dynamicMemory: observable,
      switchName: observable,
      diskOption: observable,
      vhdName: observable,
      vhdLocation: observable,
      vhdSizeGb: observable,
      existingPath: observable,
      install: observable,
      isoPath: observable,
      skipIntro: observable,
      currentId: observable,
      finishing: observable,
      diskNameTouched: observable,
      diskFolderTouched: observable,
      pages: computed,
      index: computed,
      page: computed,
      problems: computed,
      canPrevious: computed,
      canNext: computed,
      canFinish: computed,
      commands: computed,
      summaryRows: computed,
      set: action,
      setName: action,
      setStoreElsewhere: action,
      setLocation: action,
      setVhdName: action,
      setVhdLocation: action,
      setSkipIntro: action,
      previous: action,
      next: action,
      goTo: action,
    });
  }

  get pages(): { id: NewVmPageId; nav: string; heading: string }[] {
    return [
      { id: 'before', nav: 'Before You Begin', heading: 'Before You Begin' },
      { id: 'name', nav: 'Specify Name and Location', heading: 'Specify Name and Location' },
      { id: 'generation', nav: 'Specify Generation', heading: 'Specify Generation' },
      { id: 'memory', nav: 'Assign Memory', heading: 'Assign Memory' },
      { id: 'network', nav: 'Configure Networking', heading: 'Configure Networking' },
      { id: 'disk', nav: 'Connect Virtual Hard Disk', heading: 'Connect Virtual Hard Disk' },
      { id: 'install', nav: 'Installation Options', heading: 'Installation Options' },
      { id: 'summary', nav: 'Summary', heading: 'Completing the New Virtual Machine Wizard' },
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

  set<K extends 'generation' | 'memoryMb' | 'dynamicMemory' | 'switchName' | 'diskOption' | 'vhdSizeGb' | 'existingPath' | 'install' | 'isoPath'>(
    key: K,
    value: this[K],
  ): void {
    this[key] = value;
    // A generation 2 VM has no floppy and boots VHDX only: the disk name follows.
    if (key === 'generation' && value === 2 && /\.vhd$/i.test(this.vhdName)) this.vhdName = `${this.vhdName}x`;
  }

  setName(name: string): void {
    this.name = name;
    if (!this.diskNameTouched) this.vhdName = `${name.trim() || 'New Virtual Machine'}.vhdx`;
    this.followLocation();
  }

  setStoreElsewhere(on: boolean): void {
    this.storeElsewhere = on;
    this.followLocation();
  }

  setLocation(folder: string): void {
    this.location = folder;
    this.followLocation();
  }

  setVhdName(name: string): void {
    this.vhdName = name;
    this.diskNameTouched = true;
  }

  setVhdLocation(folder: string): void {
    this.vhdLocation = folder;
    this.diskFolderTouched = true;
  }

  /** A VM stored in its own folder keeps its disk in "<folder>\<name>\Virtual Hard Disks" (Hyper-V's layout). */
  private followLocation(): void {
    if (this.diskFolderTouched) return;
    this.vhdLocation =
      this.storeElsewhere && !folderProblem(this.location)
        ? `${joinFolder(joinFolder(cleanFolder(this.location), this.name.trim() || 'New Virtual Machine'), 'Virtual Hard Disks')}\\`
        : this.defaultVhdFolder;
  }

  private get defaultVhdFolder(): string {
    return withBackslash(this.host.virtualHardDiskPath) ?? DEFAULT_VHD_FOLDER;
  }

  setSkipIntro(on: boolean): void {
    this.skipIntro = on;
    try {
      this.deps.storage?.setItem(NEW_VM_SKIP_INTRO_KEY, on ? '1' : '0');
    } catch {
      // Storage disabled: the page just shows again next time.
    }
  }

  /** What keeps Next disabled on the current page, with the box it is about. */
  get problems(): { field?: string; message: string }[] {
    const out: { field?: string; message: string }[] = [];
    switch (this.currentId) {
      case 'name':
        if (!this.name.trim()) out.push({ field: 'name', message: 'Type a name for the virtual machine.' });
        else if (this.name.trim().length > 100) out.push({ field: 'name', message: 'The name can have at most 100 characters.' });
        if (this.storeElsewhere) {
          const p = folderProblem(this.location);
          if (p) out.push({ field: 'location', message: p.message });
        }
        break;
      case 'memory': {
        const mb = Number(this.memoryMb);
        if (!/^\d+$/.test(this.memoryMb.trim()) || mb < 32 || mb > 1048576)
          out.push({ field: 'memory', message: 'Specify a startup memory between 32 MB and 1048576 MB.' });
        else if (mb % 2 !== 0) out.push({ field: 'memory', message: 'The startup memory must be a multiple of 2 MB.' });
        break;
      }
      case 'disk':
        if (this.diskOption === 'create') {
          if (!/\.vhdx?$/i.test(this.vhdName.trim()))
            out.push({ field: 'vhdName', message: 'The name must end in .vhdx (or .vhd for a generation 1 virtual machine).' });
          else if (this.generation === 2 && /\.vhd$/i.test(this.vhdName.trim()))
            out.push({ field: 'vhdName', message: 'Generation 2 virtual machines support the VHDX format only.' });
          const p = folderProblem(this.vhdLocation);
          if (p) out.push({ field: 'vhdLocation', message: p.message });
          const gb = Number(this.vhdSizeGb);
          const max = /\.vhd$/i.test(this.vhdName.trim()) ? 2040 : 65536;
          if (!/^\d+$/.test(this.vhdSizeGb.trim()) || gb < 1 || gb > max) out.push({ field: 'vhdSize', message: `Specify a size between 1 GB and ${max} GB.` });
        } else if (this.diskOption === 'existing') {
          if (!/\.vhdx?$/i.test(this.existingPath.trim())) out.push({ field: 'existingPath', message: 'Type the path of a .vhdx or .vhd file.' });
        }
        break;
      case 'install':
        if (this.install === 'image' && !/\.iso$/i.test(this.isoPath.trim())) out.push({ field: 'isoPath', message: 'Type the path of an image file (.iso).' });
        break;
      default:
        break;
    }
    return out;
  }

  get canPrevious(): boolean {
    return this.index > 0 && !this.finishing;
  }

  get canNext(): boolean {
    return this.currentId !== 'summary' && !this.finishing && this.problems.length === 0;
  }

  /** Hyper-V Manager's Finish is on every page once the name is valid; here on pages without problems. */
  get canFinish(): boolean {
    return !this.finishing && this.problems.length === 0 && this.currentId !== 'before' && this.name.trim().length > 0;
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

  private get bootDevice(): string | undefined {
    if (this.install === 'image') return 'CD';
    if (this.install === 'network') return this.generation === 1 ? 'LegacyNetworkAdapter' : 'NetworkAdapter';
    return undefined;
  }

  /** New-VM, then the settings New-VM has no parameter for. */
  get commands(): Command[] {
    const name = this.name.trim();
    const params: Record<string, unknown> = {
      Name: name,
      MemoryStartupBytes: Number(this.memoryMb) * 1024 ** 2,
      Generation: this.generation,
      ComputerName: this.host.name,
    };
    if (this.storeElsewhere) params.Path = cleanFolder(this.location);
    if (this.switchName) params.SwitchName = this.switchName;
    if (this.diskOption === 'create') {
      params.NewVHDPath = joinFolder(cleanFolder(this.vhdLocation), this.vhdName.trim());
      params.NewVHDSizeBytes = Number(this.vhdSizeGb) * 1024 ** 3;
    } else if (this.diskOption === 'existing') {
      params.VHDPath = this.existingPath.trim();
    } else {
      params.NoVHD = true;
    }
    const boot = this.bootDevice;
    if (boot) params.BootDevice = boot;
    const out: Command[] = [{ cmdlet: 'New-VM', params }];
    if (this.dynamicMemory) out.push({ cmdlet: 'Set-VMMemory', params: { VMName: name, DynamicMemoryEnabled: true, ComputerName: this.host.name } });
    if (this.install === 'image') out.push({ cmdlet: 'Set-VMDvdDrive', params: { VMName: name, Path: this.isoPath.trim(), ComputerName: this.host.name } });
    return out;
  }

  /** The Summary's "Description" rows, as 2012 R2 lists them. */
  get summaryRows(): [string, string][] {
    const disk =
      this.diskOption === 'create'
        ? `${joinFolder(cleanFolder(this.vhdLocation), this.vhdName.trim())} (VHDX, dynamically expanding)`.replace(
            '(VHDX',
            /\.vhd$/i.test(this.vhdName.trim()) ? '(VHD' : '(VHDX',
          )
        : this.diskOption === 'existing'
          ? this.existingPath.trim()
          : 'None';
    return [
      ['Name:', this.name.trim()],
      ['Generation:', `Generation ${this.generation}`],
      ['Memory:', `${this.memoryMb.trim()} MB${this.dynamicMemory ? ' (Dynamic Memory)' : ''}`],
      ['Network:', this.switchName || 'Not Connected'],
      ['Hard Disk:', disk],
      [
        'Operating System:',
        this.install === 'later'
          ? 'Will be installed at a later time'
          : this.install === 'image'
            ? `Will be installed from ${this.isoPath.trim()}`
            : 'Will be installed from a network-based installation server',
      ],
    ];
  }

  /** Sends the commands in order; a refusal opens Hyper-V Manager's error dialog and stops. */
  async finish(): Promise<void> {
    if (!this.canFinish) return;
    const commands = this.commands;
    action(() => {
      this.finishing = true;
    })();
    this.onClose();
    const intro = `The server encountered an error while creating ${this.name.trim()}.`;
    for (const command of commands) {
      const r = await this.deps.commands.run(command, { intro });
      if (!r.ok) return;
    }
  }

  cancel(): void {
    this.onClose();
  }
}

function readFlag(storage: NewVmWizardDeps['storage']): boolean {
  try {
    return storage?.getItem(NEW_VM_SKIP_INTRO_KEY) === '1';
  } catch {
    return false;
  }
}

function withBackslash(folder: string | undefined): string | undefined {
  return folder === undefined ? undefined : folder.endsWith('\\') ? folder : `${folder}\\`;
}
