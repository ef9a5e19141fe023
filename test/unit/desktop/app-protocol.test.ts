// The hvlab://console protocol handler: files under the renderer folder only, with the desktop CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ENTRY_URL, DESKTOP_CONTENT_SECURITY_POLICY, createRendererProtocolHandler, isAppUrl } from '../../../doors/desktop/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../doors/web/static-files';

let dir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-protocol-'));
  mkdirSync(join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  handler = createRendererProtocolHandler(join(dir, 'renderer'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('desktop Content-Security-Policy', () => {
  it("is the browser host's policy with connect-src 'self' only", () => {
    expect(DESKTOP_CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
    expect(DESKTOP_CONTENT_SECURITY_POLICY).not.toMatch(/ws:|wss:|http:/);
    expect(DESKTOP_CONTENT_SECURITY_POLICY.replace("connect-src 'self'", 'X')).toBe(CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, 'X'));
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]) {
      expect(DESKTOP_CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(DESKTOP_CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
  });
});

describe('isAppUrl', () => {
  it('accepts the console origin only', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('hvlab://console/assets/app.js#x')).toBe(true);
    expect(isAppUrl('hvlab://other/index.html')).toBe(false);
    expect(isAppUrl('https://console/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('renderer protocol handler', () => {
  it('serves the entry page and assets with their types and the security headers', async () => {
    const page = await handler(new Request(APP_ENTRY_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>console</title>');
    const script = await handler(new Request('hvlab://console/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const root = await handler(new Request('hvlab://console/'));
    expect(await root.text()).toContain('console');
  });

  it('never reaches outside the renderer folder', async () => {
    for (const url of [
      'hvlab://console/../secret.txt',
      'hvlab://console/%2e%2e/secret.txt',
      'hvlab://console/assets/..%2f..%2fsecret.txt',
      'hvlab://console/%2e%2e%5csecret.txt',
    ]) {
      const r = await handler(new Request(url));
      expect([403, 404]).toContain(r.status);
      expect(await r.text()).not.toContain('outside');
    }
  });

  it('answers 404 for missing files and other hosts, 405 for writes, 400 for bad escapes', async () => {
    expect((await handler(new Request('hvlab://console/missing.js'))).status).toBe(404);
    expect((await handler(new Request('hvlab://console/assets'))).status).toBe(404);
    expect((await handler(new Request('hvlab://elsewhere/index.html'))).status).toBe(404);
    expect((await handler(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    expect((await handler(new Request('hvlab://console/%E0%A4%A.js'))).status).toBe(400);
  });
});
