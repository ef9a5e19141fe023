// The checks a lab's tasks are graded with: declarative predicates over the world at the end of
// the lab and over its history (jobs and event log since the lab started). Each check has a
// schema (what a trainer writes in a pack), a sentence (what the learner reads), a cross-reference
// check against the lab's world (so a typo in a VM name is refused when the pack loads, not
// discovered by a learner), and an evaluation that returns what was expected and what was found:
// a failed check must tell the learner where they are, not only that they are wrong.
//
// Kept small and composable: one predicate per fact a lab needs, plus allOf / anyOf / not.
// Every predicate reads plain data (LabEvidence), never the running engine, so a door can grade
// any snapshot and the same check gives the same answer on the same state.
import { z } from 'zod';
import { VmState, serverMultichannelEnabled, type Host, type Vm, type World } from '../model/world';
import type { Job, LogEntry } from '../model/jobs';
import { findHost, isUnder, parsePath, resolvePath } from '../model/paths';
import { rdmaOperational } from '../cmdlets/net-adapter-rdma';
import { EventIds } from '../operations/event-log';
import { byteRateText } from '../common/byte-size';
import { listText } from './format';
import { elapsedText } from '../common/time-span';

// ── What a check reads ──────────────────────────────────────────────────────────────────────────

export interface LabEvidence {
  /** The world now (at Check time or after the script ran). */
  world: World;
  /** The world the lab started from; vmNeverOff needs to know the VM was running then. */
  initialWorld?: World;
  /** Jobs created since the lab started, oldest first (running ones included). */
  jobs: readonly Job[];
  /** Event log entries since the lab started, oldest first. */
  log: readonly LogEntry[];
  /** Simulated ms. */
  now: number;
}

export interface CheckOutcome {
  description: string;
  pass: boolean;
  expected: string;
  found: string;
}

// ── Schemas ─────────────────────────────────────────────────────────────────────────────────────

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const vmName = nonEmpty.max(255).describe("The virtual machine, by name, as in the lab's world.");
const hostName = nonEmpty.max(255).describe("The computer, by name, as in the lab's world.");
const windowsPath = nonEmpty
  .max(1000)
  .refine((p) => parsePath(p) !== undefined, 'must be a Windows path such as D:\\VMs or \\\\FS01\\VMs')
  .describe('A local path (D:\\VMs) on the host, or a share (\\\\FS01\\VMs).');
const description = z.string().trim().min(1).max(300).optional().describe('The sentence the learner reads for this check; default: one built from the check.');
const bytesPerSecond = z.number().positive('must be greater than zero').max(1e13).describe('Bytes per second (PowerShell: 750MB = 786432000).');

export const FileItem = z.enum(['vhds', 'configuration', 'snapshots', 'smartPaging']);
export type FileItem = z.infer<typeof FileItem>;
export const MoveKind = z.enum(['StorageMove', 'LiveMigration']);
export type MoveKind = z.infer<typeof MoveKind>;
export const TransportOption = z.enum(['TCPIP', 'Compression', 'SMB']);
export type TransportOption = z.infer<typeof TransportOption>;
export const BandwidthCategory = z.enum(['Default', 'VirtualMachine', 'LiveMigration']);

/** Host settings a check can read, with the label a learner knows them by (Hyper-V Settings, Get-VMHost). */
const HOST_FIELDS = {
  'migration.enabled': { label: 'incoming and outgoing live migrations enabled', read: (h: Host) => h.migration.enabled },
  'migration.authentication': { label: 'live migration authentication', read: (h: Host) => h.migration.authentication },
  'migration.performanceOption': { label: 'live migration performance option', read: (h: Host) => h.migration.performanceOption },
  'migration.maximumLiveMigrations': { label: 'simultaneous live migrations', read: (h: Host) => h.migration.maximumLiveMigrations },
  'migration.maximumStorageMigrations': { label: 'simultaneous storage migrations', read: (h: Host) => h.migration.maximumStorageMigrations },
  'migration.useAnyNetwork': { label: 'use any available network for live migration', read: (h: Host) => h.migration.useAnyNetwork },
  'smb.multichannelEnabled': { label: 'SMB Multichannel enabled', read: (h: Host) => h.smb.multichannelEnabled },
  'smbServer.multichannelEnabled': { label: 'SMB Multichannel enabled on the SMB server', read: (h: Host) => serverMultichannelEnabled(h) },
} as const;
export const HostField = z.enum(Object.keys(HOST_FIELDS) as [keyof typeof HOST_FIELDS, ...(keyof typeof HOST_FIELDS)[]]);

