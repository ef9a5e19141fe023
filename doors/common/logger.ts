// The doors' log (issue 16, "Failures are seen"): what went wrong and where, for whoever looks after
// the console, beside the notices the user sees. Levels as usual; an error carries its stack.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, err?: unknown): void;
}

/** Logs nothing (tests, and doors given no log). */
export const silentLogger: Logger = { log: () => undefined };

/** One line per entry: time, level, message, then the error's stack (or message) indented. */
export function formatLogEntry(at: Date, level: LogLevel, message: string, err?: unknown): string {
  const detail = err === undefined ? '' : `\n  ${(err instanceof Error ? (err.stack ?? err.message) : String(err)).replace(/\n/g, '\n  ')}`;
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${detail}\n`;
}
