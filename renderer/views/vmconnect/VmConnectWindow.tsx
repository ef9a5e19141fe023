// The Virtual Machine Connection window (VMConnect, Windows Server 2012 R2): title "<VM> on <HOST>
// - Virtual Machine Connection", menus File / Action / Media / View / Help, the toolbar (Ctrl+Alt+
// Delete, Start, Turn Off, Shut Down, Save, Pause, Resume, Reset, Checkpoint, Revert), the guest's
// screen, and "Status: Running" below (TechNet, "Virtual Machine Connection Overview"). Not modal:
// the Manager stays usable beside it, as the real VMConnect is a window of its own. Every power
// button is the Manager's action of the same id (catalogue.ts), with its confirmation and cmdlet.
import { observer } from 'mobx-react-lite';
import { Button, Menu, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import type { ActionItem } from '../../actions/action-item';
import { vmActions } from '../../actions/catalogue';
import { findAction } from '../../actions/desktop-menu';
import type { Vm } from '../../../engine/model/world';
import { useRoot } from '../app/root-context';
import type { RootStore } from '../../stores/root-store';
import { ActionIcon } from '../shared/ActionIcon';
import { ActionMenuList } from '../shared/ActionMenuList';
import { WindowFrame } from '../shared/WindowFrame';
import { Tool, toolbarKeyDown } from '../manager/ConsoleToolbar';
import { GuestScreenView } from './GuestScreen';
import './vmconnect.css';

/** The toolbar's VM buttons, in VMConnect's order: the Manager's action ids. */
const TOOLBAR = ['start', 'turn-off', 'shut-down', 'save', 'pause', 'resume', 'reset', 'checkpoint', 'revert'] as const;
const LABELS: Record<(typeof TOOLBAR)[number], string> = {
  start: 'Start',
  'turn-off': 'Turn Off',
  'shut-down': 'Shut Down',
  save: 'Save',
  pause: 'Pause',
  resume: 'Resume',
  reset: 'Reset',
  checkpoint: 'Checkpoint',
  revert: 'Revert',
};

/** The Manager's action, or a greyed stand-in saying why the VM's state does not allow it now. */
function vmAction(root: RootStore, vm: Vm, id: (typeof TOOLBAR)[number]): ActionItem {
  const found = findAction(vmActions(root, vm), id);
  if (found) return found;
  const label = LABELS[id];
  const reason =
    id === 'revert' ? `${vm.name} has no checkpoint to revert to.` : `${label} is not available while the virtual machine is ${vm.state.toLowerCase()}.`;
  return { id, label, icon: id === 'turn-off' ? 'turnOff' : id === 'shut-down' ? 'shutDown' : id, enabled: false, disabledReason: reason, run: () => {} };
}

export const VmConnectWindow = observer(function VmConnectWindow() {
  const root = useRoot();
  const store = root.vmConnect;
  if (store.vmId === undefined) return null;
  const vm = store.vm;
  const title = vm ? `${vm.name} on ${vm.host} - Virtual Machine Connection` : `${store.vmName} - Virtual Machine Connection`;
  const close = () => store.close();
  const buttons = vm ? TOOLBAR.map((id) => vmAction(root, vm, id)) : [];
  const screen = store.screen;
  const canCad = screen.kind === 'lock' || screen.kind === 'desktop';
  const cad: ActionItem = {
    id: 'ctrl-alt-del',
    label: 'Ctrl+Alt+Delete',
    icon: 'connect',
    enabled: canCad && vm?.state === 'Running',
    ...(canCad && vm?.state === 'Running' ? {} : { disabledReason: 'The guest is not at its sign-in screen or desktop.' }),
    run: () => store.ctrlAltDel(),
  };
  const dvd = vm?.dvdDrives[0];
  const menus: { id: string; label: string; items: ActionItem[] }[] = [
    {
      id: 'file',
      label: 'File',
      items: [
        ...(vm ? [{ id: 'vmc-settings', label: 'Settings...', icon: 'settings' as const, enabled: true, run: () => root.settings.openVm(vm) }] : []),
        { id: 'vmc-exit', label: 'Exit', icon: 'remove', enabled: true, separatorBefore: true, run: close },
      ],
    },
    { id: 'action', label: 'Action', items: vm ? [cad, ...buttons.map((b, i) => (i === 0 ? { ...b, separatorBefore: true } : b))] : [] },
    ...(vm && dvd
      ? [
          {
            id: 'media',
            label: 'Media',
            items: [
              {
                id: 'vmc-dvd',
                label: 'DVD Drive',
                icon: 'import' as const,
                enabled: true,
                run: () => {},
                submenu: dvd.path
                  ? [
                      {
                        id: 'vmc-eject',
                        label: `Eject ${dvd.path.split('\\').pop() ?? dvd.path}`,
                        icon: 'export' as const,
                        enabled: true,
                        run: () =>
                          void root.commands.run(
                            { cmdlet: 'Set-VMDvdDrive', params: { VMName: vm.name, ComputerName: vm.host } },
                            { intro: 'An error occurred while attempting to eject the media.', vmId: vm.id },
                          ),
                      },
                    ]
                  : [
                      {
                        id: 'vmc-no-disk',
                        label: 'No disk inserted',
                        icon: 'import' as const,
                        enabled: false,
                        disabledReason: 'The DVD drive is empty.',
                        run: () => {},
                      },
                    ],
              },
            ],
          },
        ]
      : []),
    {
      id: 'view',
      label: 'View',
      items: [
        { id: 'vmc-full-screen', label: 'Full Screen Mode', icon: 'view', enabled: true, checked: store.fullScreen, run: () => store.toggleFullScreen() },
        { id: 'vmc-toolbar', label: 'Toolbar', icon: 'view', enabled: true, checked: store.toolbarVisible, run: () => store.toggleToolbar() },
      ],
    },
    {
      id: 'help',
      label: 'Help',
      items: [
        { id: 'vmc-help', label: 'Help Topics', icon: 'help', enabled: true, run: () => root.help.open('vmconnect') },
        {
          id: 'vmc-about',
          label: 'About Virtual Machine Connection',
          icon: 'help',
          enabled: true,
          separatorBefore: true,
          run: () =>
            root.dialogs.show({
              kind: 'info',
              title: 'About Virtual Machine Connection',
              message: 'Virtual Machine Connection of Hyper-V Mobility Lab: the console drawn for a simulated virtual machine. It has no real guest behind it.',
            }),
        },
      ],
    },
  ];
  const move = store.move;
  const stage = store.moveStage;
  return (
    <WindowFrame
      title={title}
      className={`hv-vmconnect${store.fullScreen ? ' hv-vmconnect-full' : ''}`}
      testId="vmconnect"
      onCancel={close}
      modal={false}
      minWidth={480}
      minHeight={360}
    >
      <div className="hv-vmconnect-menubar" role="menubar" aria-label="Virtual Machine Connection menu bar">
        {menus.map((m) => (
          <Menu key={m.id} positioning={{ position: 'below', align: 'start', offset: 0 }}>
            <MenuTrigger disableButtonEnhancement>
              <button type="button" role="menuitem" className="hv-menubar-item" data-testid={`vmconnect-menu-${m.id}`}>
                {m.label}
              </button>
            </MenuTrigger>
            <MenuPopover>
              <ActionMenuList items={m.items} label={m.label} />
            </MenuPopover>
          </Menu>
        ))}
      </div>
      {store.toolbarVisible && vm && (
        <div className="hv-toolbar" role="toolbar" aria-label="Virtual Machine Connection toolbar" onKeyDown={toolbarKeyDown} data-testid="vmconnect-toolbar">
          <Tool label={toolLabel(cad)} disabled={!cad.enabled} first onClick={() => cad.run()} testId="vmconnect-ctrl-alt-del">
            <KeyboardRegular />
          </Tool>
          <span className="hv-tool-sep" aria-hidden="true" />
          {buttons.map((b) => (
            <Tool key={b.id} label={toolLabel(b)} disabled={!b.enabled} onClick={() => b.run()} testId={`vmconnect-${b.id}`}>
              <ActionIcon name={b.icon} />
            </Tool>
          ))}
        </div>
      )}
      <div className="hv-vmconnect-screen-area" data-testid="vmconnect-screen-area">
        <GuestScreenView store={store} />
      </div>
      <div className="hv-vmconnect-status" role="status" data-testid="vmconnect-status">
        <span>Status: {vm ? vm.state : 'Deleted'}</span>
        {move && vm && (
          <span className="hv-vmconnect-move" data-testid="vmconnect-move">
            {move.kind === 'LiveMigration' ? `Live migration to ${move.destination ?? '?'}` : 'Moving storage'}: {Math.floor(move.percent)}%
            {stage ? ` (${stage})` : ''}
          </span>
        )}
        {!vm && (
          <Button size="small" onClick={close}>
            Close
          </Button>
        )}
      </div>
    </WindowFrame>
  );
});

function toolLabel(a: ActionItem): string {
  const label = a.label.replace(/\.\.\.$/, '');
  return a.enabled ? label : `${label} — ${a.disabledReason ?? 'unavailable'}`;
}
