// How the page is connected to the engine. The contract's Bridge says nothing about transports; a
// door that can drop (the WebSocket) reports its state here so the console can say so plainly.
import type { Bridge } from '../../engine/contract';

export type ConnectionPhase =
  /** First attempt in progress; nothing has been shown yet. */
  | 'connecting'
  | 'connected'
  /** Was connected, lost the socket, retrying with backoff. */
  | 'reconnecting'
  /** Cannot connect at all (no token, refused, never reached): the console shows an error page. */
  | 'failed';

export type Transport = 'desktop' | 'websocket' | 'dev';

export interface ConnectionStatus {
  phase: ConnectionPhase;
  transport: Transport;
  /** Human-readable explanation for 'failed' and 'reconnecting'. */
  detail?: string;
  /** Reconnect attempts made since the socket dropped. */
  attempt?: number;
  /** Wall-clock time (Date.now()) of the next reconnect attempt. */
  nextAttemptAt?: number;
  /** For 'failed': whether trying again can help (it cannot without a token). */
  retryable?: boolean;
}

export interface ConnectionSource {
  status(): ConnectionStatus;
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
  /** Try again now (after a failure, or to skip the backoff wait). */
  retry(): void;
}

/** A Bridge plus the state of the line it runs over. */
export interface LabBridge extends Bridge {
  readonly connection: ConnectionSource;
}

/** For doors that cannot drop (the Electron preload, the dev fake). */
export function alwaysConnected(transport: Transport): ConnectionSource {
  const status: ConnectionStatus = { phase: 'connected', transport };
  return {
    status: () => status,
    onStatus: () => () => {},
    retry: () => {},
  };
}
