// The engine's entry, Node only (no electron import): in a worker_threads Worker started by
// worker-thread.ts (browser host), or in an Electron utility process forked by the desktop door,
// which hands it a MessagePortMain in its first message. Anywhere else importing it does nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { serveEngine } from './engine-service';
import { fromNodePort, type PortLike } from './engine-protocol';

/** What Electron gives a utility process (process.parentPort; messages arrive as events). */
interface ElectronMessageEvent {
  data: unknown;
  ports: ElectronPort[];
}
interface ElectronPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: ElectronMessageEvent) => void): void;
  start(): void;
  close(): void;
}
interface ElectronParentPort {
  once(event: 'message', listener: (e: ElectronMessageEvent) => void): void;
}

/** Adapts Electron's MessagePortMain (data wrapped in an event) to the protocol's port. */
export function fromElectronPort(port: ElectronPort): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (e) => listener(e.data));
      port.start();
    },
    close: () => port.close(),
  };
}

const electronParent = (process as { parentPort?: ElectronParentPort }).parentPort;
if (parentPort && (workerData as { hvlabEngine?: unknown } | undefined)?.hvlabEngine === true) {
  serveEngine(fromNodePort(parentPort));
} else if (electronParent) {
  // The desktop sends one message carrying the MessageChannelMain port the engine talks over.
  electronParent.once('message', (e) => {
    const port = e.ports[0];
    if (port) serveEngine(fromElectronPort(port));
  });
}
