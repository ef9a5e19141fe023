// Where the browser host's bridge answers, and how a page shows it was opened from the address the
// host printed: both ends (doors/web/web-host.ts and renderer/bridge/) read these, so a change of
// path or parameter cannot leave one side speaking to nowhere.

/** The WebSocket path of the bridge on the host's origin. */
export const BRIDGE_PATH = '/bridge';

/** The query parameter carrying the host's token, on the page's address and on the socket's. */
export const TOKEN_PARAMETER = 'token';

/** The page address the host prints: http://127.0.0.1:<port>/?token=<token>. */
export function pageUrl(port: number, token: string): string {
  return `http://127.0.0.1:${port}/?${TOKEN_PARAMETER}=${encodeURIComponent(token)}`;
}

/** The bridge socket's address for a page served from `location` (wss: when the page is https:). */
export function bridgeSocketUrl(location: { readonly protocol: string; readonly host: string }, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${BRIDGE_PATH}?${TOKEN_PARAMETER}=${encodeURIComponent(token)}`;
}
