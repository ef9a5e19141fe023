// The session's refusals and the navigation guard (the window's web preferences: electron-main.test.ts).
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { guardWebContents, hardenSession, isBlockedRequestUrl, withContentSecurityPolicy } from '../../../doors/desktop/window-security';
import { DESKTOP_CONTENT_SECURITY_POLICY } from '../../../doors/desktop/app-protocol';
import { fakeEvent, FakeWebContents, fakeSession } from './fake-electron';

describe('hardenSession', () => {
  const setup = () => {
    const s = fakeSession();
    hardenSession(s as unknown as Session);
    return s;
  };

  it('denies every permission request and check', () => {
    const s = setup();
    const cb = vi.fn();
    s.permissionRequest?.({}, 'media', cb, {});
    s.permissionRequest?.({}, 'openExternal', cb, {});
    expect(cb.mock.calls).toEqual([[false], [false]]);
    expect(s.permissionCheck?.({}, 'notifications')).toBe(false);
    expect(s.devicePermission?.({})).toBe(false);
  });

  it('replaces any Content-Security-Policy with ours, but leaves DevTools pages alone', () => {
    const s = setup();
    const cb = vi.fn();
    s.webRequest.headersReceived?.(
      { url: 'hvlab://console/index.html', responseHeaders: { 'Content-Type': ['text/html'], 'CONTENT-SECURITY-POLICY': ['default-src *'] } },
      cb,
    );
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [DESKTOP_CONTENT_SECURITY_POLICY] } });
    s.webRequest.headersReceived?.({ url: 'devtools://devtools/bundled/inspector.html' }, cb);
    expect(cb).toHaveBeenLastCalledWith({});
  });

  it('cancels network requests: the console is offline', () => {
    const s = setup();
    const answers: (boolean | undefined)[] = [];
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost/x',
      'file:///etc/passwd',
      'hvlab://console/index.html',
      'data:image/png;base64,AA==',
    ]) {
      s.webRequest.beforeRequest?.({ url }, (r) => answers.push(r.cancel));
    }
    expect(answers).toEqual([true, true, true, true, false, false]);
    expect(isBlockedRequestUrl('::::')).toBe(true);
  });

  it('withContentSecurityPolicy works without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [DESKTOP_CONTENT_SECURITY_POLICY] });
  });
});

describe('guardWebContents', () => {
  it('denies window.open, prevents navigation and off-app redirects, and refuses <webview>', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents);
    expect(contents.windowOpenHandler?.({ url: 'hvlab://console/index.html' })).toEqual({ action: 'deny' });

    const away = fakeEvent({ url: 'https://example.com', isSameDocument: false, isMainFrame: true });
    contents.emit('will-navigate', away);
    expect(away.defaultPrevented).toBe(true);
    const samePageApp = fakeEvent({ url: 'hvlab://console/other.html', isSameDocument: false, isMainFrame: true });
    contents.emit('will-navigate', samePageApp);
    expect(samePageApp.defaultPrevented).toBe(true);
    const sameDocument = fakeEvent({ url: 'hvlab://console/index.html#jobs', isSameDocument: true, isMainFrame: true });
    contents.emit('will-navigate', sameDocument);
    expect(sameDocument.defaultPrevented).toBe(false);

    const redirectAway = fakeEvent({ url: 'https://example.com' });
    contents.emit('will-redirect', redirectAway);
    expect(redirectAway.defaultPrevented).toBe(true);
    const webview = fakeEvent({});
    contents.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);
  });
});
