// Get-VMNetworkAdapter, Connect- and Disconnect-VMNetworkAdapter, Get- and Set-VMNetworkAdapterVlan
// (Microsoft Learn, "Get-VMNetworkAdapter", "Connect-VMNetworkAdapter", "Set-VMNetworkAdapterVlan").
// A VM's adapter connects to a switch of its own host by name; live migration then needs a switch
// of that name on the destination (operations/prechecks/compute-checks.ts). The management OS's
// adapters are the "vEthernet (<switch>)" vNICs of the switches shared with it; their VLAN is the
// switch's managementVlanId (Virtual Switch Manager: "Enable virtual LAN identification for
// management operating system"). Dynamic MAC addresses are drawn from the host's range
// (Global Network Settings) by a hash of the adapter, so they are stable for a given world.
// Refusal texts are plausible, *unconfirmed*.
import { CommandRefusal } from '../errors';
import type { Host, VirtualSwitch, Vm } from '../model/world';
import { macRangeOf, vEthernetName, VLAN_ID_MAX, VLAN_ID_MIN } from '../common/virtual-switch';
import { hash32 } from '../net/interfaces';
import { refuseWhileMoving } from '../operations/configuration-lock';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import {
  connectVmNetworkAdapterSignature,
  disconnectVmNetworkAdapterSignature,
  getVmNetworkAdapterSignature,
  getVmNetworkAdapterVlanSignature,
  setVmNetworkAdapterVlanSignature,
} from './catalog/vm-switch';
import { hostInterfaces } from '../net/interfaces';
import { selectSwitches, switchNotFound } from './vm-switch';
import { hostOfVm, stringList, targetHosts, targetVms } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

type VmAdapter = Vm['networkAdapters'][number];

/** The dynamic MAC address of one adapter: a stable pick inside the host's range. */
function macOf(host: Host, key: string): string {
  const { minimum, maximum } = macRangeOf(host);
  const lo = parseInt(minimum, 16);
  const size = parseInt(maximum, 16) - lo + 1;
  return (lo + (hash32(key) % Math.max(1, size))).toString(16).toUpperCase().padStart(12, '0');
}

function vmAdapterSummary(host: Host, vm: Vm, a: VmAdapter, i: number) {
  return {
    Name: a.name,
    IsManagementOs: false,
    VMName: vm.name,
    SwitchName: a.switchName ?? '',
    MacAddress: macOf(host, `${vm.id}/${i}`),
    // 2012 R2 prints {Ok} for a running VM's adapter and nothing for one that is off.
    Status: vm.state === 'Running' || vm.state === 'Paused' ? ['Ok'] : [],
    IPAddresses: [] as string[],
    Connected: a.switchName !== undefined,
    ComputerName: host.name,
  };
}

/** The management OS's adapters: a vEthernet vNIC per switch shared with it (Internal, or External shared). */
function managementAdapters(host: Host): VirtualSwitch[] {
  return host.virtualSwitches.filter((s) => s.type === 'Internal' || (s.type === 'External' && s.allowManagementOS && s.adapter !== undefined));
}

function managementSummary(host: Host, s: VirtualSwitch) {
  const iface = hostInterfaces(host).find((i) => i.alias === vEthernetName(s.name));
  return {
    Name: s.name,
    IsManagementOs: true,
    VMName: '',
    SwitchName: s.name,
    MacAddress: macOf(host, `${host.name}/${s.name}`),
    Status: ['Ok'],
    IPAddresses: iface?.ip ? [iface.ip] : [],
    Connected: true,
    ComputerName: host.name,
  };
}

/** The adapters of a VM that -Name selects (all of them without it); a plain name that matches nothing is refused. */
function adaptersNamed(vm: Vm, params: BoundParams): { adapter: VmAdapter; index: number }[] {
  const names = stringList(params.Name);
  const all = vm.networkAdapters.map((adapter, index) => ({ adapter, index }));
  if (!names.length) return all;
  for (const n of names) {
    if (!hasWildcard(n) && !vm.networkAdapters.some((a) => sameName(a.name, n))) {
      throw new CommandRefusal(`'${vm.name}' has no network adapter named '${n}'.`, {
        parameter: 'Name',
        code: 'NotFound',
        fix: vm.networkAdapters.length ? `Its adapters: ${vm.networkAdapters.map((a) => a.name).join(', ')}.` : `'${vm.name}' has no network adapter.`,
      });
    }
  }
  return all.filter(({ adapter }) => names.some((n) => wildcardMatch(n, adapter.name)));
}

