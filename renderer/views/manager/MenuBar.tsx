// File, Action, View, Labs, Help — the MMC menu bar (Labs is ours: the Labs pane). Left/Right arrows move between the menus.
import { observer } from 'mobx-react-lite';
import { Menu, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';
import type { ActionItem } from '../../actions/action-item';
import { actionMenuItems, viewActions } from '../../actions/catalogue';
import { DOCK_TABS } from '../../stores/dock-store';
import type { RootStore } from '../../stores/root-store';
import { useRoot } from '../app/root-context';
import { AccessText, accessKeyProps, plainLabel } from '../shared/AccessKey';
import { ActionMenuList, radioMenuProps } from '../shared/ActionMenuList';
import { menuAccessLabel, useMenuBarKeys } from './menubar-keys';
import { helpTopicFor } from '../../help/help-topics';

/** The File menu: the scenario (New, Open, Save, Save As, Revert, Download, Recent), then Exit. */
export function scenarioItems(root: RootStore): ActionItem[] {
  const s = root.scenarios;
  const status = s.status;
  const lab = status?.lab;
  const blocked = !root.connection.connected
    ? 'Not connected to the engine.'
    : !s.available
      ? 'This console is connected through a door that does not offer scenarios.'
      : lab
        ? `The lab “${lab.title}” is running. Choose Leave lab in the Labs pane: your datacenter comes back, then use the File menu.`
        : undefined;
  const item = (id: string, label: string, icon: ActionItem['icon'], run: () => void, extra: Partial<ActionItem> = {}): ActionItem => ({
    id,
    label,
    icon,
    enabled: blocked === undefined,
    ...(blocked ? { disabledReason: blocked } : {}),
    run,
    ...extra,
  });
  const neverSaved = status?.location === 'none';
  const recent = status?.recent ?? [];
  return [
    item('scenario-new', 'New...', 'new', () => s.showNew()),
    item('scenario-open', 'Open...', 'import', () => s.showOpen()),
    item('scenario-save', 'Save', 'save', () => void s.save(), { separatorBefore: true }),
    item('scenario-save-as', 'Save As...', 'save', () => void s.showSaveAs()),
    item(
      'scenario-revert',
      'Revert to Saved',
      'revert',
      () => s.revert(),
      neverSaved && !blocked
        ? { enabled: false, disabledReason: `${status?.name ?? 'This scenario'} has never been saved: there is nothing to revert to.` }
        : {},
    ),
    ...(status?.nativeDialogs ? [] : [item('scenario-download', 'Download Scenario...', 'export', () => void s.download(), { separatorBefore: true })]),
    item('scenario-recent', 'Recent Scenarios', 'import', () => {}, {
      separatorBefore: true,
      ...(recent.length === 0 && !blocked ? { enabled: false, disabledReason: 'No scenario has been opened or saved yet.' } : {}),
      submenu: recent.map((r, i): ActionItem => item(`scenario-recent-${i + 1}`, `${i + 1} ${r.name}`, 'import', () => s.openRecent(r.key))),
    }),
  ];
}

function fileItems(root: RootStore): ActionItem[] {
  const desktop = root.connection.status.transport === 'desktop';
  return [
    ...scenarioItems(root),
    {
      id: 'exit',
      label: 'Exit',
      icon: 'remove',
      enabled: desktop,
      ...(desktop ? {} : { disabledReason: 'In a browser, close the tab to leave the console.' }),
      separatorBefore: true,
      run: () => window.close(),
    },
  ];
}

function viewItems(root: RootStore): ActionItem[] {
  return [
    {
      id: 'refresh',
      label: 'Refresh',
      icon: 'refresh',
      enabled: root.connection.connected,
      ...(root.connection.connected ? {} : { disabledReason: 'Not connected to the engine.' }),
      run: () => void root.refresh(),
    },
    {
      id: 'theme',
      label: 'Theme',
      icon: 'view',
      enabled: true,
      separatorBefore: true,
      submenu: viewActions(root)
        .filter((i) => i.checked !== undefined)
        .map((i) => ({ ...i, label: i.label.replace(/^Theme: /, '') })),
      run: () => {},
    },
    {
      id: 'toggle-actions-pane',
      label: root.ui.actionsPaneVisible ? 'Hide Action Pane' : 'Show Action Pane',
      icon: 'view',
      enabled: true,
      run: () => root.ui.setActionsPaneVisible(!root.ui.actionsPaneVisible),
    },
    ...DOCK_TABS.map((t, i): ActionItem => ({
      id: `show-${t.id}`,
      label: t.label,
      icon: 'view',
      enabled: true,
      ...(i === 0 ? { separatorBefore: true } : {}),
      run: () => root.dock.show(t.id),
    })),
    {
      id: 'toggle-dock',
      label: root.dock.open ? 'Hide Bottom Pane' : 'Show Bottom Pane',
      icon: 'view',
      enabled: true,
      run: () => root.dock.toggle(),
    },
  ];
}

function labItems(root: RootStore): ActionItem[] {
  const { labs } = root;
  const connected = root.connection.connected;
  const notConnected = connected ? {} : { disabledReason: 'Not connected to the engine.' };
  const noLab = labs.activeLabId ? {} : { disabledReason: 'No lab is running: open Labs and start one.' };
  return [
    { id: 'labs-show', label: labs.open ? 'Hide Labs' : 'Show Labs', icon: 'view', enabled: true, run: () => (labs.open ? labs.setOpen(false) : labs.show()) },
    { id: 'labs-import', label: 'Import Lab Pack...', icon: 'import', enabled: connected, ...notConnected, run: () => labs.requestImport() },
    {
      id: 'labs-check',
      label: 'Check Lab',
      icon: 'refresh',
      enabled: connected && labs.activeLabId !== null,
      ...notConnected,
      ...noLab,
      separatorBefore: true,
      run: () => {
        labs.show();
        if (labs.activeLabId && labs.selectedId !== labs.activeLabId) labs.select(labs.activeLabId);
        void labs.check();
      },
    },
    // Always here, so a learner can leave a lab whatever state the Labs pane is in.
    {
      id: 'labs-leave',
      label: 'Leave Lab',
      icon: 'stopService',
      enabled: connected && labs.activeLabId !== null,
      ...notConnected,
      ...noLab,
      run: () => labs.leave(),
    },
  ];
}

function helpItems(root: RootStore): ActionItem[] {
  return [
    { id: 'help-topics', label: 'Help Topics', icon: 'help', enabled: true, run: () => root.help.open(helpTopicFor(document.activeElement)) },
    { id: 'tour', label: 'Getting Started Tour', icon: 'help', enabled: true, run: () => root.tour.start() },
    { id: 'about', label: 'About Hyper-V Mobility Lab', icon: 'help', enabled: true, separatorBefore: true, run: () => root.dialogs.show({ kind: 'about' }) },
  ];
}

export const MenuBar = observer(function MenuBar() {
  const root = useRoot();
  const menus: { id: string; label: string; items: ActionItem[] }[] = [
    { id: 'file', label: 'File', items: fileItems(root) },
    { id: 'action', label: 'Action', items: actionMenuItems(root) },
    { id: 'view', label: 'View', items: viewItems(root) },
    { id: 'labs', label: 'Labs', items: labItems(root) },
    { id: 'help', label: 'Help', items: helpItems(root) },
  ];

  const barRef = useRef<HTMLDivElement>(null);
  useMenuBarKeys(barRef);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.hv-menubar-item')];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    e.preventDefault();
    const next = buttons[(i + (e.key === 'ArrowRight' ? 1 : buttons.length - 1)) % buttons.length];
    next?.focus();
  };

  return (
    <div ref={barRef} className="hv-menubar" role="menubar" aria-label="Menu bar" onKeyDown={onKeyDown} data-testid="menu-bar">
      {menus.map((m, i) => (
        <Menu key={m.id} positioning={{ position: 'below', align: 'start', offset: 0 }} {...radioMenuProps(m.items)}>
          <MenuTrigger disableButtonEnhancement>
            <button
              type="button"
              role="menuitem"
              className="hv-menubar-item"
              tabIndex={i === 0 ? 0 : -1}
              data-testid={`menu-${m.id}`}
              {...accessKeyProps(menuAccessLabel(m.label))}
            >
              <AccessText label={menuAccessLabel(m.label)} />
            </button>
          </MenuTrigger>
          <MenuPopover>
            <ActionMenuList items={m.items} label={plainLabel(m.label)} />
          </MenuPopover>
        </Menu>
      ))}
    </div>
  );
});
