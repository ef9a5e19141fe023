// Hyper-V Manager's menu bar: File, Action, View, Help. Commands the console page acts on (Move…,
// Start, the theme…) go to the page over the 'menu' channel; Exit, About, Reload and DevTools are
// the main process's own. Offline: Help opens the console's own help, never a web page.
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentScenario } from '../../engine/contract';
import type { MenuCommand } from './ipc-channels';
import { PRODUCT_NAME } from './app-identity';

export interface AppMenuActions {
  /** Sends a command to the console page. */
  send(command: MenuCommand): void;
  /** File → a recent scenario (the main process asks to save changes, then opens it). */
  openRecent?(key: string): void;
  quit(): void;
  about(): void;
  /** Development only. */
  reload(): void;
  /** Development only. */
  toggleDevTools(): void;
}

export interface AppMenuOptions {
  /** Development build: adds Reload and Toggle Developer Tools. */
  dev: boolean;
  /** The recent scenarios (the menu is rebuilt when they change). */
  recent?: readonly RecentScenario[];
  platform?: NodeJS.Platform;
}

export function appMenuTemplate(actions: AppMenuActions, options: AppMenuOptions): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () => actions.send(command);
  const view: MenuItemConstructorOptions[] = [
    { id: 'toggle-theme', label: 'Toggle &Light/Dark Theme', click: send('toggleTheme') },
    { id: 'toggle-actions-pane', label: 'Show/Hide &Action Pane', click: send('toggleActionsPane') },
    { type: 'separator' },
    { id: 'show-jobs', label: '&Jobs', click: send('showJobs') },
    { id: 'show-event-log', label: '&Event Log', click: send('showEventLog') },
    { id: 'show-networking', label: '&Networking', click: send('showNetworking') },
    { id: 'show-powershell', label: '&PowerShell', click: send('showPowerShell') },
    { type: 'separator' },
    { id: 'open-labs', label: 'La&bs...', click: send('openLabs') },
  ];
  if (options.dev) {
    view.push(
      { type: 'separator' },
      { id: 'reload', label: '&Reload', accelerator: 'CmdOrCtrl+R', click: () => actions.reload() },
      { id: 'toggle-devtools', label: 'Toggle &Developer Tools', accelerator: 'CmdOrCtrl+Shift+I', click: () => actions.toggleDevTools() },
    );
  }
  const template: MenuItemConstructorOptions[] = [
    {
      id: 'file',
      label: '&File',
      submenu: [
        { id: 'new-scenario', label: '&New...', accelerator: 'CmdOrCtrl+N', click: send('newScenario') },
        { id: 'open-scenario', label: '&Open...', accelerator: 'CmdOrCtrl+O', click: send('openScenario') },
        { id: 'save-scenario', label: '&Save', accelerator: 'CmdOrCtrl+S', click: send('saveScenario') },
        { id: 'save-scenario-as', label: 'Save &As...', click: send('saveScenarioAs') },
        { id: 'revert-scenario', label: '&Revert to Saved', click: send('revertScenario') },
        { type: 'separator' },
        {
          id: 'recent-scenarios',
          label: 'Recent Scenari&os',
          enabled: (options.recent?.length ?? 0) > 0,
          submenu: (options.recent ?? []).map((r, i) => ({
            id: `recent-${r.key}`,
            // Windows numbers a recent list with access keys: &1 name.
            label: `&${i + 1} ${r.name.replace(/&/g, '&&')}`,
            toolTip: r.where,
            click: () => actions.openRecent?.(r.key),
          })),
        },
        { type: 'separator' },
        { id: 'exit', label: 'E&xit', ...(options.platform === 'darwin' ? { accelerator: 'Cmd+Q' } : {}), click: () => actions.quit() },
      ],
    },
    {
      id: 'action',
      label: '&Action',
      // What the in-page Action menu can list (renderer/actions/catalogue.ts, actionMenuItems),
      // server actions first, then the virtual machine's, in Hyper-V Manager's order. A native
      // menu cannot follow the selection, so every entry is here and the page says when one does
      // not apply (test/unit/renderer/desktop-menu.test.ts checks the two lists agree).
      submenu: [
        { id: 'connect-server', label: 'Connect to Ser&ver...', click: send('connectToServer') },
        { type: 'separator' },
        {
          id: 'new',
          label: '&New',
          submenu: [
            { id: 'new-vm', label: '&Virtual Machine...', click: send('newVirtualMachine') },
            { id: 'new-vhd', label: '&Hard Disk...', click: send('newHardDisk') },
          ],
        },
        { id: 'import-vm', label: '&Import Virtual Machine...', click: send('importVirtualMachine') },
        { type: 'separator' },
        { id: 'hyperv-settings', label: 'Hyper-V Settin&gs...', click: send('hyperVSettings') },
        { id: 'vswitch-manager', label: 'Virtual S&witch Manager...', click: send('virtualSwitchManager') },
        { id: 'edit-disk', label: 'Ed&it Disk...', click: send('editDisk') },
        { id: 'inspect-disk', label: 'Inspect Dis&k...', click: send('inspectDisk') },
        { id: 'stop-service', label: 'Stop Serv&ice', click: send('stopService') },
        { id: 'start-service', label: 'Start Serv&ice', click: send('startService') },
        { id: 'remove-server', label: 'Remove Ser&ver', click: send('removeServer') },
        { type: 'separator' },
        { id: 'refresh', label: '&Refresh', accelerator: 'F5', click: send('refresh') },
        { type: 'separator' },
        { id: 'connect', label: 'Conn&ect...', click: send('connect') },
        { id: 'settings', label: 'Setting&s...', click: send('vmSettings') },
        { id: 'start', label: 'S&tart', click: send('start') },
        { id: 'turn-off', label: 'Turn &Off...', click: send('turnOff') },
        { id: 'shut-down', label: 'S&hut Down...', click: send('shutDown') },
        { id: 'save', label: '&Save', click: send('save') },
        { id: 'pause', label: '&Pause', click: send('pause') },
        { id: 'resume', label: 'Res&ume', click: send('resume') },
        { id: 'delete-saved-state', label: 'Delete Saved St&ate...', click: send('deleteSavedState') },
        { id: 'reset', label: 'Rese&t', click: send('reset') },
        { type: 'separator' },
        { id: 'checkpoint', label: '&Checkpoint', click: send('checkpoint') },
        { id: 'revert', label: 'Re&vert...', click: send('revert') },
        { type: 'separator' },
        { id: 'move', label: '&Move...', click: send('move') },
        { id: 'export', label: 'E&xport...', click: send('export') },
        { id: 'rename', label: 'Re&name...', click: send('rename') },
        { id: 'delete', label: '&Delete...', click: send('delete') },
      ],
    },
    { id: 'view', label: '&View', submenu: view },
    {
      id: 'help',
      label: '&Help',
      submenu: [
        { id: 'help-topics', label: 'Hyper-V Manager &Help', accelerator: 'F1', click: send('help') },
        { id: 'tour', label: 'Getting Started &Tour', click: send('tour') },
        { type: 'separator' },
        { id: 'about', label: `&About ${PRODUCT_NAME}`, click: () => actions.about() },
      ],
    },
  ];
  if (options.platform === 'darwin') template.unshift({ role: 'appMenu' });
  return template;
}
