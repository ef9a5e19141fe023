// Get-NetAdapter, Enable-NetAdapter and Disable-NetAdapter over the world's NICs and NIC teams.
// A team shows as one more adapter (its team interface), and a virtual switch shared with the
// management OS as its host vNIC "vEthernet (<switch>)", as in Windows. The lab keeps one link
// flag per NIC, so a disabled adapter reads "Disconnected" (Windows would say "Disabled").
// Interface descriptions are plausible hardware names derived from the NIC's kind (invented).
import { CommandRefusal } from '../errors';
import type { Host, Nic } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { disableNetAdapterSignature, enableNetAdapterSignature, getNetAdapterSignature } from './catalog/network';
import { stringList, targetHosts } from './targets';
import { givesHostVnic, interfaceIndexOf } from '../net/interfaces';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

export interface AdapterView {
  name: string;
  description: string;
  ifIndex: number;
  up: boolean;
  /** Link speed in Gb/s (a team: the sum of its members whose link is up). */
  speedGbps: number;
  /** The team this NIC is a member of. */
  team?: string;
  /** The NIC behind the view; absent for a team interface or a host vNIC. */
  nic?: Nic;
  kind: 'nic' | 'team' | 'vnic';
}

const TEAM_DESCRIPTION = 'Microsoft Network Adapter Multiplexor Driver';
const VNIC_DESCRIPTION = 'Hyper-V Virtual Ethernet Adapter';

function baseDescription(nic: Nic): string {
  if (nic.medium === 'InfiniBand' || nic.rdma.type === 'InfiniBand') return 'Mellanox ConnectX-3 IPoIB Adapter';
  if (nic.rdma.type === 'RoCE') return 'Mellanox ConnectX-3 Ethernet Adapter';
  if (nic.rdma.type === 'iWARP') return 'Chelsio Network Adapter';
  if (nic.speedGbps === 1) return 'Intel(R) I350 Gigabit Network Connection';
  if (nic.speedGbps === 10) return 'Intel(R) Ethernet 10G 2P X520 Adapter';
  return `Intel(R) Ethernet Converged Network Adapter (${nic.speedGbps} GbE)`;
}

/** Every adapter of a host as Get-NetAdapter lists it: the NICs, the team interfaces, the host vNICs. */
export function adaptersOf(host: Host): AdapterView[] {
  const seen = new Map<string, number>();
  const numbered = (base: string) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  };
  const nics = host.nics.map((nic, i): AdapterView => {
    const team = host.teams.find((t) => t.members.some((m) => sameName(m, nic.name)))?.name;
    return {
      kind: 'nic',
      name: nic.name,
      description: numbered(baseDescription(nic)),
      ifIndex: interfaceIndexOf('nic', i),
      up: nic.linkUp,
      speedGbps: nic.speedGbps,
      nic,
      ...(team ? { team } : {}),
    };
  });
  const teams = host.teams.map((t, j): AdapterView => {
    const members = host.nics.filter((n) => t.members.some((m) => sameName(m, n.name)));
    const up = members.filter((n) => n.linkUp);
    return {
      kind: 'team',
      name: t.name,
      description: numbered(TEAM_DESCRIPTION),
      ifIndex: interfaceIndexOf('team', j),
      up: up.length > 0,
      speedGbps: up.reduce((s, n) => s + n.speedGbps, 0),
    };
  });
  const bound = [...nics, ...teams];
  const vnics = host.virtualSwitches.filter(givesHostVnic).map((s, k): AdapterView => {
    const under = s.type === 'External' ? bound.find((a) => sameName(a.name, s.adapter!)) : undefined;
    const up = s.type === 'Internal' || (under?.up ?? false);
    return {
      kind: 'vnic',
      name: `vEthernet (${s.name})`,
      description: numbered(VNIC_DESCRIPTION),
      ifIndex: interfaceIndexOf('vnic', k),
      up,
      speedGbps: under?.speedGbps ?? 10,
    };
  });
  return [...bound, ...vnics];
}

/** The interface index Windows would show for an adapter or team interface (stable per world). */
export function interfaceIndex(host: Host, adapterName: string): number | undefined {
  return adaptersOf(host).find((a) => sameName(a.name, adapterName))?.ifIndex;
}

