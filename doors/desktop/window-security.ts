// The desktop session's and pages' guards (Electron's security checklist): no new windows, no
// navigation away, no permissions, no network; the Content-Security-Policy on every response. The
// windows' webPreferences are written out at each `new BrowserWindow` in electron.main.ts, where
// static checkers look for them. Electron objects come in as parameters so tests can pass fakes.
import type { Session, WebContents } from 'electron';
import { DESKTOP_CONTENT_SECURITY_POLICY, isAppUrl } from './app-protocol';

type SessionLike = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'> & {
  webRequest: Pick<Session['webRequest'], 'onHeadersReceived' | 'onBeforeRequest'>;
};

/** Schemes the offline console never fetches from; a request for one is cancelled. */
const BLOCKED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);
/** Chromium's own pages (DevTools) keep their own policy. */
const BROWSER_INTERNAL = /^(devtools|chrome|chrome-extension):/i;

export function isBlockedRequestUrl(url: string): boolean {
  try {
    return BLOCKED_SCHEMES.has(new URL(url).protocol);
  } catch {
    // An address that does not parse is not loaded: blocking is the safe answer.
    return true;
  }
}

/** Response headers with our Content-Security-Policy replacing any other (case-insensitively). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, csp = DESKTOP_CONTENT_SECURITY_POLICY): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [csp];
  return out;
}

/** Denies every permission, cancels network requests, and adds the CSP to every response. */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequestUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => {
    if (BROWSER_INTERNAL.test(details.url)) callback({});
    else callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

type WebContentsLike = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

/** No pop-ups, no navigation away from the loaded document, no <webview>. */
export function guardWebContents(contents: WebContentsLike): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!event.isSameDocument) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
