// Jobs and the event log: what a move leaves behind for the Jobs pane, `Get-Job` and the report.
// Field names follow libvirt's job statistics where they overlap (reference: migration-models §3).
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
});
export type JobStage = z.infer<typeof JobStage>;

export const PrecopyPass = z.object({
  pass: z.number().int().positive(),
  bytes: z.number().nonnegative(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
});

export const Job = z.object({
  id: z.string(),
  cmdlet: z.string(),
  /** Canonical PowerShell text of the command that created it. */
  commandText: z.string(),
  kind: z.enum(['StorageMove', 'LiveMigration', 'SmartPaging', 'Other']),
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
