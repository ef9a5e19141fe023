// Every cmdlet the engine knows, by name or built-in alias (case-insensitive, as PowerShell
// resolves them).
import type { CmdletDefinition } from './definition';
import { getVm, stopVm } from './vm-lifecycle';
import { checkpointVm } from './checkpoint-vm';
import { setVm, setVmMemory, setVmProcessor } from './vm-settings';
import { disableVmMigration, enableVmMigration, getVmHost, setVmHost } from './vm-host';
import { addVmMigrationNetwork, getVmMigrationNetwork, removeVmMigrationNetwork } from './migration-networks';
import { disableNetAdapter, enableNetAdapter, getNetAdapter } from './net-adapters';
import { disableNetAdapterRdma, enableNetAdapterRdma, getNetAdapterRdma } from './net-adapter-rdma';
import { getNetLbfoTeam, newNetLbfoTeam, removeNetLbfoTeam } from './net-lbfo';
import { getSmbBandwidthLimit, removeSmbBandwidthLimit, setSmbBandwidthLimit } from './smb-bandwidth';
import {
  compareVm, getJob, getSmbClientNetworkInterface, getSmbMultichannelConnection, moveVm, moveVmStorage, restartVm, startVm, stopJob, waitJob,
} from './pending-operations';

const definitions: CmdletDefinition[] = [
  getVm, startVm, stopVm, restartVm, checkpointVm, setVm, setVmMemory, setVmProcessor,
  moveVmStorage, moveVm, compareVm,
  getVmHost, setVmHost, enableVmMigration, disableVmMigration,
  addVmMigrationNetwork, removeVmMigrationNetwork, getVmMigrationNetwork,
  getNetAdapter, enableNetAdapter, disableNetAdapter,
  getNetAdapterRdma, enableNetAdapterRdma, disableNetAdapterRdma,
  newNetLbfoTeam, removeNetLbfoTeam, getNetLbfoTeam,
  setSmbBandwidthLimit, getSmbBandwidthLimit, removeSmbBandwidthLimit,
  getSmbMultichannelConnection, getSmbClientNetworkInterface,
  getJob, stopJob, waitJob,
];

const byName = new Map<string, CmdletDefinition>();
for (const d of definitions) {
  byName.set(d.signature.name.toLowerCase(), d);
  for (const alias of d.signature.aliases ?? []) byName.set(alias.toLowerCase(), d);
}

export function findCmdlet(name: string): CmdletDefinition | undefined {
  return byName.get(name.toLowerCase());
}

export function allCmdlets(): readonly CmdletDefinition[] {
  return definitions;
}
