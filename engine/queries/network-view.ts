// One computer's network as Server Manager and PowerShell would show it, plus what the flow
// network is pushing through each adapter right now — so a learner can see SMB Direct fill two
// RDMA NICs with no CPU while Compression burns it (issue: Networking view).
import type { AdapterView as AdapterRow, NetworkView, Result } from '../contract';
import type { Host, World } from '../model/world';
import type { FlowNetwork } from '../sim/flow-network';
import type { NetworkFabric } from '../net/fabric';
import { Resources, SMB_CATEGORIES } from '../net/resources';
import { multichannelConnectionRows } from '../net/multichannel-planner';
import { findHost } from '../model/paths';
import { adaptersOf } from '../cmdlets/net-adapters';
import { rdmaOperational } from '../cmdlets/net-adapter-rdma';
import { vEthernetName } from '../common/virtual-switch';
import { dcbView } from './dcb-view';

export interface NetworkSource {
  world: World;
  flow: FlowNetwork;
  fabric: NetworkFabric;
}

function usage(flow: FlowNetwork, id: string): number {
  return flow.hasResource(id) ? flow.usage(id) : 0;
}

/** The External virtual switch bound to an adapter or team interface. */
function switchOn(host: Host, adapter: string): Host['virtualSwitches'][number] | undefined {
  const key = adapter.toLowerCase();
  return host.virtualSwitches.find((s) => s.type === 'External' && s.adapter?.toLowerCase() === key);
}

export function totalCycles(host: Host): number {
  return host.cpu.cores * host.cpu.ghz * 1e9;
}

export function networkView(src: NetworkSource, hostName: string): Result<NetworkView> {
  const host = findHost(src.world, hostName);
  if (!host) return { ok: false, error: { code: 'NotFound', message: `The computer '${hostName}' could not be found.`, parameter: 'host' } };
  const views = adaptersOf(host);
  const adapters: AdapterRow[] = views.flatMap((a) => {
    if (a.kind !== 'nic' || !a.nic) return [];
    const nic = a.nic;
    const vswitch = switchOn(host, nic.name) ?? (a.team ? switchOn(host, a.team) : undefined);
    return [
      {
        name: nic.name,
        description: a.description,
        speedGbps: nic.speedGbps,
        medium: nic.medium,
        rdmaType: nic.rdma.type,
        rdmaEnabled: nic.rdma.enabled,
        // Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming" — "When teamed, the network adapters will not support RDMA",
        // nor through a Hyper-V virtual switch in 2012 R2: the same rule as Get-NetAdapterRdma's Operational.
        rdmaOperational: rdmaOperational(host, nic).operational,
        ...(vswitch ? { virtualSwitch: vswitch.name, ...(vswitch.allowManagementOS ? { hostAdapter: vEthernetName(vswitch.name) } : {}) } : {}),
        rssCapable: nic.rssQueues > 1,
        ...(a.team ? { team: a.team } : {}),
        linkUp: nic.linkUp,
        ...(nic.ipAddress ? { ipAddress: nic.ipAddress } : {}),
        txBytesPerSec: usage(src.flow, Resources.nicTx(host.name, nic.name)),
        rxBytesPerSec: usage(src.flow, Resources.nicRx(host.name, nic.name)),
      },
    ];
  });
  const teams = host.teams.map((t) => {
    const members = host.nics.filter((n) => t.members.some((m) => m.toLowerCase() === n.name.toLowerCase()));
    const up = members.filter((n) => n.linkUp);
    const status: 'Up' | 'Degraded' | 'Down' = up.length === 0 ? 'Down' : up.length < members.length ? 'Degraded' : 'Up';
    const vswitch = switchOn(host, t.name);
    return {
      name: t.name,
      members: [...t.members],
      mode: t.mode,
      loadBalancing: t.loadBalancing,
      speedGbps: up.reduce((s, n) => s + n.speedGbps, 0),
      status,
      ...(vswitch ? { virtualSwitch: vswitch.name } : {}),
    };
  });

  const key = host.name.toLowerCase();
  const multichannel: NetworkView['multichannel'] = [];
  for (const id of src.fabric.liveTransfers()) {
    const plan = src.fabric.planOf(id);
    if (!plan?.multichannel || plan.client?.toLowerCase() !== key) continue;
    for (const row of multichannelConnectionRows(plan.multichannel)) multichannel.push({ ...row });
  }

  const total = totalCycles(host);
  const idle = src.fabric.idleCpu(host);
  const dcb = dcbView(host, src.fabric);
  return {
    ok: true,
    value: {
      host: host.name,
      adapters,
      teams,
      multichannel,
      bandwidthLimits: SMB_CATEGORIES.flatMap((category) => {
        const limit = host.smb.bandwidthLimits[category];
        return limit === undefined ? [] : [{ category, bytesPerSecond: limit }];
      }),
      cpu: {
        cores: host.cpu.cores,
        ghz: host.cpu.ghz,
        vmDemandPercent: (100 * (total - idle)) / total,
        transferPercent: (100 * usage(src.flow, Resources.cpu(host.name))) / total,
      },
      ...(dcb ? { dcb } : {}),
    },
  };
}
