// Rename-NetAdapter, Get-/Set-NetAdapterAdvancedProperty and Get-NetAdapterRss on the world's
// physical adapters (Microsoft Learn, "Rename-NetAdapter", "Set-NetAdapterAdvancedProperty",
// "Get-NetAdapterRss"). The advanced properties are those the simulation models:
// - Jumbo Packet (*JumboPacket 1514 / 4088 / 9014): the frame size, which sets TCP's wire
//   efficiency (engine/net/parameters.ts, jumbo frames);
// - Maximum Number of RSS Queues (*NumRssQueues 1 / 2 / 4 / 8 / 16): the receive queues, which
//   make an adapter RSS-capable for SMB Multichannel (more than one) and spread its receive work;
// - NetworkDirect Functionality (*NetworkDirect, RDMA adapters): RDMA on or off, as
//   Enable-/Disable-NetAdapterRdma.
// The value lists are Intel's and Chelsio's drivers' as commonly shown, the same for every adapter
// here (*unconfirmed* per model). Windows restarts the adapter to apply a change (a few seconds
// without link) unless -NoRestart; the lab applies it without the outage (*unconfirmed* length).
// Team interfaces and host vNICs are refused: their properties are not modelled.
import { CommandRefusal } from '../errors';
import type { Host, Nic } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import {
  getNetAdapterAdvancedPropertySignature,
  getNetAdapterRssSignature,
  renameNetAdapterSignature,
  setNetAdapterAdvancedPropertySignature,
} from './catalog/net-config';
import { adaptersOf, adapterSummary, selectAdapters, type AdapterView } from './net-adapters';
import { stringList, targetHosts } from './targets';
import { sameName, wildcardMatch } from './wildcard';

interface AdvancedProperty {
  displayName: string;
  keyword: string;
  /** Display value ↔ registry value, in the driver's order. */
  values: readonly (readonly [string, string])[];
  applies(nic: Nic): boolean;
  read(nic: Nic): string;
  write(nic: Nic, registryValue: string): void;
}

const PROPERTIES: readonly AdvancedProperty[] = [
  {
    displayName: 'Jumbo Packet',
    keyword: '*JumboPacket',
    values: [
      ['Disabled', '1514'],
      ['4088 Bytes', '4088'],
      ['9014 Bytes', '9014'],
    ],
    applies: (n) => n.medium === 'Ethernet',
    read: (n) => String(n.jumboPacket ?? 1514),
    write: (n, v) => {
      n.jumboPacket = Number(v) as 1514 | 4088 | 9014;
    },
  },
  {
    displayName: 'Maximum Number of RSS Queues',
    keyword: '*NumRssQueues',
    values: [
      ['1 Queue', '1'],
      ['2 Queues', '2'],
      ['4 Queues', '4'],
      ['8 Queues', '8'],
      ['16 Queues', '16'],
    ],
    applies: () => true,
    read: (n) => String(Math.max(1, n.rssQueues)),
    write: (n, v) => {
      n.rssQueues = Number(v);
    },
  },
  {
    displayName: 'NetworkDirect Functionality',
    keyword: '*NetworkDirect',
    values: [
      ['Disabled', '0'],
      ['Enabled', '1'],
    ],
    applies: (n) => n.rdma.type !== 'none',
    read: (n) => (n.rdma.enabled ? '1' : '0'),
    write: (n, v) => {
      n.rdma = { ...n.rdma, enabled: v === '1' };
    },
  },
];

function propertyRow(host: Host, a: AdapterView, p: AdvancedProperty) {
  const value = p.read(a.nic!);
  return {
    Name: a.name,
    DisplayName: p.displayName,
    DisplayValue: p.values.find(([, r]) => r === value)?.[0] ?? value,
    RegistryKeyword: p.keyword,
    RegistryValue: [value],
    ValidDisplayValues: p.values.map(([d]) => d),
    ValidRegistryValues: p.values.map(([, r]) => r),
    PSComputerName: host.name,
  };
}

