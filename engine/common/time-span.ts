// Durations as .NET writes a TimeSpan ("c" format without its fraction of a second), which is how
// PowerShell shows Get-VM's Uptime and Hyper-V Manager its Uptime column: hh:mm:ss, and d.hh:mm:ss
// from one day on (.NET documentation, "Standard TimeSpan format strings": [-][d.]hh:mm:ss[.fffffff]).
// One writer for the console's objects, the Virtual Machines list, the status bar's simulated
// clock, the event log, the Jobs pane and checkpoint names.

const DAY_S = 86_400;

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * Milliseconds as `hh:mm:ss` or `d.hh:mm:ss`, whole seconds (rounded down). Simulated time and
 * uptimes are never negative; a negative span is written as zero rather than with .NET's minus
 * sign, and a value that is not a finite number as nothing.
 */
export function timeSpanText(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / DAY_S);
  const hms = `${two(Math.floor((total % DAY_S) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
  return days > 0 ? `${days}.${hms}` : hms;
}

/** The day of a simulated clock, counted from 1 (day 1 starts at 0 ms), and its time of day. */
export function dayAndTime(ms: number): { day: number; time: string } {
  const at = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  return { day: Math.floor(at / (DAY_S * 1000)) + 1, time: timeSpanText(at % (DAY_S * 1000)) };
}

/**
 * A simulated elapsed time as a run's report and a lab check write it: "850 ms", "4.2 ms",
 * "12.50 s", "142 s" (whole seconds from 100 s on, where hundredths are noise).
 */
export function elapsedText(ms: number): string {
  if (ms >= 100_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}
