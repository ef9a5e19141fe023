// Hyper-V Manager renames in place: Rename... turns the VM's name in the list, or the checkpoint's
// name in the Checkpoints pane, into a text box; Enter or leaving the box renames, Esc cancels.
// This store says which name is being edited and sends the rename (Rename-VM, Rename-VMSnapshot);
// the engine's world event shows the outcome, a refusal comes back as the usual error dialog.
import { action, makeObservable, observable } from 'mobx';
import type { CommandStore } from './command-store';

export type RenameTarget =
  | { kind: 'vm'; vmId: string; vmName: string; host: string }
  | { kind: 'checkpoint'; vmId: string; vmName: string; host: string; checkpointId: string; checkpointName: string };

export class RenameStore {
  target: RenameTarget | undefined = undefined;

  constructor(private readonly commands: CommandStore) {
    makeObservable(this, { target: observable.ref, start: action, cancel: action });
  }

  start(target: RenameTarget): void {
    this.target = target;
  }

  cancel(): void {
    this.target = undefined;
  }

  isEditing(kind: RenameTarget['kind'], id: string): boolean {
    const t = this.target;
    return t !== undefined && t.kind === kind && (t.kind === 'vm' ? t.vmId === id : t.checkpointId === id);
  }

  /** Ends the edit; sends the rename when the name changed and is not blank (Windows keeps the old name then). */
  commit(text: string): void {
    const t = this.target;
    this.cancel();
    const name = text.trim();
    if (!t || name === '') return;
    if (t.kind === 'vm') {
      if (name === t.vmName) return;
      void this.commands.run(
        { cmdlet: 'Rename-VM', params: { Name: t.vmName, NewName: name, ComputerName: t.host } },
        {
          intro: 'An error occurred while attempting to rename the virtual machine.',
          vmId: t.vmId,
        },
      );
    } else {
      if (name === t.checkpointName) return;
      void this.commands.run(
        { cmdlet: 'Rename-VMSnapshot', params: { VMName: t.vmName, Name: t.checkpointName, NewName: name, ComputerName: t.host } },
        {
          intro: 'An error occurred while attempting to rename the checkpoint.',
          vmId: t.vmId,
        },
      );
    }
  }
}
