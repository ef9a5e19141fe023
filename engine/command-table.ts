// What every cmdlet does: its signature (engine/cmdlets/registry.ts) and its handler. The command
// language's own handlers (engine/cmdlets/) and the operations layer's (moves, jobs, Restart-VM
// with Smart Paging, Start-VM's memory rule, the SMB Multichannel views: engine/operations/cmdlets/)
// meet here, above both, so neither layer imports the other's handlers.
import type { CmdletDefinition } from './cmdlets/definition';
import { getService, setService, startService, stopService } from './cmdlets/services';
import { getVm, resumeVm, saveVm, stopVm, suspendVm } from './cmdlets/vm-lifecycle';
import { checkpointVm } from './cmdlets/checkpoint-vm';
import { removeVm, renameVm } from './cmdlets/vm-identity';
import { getVmSnapshot, removeVmSnapshot, renameVmSnapshot, restoreVmSnapshot } from './cmdlets/vm-snapshots';
import { getVmMemory, setVm, setVmMemory, setVmProcessor } from './cmdlets/vm-settings';
import { getNetAdapterAdvancedProperty, getNetAdapterRss, renameNetAdapter, setNetAdapterAdvancedProperty } from './cmdlets/net-adapter-config';
import { getNetIPAddress, testConnection } from './cmdlets/net-ip';
import { disableVmMigration, enableVmMigration, getVmHost, setVmHost } from './cmdlets/vm-host';
import { addVmMigrationNetwork, getVmMigrationNetwork, removeVmMigrationNetwork } from './cmdlets/migration-networks';
import { disableNetAdapter, enableNetAdapter, getNetAdapter } from './cmdlets/net-adapters';
import { disableNetAdapterRdma, enableNetAdapterRdma, getNetAdapterRdma } from './cmdlets/net-adapter-rdma';
import {
  newNetQosPolicy,
  getNetQosPolicy,
  setNetQosPolicy,
  removeNetQosPolicy,
  getNetQosFlowControl,
  enableNetQosFlowControl,
  disableNetQosFlowControl,
  newNetQosTrafficClass,
  getNetQosTrafficClass,
  setNetQosTrafficClass,
  removeNetQosTrafficClass,
  getNetQosDcbxSetting,
  setNetQosDcbxSetting,
  getNetAdapterQos,
  enableNetAdapterQos,
  disableNetAdapterQos,
} from './cmdlets/dcb-qos';
import { getWindowsFeature, installWindowsFeature } from './cmdlets/windows-feature';
import { getNetLbfoTeam, newNetLbfoTeam, removeNetLbfoTeam } from './cmdlets/net-lbfo';
import { addNetLbfoTeamMember, getNetLbfoTeamMember, removeNetLbfoTeamMember, setNetLbfoTeamMember } from './cmdlets/net-lbfo-members';
import { getSmbShare, getSmbShareAccess, grantSmbShareAccess, newSmbShare, removeSmbShare } from './cmdlets/smb-shares';
import { newNetIPAddress, removeNetIPAddress } from './cmdlets/net-ip-config';
import { getSmbBandwidthLimit, removeSmbBandwidthLimit, setSmbBandwidthLimit } from './cmdlets/smb-bandwidth';
import { compareVm, moveVm, moveVmStorage } from './operations/cmdlets/move-cmdlets';
import { getJob, stopJob, waitJob } from './operations/cmdlets/job-cmdlets';
import { restartVm } from './operations/cmdlets/restart-vm';
import { startVm } from './operations/cmdlets/start-vm';
import { getSmbClientNetworkInterface, getSmbConnection, getSmbMultichannelConnection, getSmbServerNetworkInterface } from './operations/cmdlets/smb-cmdlets';
import { getSmbClientConfiguration, getSmbServerConfiguration, setSmbClientConfiguration, setSmbServerConfiguration } from './cmdlets/smb-configuration';
import {
  getSmbMultichannelConstraint,
  newSmbMultichannelConstraint,
  removeSmbMultichannelConstraint,
  updateSmbMultichannelConnection,
} from './cmdlets/smb-multichannel-constraint';
import { getVmSwitch, newVmSwitch, removeVmSwitch, renameVmSwitch, setVmSwitch } from './cmdlets/vm-switch';
import {
  connectVmNetworkAdapter,
  disconnectVmNetworkAdapter,
  getVmNetworkAdapter,
  getVmNetworkAdapterVlan,
  setVmNetworkAdapterVlan,
} from './cmdlets/vm-network-adapter';
import { newVm, setVmDvdDrive } from './cmdlets/new-vm';
import { convertVhd, getVhd, mergeVhd, newVhd, optimizeVhd, resizeVhd } from './cmdlets/vhd-cmdlets';
import { addVmHardDiskDrive, getVmHardDiskDrive, removeVmHardDiskDrive } from './cmdlets/hard-disk-drives';
import { getCommand, getHelp } from './cmdlets/help-cmdlets';
import {
  disableVmIntegrationService,
  enableVmIntegrationService,
  getVmBios,
  getVmFirmware,
  getVmIntegrationService,
  getVmProcessor,
  setVmBios,
  setVmFirmware,
} from './cmdlets/vm-configuration';
import { addVmDvdDrive, addVmNetworkAdapter, addVmScsiController } from './cmdlets/vm-devices';
import { exportVm, exportVmSnapshot, importVm } from './operations/cmdlets/export-import';

