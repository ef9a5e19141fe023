// Action > Inspect Disk...: the Open dialog, then the Virtual Hard Disk Properties window of Windows
// Server 2012 R2 Hyper-V Manager (Format, Type, Location, File Name, Current File Size, Maximum Disk
// Size and, for a differencing disk, its Parent with Inspect Parent). What it shows is Get-VHD's
// answer through the bridge, as `Get-VHD -Path <file> -ComputerName <host>` shows it at the prompt.
import { action, makeObservable, observable, runInAction } from 'mobx';
import { byteSizeText } from '../../engine/common/byte-size';
import type { Host } from '../../engine/model/world';
import type { CommandStore } from './command-store';
import type { LocatedDisk } from './wizard-edit-vhd';
import { fileName, folderOf } from './wizard-paths';
import { typeText } from './vhd-choices';

export interface InspectDiskDeps {
  commands: Pick<CommandStore, 'run'>;
}

/** Get-VHD's object, with the few fields the Properties window shows beyond the wizard's. */
export type InspectedDisk = LocatedDisk & { ComputerName: string; AttachedTo?: string };

export class InspectDiskStore {
  /** Open while the user picks a file; then the Properties window of `disk`. */
  phase: 'open' | 'loading' | 'properties' = 'open';
  disk: InspectedDisk | undefined = undefined;

  constructor(
    private readonly deps: InspectDiskDeps,
    readonly host: Host,
    private readonly onClose: () => void,
  ) {
    makeObservable(this, { phase: observable, disk: observable.ref, close: action });
  }

  /** Reads the file with Get-VHD; a refusal opens Hyper-V Manager's error dialog and closes. */
  async inspect(path: string): Promise<void> {
    runInAction(() => {
      this.phase = 'loading';
    });
    const r = await this.deps.commands.run(
      { cmdlet: 'Get-VHD', params: { Path: path, ComputerName: this.host.name } },
      { intro: `An error occurred while trying to inspect the virtual hard disk ${path}.` },
    );
    const disk = r.ok ? (r.value.output[0] as InspectedDisk | undefined) : undefined;
    if (!disk) {
      this.close();
      return;
    }
    runInAction(() => {
      this.disk = disk;
      this.phase = 'properties';
    });
  }

  /** Inspect Parent: the parent's properties take the window's place (2012 R2 opens a second window; one is enough here). */
  async inspectParent(): Promise<void> {
    const parent = this.disk?.ParentPath;
    if (parent) await this.inspect(parent);
  }

  /** The Properties window's rows, as 2012 R2 labels them. */
  get rows(): [string, string][] {
    const d = this.disk;
    if (!d) return [];
    return [
      ['Format:', d.VhdFormat],
      ['Type:', `${typeText(d.VhdType)} virtual hard disk`],
      ['Location:', folderOf(d.Path)],
      ['File Name:', fileName(d.Path)],
      ['Current File Size:', byteSizeText(d.FileSize)],
      ['Maximum Disk Size:', byteSizeText(d.Size)],
    ];
  }

  close(): void {
    this.onClose();
  }
}
