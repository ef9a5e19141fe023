// The actions Hyper-V Manager offers for a server and for a VM (Hyper-V Manager 2012 R2's main window (details *unconfirmed*)), wired to the engine
// where it supports them (Start-VM, Stop-VM) and otherwise explaining that they are not in this
// build yet — never silently doing nothing.
import type { Host, Vm } from '../../engine/model/world';
import type { RootStore } from '../stores/root-store';
import type { ActionItem, ActionIcon } from './action-item';

/** An action this build does not have yet: opens the "not available" dialog. */
function later(root: RootStore, id: string, label: string, icon: ActionIcon, equivalent?: string): ActionItem {
  return {
    id,
    label,
    icon,
    enabled: true,
    run: () => root.dialogs.show({ kind: 'notAvailable', action: label, ...(equivalent ? { equivalent } : {}) }),
  };
}

export function viewActions(root: RootStore): ActionItem[] {
  const pref = root.ui.themePreference;
  const theme = (id: string, label: string, value: typeof pref): ActionItem => ({
    id,
    label,
    icon: 'view',
    enabled: true,
    checked: pref === value,
    run: () => root.ui.setThemePreference(value),
  });
  return [
    theme('theme-system', 'Theme: Use System Setting', 'system'),
    theme('theme-light', 'Theme: Light', 'light'),
    theme('theme-dark', 'Theme: Dark', 'dark'),
    { ...later(root, 'customize-columns', 'Add/Remove Columns...', 'view'), separatorBefore: true },
  ];
}

function refresh(root: RootStore): ActionItem {
  return {
    id: 'refresh',
    label: 'Refresh',
    icon: 'refresh',
    enabled: root.connection.connected,
    ...(root.connection.connected ? {} : { disabledReason: 'Not connected to the engine.' }),
    run: () => void root.refresh(),
  };
}

function help(root: RootStore): ActionItem {
  return { id: 'help', label: 'Help', icon: 'help', enabled: true, run: () => root.dialogs.show({ kind: 'about' }) };
}

/** The "Hyper-V Manager" root node: what you can do before choosing a server. */
export function managerActions(root: RootStore): ActionItem[] {
  return [
    later(root, 'connect-server', 'Connect to Server...', 'connectServer'),
    refresh(root),
    { id: 'view', label: 'View', icon: 'view', enabled: true, submenu: viewActions(root), run: () => {} },
    help(root),
  ];
}

export function hostActions(root: RootStore, host: Host): ActionItem[] {
  return [
    {
      id: 'new',
      label: 'New',
      icon: 'new',
      enabled: true,
      run: () => {},
      submenu: [
        later(root, 'new-vm', 'Virtual Machine...', 'new', 'New-VM'),
        later(root, 'new-disk', 'Hard Disk...', 'new', 'New-VHD'),
        later(root, 'new-floppy', 'Floppy Disk...', 'new', 'New-VFD'),
      ],
    },
    later(root, 'import-vm', 'Import Virtual Machine...', 'import', 'Import-VM'),
    { id: 'hyperv-settings', label: 'Hyper-V Settings...', icon: 'settings', enabled: true, run: () => root.settings.openHost(host) },
    later(root, 'switch-manager', 'Virtual Switch Manager...', 'switch', 'New-VMSwitch'),
    later(root, 'san-manager', 'Virtual SAN Manager...', 'san', 'New-VMSan'),
    later(root, 'edit-disk', 'Edit Disk...', 'editDisk', 'Resize-VHD'),
    later(root, 'inspect-disk', 'Inspect Disk', 'inspectDisk', 'Get-VHD'),
    later(root, 'stop-service', 'Stop Service', 'stopService', 'Stop-Service vmms'),
    later(root, 'remove-server', 'Remove Server', 'remove'),
    refresh(root),
    { id: 'view', label: 'View', icon: 'view', enabled: true, submenu: viewActions(root), run: () => {} },
    help(root),
  ];
}

