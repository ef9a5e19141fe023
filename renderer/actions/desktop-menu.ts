// Commands from the desktop window's native menu (doors/desktop/app-menu.ts), which the preload
// posts on the page's own window as {type:'hvlab:menu', command}. Each one does what the same
// entry of the in-page Actions pane does, or says why it cannot.
import type { DesktopMenuCommand } from '../../preload/bridge-global';
import type { RootStore } from '../stores/root-store';
import type { ActionItem } from './action-item';
import { hostActions, managerActions, vmActions } from './catalogue';
import { helpTopicFor } from '../help/help-topics';

const MENU_MESSAGE_TYPE = 'hvlab:menu';

/** Native Action menu commands that act on the selected server: the id of the entry in hostActions. */
export const SERVER_MENU_IDS = {
  newVirtualMachine: 'new-vm',
  newHardDisk: 'new-vhd',
  importVirtualMachine: 'import-vm',
  hyperVSettings: 'hyperv-settings',
  virtualSwitchManager: 'vswitch-manager',
  editDisk: 'edit-disk',
  inspectDisk: 'inspect-disk',
  stopService: 'stop-service',
  startService: 'start-service',
  removeServer: 'remove-server',
} as const satisfies Partial<Record<DesktopMenuCommand, string>>;

/** Native Action menu commands that act on the selected virtual machine: the id of the entry in vmActions. */
export const VM_MENU_IDS = {
  connect: 'connect',
  vmSettings: 'settings',
  start: 'start',
  turnOff: 'turn-off',
  shutDown: 'shut-down',
  save: 'save',
  pause: 'pause',
  resume: 'resume',
  deleteSavedState: 'delete-saved-state',
  reset: 'reset',
  checkpoint: 'checkpoint',
  revert: 'revert',
  move: 'move',
  export: 'export',
  rename: 'rename',
  delete: 'delete',
} as const satisfies Partial<Record<DesktopMenuCommand, string>>;
type ServerMenuCommand = keyof typeof SERVER_MENU_IDS;
type VmMenuCommand = keyof typeof VM_MENU_IDS;
/** What the "select a server first" message calls each server command. */
const SERVER_MENU_LABELS: Record<ServerMenuCommand, string> = {
  newVirtualMachine: 'New Virtual Machine',
  newHardDisk: 'New Hard Disk',
  importVirtualMachine: 'Import Virtual Machine',
  hyperVSettings: 'Hyper-V Settings',
  virtualSwitchManager: 'Virtual Switch Manager',
  editDisk: 'Edit Disk',
  inspectDisk: 'Inspect Disk',
  stopService: 'Stop Service',
  startService: 'Start Service',
  removeServer: 'Remove Server',
};
/** What the "select a virtual machine first" message calls each VM command. */
const VM_MENU_LABELS: Record<VmMenuCommand, string> = {
  connect: 'Connect',
  vmSettings: 'Settings',
  start: 'Start',
  turnOff: 'Turn Off',
  shutDown: 'Shut Down',
  save: 'Save',
  pause: 'Pause',
  resume: 'Resume',
  deleteSavedState: 'Delete Saved State',
  reset: 'Reset',
  checkpoint: 'Checkpoint',
  revert: 'Revert',
  move: 'Move',
  export: 'Export',
  rename: 'Rename',
  delete: 'Delete',
};

const COMMANDS: readonly DesktopMenuCommand[] = [
  'newScenario',
  'openScenario',
  'saveScenario',
  'saveScenarioAs',
  'revertScenario',
  'refresh',
  'connectToServer',
  ...(Object.keys(SERVER_MENU_IDS) as ServerMenuCommand[]),
  ...(Object.keys(VM_MENU_IDS) as VmMenuCommand[]),
  'toggleTheme',
  'toggleActionsPane',
  'showJobs',
  'showEventLog',
  'showNetworking',
  'showPowerShell',
  'openLabs',
  'help',
  'tour',
];

function isMenuCommand(v: unknown): v is DesktopMenuCommand {
  return typeof v === 'string' && (COMMANDS as readonly string[]).includes(v);
}

