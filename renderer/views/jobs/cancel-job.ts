// Cancelling a job from the Jobs pane: a confirmation, then Stop-Job through the bridge. Past the
// point where the move can roll back the engine refuses, and its message is shown as it is.
import type { Job } from '../../../engine/model/jobs';
import type { RootStore } from '../../stores/root-store';

export function confirmCancelJob(root: RootStore, job: Job): void {
  const what = `${job.cmdlet}${job.vmName ? ` of "${job.vmName}"` : ''}`;
  const detail =
    job.kind === 'LiveMigration'
      ? `The migration is abandoned and ${job.vmName ?? 'the virtual machine'} keeps running on ${job.source ?? 'the source host'}. A migration that has already switched to the destination cannot be cancelled; the engine will say so.`
      : job.kind === 'StorageMove'
        ? `The move is rolled back: the partial copy at the destination is deleted and ${job.vmName ?? 'the virtual machine'} keeps using its files where they are. Once the files have been switched to the destination, the move can no longer be cancelled.`
        : job.kind === 'Export'
          ? `The export is abandoned: the partial export in ${job.destination ?? 'the export folder'} is deleted. ${job.vmName ?? 'The virtual machine'} is not affected.`
          : job.kind === 'Import'
            ? `The import is abandoned: the files copied so far are deleted and ${job.vmName ?? 'the virtual machine'} is not registered. The export stays as it is.`
            : 'The job is stopped.';
  root.dialogs.show({
    kind: 'confirm',
    title: 'Cancel Job',
    message: `Do you want to cancel Job${job.id} (${what})?`,
    detail: `${detail} (PowerShell: Stop-Job -Id ${job.id})`,
    confirmLabel: 'Stop Job',
    onConfirm: () => {
      void root.commands.run({ cmdlet: 'Stop-Job', params: { Id: [Number(job.id)] } }, { intro: `Job${job.id} could not be cancelled.` });
    },
  });
}
