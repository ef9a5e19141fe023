// What a pane remembers between sessions in the page's storage (its layout, what was open, the
// learner's name): read once at start, written a quarter of a second after a change. Storage may be
// full or disabled (a private window, a policy) and what is stored may come from another build or
// be edited by hand; then nothing is remembered and the pane starts with its defaults, which is
// why both sides catch and drop the error: it is never worth interrupting the user for.
import { reaction } from 'mobx';

/** The object stored under `key`, or {} when there is none, it is not JSON, or storage is unavailable. */
export function readRemembered<T extends object>(storage: Pick<Storage, 'getItem'> | undefined, key: string): Partial<T> {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return {};
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // Disabled storage throws on access; a hand-edited value throws in JSON.parse: start from defaults.
    return {};
  }
}

/**
 * Writes `snapshot()` under `key` 250 ms after it changes; a failed write is dropped (see above).
 * A reload or a closed tab inside those 250 ms would lose the last change, so whatever is pending
 * is written as the page goes (pagehide, which fires on reload, close and navigation).
 */
export function rememberWith(storage: Pick<Storage, 'setItem'> | undefined, key: string, snapshot: () => object): () => void {
  let written: string | undefined;
  const write = (json: string) => {
    if (json === written) return;
    try {
      storage?.setItem(key, json);
      written = json;
    } catch {
      // Storage full or disabled: this session's layout just won't be remembered.
    }
  };
  const stop = reaction(() => JSON.stringify(snapshot()), write, { delay: 250 });
  const page = typeof window === 'undefined' ? undefined : window;
  const flush = () => write(JSON.stringify(snapshot()));
  page?.addEventListener('pagehide', flush);
  return () => {
    page?.removeEventListener('pagehide', flush);
    stop();
  };
}
