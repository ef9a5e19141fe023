// The modal dialogs the console raises: command errors, information, confirmations, About.
// One at a time, in the order they were raised (two failed commands give two dialogs, not one).
import { action, computed, makeObservable, observable } from 'mobx';
import type { ContractError } from '../../engine/contract';

export type DialogRequest =
  | {
      kind: 'error';
      /** Window title, "Hyper-V Manager" as in the product. */
      title: string;
      /** What was being attempted: "An error occurred while attempting to start the selected virtual machine(s)." */
      intro: string;
      error: ContractError;
      /** The PowerShell the console ran, when known. */
      commandText?: string;
    }
  | {
      kind: 'confirm';
      title: string;
      message: string;
      detail?: string;
      confirmLabel: string;
      /** "Cancel" unless given ("No" for a yes/no question). */
      cancelLabel?: string;
      onConfirm: () => void;
      /** Called when the user answers Cancel / No (or Esc) instead. */
      onCancel?: () => void;
    }
  | { kind: 'info'; title: string; message: string }
  | { kind: 'about' };

export type OpenDialog = DialogRequest & { id: number };

export class DialogStore {
  readonly queue = observable.array<OpenDialog>([], { deep: false });
  private nextId = 1;

  constructor() {
    makeObservable(this, { current: computed, show: action, close: action });
  }

  get current(): OpenDialog | undefined {
    return this.queue[0];
  }

  show(dialog: DialogRequest): void {
    this.queue.push({ ...dialog, id: this.nextId++ });
  }

  /** Closes the dialog with this id (a stale close of an already-closed dialog does nothing). */
  close(id: number): void {
    const i = this.queue.findIndex((d) => d.id === id);
    if (i >= 0) this.queue.splice(i, 1);
  }
}
