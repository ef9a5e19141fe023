// Hyper-V virtual switch facts and texts the engine and the console share (pure data and text:
// the cmdlets warn with these words, the Virtual Switch Manager shows the same before Apply).
//
// Sources:
// - Microsoft Learn, "Remote Direct Memory Access (RDMA) and Switch Embedded Teaming (SET)": before
//   Windows Server 2016, RDMA cannot be used through a Hyper-V virtual switch (or an LBFO team), and
//   host virtual NICs are not RDMA-capable; 2016 added RDMA on host vNICs with SET.
// - Microsoft Learn, "Deploy SMB Direct" / "SMB Direct": "When teamed, the network adapters will not
//   support RDMA."
// - Microsoft Learn, "New-VMSwitch": -NetAdapterName / -NetAdapterInterfaceDescription make an
//   External switch, -SwitchType takes Internal or Private; -AllowManagementOS defaults to $true.
// - Microsoft Learn, "Hyper-V Virtual Switch Overview": External, Internal and Private switches.
// - The MAC address prefix 00-15-5D is Microsoft's (IEEE OUI) for Hyper-V virtual adapters.
//
// *Unconfirmed* choices (no public source found; the most plausible behaviour, kept here):
// - the default dynamic MAC range takes the host's first IPv4 address's last two bytes, as blog
//   posts describe it (00-15-5D-XX-YY-00 to ...-FF);
// - the texts of the Virtual Switch Manager's warnings other than "Pending changes may disrupt
//   network connectivity" (which the product shows when applying switch changes), and the
//   wording of New-VMSwitch's refusals;
// - a bound adapter's IP settings come back when the switch is removed or shared again (Windows
//   may fall back to DHCP instead);
// - host vNICs are not RSS-capable in 2012 R2 (it has no vRSS for host vNICs), so SMB opens one
//   connection per vEthernet adapter.

/** Microsoft's OUI for Hyper-V's dynamic MAC addresses. */
export const HYPERV_MAC_PREFIX = '00155D';

/** VLAN IDs an access-mode adapter can carry (802.1Q: 0 and 4095 are reserved). */
export const VLAN_ID_MIN = 1;
export const VLAN_ID_MAX = 4094;

/** The host's virtual adapter for a switch shared with the management OS. */
export function vEthernetName(switchName: string): string {
  return `vEthernet (${switchName})`;
}

/**
 * The default MAC address range of a host (12 hex digits each), from its first IPv4 address:
 * 00-15-5D, then the address's last two bytes, then 00 to FF (*unconfirmed*, see above).
 */
export function defaultMacRange(ipv4: string | undefined): { minimum: string; maximum: string } {
  const parts = (ipv4 ?? '0.0.0.0').split('.').map((p) => Number(p) & 255);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  const stem = `${HYPERV_MAC_PREFIX}${hex(parts[2] ?? 0)}${hex(parts[3] ?? 0)}`;
  return { minimum: `${stem}00`, maximum: `${stem}FF` };
}

/** What a host's MAC range is read from (structurally: engine/common imports no model types). */
export interface MacRangeSource {
  macAddressRange?: { minimum: string; maximum: string } | undefined;
  nics: readonly { ipAddress?: string | undefined }[];
  teams: readonly { ipAddress?: string | undefined }[];
}

/** The MAC address range a host gives virtual adapters: its own (Global Network Settings), or the default. */
export function macRangeOf(host: MacRangeSource): { minimum: string; maximum: string } {
  if (host.macAddressRange) return host.macAddressRange;
  return defaultMacRange(host.nics.find((n) => n.ipAddress)?.ipAddress ?? host.teams.find((t) => t.ipAddress)?.ipAddress);
}

/** 00155D010B00 → 00-15-5D-01-0B-00 (how Hyper-V Manager shows MAC addresses). */
export function macWithDashes(mac: string): string {
  return mac.replace(/(..)(?!$)/g, '$1-');
}

/**
 * A MAC address as typed (00-15-5D-01-0B-00, 00:15:5d:01:0b:00 or 00155D010B00), as 12 upper-case
 * hex digits, or undefined when it is not one.
 */
export function parseMacAddress(text: string): string | undefined {
  const plain = text.trim().replace(/[-:]/g, '').toUpperCase();
  return /^[0-9A-F]{12}$/.test(plain) ? plain : undefined;
}

/** Why a MAC address range cannot be used, or undefined when it can. */
export function macRangeProblem(minimum: string, maximum: string): string | undefined {
  if (parseInt(minimum, 16) > parseInt(maximum, 16)) return 'The minimum MAC address must not be greater than the maximum.';
  // Bit 0 of the first byte marks a multicast address: a range that starts there gives adapters unusable addresses.
  if ((parseInt(minimum.slice(0, 2), 16) & 1) === 1) return 'The MAC address range must not contain multicast addresses (the first byte must be even).';
  return undefined;
}

/** What the uplink of an External switch is, for the RDMA warning. */
export interface UplinkRdma {
  /** The adapter or team interface the switch is bound to. */
  adapter: string;
  /** For a team: its members that are RDMA-capable with RDMA enabled. */
  rdmaMembers?: string[];
  /** For an adapter: its RDMA kind when it is RDMA-capable and enabled. */
  rdmaType?: 'iWARP' | 'RoCE' | 'InfiniBand';
}

/**
 * The warning the lab gives when an External switch is bound to an RDMA adapter or to a team of
 * them: in 2012 R2 the host's traffic then goes through "vEthernet (<switch>)", which is not
 * RDMA-capable, so SMB Direct (SMB storage, live migration over SMB) falls back to TCP/IP.
 * Undefined when the uplink has no RDMA to lose.
 */
export function rdmaUnderSwitchWarning(switchName: string, uplink: UplinkRdma, managementOS: boolean): string | undefined {
  const what = uplink.rdmaMembers?.length
    ? `The team '${uplink.adapter}' is made of RDMA adapters (${uplink.rdmaMembers.join(', ')})`
    : uplink.rdmaType
      ? `'${uplink.adapter}' is an RDMA adapter (${uplink.rdmaType})`
      : undefined;
  if (!what) return undefined;
  const path = managementOS
    ? `the host's traffic on it goes through '${vEthernetName(switchName)}', which is not RDMA-capable: SMB Direct stops using it and SMB (storage on file shares, live migration over SMB) falls back to TCP/IP`
    : 'the host can no longer use it at all: SMB Direct loses it';
  return `${what}. In Windows Server 2012 R2 RDMA is not available through a Hyper-V virtual switch, so once the switch '${switchName}' is bound to it ${path}. Keep RDMA adapters outside virtual switches and let SMB Multichannel use them directly.`;
}

/** The question Hyper-V Manager asks before applying changes to virtual switches. */
export const APPLY_NETWORKING_CHANGES = {
  title: 'Apply Networking Changes',
  message: 'Pending changes may disrupt network connectivity.',
  question: 'Are you sure you want to apply these changes?',
} as const;
