// Who may talk to the browser host: only pages it served itself, on loopback, holding the token it
// printed. Host is checked against DNS rebinding, Origin against other sites' pages, and the
// token against anything else on this machine.
import { timingSafeEqual, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/**
 * The names the host answers to: loopback, plus — only for a classroom (`hvlab serve --classroom`),
 * the one mode that listens on the network — the LAN addresses and host names it was started with.
 */
export function allowedHosts(port: number, lanHosts: readonly string[] = []): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, ...lanHosts.map((h) => `${h.toLowerCase()}:${port}`)]);
}

export function isAllowedHost(hostHeader: string | undefined, port: number, lanHosts: readonly string[] = []): boolean {
  return hostHeader !== undefined && allowedHosts(port, lanHosts).has(hostHeader.toLowerCase());
}

/** Browsers always send Origin on a WebSocket; a non-browser client (CLI, tests) may omit it. */
export function isAllowedOrigin(origin: string | undefined, port: number, lanHosts: readonly string[] = []): boolean {
  if (origin === undefined) return true;
  return [...allowedHosts(port, lanHosts)].some((h) => origin.toLowerCase() === `http://${h}`);
}

export function tokenMatches(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
