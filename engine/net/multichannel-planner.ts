// SMB Multichannel: which interfaces carry an SMB session from a client to a server, and with how
// many connections (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming").
// - Interfaces are ranked RDMA > RSS > other; within the chosen tier only the fastest speed is
//   used; tiers and speeds are never mixed; the rest stay idle as standby.
// - RDMA needs RDMA enabled at both ends (and the same RDMA kind: iWARP does not talk to RoCE);
//   teamed adapters and vNICs are never RDMA-capable (see interfaces.ts).
// - Both ends must see each other on the interface's network, link up; a client's
//   New-SmbMultichannelConstraint for the server limits it to the named interfaces.
// - Connections per interface: RDMA 2, RSS 4, other 1 (client settings), at most 32 per server.
//   A single non-RSS interface does not use Multichannel (1 connection).
// - Multichannel disabled at either end (client or server configuration): one connection, and no SMB Direct.
import { serverMultichannelEnabled, type Host, type World } from '../model/world';
import { findHost } from '../model/paths';
import { hostInterfaces, seeEachOther, type NetInterface } from './interfaces';
import { BYTES_PER_GBIT } from './parameters';

export type ChannelTier = 'RDMA' | 'RSS' | 'Other';
const TIER_RANK: Record<ChannelTier, number> = { RDMA: 3, RSS: 2, Other: 1 };

export interface SmbChannel {
  clientHost: string;
  serverHost: string;
  client: NetInterface;
  server: NetInterface;
  tier: ChannelTier;
  /** min of the two ends' link speeds, Gb/s. */
  linkSpeedGbps: number;
  /** Connections the client opens on this interface pair (0 when not selected). */
  connections: number;
  maxChannels: number;
  selected: boolean;
}

/** One row of Get-SmbMultichannelConnection. */
export interface SmbMultichannelConnectionRow {
  ServerName: string;
  ClientInterfaceIndex: number;
  ClientInterfaceFriendlyName: string;
  ServerInterfaceIndex: number;
  ClientIpAddress: string;
  ServerIpAddress: string;
  Selected: boolean;
  ClientRSSCapable: boolean;
  ClientRdmaCapable: boolean;
  ServerRSSCapable: boolean;
  ServerRdmaCapable: boolean;
  /** bits per second, as the cmdlet's property holds it. */
  ClientLinkSpeed: number;
  MaxChannels: number;
  CurrentChannels: number;
  Failed: boolean;
  FailureCount: number;
}

/** One row of Get-SmbClientNetworkInterface. */
export interface SmbClientNetworkInterfaceRow {
  InterfaceIndex: number;
  RssCapable: boolean;
  RdmaCapable: boolean;
  /** bits per second. */
  LinkSpeed: number;
  IpAddresses: string[];
  FriendlyName: string;
}

export interface MultichannelPlan {
  client: string;
  server: string;
  multichannel: boolean;
  tier: ChannelTier;
  /** Every interface pair found, selected or standby. */
  candidates: SmbChannel[];
  /** The pairs that carry the data. */
  channels: SmbChannel[];
  totalConnections: number;
  notes: string[];
}

export type MultichannelResult = { ok: true; plan: MultichannelPlan } | { ok: false; reason: string };

export interface MultichannelOptions {
  /** Only these server interfaces may be used (e.g. the destination's live migration networks). */
  serverFilter?: (iface: NetInterface) => boolean;
  /** Why the filter exists, for the refusal message. */
  serverFilterReason?: string;
}

export function clientNetworkInterfaces(host: Host): SmbClientNetworkInterfaceRow[] {
  return hostInterfaces(host)
    .filter((i) => i.ip)
    .map((i) => ({
      InterfaceIndex: i.index,
      RssCapable: i.rss,
      RdmaCapable: i.rdma,
      LinkSpeed: i.linkSpeedGbps * 1e9,
      IpAddresses: [i.ip!],
      FriendlyName: i.alias,
    }));
}

function pairTier(c: NetInterface, s: NetInterface, rdmaAllowed: boolean): ChannelTier {
  if (rdmaAllowed && c.rdma && s.rdma && c.rdmaType === s.rdmaType) return 'RDMA';
  // *Inference*: SMB ranks by the client interface's capability, and the server's receive side
  // must spread connections too; we require RSS at both ends for the RSS tier.
  if (c.rss && s.rss) return 'RSS';
  return 'Other';
}

function constraintFor(client: Host, server: Host): string[] | undefined {
  for (const [name, aliases] of Object.entries(client.smb.constraints)) {
    const n = name.toLowerCase();
    if (n === server.name.toLowerCase() || n.split('.')[0] === server.name.toLowerCase()) return aliases.map((a) => a.toLowerCase());
  }
  return undefined;
}