const leafSchemas = [
  z
    .object({
      type: z.literal('vmOnHost'),
      vm: vmName,
      host: hostName,
      description,
    })
    .strict()
    .describe('The VM is on this host at the end.'),
  z
    .object({
      type: z.literal('vmState'),
      vm: vmName,
      state: VmState,
      description,
    })
    .strict()
    .describe('The VM is in this state at the end.'),
  z
    .object({
      type: z.literal('vmFilesUnder'),
      vm: vmName,
      path: windowsPath,
      items: z.array(FileItem).min(1).optional().describe('Which files: vhds, configuration, snapshots (checkpoints), smartPaging; default all.'),
      host: hostName.optional().describe("The computer a local path is on; default: the VM's host at the end."),
      description,
    })
    .strict()
    .describe("The VM's files (or the items named) are in this folder or below it."),
  z
    .object({
      type: z.literal('vmNeverOff'),
      vm: vmName,
      description,
    })
    .strict()
    .describe('The VM was running when the lab started, is running at the end, and no event shows it shut down, turned off, saved, or failing to restart.'),
  z
    .object({
      type: z.literal('smartPagingLocation'),
      vm: vmName,
      pathUnder: windowsPath.optional(),
      volume: z
        .string()
        .regex(/^[A-Za-z]$/, 'must be a drive letter such as D')
        .optional()
        .describe("A drive letter of the VM's host."),
      description,
    })
    .strict()
    .refine((c) => c.pathUnder !== undefined || c.volume !== undefined, { message: 'give pathUnder or volume', path: ['pathUnder'] })
    .describe("The VM's Smart Paging File Location is under this folder, or on this volume of its host."),
  z
    .object({
      type: z.literal('smartPagingUsed'),
      vm: vmName,
      pathUnder: windowsPath.optional(),
      description,
    })
    .strict()
    .describe('The VM restarted with a smart paging file (optionally one under this folder).'),
  z
    .object({
      type: z.literal('vmMemoryDynamic'),
      vm: vmName,
      enabled: z.boolean().optional().describe('Default true.'),
      description,
    })
    .strict()
    .describe('The VM uses Dynamic Memory (or, with enabled false, static memory).'),
  z
    .object({
      type: z.literal('processorCompatibility'),
      vm: vmName,
      enabled: z.boolean().optional().describe('Default true.'),
      description,
    })
    .strict()
    .describe('Processor compatibility for migration is enabled on the VM (or disabled, with enabled false).'),
  z
    .object({
      type: z.literal('vmNotesContain'),
      vm: vmName,
      anyOf: z.array(nonEmpty).min(1),
      description,
    })
    .strict()
    .describe("The VM's notes (Set-VM -Notes) contain one of these words (case-insensitive)."),
  z
    .object({
      type: z.literal('jobCompleted'),
      vm: vmName,
      kind: MoveKind.optional(),
      transport: TransportOption.optional().describe('Live migration performance option the memory went over.'),
      transportContains: nonEmpty.optional().describe('Text the job\'s transport contains, e.g. "SMB Direct" (case-insensitive).'),
      atLeastChannels: z.number().int().min(1).max(64).optional().describe('SMB channels (client/server interface pairs) the job used.'),
      rdma: z.boolean().optional().describe('With atLeastChannels: count only RDMA channels (true).'),
      rateAtMost: bytesPerSecond
        .optional()
        .describe("Average rate of the job's data stage (Memory transfer or Copy) is at most this (1% allowed for measurement)."),
      noteContains: nonEmpty.optional().describe('Text one of the job\'s notes contains, e.g. "SMB Multichannel lost".'),
      description,
    })
    .strict()
    .describe('A move of the VM completed, meeting every condition given.'),
  z
    .object({
      type: z.literal('jobFailed'),
      vm: vmName,
      kind: MoveKind.optional(),
      errorContains: nonEmpty.optional(),
      description,
    })
    .strict()
    .describe('A move of the VM failed (and so rolled back), optionally with this text in its error.'),
  z
    .object({
      type: z.literal('noJobFailed'),
      vm: vmName.optional(),
      description,
    })
    .strict()
    .describe('No move (of this VM, or at all) failed or was cancelled.'),
  z
    .object({
      type: z.literal('migrationTransport'),
      vm: vmName,
      option: TransportOption.optional(),
      contains: nonEmpty.optional(),
      description,
    })
    .strict()
    .refine((c) => c.option !== undefined || c.contains !== undefined, { message: 'give option or contains', path: ['option'] })
    .describe('A live migration of the VM completed over this performance option (or a transport containing this text).'),
  z
    .object({
      type: z.literal('migrationDowntimeBelow'),
      vm: vmName,
      ms: z.number().positive().max(3_600_000),
      description,
    })
    .strict()
    .describe('At least one live migration of the VM completed, and every one moved it running and paused it for less than this.'),
  z
    .object({
      type: z.literal('fastestMigration'),
      vm: vmName,
      transport: TransportOption,
      description,
    })
    .strict()
    .describe("Of the VM's completed live migrations, the fastest went over this performance option."),
  z
    .object({
      type: z.literal('hostSetting'),
      host: hostName,
      field: HostField,
      equals: z.union([z.string(), z.number(), z.boolean()]),
      description,
    })
    .strict()
    .describe('A Hyper-V host setting has this value at the end (strings compare case-insensitively).'),
  z
    .object({
      type: z.literal('bandwidthLimit'),
      host: hostName,
      category: BandwidthCategory,
      atMost: bytesPerSecond.optional(),
      atLeast: bytesPerSecond.optional(),
      description,
    })
    .strict()
    .describe('An SMB bandwidth limit is set for the category on the host (and within the bounds given).'),
  z
    .object({
      type: z.literal('teamExists'),
      host: hostName,
      team: nonEmpty.max(255),
      description,
    })
    .strict()
    .describe('The host has a NIC team of this name.'),
  z
    .object({
      type: z.literal('nicRdmaOperational'),
      host: hostName,
      nic: nonEmpty.max(255),
      description,
    })
    .strict()
    .describe("The adapter's RDMA is usable by SMB Direct: capable, enabled, not teamed, not under a virtual switch, link up."),
] as const;

export type LeafCheck = z.infer<(typeof leafSchemas)[number]>;

export type Check =
  | LeafCheck
  | { type: 'allOf'; checks: Check[]; description?: string }
  | { type: 'anyOf'; checks: Check[]; description?: string }
  | { type: 'not'; check: Check; description?: string };

