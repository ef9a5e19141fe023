// The IP interfaces a host's network stack sees, built from its adapters, teams and virtual
// switches (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming"):
// - an un-teamed physical adapter with an IP is an interface of its own; it keeps RDMA;
// - a team is one interface whose speed is the sum of its up members; it is RSS-capable (when its
//   members are) and never RDMA-capable ("When teamed, the network adapters will not support RDMA");
// - an adapter or team bound to an External virtual switch that is shared with the management OS
//   lends its IP to the host vNIC "vEthernet (<switch>)": never RDMA, and (2012 R2 has no vRSS for
//   host vNICs) not RSS-capable — *inference* from "host or VM virtual NICs are never RDMA-capable"
//   and the absence of host vRSS before 2016.
// Teamed adapters carry no IP of their own. Interface indexes are derived from positions, so they
// are stable for a given world, and are the ifIndex Get-NetAdapter shows (interfaceIndexOf): an
// adapter 12 + its position, a team interface 40 + its position, a host vNIC 50 + its switch's
// position among the switches that give the host a vNIC.
import { inSubnet as inAnySubnet } from '../common/ip-addresses';
import type { Host, Nic } from '../model/world';
import { BYTES_PER_GBIT } from './parameters';
import { Resources } from './resources';

export type InterfaceKind = 'nic' | 'team' | 'vnic';

export interface NetInterface {
  host: string;
  /** InterfaceAlias / FriendlyName: SMB1, Team1, vEthernet (Production). */
  alias: string;
  index: number;
  kind: InterfaceKind;
  ip?: string;
  prefixLength: number;
  /** Sum of the up members' speeds for a team, else the adapter's speed (Gb/s). */
  linkSpeedGbps: number;
  up: boolean;
  /** RSS-capable as SMB sees it (more than one receive queue). */
  rss: boolean;
  /** RDMA-capable as SMB sees it: capable, enabled, not teamed, not behind a vSwitch. */
  rdma: boolean;
  rdmaType: Nic['rdma']['type'];
  medium: Nic['medium'];
  /** Physical adapters that carry its bytes (the members for a team). */
  members: string[];
  /** Members with link up. */
  upMembers: string[];
  /** For a team (or a vNIC on a team): the team's mode and load balancing. */
  team?: { name: string; mode: 'SwitchIndependent' | 'Static' | 'LACP'; loadBalancing: 'AddressHash' | 'HyperVPort' | 'Dynamic' };
  /**
   * The 802.1Q VLAN a host vNIC tags its traffic with (its switch's "VLAN identification for
   * management operating system"); absent: untagged. Two interfaces on different VLANs do not see
   * each other (the lab's physical switch ports carry every VLAN).
   */
  vlanId?: number;
  /** Resource of the cores that process this interface's received bytes, per member adapter. */
  rxCores: (member: string) => string;
}

export function nicRss(n: Nic): boolean {
  // "A NIC that reports RSS with a single queue counts as non-RSS" (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct").
  return n.rssQueues > 1;
}

const NIC_INDEX_BASE = 12;
const TEAM_INDEX_BASE = 40;
const VNIC_INDEX_BASE = 50;

/** A switch that gives the management OS a vNIC "vEthernet (<switch>)": Internal, or External and shared. */
export function givesHostVnic(s: Host['virtualSwitches'][number]): boolean {
  return s.type === 'Internal' || (s.type === 'External' && s.allowManagementOS && s.adapter !== undefined);
}

/** The interface index of the host vNIC of a switch (see the header). */
function vnicIndex(host: Host, sw: Host['virtualSwitches'][number]): number {
  let k = 0;
  for (const s of host.virtualSwitches) {
    if (s === sw) return VNIC_INDEX_BASE + k;
    if (givesHostVnic(s)) k++;
  }
  return VNIC_INDEX_BASE + k;
}