/** The physical adapters selected; a team interface or host vNIC is refused by name. */
function physical(host: Host, params: BoundParams, what: string): AdapterView[] {
  const picked = selectAdapters(host, params, adaptersOf(host));
  const virtual = picked.find((a) => !a.nic);
  if (virtual && stringList(params.Name).some((n) => sameName(n, virtual.name))) {
    throw new CommandRefusal(
      `'${virtual.name}' is ${virtual.kind === 'team' ? 'a team interface' : 'a host virtual network adapter'}; ${what} is not modelled in this lab.`,
      {
        parameter: 'Name',
        fix: 'Use its physical member adapters.',
      },
    );
  }
  return picked.filter((a) => a.nic);
}

function selectedProperties(params: BoundParams, nic: Nic): AdvancedProperty[] {
  const names = stringList(params.DisplayName);
  const keywords = stringList(params.RegistryKeyword);
  return PROPERTIES.filter(
    (p) =>
      p.applies(nic) &&
      (names.length === 0 || names.some((n) => wildcardMatch(n, p.displayName))) &&
      (keywords.length === 0 || keywords.some((k) => wildcardMatch(k, p.keyword))),
  );
}

export const getNetAdapterAdvancedProperty: CmdletDefinition = {
  signature: getNetAdapterAdvancedPropertySignature,
  run(ctx, params) {
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) =>
      physical(host, params, 'reading its advanced properties').flatMap((a) => selectedProperties(params, a.nic!).map((p) => propertyRow(host, a, p))),
    );
    return { output };
  },
};

export const setNetAdapterAdvancedProperty: CmdletDefinition = {
  signature: setNetAdapterAdvancedPropertySignature,
  run(ctx, params) {
    if (params.DisplayName === undefined && params.RegistryKeyword === undefined) {
      throw new CommandRefusal('Specify the property to set with -DisplayName or -RegistryKeyword.', { parameter: 'DisplayName' });
    }
    if ((params.DisplayValue === undefined) === (params.RegistryValue === undefined)) {
      throw new CommandRefusal('Specify the new value with either -DisplayValue or -RegistryValue.', { parameter: 'DisplayValue' });
    }
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const changes: { a: AdapterView; p: AdvancedProperty; value: string }[] = [];
      for (const a of physical(host, params, 'setting its advanced properties')) {
        const props = selectedProperties(params, a.nic!);
        if (props.length === 0) {
          const asked = stringList(params.DisplayName)[0] ?? stringList(params.RegistryKeyword)[0]!;
          const property = params.DisplayName !== undefined ? 'DisplayName' : 'RegistryKeyword';
          throw new CommandRefusal(
            `No MSFT_NetAdapterAdvancedPropertySettingData objects found with property '${property}' equal to '${asked}'.  Verify the value of the property and retry.`,
            {
              parameter: property,
              code: 'NotFound',
              fix: `Properties of ${a.name}: ${PROPERTIES.filter((p) => p.applies(a.nic!))
                .map((p) => p.displayName)
                .join(', ')}.`,
            },
          );
        }
        for (const p of props) {
          const value =
            params.DisplayValue !== undefined
              ? p.values.find(([d]) => sameName(d, String(params.DisplayValue)))?.[1]
              : p.values.find(([, r]) => r === stringList(params.RegistryValue)[0])?.[1];
          if (value === undefined) {
            // The driver's refusal text is *unconfirmed*; it lists the values it takes.
            const byDisplay = params.DisplayValue !== undefined;
            throw new CommandRefusal(
              `No matching keyword value found. The following are valid keyword values: ${p.values.map(([d, r]) => (byDisplay ? d : r)).join(', ')}`,
              { parameter: byDisplay ? 'DisplayValue' : 'RegistryValue' },
            );
          }
          changes.push({ a, p, value });
        }
      }
      return { host, changes };
    });
    applyChanges(ctx, plans);
    if (!params.PassThru) return {};
    return { output: plans.flatMap(({ host, changes }) => changes.map(({ a, p }) => propertyRow(host, a, p))) };
  },
};