const AllOf = z
  .object({
    type: z.literal('allOf'),
    get checks() {
      return z.array(Check).min(1);
    },
    description,
  })
  .strict()
  .describe('Every one of the checks passes.');
const AnyOf = z
  .object({
    type: z.literal('anyOf'),
    get checks() {
      return z.array(Check).min(1);
    },
    description,
  })
  .strict()
  .describe('At least one of the checks passes.');
const Not = z
  .object({
    type: z.literal('not'),
    get check() {
      return Check;
    },
    description,
  })
  .strict()
  .describe('The check does not pass.');

export const Check: z.ZodType<Check> = z.discriminatedUnion('type', [...leafSchemas, AllOf, AnyOf, Not]).meta({ id: 'Check' });

export const CHECK_TYPES: readonly Check['type'][] = [...leafSchemas.map((s) => s.shape.type.value), 'allOf', 'anyOf', 'not'];

// ── Cross-references against the lab's world ───────────────────────────────────────────────────

export interface RefIssue {
  /** Path below the check, e.g. vm or checks[1].host. */
  path: string;
  message: string;
}

/** Names a check uses that the lab's starting world does not have. */
export function checkReferences(check: Check, world: World): RefIssue[] {
  const out: RefIssue[] = [];
  const vmExists = (name: string) => world.vms.some((v) => v.name.toLowerCase() === name.toLowerCase());
  const known = (list: string[]) => (list.length ? ` (the lab's world has ${listText(list)})` : '');
  const needVm = (name: string | undefined, path = 'vm') => {
    if (name !== undefined && !vmExists(name))
      out.push({ path, message: `no virtual machine named "${name}" in the lab's world${known(world.vms.map((v) => v.name))}` });
  };
  const needHost = (name: string | undefined, path = 'host') => {
    if (name !== undefined && !findHost(world, name))
      out.push({ path, message: `no computer named "${name}" in the lab's world${known(world.hosts.map((h) => h.name))}` });
  };
  switch (check.type) {
    case 'allOf':
    case 'anyOf':
      check.checks.forEach((c, i) => out.push(...checkReferences(c, world).map((r) => ({ ...r, path: `checks[${i}].${r.path}` }))));
      return out;
    case 'not':
      return checkReferences(check.check, world).map((r) => ({ ...r, path: `check.${r.path}` }));
    case 'noJobFailed':
      needVm(check.vm);
      return out;
    case 'vmFilesUnder':
      needVm(check.vm);
      needHost(check.host);
      return out;
    case 'hostSetting':
    case 'bandwidthLimit':
    case 'teamExists':
      needHost(check.host);
      return out;
    case 'nicRdmaOperational': {
      needHost(check.host);
      const h = findHost(world, check.host);
      if (h && !h.nics.some((n) => n.name.toLowerCase() === check.nic.toLowerCase())) {
        out.push({
          path: 'nic',
          message: `no network adapter named "${check.nic}" on ${h.name}${h.nics.length ? ` (it has ${listText(h.nics.map((n) => n.name))})` : ''}`,
        });
      }
      return out;
    }
    case 'vmOnHost':
      needVm(check.vm);
      needHost(check.host);
      return out;
    default:
      needVm(check.vm);
      return out;
  }
}

// ── Reading jobs ────────────────────────────────────────────────────────────────────────────────

const KIND_TEXT: Record<MoveKind, string> = { StorageMove: 'storage move', LiveMigration: 'live migration' };
const OPTION_TEXT: Record<TransportOption, string> = { TCPIP: 'TCP/IP', Compression: 'Compression', SMB: 'SMB' };
const MEMORY_STAGE = 'Memory transfer';

