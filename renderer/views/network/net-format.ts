// Names and units of the Networking pane, as Server Manager's NIC Teaming dialog and the NetAdapter
// cmdlets write them.
import type { AdapterView } from '../../../engine/contract';
import type { CmdletParams } from '../../../engine/cmdlets/cmdlet-params';
import { bitRateText } from '../../../engine/common/byte-size';

export type TeamingMode = NonNullable<CmdletParams<'New-NetLbfoTeam'>['TeamingMode']>;
export type LoadBalancingAlgorithm = NonNullable<CmdletParams<'New-NetLbfoTeam'>['LoadBalancingAlgorithm']>;

export const TEAMING_MODES: readonly { value: TeamingMode; label: string }[] = [
  { value: 'SwitchIndependent', label: 'Switch Independent' },
  { value: 'Static', label: 'Static Teaming' },
  { value: 'Lacp', label: 'LACP' },
];

export const LOAD_BALANCING: readonly { value: LoadBalancingAlgorithm; label: string }[] = [
  { value: 'TransportPorts', label: 'Address Hash' },
  { value: 'HyperVPort', label: 'Hyper-V Port' },
  { value: 'Dynamic', label: 'Dynamic' },
];

export function teamingModeText(mode: string): string {
  return TEAMING_MODES.find((m) => m.value.toLowerCase() === mode.toLowerCase())?.label ?? mode;
}

export function loadBalancingText(lb: string): string {
  switch (lb.toLowerCase()) {
    case 'ipaddresses':
      return 'Address Hash (IP addresses)';
    case 'macaddresses':
      return 'Address Hash (MAC addresses)';
    default:
      return LOAD_BALANCING.find((m) => m.value.toLowerCase() === lb.toLowerCase())?.label ?? lb;
  }
}

export function speedText(gbps: number): string {
  return gbps >= 1 ? `${gbps} Gbps` : `${Math.round(gbps * 1000)} Mbps`;
}

/** An adapter's throughput in bits per second, "0" when idle. */
export function throughputText(bytesPerSecond: number): string {
  return bytesPerSecond > 0 ? bitRateText(bytesPerSecond) : '0';
}

export type RdmaStatus =
  { kind: 'none'; text: string } | { kind: 'operational'; text: string } | { kind: 'disabled'; text: string } | { kind: 'trap'; text: string; why: string };

/** What the RDMA column says, with the 2012 R2 trap spelled out. */
export function rdmaStatus(a: AdapterView): RdmaStatus {
  if (a.rdmaType === 'none') return { kind: 'none', text: 'Not capable' };
  if (!a.rdmaEnabled) return { kind: 'disabled', text: 'Disabled' };
  if (a.rdmaOperational) return { kind: 'operational', text: 'Operational' };
  if (a.team) {
    return {
      kind: 'trap',
      text: 'Enabled, not operational (teamed)',
      why: `RDMA is enabled on ${a.name}, but Windows Server 2012 R2 cannot use RDMA through an LBFO team: "When teamed, the network adapters will not support RDMA." SMB Direct will not use ${a.name}. Remove it from the team and let SMB Multichannel aggregate the RDMA adapters instead.`,
    };
  }
  if (a.virtualSwitch) {
    return {
      kind: 'trap',
      text: 'Enabled, not operational (virtual switch)',
      why: `RDMA is enabled on ${a.name}, but it is bound to the Hyper-V virtual switch '${a.virtualSwitch}': in Windows Server 2012 R2 RDMA is not available through a virtual switch${a.hostAdapter ? `, and the host's traffic goes through '${a.hostAdapter}', which is not RDMA-capable` : ''}. SMB Direct will not use ${a.name}. Keep RDMA adapters outside virtual switches.`,
    };
  }
  if (!a.linkUp) return { kind: 'trap', text: 'Enabled, not operational (link down)', why: `The link of ${a.name} is down, so RDMA cannot run on it.` };
  return { kind: 'trap', text: 'Enabled, not operational', why: 'RDMA is enabled but the engine reports it is not usable on this adapter.' };
}

export const SMB_CATEGORIES: readonly { value: 'Default' | 'VirtualMachine' | 'LiveMigration'; label: string; what: string }[] = [
  { value: 'Default', label: 'Default', what: 'all other SMB traffic (file copies)' },
  { value: 'VirtualMachine', label: 'VirtualMachine', what: 'VMs running from SMB shares, and the storage part of shared-nothing live migrations' },
  { value: 'LiveMigration', label: 'LiveMigration', what: 'live migrations using the SMB performance option' },
];

export function bandwidthText(bytesPerSecond: number): string {
  const mb = bytesPerSecond / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb.toLocaleString('en-US') : mb.toFixed(1)} MB/s`;
}
