// What a transport (the WebSocket host, the desktop's IPC bridge) needs of the engine, wherever it
// runs: an EngineHost in this thread, or an EngineClient whose engine runs in a Worker or a utility
// process (doors/worker/). Answers may come later; events come to every subscriber.
import type { EngineEvent, Response } from '../../engine/contract';

export interface EngineDoor {
  subscribe(listener: (e: EngineEvent) => void): () => void;
  respond(raw: unknown): Response | Promise<Response>;
}
