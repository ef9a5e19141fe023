// The log file in the data folder: <data>/logs/hvlab.log, rotated at MAX_BYTES to hvlab.1.log ...
// hvlab.<KEEP>.log, so it never grows without bound. Writing a log entry must never take the door
// down: a full or read-only disk loses log lines, not the console.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLogEntry, type Logger, type LogLevel } from '../common/logger';

export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_KEEP = 3;

export class FileLogger implements Logger {
  readonly path: string;
  private size: number | undefined;

  constructor(
    readonly dir: string,
    private readonly wallClock: () => Date = () => new Date(),
    private readonly maxBytes = LOG_MAX_BYTES,
  ) {
    this.path = join(dir, 'hvlab.log');
  }

  log(level: LogLevel, message: string, err?: unknown): void {
    const line = formatLogEntry(this.wallClock(), level, message, err);
    try {
      mkdirSync(this.dir, { recursive: true });
      this.size ??= Math.max(0, sizeOf(this.path));
      if (this.size > 0 && this.size + Buffer.byteLength(line) > this.maxBytes) this.rotate();
      appendFileSync(this.path, line);
      this.size += Buffer.byteLength(line);
    } catch {
      // The log is best effort (see the header): a line that cannot be written is dropped.
      this.size = undefined;
    }
  }

  private rotate(): void {
    rmSync(this.numbered(LOG_KEEP), { force: true });
    for (let n = LOG_KEEP - 1; n >= 1; n--) {
      if (sizeOf(this.numbered(n)) >= 0) renameSync(this.numbered(n), this.numbered(n + 1));
    }
    renameSync(this.path, this.numbered(1));
    this.size = 0;
  }

  private numbered(n: number): string {
    return join(this.dir, `hvlab.${n}.log`);
  }
}

/** The file's size, or -1 when there is none (0 would read as an empty file). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return -1; // no such file yet
  }
}