/** The entry with this id in a list of actions or in one of its submenus (New > Virtual Machine...). */
export function findAction(items: readonly ActionItem[], id: string): ActionItem | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && findAction(item.submenu, id);
    if (inner) return inner;
  }
  return undefined;
}

export function runMenuCommand(root: RootStore, command: DesktopMenuCommand): void {
  const { inventory, ui, dialogs } = root;
  /** Runs the action as its in-page entry would, or says why it cannot run now. */
  const runAction = (action: ActionItem | undefined, label: string, missing: string) => {
    if (!action) dialogs.show({ kind: 'info', title: label, message: missing });
    else if (!action.enabled) dialogs.show({ kind: 'info', title: label, message: action.disabledReason ?? `${label} is not possible right now.` });
    else action.run();
  };
  const runVmAction = (id: string, label: string) => {
    const vm = inventory.selectedVm;
    if (!vm) {
      dialogs.show({ kind: 'info', title: label, message: `Select a virtual machine in the list first, then choose ${label} again.` });
      return;
    }
    runAction(findAction(vmActions(root, vm), id), label, `${label} is not possible while ${vm.name} is ${vm.state.toLowerCase()}.`);
  };
  const runServerAction = (id: string, label: string) => {
    const host = inventory.selectedHost;
    if (!host) {
      dialogs.show({ kind: 'info', title: label, message: `Select a Hyper-V server in the tree first, then choose ${label} again.` });
      return;
    }
    runAction(findAction(hostActions(root, host), id), label, `${label} is not available for ${host.name}.`);
  };
  if (command in SERVER_MENU_IDS) {
    runServerAction(SERVER_MENU_IDS[command as ServerMenuCommand], SERVER_MENU_LABELS[command as ServerMenuCommand]);
    return;
  }
  if (command in VM_MENU_IDS) {
    runVmAction(VM_MENU_IDS[command as VmMenuCommand], VM_MENU_LABELS[command as VmMenuCommand]);
    return;
  }
  const { scenarios } = root;
  const lab = scenarios.status?.lab;
  const fileAction = (run: () => void) => {
    if (lab)
      dialogs.show({
        kind: 'info',
        title: 'File',
        message: `The lab “${lab.title}” is running. Choose Leave lab in the Labs pane: your datacenter comes back, then use the File menu.`,
      });
    else run();
  };
  switch (command) {
    case 'newScenario':
      fileAction(() => scenarios.showNew());
      break;
    case 'openScenario':
      fileAction(() => scenarios.showOpen());
      break;
    case 'saveScenario':
      fileAction(() => void scenarios.save());
      break;
    case 'saveScenarioAs':
      fileAction(() => void scenarios.showSaveAs());
      break;
    case 'revertScenario':
      fileAction(() => scenarios.revert());
      break;
    case 'refresh':
      if (root.connection.connected) void root.refresh();
      break;
    case 'connectToServer':
      // The "Hyper-V Manager" node's action: it needs no selection.
      findAction(managerActions(root), 'connect-server')?.run();
      break;
    case 'toggleTheme':
      ui.toggleTheme();
      break;
    case 'toggleActionsPane':
      ui.setActionsPaneVisible(!ui.actionsPaneVisible);
      break;
    case 'showJobs':
      root.dock.show('jobs');
      break;
    case 'showEventLog':
      root.dock.show('log');
      break;
    case 'showNetworking':
      root.dock.show('network');
      break;
    case 'showPowerShell':
      root.dock.show('console');
      break;
    case 'openLabs':
      root.labs.show();
      break;
    case 'help':
      root.help.open(helpTopicFor(document.activeElement));
      break;
    case 'tour':
      root.tour.start();
      break;
  }
}

/** Listens for the preload's menu messages; returns the unsubscribe function. */
export function listenForDesktopMenu(root: RootStore, target: Window = window): () => void {
  const onMessage = (e: MessageEvent) => {
    if (e.source !== target) return;
    const data: unknown = e.data;
    if (typeof data !== 'object' || data === null) return;
    const { type, command } = data as { type?: unknown; command?: unknown };
    if (type === MENU_MESSAGE_TYPE && isMenuCommand(command)) runMenuCommand(root, command);
  };
  target.addEventListener('message', onMessage);
  return () => target.removeEventListener('message', onMessage);
}
