// The port through which a door gives the engine somewhere to keep the world. The desktop keeps
// it beside electron-store's settings; the browser host and the CLI in a plain atomic file.
import type { EngineState } from '../engine';

export interface StateLoad {
  state?: EngineState;
  /** Set when a stored file could not be used and was moved aside: tell the user once. */
  notice?: string;
}

export interface StateStore {
  load(): StateLoad;
  save(state: EngineState): void;
}

/** Key/value settings (window bounds, clock speed, "do not show this page again"). */
export interface SettingsStore {
  get<T>(key: string, fallback: T): T;
  set(key: string, value: unknown): void;
}