function applyChanges(ctx: CmdletContext, plans: { host: Host; changes: { a: AdapterView; p: AdvancedProperty; value: string }[] }[]): void {
  let any = false;
  for (const { host, changes } of plans) {
    const done = changes.filter(({ a, p, value }) => {
      if (p.read(a.nic!) === value) return false;
      p.write(a.nic!, value);
      ctx.log(
        'Information',
        'Microsoft-Windows-NDIS',
        `Network adapter '${a.name}' on '${host.name}': ${p.displayName} set to ${p.values.find(([, r]) => r === value)![0]}.`,
      );
      return true;
    });
    if (done.length) {
      any = true;
      ctx.networkChanged(host.name);
    }
  }
  if (any) ctx.worldChanged();
}

export const getNetAdapterRss: CmdletDefinition = {
  signature: getNetAdapterRssSignature,
  run(ctx, params) {
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) =>
      physical(host, params, 'RSS').map((a) => ({
        Name: a.name,
        InterfaceDescription: a.description,
        Enabled: a.nic!.rssQueues > 0,
        NumberOfReceiveQueues: Math.max(1, a.nic!.rssQueues),
        Profile: 'NUMAStatic',
        BaseProcessorGroup: 0,
        BaseProcessorNumber: 0,
        MaxProcessorGroup: 0,
        MaxProcessorNumber: host.cpu.cores - 1,
        MaxProcessors: Math.min(16, host.cpu.cores),
        NumaNode: 0,
        PSComputerName: host.name,
      })),
    );
    return { output };
  },
};

export const renameNetAdapter: CmdletDefinition = {
  signature: renameNetAdapterSignature,
  run(ctx, params) {
    const newName = String(params.NewName).trim();
    const plans = targetHosts(ctx, params, 'CimSession', false).map((host) => {
      const picked = physical(host, params, 'renaming it');
      if (picked.length !== 1) {
        throw new CommandRefusal(`-Name selects ${picked.length} adapters on '${host.name}'; rename one adapter at a time.`, { parameter: 'Name' });
      }
      const a = picked[0]!;
      const clash = adaptersOf(host).find((x) => x !== a && sameName(x.name, newName));
      if (clash) {
        throw new CommandRefusal('{Object Exists} An attempt was made to create an object and the object name already existed.', {
          parameter: 'NewName',
          fix: `'${clash.name}' is already an adapter on ${host.name}.`,
        });
      }
      return { host, a };
    });
    for (const { host, a } of plans) {
      const old = a.nic!.name;
      if (old === newName) continue;
      renameEverywhere(host, old, newName);
      ctx.log('Information', 'Microsoft-Windows-NDIS', `Network adapter '${old}' on '${host.name}' renamed to '${newName}'.`);
      ctx.networkChanged(host.name);
    }
    ctx.worldChanged();
    return params.PassThru
      ? {
          output: plans.map(({ host }) =>
            adapterSummary(
              host,
              adaptersOf(host).find((x) => x.name === newName)!,
            ),
          ),
        }
      : {};
  },
};

/** Everything that names the adapter follows it: the NIC, its team, the switch bound to it, SMB constraints. */
function renameEverywhere(host: Host, old: string, next: string): void {
  const swap = (n: string) => (sameName(n, old) ? next : n);
  const nic = host.nics.find((n) => sameName(n.name, old))!;
  nic.name = next;
  host.teams = host.teams.map((t) => ({
    ...t,
    members: t.members.map(swap),
    ...(t.standbyMember !== undefined ? { standbyMember: swap(t.standbyMember) } : {}),
    memberAddresses: Object.fromEntries(Object.entries(t.memberAddresses).map(([m, v]) => [swap(m), v])),
  }));
  host.virtualSwitches = host.virtualSwitches.map((s) => (s.adapter !== undefined && sameName(s.adapter, old) ? { ...s, adapter: next } : s));
  host.smb.constraints = Object.fromEntries(Object.entries(host.smb.constraints).map(([server, aliases]) => [server, aliases.map(swap)]));
}
