// Get-NetIPAddress and Test-Connection over the interfaces the network model builds
// (engine/net/interfaces.ts): the lab keeps one static IPv4 address per interface, so rows are
// those addresses plus the loopback ones (Microsoft Learn, "Get-NetIPAddress"; IPv6 link-local
// addresses are not modelled). Test-Connection answers when some pair of interfaces that are up
// sees each other (same subnet, same VLAN: the lab has no routers), as Win32_PingStatus rows
// (Microsoft Learn, "Test-Connection", Windows PowerShell 4.0); replies on one switched LAN take
// under a millisecond, shown as 0. A name that does not resolve and a computer no interface reaches
// fail with PowerShell 4.0's "Error due to lack of resources" (its message for both; *unconfirmed*
// for the unreachable case). The pings take no simulated time.
import { CommandRefusal } from '../errors';
import type { Host } from '../model/world';
import { hostInterfaces, seeEachOther, type NetInterface } from '../net/interfaces';
import type { CmdletContext, CmdletDefinition } from './definition';
import { getNetIPAddressSignature, testConnectionSignature } from './catalog/net-config';
import { findHost, stringList, targetHosts } from './targets';
import { wildcardMatch } from './wildcard';

export function addressRow(
  host: Host,
  ip: string,
  index: number,
  alias: string,
  family: 'IPv4' | 'IPv6',
  prefixLength: number,
  origin: 'Manual' | 'WellKnown',
) {
  return {
    IPAddress: ip,
    InterfaceIndex: index,
    InterfaceAlias: alias,
    AddressFamily: family,
    Type: 'Unicast',
    PrefixLength: prefixLength,
    PrefixOrigin: origin,
    SuffixOrigin: origin,
    AddressState: 'Preferred',
    ValidLifetime: 'Infinite ([TimeSpan]::MaxValue)',
    PreferredLifetime: 'Infinite ([TimeSpan]::MaxValue)',
    SkipAsSource: false,
    PolicyStore: 'ActiveStore',
    PSComputerName: host.name,
  };
}

/** Every address of a host as Get-NetIPAddress lists them: its interfaces', then the loopback's. */
export function ipAddressesOf(host: Host) {
  const rows = hostInterfaces(host)
    .filter((i) => i.ip)
    .map((i) => addressRow(host, i.ip!, i.index, i.alias, 'IPv4', i.prefixLength, 'Manual'));
  rows.push(addressRow(host, '::1', 1, 'Loopback Pseudo-Interface 1', 'IPv6', 128, 'WellKnown'));
  rows.push(addressRow(host, '127.0.0.1', 1, 'Loopback Pseudo-Interface 1', 'IPv4', 8, 'WellKnown'));
  return rows;
}

export const getNetIPAddress: CmdletDefinition = {
  signature: getNetIPAddressSignature,
  run(ctx, params) {
    const ips = stringList(params.IPAddress);
    const aliases = stringList(params.InterfaceAlias);
    const indexes = (params.InterfaceIndex as number[] | undefined) ?? [];
    const families = stringList(params.AddressFamily);
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) => {
      const rows = ipAddressesOf(host).filter(
        (r) =>
          (ips.length === 0 || ips.some((p) => wildcardMatch(p, r.IPAddress))) &&
          (aliases.length === 0 || aliases.some((p) => wildcardMatch(p, r.InterfaceAlias))) &&
          (indexes.length === 0 || indexes.includes(r.InterfaceIndex)) &&
          (families.length === 0 || families.includes(r.AddressFamily)),
      );
      if (rows.length === 0 && (ips.length || aliases.length || indexes.length)) {
        const [property, value] = ips.length
          ? ['IPAddress', ips[0]!]
          : aliases.length
            ? ['InterfaceAlias', aliases[0]!]
            : ['InterfaceIndex', String(indexes[0])];
        throw new CommandRefusal(
          `No MSFT_NetIPAddress objects found with property '${property}' equal to '${value}'.  Verify the value of the property and retry.`,
          {
            parameter: property,
            code: 'NotFound',
          },
        );
      }
      return rows;
    });
    return { output };
  },
};

/** The address a ping from `source` to `target` goes to: `typed` itself when it is an address, else the first pair that sees each other. */
function route(source: Host, target: Host, typed: string): { from: NetInterface; to: NetInterface } | undefined {
  const mine = hostInterfaces(source).filter((i) => i.ip && i.up);
  const theirs = hostInterfaces(target).filter((i) => i.ip && i.up && (!/^\d+\.\d+\.\d+\.\d+$/.test(typed) || i.ip === typed));
  for (const to of theirs) {
    const from = mine.find((m) => seeEachOther(m, to));
    if (from) return { from, to };
  }
  return undefined;
}

export const testConnection: CmdletDefinition = {
  signature: testConnectionSignature,
  run(ctx: CmdletContext, params) {
    const count = (params.Count as number | undefined) ?? 4;
    const bytes = (params.BufferSize as number | undefined) ?? 32;
    const sources = params.Source === undefined ? [ctx.world.session.signedInOn] : stringList(params.Source);
    const output: unknown[] = [];
    for (const s of sources) {
      const source = findHost(ctx, s);
      if (!source) throw lackOfResources(s, 'Source');
      for (const typed of stringList(params.ComputerName)) {
        const target = findHost(ctx, typed);
        const path = target ? (target === source ? 'self' : route(source, target, typed)) : undefined;
        if (params.Quiet) {
          output.push(path !== undefined);
          continue;
        }
        if (path === undefined) throw lackOfResources(typed, 'ComputerName');
        const address = path === 'self' ? '127.0.0.1' : path.to.ip!;
        for (let i = 0; i < count; i++) {
          output.push({ Source: source.name, Destination: typed, IPV4Address: address, IPV6Address: '', BufferSize: bytes, ResponseTime: 0, StatusCode: 0 });
        }
      }
    }
    return { output };
  },
};

function lackOfResources(name: string, parameter: string): CommandRefusal {
  return new CommandRefusal(`Testing connection to computer '${name}' failed: Error due to lack of resources`, { parameter, code: 'NotFound' });
}
