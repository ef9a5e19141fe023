// The world snapshot in a plain JSON file (browser host, CLI, and the desktop beside electron-store).
import { existsSync, readFileSync } from 'node:fs';
import { decodeState, encodeState } from '../../engine/persistence/saved-state';
import type { StateLoad, StateStore } from '../../engine/persistence/state-store';
import type { EngineState } from '../../engine/engine';
import { quarantine, writeFileAtomic } from './atomic-file';

export class JsonStateStore implements StateStore {
  constructor(readonly path: string) {}

  load(): StateLoad {
    if (!existsSync(this.path)) return {};
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      return { notice: `The saved world at ${this.path} could not be read (${(err as Error).message}); starting from the default world.` };
    }
    const decoded = decodeState(text);
    if (decoded.ok) return { state: decoded.state };
    const movedTo = quarantine(this.path);
    return { notice: `The saved world could not be used because ${decoded.reason}. It was moved to ${movedTo} and the console started from the default world.` };
  }

  save(state: EngineState): void {
    writeFileAtomic(this.path, encodeState(state));
  }
}
