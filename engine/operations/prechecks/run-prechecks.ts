// Compare-VM and the Move Wizard's checks, before anything moves (issue "Moves" §2). Reads the
// world, never writes it: running the checks any number of times changes nothing.
//
// Order is the order a learner reads: the VM and hosts, host settings, authentication, the
// VM's hardware needs, then storage. The first group stops the rest when it fails (no VM or no
// Hyper-V destination leaves nothing to judge); every other check runs, so one Compare-VM shows
// every incompatibility at once, as Hyper-V's report does.
import type { World } from '../../model/world';
import { credSsp, kerberosDelegation } from './authentication';
import { memory, processor, runningLimits, virtualSwitches } from './compute-checks';
import type { Precheck, PrecheckContext, PrecheckOptions } from './context';
import { diskSpace } from './disk-space';
import { downLevel, migrationEnabled, migrationNetwork, sameDomain } from './host-checks';
import type { Incompatibility } from './incompatibility';
import type { MoveRequest } from './move-request';
import { planPlacement, type FilePlacement } from './placement';
import { filesReachable, shareAccess } from './shared-storage';
import { destinationsFree, nothingToMove, pathsValid, vhdEntries } from './storage-paths';
import { findSubject } from './subject';
import { nameOnDestination, passThroughDisks, vmState } from './vm-checks';

export interface PrecheckResult {
  errors: Incompatibility[];
  warnings: Incompatibility[];
  /** The plan the checks judged; absent when the VM or the destination host could not be found. */
  placement?: FilePlacement;
}

/** Every check after the VM and hosts are known, in report order. */
export const PRECHECKS: readonly Precheck[] = [
  vmState,
  nameOnDestination,
  migrationEnabled,
  downLevel,
  sameDomain,
  migrationNetwork,
  credSsp,
  kerberosDelegation,
  processor,
  memory,
  runningLimits,
  virtualSwitches,
  passThroughDisks,
  pathsValid,
  vhdEntries,
  destinationsFree,
  diskSpace,
  filesReachable,
  shareAccess,
  nothingToMove,
];

export function runPrechecks(world: World, request: MoveRequest, options: PrecheckOptions = {}): PrecheckResult {
  const subject = findSubject(world, request);
  if (!subject.ok) return { errors: subject.errors, warnings: [] };
  const { vm, source, destination } = subject;
  const placement = planPlacement(world, vm, request);
  const ctx: PrecheckContext = { world, request, vm, source, destination, live: request.kind === 'Live', placement, options };
  const all = PRECHECKS.flatMap((check) => check(ctx));
  return {
    errors: all.filter((i) => i.severity === 'error'),
    warnings: all.filter((i) => i.severity === 'warning'),
    placement,
  };
}