export function linkSpeedText(a: AdapterView): string {
  return a.up ? `${a.speedGbps} Gbps` : '0 bps';
}

export function adapterSummary(host: Host, a: AdapterView) {
  return {
    Name: a.name,
    InterfaceDescription: a.description,
    ifIndex: a.ifIndex,
    Status: a.up ? 'Up' : 'Disconnected',
    LinkSpeed: linkSpeedText(a),
    TeamName: a.team ?? '',
    PSComputerName: host.name,
  };
}

export const cimNotFound = (cimClass: string, property: string, value: string) =>
  `No ${cimClass} objects found with property '${property}' equal to '${value}'.  Verify the value of the property and retry.`;

/**
 * The adapters a command selects on one host by -Name or -InterfaceDescription (wildcards allowed);
 * a name without wildcards that matches nothing is refused the way the CIM cmdlets refuse it.
 */
export function selectAdapters(host: Host, params: BoundParams, all: AdapterView[], cimClass = 'MSFT_NetAdapter'): AdapterView[] {
  const byName = stringList(params.Name);
  const byDescription = stringList(params.InterfaceDescription);
  const [patterns, property, key] = byDescription.length
    ? [byDescription, 'InterfaceDescription', (a: AdapterView) => a.description]
    : [byName, 'Name', (a: AdapterView) => a.name];
  if (patterns.length === 0) return all;
  const out: AdapterView[] = [];
  for (const pattern of patterns) {
    const matches = all.filter((a) => wildcardMatch(pattern, key(a)));
    if (matches.length === 0 && !hasWildcard(pattern)) {
      throw new CommandRefusal(cimNotFound(cimClass, property, pattern), {
        parameter: property,
        code: 'NotFound',
        fix: `Adapters on ${host.name}: ${all.map((a) => a.name).join(', ') || 'none'}.`,
      });
    }
    for (const a of matches) if (!out.includes(a)) out.push(a);
  }
  return out;
}

export const getNetAdapter: CmdletDefinition = {
  signature: getNetAdapterSignature,
  run(ctx, params) {
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) => {
      const all = adaptersOf(host).filter((a) => !params.Physical || a.nic);
      return selectAdapters(host, params, all).map((a) => adapterSummary(host, a));
    });
    return { output };
  },
};

function setLink(up: boolean): CmdletDefinition['run'] {
  return (ctx: CmdletContext, params) => {
    const selected = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const picked = selectAdapters(host, params, adaptersOf(host));
      const virtual = picked.find((a) => !a.nic);
      if (virtual) {
        const what = virtual.kind === 'team' ? 'a team interface' : 'a host virtual network adapter';
        throw new CommandRefusal(`'${virtual.name}' is ${what}; ${up ? 'enabling' : 'disabling'} it is not modelled in this lab.`, {
          parameter: 'Name',
          fix:
            virtual.kind === 'team'
              ? `${up ? 'Enable' : 'Disable'} its member adapters, or remove the team with Remove-NetLbfoTeam.`
              : `${up ? 'Enable' : 'Disable'} the physical adapter or team under the virtual switch.`,
        });
      }
      return { host, picked };
    });
    let changedAny = false;
    for (const { host, picked } of selected) {
      const changed = picked.filter((a) => a.nic && a.nic.linkUp !== up);
      for (const a of changed) {
        a.nic!.linkUp = up;
        ctx.log(
          up ? 'Information' : 'Warning',
          'Microsoft-Windows-NDIS',
          `Network adapter '${a.name}' on '${host.name}' was ${up ? 'enabled; link is up' : 'disabled; link is down'}.`,
        );
      }
      if (changed.length) {
        changedAny = true;
        ctx.networkChanged(host.name);
      }
    }
    if (changedAny) ctx.worldChanged();
    if (!params.PassThru) return {};
    return {
      output: selected.flatMap(({ host, picked }) =>
        adaptersOf(host)
          .filter((a) => picked.some((p) => p.name === a.name))
          .map((a) => adapterSummary(host, a)),
      ),
    };
  };
}

export const enableNetAdapter: CmdletDefinition = { signature: enableNetAdapterSignature, run: setLink(true) };
export const disableNetAdapter: CmdletDefinition = { signature: disableNetAdapterSignature, run: setLink(false) };
