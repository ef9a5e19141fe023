// New- and Remove-NetIPAddress: the static IPv4 address of an interface (an un-teamed adapter, a
// team interface, or the host vNIC "vEthernet (<switch>)" of a switch shared with the management
// OS; Microsoft Learn, "New-NetIPAddress", "Remove-NetIPAddress"). The address decides the subnets
// SMB Multichannel pairs interfaces on and what Test-Connection reaches (engine/net/interfaces.ts,
// seeEachOther), so a change re-plans the transfers crossing the host at once.
//
// The lab keeps one IPv4 address per interface: a second one is refused with a sentence that says
// so (Windows would add it). New-NetIPAddress writes the address twice, as Windows does: its
// ActiveStore and its PersistentStore instance. An address already on the host is refused with the
// CIM "already exists" text; one another computer of the lab owns with Windows' duplicate-address
// outcome as a refusal (Windows would keep it in the Duplicate state, unusable) — *unconfirmed*.
import { CommandRefusal } from '../errors';
import type { Host } from '../model/world';
import { formatIp, parseIp, sameIp } from '../common/ip-addresses';
import { hostInterfaces, type NetInterface } from '../net/interfaces';
import type { CmdletDefinition } from './definition';
import { newNetIPAddressSignature, removeNetIPAddressSignature } from './catalog/net-config';
import { addressRow } from './net-ip';
import { stringList, targetHosts } from './targets';
import { sameName, wildcardMatch } from './wildcard';

/** Sets or clears the address where the world keeps it: the adapter, the team, or (for a host vNIC) the adapter or team under the switch. */
function assign(host: Host, iface: NetInterface, address: { ipAddress: string; prefixLength: number } | undefined): void {
  let owner = iface.alias;
  if (iface.kind === 'vnic') {
    const sw = host.virtualSwitches.find((s) => sameName(`vEthernet (${s.name})`, iface.alias));
    owner = sw?.adapter ?? owner;
  }
  const team = host.teams.find((t) => sameName(t.name, owner));
  const target = team ?? host.nics.find((n) => sameName(n.name, owner));
  if (!target) return;
  if (address) Object.assign(target, address);
  else delete target.ipAddress;
}

