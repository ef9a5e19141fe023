// The browser door: the built renderer over HTTP and the contract over one WebSocket, on loopback
// only. Each socket is one page; each gets every engine event.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { EngineDoor } from '../common/engine-door';
import type { EngineEvent, EventMessage } from '../../engine/contract';
import { BRIDGE_PATH, TOKEN_PARAMETER, pageUrl } from '../../engine/common/bridge-address';
import { isAllowedHost, isAllowedOrigin, newToken, tokenMatches } from './request-guard';
import { securityHeaders, serveStatic } from './static-files';
import { DEFAULT_OUTBOX_LIMITS, SocketOutbox, type OutboxLimits } from './socket-outbox';

export interface WebHostOptions {
  /** The engine, off this thread (EngineClient) or in it (an EngineHost: tests, the benchmark's baseline). */
  engineHost: EngineDoor;
  /** Folder of the built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** When `port` is busy, take a free one instead of failing (it was only remembered, not asked for). */
  portIsPreference?: boolean;
  token?: string;
  /** Lets a dev server (Vite middleware) answer HTTP instead of the static files. */
  middleware?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  /** Upgrades that are not for the bridge (Vite's HMR socket in dev). */
  onOtherUpgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  /** Per-socket memory budget (socket-outbox.ts); the defaults suit real pages. */
  outboxLimits?: OutboxLimits;
  /** Told when a page is closed for not reading its updates. */
  onSlowConsumer?: (why: string) => void;
  /**
   * A classroom (doors/classroom/): the address to listen on (default loopback only), the LAN names
   * Host and Origin may carry, the engine each console token opens (the engineHost and token above
   * are then not used for consoles), and the classroom's own pages. Only `hvlab serve --classroom` sets these.
   */
  classroom?: {
    listenHost: string;
    lanHosts: string[];
    doorFor: (token: string | null) => Promise<EngineDoor> | undefined;
    /** Answers the classroom's pages (join, trainer); false when the request is not one of them. */
    route: (req: IncomingMessage, res: ServerResponse) => boolean;
  };
}

