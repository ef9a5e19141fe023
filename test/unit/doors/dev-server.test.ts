// `npm run dev`'s hot-reload socket carries no token, so it must listen on loopback only (issue 18:
// it listened on *:24678). Checked in the configuration and on the real listening socket: before,
// Vite's socket showed up in /proc/net/tcp6 as `::` (every interface) on port 24678.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { devServerConfig, HMR_HOST, startDevServer } from '../../../doors/web/dev-server';
import { ROOT } from '../../support/web-host-process';

/** Local addresses (hex, as the kernel prints them) of the sockets listening on `port`. */
function listeningAddresses(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [address, p] = (cols[1] ?? '').split(':');
      if (p === hexPort && cols[3] === '0A') out.push(address!);
    }
  }
  return out;
}

describe('dev server hot reload', () => {
  it('is configured on 127.0.0.1 and a free port', () => {
    const config = devServerConfig('vite.config.ts', 40123);
    expect(HMR_HOST).toBe('127.0.0.1');
    expect(config.server).toMatchObject({ middlewareMode: true, ws: { host: '127.0.0.1', port: 40123 } });
  });

  it.runIf(process.platform === 'linux')(
    'listens on loopback only',
    async () => {
      const dev = await startDevServer(join(ROOT, 'vite.config.ts'));
      try {
        await new Promise((resolve) => setTimeout(resolve, 200));
        const addresses = listeningAddresses(dev.hmrPort);
        expect(addresses.length).toBeGreaterThan(0);
        // 0100007F is 127.0.0.1 in /proc/net/tcp's byte order; no 00000000 (every IPv4 interface) or :: .
        expect(addresses.every((a) => a === '0100007F')).toBe(true);
      } finally {
        await dev.close();
      }
    },
    60_000,
  );
});
