// `npm run dev`: live reload of the renderer. Vite answers the page's HTTP requests through the
// browser host (middleware), and runs its hot-reload socket on a port of its own. That socket
// carries no token of ours, and Vite listens on every interface unless told a host (it was
// `*:24678`, issue 18), so it is bound to loopback, on a free port rather than a fixed one.
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InlineConfig } from 'vite';

export const HMR_HOST = '127.0.0.1';

export function devServerConfig(configFile: string, hmrPort: number): InlineConfig {
  return {
    configFile,
    appType: 'spa',
    // server.ws is Vite 8's name for what server.hmr's host/port were (they still map onto it).
    server: { middlewareMode: true, ws: { host: HMR_HOST, port: hmrPort } },
  };
}

/** A port free on loopback now (Vite takes port 0 to mean its default 24678). */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, HMR_HOST, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface DevServer {
  middleware(req: IncomingMessage, res: ServerResponse, next: () => void): void;
  hmrPort: number;
  close(): Promise<void>;
}

export async function startDevServer(configFile: string): Promise<DevServer> {
  const { createServer } = await import('vite');
  const hmrPort = await freeLoopbackPort();
  const vite = await createServer(devServerConfig(configFile, hmrPort));
  return { middleware: (req, res, next) => vite.middlewares(req, res, next), hmrPort, close: () => vite.close() };
}
