// The cmdlets whose handlers belong to the operations layer (moves, jobs, SMB Multichannel views,
// Restart-VM with Smart Paging). Their handlers live in engine/operations/cmdlets/; this module
// keeps the names registry.ts imports.
import type { CmdletDefinition } from './definition';
import { compareVm, moveVm, moveVmStorage } from '../operations/cmdlets/move-cmdlets';
import { getJob, stopJob, waitJob } from '../operations/cmdlets/job-cmdlets';
import { restartVm } from '../operations/cmdlets/restart-vm';
import { getSmbClientNetworkInterface, getSmbMultichannelConnection } from '../operations/cmdlets/smb-cmdlets';

export { compareVm, moveVm, moveVmStorage, getJob, stopJob, waitJob, restartVm, getSmbClientNetworkInterface, getSmbMultichannelConnection };

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
