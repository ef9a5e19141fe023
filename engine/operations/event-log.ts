// Event-log entries the move operations write, in the style of the Hyper-V VMMS admin log
// (Microsoft-Windows-Hyper-V-VMMS-Admin). The message shapes follow what the log prints for moves
// ("... for virtual machine 'X' (ID) ..."). Event IDs: 20413 (live migration started) and 21502
// (live migration failed) are the ones practitioners quote most; every other ID here is
// *unconfirmed* — plausible numbers in the VMMS ranges, kept in this one table to be corrected.
export const VMMS = 'Hyper-V-VMMS';
export const WORKER = 'Hyper-V-Worker';

export type Level = 'Information' | 'Warning' | 'Error';

export interface LogLine {
  level: Level;
  source: string;
  eventId: number;
  message: string;
}

interface VmRef {
  name: string;
  id: string;
}

const who = (vm: VmRef): string => `virtual machine '${vm.name}' (Virtual machine ID ${vm.id})`;

export const EventIds = {
  storageMigrationStarted: 20400, // unconfirmed
  storageMigrationCompleted: 20402, // unconfirmed
  storageMigrationFailed: 20404, // unconfirmed
  storageMigrationCancelled: 20406, // unconfirmed
  liveMigrationStarted: 20413,
  liveMigrationCompleted: 20415, // unconfirmed
  liveMigrationFailed: 21502,
  liveMigrationCancelled: 21508, // unconfirmed
  migrationQueued: 20410, // unconfirmed
  migrationRolledBack: 21024, // unconfirmed
  transferStalled: 21030, // unconfirmed
  smartPagingInUse: 20451, // unconfirmed
  smartPagingReleased: 20452, // unconfirmed
  restartFailed: 12030, // unconfirmed (Hyper-V-Worker start failures use the 12000s)
  restarted: 18601, // Hyper-V-Worker "started successfully" (the id vm-lifecycle.ts uses)
} as const;

export const LogText = {
  storageStarted: (vm: VmRef, destination: string): LogLine => ({
    level: 'Information',
    source: VMMS,
    eventId: EventIds.storageMigrationStarted,
    message: `Storage migration for ${who(vm)} started; destination ${destination}.`,
  }),
  storageCompleted: (vm: VmRef): LogLine => ({
    level: 'Information',
    source: VMMS,
    eventId: EventIds.storageMigrationCompleted,
    message: `Storage migration for ${who(vm)} completed successfully.`,
  }),
  storageFailed: (vm: VmRef, reason: string): LogLine => ({
    level: 'Error',
    source: VMMS,
    eventId: EventIds.storageMigrationFailed,
    message: `Storage migration for ${who(vm)} failed. ${reason}`,
  }),
  storageCancelled: (vm: VmRef): LogLine => ({
    level: 'Warning',
    source: VMMS,
    eventId: EventIds.storageMigrationCancelled,
    message: `Storage migration for ${who(vm)} was cancelled. The virtual machine continues to use its files on the source.`,
  }),
  liveStarted: (vm: VmRef, destination: string): LogLine => ({
    level: 'Information',
    source: VMMS,
    eventId: EventIds.liveMigrationStarted,
    message: `The Virtual Machine Management service initiated the live migration of ${who(vm)} to destination host '${destination}'.`,
  }),
  liveCompleted: (vm: VmRef, destination: string, downtimeMs: number): LogLine => ({
    level: 'Information',
    source: VMMS,
    eventId: EventIds.liveMigrationCompleted,
    message: `The Virtual Machine Management service completed the live migration of ${who(vm)} to destination host '${destination}' (blackout ${Math.round(downtimeMs)} ms).`,
  }),
  liveFailed: (vm: VmRef, source: string, reason: string): LogLine => ({
    level: 'Error',
    source: VMMS,
    eventId: EventIds.liveMigrationFailed,
    message: `Virtual machine migration operation for '${vm.name}' failed at migration source '${source}'. (Virtual machine ID ${vm.id}) ${reason}`,
  }),
  liveCancelled: (vm: VmRef, source: string): LogLine => ({
    level: 'Warning',
    source: VMMS,
    eventId: EventIds.liveMigrationCancelled,
    message: `Virtual machine migration operation for '${vm.name}' was cancelled at migration source '${source}'. (Virtual machine ID ${vm.id}) The virtual machine keeps running on '${source}'.`,
  }),
  queued: (vm: VmRef, kind: 'storage' | 'live', hosts: string, limit: string): LogLine => ({
    level: 'Information',
    source: VMMS,
    eventId: EventIds.migrationQueued,
    message: `The ${kind === 'live' ? 'live migration' : 'storage migration'} of ${who(vm)} is queued: ${hosts} already runs the maximum number of simultaneous ${limit}.`,
  }),
  rolledBack: (vm: VmRef, why: string): LogLine => ({
    level: 'Warning',
    source: VMMS,
    eventId: EventIds.migrationRolledBack,
    message: `The move of ${who(vm)} was ${why}; rolled back: the virtual machine stays on its source with its original files, and the partial destination files were removed.`,
  }),
  stalled: (vm: VmRef, reason: string): LogLine => ({
    level: 'Warning',
    source: VMMS,
    eventId: EventIds.transferStalled,
    message: `Move of ${who(vm)}: ${reason}`,
  }),
  smartPagingInUse: (vm: VmRef, path: string, bytes: number): LogLine => ({
    level: 'Information',
    source: WORKER,
    eventId: EventIds.smartPagingInUse,
    message: `'${vm.name}' is using a smart paging file (${path}, ${(bytes / 1024 ** 2).toFixed(0)} MB) to restart because the host cannot give it its startup memory. (Virtual machine ID ${vm.id})`,
  }),
  smartPagingReleased: (vm: VmRef, path: string): LogLine => ({
    level: 'Information',
    source: WORKER,
    eventId: EventIds.smartPagingReleased,
    message: `'${vm.name}' no longer uses its smart paging file; ${path} was deleted. (Virtual machine ID ${vm.id})`,
  }),
  restartFailed: (vm: VmRef, reason: string): LogLine => ({
    level: 'Error',
    source: WORKER,
    eventId: EventIds.restartFailed,
    message: `'${vm.name}' failed to restart. ${reason} (Virtual machine ID ${vm.id})`,
  }),
  restarted: (vm: VmRef): LogLine => ({
    level: 'Information',
    source: WORKER,
    eventId: EventIds.restarted,
    message: `'${vm.name}' started successfully. (Virtual machine ID ${vm.id})`,
  }),
};
