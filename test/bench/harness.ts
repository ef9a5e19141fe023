import { readFileSync } from 'node:fs';

// Benchmarks report figures, never pass or fail on time (README: speed targets are measured here).
export interface BenchFigure {
  /** e.g. "wall_ms", "events_per_s", "peak_rss_mb" */
  [metric: string]: number | string;
}

export interface Bench {
  /** Stable identifier, e.g. "flows.64x1000". */
  name: string;
  /** Human description, with the target when there is one. */
  description: string;
  target?: string;
  run(): Promise<BenchFigure> | BenchFigure;
}

/** Peak resident memory of this process so far, in MiB (Linux: VmHWM), else current RSS. */
export function peakRssMiB(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    if (m) return Math.round(Number(m[1]) / 1024);
  } catch {
    /* not Linux */
  }
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}

export function heapUsedMiB(): number {
  return Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
}
