// Add-, Remove- and Get-VMMigrationNetwork: the "Use these IP addresses for live migration" list
// of Hyper-V Settings (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"),
// IPv4 or IPv6 (engine/common/ip-addresses.ts: stored in canonical form, so FD00:0::/64 and
// fd00::/64 are one network). Unconfirmed details: an address without a prefix is taken as /32
// (/128 for IPv6); without -Priority a network goes after the
// existing ones; adding an existing subnet or removing a missing one is refused.
import { CommandRefusal } from '../errors';
import { normalizeSubnet } from '../common/ip-addresses';
import type { Host } from '../model/world';
import type { CmdletDefinition } from './definition';
import { addVmMigrationNetworkSignature, getVmMigrationNetworkSignature, removeVmMigrationNetworkSignature } from './catalog/vm-host';
import { targetHosts } from './targets';
import { hasWildcard, wildcardMatch } from './wildcard';

type MigrationNetwork = Host['migration']['networks'][number];

export { normalizeSubnet };

function networkSummary(host: Host, n: MigrationNetwork) {
  return { Subnet: n.subnet, Priority: n.priority, ComputerName: host.name };
}

export const addVmMigrationNetwork: CmdletDefinition = {
  signature: addVmMigrationNetworkSignature,
  run(ctx, params) {
    const typed = String(params.Subnet);
    const subnet = normalizeSubnet(typed);
    if (!subnet) {
      throw new CommandRefusal(`The subnet '${typed}' is not valid. Specify an IPv4 or IPv6 subnet such as 192.168.10.0/24 or fd00::/64.`, {
        parameter: 'Subnet',
        code: 'InvalidParameter',
      });
    }
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    for (const host of hosts) {
      if (host.migration.networks.some((n) => n.subnet === subnet)) {
        throw new CommandRefusal(`The migration network '${subnet}' already exists on '${host.name}'.`, { parameter: 'Subnet' });
      }
    }
    const warnings: string[] = [];
    const added: [Host, MigrationNetwork][] = [];
    for (const host of hosts) {
      const priority = (params.Priority as number | undefined) ?? Math.max(-1, ...host.migration.networks.map((n) => n.priority)) + 1;
      const network = { subnet, priority };
      // Replaced, not pushed: a defaulted list may be shared between hosts (see smb-bandwidth.ts).
      host.migration.networks = [...host.migration.networks, network].sort((a, b) => a.priority - b.priority);
      added.push([host, network]);
      ctx.log('Information', 'Hyper-V-VMMS', `Live migration network ${subnet} (priority ${priority}) added on '${host.name}'.`);
      if (host.migration.useAnyNetwork) {
        warnings.push(
          `'${host.name}' accepts live migrations on any network; to use only the listed ones: Set-VMHost -ComputerName ${host.name} -UseAnyNetworkForMigration $false`,
        );
      }
    }
    ctx.worldChanged();
    return { warnings, ...(params.Passthru ? { output: added.map(([h, n]) => networkSummary(h, n)) } : {}) };
  },
};

export const removeVmMigrationNetwork: CmdletDefinition = {
  signature: removeVmMigrationNetworkSignature,
  run(ctx, params) {
    const typed = String(params.Subnet);
    const pattern = hasWildcard(typed) ? typed : (normalizeSubnet(typed) ?? typed);
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    const matches = hosts.map((host) => ({ host, gone: host.migration.networks.filter((n) => wildcardMatch(pattern, n.subnet)) }));
    if (!hasWildcard(typed)) {
      const missing = matches.find((m) => m.gone.length === 0);
      if (missing) {
        throw new CommandRefusal(`No migration network matching '${typed}' was found on '${missing.host.name}'.`, {
          parameter: 'Subnet',
          code: 'NotFound',
          fix: 'List them with Get-VMMigrationNetwork.',
        });
      }
    }
    for (const { host, gone } of matches) {
      host.migration.networks = host.migration.networks.filter((n) => !gone.includes(n));
      for (const n of gone) ctx.log('Information', 'Hyper-V-VMMS', `Live migration network ${n.subnet} removed from '${host.name}'.`);
    }
    if (matches.some((m) => m.gone.length)) ctx.worldChanged();
    return params.Passthru ? { output: matches.flatMap(({ host, gone }) => gone.map((n) => networkSummary(host, n))) } : {};
  },
};

export const getVmMigrationNetwork: CmdletDefinition = {
  signature: getVmMigrationNetworkSignature,
  run(ctx, params) {
    const typed = params.Subnet as string | undefined;
    const pattern = typed === undefined ? '*' : hasWildcard(typed) ? typed : (normalizeSubnet(typed) ?? typed);
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    return {
      output: hosts.flatMap((host) =>
        [...host.migration.networks]
          .sort((a, b) => a.priority - b.priority)
          .filter((n) => wildcardMatch(pattern, n.subnet))
          .map((n) => networkSummary(host, n)),
      ),
    };
  },
};
