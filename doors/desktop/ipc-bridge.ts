// The desktop transport of the contract: IPC between the console window and the engine host.
// Every request is checked for its sender (the console window's main frame, showing our origin)
// before its payload is validated by EngineHost.handle; anything else is answered with an error and
// never reaches the engine. Events flow the other way; notices wait until the page listens.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import type { ContractError, EngineEvent, Response } from '../../engine/contract';
import { requestIdOf } from '../../engine/common/bridge-envelope';
import { IpcChannel, type IpcPushChannels, type MenuCommand } from './ipc-channels';
import { isAppUrl } from './app-protocol';

/** What the bridge needs of the engine host. */
export interface RequestHandler {
  /** May answer later (the desktop adds a PDF to a lab report: doors/desktop/lab-report-pdf.ts). */
  handle(raw: unknown): Response | Promise<Response>;
}

/** What is read of a WebFrameMain (structural, so a fake frame will do). */
type FrameLike = Pick<WebFrameMain, 'url' | 'processId' | 'routingId'> & { readonly parent: unknown };
type ContentsLike = Pick<WebContents, 'send' | 'isDestroyed' | 'on'> & { readonly mainFrame: FrameLike };
export interface WindowLike {
  readonly webContents: ContentsLike;
  isDestroyed(): boolean;
}
type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender'> & { readonly senderFrame: FrameLike | null };
type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>;

export const REFUSED_SENDER_MESSAGE = 'Request refused: it did not come from the Hyper-V Mobility Lab console window.';

/**
 * True only for the console window's own top-level frame showing the app's origin: a subframe, another
 * window, a destroyed frame or a page that somehow navigated elsewhere is refused.
 */
export function isTrustedSender(event: SenderEvent, window: WindowLike): boolean {
  try {
    if (window.isDestroyed()) return false;
    const contents = window.webContents;
    if (event.sender !== (contents as unknown)) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    const main = contents.mainFrame;
    if (frame !== main && (frame.processId !== main.processId || frame.routingId !== main.routingId)) return false;
    return isAppUrl(frame.url);
  } catch {
    // A WebFrameMain whose frame is gone throws on access.
    return false;
  }
}

function refused(raw: unknown): Response {
  const error: ContractError = { code: 'InvalidRequest', message: REFUSED_SENDER_MESSAGE };
  return { kind: 'result', id: requestIdOf(raw), result: { ok: false, error } };
}

export interface IpcBridgeOptions {
  ipcMain: IpcMainLike;
  engine: RequestHandler;
  window: WindowLike;
  /** Told about refused senders (main process log). */
  onRefused?: (channel: string, url: string) => void;
}

export interface IpcBridge {
  /** Sends an engine event to the page (notices are held until the page has subscribed). */
  forward(event: EngineEvent): void;
  /** Sends a menu command to the page. */
  menu(command: MenuCommand): void;
  dispose(): void;
}

export function installIpcBridge(options: IpcBridgeOptions): IpcBridge {
  const { ipcMain, engine, window } = options;
  let subscribed = false;
  const heldNotices: EngineEvent[] = [];

  const frameUrl = (event: SenderEvent): string => {
    try {
      return event.senderFrame?.url ?? '(no frame)';
    } catch {
      // Electron throws when the frame was destroyed meanwhile; this is only for the refusal's wording.
      return '(frame gone)';
    }
  };

  const push = <C extends keyof IpcPushChannels>(channel: C, payload: IpcPushChannels[C]): void => {
    if (window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(channel, payload);
  };

  const onRequest = (event: IpcMainInvokeEvent, raw: unknown): Response | Promise<Response> => {
    if (!isTrustedSender(event, window)) {
      options.onRefused?.(IpcChannel.request, frameUrl(event));
      return refused(raw);
    }
    return engine.handle(raw);
  };

  const onSubscribe = (event: IpcMainEvent): void => {
    if (!isTrustedSender(event, window)) {
      options.onRefused?.(IpcChannel.subscribe, frameUrl(event));
      return;
    }
    subscribed = true;
    for (const notice of heldNotices.splice(0)) push(IpcChannel.event, notice);
  };

  ipcMain.handle(IpcChannel.request, onRequest);
  ipcMain.on(IpcChannel.subscribe, onSubscribe);
  // A new document (reload) must subscribe again before it is sent notices.
  window.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) subscribed = false;
  });

  return {
    forward(event) {
      if (event.type === 'notice' && !subscribed) heldNotices.push(event);
      else push(IpcChannel.event, event);
    },
    menu(command) {
      push(IpcChannel.menu, command);
    },
    dispose() {
      ipcMain.removeHandler(IpcChannel.request);
      ipcMain.removeListener(IpcChannel.subscribe, onSubscribe);
    },
  };
}