/** The ifIndex of an adapter, team interface or host vNIC, as Get-NetAdapter and the SMB cmdlets show it. */
export function interfaceIndexOf(kind: InterfaceKind, position: number): number {
  if (kind === 'nic') return NIC_INDEX_BASE + position;
  if (kind === 'team') return TEAM_INDEX_BASE + position;
  return VNIC_INDEX_BASE + position;
}

/** Interfaces of a host, in a stable order: adapters, then teams, then host vNICs. */
export function hostInterfaces(host: Host): NetInterface[] {
  const out: NetInterface[] = [];
  const nicByName = new Map(host.nics.map((n) => [n.name.toLowerCase(), n]));
  const switches = host.virtualSwitches;
  const vnics: NetInterface[] = [];

  host.nics.forEach((n, i) => {
    if (isTeamed(host, n.name)) return;
    const base: NetInterface = {
      host: host.name,
      alias: n.name,
      index: NIC_INDEX_BASE + i,
      kind: 'nic',
      ip: n.ipAddress,
      prefixLength: n.prefixLength,
      linkSpeedGbps: n.speedGbps,
      up: n.linkUp,
      rss: nicRss(n),
      rdma: n.rdma.type !== 'none' && n.rdma.enabled,
      rdmaType: n.rdma.type,
      medium: n.medium,
      members: [n.name],
      upMembers: n.linkUp ? [n.name] : [],
      rxCores: (m) => Resources.rxCores(host.name, m),
    };
    const sw = externalSwitchOn(switches, n.name);
    if (sw) {
      if (sw.allowManagementOS) vnics.push(asVnic(base, sw, host.name, vnicIndex(host, sw)));
      return; // the adapter itself is bound to the switch: no IP of its own
    }
    out.push(base);
  });

  host.teams.forEach((t, i) => {
    const members = t.members.filter((m) => nicByName.has(m.toLowerCase())).map((m) => nicByName.get(m.toLowerCase())!);
    // A standby member carries nothing while an active member is up (Microsoft Learn, "NIC Teaming settings", Standby adapter).
    const linked = members.filter((m) => m.linkUp);
    const activeLinked = linked.filter((m) => !t.standbyMember || !sameName(m.name, t.standbyMember));
    const up = activeLinked.length > 0 ? activeLinked : linked;
    const base: NetInterface = {
      host: host.name,
      alias: t.name,
      index: TEAM_INDEX_BASE + i,
      kind: 'team',
      ip: t.ipAddress,
      prefixLength: t.prefixLength,
      linkSpeedGbps: up.reduce((s, m) => s + m.speedGbps, 0),
      up: up.length > 0,
      rss: members.length > 0 && members.every(nicRss),
      rdma: false,
      rdmaType: members[0]?.rdma.type ?? 'none',
      medium: 'Ethernet',
      members: members.map((m) => m.name),
      upMembers: up.map((m) => m.name),
      team: { name: t.name, mode: t.mode, loadBalancing: t.loadBalancing },
      rxCores: (m) => Resources.rxCores(host.name, m),
    };
    const sw = externalSwitchOn(switches, t.name);
    if (sw) {
      if (sw.allowManagementOS) vnics.push(asVnic(base, sw, host.name, vnicIndex(host, sw)));
      return;
    }
    out.push(base);
  });
  return [...out, ...vnics];
}

/**
 * Aliases of the host vNICs alone, in hostInterfaces()' order, without building every interface:
 * registering a large world's resources needs only these. Same rules as hostInterfaces(): an
 * un-teamed adapter, then a team, bound to an External switch shared with the management OS.
 */
export function hostVnicAliases(host: Host): string[] {
  // Called for every host when a world is loaded (cold code): nothing is allocated but the answer.
  const out: string[] = [];
  const switches = host.virtualSwitches;
  if (switches.length === 0) return out;
  for (let i = 0; i < host.nics.length; i++) {
    const name = host.nics[i]!.name;
    if (isTeamed(host, name)) continue;
    const sw = externalSwitchOn(switches, name);
    if (sw?.allowManagementOS) out.push(vnicAlias(sw.name));
  }
  for (let i = 0; i < host.teams.length; i++) {
    const sw = externalSwitchOn(switches, host.teams[i]!.name);
    if (sw?.allowManagementOS) out.push(vnicAlias(sw.name));
  }
  return out;
}

