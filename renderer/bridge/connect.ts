// Picks the door the page came through: the Electron preload's `window.hvlab`, else the browser
// host's WebSocket on the page's own origin.
import type { Bridge, LabAction, LabResult, Result, ScenarioAction, ScenarioResult } from '../../engine/contract';
import { bridgeSocketUrl } from '../../engine/common/bridge-address';
import { alwaysConnected, type LabBridge } from './connection';
import { readBridgeToken } from './token';
import { WebSocketBridge } from './websocket-bridge';

declare global {
  interface Window {
    /** Exposed by preload/ through contextBridge: exactly the Bridge methods. */
    hvlab?: Bridge;
  }
}

export function connectBridge(): LabBridge {
  const desktop = window.hvlab;
  if (desktop) return desktopBridge(desktop);
  const token = readBridgeToken(window.location, safeSessionStorage(), window.history);
  return new WebSocketBridge({ url: token ? bridgeSocketUrl(window.location, token) : undefined });
}

function desktopBridge(hvlab: Bridge): LabBridge {
  // contextBridge objects cannot be spread or extended; call through.
  return {
    invoke: (command) => hvlab.invoke(command),
    query: (query) => hvlab.query(query),
    clock: (control) => hvlab.clock(control),
    run: (text, resume) => hvlab.run(text, resume),
    lab: <A extends LabAction>(action: A): Promise<Result<LabResult<A>>> =>
      hvlab.lab
        ? hvlab.lab(action)
        : Promise.resolve({
            ok: false,
            error: { code: 'Internal', message: 'This build of the desktop app does not offer labs (its preload has no lab method).' },
          }),
    scenario: <A extends ScenarioAction>(action: A): Promise<Result<ScenarioResult<A>>> =>
      hvlab.scenario
        ? hvlab.scenario(action)
        : Promise.resolve({
            ok: false,
            error: { code: 'Internal', message: 'This build of the desktop app does not offer scenarios (its preload has no scenario method).' },
          }),
    subscribe: (listener) => hvlab.subscribe(listener),
    connection: alwaysConnected('desktop'),
  };
}

function safeSessionStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    // Reading window.sessionStorage throws when storage is disabled; the token then lives in the URL only.
    return undefined;
  }
}
