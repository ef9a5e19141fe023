// Every IPC channel between the desktop main process and the preload, in one place (imported by
// both sides), with the payload each one carries. Nothing here runs engine code: the preload bundle
// imports this file and must stay free of Node and of the engine.
import type { EngineEvent } from '../../engine/contract';

export const IpcChannel = {
  /** renderer → main, invoke/handle: one contract Request, answered with its Response. */
  request: 'hvlab:request',
  /** renderer → main, send: the page has its first event listener; deliver held-back notices now. */
  subscribe: 'hvlab:subscribe',
  /** main → renderer: one EngineEvent. */
  event: 'hvlab:event',
  /** main → renderer: a command chosen in the application menu. */
  menu: 'hvlab:menu',
} as const;
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel];

/** Channels main sends to the renderer (webContents.send / ipcRenderer.on). */
export interface IpcPushChannels {
  [IpcChannel.event]: EngineEvent;
  [IpcChannel.menu]: MenuCommand;
}

/**
 * Menu commands the page acts on (the main process handles Exit, About, Reload, DevTools and the
 * recent scenarios itself). The File menu's scenarios, Hyper-V Manager's Action menu, the View
 * toggles, and Help.
 */
export const MENU_COMMANDS = [
  'newScenario',
  'openScenario',
  'saveScenario',
  'saveScenarioAs',
  'revertScenario',
  'refresh',
  // Hyper-V Manager's Action menu: each runs the in-page Action menu's entry of the same id for
  // the current selection (renderer/actions/desktop-menu.ts, ACTION_MENU_IDS).
  'connectToServer',
  'newVirtualMachine',
  'newHardDisk',
  'importVirtualMachine',
  'hyperVSettings',
  'virtualSwitchManager',
  'editDisk',
  'inspectDisk',
  'stopService',
  'startService',
  'removeServer',
  'connect',
  'vmSettings',
  'start',
  'turnOff',
  'shutDown',
  'save',
  'pause',
  'resume',
  'deleteSavedState',
  'reset',
  'checkpoint',
  'revert',
  'move',
  'export',
  'rename',
  'delete',
  'toggleTheme',
  'toggleActionsPane',
  'showJobs',
  'showEventLog',
  'showNetworking',
  'showPowerShell',
  'openLabs',
  'help',
  'tour',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

export function isMenuCommand(value: unknown): value is MenuCommand {
  return MENU_COMMANDS.some((command) => command === value);
}

/**
 * How the preload hands a menu command to the page: `window.postMessage(message, origin)` on the
 * page's own window. The Bridge (window.hvlab) stays exactly the contract's; a page listens with
 * `addEventListener('message', ...)` and checks the source, the type and the command (renderer/actions/desktop-menu.ts).
 */
export const MENU_MESSAGE_TYPE = 'hvlab:menu';
export interface MenuMessage {
  type: typeof MENU_MESSAGE_TYPE;
  command: MenuCommand;
}
