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
  /**
   * Fresh processes to run it in (default 1). With more, every figure is the median over them, and
   * the first figure's range is shown too: one cold run on a shared machine varies by ±10 % or more.
   */
  processes?: number;
  run(): Promise<BenchFigure> | BenchFigure;
}

/** Per-figure medians of several runs' figures, plus the first figure's min and max and the run count. */
export function medianFigures(runs: BenchFigure[]): BenchFigure {
  if (runs.length === 1) return runs[0]!;
  const out: BenchFigure = {};
  const keys = Object.keys(runs[0]!);
  for (const k of keys) {
    const values = runs.map((r) => r[k]);
    if (!values.every((v): v is number => typeof v === 'number')) {
      out[k] = values[0]!;
      continue;
    }
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    out[k] = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    if (k === keys[0]) {
      out[`${k}_min`] = sorted[0]!;
      out[`${k}_max`] = sorted[sorted.length - 1]!;
    }
  }
  out.processes = runs.length;
  return out;
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
