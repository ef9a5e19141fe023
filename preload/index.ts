// The desktop preload (sandboxed, bundled to CJS): exposes exactly the contract's Bridge as
// `window.hvlab` and hands menu commands to the page. No Node or Electron object reaches the page.
import '../engine/common/zod-in-pages';
import { contextBridge, ipcRenderer } from 'electron';
import { createDesktopBridge, forwardMenuCommands } from './desktop-bridge';

const bridge = createDesktopBridge(ipcRenderer);

contextBridge.exposeInMainWorld('hvlab', {
  invoke: bridge.invoke,
  query: bridge.query,
  clock: bridge.clock,
  run: bridge.run,
  lab: bridge.lab,
  scenario: bridge.scenario,
  subscribe: bridge.subscribe,
});

forwardMenuCommands(ipcRenderer, (message) => {
  const origin = window.location.origin;
  window.postMessage(message, origin && origin !== 'null' ? origin : '*');
});
