// The engine's entry (doors/worker/engine-service.ts) served in this thread over a real node
// MessageChannel: a stand-in for the Worker or utility process whose ending the test controls
// (crash(): the thread "dies" with an exit code). Spies on engine classes still see the calls.
import { MessageChannel } from 'node:worker_threads';
import type { EngineThread } from '../../doors/worker/engine-client';
import { fromNodePort, type PortLike } from '../../doors/worker/engine-protocol';
import { serveEngine } from '../../doors/worker/engine-service';

export interface InProcessEngine extends EngineThread {
  /** Ends the stand-in thread as a crash would (its engine is disposed here, which saves; a real crash does not). */
  crash(code?: number, why?: string): void;
  /** The engine's end of the channel (a test can post what a broken engine would). */
  readonly enginePort: PortLike;
}

export function inProcessEngine(): InProcessEngine {
  const { port1, port2 } = new MessageChannel();
  const enginePort = fromNodePort(port2);
  const served = serveEngine(enginePort);
  const exitListeners: ((code: number | null, why?: string) => void)[] = [];
  let ended = false;
  const end = (code: number | null, why?: string) => {
    if (ended) return;
    ended = true;
    served.dispose();
    port1.close();
    port2.close();
    // A thread's 'exit' comes after its last messages.
    setImmediate(() => {
      for (const l of exitListeners.splice(0)) l(code, why);
    });
  };
  return {
    port: fromNodePort(port1),
    enginePort,
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => end(1),
    crash: (code = 1, why) => end(code, why),
  };
}