const definitions: readonly CmdletDefinition[] = [
  getService,
  stopService,
  startService,
  setService,
  getVm,
  startVm,
  stopVm,
  saveVm,
  suspendVm,
  resumeVm,
  restartVm,
  checkpointVm,
  setVm,
  setVmMemory,
  setVmProcessor,
  moveVmStorage,
  moveVm,
  compareVm,
  getVmHost,
  setVmHost,
  enableVmMigration,
  disableVmMigration,
  addVmMigrationNetwork,
  removeVmMigrationNetwork,
  getVmMigrationNetwork,
  getNetAdapter,
  enableNetAdapter,
  disableNetAdapter,
  getNetAdapterRdma,
  enableNetAdapterRdma,
  disableNetAdapterRdma,
  newNetLbfoTeam,
  removeNetLbfoTeam,
  getNetLbfoTeam,
  getNetLbfoTeamMember,
  addNetLbfoTeamMember,
  removeNetLbfoTeamMember,
  setNetLbfoTeamMember,
  setSmbBandwidthLimit,
  getSmbBandwidthLimit,
  removeSmbBandwidthLimit,
  getSmbMultichannelConnection,
  getSmbClientNetworkInterface,
  getSmbClientConfiguration,
  setSmbClientConfiguration,
  getSmbServerConfiguration,
  setSmbServerConfiguration,
  newSmbMultichannelConstraint,
  getSmbMultichannelConstraint,
  removeSmbMultichannelConstraint,
  updateSmbMultichannelConnection,
  getSmbConnection,
  getSmbServerNetworkInterface,
  getSmbShare,
  newSmbShare,
  removeSmbShare,
  grantSmbShareAccess,
  getSmbShareAccess,
  renameNetAdapter,
  getNetAdapterAdvancedProperty,
  setNetAdapterAdvancedProperty,
  getNetAdapterRss,
  getNetIPAddress,
  testConnection,
  newNetIPAddress,
  removeNetIPAddress,
  getVmMemory,
  getJob,
  stopJob,
  waitJob,
  getVmSwitch,
  newVmSwitch,
  setVmSwitch,
  renameVmSwitch,
  removeVmSwitch,
  getVmNetworkAdapter,
  connectVmNetworkAdapter,
  disconnectVmNetworkAdapter,
  getVmNetworkAdapterVlan,
  setVmNetworkAdapterVlan,
  renameVm,
  removeVm,
  getVmSnapshot,
  restoreVmSnapshot,
  removeVmSnapshot,
  renameVmSnapshot,
  newVm,
  newVhd,
  getVhd,
  resizeVhd,
  convertVhd,
  optimizeVhd,
  mergeVhd,
  getVmHardDiskDrive,
  addVmHardDiskDrive,
  removeVmHardDiskDrive,
  setVmDvdDrive,
  getHelp,
  getCommand,
  getVmProcessor,
  getVmIntegrationService,
  enableVmIntegrationService,
  disableVmIntegrationService,
  getVmBios,
  setVmBios,
  getVmFirmware,
  setVmFirmware,
  addVmNetworkAdapter,
  addVmScsiController,
  addVmDvdDrive,
  exportVm,
  exportVmSnapshot,
  importVm,
  newNetQosPolicy,
  getNetQosPolicy,
  setNetQosPolicy,
  removeNetQosPolicy,
  getNetQosFlowControl,
  enableNetQosFlowControl,
  disableNetQosFlowControl,
  newNetQosTrafficClass,
  getNetQosTrafficClass,
  setNetQosTrafficClass,
  removeNetQosTrafficClass,
  getNetQosDcbxSetting,
  setNetQosDcbxSetting,
  getNetAdapterQos,
  enableNetAdapterQos,
  disableNetAdapterQos,
  getWindowsFeature,
  installWindowsFeature,
];

const byName = new Map<string, CmdletDefinition>();
for (const d of definitions) {
  byName.set(d.signature.name.toLowerCase(), d);
  for (const alias of d.signature.aliases ?? []) byName.set(alias.toLowerCase(), d);
}

/** The cmdlet to run for a name or alias (case-insensitive). */
export function findCmdlet(name: string): CmdletDefinition | undefined {
  return byName.get(name.toLowerCase());
}

export function allCmdlets(): readonly CmdletDefinition[] {
  return definitions;
}