function sameName(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

function jobsOf(e: LabEvidence, vm: string, kind?: MoveKind): Job[] {
  return e.jobs.filter((j) => sameName(j.vmName, vm) && (kind === undefined || j.kind === kind));
}

/**
 * The transport a live migration sent memory over. The job records one transport per part of the
 * move, joined as "<storage> (storage) + <memory> (memory)" for a shared-nothing move; an Off VM
 * sends no memory at all. (A structured field on the job would be better: see the lab README.)
 */
export function memoryTransport(job: Job): string | undefined {
  if (job.kind !== 'LiveMigration' || !job.transport) return undefined;
  if (!job.stages.some((s) => s.name === MEMORY_STAGE && s.status !== 'Pending' && s.status !== 'Skipped')) return undefined;
  const parts = job.transport.split(' + ');
  if (parts.length === 1) return job.transport;
  const memory = parts.find((p) => p.endsWith(' (memory)'));
  return memory?.slice(0, -' (memory)'.length);
}

/** The live migration performance option a transport text comes from. */
export function transportOption(transport: string | undefined): TransportOption | undefined {
  if (!transport) return undefined;
  if (/^SMB/i.test(transport)) return 'SMB';
  if (/^Compression/i.test(transport)) return 'Compression';
  if (/^TCP\/IP/i.test(transport)) return 'TCPIP';
  return undefined;
}

/** Average rate of the job's data stage (memory for a live migration, the copy for a storage move). */
export function dataStageRate(job: Job): number | undefined {
  const name = job.kind === 'LiveMigration' ? MEMORY_STAGE : 'Copy';
  const s = job.stages.find((x) => x.name === name);
  if (!s || s.startedAt === undefined || s.endedAt === undefined || s.endedAt <= s.startedAt || s.bytesDone <= 0) return undefined;
  return (s.bytesDone * 1000) / (s.endedAt - s.startedAt);
}

/**
 * A stage's average rate is measured between its start and end events, which include a few
 * milliseconds of hand-over around the capped transfer itself: a move held to exactly 750 MB/s
 * averages a fraction above it. 1% keeps "at most the limit" true to what the learner set.
 */
const RATE_TOLERANCE = 1.01;

function duration(job: Job): number | undefined {
  return job.startedAt !== undefined && job.endedAt !== undefined ? job.endedAt - job.startedAt : undefined;
}

/** One line per job, for "found": what the learner's moves did. */
export function jobLine(job: Job): string {
  const kind = job.kind === 'LiveMigration' ? 'live migration' : job.kind === 'StorageMove' ? 'storage move' : job.kind;
  const d = duration(job);
  const parts = [
    `job ${job.id}: ${kind} of ${job.vmName ?? '?'} ${job.source ?? ''} → ${job.destination ?? ''}`.replace(/\s+/g, ' '),
    job.state === 'Running' || job.state === 'Queued' ? `${job.state} (${Math.round(job.percent)}%)` : job.state,
  ];
  const t = job.kind === 'LiveMigration' ? (memoryTransport(job) ?? job.transport) : job.transport;
  if (t) parts.push(t);
  if (job.channels.length) parts.push(`${job.channels.length} channel${job.channels.length === 1 ? '' : 's'}`);
  const rate = job.state === 'Completed' ? dataStageRate(job) : undefined;
  if (rate !== undefined) parts.push(`${job.kind === 'LiveMigration' ? 'memory' : 'data'} at ${byteRateText(rate)}`);
  if (d !== undefined && job.state === 'Completed') parts.push(`in ${elapsedText(d)}`);
  if (job.error) parts.push(`error: ${job.error.message}`);
  return parts.join(', ');
}

function jobsFound(list: readonly Job[], what: string): string {
  return list.length ? list.map(jobLine).join('; ') : `no ${what}`;
}

// ── Reading the world and the log ───────────────────────────────────────────────────────────────

function findVm(world: World, name: string): Vm | undefined {
  return world.vms.find((v) => sameName(v.name, name));
}

/** Hyper-V-Worker entries about one VM: their messages start with the VM's name in quotes. */
function workerEntriesOf(e: LabEvidence, vm: string): LogEntry[] {
  const head = `'${vm.toLowerCase()}'`;
  return e.log.filter((l) => l.message.toLowerCase().startsWith(head));
}

/** Event 18508 is what Stop-VM writes (engine/cmdlets/vm-lifecycle.ts); the message says how it stopped. */
const POWER_OFF_EVENT = 18508;
const POWER_OFF_TEXT = /^'[^']*' was (shut down|turned off|saved)/i;

function powerOffEvents(e: LabEvidence, vm: string): LogEntry[] {
  return workerEntriesOf(e, vm).filter((l) => l.eventId === POWER_OFF_EVENT || POWER_OFF_TEXT.test(l.message) || l.eventId === EventIds.restartFailed);
}

const SMART_PAGING_PATH = /using a smart paging file \((.+?), [\d.]+ MB\)/;

function smartPagingUses(e: LabEvidence, vm: string): string[] {
  return workerEntriesOf(e, vm)
    .filter((l) => l.eventId === EventIds.smartPagingInUse)
    .map((l) => SMART_PAGING_PATH.exec(l.message)?.[1])
    .filter((p): p is string => p !== undefined);
}

/** True when `path`, seen from `fromHost`, lies under `folder` seen from `folderHost`: the same computer and folder. */
function resolvedUnder(world: World, fromHost: string, path: string, folderHost: string, folder: string): boolean {
  const a = resolvePath(world, fromHost, path);
  const b = resolvePath(world, folderHost, folder);
  if (a.ok && b.ok) return a.value.computer.toLowerCase() === b.value.computer.toLowerCase() && isUnder(a.value.localPath, b.value.localPath);
  return isUnder(path, folder);
}

const ITEM_TEXT: Record<FileItem, string> = {
  vhds: 'virtual hard disks',
  configuration: 'configuration',
  snapshots: 'checkpoints',
  smartPaging: 'smart paging file',
};

function vmItems(vm: Vm, items: readonly FileItem[]): { label: string; path: string }[] {
  const out: { label: string; path: string }[] = [];
  for (const item of items) {
    if (item === 'vhds') for (const d of vm.vhds) out.push({ label: d.path.split(/[\\/]/).pop() ?? d.path, path: d.path });
    if (item === 'configuration') out.push({ label: 'configuration', path: vm.paths.configuration });
    if (item === 'snapshots') {
      out.push({ label: 'checkpoint location', path: vm.paths.snapshots });
      for (const c of vm.checkpoints) for (const f of c.files) out.push({ label: `checkpoint '${c.name}'`, path: f.path });
    }
    if (item === 'smartPaging') {
      out.push({ label: 'smart paging file location', path: vm.paths.smartPaging });
      if (vm.smartPagingFile) out.push({ label: 'smart paging file', path: vm.smartPagingFile.path });
    }
  }
  return out;
}

// ── Sentences ───────────────────────────────────────────────────────────────────────────────────

function possessive(name: string): string {
  return `${name}'s`;
}

function itemsText(vm: string, items: readonly FileItem[] | undefined): string {
  const all = FileItem.options;
  if (!items || all.every((i) => items.includes(i))) return `All of ${possessive(vm)} files`;
  const list = items.map((i) => ITEM_TEXT[i]);
  return `${possessive(vm)} ${listText(list)}`;
}

