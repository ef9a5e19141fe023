// Every cmdlet signature the command language knows, by name or built-in alias (case-insensitive,
// as PowerShell resolves them). The parser, the formatter and completion read it. It holds no
// handlers: what a cmdlet does is registered in engine/command-table.ts, above both this layer and
// the operations layer, so the parser knows no operations.
import type { CmdletSignature, ParameterSpec } from './signature';
import {
  getVmSignature,
  startVmSignature,
  stopVmSignature,
  saveVmSignature,
  suspendVmSignature,
  resumeVmSignature,
  restartVmSignature,
  checkpointVmSignature,
  setVmSignature,
  setVmMemorySignature,
  setVmProcessorSignature,
  getVmMemorySignature,
} from './catalog/vm';
import { moveVmStorageSignature, moveVmSignature, compareVmSignature } from './catalog/moves';
import {
  getVmHostSignature,
  setVmHostSignature,
  enableVmMigrationSignature,
  disableVmMigrationSignature,
  addVmMigrationNetworkSignature,
  removeVmMigrationNetworkSignature,
  getVmMigrationNetworkSignature,
} from './catalog/vm-host';
import {
  getNetAdapterSignature,
  enableNetAdapterSignature,
  disableNetAdapterSignature,
  getNetAdapterRdmaSignature,
  enableNetAdapterRdmaSignature,
  disableNetAdapterRdmaSignature,
  newNetLbfoTeamSignature,
  removeNetLbfoTeamSignature,
  getNetLbfoTeamSignature,
  setSmbBandwidthLimitSignature,
  getSmbBandwidthLimitSignature,
  removeSmbBandwidthLimitSignature,
  getSmbMultichannelConnectionSignature,
  getSmbClientNetworkInterfaceSignature,
  getNetLbfoTeamMemberSignature,
  addNetLbfoTeamMemberSignature,
  removeNetLbfoTeamMemberSignature,
  setNetLbfoTeamMemberSignature,
} from './catalog/network';
import {
  newNetQosPolicySignature,
  getNetQosPolicySignature,
  setNetQosPolicySignature,
  removeNetQosPolicySignature,
  getNetQosFlowControlSignature,
  enableNetQosFlowControlSignature,
  disableNetQosFlowControlSignature,
  newNetQosTrafficClassSignature,
  getNetQosTrafficClassSignature,
  setNetQosTrafficClassSignature,
  removeNetQosTrafficClassSignature,
  getNetQosDcbxSettingSignature,
  setNetQosDcbxSettingSignature,
  getNetAdapterQosSignature,
  enableNetAdapterQosSignature,
  disableNetAdapterQosSignature,
  getWindowsFeatureSignature,
  installWindowsFeatureSignature,
} from './catalog/dcb';
import {
  getSmbClientConfigurationSignature,
  setSmbClientConfigurationSignature,
  getSmbServerConfigurationSignature,
  setSmbServerConfigurationSignature,
  newSmbMultichannelConstraintSignature,
  getSmbMultichannelConstraintSignature,
  removeSmbMultichannelConstraintSignature,
  updateSmbMultichannelConnectionSignature,
  getSmbConnectionSignature,
  getSmbServerNetworkInterfaceSignature,
  getSmbShareSignature,
  newSmbShareSignature,
  removeSmbShareSignature,
  grantSmbShareAccessSignature,
  getSmbShareAccessSignature,
} from './catalog/smb';
import {
  renameNetAdapterSignature,
  getNetAdapterAdvancedPropertySignature,
  setNetAdapterAdvancedPropertySignature,
  getNetAdapterRssSignature,
  getNetIPAddressSignature,
  testConnectionSignature,
  newNetIPAddressSignature,
  removeNetIPAddressSignature,
} from './catalog/net-config';
import { getJobSignature, stopJobSignature, waitJobSignature } from './catalog/jobs';
import {
  getVmSwitchSignature,
  newVmSwitchSignature,
  setVmSwitchSignature,
  renameVmSwitchSignature,
  removeVmSwitchSignature,
  getVmNetworkAdapterSignature,
  connectVmNetworkAdapterSignature,
  disconnectVmNetworkAdapterSignature,
  getVmNetworkAdapterVlanSignature,
  setVmNetworkAdapterVlanSignature,
} from './catalog/vm-switch';
import {
  renameVmSignature,
  removeVmSignature,
  getVmSnapshotSignature,
  restoreVmSnapshotSignature,
  removeVmSnapshotSignature,
  renameVmSnapshotSignature,
} from './catalog/vm-lifecycle';
import { newVmSignature } from './catalog/new-vm';
import {
  newVhdSignature,
  getVhdSignature,
  resizeVhdSignature,
  convertVhdSignature,
  optimizeVhdSignature,
  mergeVhdSignature,
  getVmHardDiskDriveSignature,
  addVmHardDiskDriveSignature,
  removeVmHardDiskDriveSignature,
  setVmDvdDriveSignature,
} from './catalog/vhd';
import { getServiceSignature, setServiceSignature, startServiceSignature, stopServiceSignature } from './catalog/services';
import { getHelpSignature, getCommandSignature } from './catalog/help';
import {
  getVmProcessorSignature,
  getVmIntegrationServiceSignature,
  enableVmIntegrationServiceSignature,
  disableVmIntegrationServiceSignature,
  getVmBiosSignature,
  setVmBiosSignature,
  getVmFirmwareSignature,
  setVmFirmwareSignature,
  addVmNetworkAdapterSignature,
  addVmScsiControllerSignature,
  addVmDvdDriveSignature,
} from './catalog/vm-configuration';
import { exportVmSignature, exportVmSnapshotSignature, importVmSignature } from './catalog/export-import';