export function planMultichannel(world: World, clientName: string, serverName: string, options: MultichannelOptions = {}): MultichannelResult {
  const client = findHost(world, clientName);
  const server = findHost(world, serverName);
  if (!client) return { ok: false, reason: `computer "${clientName}" does not exist` };
  if (!server) return { ok: false, reason: `computer "${serverName}" does not exist` };
  const notes: string[] = [];
  // The client's Set-SmbClientConfiguration and the server's Set-SmbServerConfiguration each have
  // -EnableMultiChannel; either end off gives one connection (Microsoft Learn, "SMB Direct":
  // disabling Multichannel disables SMB Direct too).
  const multichannel = client.smb.multichannelEnabled && serverMultichannelEnabled(server);
  if (!multichannel) {
    const where = client.smb.multichannelEnabled ? `${server.name} (SMB server)` : `${client.name} (SMB client)`;
    notes.push(`SMB Multichannel is disabled on ${where}: one connection, and no SMB Direct`);
  }

  const constraint = constraintFor(client, server);
  const clientIfaces = hostInterfaces(client).filter((i) => i.ip && i.up && (!constraint || constraint.includes(i.alias.toLowerCase())));
  if (constraint) notes.push(`SMB Multichannel constraint for ${server.name}: only ${constraint.join(', ')}`);
  const serverIfaces = hostInterfaces(server).filter((i) => i.ip && i.up && (!options.serverFilter || options.serverFilter(i)));

  // One server interface per client interface: the best one it sees, spreading equally good ones.
  const used = new Map<string, number>();
  const candidates: SmbChannel[] = [];
  for (const c of clientIfaces) {
    const seen = serverIfaces.filter((s) => seeEachOther(c, s));
    if (seen.length === 0) continue;
    const scored = seen.map((s) => ({ s, tier: pairTier(c, s, multichannel), speed: Math.min(c.linkSpeedGbps, s.linkSpeedGbps) }));
    scored.sort(
      (a, b) => TIER_RANK[b.tier] - TIER_RANK[a.tier] || b.speed - a.speed || (used.get(a.s.alias) ?? 0) - (used.get(b.s.alias) ?? 0) || a.s.index - b.s.index,
    );
    const best = scored[0]!;
    used.set(best.s.alias, (used.get(best.s.alias) ?? 0) + 1);
    candidates.push({
      clientHost: client.name,
      serverHost: server.name,
      client: c,
      server: best.s,
      tier: best.tier,
      linkSpeedGbps: best.speed,
      connections: 0,
      maxChannels: maxChannels(client, best.tier),
      selected: false,
    });
  }
  if (candidates.length === 0) {
    const why = options.serverFilter && options.serverFilterReason ? ` (${options.serverFilterReason})` : '';
    return { ok: false, reason: `no network connects ${client.name} and ${server.name}: no interface pair is up with both ends on the same subnet${why}` };
  }

  const rank = (c: SmbChannel): number => TIER_RANK[c.tier] * 1e6 + c.linkSpeedGbps;
  let chosen: SmbChannel[];
  if (!multichannel) {
    const best = [...candidates].sort((a, b) => rank(b) - rank(a) || a.client.index - b.client.index)[0]!;
    chosen = [best];
    best.connections = 1;
  } else {
    const top = Math.max(...candidates.map(rank));
    chosen = candidates.filter((c) => rank(c) === top);
    for (const c of chosen) c.connections = c.maxChannels;
    if (chosen.length === 1 && chosen[0]!.tier === 'Other') {
      chosen[0]!.connections = 1;
      notes.push('a single non-RSS interface: SMB Multichannel is not used (one connection)');
    }
    // At most MaximumConnectionCountPerServer connections, handed out round robin.
    const cap = client.smb.maximumConnectionCountPerServer;
    const want = chosen.map((c) => c.connections);
    const total = want.reduce((s, n) => s + n, 0);
    if (total > cap) {
      const alloc = chosen.map(() => 0);
      let left = cap;
      for (let progress = true; left > 0 && progress;) {
        progress = false;
        for (let i = 0; i < chosen.length && left > 0; i++) {
          if (alloc[i]! < want[i]!) {
            alloc[i]!++;
            left--;
            progress = true;
          }
        }
      }
      chosen.forEach((c, i) => {
        c.connections = alloc[i]!;
      });
      notes.push(`connections capped at ${cap} per server (MaximumConnectionCountPerServer)`);
    }
    chosen = chosen.filter((c) => c.connections > 0);
  }
  for (const c of chosen) c.selected = true;
  const tier = chosen[0]!.tier;
  const idle = candidates.filter((c) => !c.selected);
  if (idle.length) notes.push(`standby: ${idle.map((c) => `${c.client.alias} (${c.tier}, ${c.linkSpeedGbps} Gb)`).join(', ')}`);
  return {
    ok: true,
    plan: {
      client: client.name,
      server: server.name,
      multichannel,
      tier,
      candidates,
      channels: chosen,
      totalConnections: chosen.reduce((s, c) => s + c.connections, 0),
      notes,
    },
  };
}

function maxChannels(client: Host, tier: ChannelTier): number {
  if (tier === 'RDMA') return client.smb.connectionsPerRdmaInterface;
  if (tier === 'RSS') return client.smb.connectionsPerRssInterface;
  return client.smb.connectionsPerNonRssInterface;
}

/** Get-SmbMultichannelConnection rows for a plan; failure counts come from the fabric. */
export function multichannelConnectionRows(
  plan: MultichannelPlan,
  failures: (c: SmbChannel) => { failed: boolean; count: number } = () => ({ failed: false, count: 0 }),
): SmbMultichannelConnectionRow[] {
  return plan.candidates.map((c) => {
    const f = failures(c);
    return {
      ServerName: plan.server,
      ClientInterfaceIndex: c.client.index,
      ClientInterfaceFriendlyName: c.client.alias,
      ServerInterfaceIndex: c.server.index,
      ClientIpAddress: c.client.ip!,
      ServerIpAddress: c.server.ip!,
      Selected: c.selected,
      ClientRSSCapable: c.client.rss,
      ClientRdmaCapable: c.client.rdma,
      ServerRSSCapable: c.server.rss,
      ServerRdmaCapable: c.server.rdma,
      ClientLinkSpeed: c.client.linkSpeedGbps * 1e9,
      MaxChannels: c.maxChannels,
      CurrentChannels: c.selected ? c.connections : 0,
      Failed: f.failed,
      FailureCount: f.count,
    };
  });
}

/** Nominal payload capacity of a link speed, for notes. */
export function gbpsToBytes(gbps: number): number {
  return gbps * BYTES_PER_GBIT;
}