function jobConditions(c: Extract<LeafCheck, { type: 'jobCompleted' }>): string[] {
  const out: string[] = [];
  if (c.transport) out.push(`using ${OPTION_TEXT[c.transport]}`);
  if (c.transportContains) out.push(`over a transport that includes "${c.transportContains}"`);
  if (c.atLeastChannels) out.push(`over at least ${c.atLeastChannels} ${c.rdma ? 'RDMA ' : ''}SMB channel${c.atLeastChannels === 1 ? '' : 's'}`);
  if (c.rateAtMost) out.push(`at no more than ${byteRateText(c.rateAtMost)}`);
  if (c.noteContains) out.push(`noting "${c.noteContains}"`);
  return out;
}

/** The sentence a learner reads for a check (its own description if the trainer wrote one). */
export function describeCheck(check: Check, negated = false): string {
  if (check.description && !negated) return check.description;
  const not = (yes: string, no: string) => (negated ? no : yes);
  switch (check.type) {
    case 'allOf':
      return negated ? `Not all of: ${check.checks.map((c) => describeCheck(c)).join('; ')}` : check.checks.map((c) => describeCheck(c)).join('; and ');
    case 'anyOf':
      return negated
        ? `None of: ${check.checks.map((c) => describeCheck(c)).join('; ')}`
        : `One of: ${check.checks.map((c) => describeCheck(c)).join('; or ')}`;
    case 'not':
      return negated ? describeCheck(check.check) : describeCheck(check.check, true);
    case 'vmOnHost':
      return not(`${check.vm} is on ${check.host}`, `${check.vm} is not on ${check.host}`);
    case 'vmState':
      return not(`${check.vm} is ${check.state}`, `${check.vm} is not ${check.state}`);
    case 'vmFilesUnder': {
      const where = `${check.path}${check.host ? ` on ${check.host}` : ''}`;
      return not(`${itemsText(check.vm, check.items)} are under ${where}`, `${itemsText(check.vm, check.items)} are not all under ${where}`);
    }
    case 'vmNeverOff':
      return not(`${check.vm} kept running throughout: never shut down, turned off or saved`, `${check.vm} was stopped at some point`);
    case 'smartPagingLocation': {
      const where = check.pathUnder ? `under ${check.pathUnder}` : `on volume ${check.volume!.toUpperCase()}: of its host`;
      return not(`${possessive(check.vm)} smart paging file location is ${where}`, `${possessive(check.vm)} smart paging file location is not ${where}`);
    }
    case 'smartPagingUsed':
      return not(
        `${check.vm} restarted with a smart paging file${check.pathUnder ? ` under ${check.pathUnder}` : ''}`,
        `${check.vm} never needed a smart paging file${check.pathUnder ? ` under ${check.pathUnder}` : ''}`,
      );
    case 'vmMemoryDynamic':
      return (check.enabled ?? true) !== negated ? `${check.vm} uses Dynamic Memory` : `${check.vm} uses static memory`;
    case 'processorCompatibility':
      return (check.enabled ?? true) !== negated
        ? `${check.vm} has processor compatibility for migration enabled`
        : `${check.vm} has processor compatibility for migration disabled`;
    case 'vmNotesContain':
      return not(
        `${possessive(check.vm)} notes mention ${listText(
          check.anyOf.map((w) => `"${w}"`),
          'or',
        )}`,
        `${possessive(check.vm)} notes do not mention ${listText(
          check.anyOf.map((w) => `"${w}"`),
          'or',
        )}`,
      );
    case 'jobCompleted': {
      const what = check.kind ? KIND_TEXT[check.kind] : 'move';
      const cond = jobConditions(check);
      const s = `A ${what} of ${check.vm} completed${cond.length ? `, ${listText(cond)}` : ''}`;
      return not(s, `No ${what} of ${check.vm} completed${cond.length ? ` ${listText(cond)}` : ''}`);
    }
    case 'jobFailed': {
      const what = check.kind ? KIND_TEXT[check.kind] : 'move';
      return not(
        `A ${what} of ${check.vm} failed and was rolled back${check.errorContains ? ` (its error mentions "${check.errorContains}")` : ''}`,
        `No ${what} of ${check.vm} failed${check.errorContains ? ` with "${check.errorContains}"` : ''}`,
      );
    }
    case 'noJobFailed':
      return not(`No move${check.vm ? ` of ${check.vm}` : ''} failed or was cancelled`, `A move${check.vm ? ` of ${check.vm}` : ''} failed or was cancelled`);
    case 'migrationTransport': {
      const over = [check.option ? OPTION_TEXT[check.option] : undefined, check.contains ? `a transport that includes "${check.contains}"` : undefined]
        .filter(Boolean)
        .join(', ');
      return not(`A live migration of ${check.vm} completed over ${over}`, `No live migration of ${check.vm} completed over ${over}`);
    }
    case 'migrationDowntimeBelow':
      return not(
        `Every live migration of ${check.vm} paused it for less than ${elapsedText(check.ms)}`,
        `A live migration of ${check.vm} paused it for ${elapsedText(check.ms)} or more`,
      );
    case 'fastestMigration':
      return not(
        `${possessive(check.vm)} fastest live migration went over ${OPTION_TEXT[check.transport]}`,
        `${possessive(check.vm)} fastest live migration did not go over ${OPTION_TEXT[check.transport]}`,
      );
    case 'hostSetting': {
      const label = HOST_FIELDS[check.field].label;
      return not(`${check.host}: ${label} is ${String(check.equals)}`, `${check.host}: ${label} is not ${String(check.equals)}`);
    }
    case 'bandwidthLimit': {
      const bounds = [
        check.atLeast !== undefined ? `at least ${byteRateText(check.atLeast)}` : '',
        check.atMost !== undefined ? `at most ${byteRateText(check.atMost)}` : '',
      ].filter(Boolean);
      return not(
        `${check.host} limits SMB ${check.category} traffic${bounds.length ? ` to ${listText(bounds)}` : ''}`,
        `${check.host} has no SMB ${check.category} limit${bounds.length ? ` of ${listText(bounds)}` : ''}`,
      );
    }
    case 'teamExists':
      return not(`${check.host} has a NIC team named ${check.team}`, `${check.host} has no NIC team named ${check.team}`);
    case 'nicRdmaOperational':
      return not(`RDMA is operational on ${check.host} ${check.nic}`, `RDMA is not operational on ${check.host} ${check.nic}`);
  }
}

