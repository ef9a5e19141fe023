// Which Move Wizard is open (one at a time, as one modal window), opened from the VM's Move...
// action in the Actions pane, the right-click menu and the Action menu.
import { action, makeObservable, observable } from 'mobx';
import type { Vm } from '../../engine/model/world';
import { MoveWizardStore, type MoveWizardDeps } from './wizard-move';

export class WizardWindows {
  move: MoveWizardStore | undefined = undefined;

  constructor(private readonly deps: MoveWizardDeps) {
    makeObservable(this, { move: observable.ref, openMove: action, close: action });
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
