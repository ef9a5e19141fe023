// The console's own origin in the desktop window: `hvlab://console/`, served from dist/renderer by
// a protocol handler instead of file:// (no file-protocol privileges, a real origin for 'self' in the
// Content-Security-Policy, and nothing outside the renderer folder is reachable).
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/static-files';

export const APP_SCHEME = 'hvlab';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered before `app` is ready. `standard` gives the scheme a real origin and relative URL
 * resolution, `secure` makes it a secure context, `corsEnabled` + `supportFetchAPI` let Chromium load
 * the bundle's `<script type="module" crossorigin>` from it. No `bypassCSP`.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/**
 * The browser host's policy with the bridge's WebSocket removed: the desktop page talks to the engine
 * through the preload only, so it may connect to its own origin and nowhere else.
 */
export const DESKTOP_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(/connect-src [^;]*/, "connect-src 'self'");

/** True for URLs of the console itself (any path on hvlab://console). */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    // Not a parsable URL, so not one of the app's own pages.
    return false;
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export function securityHeaders(csp: string = DESKTOP_CONTENT_SECURITY_POLICY): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders() } });
}

/** The `protocol.handle(APP_SCHEME, …)` handler: files under `rendererDir` only, with the policy. */
export function createRendererProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const base = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad URL');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return plain(400, 'Bad path');
    }
    if (rel.includes('\0')) return plain(400, 'Bad path');
    if (rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(base, rel));
    if (file !== base && !file.startsWith(base + sep)) return plain(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return plain(404, 'Not found');
      const body = request.method === 'HEAD' ? null : await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Cache-Control': 'no-cache',
          ...securityHeaders(),
        },
      });
    } catch {
      return plain(404, 'Not found');
    }
  };
}
