// A VM's configuration is frozen while a move of it is queued or running: the move switches the VM
// to the configuration it planned from, so a change made meanwhile would be dropped at the switch
// (storage move: the locations it moves; live migration: the VM on the destination). Hyper-V 2012
// R2 refuses such changes; so do Set-VM, Set-VMMemory, Set-VMProcessor, Checkpoint-VM and the VM
// Settings dialog here, with one text (parameters.ts, configurationLockedText).
import type { ConfigurationLock } from '../contract';
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import type { Operations } from './operations';
import { configurationLockedText, stateChangeRefusedText } from './parameters';

/**
 * Why the VM's configuration cannot change now, or undefined when it can. `message` and `retry`
 * are the refusal and the last words of the fix (a power action: "try again").
 */
export function configurationLock(
  operations: Pick<Operations, 'activeMoveOf'> | undefined,
  vm: Vm,
  message = configurationLockedText(vm.name),
  retry = 'change the settings again',
): ConfigurationLock | undefined {
  const job = operations?.activeMoveOf(vm);
  if (!job) return undefined;
  const what = job.kind === 'LiveMigration' ? 'live migration' : job.kind === 'Export' ? 'export' : job.kind === 'Import' ? 'import' : 'storage move';
  const when = job.state === 'Queued' ? 'is queued' : 'is running';
  return {
    message,
    fix: `A ${what} of '${vm.name}' ${when} (job ${job.id}, ${job.cmdlet}). Wait for it to finish (Wait-Job -Id ${job.id}) or cancel it (Stop-Job -Id ${job.id}), then ${retry}.`,
    guiFix: `A ${what} of '${vm.name}' ${when} (see the Jobs pane). Wait until it finishes, or cancel it there, then try again.`,
    jobId: job.id,
  };
}

/** Refuses a configuration change while the VM is being moved. */
export function refuseWhileMoving(operations: Pick<Operations, 'activeMoveOf'> | undefined, vm: Vm, parameter: string): void {
  const lock = configurationLock(operations, vm);
  if (lock) throw new CommandRefusal(lock.message, { parameter, fix: lock.fix, guiFix: lock.guiFix });
}

/**
 * Refuses a power action (start, shut down, turn off, save, pause, resume), a rename, a
 * checkpoint's apply or delete while the VM is being moved: the move planned from the VM's state
 * and files (a live migration copies a running VM's memory; a storage move mirrors its writes and
 * moves exactly the files it found). *Unconfirmed*: 2012 R2 may accept some of these during a
 * storage move; the lab refuses them all, with Hyper-V's invalid-state text (parameters.ts).
 */
export function refuseStateChangeWhileMoving(
  operations: Pick<Operations, 'activeMoveOf'> | undefined,
  vm: Vm,
  parameter: string,
  message = stateChangeRefusedText(vm.name),
): void {
  const lock = configurationLock(operations, vm, message, 'try again');
  if (lock) throw new CommandRefusal(lock.message, { parameter, fix: lock.fix, guiFix: lock.guiFix });
}
