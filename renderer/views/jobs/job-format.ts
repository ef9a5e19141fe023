// How the Jobs pane writes rates, sizes and durations. Display only: every figure is the engine's.
import type { Job, JobStage } from '../../../engine/model/jobs';
import { bitRateText, byteRateText } from '../../../engine/common/byte-size';

/** One formatter, made once: toLocaleString builds a new one on every call (hot with 200 jobs). */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * Network moves are read in bits (Gb/s, like link speeds); disk copies in bytes per second, in the
 * binary units Set-SmbBandwidthLimit's 750MB means (engine/common/byte-size.ts), so a copy capped
 * at 750MB reads 750 MB/s here as in the Networking pane.
 */
export function rateText(bytesPerSecond: number | undefined, kind: Job['kind']): string {
  if (bytesPerSecond === undefined || !Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '';
  if (kind === 'LiveMigration') return bitRateText(bytesPerSecond);
  return byteRateText(bytesPerSecond);
}

/** Simulated durations: "850 ms", "42 s", "3 min 05 s", "1 h 02 min". */
export function durationShort(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Downtime is a matter of milliseconds. */
export function downtimeText(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  return ms < 10_000 ? `${integer.format(ms)} ms` : durationShort(ms);
}

export function runningStage(job: Job): JobStage | undefined {
  return job.stages.find((s) => s.status === 'Running');
}

/** The current pre-copy pass of a live migration (1-based), once memory transfer has started. */
export function currentPass(job: Job): number | undefined {
  if (job.kind !== 'LiveMigration' || job.precopyPasses.length === 0) return undefined;
  return job.precopyPasses.at(-1)!.pass;
}

/** "Running — Copy", "Running — Memory transfer, pass 2", "Queued (#2 in queue)", "Completed". */
export function stateText(job: Job): string {
  if (job.state === 'Queued') return job.queuePosition !== undefined ? `Queued (#${job.queuePosition} in queue)` : 'Queued';
  if (job.state !== 'Running') return job.state;
  return runningStage(job) ? `Running — ${stageText(job)}` : 'Running';
}

/** The running stage, with the pass number during memory pre-copy: "Memory transfer, pass 2". */
export function stageText(job: Job): string {
  const stage = runningStage(job);
  if (!stage) return '';
  const pass = currentPass(job);
  return `${stage.name}${pass !== undefined && /memory|pre-?copy/i.test(stage.name) ? `, pass ${pass}` : ''}`;
}

/** The rate to show for a job now: its running stage's. */
export function jobRate(job: Job): number | undefined {
  return job.state === 'Running' ? runningStage(job)?.rate : undefined;
}

/** Elapsed simulated time: to now while running, to the end once finished. */
export function elapsedMs(job: Job, now: number): number | undefined {
  if (job.startedAt === undefined) return undefined;
  const end = job.endedAt ?? (job.state === 'Running' ? now : undefined);
  return end === undefined ? undefined : Math.max(0, end - job.startedAt);
}

/** "HV01 → HV02", "HV01 → E:\VMs\DC01". */
export function routeText(job: Job): string {
  if (job.source && job.destination) return `${job.source} → ${job.destination}`;
  return job.source ?? job.destination ?? '';
}

export function jobTitle(job: Job): string {
  return `Job${job.id}`;
}

/** Channel "HV01:SMB1" → "SMB1 on HV01". */
export function endpointText(endpoint: string): string {
  const i = endpoint.indexOf(':');
  return i < 0 ? endpoint : `${endpoint.slice(i + 1)} (${endpoint.slice(0, i)})`;
}
