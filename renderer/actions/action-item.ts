// One entry of the Actions pane, the Action menu and the right-click menu. The same list feeds all
// three, so they can never disagree.
export type ActionIcon =
  | 'new'
  | 'import'
  | 'settings'
  | 'switch'
  | 'san'
  | 'editDisk'
  | 'inspectDisk'
  | 'stopService'
  | 'remove'
  | 'refresh'
  | 'view'
  | 'help'
  | 'connect'
  | 'start'
  | 'turnOff'
  | 'shutDown'
  | 'save'
  | 'pause'
  | 'resume'
  | 'reset'
  | 'checkpoint'
  | 'revert'
  | 'move'
  | 'export'
  | 'rename'
  | 'replication'
  | 'delete'
  | 'connectServer'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll';

export interface ActionItem {
  /** Stable id, also the test id suffix: action-<id>. */
  id: string;
  label: string;
  icon: ActionIcon;
  /** False: shown greyed out with `disabledReason` as its tooltip. */
  enabled: boolean;
  disabledReason?: string;
  /** Present when the action opens a submenu instead of running. */
  submenu?: ActionItem[];
  /** Theme radio items in the View submenu. */
  checked?: boolean;
  run(): void;
  /** Draw a separator before this item in menus. */
  separatorBefore?: boolean;
}
