// The cmdlets whose handlers belong to the operations layer (moves, jobs, SMB Multichannel views,
// Restart-VM with Smart Paging). Their signatures are final and the console parses, formats and
// completes them already; each `run` below refuses until its handler is built. To build one,
// replace its `run` here (or move the definition to its own module and update registry.ts).
import { CommandRefusal } from '../errors';
import type { CmdletDefinition } from './definition';
import type { CmdletSignature } from './signature';
import { compareVmSignature, moveVmSignature, moveVmStorageSignature } from './catalog/moves';
import { restartVmSignature } from './catalog/vm';
import { getSmbClientNetworkInterfaceSignature, getSmbMultichannelConnectionSignature } from './catalog/network';
import { getJobSignature, stopJobSignature, waitJobSignature } from './catalog/jobs';

function pending(signature: CmdletSignature): CmdletDefinition {
  return {
    signature,
    run() {
      throw new CommandRefusal(`${signature.name} is not available in this build yet.`, { code: 'Internal' });
    },
  };
}

export const moveVmStorage = pending(moveVmStorageSignature);
export const moveVm = pending(moveVmSignature);
export const compareVm = pending(compareVmSignature);
export const restartVm = pending(restartVmSignature);
export const getSmbMultichannelConnection = pending(getSmbMultichannelConnectionSignature);
export const getSmbClientNetworkInterface = pending(getSmbClientNetworkInterfaceSignature);
export const getJob = pending(getJobSignature);
export const stopJob = pending(stopJobSignature);
export const waitJob = pending(waitJobSignature);

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
