// Get-, Enable- and Disable-NetAdapterRdma. Only RDMA-capable adapters have RDMA settings (others
// are "not found", as in Windows). The trap the lab makes visible: RDMA can be Enabled on an
// adapter that cannot use it — a team member, an adapter under a Hyper-V virtual switch, a link
// that is down — so Get-NetAdapterRdma also shows whether it is Operational, and why not
// (Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming": "When teamed, the network adapters will not support RDMA").
// `Operational` and `OperationalReason` are the lab's additions to the real output.
import type { Host, Nic } from '../model/world';
import type { CmdletDefinition } from './definition';
import { disableNetAdapterRdmaSignature, enableNetAdapterRdmaSignature, getNetAdapterRdmaSignature } from './catalog/network';
import { adaptersOf, selectAdapters, type AdapterView } from './net-adapters';
import { targetHosts } from './targets';
import { sameName } from './wildcard';

/** Whether SMB Direct can use this NIC's RDMA now, and if not, why. The network layer uses the same rule. */
export function rdmaOperational(host: Host, nic: Nic): { operational: boolean; reason: string } {
  if (nic.rdma.type === 'none') return { operational: false, reason: 'The adapter is not RDMA-capable.' };
  if (!nic.rdma.enabled) return { operational: false, reason: 'RDMA is disabled on the adapter.' };
  const team = host.teams.find((t) => t.members.some((m) => sameName(m, nic.name)));
  if (team) return { operational: false, reason: `Teamed adapters do not support RDMA (member of team '${team.name}').` };
  const vswitch = host.virtualSwitches.find((s) => s.adapter !== undefined && sameName(s.adapter, nic.name));
  if (vswitch)
    return { operational: false, reason: `RDMA is not available through a Hyper-V virtual switch in Windows Server 2012 R2 (bound to '${vswitch.name}').` };
  if (!nic.linkUp) return { operational: false, reason: 'The link is down.' };
  return { operational: true, reason: '' };
}

function rdmaAdapters(host: Host): AdapterView[] {
  return adaptersOf(host).filter((a) => a.nic && a.nic.rdma.type !== 'none');
}

function rdmaSummary(host: Host, a: AdapterView) {
  const nic = a.nic!;
  const state = rdmaOperational(host, nic);
  return {
    Name: a.name,
    InterfaceDescription: a.description,
    Enabled: nic.rdma.enabled,
    RdmaType: nic.rdma.type,
    Operational: state.operational,
    OperationalReason: state.reason,
    PSComputerName: host.name,
  };
}

const CIM_CLASS = 'MSFT_NetAdapterRdmaSettingData';

export const getNetAdapterRdma: CmdletDefinition = {
  signature: getNetAdapterRdmaSignature,
  run(ctx, params) {
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) =>
      selectAdapters(host, params, rdmaAdapters(host), CIM_CLASS).map((a) => rdmaSummary(host, a)),
    );
    return { output };
  },
};

function setRdma(enabled: boolean): CmdletDefinition['run'] {
  return (ctx, params) => {
    const selected = targetHosts(ctx, params, 'CimSession', false).map((host) => ({
      host,
      picked: selectAdapters(host, params, rdmaAdapters(host), CIM_CLASS),
    }));
    let changedAny = false;
    for (const { host, picked } of selected) {
      const changed = picked.filter((a) => a.nic!.rdma.enabled !== enabled);
      for (const a of changed) {
        a.nic!.rdma.enabled = enabled;
        ctx.log('Information', 'Microsoft-Windows-NDIS', `RDMA ${enabled ? 'enabled' : 'disabled'} on network adapter '${a.name}' of '${host.name}'.`);
      }
      if (changed.length) {
        changedAny = true;
        ctx.networkChanged(host.name);
      }
    }
    if (changedAny) ctx.worldChanged();
    return params.PassThru ? { output: selected.flatMap(({ host, picked }) => picked.map((a) => rdmaSummary(host, a))) } : {};
  };
}

export const enableNetAdapterRdma: CmdletDefinition = { signature: enableNetAdapterRdmaSignature, run: setRdma(true) };
export const disableNetAdapterRdma: CmdletDefinition = { signature: disableNetAdapterRdmaSignature, run: setRdma(false) };
