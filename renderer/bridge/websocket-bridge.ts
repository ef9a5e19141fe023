// The Bridge over the browser host's WebSocket (docs/design.md, "One engine, three doors").
// Protocol (engine/contract.ts): the page sends Request messages with a numeric id; the host answers
// each with {kind:'result', id, result} and pushes {kind:'event', event} to every page. Numbering,
// matching answers and validating them is the shared bridge's (engine/common/bridge.ts); this file
// keeps the socket: if it drops, pending requests fail with a clear message and the bridge
// reconnects with exponential backoff; the first connection failing, or a missing token, is
// reported as 'failed'.
import type {
  ClockControl,
  ClockState,
  Command,
  CommandOutput,
  EngineEvent,
  LabAction,
  LabResult,
  Query,
  QueryResult,
  Request,
  Result,
  RunOutcome,
  RunResume,
  ScenarioAction,
  ScenarioResult,
} from '../../engine/contract';
import { createBridge, type TransportBridge } from '../../engine/common/bridge';
import type { ConnectionSource, ConnectionStatus, LabBridge } from './connection';

export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: Event) => void) | null;
  onclose: ((ev: CloseEvent) => void) | null;
  onerror: ((ev: Event) => void) | null;
  onmessage: ((ev: MessageEvent) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export interface WebSocketBridgeOptions {
  /** ws://host/bridge?token=… ; undefined when the page has no token. */
  url: string | undefined;
  createSocket?: (url: string) => SocketLike;
  /** Backoff schedule: first delay, factor, cap (ms). */
  backoff?: { initialMs: number; factor: number; maxMs: number };
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => number;
}

const OPEN = 1;
/** Close codes a host may use to say "this page is not allowed" (policy violation, app-defined 4401/4403). */
const REFUSAL_CODES = new Set([1008, 4401, 4403]);

export const NO_TOKEN_DETAIL =
  'This page was opened without the access token of the Hyper-V Mobility Lab host. ' +
  'Open the address the host printed when it started (it looks like http://127.0.0.1:4800/?token=…).';

export const UNREACHABLE_DETAIL =
  'The Hyper-V Mobility Lab host did not accept the connection. Either it is no longer running, or it was ' +
  'restarted and now expects a new token. Start it again if needed and open the address it printed ' +
  '(http://127.0.0.1:<port>/?token=…).';

export class WebSocketBridge implements LabBridge {
  readonly connection: ConnectionSource;
  private socket: SocketLike | undefined;
  private readonly link: TransportBridge = createBridge((request) => this.send(request));
  private readonly statusListeners = new Set<(status: ConnectionStatus) => void>();
  private current: ConnectionStatus;
  private everConnected = false;
  private attempt = 0;
  private retryTimer: unknown;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly backoff: { initialMs: number; factor: number; maxMs: number };
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly now: () => number;

  constructor(private readonly options: WebSocketBridgeOptions) {
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url));
    this.backoff = options.backoff ?? { initialMs: 500, factor: 2, maxMs: 10_000 };
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.now = options.now ?? (() => Date.now());
    this.current = options.url
      ? { phase: 'connecting', transport: 'websocket' }
      : { phase: 'failed', transport: 'websocket', detail: NO_TOKEN_DETAIL, retryable: false };
    this.connection = {
      status: () => this.current,
      onStatus: (listener) => {
        this.statusListeners.add(listener);
        return () => this.statusListeners.delete(listener);
      },
      retry: () => this.retryNow(),
    };
    if (options.url) this.open();
  }

  invoke(command: Command): Promise<Result<CommandOutput>> {
    return this.link.invoke(command);
  }

  query<Q extends Query>(query: Q): Promise<Result<QueryResult<Q>>> {
    return this.link.query(query);
  }

  clock(control: ClockControl): Promise<Result<ClockState>> {
    return this.link.clock(control);
  }

  run(text: string, resume?: RunResume): Promise<Result<RunOutcome>> {
    return this.link.run(text, resume);
  }

  lab<A extends LabAction>(action: A): Promise<Result<LabResult<A>>> {
    return this.link.lab(action);
  }

  scenario<A extends ScenarioAction>(action: A): Promise<Result<ScenarioResult<A>>> {
    return this.link.scenario(action);
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    return this.link.subscribe(listener);
  }

  /** Closes for good (page unload, tests). */
  dispose(): void {
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    this.retryTimer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onclose = null;
      socket.close(1000, 'page closed');
    }
    this.link.failPending('The console was closed before the engine answered.');
  }

  /** Sends one request; the shared bridge turns a throw into that request's failure. */
  private send(request: Request): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) {
      throw new Error('The console is not connected to the engine, so nothing was sent. Wait for the connection to come back and try again.');
    }
    try {
      socket.send(JSON.stringify(request));
    } catch (err) {
      throw new Error(`The request could not be sent to the engine: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  private open(): void {
    const url = this.options.url;
    if (!url) return;
    let socket: SocketLike;
    try {
      socket = this.createSocket(url);
    } catch (err) {
      this.onDrop(undefined, err instanceof Error ? err.message : String(err));
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.everConnected = true;
      this.attempt = 0;
      this.setStatus({ phase: 'connected', transport: 'websocket' });
    };
    socket.onmessage = (ev) => {
      if (this.socket === socket) this.onMessage(ev.data);
    };
    socket.onerror = () => {
      // Always followed by onclose; the browser tells nothing more (by design) about why.
    };
    socket.onclose = (ev) => {
      if (this.socket !== socket) return;
      this.socket = undefined;
      this.onDrop(ev.code, ev.reason);
    };
  }

  private onDrop(code: number | undefined, reason: string | undefined): void {
    this.link.failPending(
      'The connection to the engine was lost before it answered. The command may or may not have run; check the list once the console has reconnected.',
    );
    if (code !== undefined && REFUSAL_CODES.has(code)) {
      this.setStatus({
        phase: 'failed',
        transport: 'websocket',
        detail: `The Hyper-V Mobility Lab host refused this page${reason ? ` (${reason})` : ''}. Open the address it printed when it started.`,
        retryable: true,
      });
      return;
    }
    if (!this.everConnected) {
      this.setStatus({ phase: 'failed', transport: 'websocket', detail: UNREACHABLE_DETAIL, retryable: true });
      return;
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * this.backoff.factor ** this.attempt);
    this.attempt += 1;
    this.setStatus({
      phase: 'reconnecting',
      transport: 'websocket',
      attempt: this.attempt,
      nextAttemptAt: this.now() + delay,
      detail: 'Disconnected from the engine — reconnecting…',
    });
    this.retryTimer = this.setTimer(() => {
      this.retryTimer = undefined;
      this.open();
    }, delay);
  }

  private retryNow(): void {
    if (!this.options.url || this.current.phase === 'connected') return;
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    this.retryTimer = undefined;
    if (this.socket) return; // an attempt is already under way
    if (this.current.phase === 'failed') this.setStatus({ phase: 'connecting', transport: 'websocket' });
    this.open();
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return; // not part of the contract; ignore rather than break the page
    }
    this.link.receive(message);
  }

  private setStatus(status: ConnectionStatus): void {
    this.current = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}