/**
 * Names equal but for case (their lower-case forms are equal), without copying names of different
 * lengths: only U+0130 (İ) changes length when lower-cased.
 */
function sameName(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length && !a.includes('\u0130') && !b.includes('\u0130')) return false;
  return a.toLowerCase() === b.toLowerCase();
}

/** The External switch bound to an adapter or team (names compared without case): the last one listed. */
function externalSwitchOn(switches: Host['virtualSwitches'], adapter: string): Host['virtualSwitches'][number] | undefined {
  for (let i = switches.length - 1; i >= 0; i--) {
    const s = switches[i]!;
    if (s.type === 'External' && s.adapter && sameName(s.adapter, adapter)) return s;
  }
  return undefined;
}

/** Whether an adapter is a member of a team (names compared without case). */
function isTeamed(host: Host, nic: string): boolean {
  for (let i = 0; i < host.teams.length; i++) {
    const members = host.teams[i]!.members;
    for (let j = 0; j < members.length; j++) if (sameName(members[j]!, nic)) return true;
  }
  return false;
}

function vnicAlias(switchName: string): string {
  return `vEthernet (${switchName})`;
}

function asVnic(under: NetInterface, sw: Host['virtualSwitches'][number], host: string, index: number): NetInterface {
  const alias = vnicAlias(sw.name);
  return {
    ...under,
    alias,
    index,
    kind: 'vnic',
    rss: false,
    rdma: false,
    ...(sw.managementVlanId !== undefined ? { vlanId: sw.managementVlanId } : {}),
    rxCores: () => Resources.rxCores(host, alias),
  };
}

/** Line rate of one adapter in bytes/s. */
export function lineRate(n: Pick<Nic, 'speedGbps'>): number {
  return n.speedGbps * BYTES_PER_GBIT;
}

export function ipToInt(ip: string): number {
  const p = ip.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}

function mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function inSubnet(ip: string, subnet: string): boolean {
  // An IPv6 migration network (fd00::/64): the shared reader, which never matches an IPv4 address.
  if (subnet.includes(':')) return inAnySubnet(ip, subnet);
  const [addr, len] = subnet.split('/');
  const m = mask(Number(len));
  return (ipToInt(ip) & m) >>> 0 === (ipToInt(addr!) & m) >>> 0;
}

/**
 * Both ends see each other: each address lies in the other's subnet (same L2 network, no router
 * modelled), on the same VLAN. Different media (Ethernet vs InfiniBand) never share a network.
 */
export function seeEachOther(a: NetInterface, b: NetInterface): boolean {
  if (!a.ip || !b.ip || a.medium !== b.medium || (a.vlanId ?? 0) !== (b.vlanId ?? 0)) return false;
  const ia = ipToInt(a.ip);
  const ib = ipToInt(b.ip);
  const ma = mask(a.prefixLength);
  const mb = mask(b.prefixLength);
  return (ia & ma) >>> 0 === (ib & ma) >>> 0 && (ia & mb) >>> 0 === (ib & mb) >>> 0;
}

