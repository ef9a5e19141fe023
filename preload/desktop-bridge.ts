// The Bridge of engine/contract.ts over Electron IPC, as the sandboxed preload builds it. Only plain
// data and these functions cross into the page: never ipcRenderer, never an IPC event object.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type {
  Bridge, ClockControl, ClockState, Command, CommandOutput, ContractError, EngineEvent, LabAction, LabResult, Query, QueryResult, RequestBody, Response,
  Result, RunOutcome, ScenarioAction, ScenarioResult,
} from '../engine/contract';
import { IpcChannel, MENU_MESSAGE_TYPE, isMenuCommand, type MenuMessage } from '../doors/desktop/ipc-channels';

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'send' | 'on' | 'removeListener'>;

function bridgeFailure(err: unknown): { ok: false; error: ContractError } {
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'Internal', message: `The desktop bridge failed: ${message}` } };
}

export function createDesktopBridge(ipc: IpcRendererLike): Bridge {
  let nextId = 1;
  let announced = false;

  async function request(body: RequestBody): Promise<Result<unknown>> {
    const id = nextId++;
    try {
      const response = (await ipc.invoke(IpcChannel.request, { ...body, id })) as Response;
      return response.result;
    } catch (err) {
      return bridgeFailure(err);
    }
  }

  return {
    invoke: (command: Command) => request({ kind: 'invoke', command }) as Promise<Result<CommandOutput>>,
    query: <Q extends Query>(query: Q) => request({ kind: 'query', query }) as Promise<Result<QueryResult<Q>>>,
    clock: (control: ClockControl) => request({ kind: 'clock', control }) as Promise<Result<ClockState>>,
    run: (text: string) => request({ kind: 'run', text }) as Promise<Result<RunOutcome>>,
    lab: <A extends LabAction>(action: A) => request({ kind: 'lab', action }) as Promise<Result<LabResult<A>>>,
    scenario: <A extends ScenarioAction>(action: A) => request({ kind: 'scenario', action }) as Promise<Result<ScenarioResult<A>>>,
    subscribe(listener: (event: EngineEvent) => void): () => void {
      if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
      // The IPC event (which holds ipcRenderer) stays here; the page gets the EngineEvent only.
      const onEvent = (_event: IpcRendererEvent, engineEvent: EngineEvent) => listener(engineEvent);
      ipc.on(IpcChannel.event, onEvent);
      if (!announced) {
        announced = true;
        ipc.send(IpcChannel.subscribe);
      }
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        ipc.removeListener(IpcChannel.event, onEvent);
      };
    },
  };
}

/** Passes application-menu commands to the page as `window.postMessage({type: 'hvlab:menu', command})`. */
export function forwardMenuCommands(ipc: IpcRendererLike, post: (message: MenuMessage) => void): void {
  ipc.on(IpcChannel.menu, (_event: IpcRendererEvent, command: unknown) => {
    if (isMenuCommand(command)) post({ type: MENU_MESSAGE_TYPE, command });
  });
}
