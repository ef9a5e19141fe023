// Commands from the desktop window's native menu (doors/desktop/app-menu.ts), which the preload
// posts on the page's own window as {type:'hvlab:menu', command}. Each one does what the same
// entry of the in-page Actions pane does, or says why it cannot.
import type { DesktopMenuCommand } from '../../preload/bridge-global';
import type { RootStore } from '../stores/root-store';
import { hostActions, vmActions } from './catalogue';

const MENU_MESSAGE_TYPE = 'hvlab:menu';
const COMMANDS: readonly DesktopMenuCommand[] = [
  'newScenario',
  'openScenario',
  'saveScenario',
  'saveScenarioAs',
  'revertScenario',
  'refresh',
  'hyperVSettings',
  'move',
  'start',
  'shutDown',
  'turnOff',
  'toggleTheme',
  'toggleActionsPane',
  'help',
];

function isMenuCommand(v: unknown): v is DesktopMenuCommand {
  return typeof v === 'string' && (COMMANDS as readonly string[]).includes(v);
}

export function runMenuCommand(root: RootStore, command: DesktopMenuCommand): void {
  const { inventory, ui, dialogs } = root;
  const runVmAction = (id: string, label: string) => {
    const vm = inventory.selectedVm;
    if (!vm) {
      dialogs.show({ kind: 'info', title: label, message: `Select a virtual machine in the list first, then choose ${label} again.` });
      return;
    }
    const action = vmActions(root, vm).find((a) => a.id === id);
    if (!action) {
      dialogs.show({ kind: 'info', title: label, message: `${label} is not possible while ${vm.name} is ${vm.state.toLowerCase()}.` });
    } else if (!action.enabled) {
      dialogs.show({ kind: 'info', title: label, message: action.disabledReason ?? `${label} is not possible right now.` });
    } else {
      action.run();
    }
  };
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
    case 'hyperVSettings': {
      const host = inventory.selectedHost;
      if (host)
        hostActions(root, host)
          .find((a) => a.id === 'hyperv-settings')
          ?.run();
      else dialogs.show({ kind: 'info', title: 'Hyper-V Settings', message: 'Select a Hyper-V server in the tree first.' });
      break;
    }
    case 'move':
      runVmAction('move', 'Move');
      break;
    case 'start':
      runVmAction('start', 'Start');
      break;
    case 'shutDown':
      runVmAction('shut-down', 'Shut Down');
      break;
    case 'turnOff':
      runVmAction('turn-off', 'Turn Off');
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
      dialogs.show({ kind: 'about' });
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
