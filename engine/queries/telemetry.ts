// Recent throughput and CPU per computer for the live charts. Rates only change at flow events, so
// a sample whenever the door's clock ticks (4 per wall second) draws the curve faithfully; only
// computers someone looked at recently are sampled, so a 1,000-host world costs nothing extra.
import type { TelemetrySample } from '../contract';
import type { NetworkSource } from './network-view';
import { networkView } from './network-view';

/** Samples kept per computer: at 4 per second that is 5 minutes of 1× time. */
export const TELEMETRY_SAMPLES = 1200;
/** At most this many computers are watched at once (the ones asked about most recently). */
export const TELEMETRY_WATCHED = 8;

export class Telemetry {
  private readonly series = new Map<string, TelemetrySample[]>();

  constructor(private readonly source: () => NetworkSource) {}

  /** Starts (or keeps) sampling a computer and returns its samples since a simulated time. */
  read(host: string, sinceMs = 0): TelemetrySample[] {
    const key = host.toLowerCase();
    let s = this.series.get(key);
    if (!s) {
      s = [];
      if (this.series.size >= TELEMETRY_WATCHED) this.series.delete(this.series.keys().next().value!);
    } else {
      this.series.delete(key);
    }
    this.series.set(key, s);
    return s.filter((x) => x.at >= sinceMs);
  }

  sample(now: number): void {
    for (const [key, samples] of this.series) {
      const view = networkView(this.source(), key);
      if (!view.ok) continue;
      if (samples.at(-1)?.at === now) samples.pop();
      samples.push({
        at: now,
        cpuPercent: view.value.cpu.vmDemandPercent + view.value.cpu.transferPercent,
        adapters: Object.fromEntries(view.value.adapters.map((a) => [a.name, { tx: a.txBytesPerSec, rx: a.rxBytesPerSec }])),
      });
      if (samples.length > TELEMETRY_SAMPLES) samples.splice(0, samples.length - TELEMETRY_SAMPLES);
    }
  }
}
