// The Bridge of engine/contract.ts over Electron IPC, as the sandboxed preload builds it. Only plain
// data and these functions cross into the page: never ipcRenderer, never an IPC event object.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { Bridge } from '../engine/contract';
import { createBridge } from '../engine/common/bridge';
import { IpcChannel, MENU_MESSAGE_TYPE, isMenuCommand, type MenuMessage } from '../doors/desktop/ipc-channels';

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

export function createDesktopBridge(ipc: IpcRendererLike): Bridge {
  const bridge = createBridge(
    (request) =>
      ipc.invoke(IpcChannel.request, request).catch((err: unknown) => {
        throw new Error(`The desktop bridge failed: ${err instanceof Error ? err.message : String(err)}`);
      }),
    {
      // The IPC event (which holds ipcRenderer) stays here; the page gets the EngineEvent only.
      onFirstListener() {
        ipc.on(IpcChannel.event, (_event: IpcRendererEvent, engineEvent: unknown) => bridge.receive({ kind: 'event', event: engineEvent }));
        ipc.send(IpcChannel.subscribe);
      },
    },
  );
  return {
    invoke: bridge.invoke,
    query: bridge.query,
    clock: bridge.clock,
    run: bridge.run,
    lab: bridge.lab,
    scenario: bridge.scenario,
    subscribe: bridge.subscribe,
  };
}

/** Passes application-menu commands to the page as `window.postMessage({type: 'hvlab:menu', command})`. */
export function forwardMenuCommands(ipc: IpcRendererLike, post: (message: MenuMessage) => void): void {
  ipc.on(IpcChannel.menu, (_event: IpcRendererEvent, command: unknown) => {
    if (isMenuCommand(command)) post({ type: MENU_MESSAGE_TYPE, command });
  });
}
