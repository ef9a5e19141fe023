// The engine's side of doors/worker/engine-protocol.ts: opens the door's data folder, builds the
// EngineHost (which validates, dispatches, autosaves, drives the clock) and answers the door over a
// MessagePort. It runs in a worker_threads Worker (browser host) or an Electron utility process
// (desktop), so a long simulation, a world save or runUntilIdle blocks this thread, never the door's.
import type { EngineEvent, Response } from '../../engine/contract';
import type { Job } from '../../engine/model/jobs';
import type { EngineHost } from '../common/engine-host';
import type { WallTimer } from '../common/clock-driver';
import { JobWatcher } from '../desktop/job-notifier';
import { openDataFolder } from './data-folder-host';
import { DoorMessage, readMessage, type EngineConfig, type EngineMessage, type PortLike } from './engine-protocol';

export interface ServeOptions {
  timer?: WallTimer;
}

/**
 * Serves one door over `port` until it says 'stop'. The first message must be 'start'. After
 * 'stopped' the door ends this thread or process (so the answer is never cut off by an exit here).
 */
export function serveEngine(port: PortLike, options: ServeOptions = {}): { dispose(): void } {
  let host: EngineHost | undefined;
  const send = (message: EngineMessage) => port.postMessage(message);

  port.onMessage((raw) => {
    const read = readMessage(DoorMessage, raw);
    if ('problem' in read) {
      // A door of this build never sends one; say so where the door's log will show it.
      send({ type: 'event', event: { type: 'notice', level: 'error', message: `The engine ignored a message it does not understand (${read.problem}).` } });
      return;
    }
    const message = read.message;
    if (message.type === 'start') {
      if (host) return;
      try {
        host = start(message.config, send, options.timer);
      } catch (err) {
        send({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
      return;
    }
    if (!host) return;
    const running = host;
    switch (message.type) {
      case 'request': {
        const reply = running.respond(message.raw);
        const answer = (response: Response) => send({ type: 'response', call: message.call, response });
        if (reply instanceof Promise) void reply.then(answer);
        else answer(reply);
        return;
      }
      case 'scenarioFile': {
        const { action } = message;
        let result;
        try {
          result = action.op === 'open' ? running.scenarios.openFile(action.path, action.discardChanges) : running.scenarios.saveFileAs(action.path);
        } catch (err) {
          running.logFailure(`Internal error ${action.op === 'open' ? 'opening' : 'saving'} the scenario file ${action.path}`, err);
          result = { ok: false as const, error: { code: 'Internal' as const, message: `The engine failed: ${(err as Error).message}` } };
        }
        send({ type: 'scenarioFileResult', call: message.call, result });
        return;
      }
      case 'setting':
        running.settings.set(message.key, message.value);
        return;
      case 'flush':
        send({ type: 'flushed', call: message.call, unsaved: running.flush() });
        return;
      case 'stop': {
        const unsaved = running.flush();
        running.dispose();
        host = undefined;
        send({ type: 'stopped', call: message.call, unsaved });
        return;
      }
    }
  });
  return {
    /** Stops the engine's clock and retries (a test's in-process engine, when its stand-in thread ends). */
    dispose() {
      host?.dispose();
      host = undefined;
    },
  };
}

function start(config: EngineConfig, send: (m: EngineMessage) => void, timer: WallTimer | undefined): EngineHost {
  const host = openDataFolder(config.dataDir, { nativeDialogs: config.nativeDialogs, startClock: config.startClock, ...(timer ? { timer } : {}) });
  const settings: Record<string, unknown> = {};
  for (const key of config.doorSettingKeys) {
    const value = host.settings.get<unknown>(key, undefined);
    if (value !== undefined) settings[key] = value;
  }
  send({ type: 'ready', notices: host.takeNotices(), scenario: host.scenarios.status(), settings });
  const watchJobs = config.watchJobs ? jobMessages(host, send) : undefined;
  host.subscribe((event: EngineEvent) => {
    send({ type: 'event', event });
    watchJobs?.(event);
  });
  if (config.restarted) {
    // The pages still show the world of the engine that stopped: give them the one it last saved.
    const view = host.engine.view();
    view.clock = host.clock.state();
    send({ type: 'event', event: { type: 'world', view } });
  }
  return host;
}

/** The desktop's taskbar progress and job-end notifications, worked out here where the jobs are. */
function jobMessages(host: EngineHost, send: (m: EngineMessage) => void): (event: EngineEvent) => void {
  let active: Job[] = [];
  let ended: Job[] = [];
  let wasActive = false;
  const watcher = new JobWatcher(
    {
      activeJobs: () => host.engine.activeJobs(),
      allJobs: () => {
        const jobs = host.engine.query({ name: 'jobs' });
        return jobs.ok ? (jobs.value as Job[]) : [];
      },
    },
    { progress: (jobs) => (active = [...jobs]), ended: (job) => ended.push(job) },
  );
  return (event) => {
    ended = [];
    watcher.onEvent(event);
    if (active.length === 0 && !wasActive && ended.length === 0) return;
    wasActive = active.length > 0;
    send({ type: 'jobs', active, ended });
  };
}