// ── Evaluation ──────────────────────────────────────────────────────────────────────────────────

interface Verdict {
  pass: boolean;
  /** What the check wanted, phrased for its positive form. */
  expected: string;
  found: string;
}

/** Evaluates a check against the evidence. Never throws for any check the schema accepts. */
export function evaluateCheck(check: Check, e: LabEvidence): CheckOutcome {
  const v = verdict(check, e);
  return { description: describeCheck(check), ...v };
}

function verdict(check: Check, e: LabEvidence): Verdict {
  switch (check.type) {
    case 'allOf': {
      const parts = check.checks.map((c) => evaluateCheck(c, e));
      const failed = parts.filter((p) => !p.pass);
      return {
        pass: failed.length === 0,
        expected: parts.map((p) => p.expected).join('; and '),
        found: failed.length ? failed.map((p) => `${p.description}: ${p.found}`).join('; ') : parts.map((p) => p.found).join('; '),
      };
    }
    case 'anyOf': {
      const parts = check.checks.map((c) => evaluateCheck(c, e));
      const passed = parts.find((p) => p.pass);
      return {
        pass: passed !== undefined,
        expected: `one of: ${parts.map((p) => p.expected).join('; or ')}`,
        found: passed ? passed.found : parts.map((p) => `${p.description}: ${p.found}`).join('; '),
      };
    }
    case 'not': {
      const inner = verdict(check.check, e);
      return { pass: !inner.pass, expected: describeCheck(check.check, true), found: inner.found };
    }
    default:
      return leafVerdict(check, e);
  }
}

function missingVm(name: string): Verdict {
  return { pass: false, expected: `a virtual machine named ${name}`, found: `no virtual machine named ${name}` };
}

function missingHost(name: string): Verdict {
  return { pass: false, expected: `a computer named ${name}`, found: `no computer named ${name}` };
}

