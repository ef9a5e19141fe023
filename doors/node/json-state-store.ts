// The world snapshot in a plain JSON file (browser host, CLI, and the desktop beside electron-store).
// A file that cannot be used is never written over: one that is not a valid state is moved aside
// as `.corrupt-`, one that cannot be read at all (permission denied, a folder in its place) as
// `.unreadable-`; if even that fails, the store refuses to save over it for this session.
import { decodeState, encodeState } from '../../engine/persistence/saved-state';
import type { StateLoad, StateStore } from '../../engine/persistence/state-store';
import type { EngineState } from '../../engine/engine';
import { quarantine, writeFileAtomic, type QuarantineReason } from './atomic-file';
import { describeFileError, errorCode, fileError } from './file-errors';
import { readUserFile, USER_FILE_LIMITS } from './user-file';

/** The file operations the store uses: the real ones, or a test's that fail on purpose (fault injection). */
export interface StateFileIo {
  /** The file's text; throws ENOENT when there is none. */
  read(path: string): string;
  /** Replaces the file atomically; throws when it cannot, leaving the old file as it was. */
  write(path: string, text: string): void;
  /** Renames the file aside and returns where it went. */
  moveAside(path: string, reason: QuarantineReason): string;
}

export const nodeStateFileIo: StateFileIo = {
  // Checked like any file a user names (a folder, a device or a 3 GB file is refused unread).
  read: (path) => readUserFile(path, { maxBytes: USER_FILE_LIMITS.world, what: 'saved world' }),
  write: writeFileAtomic,
  moveAside: (path, reason) => quarantine(path, reason),
};

export class JsonStateStore implements StateStore {
  /** Set when the file could be neither read nor moved aside: it is never saved over. */
  private keepOut?: string;

  constructor(
    readonly path: string,
    private readonly io: StateFileIo = nodeStateFileIo,
  ) {}

  load(): StateLoad {
    let text: string;
    try {
      text = this.io.read(this.path);
    } catch (err) {
      // Only "no such file" means there is nothing to lose; any other error leaves a file that may
      // hold the user's work (existsSync would also say "no file" when the folder cannot be listed).
      if (errorCode(err) === 'ENOENT') return {};
      return this.setAside('unreadable', `could not be read (${describeFileError(err)})`);
    }
    const decoded = decodeState(text);
    if (decoded.ok) return { state: decoded.state };
    return this.setAside('corrupt', `could not be used because ${decoded.reason}`);
  }

  save(state: EngineState): void {
    if (this.keepOut) throw new Error(this.keepOut);
    const text = encodeState(state);
    try {
      this.io.write(this.path, text);
    } catch (err) {
      throw fileError(this.path, err);
    }
  }

  private setAside(reason: QuarantineReason, what: string): StateLoad {
    try {
      const movedTo = this.io.moveAside(this.path, reason);
      return { notice: `The saved world ${what}. It was moved, unchanged, to ${movedTo} and the console started from the default world.` };
    } catch (err) {
      this.keepOut = `${this.path}: the saved world there could not be read or moved aside, so it is not saved over until the console is restarted`;
      return {
        notice: `The saved world at ${this.path} ${what}, and it could not be moved aside (${describeFileError(err)}). It is left as it is and will not be saved over; the console started from the default world and keeps your changes in memory only.`,
      };
    }
  }
}
