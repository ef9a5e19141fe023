// Get-VMHost, Set-VMHost, Enable-VMMigration and Disable-VMMigration: the Hyper-V Settings that
// govern moves (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"). Every host named is checked before any is changed.
import { CommandRefusal } from '../errors';
import type { Host } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { disableVmMigrationSignature, enableVmMigrationSignature, getVmHostSignature, setVmHostSignature } from './catalog/vm-host';
import { folderProblem, parseFolderPath } from './paths';
import { normalizePath } from '../model/paths';
import { VhdParameters } from '../operations/parameters';
import { targetHosts } from './targets';
import { macRangeOf, macRangeProblem, macWithDashes, parseMacAddress } from '../common/virtual-switch';

/** The host's default folders (Hyper-V Settings → Virtual Hard Disks / Virtual Machines): as set, else Hyper-V's as installed. */
export function defaultFoldersOf(host: Host): { virtualHardDiskPath: string; virtualMachinePath: string } {
  return {
    virtualHardDiskPath: host.virtualHardDiskPath ?? VhdParameters.defaultVirtualHardDiskPath,
    virtualMachinePath: host.virtualMachinePath ?? VhdParameters.defaultVirtualMachinePath,
  };
}

/** What Get-VMHost writes: the properties of Microsoft.HyperV.PowerShell.VMHost the lab models. */
export function vmHostSummary(host: Host) {
  const m = host.migration;
  return {
    ComputerName: host.name,
    Name: host.name,
    LogicalProcessorCount: host.cpu.cores,
    MemoryCapacity: host.memoryBytes,
    VirtualMachineMigrationEnabled: m.enabled,
    VirtualMachineMigrationPerformanceOption: m.performanceOption,
    VirtualMachineMigrationAuthenticationType: m.authentication,
    MaximumVirtualMachineMigrations: m.maximumLiveMigrations,
    MaximumStorageMigrations: m.maximumStorageMigrations,
    UseAnyNetworkForMigration: m.useAnyNetwork,
    MacAddressMinimum: macRangeOf(host).minimum,
    MacAddressMaximum: macRangeOf(host).maximum,
    VirtualHardDiskPath: defaultFoldersOf(host).virtualHardDiskPath,
    VirtualMachinePath: defaultFoldersOf(host).virtualMachinePath,
    NumaSpanningEnabled: host.numaSpanningEnabled ?? true,
  };
}

export const getVmHost: CmdletDefinition = {
  signature: getVmHostSignature,
  run(ctx, params) {
    return { output: targetHosts(ctx, params, 'ComputerName', true).map(vmHostSummary) };
  },
};

function commit(ctx: CmdletContext, hosts: Host[], changes: Map<Host, string[]>, params: BoundParams) {
  for (const [host, what] of changes) {
    if (what.length) ctx.log('Information', 'Hyper-V-VMMS', `Hyper-V settings of '${host.name}' changed: ${what.join('; ')}.`);
  }
  if ([...changes.values()].some((w) => w.length)) ctx.worldChanged();
  return params.Passthru ? { output: hosts.map(vmHostSummary) } : {};
}

export const setVmHost: CmdletDefinition = {
  signature: setVmHostSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    const macRanges = new Map(hosts.map((h) => [h, planMacRange(h, params)] as const));
    const folders = new Map(hosts.map((h) => [h, planDefaultFolders(ctx, h, params)] as const));
    const warnings: string[] = [];
    const changes = new Map<Host, string[]>();
    for (const host of hosts) {
      const m = host.migration;
      const what: string[] = [];
      const range = macRanges.get(host);
      if (range) {
        host.macAddressRange = range;
        what.push(`MAC address range: ${macWithDashes(range.minimum)} to ${macWithDashes(range.maximum)}`);
      }
      const set = <K extends keyof typeof m>(key: K, value: (typeof m)[K] | undefined, label: string) => {
        if (value !== undefined && m[key] !== value) {
          m[key] = value;
          what.push(`${label}: ${String(value)}`);
        }
      };
      set('maximumLiveMigrations', params.MaximumVirtualMachineMigrations as number | undefined, 'simultaneous live migrations');
      set('maximumStorageMigrations', params.MaximumStorageMigrations as number | undefined, 'simultaneous storage migrations');
      set(
        'authentication',
        params.VirtualMachineMigrationAuthenticationType as Host['migration']['authentication'] | undefined,
        'live migration authentication',
      );
      set(
        'performanceOption',
        params.VirtualMachineMigrationPerformanceOption as Host['migration']['performanceOption'] | undefined,
        'live migration performance option',
      );
      set('useAnyNetwork', params.UseAnyNetworkForMigration as boolean | undefined, 'use any network for live migration');
      for (const [key, value] of Object.entries(folders.get(host) ?? {}) as ['virtualHardDiskPath' | 'virtualMachinePath', string][]) {
        if (defaultFoldersOf(host)[key] === value) continue;
        host[key] = value;
        what.push(`default ${key === 'virtualMachinePath' ? 'virtual machine' : 'virtual hard disk'} folder: ${value}`);
      }
      const numa = params.NumaSpanningEnabled as boolean | undefined;
      if (numa !== undefined && numa !== (host.numaSpanningEnabled ?? true)) {
        host.numaSpanningEnabled = numa;
        what.push(`NUMA spanning ${numa ? 'enabled' : 'disabled'}`);
      }
      changes.set(host, what);
      if (params.UseAnyNetworkForMigration === false && m.networks.length === 0) {
        warnings.push(`No migration networks are defined on '${host.name}': incoming live migrations will fail until you add one (Add-VMMigrationNetwork).`);
      }
    }
    return { warnings, ...commit(ctx, hosts, changes, params) };
  },
};