function hostOf(ctx: CmdletContext, vm: Vm): Host {
  const host = hostOfVm(ctx, vm);
  if (!host) throw new CommandRefusal(`The host of '${vm.name}' ('${vm.host}') is not in this lab.`, { parameter: 'VMName' });
  return host;
}

export const getVmNetworkAdapter: CmdletDefinition = {
  signature: getVmNetworkAdapterSignature,
  run(ctx, params) {
    const names = stringList(params.Name);
    const pick = (name: string) => names.length === 0 || names.some((n) => wildcardMatch(n, name));
    if (params.ManagementOS === true || params.All === true) {
      const hosts = targetHosts(ctx, params, 'ComputerName', true);
      const output = hosts.flatMap((host) => {
        let switches = managementAdapters(host);
        if (params.SwitchName !== undefined) switches = switches.filter((s) => wildcardMatch(String(params.SwitchName), s.name));
        const mine = switches.filter((s) => pick(s.name)).map((s) => managementSummary(host, s));
        if (params.All !== true) return mine;
        const vms = ctx.world.vms.filter((vm) => sameName(vm.host, host.name));
        return [
          ...mine,
          ...vms.flatMap((vm) =>
            vm.networkAdapters
              .map((a, i) => ({ a, i }))
              .filter(({ a }) => pick(a.name))
              .map(({ a, i }) => vmAdapterSummary(host, vm, a, i)),
          ),
        ];
      });
      return { output };
    }
    const output = targetVms(ctx, params, 'VMName').flatMap((vm) => {
      const host = hostOf(ctx, vm);
      return vm.networkAdapters
        .map((a, i) => ({ a, i }))
        .filter(({ a }) => pick(a.name))
        .map(({ a, i }) => vmAdapterSummary(host, vm, a, i));
    });
    return { output };
  },
};

export const connectVmNetworkAdapter: CmdletDefinition = {
  signature: connectVmNetworkAdapterSignature,
  run(ctx, params) {
    const switchName = String(params.SwitchName);
    const plans = targetVms(ctx, params, 'VMName').map((vm) => {
      const host = hostOf(ctx, vm);
      const [s] = selectSwitches(host, [switchName], 'SwitchName');
      if (!s) throw switchNotFound(host, switchName, 'SwitchName');
      const chosen = adaptersNamed(vm, params);
      if (!chosen.length)
        throw new CommandRefusal(`'${vm.name}' has no network adapter to connect.`, {
          parameter: 'VMName',
          fix: `Add one in the virtual machine's Settings (Add Hardware).`,
        });
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      return { vm, host, s, chosen };
    });
    let changed = false;
    for (const { vm, s, chosen } of plans) {
      for (const { adapter } of chosen) {
        if (adapter.switchName === s.name) continue;
        adapter.switchName = s.name;
        changed = true;
        ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' network adapter '${adapter.name}' connected to virtual switch '${s.name}'.`);
      }
    }
    if (changed) ctx.worldChanged();
    return params.Passthru
      ? { output: plans.flatMap(({ vm, host, chosen }) => chosen.map(({ adapter, index }) => vmAdapterSummary(host, vm, adapter, index))) }
      : {};
  },
};

export const disconnectVmNetworkAdapter: CmdletDefinition = {
  signature: disconnectVmNetworkAdapterSignature,
  run(ctx, params) {
    const plans = targetVms(ctx, params, 'VMName').map((vm) => {
      const host = hostOf(ctx, vm);
      const chosen = adaptersNamed(vm, params);
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      return { vm, host, chosen };
    });
    let changed = false;
    for (const { vm, chosen } of plans) {
      for (const { adapter } of chosen) {
        if (adapter.switchName === undefined) continue;
        ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' network adapter '${adapter.name}' disconnected from virtual switch '${adapter.switchName}'.`);
        delete adapter.switchName;
        changed = true;
      }
    }
    if (changed) ctx.worldChanged();
    return params.Passthru
      ? { output: plans.flatMap(({ vm, host, chosen }) => chosen.map(({ adapter, index }) => vmAdapterSummary(host, vm, adapter, index))) }
      : {};
  },
};

function vlanSummary(parent: string, isManagementOs: boolean, vlanId: number | undefined, host: Host, vmName = '') {
  return {
    VMName: vmName,
    VMNetworkAdapterName: parent,
    IsManagementOs: isManagementOs,
    OperationMode: vlanId === undefined ? 'Untagged' : 'Access',
    AccessVlanId: vlanId ?? 0,
    ComputerName: host.name,
  };
}