/**
 * A signature whose cmdlet and parameter names are still literal types (declared with defineCmdlet,
 * not annotated `: CmdletSignature`): the console's typed commands are derived from this list
 * (cmdlet-params.ts), and a widened `string` name here would let any command through. A widened
 * entry fails to compile below with "Type 'string' is not assignable to type 'Capitalize<string>'"
 * (or '`${string}-${string}`').
 */
type LiteralSignature = CmdletSignature & {
  readonly name: `${string}-${string}`;
  readonly parameters: readonly (ParameterSpec & { readonly name: Capitalize<string> })[];
};

const signatures = [
  getServiceSignature,
  stopServiceSignature,
  startServiceSignature,
  setServiceSignature,
  getVmSignature,
  startVmSignature,
  stopVmSignature,
  saveVmSignature,
  suspendVmSignature,
  resumeVmSignature,
  restartVmSignature,
  checkpointVmSignature,
  setVmSignature,
  setVmMemorySignature,
  setVmProcessorSignature,
  moveVmStorageSignature,
  moveVmSignature,
  compareVmSignature,
  getVmHostSignature,
  setVmHostSignature,
  enableVmMigrationSignature,
  disableVmMigrationSignature,
  addVmMigrationNetworkSignature,
  removeVmMigrationNetworkSignature,
  getVmMigrationNetworkSignature,
  getNetAdapterSignature,
  enableNetAdapterSignature,
  disableNetAdapterSignature,
  getNetAdapterRdmaSignature,
  enableNetAdapterRdmaSignature,
  disableNetAdapterRdmaSignature,
  newNetLbfoTeamSignature,
  removeNetLbfoTeamSignature,
  getNetLbfoTeamSignature,
  getNetLbfoTeamMemberSignature,
  addNetLbfoTeamMemberSignature,
  removeNetLbfoTeamMemberSignature,
  setNetLbfoTeamMemberSignature,
  setSmbBandwidthLimitSignature,
  getSmbBandwidthLimitSignature,
  removeSmbBandwidthLimitSignature,
  getSmbMultichannelConnectionSignature,
  getSmbClientNetworkInterfaceSignature,
  getSmbClientConfigurationSignature,
  setSmbClientConfigurationSignature,
  getSmbServerConfigurationSignature,
  setSmbServerConfigurationSignature,
  newSmbMultichannelConstraintSignature,
  getSmbMultichannelConstraintSignature,
  removeSmbMultichannelConstraintSignature,
  updateSmbMultichannelConnectionSignature,
  getSmbConnectionSignature,
  getSmbServerNetworkInterfaceSignature,
  getSmbShareSignature,
  newSmbShareSignature,
  removeSmbShareSignature,
  grantSmbShareAccessSignature,
  getSmbShareAccessSignature,
  renameNetAdapterSignature,
  getNetAdapterAdvancedPropertySignature,
  setNetAdapterAdvancedPropertySignature,
  getNetAdapterRssSignature,
  getNetIPAddressSignature,
  testConnectionSignature,
  newNetIPAddressSignature,
  removeNetIPAddressSignature,
  getVmMemorySignature,
  getJobSignature,
  stopJobSignature,
  waitJobSignature,
  getVmSwitchSignature,
  newVmSwitchSignature,
  setVmSwitchSignature,
  renameVmSwitchSignature,
  removeVmSwitchSignature,
  getVmNetworkAdapterSignature,
  connectVmNetworkAdapterSignature,
  disconnectVmNetworkAdapterSignature,
  getVmNetworkAdapterVlanSignature,
  setVmNetworkAdapterVlanSignature,
  renameVmSignature,
  removeVmSignature,
  getVmSnapshotSignature,
  restoreVmSnapshotSignature,
  removeVmSnapshotSignature,
  renameVmSnapshotSignature,
  newVmSignature,
  newVhdSignature,
  getVhdSignature,
  resizeVhdSignature,
  convertVhdSignature,
  optimizeVhdSignature,
  mergeVhdSignature,
  getVmHardDiskDriveSignature,
  addVmHardDiskDriveSignature,
  removeVmHardDiskDriveSignature,
  setVmDvdDriveSignature,
  getHelpSignature,
  getCommandSignature,
  getVmProcessorSignature,
  getVmIntegrationServiceSignature,
  enableVmIntegrationServiceSignature,
  disableVmIntegrationServiceSignature,
  getVmBiosSignature,
  setVmBiosSignature,
  getVmFirmwareSignature,
  setVmFirmwareSignature,
  addVmNetworkAdapterSignature,
  addVmScsiControllerSignature,
  addVmDvdDriveSignature,
  exportVmSignature,
  exportVmSnapshotSignature,
  importVmSignature,
  newNetQosPolicySignature,
  getNetQosPolicySignature,
  setNetQosPolicySignature,
  removeNetQosPolicySignature,
  getNetQosFlowControlSignature,
  enableNetQosFlowControlSignature,
  disableNetQosFlowControlSignature,
  newNetQosTrafficClassSignature,
  getNetQosTrafficClassSignature,
  setNetQosTrafficClassSignature,
  removeNetQosTrafficClassSignature,
  getNetQosDcbxSettingSignature,
  setNetQosDcbxSettingSignature,
  getNetAdapterQosSignature,
  enableNetAdapterQosSignature,
  disableNetAdapterQosSignature,
  getWindowsFeatureSignature,
  installWindowsFeatureSignature,
] as const satisfies readonly LiteralSignature[];

/** Every signature with its literal types: what cmdlet-params.ts derives the typed commands from. */
export type CatalogSignature = (typeof signatures)[number];

/** The same list, read as plain signatures (`aliases` and the other optional fields are not on every literal). */
const all: readonly CmdletSignature[] = signatures;
const byName = new Map<string, CmdletSignature>();
for (const s of all) {
  byName.set(s.name.toLowerCase(), s);
  for (const alias of s.aliases ?? []) byName.set(alias.toLowerCase(), s);
}

export function findSignature(name: string): CmdletSignature | undefined {
  return byName.get(name.toLowerCase());
}

export function allSignatures(): readonly CmdletSignature[] {
  return all;
}
