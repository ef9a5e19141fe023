// Live-migration prerequisites of the two hosts (Microsoft Learn, "Set up hosts for live migration without Failover Clustering" and Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499): migration
// enabled on both, a destination that is not down-level, same domain, and a network the
// destination accepts live migrations on. Storage moves need none of these.
import { inSubnet } from '../../common/ip-addresses';
import type { Host } from '../../model/world';
import type { Precheck } from './context';
import { error, type Incompatibility } from './incompatibility';
import { WizardPage } from './wizard-pages';

/**
 * "Enable incoming and outgoing live migrations" is off by default (Microsoft Learn, "Set up hosts for live migration without Failover Clustering") and needed on both hosts
 * (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). Texts unconfirmed; the stage wording follows the CredSSP text of the Hyper-V module's cmdlet help for Windows Server 2012 R2.
 */
export const migrationEnabled: Precheck = ({ source, destination, live }) => {
  if (!live) return [];
  const out: Incompatibility[] = [];
  const fix = (h: Host): string =>
    `Enable-VMMigration -ComputerName ${h.name} (Hyper-V Settings on ${h.name} → Live Migrations → "Enable incoming and outgoing live migrations").`;
  const guiFix = (h: Host): string =>
    `Cancel the wizard, open Hyper-V Settings on ${h.name} → Live Migrations and tick "Enable incoming and outgoing live migrations", then move again.`;
  if (!source.migration.enabled) {
    out.push(
      error('migration-disabled', {
        message: `Virtual machine migration operation failed at migration Source. Live migrations are not enabled on host '${source.name}'.`,
        source: source.name,
        fix: fix(source),
        guiFix: guiFix(source),
      }),
    );
  }
  if (!destination.migration.enabled) {
    out.push(
      error('migration-disabled', {
        message: `Virtual machine migration operation failed at migration Destination. The host '${destination.name}' is not configured to accept incoming live migrations.`,
        source: destination.name,
        fix: fix(destination),
        guiFix: guiFix(destination),
        parameter: 'DestinationHost',
      }),
    );
  }
  return out;
};

const OS_NAME: Record<Host['os'], string> = { '2012': 'Windows Server 2012', '2012R2': 'Windows Server 2012 R2' };

/**
 * "A move to a down-level host (2012 R2 → 2012) is not supported; 2012 → 2012 R2 is" (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). A 2012 R2
 * VM has configuration version 5.0, which 2012 cannot run. Text unconfirmed.
 */
export const downLevel: Precheck = ({ vm, source, destination, live }) => {
  if (!live || !(source.os === '2012R2' && destination.os === '2012')) return [];
  return [
    error('down-level-destination', {
      message: `The virtual machine '${vm.name}' cannot be moved to '${destination.name}': its configuration version ${vm.configurationVersion} is not supported by ${OS_NAME[destination.os]}. Moving a virtual machine to an earlier version of Hyper-V is not supported.`,
      source: destination.name,
      fix: `Choose a destination running ${OS_NAME['2012R2']}, or upgrade ${destination.name}. Moves from ${OS_NAME['2012']} to ${OS_NAME['2012R2']} work; the reverse does not.`,
      guiFix: `Go back to "${WizardPage.destination}" and name a computer running ${OS_NAME['2012R2']}. Moves from ${OS_NAME['2012']} to ${OS_NAME['2012R2']} work; the reverse does not.`,
      parameter: 'DestinationHost',
    }),
  ];
};

/**
 * "Same or trusted domains" (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499). The world has no trusts, so two different domains are untrusted.
 * Text unconfirmed.
 */
export const sameDomain: Precheck = ({ source, destination, live }) => {
  if (!live || source.domain.toLowerCase() === destination.domain.toLowerCase()) return [];
  return [
    error('different-domain', {
      message: `Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '${destination.name}': ${source.name} (domain ${source.domain}) and ${destination.name} (domain ${destination.domain}) are not in the same or trusted domains.`,
      source: destination.name,
      fix: `Live migration needs both hosts in one domain or in trusted domains. Choose a destination in ${source.domain}.`,
      guiFix: `Live migration needs both hosts in one domain or in trusted domains. Go back to "${WizardPage.destination}" and name a computer in ${source.domain}.`,
      parameter: 'DestinationHost',
    }),
  ];
};

/**
 * "Incoming live migrations: Use these IP addresses" (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"): with that choice the destination only
 * listens on its own addresses inside the listed subnets. None → the source's connection is
 * refused. Which interfaces then carry the traffic is the network planner's business, not this
 * check's. The Winsock text is Windows' own; the wrapper is unconfirmed.
 */
export const migrationNetwork: Precheck = ({ destination, live }) => {
  if (!live || destination.migration.useAnyNetwork) return [];
  if (incomingAddresses(destination).length > 0) return [];
  const nets = destination.migration.networks.map((n) => n.subnet);
  const own = interfaceAddresses(destination).map((a) => `${a.ip}/${a.prefixLength}`);
  return [
    error('no-migration-network', {
      message: `Virtual machine migration operation failed at migration Source. Failed to establish a connection with host '${destination.name}': No connection could be made because the target machine actively refused it. (0x8007274D)`,
      source: destination.name,
      fix:
        nets.length === 0
          ? `${destination.name} accepts live migrations only on listed networks, and lists none. Add one that holds one of its addresses (${own.join(', ') || 'none'}): Add-VMMigrationNetwork <subnet> -ComputerName ${destination.name}, or Set-VMHost -ComputerName ${destination.name} -UseAnyNetworkForMigration $true.`
          : `None of ${destination.name}'s addresses (${own.join(', ') || 'none'}) is in its migration networks (${nets.join(', ')}). Add a matching network with Add-VMMigrationNetwork -ComputerName ${destination.name}, or Set-VMHost -ComputerName ${destination.name} -UseAnyNetworkForMigration $true.`,
      guiFix: `Cancel the wizard, open Hyper-V Settings on ${destination.name} → Live Migrations and add a network that holds one of its addresses (${own.join(', ') || 'none'}) under "Use these IP addresses for live migration", or choose "Use any available network for live migration".`,
      parameter: 'DestinationHost',
    }),
  ];
};

interface Address {
  ip: string;
  prefixLength: number;
}

function interfaceAddresses(h: Host): Address[] {
  const out: Address[] = [];
  for (const n of h.nics) if (n.ipAddress) out.push({ ip: n.ipAddress, prefixLength: n.prefixLength });
  for (const t of h.teams) if (t.ipAddress) out.push({ ip: t.ipAddress, prefixLength: t.prefixLength });
  return out;
}

/** The host's addresses that lie in one of its migration networks. */
export function incomingAddresses(h: Host): Address[] {
  return interfaceAddresses(h).filter((a) => h.migration.networks.some((n) => inSubnet(a.ip, n.subnet)));
}