/** The VLAN -Access -VlanId N / -Untagged asks for: a number, or undefined for untagged. */
function requestedVlan(params: BoundParams): number | undefined {
  const access = params.Access === true;
  const untagged = params.Untagged === true;
  if (access === untagged) {
    throw new CommandRefusal('Specify either -Access with -VlanId, or -Untagged.', { parameter: access ? 'Untagged' : 'Access', code: 'InvalidParameter' });
  }
  if (untagged) {
    if (params.VlanId !== undefined)
      throw new CommandRefusal('-VlanId goes with -Access, not with -Untagged.', { parameter: 'VlanId', code: 'InvalidParameter' });
    return undefined;
  }
  if (params.VlanId === undefined) {
    throw new CommandRefusal(`-Access needs -VlanId: the VLAN, ${VLAN_ID_MIN} to ${VLAN_ID_MAX}.`, { parameter: 'VlanId', code: 'InvalidParameter' });
  }
  return params.VlanId as number;
}

/** The management OS adapters -VMNetworkAdapterName selects (its switch's name; all without it). */
function managementTargets(host: Host, params: BoundParams): VirtualSwitch[] {
  const all = managementAdapters(host);
  if (params.VMNetworkAdapterName === undefined) return all;
  const name = String(params.VMNetworkAdapterName);
  const picked = selectSwitches(host, [name], 'VMNetworkAdapterName').filter((s) => all.includes(s));
  if (!picked.length) {
    throw new CommandRefusal(`The management operating system has no virtual network adapter for the switch '${name}' on '${host.name}'.`, {
      parameter: 'VMNetworkAdapterName',
      code: 'NotFound',
      fix: "Allow the management operating system to share the switch's adapter first (Set-VMSwitch -AllowManagementOS $true).",
    });
  }
  return picked;
}

export const setVmNetworkAdapterVlan: CmdletDefinition = {
  signature: setVmNetworkAdapterVlanSignature,
  run(ctx, params) {
    const vlan = requestedVlan(params);
    const what = vlan === undefined ? 'untagged' : `VLAN ${vlan} (access)`;
    if (params.ManagementOS === true) {
      const plans = targetHosts(ctx, params, 'ComputerName', true).map((host) => ({ host, switches: managementTargets(host, params) }));
      for (const { host, switches } of plans) {
        let changed = false;
        for (const s of switches) {
          if (s.managementVlanId === vlan) continue;
          if (vlan === undefined) delete s.managementVlanId;
          else s.managementVlanId = vlan;
          changed = true;
          ctx.log('Information', 'Hyper-V-VmSwitch', `'${vEthernetName(s.name)}' on '${host.name}' is now ${what}.`);
        }
        if (changed) ctx.networkChanged(host.name);
      }
      ctx.worldChanged();
      return params.Passthru ? { output: plans.flatMap(({ host, switches }) => switches.map((s) => vlanSummary(s.name, true, s.managementVlanId, host))) } : {};
    }
    const plans = targetVms(ctx, params, 'VMName').map((vm) => {
      const host = hostOf(ctx, vm);
      const chosen = adaptersNamed(vm, params.VMNetworkAdapterName === undefined ? {} : { Name: params.VMNetworkAdapterName });
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      return { vm, host, chosen };
    });
    for (const { vm, chosen } of plans) {
      for (const { adapter } of chosen) {
        if (adapter.vlanId === vlan) continue;
        if (vlan === undefined) delete adapter.vlanId;
        else adapter.vlanId = vlan;
        ctx.log('Information', 'Hyper-V-VMMS', `'${vm.name}' network adapter '${adapter.name}' is now ${what}.`);
      }
    }
    ctx.worldChanged();
    return params.Passthru
      ? { output: plans.flatMap(({ vm, host, chosen }) => chosen.map(({ adapter }) => vlanSummary(adapter.name, false, adapter.vlanId, host, vm.name))) }
      : {};
  },
};

export const getVmNetworkAdapterVlan: CmdletDefinition = {
  signature: getVmNetworkAdapterVlanSignature,
  run(ctx, params) {
    if (params.ManagementOS === true) {
      return {
        output: targetHosts(ctx, params, 'ComputerName', true).flatMap((host) =>
          managementTargets(host, params).map((s) => vlanSummary(s.name, true, s.managementVlanId, host)),
        ),
      };
    }
    const output = targetVms(ctx, params, 'VMName').flatMap((vm) => {
      const host = hostOf(ctx, vm);
      return adaptersNamed(vm, params.VMNetworkAdapterName === undefined ? {} : { Name: params.VMNetworkAdapterName }).map(({ adapter }) =>
        vlanSummary(adapter.name, false, adapter.vlanId, host, vm.name),
      );
    });
    return { output };
  },
};
