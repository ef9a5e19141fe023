// The port through which a door gives the engine somewhere to keep the world. The desktop keeps
// it beside electron-store's settings; the browser host and the CLI in a plain atomic file.
import type { EngineState } from '../engine';

export interface StateLoad {
  state?: EngineState;
  /** Set when a stored file could not be used (it was moved aside, or is left alone): tell the user once. */
  notice?: string;
}

export interface StateStore {
  load(): StateLoad;
  /**
   * Keeps the state, or throws an Error whose message names the file and what went wrong (a full
   * disk, a read-only folder). A failed save leaves the last good copy as it was; the door keeps
   * the state in memory, tells the user, and calls save again later (doors/common/autosave.ts).
   */
  save(state: EngineState): void;
}

/**
 * Key/value settings (window bounds, clock speed, "do not show this page again"). `set` may throw
 * like StateStore.save; the door then keeps the value in memory and writes it again later.
 */
export interface SettingsStore {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}
