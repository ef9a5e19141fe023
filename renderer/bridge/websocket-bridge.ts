// The Bridge over the browser host's WebSocket (docs/design.md, "One engine, three doors").
// Protocol (engine/contract.ts): the page sends Request messages with a numeric id; the host answers
// each with {kind:'result', id, result} and pushes {kind:'event', event} to every page.
// If the socket drops, pending requests fail with a clear message and the bridge reconnects with
// exponential backoff; the first connection failing, or a missing token, is reported as 'failed'.
import type {
  ClockControl, ClockState, Command, CommandOutput, ContractError, EngineEvent, LabAction, LabResult, Query, QueryResult, Request, RequestBody, Result,
  RunOutcome, ScenarioAction, ScenarioResult,
} from '../../engine/contract';
import type { ConnectionSource, ConnectionStatus, LabBridge } from './connection';


interface Pending {
  resolve(result: Result<unknown>): void;
}

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
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: EngineEvent) => void>();
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
    return this.request({ kind: 'invoke', command }) as Promise<Result<CommandOutput>>;
  }

  query<Q extends Query>(query: Q): Promise<Result<QueryResult<Q>>> {
    return this.request({ kind: 'query', query }) as Promise<Result<QueryResult<Q>>>;
  }

  clock(control: ClockControl): Promise<Result<ClockState>> {
    return this.request({ kind: 'clock', control }) as Promise<Result<ClockState>>;
  }

  run(text: string): Promise<Result<RunOutcome>> {
    return this.request({ kind: 'run', text }) as Promise<Result<RunOutcome>>;
  }

  lab<A extends LabAction>(action: A): Promise<Result<LabResult<A>>> {
    return this.request({ kind: 'lab', action }) as Promise<Result<LabResult<A>>>;
  }

  scenario<A extends ScenarioAction>(action: A): Promise<Result<ScenarioResult<A>>> {
    return this.request({ kind: 'scenario', action }) as Promise<Result<ScenarioResult<A>>>;
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    this.failPending('The console was closed before the engine answered.');
  }

  private request(body: RequestBody): Promise<Result<unknown>> {
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) {
      return Promise.resolve(failure('The console is not connected to the engine, so nothing was sent. Wait for the connection to come back and try again.'));
    }
    const id = this.nextId++;
    const message = { ...body, id } as Request;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve });
      try {
        socket.send(JSON.stringify(message));
      } catch (err) {
        this.pending.delete(id);
        resolve(failure(`The request could not be sent to the engine: ${(err as Error).message}`));
      }
    });
  }

  private open(): void {
    const url = this.options.url;
    if (!url) return;
    let socket: SocketLike;
    try {
      socket = this.createSocket(url);
    } catch (err) {
      this.onDrop(undefined, (err as Error).message);
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
    this.failPending('The connection to the engine was lost before it answered. The command may or may not have run; check the list once the console has reconnected.');
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
    let msg: unknown;
    try {
      msg = JSON.parse(data);
    } catch {
      return; // not part of the contract; ignore rather than break the page
    }
    if (!isObject(msg)) return;
    if (msg.kind === 'result' && typeof msg.id === 'number' && isObject(msg.result)) {
      const waiting = this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id);
      waiting.resolve(msg.result as Result<unknown>);
    } else if (msg.kind === 'event' && isObject(msg.event) && typeof msg.event.type === 'string') {
      const event = msg.event as EngineEvent;
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (err) {
          console.error('An engine event listener failed', err);
        }
      }
    }
  }

  private failPending(message: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const p of waiting) p.resolve(failure(message));
  }

  private setStatus(status: ConnectionStatus): void {
    this.current = status;
    for (const listener of [...this.statusListeners]) listener(status);
  }
}

function failure(message: string): { ok: false; error: ContractError } {
  return { ok: false, error: { code: 'Internal', message } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