function leafVerdict(c: LeafCheck, e: LabEvidence): Verdict {
  const world = e.world;
  switch (c.type) {
    case 'vmOnHost': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      return { pass: sameName(vm.host, c.host), expected: `${c.vm} on ${c.host}`, found: `${vm.name} is on ${vm.host}` };
    }
    case 'vmState': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      return { pass: vm.state === c.state, expected: `${c.vm} ${c.state}`, found: `${vm.name} is ${vm.state}` };
    }
    case 'vmFilesUnder': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const folderHost = c.host ?? vm.host;
      const items = vmItems(vm, c.items ?? FileItem.options);
      const outside = items.filter((i) => !resolvedUnder(world, vm.host, i.path, folderHost, c.path));
      const expected = `${itemsText(c.vm, c.items).replace(/^All of/, 'all of')} under ${c.path}${c.host ? ` on ${c.host}` : ''}`;
      if (outside.length === 0) return { pass: true, expected, found: items.map((i) => `${i.label}: ${i.path}`).join('; ') };
      const where = c.host && !sameName(vm.host, c.host) ? ` (${c.vm} is on ${vm.host})` : '';
      return { pass: false, expected, found: `${outside.map((i) => `${i.label} is at ${i.path}`).join('; ')}${where}` };
    }
    case 'vmNeverOff': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const expected = `${c.vm} running from start to end, never stopped`;
      const initially = e.initialWorld ? findVm(e.initialWorld, c.vm) : undefined;
      if (initially && initially.state !== 'Running') return { pass: false, expected, found: `${c.vm} was ${initially.state} when the lab started` };
      const stops = powerOffEvents(e, c.vm);
      if (stops.length) return { pass: false, expected, found: stops.map((l) => `at ${elapsedText(l.at)}: ${l.message}`).join('; ') };
      if (vm.state !== 'Running') return { pass: false, expected, found: `${c.vm} is ${vm.state} now` };
      return { pass: true, expected, found: `${c.vm} is Running and was never stopped` };
    }
    case 'smartPagingLocation': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const at = vm.paths.smartPaging;
      if (c.pathUnder) {
        return {
          pass: resolvedUnder(world, vm.host, at, vm.host, c.pathUnder),
          expected: `smart paging file location under ${c.pathUnder}`,
          found: `smart paging file location is ${at}`,
        };
      }
      const r = resolvePath(world, vm.host, at);
      const letter = c.volume!.toUpperCase();
      const pass = r.ok && sameName(r.value.computer, vm.host) && r.value.volume === letter;
      return {
        pass,
        expected: `smart paging file location on ${vm.host} ${letter}:`,
        found: `smart paging file location is ${at}${r.ok && !sameName(r.value.computer, vm.host) ? ` (on ${r.value.computer})` : ''}`,
      };
    }
    case 'smartPagingUsed': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const uses = smartPagingUses(e, c.vm);
      const good = c.pathUnder ? uses.filter((p) => resolvedUnder(world, vm.host, p, vm.host, c.pathUnder!)) : uses;
      const expected = `a restart of ${c.vm} bridged by a smart paging file${c.pathUnder ? ` under ${c.pathUnder}` : ''}`;
      if (good.length) return { pass: true, expected, found: `smart paging file ${good.at(-1)!}` };
      const failures = workerEntriesOf(e, c.vm).filter((l) => l.eventId === EventIds.restartFailed);
      const found = [...uses.map((p) => `a smart paging file was used at ${p}`), ...failures.map((l) => `a restart failed: ${l.message}`)];
      return { pass: false, expected, found: found.length ? found.join('; ') : `${c.vm} did not restart with a smart paging file` };
    }
    case 'vmMemoryDynamic': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const want = c.enabled ?? true;
      return {
        pass: vm.memory.dynamic === want,
        expected: want ? 'Dynamic Memory' : 'static memory',
        found: vm.memory.dynamic ? 'Dynamic Memory' : 'static memory',
      };
    }
    case 'processorCompatibility': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const want = c.enabled ?? true;
      return {
        pass: vm.compatibilityForMigration === want,
        expected: `processor compatibility for migration ${want ? 'enabled' : 'disabled'}`,
        found: `processor compatibility for migration is ${vm.compatibilityForMigration ? 'enabled' : 'disabled'}`,
      };
    }
    case 'vmNotesContain': {
      const vm = findVm(world, c.vm);
      if (!vm) return missingVm(c.vm);
      const notes = vm.notes.toLowerCase();
      return {
        pass: c.anyOf.some((w) => notes.includes(w.toLowerCase())),
        expected: `notes mentioning ${listText(
          c.anyOf.map((w) => `"${w}"`),
          'or',
        )}`,
        found: vm.notes.trim() ? `notes: "${vm.notes.length > 200 ? `${vm.notes.slice(0, 200)}…` : vm.notes}"` : 'no notes',
      };
    }
    case 'jobCompleted': {
      const all = jobsOf(e, c.vm, c.kind);
      const match = (j: Job): boolean => {
        if (j.state !== 'Completed') return false;
        const t = j.kind === 'LiveMigration' ? memoryTransport(j) : j.transport;
        if (c.transport && transportOption(t) !== c.transport) return false;
        if (c.transportContains && !(j.transport ?? '').toLowerCase().includes(c.transportContains.toLowerCase())) return false;
        if (c.atLeastChannels && j.channels.filter((ch) => !c.rdma || ch.rdma).length < c.atLeastChannels) return false;
        if (c.rateAtMost !== undefined) {
          const r = dataStageRate(j);
          if (r === undefined || r > c.rateAtMost * RATE_TOLERANCE) return false;
        }
        if (c.noteContains && !j.notes.some((n) => n.toLowerCase().includes(c.noteContains!.toLowerCase()))) return false;
        return true;
      };
      const hit = all.find(match);
      const what = c.kind ? KIND_TEXT[c.kind] : 'move';
      const cond = jobConditions(c);
      const expected = `a completed ${what} of ${c.vm}${cond.length ? `, ${listText(cond)}` : ''}`;
      if (hit) return { pass: true, expected, found: jobLine(hit) };
      const detail = all.map((j) => {
        const extra: string[] = [];
        if (c.rateAtMost !== undefined) {
          const r = dataStageRate(j);
          if (r !== undefined) extra.push(`data moved at ${byteRateText(r)}`);
        }
        if (c.atLeastChannels) extra.push(`channels: ${j.channels.map((ch) => `${ch.client} → ${ch.server}${ch.rdma ? ' (RDMA)' : ''}`).join(', ') || 'none'}`);
        if (c.noteContains) extra.push(j.notes.length ? `notes: ${j.notes.join(' | ')}` : 'no notes');
        return `${jobLine(j)}${extra.length ? ` (${extra.join('; ')})` : ''}`;
      });
      return { pass: false, expected, found: detail.length ? detail.join('; ') : `no ${what} of ${c.vm}` };
    }
    case 'jobFailed': {
      const all = jobsOf(e, c.vm, c.kind);
      const hit = all.find((j) => j.state === 'Failed' && (!c.errorContains || (j.error?.message ?? '').toLowerCase().includes(c.errorContains.toLowerCase())));
      const what = c.kind ? KIND_TEXT[c.kind] : 'move';
      const expected = `a failed ${what} of ${c.vm}${c.errorContains ? ` whose error mentions "${c.errorContains}"` : ''}`;
      return { pass: hit !== undefined, expected, found: hit ? jobLine(hit) : jobsFound(all, `${what} of ${c.vm}`) };
    }
    case 'noJobFailed': {
      const all = c.vm ? jobsOf(e, c.vm) : [...e.jobs];
      const bad = all.filter((j) => j.state === 'Failed' || j.state === 'Cancelled');
      return {
        pass: bad.length === 0,
        expected: `no failed or cancelled move${c.vm ? ` of ${c.vm}` : ''}`,
        found: bad.length ? bad.map(jobLine).join('; ') : `${all.length} move${all.length === 1 ? '' : 's'}, none failed`,
      };
    }
    case 'migrationTransport': {
      const all = jobsOf(e, c.vm, 'LiveMigration');
      const hit = all.find((j) => {
        if (j.state !== 'Completed') return false;
        const t = memoryTransport(j);
        if (c.option && transportOption(t) !== c.option) return false;
        if (c.contains && !(t ?? j.transport ?? '').toLowerCase().includes(c.contains.toLowerCase())) return false;
        return true;
      });
      const over = [c.option ? OPTION_TEXT[c.option] : undefined, c.contains ? `a transport including "${c.contains}"` : undefined].filter(Boolean).join(', ');
      return {
        pass: hit !== undefined,
        expected: `a completed live migration of ${c.vm} over ${over}`,
        found: hit ? jobLine(hit) : jobsFound(all, `live migration of ${c.vm}`),
      };
    }
    case 'migrationDowntimeBelow': {
      const done = jobsOf(e, c.vm, 'LiveMigration').filter((j) => j.state === 'Completed');
      const expected = `every live migration of ${c.vm} with a blackout under ${elapsedText(c.ms)}`;
      if (done.length === 0) return { pass: false, expected, found: `no completed live migration of ${c.vm}` };
      // A move of an Off VM has no blackout: it was not a live move, so it does not count as one under the limit.
      const slow = done.filter((j) => j.measuredDowntimeMs === undefined || j.measuredDowntimeMs >= c.ms);
      const list = done
        .map(
          (j) =>
            `job ${j.id}: ${j.measuredDowntimeMs !== undefined ? elapsedText(j.measuredDowntimeMs) : 'no blackout: the VM was off, so it was not a live move'}`,
        )
        .join('; ');
      return { pass: slow.length === 0, expected, found: `blackouts: ${list}` };
    }
    case 'fastestMigration': {
      const done = jobsOf(e, c.vm, 'LiveMigration').filter((j) => j.state === 'Completed' && duration(j) !== undefined && memoryTransport(j) !== undefined);
      const expected = `the fastest completed live migration of ${c.vm} over ${OPTION_TEXT[c.transport]}`;
      if (done.length === 0) return { pass: false, expected, found: `no completed live migration of ${c.vm}` };
      const fastest = done.reduce((a, b) => (duration(b)! < duration(a)! ? b : a));
      const list = done.map((j) => `${memoryTransport(j)} in ${elapsedText(duration(j)!)} (job ${j.id})`).join('; ');
      const others = done.filter((j) => transportOption(memoryTransport(j)) !== c.transport);
      const pass = transportOption(memoryTransport(fastest)) === c.transport && others.length > 0;
      return { pass, expected: `${expected}, compared with at least one other transport`, found: list };
    }
    case 'hostSetting': {
      const h = findHost(world, c.host);
      if (!h) return missingHost(c.host);
      const field = HOST_FIELDS[c.field];
      const value = field.read(h);
      const pass = typeof value === 'string' && typeof c.equals === 'string' ? value.toLowerCase() === c.equals.toLowerCase() : value === c.equals;
      return { pass, expected: `${field.label}: ${String(c.equals)}`, found: `${field.label}: ${String(value)}` };
    }
    case 'bandwidthLimit': {
      const h = findHost(world, c.host);
      if (!h) return missingHost(c.host);
      const limits = h.smb.bandwidthLimits;
      const v = limits[c.category];
      const bounds = [
        c.atLeast !== undefined ? `at least ${byteRateText(c.atLeast)}` : '',
        c.atMost !== undefined ? `at most ${byteRateText(c.atMost)}` : '',
      ].filter(Boolean);
      const expected = `an SMB ${c.category} limit on ${h.name}${bounds.length ? ` of ${listText(bounds)}` : ''}`;
      const set = BandwidthCategory.options.filter((k) => limits[k] !== undefined).map((k) => `${k} ${byteRateText(limits[k]!)}`);
      const found =
        v === undefined
          ? `no ${c.category} limit on ${h.name}${set.length ? ` (limits set: ${set.join(', ')})` : ' (no limits set)'}`
          : `${c.category} limit ${byteRateText(v)}`;
      const pass = v !== undefined && (c.atMost === undefined || v <= c.atMost) && (c.atLeast === undefined || v >= c.atLeast);
      return { pass, expected, found };
    }
    case 'teamExists': {
      const h = findHost(world, c.host);
      if (!h) return missingHost(c.host);
      const t = h.teams.find((x) => sameName(x.name, c.team));
      return {
        pass: t !== undefined,
        expected: `a team ${c.team} on ${h.name}`,
        found: t
          ? `team ${t.name} with ${listText(t.members)}`
          : h.teams.length
            ? `teams on ${h.name}: ${h.teams.map((x) => x.name).join(', ')}`
            : `no NIC teams on ${h.name}`,
      };
    }
    case 'nicRdmaOperational': {
      const h = findHost(world, c.host);
      if (!h) return missingHost(c.host);
      const nic = h.nics.find((n) => sameName(n.name, c.nic));
      if (!nic) return { pass: false, expected: `adapter ${c.nic} on ${h.name}`, found: `no adapter ${c.nic} on ${h.name}` };
      const r = rdmaOperational(h, nic);
      return {
        pass: r.operational,
        expected: `RDMA operational on ${h.name} ${nic.name}`,
        found: r.operational ? `RDMA (${nic.rdma.type}) operational on ${nic.name}` : `${nic.name}: ${r.reason}`,
      };
    }
  }
}
