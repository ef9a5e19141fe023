// Stand-in for electron-store (which loads the Electron runtime): keeps values per file path in
// memory, so a second "start" of the app sees what the first one saved.
export const savedFiles = new Map<string, Map<string, unknown>>();
export const openedWith: Record<string, unknown>[] = [];

export default class FakeElectronStore {
  private readonly values: Map<string, unknown>;

  constructor(options: { name?: string; cwd?: string; defaults?: Record<string, unknown> }) {
    openedWith.push(options);
    const key = `${options.cwd ?? ''}/${options.name ?? 'config'}.json`;
    let values = savedFiles.get(key);
    if (!values) {
      values = new Map(Object.entries(options.defaults ?? {}));
      savedFiles.set(key, values);
    }
    this.values = values;
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  get(key: string): unknown {
    return structuredClone(this.values.get(key));
  }

  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value));
  }
}

export function resetFakeElectronStore(): void {
  savedFiles.clear();
  openedWith.length = 0;
}
