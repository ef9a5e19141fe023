// Jobs and the event log: what a move leaves behind for the Jobs pane, `Get-Job` and the report.
// Field names follow libvirt's job statistics where they overlap (libvirt's job statistics (virDomainJobInfo)).
import { z } from 'zod';

export const JobState = z.enum(['Queued', 'Running', 'Completed', 'Failed', 'Cancelled']);
export type JobState = z.infer<typeof JobState>;

export const StageStatus = z.enum(['Pending', 'Running', 'Done', 'Failed', 'Skipped', 'Cancelled']);

export const JobStage = z.object({
  name: z.string(),
  status: StageStatus,
  bytesDone: z.number().nonnegative().default(0),
  bytesTotal: z.number().nonnegative().default(0),
  /** Bytes per second at the last update. */
  rate: z.number().nonnegative().default(0),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /** Time left in this stage at the current rate (bounded stages only). */
  etaMs: z.number().nonnegative().optional(),
  /** Time spent in this stage so far (or in all, once ended). */
  elapsedMs: z.number().nonnegative().optional(),
});
export type JobStage = z.infer<typeof JobStage>;

export const PrecopyPass = z.object({
  pass: z.number().int().positive(),
  bytes: z.number().nonnegative(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
});

/** A destination file a running move is writing (see Job.partialFiles). */
export const PartialFile = z.object({
  computer: z.string(),
  volume: z.string(),
  path: z.string(),
  sizeBytes: z.number().nonnegative(),
  /** Bytes on disk when last recorded (the live figure comes from the flow network). */
  bytesWritten: z.number().nonnegative().default(0),
});
export type PartialFile = z.infer<typeof PartialFile>;

export const Job = z.object({
  id: z.string(),
  cmdlet: z.string(),
  /** Canonical PowerShell text of the command that created it. */
  commandText: z.string(),
  kind: z.enum(['StorageMove', 'LiveMigration', 'SmartPaging', 'Export', 'Import', 'Other']),
  vmId: z.string().optional(),
  vmName: z.string().optional(),
  source: z.string().optional(),
  destination: z.string().optional(),
  state: JobState,
  queuePosition: z.number().int().positive().optional(),
  stages: z.array(JobStage).default([]),
  /** 0..100; can step back during live migration when dirty memory is resent. */
  percent: z.number().min(0).max(100).default(0),
  etaMs: z.number().nonnegative().optional(),
  createdAt: z.number(),
  startedAt: z.number().optional(),
  endedAt: z.number().optional(),
  precopyPasses: z.array(PrecopyPass).default([]),
  expectedDowntimeMs: z.number().nonnegative().optional(),
  measuredDowntimeMs: z.number().nonnegative().optional(),
  transport: z.string().optional(),
  channels: z.array(z.object({ client: z.string(), server: z.string(), rdma: z.boolean(), connections: z.number().int() })).default([]),
  error: z.object({ message: z.string(), id: z.number().optional() }).optional(),
  cancellable: z.boolean().default(false),
  /** Physical adapters carrying the move, as "HOST:NIC" (engine/operations). */
  nics: z.array(z.string()).default([]),
  /**
   * Destination files being written and not yet part of the world (operations/partial-files.ts):
   * they take space on their volume, and vanish when the job rolls back (also after a crash).
   */
  partialFiles: z.array(PartialFile).default([]),
  /** The instant the VM was switched to its destination; after it the move can no longer roll back. */
  committedAt: z.number().optional(),
  /** What happened along the way that the user should see (stalls, reroutes, rollbacks). */
  notes: z.array(z.string()).default([]),
});
export type Job = z.infer<typeof Job>;

export const LogEntry = z.object({
  seq: z.number().int().nonnegative(),
  at: z.number(),
  level: z.enum(['Information', 'Warning', 'Error']),
  source: z.string(),
  eventId: z.number().int().optional(),
  message: z.string(),
});
export type LogEntry = z.infer<typeof LogEntry>;
