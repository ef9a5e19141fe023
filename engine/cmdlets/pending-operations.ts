// The cmdlets whose handlers belong to the operations layer (moves, jobs, SMB Multichannel views,
// Restart-VM with Smart Paging, Start-VM's memory rule). Their handlers live in
// engine/operations/cmdlets/; this module keeps the names registry.ts imports.
import type { CmdletDefinition } from './definition';
import { compareVm, moveVm, moveVmStorage } from '../operations/cmdlets/move-cmdlets';
import { getJob, stopJob, waitJob } from '../operations/cmdlets/job-cmdlets';
import { restartVm } from '../operations/cmdlets/restart-vm';
import { startVm } from '../operations/cmdlets/start-vm';
import { getSmbClientNetworkInterface, getSmbMultichannelConnection } from '../operations/cmdlets/smb-cmdlets';

export { compareVm, moveVm, moveVmStorage, getJob, stopJob, waitJob, restartVm, startVm, getSmbClientNetworkInterface, getSmbMultichannelConnection };

/** The cmdlets the command language left to the operations layer (Start-VM is its own, wrapped). */
export const pendingOperations: readonly CmdletDefinition[] = [
  moveVmStorage,
  moveVm,
  compareVm,
  restartVm,
  getSmbMultichannelConnection,
  getSmbClientNetworkInterface,
  getJob,
  stopJob,
  waitJob,
];