export function vmActions(root: RootStore, vm: Vm): ActionItem[] {
  const busy = root.commands.isBusy(vm.id);
  const connected = root.connection.connected;
  const blockedReason = !connected ? 'Not connected to the engine.' : busy ? 'Waiting for the engine to answer the previous command.' : undefined;

  const command = (id: string, label: string, icon: ActionIcon, run: () => void): ActionItem => ({
    id,
    label,
    icon,
    enabled: blockedReason === undefined,
    ...(blockedReason ? { disabledReason: blockedReason } : {}),
    run,
  });

  const start = command('start', 'Start', 'start', () => {
    void root.commands.run({ cmdlet: 'Start-VM', params: { Name: vm.name, ComputerName: vm.host } }, {
      intro: 'An error occurred while attempting to start the selected virtual machine(s).',
      vmId: vm.id,
    });
  });
  // Confirmation wording is *unconfirmed* (Hyper-V Manager 2012 R2's main window (details *unconfirmed*) is from product memory); kept close to VMConnect's.
  const turnOff = command('turn-off', 'Turn Off...', 'turnOff', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Turn Off Machine',
      message: `Do you want to turn off "${vm.name}"?`,
      detail: 'If you turn off the virtual machine, any unsaved data in it will be lost.',
      confirmLabel: 'Turn Off',
      onConfirm: () => void root.commands.run({ cmdlet: 'Stop-VM', params: { Name: vm.name, TurnOff: true, ComputerName: vm.host } }, {
        intro: 'An error occurred while attempting to turn off the selected virtual machine(s).',
        vmId: vm.id,
      }),
    });
  });
  const shutDown = command('shut-down', 'Shut Down...', 'shutDown', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Shut Down Machine',
      message: `Do you want to shut down "${vm.name}"?`,
      detail: 'The guest operating system is asked to shut down; applications get the chance to save their work.',
      confirmLabel: 'Shut Down',
      onConfirm: () => void root.commands.run({ cmdlet: 'Stop-VM', params: { Name: vm.name, ComputerName: vm.host } }, {
        intro: 'An error occurred while attempting to shut down the selected virtual machine(s).',
        vmId: vm.id,
      }),
    });
  });
  const save = command('save', 'Save', 'save', () => {
    void root.commands.run({ cmdlet: 'Stop-VM', params: { Name: vm.name, Save: true, ComputerName: vm.host } }, {
      intro: 'An error occurred while attempting to save the state of the selected virtual machine(s).',
      vmId: vm.id,
    });
  });

  const connect = later(root, 'connect', 'Connect...', 'connect', 'vmconnect.exe');
  const settings: ActionItem = { id: 'settings', label: 'Settings...', icon: 'settings', enabled: true, run: () => root.settings.openVm(vm) };
  const checkpoint = command('checkpoint', 'Checkpoint', 'checkpoint', () => {
    void root.commands.run({ cmdlet: 'Checkpoint-VM', params: { Name: vm.name, ComputerName: vm.host } }, {
      intro: 'An error occurred while attempting to checkpoint the selected virtual machine(s).',
      vmId: vm.id,
    });
  });
  // Reset is Restart-VM: a running Dynamic Memory VM on a host without free memory restarts on
  // Smart Paging (Microsoft Learn, "Hyper-V Dynamic Memory Overview"). Confirmation wording unconfirmed, as for Turn Off.
  const reset = command('reset', 'Reset', 'reset', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Reset Machine',
      message: `Do you want to reset "${vm.name}"?`,
      detail: 'If you reset the virtual machine, any unsaved data in it will be lost.',
      confirmLabel: 'Reset',
      onConfirm: () => void root.commands.run({ cmdlet: 'Restart-VM', params: { Name: vm.name, Force: true, ComputerName: vm.host } }, {
        intro: 'An error occurred while attempting to reset the selected virtual machine(s).',
        vmId: vm.id,
      }),
    });
  });
  const revert = later(root, 'revert', 'Revert...', 'revert', 'Restore-VMSnapshot');
  const move = command('move', 'Move...', 'move', () => root.wizards.openMove(vm));
  const exportVm = later(root, 'export', 'Export...', 'export', 'Export-VM');
  const rename = later(root, 'rename', 'Rename...', 'rename', 'Rename-VM');
  const replication = later(root, 'enable-replication', 'Enable Replication...', 'replication', 'Enable-VMReplication');
  const del = later(root, 'delete', 'Delete...', 'delete', 'Remove-VM');
  const helpItem = help(root);
  const hasCheckpoints = vm.checkpoints.length > 0;
  const withRevert = hasCheckpoints ? [revert] : [];

  switch (vm.state) {
    case 'Off':
      return [connect, settings, start, checkpoint, ...withRevert, move, exportVm, rename, del, replication, helpItem];
    case 'Saved':
      return [
        connect, settings, start, checkpoint, ...withRevert, move, exportVm, rename,
        later(root, 'delete-saved-state', 'Delete Saved State...', 'delete', 'Remove-VMSavedState'),
        del, replication, helpItem,
      ];
    case 'Paused':
      return [
        connect, settings, turnOff, shutDown, save,
        later(root, 'resume', 'Resume', 'resume', 'Resume-VM'),
        reset,
        checkpoint, ...withRevert, move, exportVm, rename, replication, helpItem,
      ];
    case 'Starting':
    case 'Stopping':
      return [connect, settings, turnOff, move, exportVm, rename, helpItem];
    case 'Running':
      return [
        connect, settings, turnOff, shutDown, save,
        later(root, 'pause', 'Pause', 'pause', 'Suspend-VM'),
        reset,
        checkpoint, ...withRevert, move, exportVm, rename, replication, helpItem,
      ];
  }
}
