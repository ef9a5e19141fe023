// Which Move Wizard is open (one at a time, as one modal window), opened from the VM's Move...
// action in the Actions pane, the right-click menu and the Action menu.
import { action, makeObservable, observable } from 'mobx';
import type { Host, Vm } from '../../engine/model/world';
import { MoveWizardStore, type MoveWizardDeps } from './wizard-move';
import { NewVmWizardStore } from './wizard-new-vm';
import { DiskWindows, type DiskWindowsDeps } from './disk-windows';
import { ExportVmDialogStore, ImportWizardStore } from './export-import';

export class WizardWindows {
  move: MoveWizardStore | undefined = undefined;
  newVm: NewVmWizardStore | undefined = undefined;
  exportVm: ExportVmDialogStore | undefined = undefined;
  importVm: ImportWizardStore | undefined = undefined;
  /** The Export dialog offers the folder last exported to (this session). */
  private lastExportFolder = '';
  /** New Hard Disk, Edit Disk, Inspect Disk. */
  readonly disks: DiskWindows;

  constructor(private readonly deps: MoveWizardDeps & DiskWindowsDeps) {
    this.disks = new DiskWindows(deps);
    makeObservable(this, {
      move: observable.ref,
      newVm: observable.ref,
      exportVm: observable.ref,
      importVm: observable.ref,
      openMove: action,
      openNewVm: action,
      openExport: action,
      openImport: action,
      close: action,
      closeNewVm: action,
      closeExport: action,
      closeImport: action,
    });
  }

  /** A VM's Export... action, or a checkpoint's (`checkpoint` names it). */
  openExport(vm: Vm, checkpoint?: string): void {
    const dialog: ExportVmDialogStore = new ExportVmDialogStore(this.deps, vm, this.lastExportFolder, (folder) => this.closeExport(dialog, folder), checkpoint);
    this.exportVm = dialog;
  }

  closeExport(which?: ExportVmDialogStore, folder?: string): void {
    if (which && which !== this.exportVm) return;
    if (folder) this.lastExportFolder = folder;
    this.exportVm = undefined;
  }

  /** A Hyper-V host's Import Virtual Machine... action. */
  openImport(host: Host): void {
    const wizard: ImportWizardStore = new ImportWizardStore(this.deps, host, () => this.closeImport(wizard));
    this.importVm = wizard;
  }

  closeImport(which?: ImportWizardStore): void {
    if (which && which !== this.importVm) return;
    this.importVm = undefined;
  }

  /** Action > New > Virtual Machine... on a Hyper-V host. */
  openNewVm(host: Host): void {
    const wizard: NewVmWizardStore = new NewVmWizardStore(this.deps, host, () => this.closeNewVm(wizard));
    this.newVm = wizard;
  }

  closeNewVm(which?: NewVmWizardStore): void {
    if (which && which !== this.newVm) return;
    this.newVm = undefined;
  }

  openMove(vm: Vm): void {
    this.move?.dispose();
    const wizard: MoveWizardStore = new MoveWizardStore(this.deps, vm, () => this.close(wizard));
    this.move = wizard;
  }

  /** Closes `which` (a stale close of a wizard already replaced does nothing). */
  close(which?: MoveWizardStore): void {
    if (which && which !== this.move) return;
    this.move?.dispose();
    this.move = undefined;
  }
}
