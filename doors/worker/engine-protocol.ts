// The messages between a door's UI thread and the engine it hosts off that thread (a worker_threads
// Worker for the browser host, an Electron utility process for the desktop), declared once.
// The renderer's contract (engine/contract.ts) travels inside them unchanged: a page's raw request
// goes in as `raw` and is validated by EngineHost in the engine thread; the answer and the events
// come back as EngineHost made them. Each envelope is checked on arrival (a message that is not one
// of these is dropped and logged, never half-handled); the payloads inside are typed, not
// re-validated, because EngineHost built them from values it had validated itself.
import type { MessagePort } from 'node:worker_threads';
import { z } from 'zod';
import type { EngineEvent, Response, Result, ScenarioStatus } from '../../engine/contract';
import type { Job } from '../../engine/model/jobs';

/** Numbers the door's calls so their answers find them (pages' own request ids may repeat). */
const Call = z.number().int().nonnegative();
const payload = <T>() => z.custom<T>(() => true);

/** What the engine thread opens: the door's data folder and what the door does on its own thread. */
export const EngineConfig = z
  .object({
    /** world.json, settings.json, world-aside.json, scenarios/ and logs/ live here. */
    dataDir: z.string().min(1),
    /** The desktop's Open / Save As are native dialogs shown by the door (ScenarioStatus.nativeDialogs). */
    nativeDialogs: z.boolean(),
    /** Settings the door reads on its own thread at start (the desktop's window bounds), sent back in 'ready'. */
    doorSettingKeys: z.array(z.string()),
    /** The door shows job progress and job-end notifications (the desktop's taskbar): send 'jobs' messages. */
    watchJobs: z.boolean(),
    /** Started again after a crash: every page gets a fresh snapshot of the world as it was last saved. */
    restarted: z.boolean(),
    /** The clock runs by itself (false in tests that step it). */
    startClock: z.boolean(),
  })
  .strict();
export type EngineConfig = z.infer<typeof EngineConfig>;

/** File → Open / Save As with a path the user chose in the door's native dialog. */
export const ScenarioFileAction = z.discriminatedUnion('op', [
  z.object({ op: z.literal('open'), path: z.string().min(1), discardChanges: z.boolean() }).strict(),
  z.object({ op: z.literal('saveAs'), path: z.string().min(1) }).strict(),
]);
export type ScenarioFileAction = z.infer<typeof ScenarioFileAction>;

/** Door → engine. */
export const DoorMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), config: EngineConfig }).strict(),
  /** A page's request, as it arrived (EngineHost validates it against the contract). */
  z.object({ type: z.literal('request'), call: Call, raw: z.unknown() }).strict(),
  z.object({ type: z.literal('scenarioFile'), call: Call, action: ScenarioFileAction }).strict(),
  /** A setting the door keeps (window bounds); written by the engine thread's settings store, the file's one writer. */
  z.object({ type: z.literal('setting'), key: z.string().min(1), value: z.unknown() }).strict(),
  /** Save whatever is unsaved now; answered with 'flushed'. */
  z.object({ type: z.literal('flush'), call: Call }).strict(),
  /** Quit: a last save, then the engine thread stops; answered with 'stopped' before it exits. */
  z.object({ type: z.literal('stop'), call: Call }).strict(),
]);
export type DoorMessage = z.infer<typeof DoorMessage>;

export type Notice = Extract<EngineEvent, { type: 'notice' }>;

/** Engine → door. */
export const EngineMessage = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('ready'),
      /** Notices found while opening the data folder, for the first page. */
      notices: z.array(payload<Notice>()),
      scenario: payload<ScenarioStatus>(),
      /** The values of config.doorSettingKeys (absent keys left out). */
      settings: z.record(z.string(), z.unknown()),
    })
    .strict(),
  /** The engine thread could not open its data folder or build the engine. */
  z.object({ type: z.literal('failed'), message: z.string() }).strict(),
  z.object({ type: z.literal('event'), event: payload<EngineEvent>() }).strict(),
  z.object({ type: z.literal('response'), call: Call, response: payload<Response>() }).strict(),
  z.object({ type: z.literal('scenarioFileResult'), call: Call, result: payload<Result<ScenarioStatus>>() }).strict(),
  z.object({ type: z.literal('flushed'), call: Call, unsaved: z.array(z.string()) }).strict(),
  z.object({ type: z.literal('stopped'), call: Call, unsaved: z.array(z.string()) }).strict(),
  /** Active jobs for the taskbar, and the jobs that just ended for notifications (config.watchJobs). */
  z.object({ type: z.literal('jobs'), active: z.array(payload<Job>()), ended: z.array(payload<Job>()) }).strict(),
]);
export type EngineMessage = z.infer<typeof EngineMessage>;

/**
 * A MessagePort as both ends see it: node's worker_threads port, a MessagePort of a node
 * MessageChannel, or Electron's MessagePortMain (adapted: it wraps data in an event).
 */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
  close(): void;
}

/** Reads one envelope; undefined (and a reason) when it is not one of the protocol's messages. */
export function readMessage<S extends z.ZodType>(schema: S, raw: unknown): { message: z.infer<S> } | { problem: string } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { message: parsed.data };
  return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ') };
}

/** A node MessagePort (worker_threads' parentPort, or one end of a MessageChannel) as the protocol's port. */
export function fromNodePort(port: Pick<MessagePort, 'postMessage' | 'on' | 'close'>): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => void port.on('message', listener),
    close: () => port.close(),
  };
}

/** What Electron's MessagePortMain is to the protocol (structural: this module imports no electron). */
export interface ElectronPortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  start(): void;
  close(): void;
}

/** A message Electron delivers to a utility process or a MessagePortMain. */
export interface ElectronMessageEvent {
  data: unknown;
  ports: ElectronPortLike[];
}

/** Electron's MessagePortMain (data wrapped in an event, started explicitly) as the protocol's port. */
export function fromElectronPort(port: ElectronPortLike): PortLike {
  return {
    postMessage: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (e) => listener(e.data));
      port.start();
    },
    close: () => port.close(),
  };
}
