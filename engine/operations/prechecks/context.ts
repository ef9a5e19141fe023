// What every check reads: the world (never written), the request, the VM and hosts it concerns,
// and the placement plan. Built once by runPrechecks() after the VM and the hosts are known.
import type { Host, Vm, World } from '../../model/world';
import type { Incompatibility } from './incompatibility';
import type { MoveRequest } from './move-request';
import type { FilePlacement } from './placement';

/** Tunables the engine may pass so the checks agree with the operations that follow them. */
export interface PrecheckOptions {
  /**
   * Memory the management OS keeps on a host: a fixed figure or one per host. Default:
   * hostMemoryReserveBytes() (compute-checks.ts, documented there).
   */
  hostReserveBytes?: number | ((host: Host) => number);
  /** The simulated time of the check, for what Dynamic Memory VMs hold now (default: the world as last settled). */
  now?: number;
}

export interface PrecheckContext {
  readonly world: World;
  readonly request: MoveRequest;
  readonly vm: Vm;
  /** The VM's host. */
  readonly source: Host;
  /** The host the VM runs on after the move (the source host for a storage move). */
  readonly destination: Host;
  readonly live: boolean;
  readonly placement: FilePlacement;
  readonly options: PrecheckOptions;
}

export type Precheck = (ctx: PrecheckContext) => Incompatibility[];

/** Sizes as Windows prints them: binary units, labelled GB/MB. */
export function formatBytes(n: number, decimals = 1): string {
  const GiB = 1024 ** 3;
  const MiB = 1024 ** 2;
  if (Math.abs(n) >= GiB) return `${(n / GiB).toFixed(decimals)} GB`;
  return `${(n / MiB).toFixed(decimals)} MB`;
}

/** Two sizes a learner compares ("needed" vs "free"): more decimals until they read differently. */
export function formatBytesApart(a: number, b: number): [string, string] {
  for (let d = 1; d <= 3; d++) {
    const pair: [string, string] = [formatBytes(a, d), formatBytes(b, d)];
    if (pair[0] !== pair[1] || a === b) return pair;
  }
  return [`${a.toLocaleString('en-US')} bytes`, `${b.toLocaleString('en-US')} bytes`];
}

/** A host's computer account, as share permissions name it: CONTOSO\HV01$. */
export function computerAccount(host: Host): string {
  return `${host.domain}\\${host.name}$`;
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** States in which a VM holds host memory (Microsoft Learn, "Hyper-V Dynamic Memory Overview": Saved and Off hold none). */
export function holdsMemory(vm: Vm): boolean {
  return vm.state === 'Running' || vm.state === 'Paused' || vm.state === 'Starting' || vm.state === 'Stopping';
}