/**
 * FNV-1a plus murmur3's final mix: a small deterministic string hash (team member and connection
 * placement). The mix matters: plain FNV-1a's low bit is the parity of the characters, so
 * `hash % 2` of two keys differing by a prefix would always agree.
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// ── NIC teaming (LBFO): which member carries a TCP connection ──────────────────────────────────
// Microsoft, "Windows Server 2012 R2 NIC Teaming (LBFO) Deployment and Management" (2013), §3.3–3.5,
// and Microsoft Learn, "NIC Teaming settings":
// - Address Hash: outbound, each TCP connection goes to the member its hash of the source and
//   destination IP addresses and TCP ports picks; it stays there.
// - Hyper-V Port: outbound, each Hyper-V switch port (a VM's or the host's vNIC) is bound to one
//   member; a team interface with no switch above it is one port, so all its traffic uses one member.
// - Dynamic: outbound, connections are split into flowlets at the pauses in their traffic and each
//   flowlet goes to the least-loaded member, so the streams rebalance as load changes
//   (engine/net/fabric.ts rebalances when a transfer starts or ends); inbound as Hyper-V Port.
// - Inbound in Switch Independent mode the switch sees one MAC address per port, on one member: a
//   host team interface receives on its primary member, a vNIC on the member its port uses. In
//   Static and LACP modes the switch spreads inbound connections over the members by its own hash
//   of the addresses and ports.
// A single connection is on one member at a time: it never gets more than one member's bandwidth.
// A Standby member carries nothing until an active member fails.

/** A TCP connection as a team and a switch see it: addresses and ports. */
export interface TcpTuple {
  sourceIp: string;
  destinationIp: string;
  sourcePort: number;
  destinationPort: number;
}

/**
 * The hash a team (Address Hash) and a switch (LACP/Static inbound) spread connections with. The
 * function itself is not published (*unconfirmed*): we XOR-fold the addresses and ports, as
 * switches' "src-dst-ip-port" hashes do, so connections from consecutive source ports alternate
 * over two members.
 */
export function tupleHash(t: TcpTuple): number {
  let h = (ipToInt(t.sourceIp) ^ ipToInt(t.destinationIp) ^ t.sourcePort ^ t.destinationPort) >>> 0;
  h ^= h >>> 16;
  h ^= h >>> 8;
  return h & 0xff;
}

function pick(iface: NetInterface, active: string[], h: number): string {
  const preferred = iface.members[h % iface.members.length]!;
  return active.includes(preferred) ? preferred : active[h % active.length]!;
}

/** The member a Hyper-V switch port sends on: one per vNIC, the primary for a bare team interface. */
function portMember(iface: NetInterface, active: string[]): string {
  return iface.kind === 'vnic' ? pick(iface, active, hash32(`port:${iface.alias}`)) : active[0]!;
}

/** A connection leaving or arriving through an interface. */
export interface TeamFlow {
  tuple: TcpTuple;
  /**
   * Dynamic's flowlet placement: connections already sending on each member of this interface
   * (the fabric's count of live ones). Absent, Dynamic places by the hash, as Address Hash does.
   */
  load?: (member: string) => number;
}

/** The member adapter that sends a connection out of this interface (see the teaming notes above). */
export function sendMember(iface: NetInterface, flow: TeamFlow): string | undefined {
  const active = iface.upMembers; // a Standby member is among them only when no active member is up
  if (active.length === 0) return undefined;
  if (active.length === 1 || !iface.team) return active[0];
  const h = tupleHash(flow.tuple);
  switch (iface.team.loadBalancing) {
    case 'HyperVPort':
      return portMember(iface, active);
    case 'AddressHash':
      return pick(iface, active, h);
    case 'Dynamic': {
      if (!flow.load) return pick(iface, active, h);
      // The least-loaded member; among equals, the hash's order.
      const n = active.length;
      let best = active[h % n]!;
      let least = flow.load(best);
      for (let k = 1; k < n; k++) {
        const m = active[(h + k) % n]!;
        const l = flow.load(m);
        if (l < least) {
          best = m;
          least = l;
        }
      }
      return best;
    }
  }
}

/** The member adapter a connection arrives on at this interface (see the teaming notes above). */
export function receiveMember(iface: NetInterface, flow: TeamFlow): string | undefined {
  const active = iface.upMembers; // a Standby member is among them only when no active member is up
  if (active.length === 0) return undefined;
  if (active.length === 1 || !iface.team) return active[0];
  if (iface.team.mode !== 'SwitchIndependent') return pick(iface, active, tupleHash(flow.tuple));
  if (iface.team.loadBalancing === 'AddressHash') return active[0];
  return portMember(iface, active);
}
