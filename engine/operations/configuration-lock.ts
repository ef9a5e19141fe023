// A VM's configuration is frozen while a move of it is queued or running: the move switches the VM
// to the configuration it planned from, so a change made meanwhile would be dropped at the switch
// (storage move: the locations it moves; live migration: the VM on the destination). Hyper-V 2012
// R2 refuses such changes; so do Set-VM, Set-VMMemory, Set-VMProcessor, Checkpoint-VM and the VM
// Settings dialog here, with one text (parameters.ts, configurationLockedText).
import type { ConfigurationLock } from '../contract';
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import type { Operations } from './operations';
import { configurationLockedText } from './parameters';

/** Why the VM's configuration cannot change now, or undefined when it can. */
export function configurationLock(operations: Pick<Operations, 'activeMoveOf'> | undefined, vm: Vm): ConfigurationLock | undefined {
  const job = operations?.activeMoveOf(vm);
  if (!job) return undefined;
  const what = job.kind === 'LiveMigration' ? 'live migration' : 'storage move';
  const when = job.state === 'Queued' ? 'is queued' : 'is running';
  return {
    message: configurationLockedText(vm.name),
    fix: `A ${what} of '${vm.name}' ${when} (job ${job.id}, ${job.cmdlet}). Wait for it to finish (Wait-Job -Id ${job.id}) or cancel it (Stop-Job -Id ${job.id}), then change the settings again.`,
    guiFix: `A ${what} of '${vm.name}' ${when} (see the Jobs pane). Wait until it finishes, or cancel it there, then try again.`,
    jobId: job.id,
  };
}

/** Refuses a configuration change while the VM is being moved. */
export function refuseWhileMoving(operations: Pick<Operations, 'activeMoveOf'> | undefined, vm: Vm, parameter: string): void {
  const lock = configurationLock(operations, vm);
  if (lock) throw new CommandRefusal(lock.message, { parameter, fix: lock.fix, guiFix: lock.guiFix });
}
