// The one implementation of the contract's Bridge over any transport (docs/design.md, "One typed
// bridge"). The browser's WebSocket (renderer/bridge/websocket-bridge.ts), the desktop preload
// (preload/desktop-bridge.ts) and the tests' clients all build their Bridge here from a `send`
// function; what differs between them is only how a message travels.
//
// It numbers requests, matches answers to them by id (in any order), validates each answer's
// envelope (bridge-envelope.ts, zod) and fails the request with a clear message when the answer is
// malformed, the request could not be sent, or the transport dropped. Events go to every listener.
//
// Types: each method's answer type is the contract's request→response map (engine/contract.ts:
// Bridge, QueryResults, LabResults, ScenarioResults). JSON carries no types, so the one place a
// value takes its request's type is `ask` below, after its envelope is validated; the engine's side
// is typed by the same map. No method casts.
import type { Bridge, ClockControl, Command, EngineEvent, LabAction, Query, Request, RequestBody, Result, RunResume, ScenarioAction } from '../contract';
import { EventEnvelope, Response, type ContractError } from './bridge-envelope';

/**
 * Hands one numbered request to the transport. A request/response transport (Electron's
 * ipcRenderer.invoke) returns the answer; a message transport (a WebSocket) returns nothing and
 * later passes the answer to `receive`. Throwing (or rejecting) means the request was not answered:
 * the error's message becomes the request's failure, so word it for the user.
 */
export type BridgeSend = (request: Request) => Promise<unknown> | void;

export interface BridgeOptions {
  /** Called when the first event listener subscribes (the desktop door holds notices until then). */
  onFirstListener?: () => void;
}

/** The contract's Bridge plus what its transport drives. */
export interface TransportBridge extends Required<Bridge> {
  /** A message from the transport: an answer `{kind: 'result', id, result}` or an event `{kind: 'event', event}`. Anything else is ignored. */
  receive(message: unknown): void;
  /** Fails every request still waiting for its answer (the transport dropped or closed). */
  failPending(message: string): void;
  /** Requests sent and not yet answered. */
  readonly pendingCount: number;
}

/**
 * The one place a value takes its request's type (see the note at the top). `settle` and `hear` are
 * declared as methods, whose parameters TypeScript checks bivariantly: a request waiting for a
 * Result<CommandOutput> is kept in the table of requests waiting for any Result, and a listener of
 * EngineEvent hears an event whose kind was validated. Nothing else in the bridges narrows a value.
 */
interface Waiting {
  settle(result: Result<unknown>): void;
}
interface Listener {
  hear(event: ValidatedEvent): void;
}
type ValidatedEvent = EventEnvelope['event'];

export function bridgeFailure(message: string): { ok: false; error: ContractError } {
  return { ok: false, error: { code: 'Internal', message } };
}

const UNREADABLE = 'The engine answered with something the console cannot read';

export function createBridge(send: BridgeSend, options: BridgeOptions = {}): TransportBridge {
  let nextId = 1;
  const pending = new Map<number, Waiting>();
  const listeners = new Set<Listener>();
  let announced = false;

  function settle(id: number, result: Result<unknown>): void {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    waiting.settle(result);
  }

  /** Validates an answer's envelope; a malformed one fails the request it names, if any. */
  function answer(message: unknown, expectedId?: number): void {
    const parsed = Response.safeParse(message);
    if (parsed.success) {
      if (expectedId === undefined || parsed.data.id === expectedId) settle(parsed.data.id, parsed.data.result);
      else settle(expectedId, bridgeFailure(`${UNREADABLE}: it answered request ${parsed.data.id} instead of ${expectedId}.`));
      return;
    }
    const id = expectedId ?? idOf(message);
    if (id === undefined) return;
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
    settle(id, bridgeFailure(`${UNREADABLE} (${where}${issue?.message ?? 'malformed'}).`));
  }

  function event(message: unknown): void {
    const parsed = EventEnvelope.safeParse(message);
    if (!parsed.success) return; // not an event of this contract: ignored rather than break the page
    for (const listener of [...listeners]) {
      try {
        listener.hear(parsed.data.event);
      } catch (err) {
        console.error('An engine event listener failed', err);
      }
    }
  }

  function ask<T>(body: RequestBody): Promise<Result<T>> {
    const request: Request = { ...body, id: nextId++ };
    return new Promise<Result<T>>((resolve) => {
      const waiting: { settle(result: Result<T>): void } = { settle: resolve };
      pending.set(request.id, waiting);
      let sent: Promise<unknown> | void;
      try {
        sent = send(request);
      } catch (err) {
        settle(request.id, bridgeFailure(errorMessage(err)));
        return;
      }
      if (sent)
        sent.then(
          (reply) => answer(reply, request.id),
          (err: unknown) => settle(request.id, bridgeFailure(errorMessage(err))),
        );
    });
  }

  return {
    invoke: (command: Command) => ask({ kind: 'invoke', command }),
    query: <Q extends Query>(query: Q) => ask({ kind: 'query', query }),
    clock: (control: ClockControl) => ask({ kind: 'clock', control }),
    run: (text: string, resume?: RunResume) => ask(resume ? { kind: 'run', text, resume } : { kind: 'run', text }),
    lab: <A extends LabAction>(action: A) => ask({ kind: 'lab', action }),
    scenario: <A extends ScenarioAction>(action: A) => ask({ kind: 'scenario', action }),
    subscribe(listener: (event: EngineEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
      const entry: Listener = { hear: listener };
      listeners.add(entry);
      if (!announced) {
        announced = true;
        options.onFirstListener?.();
      }
      return () => {
        listeners.delete(entry);
      };
    },
    receive(message: unknown): void {
      const kind = typeof message === 'object' && message !== null && 'kind' in message ? message.kind : undefined;
      if (kind === 'result') answer(message);
      else if (kind === 'event') event(message);
    },
    failPending(message: string): void {
      const waiting = [...pending.values()];
      pending.clear();
      for (const w of waiting) w.settle(bridgeFailure(message));
    },
    get pendingCount() {
      return pending.size;
    },
  };
}

function idOf(message: unknown): number | undefined {
  if (typeof message !== 'object' || message === null || !('id' in message)) return undefined;
  const id = message.id;
  return typeof id === 'number' && Number.isInteger(id) && id >= 0 ? id : undefined;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
