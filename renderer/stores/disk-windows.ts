// The virtual hard disk windows of Hyper-V Manager, one of each at a time: the New Virtual Hard
// Disk Wizard (Action > New > Hard Disk...), the Edit Virtual Hard Disk Wizard (Edit Disk...) and
// Inspect Disk... (the Open dialog, then Virtual Hard Disk Properties), each for the selected server.
import { action, makeObservable, observable } from 'mobx';
import type { Bridge } from '../../engine/contract';
import type { Host } from '../../engine/model/world';
import type { CommandStore } from './command-store';
import { InspectDiskStore } from './inspect-vhd';
import { EditVhdWizardStore } from './wizard-edit-vhd';
import { NewVhdWizardStore } from './wizard-new-vhd';

export interface DiskWindowsDeps {
  bridge: Pick<Bridge, 'query' | 'invoke'>;
  commands: Pick<CommandStore, 'run'>;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

export class DiskWindows {
  newVhd: NewVhdWizardStore | undefined = undefined;
  editVhd: EditVhdWizardStore | undefined = undefined;
  inspect: InspectDiskStore | undefined = undefined;

  constructor(readonly deps: DiskWindowsDeps) {
    makeObservable(this, {
      newVhd: observable.ref,
      editVhd: observable.ref,
      inspect: observable.ref,
      openNewVhd: action,
      openEditVhd: action,
      openInspect: action,
      close: action,
      closeAll: action,
    });
  }

  openNewVhd(host: Host): void {
    const w: NewVhdWizardStore = new NewVhdWizardStore(this.deps, host, () => this.close('newVhd', w));
    this.newVhd = w;
  }

  openEditVhd(host: Host): void {
    const w: EditVhdWizardStore = new EditVhdWizardStore(this.deps, host, () => this.close('editVhd', w));
    this.editVhd = w;
  }

  openInspect(host: Host): void {
    const w: InspectDiskStore = new InspectDiskStore(this.deps, host, () => this.close('inspect', w));
    this.inspect = w;
  }

  /** Closes `which` (a stale close of a window already replaced does nothing). */
  close(key: 'newVhd' | 'editVhd' | 'inspect', which: object): void {
    if (this[key] === which) this[key] = undefined;
  }

  /** The error boundary's Close: every disk window goes. */
  closeAll(): void {
    this.newVhd = undefined;
    this.editVhd = undefined;
    this.inspect = undefined;
  }
}
