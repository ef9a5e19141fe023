// `hvlab serve --classroom <pack...>`: the browser host for a class on a local network. It is the
// only mode that listens beyond loopback, and it keeps the request guard's checks, adapted: Host
// and Origin may name this machine's LAN addresses (and nothing else), every console socket needs a
// learner's token and reaches that learner's engine only, and the trainer's token opens the trainer
// page and no console.
import { networkInterfaces, hostname } from 'node:os';
import type { Response } from '../../engine/contract';
import { startWebHost, type WebHost } from '../web/web-host';
import { Classroom, type ClassroomLab, type LearnerDoor } from './classroom';
import { classroomRoutes } from './classroom-pages';
import { TOKEN_PARAMETER } from '../../engine/common/bridge-address';
import { findBuiltinLab, formatPackIssues, parseLabPackJson } from '../../engine/labs';

export interface ClassroomServerOptions {
  dataDir: string;
  labs: ClassroomLab[];
  rendererDir: string;
  /** Address to listen on: 0.0.0.0 (every interface) unless the trainer names one. */
  listen: string;
  /** Names the class reaches this machine by (its LAN addresses, its host name). */
  lanHosts: string[];
  port?: number;
  openDoor: (learnerDataDir: string) => Promise<LearnerDoor>;
  wallClock?: () => number;
  maxLearners?: number;
}

export interface ClassroomServer {
  web: WebHost;
  room: Classroom;
  /** The join page at each LAN name. */
  joinUrls: string[];
  /** The trainer page on this machine (loopback): never shown to the class. */
  trainerUrl: string;
  close(): Promise<string[]>;
}

/** This machine's IPv4 addresses on its networks (not loopback) and its host name: what a class types. */
export function lanNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
  return [...new Set([...addresses, hostname().toLowerCase()])];
}

/** The console door of the web host is never used in a classroom: every socket goes to a learner's engine. */
const noConsole = {
  subscribe: () => () => undefined,
  respond: (raw: unknown): Response => ({
    kind: 'result',
    id: typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : 0,
    result: { ok: false, error: { code: 'CommandRefused', message: 'Open your console from the class’s join page.' } },
  }),
};

export async function startClassroom(o: ClassroomServerOptions): Promise<ClassroomServer> {
  const room = Classroom.open({
    dataDir: o.dataDir,
    labs: o.labs,
    openDoor: o.openDoor,
    ...(o.wallClock ? { wallClock: o.wallClock } : {}),
    ...(o.maxLearners !== undefined ? { maxLearners: o.maxLearners } : {}),
  });
  let port = 0;
  const joinUrls = () => o.lanHosts.map((h) => `http://${h}:${port}/join`);
  const web = await startWebHost({
    engineHost: noConsole,
    rendererDir: o.rendererDir,
    ...(o.port !== undefined ? { port: o.port } : {}),
    classroom: {
      listenHost: o.listen,
      lanHosts: o.lanHosts,
      doorFor: (token) => {
        const learner = room.learnerByToken(token);
        return learner ? room.doorFor(learner) : undefined;
      },
      route: classroomRoutes(room, { port: () => port, lanHosts: o.lanHosts, joinUrls, ...(o.wallClock ? { wallClock: o.wallClock } : {}) }),
    },
  });
  port = web.port;
  return {
    web,
    room,
    joinUrls: joinUrls(),
    trainerUrl: `http://127.0.0.1:${port}/trainer?${TOKEN_PARAMETER}=${encodeURIComponent(room.trainerToken)}`,
    close: async () => {
      const unsaved = await room.close();
      await web.close();
      return unsaved;
    },
  };
}

/**
 * The session's labs from the command line: built-in ids, or pack files (a path or a name ending in
 * .json) whose text each learner's console imports. Throws an Error naming the lab at fault.
 */
export function classroomLabs(args: readonly string[], readPack: (path: string) => string): ClassroomLab[] {
  if (args.length === 0) throw new Error('--classroom needs at least one lab: hvlab serve --classroom <id|pack.json...>');
  return args.map((arg) => {
    if (/\.json$/i.test(arg) || /[\\/]/.test(arg)) {
      const text = readPack(arg);
      const r = parseLabPackJson(text);
      if (!r.ok) throw new Error(`${arg} is not a valid lab pack:\n${formatPackIssues(r.errors)}`);
      return { id: r.pack.id, title: r.pack.title, packJson: text };
    }
    const pack = findBuiltinLab(arg);
    if (!pack) throw new Error(`unknown lab "${arg}" (hvlab lab list shows the built-in labs; give a pack file's path for your own)`);
    return { id: pack.id, title: pack.title };
  });
}