export interface WebHost {
  url: string;
  port: number;
  /** The preferred port when it was busy and another was taken. */
  portTaken?: number;
  token: string;
  server: Server;
  /** Each open page's socket: bytes waiting to be read and whether its events are being coalesced. */
  sockets(): { bufferedAmount: number; behind: boolean }[];
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newToken();
  let port = 0;
  const lanHosts = options.classroom?.lanHosts ?? [];
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port, lanHosts)) {
      res
        .writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end(
          lanHosts.length
            ? `This classroom answers only on ${lanHosts.join(', ')}, 127.0.0.1 and localhost.`
            : 'This console answers only on 127.0.0.1 and localhost.',
        );
      return;
    }
    if (options.classroom?.route(req, res)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    securityHeaders(res, options.middleware !== undefined);
    if (options.middleware) options.middleware(req, res, () => serveStatic(options.rendererDir, req, res));
    else serveStatic(options.rendererDir, req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  // Every page gets the same event object: serialize it once, not once per page (a 10,000-VM
  // snapshot is 7 MB of JSON).
  const outboxes = new Map<WebSocket, SocketOutbox>();
  const serialized = new WeakMap<EngineEvent, string>();
  const serialize = (event: EngineEvent): string => {
    let text = serialized.get(event);
    if (text === undefined) {
      text = JSON.stringify({ kind: 'event', event } satisfies EventMessage);
      serialized.set(event, text);
    }
    return text;
  };

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== BRIDGE_PATH) {
      if (options.onOtherUpgrade) options.onOtherUpgrade(req, socket, head);
      else socket.destroy();
      return;
    }
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n${reason}\n`);
    };
    if (!isAllowedHost(req.headers.host, port, lanHosts)) return refuse(403, 'Forbidden host');
    if (!isAllowedOrigin(req.headers.origin, port, lanHosts)) return refuse(403, 'Forbidden origin');
    const given = url.searchParams.get(TOKEN_PARAMETER);
    const accept = (engineHost: EngineDoor) =>
      wss.handleUpgrade(req, socket, head, (ws) => {
        const outbox = attach(ws, engineHost, serialize, options);
        outboxes.set(ws, outbox);
        ws.once('close', () => outboxes.delete(ws));
      });
    if (!options.classroom) {
      if (!tokenMatches(given, token)) return refuse(401, 'Missing or wrong token');
      return accept(options.engineHost);
    }
    // A classroom: the token names the learner, whose engine alone this socket reaches.
    const door = options.classroom.doorFor(given);
    if (!door) return refuse(401, 'Missing or wrong token');
    void door.then(accept, () => refuse(503, 'The learner console could not be started'));
  });

  const listen = (at: number) =>
    new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => reject(err);
      server.once('error', fail);
      server.listen(at, options.classroom?.listenHost ?? '127.0.0.1', () => {
        server.off('error', fail);
        resolve();
      });
    });
  let portTaken: number | undefined;
  try {
    await listen(options.port ?? 0);
  } catch (err) {
    if (!options.portIsPreference || (err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    portTaken = options.port;
    await listen(0);
  }
  port = (server.address() as AddressInfo).port;

  return {
    url: pageUrl(port, token),
    port,
    ...(portTaken !== undefined ? { portTaken } : {}),
    token,
    server,
    sockets: () => [...outboxes].map(([ws, outbox]) => ({ bufferedAmount: ws.bufferedAmount, behind: outbox.isBehind })),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections?.();
      }),
  };
}

function attach(ws: WebSocket, host: EngineDoor, serialize: (event: EngineEvent) => string, options: WebHostOptions): SocketOutbox {
  const reading = new ReadGate(ws);
  const outbox = new SocketOutbox(ws, options.outboxLimits ?? DEFAULT_OUTBOX_LIMITS, options.onSlowConsumer, {
    pause: () => reading.hold('answers unread'),
    resume: () => reading.release('answers unread'),
  });
  const unsubscribe = host.subscribe((event) => outbox.event(event, serialize(event)));
  const answer = (data: RawData, isBinary: boolean) => {
    let raw: unknown;
    try {
      if (isBinary) throw new Error('binary frames are not part of the contract');
      raw = JSON.parse(data.toString());
    } catch (err) {
      outbox.result({
        kind: 'result',
        id: 0,
        result: {
          ok: false,
          error: { code: 'InvalidRequest', message: `Invalid request: the message is not JSON (${err instanceof Error ? err.message : String(err)}).` },
        },
      });
      return;
    }
    const reply = host.respond(raw);
    if (reply instanceof Promise) void reply.then((r) => outbox.result(r));
    else outbox.result(reply);
  };
  // One request per turn of the event loop per page, so a page that sends a thousand requests at
  // once (one TCP read holds that many) waits its turn behind the other pages and the clock
  // instead of blocking them; while its requests wait, no more are read from it.
  const inbox: { data: RawData; isBinary: boolean }[] = [];
  const next = () => {
    const request = inbox.shift();
    if (request && ws.readyState === ws.OPEN) answer(request.data, request.isBinary);
    if (inbox.length > 0 && ws.readyState === ws.OPEN) setImmediate(next);
    else {
      inbox.length = 0;
      reading.release('requests waiting');
    }
  };
  ws.on('message', (data, isBinary) => {
    inbox.push({ data, isBinary });
    if (inbox.length === 1) {
      reading.hold('requests waiting');
      setImmediate(next);
    }
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
  return outbox;
}

/** Reads from a socket only while nothing holds it back (unread answers, requests waiting). */
class ReadGate {
  private readonly holds = new Set<string>();
  constructor(private readonly ws: WebSocket) {}

  hold(reason: string): void {
    if (this.holds.size === 0) this.ws.pause();
    this.holds.add(reason);
  }

  release(reason: string): void {
    if (!this.holds.delete(reason)) return;
    if (this.holds.size === 0) this.ws.resume();
  }
}