/**
 * -VirtualHardDiskPath / -VirtualMachinePath, checked as a folder of that host (a path Windows
 * cannot use, a drive the host does not have, a share it cannot reach) before anything changes.
 */
function planDefaultFolders(ctx: CmdletContext, host: Host, params: BoundParams): Partial<Record<'virtualHardDiskPath' | 'virtualMachinePath', string>> {
  const out: Partial<Record<'virtualHardDiskPath' | 'virtualMachinePath', string>> = {};
  for (const [name, key] of [
    ['VirtualHardDiskPath', 'virtualHardDiskPath'],
    ['VirtualMachinePath', 'virtualMachinePath'],
  ] as const) {
    if (params[name] === undefined) continue;
    const typed = String(params[name]);
    const what = name === 'VirtualMachinePath' ? 'virtual machine' : 'virtual hard disk';
    const parsed = parseFolderPath(typed);
    if ('problem' in parsed) {
      throw new CommandRefusal(`Failed to set the default ${what} folder to '${typed}'. ${parsed.problem}`, {
        parameter: name,
        ...(parsed.why ? { fix: parsed.why } : {}),
      });
    }
    let why: string | undefined;
    const problem = folderProblem(ctx.world, host, typed, (w) => (why = w));
    if (problem)
      throw new CommandRefusal(`Failed to set the default ${what} folder of '${host.name}' to '${typed}'. ${problem}`, {
        parameter: name,
        ...(why ? { fix: why } : {}),
      });
    out[key] = normalizePath(typed);
  }
  return out;
}

/** The MAC address range -MacAddressMinimum / -MacAddressMaximum ask for, checked; undefined when neither changes it. */
function planMacRange(host: Host, params: BoundParams): { minimum: string; maximum: string } | undefined {
  if (params.MacAddressMinimum === undefined && params.MacAddressMaximum === undefined) return undefined;
  const current = macRangeOf(host);
  const read = (name: 'MacAddressMinimum' | 'MacAddressMaximum', fallback: string) => {
    if (params[name] === undefined) return fallback;
    const mac = parseMacAddress(String(params[name]));
    if (!mac) {
      throw new CommandRefusal(`'${String(params[name])}' is not a valid MAC address.`, {
        parameter: name,
        code: 'InvalidParameter',
        fix: 'Type 12 hexadecimal digits, such as 00155D010B00 or 00-15-5D-01-0B-00.',
      });
    }
    return mac;
  };
  const minimum = read('MacAddressMinimum', current.minimum);
  const maximum = read('MacAddressMaximum', current.maximum);
  const problem = macRangeProblem(minimum, maximum);
  if (problem)
    throw new CommandRefusal(`The MAC address range ${macWithDashes(minimum)} to ${macWithDashes(maximum)} of '${host.name}' cannot be used. ${problem}`, {
      parameter: params.MacAddressMinimum !== undefined ? 'MacAddressMinimum' : 'MacAddressMaximum',
      code: 'InvalidParameter',
    });
  if (minimum === current.minimum && maximum === current.maximum) return undefined;
  return { minimum, maximum };
}

function toggleMigration(enabled: boolean): CmdletDefinition['run'] {
  return (ctx, params) => {
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    const changes = new Map<Host, string[]>();
    for (const host of hosts) {
      const what: string[] = [];
      if (host.migration.enabled !== enabled) {
        host.migration.enabled = enabled;
        what.push(`incoming and outgoing live migrations ${enabled ? 'enabled' : 'disabled'}`);
      }
      changes.set(host, what);
    }
    return commit(ctx, hosts, changes, params);
  };
}

export const enableVmMigration: CmdletDefinition = { signature: enableVmMigrationSignature, run: toggleMigration(true) };
export const disableVmMigration: CmdletDefinition = { signature: disableVmMigrationSignature, run: toggleMigration(false) };
