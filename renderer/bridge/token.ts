// The browser host prints http://127.0.0.1:<port>/?token=<token>. The token authorises the bridge
// socket; it is kept in sessionStorage so a reload (or the URL without the query) still works in
// this tab, and it is taken out of the address bar so it is not shared by accident.
import { TOKEN_PARAMETER } from '../../engine/common/bridge-address';

const TOKEN_KEY = 'hvlab.bridgeToken';

export function readBridgeToken(location: Location, storage: Storage | undefined, history?: History): string | undefined {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get(TOKEN_PARAMETER);
  if (fromUrl) {
    try {
      storage?.setItem(TOKEN_KEY, fromUrl);
    } catch {
      // Storage may be disabled; the token then lives only in the URL.
      return fromUrl;
    }
    if (history && storage) {
      params.delete(TOKEN_PARAMETER);
      const query = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
    return fromUrl;
  }
  try {
    return storage?.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetBridgeToken(storage: Storage | undefined): void {
  try {
    storage?.removeItem(TOKEN_KEY);
  } catch {
    // nothing to forget
  }
}
