// The engine's entry, Node only (no electron import): in a worker_threads Worker started by
// worker-thread.ts (browser host), or in an Electron utility process forked by the desktop door
// (doors/desktop/engine-process.ts), which hands it a MessagePortMain in its first message.
// Anywhere else importing it does nothing.
import { parentPort, workerData } from 'node:worker_threads';
import { serveEngine } from './engine-service';
import { fromElectronPort, fromNodePort, type ElectronMessageEvent } from './engine-protocol';

/** What Electron gives a utility process as process.parentPort. */
export interface ElectronParentPort {
  once(event: 'message', listener: (e: ElectronMessageEvent) => void): unknown;
}

/** The utility process's side: the door's first message carries the port the engine talks over. */
export function serveElectronParent(parent: ElectronParentPort): { dispose(): void } {
  let served: { dispose(): void } | undefined;
  parent.once('message', (e) => {
    const port = e.ports[0];
    if (port) served = serveEngine(fromElectronPort(port));
  });
  return { dispose: () => served?.dispose() };
}

const electronParent = (process as { parentPort?: ElectronParentPort }).parentPort;
if (parentPort && (workerData as { hvlabEngine?: unknown } | undefined)?.hvlabEngine === true) serveEngine(fromNodePort(parentPort));
else if (electronParent) serveElectronParent(electronParent);
