// The "Open" dialog behind Inspect Disk, Edit Disk's Locate Disk and the disk wizards' Browse... for
// a file: the folder tree of one computer (FolderBrowserStore, the Select Folder dialog's), the
// virtual hard disk files of the selected folder (the engine's 'folders' query with `files`), and
// the File name: box. As in Windows' Open dialog, a name typed without a folder is looked for in the
// selected folder, and a file that is not there is refused ("File not found") before the dialog
// closes, so the wizard behind it never gets a path to nothing.
import { action, makeObservable, observable, reaction, runInAction } from 'mobx';
import type { Bridge, FileEntry } from '../../engine/contract';
import { FolderBrowserStore } from './wizard-folders';
import { fileName, folderOf, joinFolder } from './wizard-paths';

export const VHD_FILE_FILTER = 'Virtual Hard Disks (*.vhd, *.vhdx)';

export class OpenFileStore {
  readonly tree: FolderBrowserStore;
  /** The selected folder's disk files; undefined while listing. */
  files: FileEntry[] | undefined = undefined;
  filesError: string | undefined = undefined;
  fileText: string;
  problem: string | undefined = undefined;
  private readonly disposeReaction: () => void;
  private listing = 0;

  constructor(
    private readonly bridge: Pick<Bridge, 'query'>,
    readonly host: string,
    initialPath: string,
    defaultFolder: string,
  ) {
    const typed = initialPath.trim();
    const hasFolder = /[\\/]/.test(typed);
    this.tree = new FolderBrowserStore(bridge, host, hasFolder ? folderOf(typed) : defaultFolder);
    this.fileText = typed ? fileName(typed) : '';
    makeObservable<OpenFileStore, 'list'>(this, {
      files: observable.ref,
      filesError: observable,
      fileText: observable,
      problem: observable,
      setFileText: action,
      choose: action,
      list: action,
    });
    this.disposeReaction = reaction(
      () => this.tree.selected,
      (n) => void this.list(n?.path),
    );
  }

  async load(): Promise<void> {
    await this.tree.load();
    await this.list(this.tree.selected?.path);
  }

  dispose(): void {
    this.disposeReaction();
  }

  setFileText(text: string): void {
    this.fileText = text;
    this.problem = undefined;
  }

  /** A click in the file list puts its name in the File name: box. */
  choose(file: FileEntry): void {
    this.fileText = file.name;
    this.problem = undefined;
  }

  private async list(path: string | undefined): Promise<void> {
    const ticket = ++this.listing;
    this.files = undefined;
    this.filesError = undefined;
    if (!path) {
      this.files = [];
      return;
    }
    const r = await this.bridge.query({ name: 'folders', host: this.host, path, files: true });
    if (ticket !== this.listing) return;
    runInAction(() => {
      this.files = r.ok ? (r.value.files ?? []) : [];
      this.filesError = r.ok ? undefined : r.error.message;
    });
  }

  /** The full path the File name: box means: as typed when it has a folder, else in the selected one. */
  get fullPath(): string | undefined {
    const typed = this.fileText.trim().replace(/^"(.*)"$/, '$1');
    if (!typed) return undefined;
    if (/^[A-Za-z]:[\\/]|^\\\\/.test(typed)) return typed;
    const folder = this.tree.selected?.path;
    return folder ? joinFolder(folder, typed) : undefined;
  }

  /** The chosen file, or undefined with `problem` set (Windows' Open dialog texts). */
  async accept(): Promise<string | undefined> {
    const path = this.fullPath;
    const refuse = (message: string) => {
      runInAction(() => {
        this.problem = message;
      });
      return undefined;
    };
    if (!path) return refuse(this.fileText.trim() ? 'Select a folder on the left, or type the full path of the file.' : 'Type or select a file name.');
    if (!/\.vhdx?$/i.test(path)) return refuse(`${fileName(path)}\nThe file is not a virtual hard disk: choose a .vhd or .vhdx file.`);
    const r = await this.bridge.query({ name: 'folders', host: this.host, path: folderOf(path), files: true });
    const found = r.ok ? r.value.files?.find((f) => f.name.toLowerCase() === fileName(path).toLowerCase()) : undefined;
    if (!found) return refuse(`${path}\nFile not found.\nCheck the file name and try again.`);
    return found.path;
  }
}
