// A test's client of the browser host's WebSocket: the contract's Bridge built by the same
// createBridge the console page uses (engine/common/bridge.ts), over the `ws` package. Tests that
// send deliberately malformed requests (test/integration/bridge-input.test.ts) keep a raw socket.
import WebSocket from 'ws';
import { createBridge, type TransportBridge } from '../../engine/common/bridge';
import type { WebHostProcess } from './web-host-process';

export interface SocketBridge {
  bridge: TransportBridge;
  ws: WebSocket;
}

/** Opens the host's bridge socket with its token; resolves once it is open. */
export async function connectSocketBridge(host: Pick<WebHostProcess, 'port' | 'token'>): Promise<SocketBridge> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${host.token}`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const bridge = createBridge((request) => {
    if (ws.readyState !== WebSocket.OPEN) throw new Error('The test socket is closed.');
    ws.send(JSON.stringify(request));
  });
  ws.on('message', (data) => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return; // not part of the contract
    }
    bridge.receive(message);
  });
  ws.on('close', () => bridge.failPending('The browser host closed the test socket before it answered.'));
  return { bridge, ws };
}
