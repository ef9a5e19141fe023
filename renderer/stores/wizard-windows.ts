// Which Move Wizard is open (one at a time, as one modal window), opened from the VM's Move...
// action in the Actions pane, the right-click menu and the Action menu.
import { action, makeObservable, observable } from 'mobx';
import type { Host, Vm } from '../../engine/model/world';
import { MoveWizardStore, type MoveWizardDeps } from './wizard-move';
import { NewVmWizardStore } from './wizard-new-vm';
import { DiskWindows, type DiskWindowsDeps } from './disk-windows';

export class WizardWindows {
  move: MoveWizardStore | undefined = undefined;
  newVm: NewVmWizardStore | undefined = undefined;
  /** New Hard Disk, Edit Disk, Inspect Disk. */
  readonly disks: DiskWindows;

  constructor(private readonly deps: MoveWizardDeps & DiskWindowsDeps) {
    this.disks = new DiskWindows(deps);
    makeObservable(this, { move: observable.ref, newVm: observable.ref, openMove: action, openNewVm: action, close: action, closeNewVm: action });
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
