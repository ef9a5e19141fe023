// Settings written through to their store, kept in memory while the store cannot take them (a
// full or read-only disk): reads see the latest value either way, and the door's Autosave writes
// the pending values again until the store accepts them.
import type { SettingsStore } from '../../engine/persistence/state-store';

export class PendingSettings implements SettingsStore {
  private readonly pending = new Map<string, unknown>();

  constructor(
    private readonly store: SettingsStore,
    private readonly changed: () => void,
  ) {}

  get<T>(key: string, fallback: T): T {
    return this.pending.has(key) ? (this.pending.get(key) as T) : this.store.get(key, fallback);
  }

  set(key: string, value: unknown): void {
    this.pending.set(key, value);
    this.changed();
  }

  /** Writes every pending value to the store, oldest first; throws at the first the store refuses. */
  writePending(): void {
    for (const [key, value] of this.pending) {
      this.store.set(key, value);
      this.pending.delete(key);
    }
  }
}

export function memorySettings(): SettingsStore {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string, fallback: T) => (values.has(key) ? (values.get(key) as T) : fallback),
    set: (key, value) => void values.set(key, structuredClone(value)),
  };
}
