// Type-only view of what the desktop preload gives the page, for the renderer:
//   import type { DesktopMenuMessage } from '../../preload/bridge-global';
// `window.hvlab` is the contract's Bridge (also declared in renderer/bridge/connect.ts; the two
// declarations are identical, so they merge).
import type { Bridge } from '../engine/contract';
import type { MenuCommand, MenuMessage } from '../doors/desktop/ipc-channels';

declare global {
  interface Window {
    /** Exposed by preload/ through contextBridge: exactly the Bridge methods. */
    hvlab?: Bridge;
  }
}

/** Posted on the page's own window for each application-menu command (check `event.source === window`). */
export type DesktopMenuMessage = MenuMessage;
export type DesktopMenuCommand = MenuCommand;
