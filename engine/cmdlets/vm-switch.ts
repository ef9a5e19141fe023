// Get-, New-, Set-, Rename- and Remove-VMSwitch: Hyper-V virtual switches (Microsoft Learn,
// "Hyper-V Virtual Switch Overview", "New-VMSwitch", "Set-VMSwitch"). An External switch is bound
// to an adapter or a NIC team interface; shared with the management OS, the uplink's IP address
// belongs to the host vNIC "vEthernet (<switch>)" (engine/net/interfaces.ts builds it), which in
// 2012 R2 is never RDMA-capable — the trap the lab teaches (engine/common/virtual-switch.ts has the
// sources and the warning both the cmdlets and the Virtual Switch Manager give).
// Every host and switch is checked before anything changes; a change tells the network layer
// (ctx.networkChanged), so a running SMB Direct transfer re-plans over what is left.
// Refusal texts are plausible, *unconfirmed* except where noted.
import { CommandRefusal } from '../errors';
import type { Host, VirtualSwitch } from '../model/world';
import { rdmaUnderSwitchWarning, vEthernetName } from '../common/virtual-switch';
import type { CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { getVmSwitchSignature, newVmSwitchSignature, removeVmSwitchSignature, renameVmSwitchSignature, setVmSwitchSignature } from './catalog/vm-switch';
import { adaptersOf, cimNotFound } from './net-adapters';
import { stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

type SwitchType = VirtualSwitch['type'];

/** What Get-VMSwitch writes: the properties of Microsoft.HyperV.PowerShell.VMSwitch the lab models. */
export function switchSummary(host: Host, s: VirtualSwitch) {
  const uplink = s.type === 'External' && s.adapter ? adaptersOf(host).find((a) => sameName(a.name, s.adapter!)) : undefined;
  return {
    Name: s.name,
    SwitchType: s.type,
    NetAdapterInterfaceDescription: uplink?.description ?? '',
    /** The lab's addition: the adapter or team the switch is bound to, by name. */
    NetAdapterName: s.type === 'External' ? (s.adapter ?? '') : '',
    AllowManagementOS: s.type === 'Internal' || (s.type === 'External' && s.allowManagementOS),
    ManagementOSVlanId: s.managementVlanId ?? 0,
    Notes: s.notes ?? '',
    ComputerName: host.name,
  };
}

export function switchNotFound(host: Host, name: string, parameter: string): CommandRefusal {
  const have = host.virtualSwitches.map((s) => s.name);
  return new CommandRefusal(`Hyper-V was unable to find a virtual switch with name "${name}".`, {
    parameter,
    code: 'NotFound',
    fix: have.length
      ? `Virtual switches on ${host.name}: ${have.join(', ')}.`
      : `${host.name} has no virtual switch yet: create one with New-VMSwitch (Virtual Switch Manager).`,
  });
}

/** The switches named by `parameter` (wildcards allowed) on one host; a plain name that matches nothing is refused. */
export function selectSwitches(host: Host, names: string[], parameter: string): VirtualSwitch[] {
  const out: VirtualSwitch[] = [];
  for (const n of names) {
    const matches = host.virtualSwitches.filter((s) => wildcardMatch(n, s.name));
    if (matches.length === 0 && !hasWildcard(n)) throw switchNotFound(host, n, parameter);
    for (const s of matches) if (!out.includes(s)) out.push(s);
  }
  return out;
}

interface Uplink {
  /** The adapter's or team's name as the world spells it. */
  name: string;
  warning?: string;
}

/** The adapter or team an External switch would be bound to, or Hyper-V's refusal. */
function resolveUplink(host: Host, params: BoundParams, switchName: string, managementOS: boolean, self?: VirtualSwitch): Uplink {
  const byDescription = params.NetAdapterInterfaceDescription !== undefined;
  const typed = String(byDescription ? params.NetAdapterInterfaceDescription : params.NetAdapterName);
  const parameter = byDescription ? 'NetAdapterInterfaceDescription' : 'NetAdapterName';
  const views = adaptersOf(host);
  const view = views.find((a) => sameName(byDescription ? a.description : a.name, typed));
  if (!view) {
    const choices = views.filter((a) => a.kind !== 'vnic' && !a.team).map((a) => (byDescription ? a.description : a.name));
    throw new CommandRefusal(cimNotFound('MSFT_NetAdapter', byDescription ? 'InterfaceDescription' : 'Name', typed), {
      parameter,
      code: 'NotFound',
      fix: `Adapters and team interfaces on ${host.name} a switch can be bound to: ${choices.join(', ')}.`,
    });
  }
  const failed = `Failed while adding virtual Ethernet switch connections.`;
  if (view.kind === 'vnic') {
    throw new CommandRefusal(
      `${failed} '${view.name}' is a Hyper-V virtual network adapter; an External switch is bound to a physical adapter or a NIC team interface.`,
      { parameter },
    );
  }
  if (view.team) {
    throw new CommandRefusal(
      `${failed} Network adapter '${view.name}' is a member of team '${view.team}'; bind the switch to the team interface '${view.team}' instead.`,
      {
        parameter,
        fix: `New-VMSwitch -Name '${switchName}' -NetAdapterName '${view.team}'`,
      },
    );
  }
  if (view.nic && (view.nic.medium === 'InfiniBand' || view.nic.rdma.type === 'InfiniBand')) {
    throw new CommandRefusal(`${failed} '${view.name}' is an InfiniBand adapter; a Hyper-V virtual switch binds only to Ethernet adapters.`, { parameter });
  }
  const other = host.virtualSwitches.find((s) => s !== self && s.type === 'External' && s.adapter !== undefined && sameName(s.adapter, view.name));
  if (other) {
    // The product's wording for an adapter already under a switch.
    throw new CommandRefusal(`${failed} External Ethernet adapter '${view.description}' is already bound to the Microsoft Virtual Switch protocol.`, {
      parameter,
      fix: `'${view.name}' is bound to the virtual switch '${other.name}'. Bind that switch elsewhere or remove it first (Remove-VMSwitch '${other.name}').`,
    });
  }
  const warning = uplinkWarning(host, switchName, view.name, managementOS);
  return { name: view.name, ...(warning ? { warning } : {}) };
}

/** The RDMA warning for a switch bound to this adapter or team (engine/common/virtual-switch.ts). */
function uplinkWarning(host: Host, switchName: string, adapter: string, managementOS: boolean): string | undefined {
  const team = host.teams.find((t) => sameName(t.name, adapter));
  const nic = team ? undefined : host.nics.find((n) => sameName(n.name, adapter));
  const rdmaMembers = team
    ? host.nics.filter((n) => team.members.some((m) => sameName(m, n.name)) && n.rdma.type !== 'none' && n.rdma.enabled).map((n) => n.name)
    : undefined;
  return rdmaUnderSwitchWarning(
    switchName,
    {
      adapter: team?.name ?? nic?.name ?? adapter,
      ...(rdmaMembers ? { rdmaMembers } : {}),
      ...(nic && nic.rdma.type !== 'none' && nic.rdma.enabled ? { rdmaType: nic.rdma.type } : {}),
    },
    managementOS,
  );
}

/** The NIC or team an External switch is bound to (for its IP settings). */
function holderOf(host: Host, s: VirtualSwitch): { ipAddress?: string | undefined; prefixLength: number } | undefined {
  if (s.type !== 'External' || !s.adapter) return undefined;
  return host.teams.find((t) => sameName(t.name, s.adapter!)) ?? host.nics.find((n) => sameName(n.name, s.adapter!));
}

/** Gives a switch's kept IP settings back to its uplink (the switch leaves it, or shares it again). */
function giveAddressBack(host: Host, s: VirtualSwitch): void {
  const holder = holderOf(host, s);
  if (holder && s.keptAddress && !holder.ipAddress) {
    holder.ipAddress = s.keptAddress.ipAddress;
    holder.prefixLength = s.keptAddress.prefixLength;
  }
  delete s.keptAddress;
}

/** The uplink's IP settings go with the switch while the management OS does not share it. */
function takeAddress(host: Host, s: VirtualSwitch, warnings: string[]): void {
  const holder = holderOf(host, s);
  if (!holder?.ipAddress) return;
  s.keptAddress = { ipAddress: holder.ipAddress, prefixLength: holder.prefixLength };
  warnings.push(
    `'${s.adapter}' on '${host.name}' is no longer shared with the management operating system: the host loses its address ${holder.ipAddress} there until the switch shares it again or is removed.`,
  );
  delete holder.ipAddress;
}

function refuseDuplicate(host: Host, name: string, parameter: string, self?: VirtualSwitch): void {
  // Hyper-V itself tells switches apart by id; the lab names them uniquely per host, because live
  // migration and Connect-VMNetworkAdapter find a switch by name (*unconfirmed* refusal).
  const clash = host.virtualSwitches.find((s) => s !== self && sameName(s.name, name));
  if (clash) throw new CommandRefusal(`A virtual switch named '${clash.name}' already exists on '${host.name}'.`, { parameter, fix: 'Choose another name.' });
}

function describe(s: VirtualSwitch): string {
  if (s.type !== 'External') return `${s.type}`;
  return `External on '${s.adapter}'${s.allowManagementOS ? `, shared with the management operating system as '${vEthernetName(s.name)}'` : ', not shared with the management operating system'}`;
}

export const getVmSwitch: CmdletDefinition = {
  signature: getVmSwitchSignature,
  run(ctx, params) {
    const names = stringList(params.Name);
    const types = stringList(params.SwitchType);
    const output = targetHosts(ctx, params, 'ComputerName', true).flatMap((host) => {
      const chosen = names.length ? selectSwitches(host, names, 'Name') : host.virtualSwitches;
      return chosen.filter((s) => types.length === 0 || types.some((t) => sameName(t, s.type))).map((s) => switchSummary(host, s));
    });
    return { output };
  },
};

export const newVmSwitch: CmdletDefinition = {
  signature: newVmSwitchSignature,
  run(ctx, params) {
    const name = String(params.Name);
    const type: SwitchType = (params.SwitchType as SwitchType | undefined) ?? 'External';
    const managementOS = type === 'External' ? params.AllowManagementOS !== false : type === 'Internal';
    const plans = targetHosts(ctx, params, 'ComputerName', true).map((host) => {
      refuseDuplicate(host, name, 'Name');
      const uplink = type === 'External' ? resolveUplink(host, params, name, managementOS) : undefined;
      return { host, uplink };
    });
    const warnings: string[] = [];
    const output = plans.map(({ host, uplink }) => {
      const s: VirtualSwitch = {
        name,
        type,
        allowManagementOS: managementOS,
        ...(params.Notes ? { notes: String(params.Notes) } : {}),
        ...(uplink ? { adapter: uplink.name } : {}),
      };
      host.virtualSwitches = [...host.virtualSwitches, s]; // replaced, not pushed: a defaulted list may be shared
      if (uplink?.warning) warnings.push(uplink.warning);
      if (uplink && !managementOS) takeAddress(host, s, warnings);
      ctx.log('Information', 'Hyper-V-VmSwitch', `Virtual switch '${name}' created on '${host.name}' (${describe(s)}).`);
      ctx.networkChanged(host.name);
      return switchSummary(host, s);
    });
    ctx.worldChanged();
    return { output, warnings };
  },
};

export const setVmSwitch: CmdletDefinition = {
  signature: setVmSwitchSignature,
  run(ctx, params) {
    const rebind = params.NetAdapterName !== undefined || params.NetAdapterInterfaceDescription !== undefined;
    const toType = params.SwitchType as 'Internal' | 'Private' | undefined;
    const share = params.AllowManagementOS as boolean | undefined;
    const notes = params.Notes as string | undefined;
    const plans = targetHosts(ctx, params, 'ComputerName', true).flatMap((host) =>
      selectSwitches(host, stringList(params.Name), 'Name').map((s) => {
        const type: SwitchType = rebind ? 'External' : (toType ?? s.type);
        if (share === false && type === 'Internal') {
          throw new CommandRefusal(`An Internal virtual switch is always shared with the management operating system ('${s.name}').`, {
            parameter: 'AllowManagementOS',
            fix: 'Make it a Private switch instead: Set-VMSwitch -SwitchType Private.',
          });
        }
        const managementOS = type === 'External' ? (share ?? (s.type === 'External' ? s.allowManagementOS : true)) : type === 'Internal';
        const uplink = rebind ? resolveUplink(host, params, s.name, managementOS, s) : undefined;
        return { host, s, type, managementOS, uplink };
      }),
    );
    const warnings: string[] = [];
    let changed = false;
    for (const { host, s, type, managementOS, uplink } of plans) {
      const before = describe(s);
      const sharedAgain = s.type === 'External' && type === 'External' && managementOS && !s.allowManagementOS;
      const newAdapter = uplink?.name ?? (type === 'External' ? s.adapter : undefined);
      const leaving = s.type === 'External' && (type !== 'External' || (newAdapter !== undefined && !sameName(newAdapter, s.adapter ?? '')));
      if (leaving || (managementOS && !s.allowManagementOS)) giveAddressBack(host, s);
      s.type = type;
      if (newAdapter !== undefined && type === 'External') s.adapter = newAdapter;
      else delete s.adapter;
      s.allowManagementOS = managementOS;
      if (type === 'External' && !managementOS && !s.keptAddress) takeAddress(host, s, warnings);
      if (type !== 'External' || !managementOS) delete s.managementVlanId;
      if (uplink?.warning) warnings.push(uplink.warning);
      else if (sharedAgain && s.adapter) {
        const again = uplinkWarning(host, s.name, s.adapter, true);
        if (again) warnings.push(again);
      }
      const after = describe(s);
      const what: string[] = before !== after ? [after] : [];
      if (notes !== undefined && notes !== (s.notes ?? '')) {
        s.notes = notes;
        what.push('notes changed');
      }
      if (what.length) {
        changed = true;
        ctx.log('Information', 'Hyper-V-VmSwitch', `Virtual switch '${s.name}' on '${host.name}' changed: ${what.join('; ')}.`);
        ctx.networkChanged(host.name);
      }
    }
    if (changed) ctx.worldChanged();
    return { warnings, ...(params.Passthru ? { output: plans.map(({ host, s }) => switchSummary(host, s)) } : {}) };
  },
};

export const renameVmSwitch: CmdletDefinition = {
  signature: renameVmSwitchSignature,
  run(ctx, params) {
    const newName = String(params.NewName);
    const plans = targetHosts(ctx, params, 'ComputerName', true).map((host) => {
      const [s] = selectSwitches(host, [String(params.Name)], 'Name');
      if (!s) throw switchNotFound(host, String(params.Name), 'Name');
      refuseDuplicate(host, newName, 'NewName', s);
      return { host, s };
    });
    for (const { host, s } of plans) {
      const old = s.name;
      if (old === newName) continue;
      s.name = newName;
      // The adapters stay connected: Hyper-V connects them by the switch's id, the lab by its name.
      for (const vm of ctx.world.vms) {
        if (!sameName(vm.host, host.name)) continue;
        for (const a of vm.networkAdapters) if (a.switchName !== undefined && sameName(a.switchName, old)) a.switchName = newName;
      }
      ctx.log('Information', 'Hyper-V-VmSwitch', `Virtual switch '${old}' on '${host.name}' renamed to '${newName}'.`);
      ctx.networkChanged(host.name);
    }
    ctx.worldChanged();
    return params.Passthru ? { output: plans.map(({ host, s }) => switchSummary(host, s)) } : {};
  },
};

export const removeVmSwitch: CmdletDefinition = {
  signature: removeVmSwitchSignature,
  run(ctx, params) {
    const plans = targetHosts(ctx, params, 'ComputerName', true).map((host) => ({ host, switches: selectSwitches(host, stringList(params.Name), 'Name') }));
    const warnings: string[] = [];
    for (const { host, switches } of plans) {
      for (const s of switches) {
        giveAddressBack(host, s);
        host.virtualSwitches = host.virtualSwitches.filter((x) => x !== s);
        const disconnected: string[] = [];
        for (const vm of ctx.world.vms) {
          if (!sameName(vm.host, host.name)) continue;
          for (const a of vm.networkAdapters) {
            if (a.switchName !== undefined && sameName(a.switchName, s.name)) {
              delete a.switchName;
              disconnected.push(`${vm.name}/${a.name}`);
            }
          }
        }
        if (disconnected.length)
          warnings.push(`These virtual network adapters were connected to '${s.name}' and are now not connected: ${disconnected.join(', ')}.`);
        ctx.log(
          'Information',
          'Hyper-V-VmSwitch',
          `Virtual switch '${s.name}' removed from '${host.name}'${disconnected.length ? `; disconnected ${disconnected.join(', ')}` : ''}.`,
        );
      }
      if (switches.length) ctx.networkChanged(host.name);
    }
    if (plans.some((p) => p.switches.length)) ctx.worldChanged();
    return { warnings };
  },
};