export const newNetIPAddress: CmdletDefinition = {
  signature: newNetIPAddressSignature,
  run(ctx, params) {
    const typed = String(params.IPAddress);
    if (params.AddressFamily === 'IPv6' || typed.includes(':')) {
      throw new CommandRefusal('This lab models IPv4 addresses only: IPv6 addresses are not simulated.', { parameter: 'IPAddress' });
    }
    const ip = parseIp(typed);
    if (!ip || ip.family !== 4) {
      throw new CommandRefusal(`Cannot process argument: '${typed}' is not a valid IPv4 address.`, {
        parameter: 'IPAddress',
        fix: 'Write it as four numbers 0-255, e.g. 192.168.10.11.',
      });
    }
    const address = formatIp(ip);
    const prefixLength = (params.PrefixLength as number | undefined) ?? 24;
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const all = hostInterfaces(host);
      const iface =
        params.InterfaceIndex !== undefined
          ? all.find((i) => i.index === params.InterfaceIndex)
          : all.find((i) => sameName(i.alias, String(params.InterfaceAlias)));
      if (!iface) {
        const [property, value] =
          params.InterfaceIndex !== undefined ? ['InterfaceIndex', String(params.InterfaceIndex)] : ['InterfaceAlias', String(params.InterfaceAlias)];
        throw new CommandRefusal(
          `No MSFT_NetIPInterface objects found with property '${property}' equal to '${value}'.  Verify the value of the property and retry.`,
          {
            parameter: property,
            code: 'NotFound',
            fix: `Interfaces on ${host.name} that take an address: ${all.map((i) => `${i.alias} (${i.index})`).join(', ')}. A teamed adapter has none of its own (its team has), nor an adapter bound to a virtual switch (its vEthernet has).`,
          },
        );
      }
      if (all.some((i) => i.ip !== undefined && sameIp(i.ip, typed))) {
        throw new CommandRefusal('Instance MSFT_NetIPAddress already exists', {
          parameter: 'IPAddress',
          fix: `Get-NetIPAddress -IPAddress ${typed} -CimSession ${host.name} shows where.`,
        });
      }
      if (iface.ip !== undefined) {
        throw new CommandRefusal(`'${iface.alias}' already has the address ${iface.ip}/${iface.prefixLength}; this lab keeps one IPv4 address per interface.`, {
          parameter: 'IPAddress',
          fix: `Remove-NetIPAddress -IPAddress ${iface.ip} -CimSession ${host.name} first.`,
        });
      }
      const other = ctx.world.hosts.find((h) => h !== host && hostInterfaces(h).some((i) => i.ip !== undefined && sameIp(i.ip, typed)));
      if (other) {
        throw new CommandRefusal(`The address ${typed} is already used by ${other.name}: Windows would detect the duplicate and not use it.`, {
          parameter: 'IPAddress',
          fix: 'Choose an address no other computer of the subnet has (Get-NetIPAddress -CimSession <computer> lists them).',
        });
      }
      return { host, iface };
    });
    const output = plans.flatMap(({ host, iface }) => {
      assign(host, iface, { ipAddress: address, prefixLength });
      ctx.log('Information', 'Microsoft-Windows-TCPIP', `${address}/${prefixLength} added to '${iface.alias}' on '${host.name}'.`);
      ctx.networkChanged(host.name);
      const row = addressRow(host, address, iface.index, iface.alias, 'IPv4', prefixLength, 'Manual');
      return [row, { ...row, ValidLifetime: '', PreferredLifetime: '', PolicyStore: 'PersistentStore' }];
    });
    ctx.worldChanged();
    return { output };
  },
};

export const removeNetIPAddress: CmdletDefinition = {
  signature: removeNetIPAddressSignature,
  run(ctx, params) {
    const ips = stringList(params.IPAddress);
    const aliases = stringList(params.InterfaceAlias);
    const indexes = (params.InterfaceIndex as number[] | undefined) ?? [];
    const prefixes = (params.PrefixLength as number[] | undefined) ?? [];
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const chosen = hostInterfaces(host).filter(
        (i) =>
          i.ip !== undefined &&
          (ips.length === 0 || ips.some((p) => wildcardMatch(p, i.ip!))) &&
          (aliases.length === 0 || aliases.some((p) => wildcardMatch(p, i.alias))) &&
          (indexes.length === 0 || indexes.includes(i.index)) &&
          (prefixes.length === 0 || prefixes.includes(i.prefixLength)),
      );
      if (chosen.length === 0) {
        const [property, value] = ips.length
          ? ['IPAddress', ips[0]!]
          : aliases.length
            ? ['InterfaceAlias', aliases[0]!]
            : indexes.length
              ? ['InterfaceIndex', String(indexes[0])]
              : ['PrefixLength', String(prefixes[0] ?? '')];
        throw new CommandRefusal(
          `No MSFT_NetIPAddress objects found with property '${property}' equal to '${value}'.  Verify the value of the property and retry.`,
          {
            parameter: property,
            code: 'NotFound',
          },
        );
      }
      return { host, chosen };
    });
    const output = plans.flatMap(({ host, chosen }) => {
      const rows = chosen.map((i) => addressRow(host, i.ip!, i.index, i.alias, 'IPv4', i.prefixLength, 'Manual'));
      for (const i of chosen) {
        assign(host, i, undefined);
        ctx.log('Information', 'Microsoft-Windows-TCPIP', `${i.ip}/${i.prefixLength} removed from '${i.alias}' on '${host.name}'.`);
      }
      ctx.networkChanged(host.name);
      return rows;
    });
    ctx.worldChanged();
    return params.PassThru ? { output } : {};
  },
};
