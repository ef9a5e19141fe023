// The actions Hyper-V Manager 2012 R2 offers for a server and for a VM (its main window; details
// *unconfirmed*), each wired to the engine. An action this simulation does not have yet is left
// out of the list rather than shown as a placeholder.
import type { Host, Vm } from '../../engine/model/world';
import type { RootStore } from '../stores/root-store';
import type { ActionItem, ActionIcon } from './action-item';
import { powerActionValid, type PowerAction } from '../../engine/common/vm-power-rules';
import { currentCheckpoint } from '../../engine/common/checkpoint-tree';
import type { Checkpoint } from '../../engine/model/world';
import type { Command } from '../../engine/contract';
import type { HelpTopicId } from '../help/help-topics';

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

/** Connect to Server...: puts a Hyper-V server (back) in the console tree (renderer/stores/connect-server.ts). */
function connectServer(root: RootStore): ActionItem {
  return { id: 'connect-server', label: 'Connect to Server...', icon: 'connectServer', enabled: true, run: () => root.servers.show() };
}

/** Help: the console's help, at the topic of what the Actions pane's section is about. */
function help(root: RootStore, topic: HelpTopicId = 'manager'): ActionItem {
  return { id: 'help', label: 'Help', icon: 'help', enabled: true, run: () => root.help.open(topic) };
}

/** The "Hyper-V Manager" root node: what you can do before choosing a server. */
export function managerActions(root: RootStore): ActionItem[] {
  return [
    connectServer(root),
    refresh(root),
    { id: 'view', label: 'View', icon: 'view', enabled: true, submenu: viewActions(root), run: () => {} },
    help(root),
  ];
}

export function hostActions(root: RootStore, host: Host): ActionItem[] {
  const connected = root.connection.connected;
  const newItems: ActionItem[] = [
    {
      id: 'new-vm',
      label: 'Virtual Machine...',
      icon: 'new',
      enabled: connected,
      ...(connected ? {} : { disabledReason: 'Not connected to the engine.' }),
      run: () => root.wizards.openNewVm(host),
    },
    {
      id: 'new-vhd',
      label: 'Hard Disk...',
      icon: 'new',
      enabled: connected,
      ...(connected ? {} : { disabledReason: 'Not connected to the engine.' }),
      run: () => root.wizards.disks.openNewVhd(host),
    },
  ];
  // Stop Service / Start Service: Hyper-V's Virtual Machine Management service, through
  // Set-Service (engine/cmdlets/services.ts). While it is stopped nothing on the server can be
  // managed, so the Manager offers only Start Service, Remove Server, Refresh, View and Help.
  const serviceRunning = host.vmms !== 'Stopped';
  const notConnected = connected ? {} : { disabledReason: 'Not connected to the engine.' };
  const setService = (status: 'Running' | 'Stopped', intro: string) =>
    void root.commands.run({ cmdlet: 'Set-Service', params: { Name: 'vmms', ComputerName: host.name, Status: status } }, { intro });
  const service: ActionItem = serviceRunning
    ? {
        id: 'stop-service',
        label: 'Stop Service',
        icon: 'stopService',
        enabled: connected,
        ...notConnected,
        // Wording *unconfirmed* (Hyper-V Manager 2012 R2 asks before stopping the service).
        run: () =>
          root.dialogs.show({
            kind: 'confirm',
            title: 'Stop Virtual Machine Management Service',
            message: `Are you sure you want to stop the Virtual Machine Management service on "${host.name}"?`,
            detail: 'Its virtual machines keep running, but you cannot manage them, connect to them or move them until the service is started again.',
            confirmLabel: 'Stop Service',
            onConfirm: () => setService('Stopped', `An error occurred while attempting to stop the Virtual Machine Management service on "${host.name}".`),
          }),
      }
    : {
        id: 'start-service',
        label: 'Start Service',
        icon: 'start',
        enabled: connected,
        ...notConnected,
        run: () => setService('Running', `An error occurred while attempting to start the Virtual Machine Management service on "${host.name}".`),
      };
  const disk = (id: string, label: string, icon: ActionIcon, run: () => void): ActionItem => ({ id, label, icon, enabled: connected, ...notConnected, run });
  // Hyper-V Manager lists Edit Disk... and Inspect Disk... after the server's managers.
  const diskItems =
    host.role === 'HyperV'
      ? [
          disk('edit-disk', 'Edit Disk...', 'editDisk', () => root.wizards.disks.openEditVhd(host)),
          disk('inspect-disk', 'Inspect Disk...', 'inspectDisk', () => root.wizards.disks.openInspect(host)),
        ]
      : [];
  return [
    ...(serviceRunning
      ? [
          ...(host.role === 'HyperV'
            ? [
                { id: 'new', label: 'New', icon: 'new' as const, enabled: true, submenu: newItems, run: () => {} },
                {
                  id: 'import-vm',
                  label: 'Import Virtual Machine...',
                  icon: 'import' as const,
                  enabled: connected,
                  ...(connected ? {} : { disabledReason: 'Not connected to the engine.' }),
                  run: () => root.wizards.openImport(host),
                },
              ]
            : []),
          { id: 'hyperv-settings', label: 'Hyper-V Settings...', icon: 'settings' as const, enabled: true, run: () => root.settings.openHost(host) },
          {
            id: 'vswitch-manager',
            label: 'Virtual Switch Manager...',
            icon: 'switch' as const,
            enabled: true,
            run: () => root.settings.openSwitchManager(host),
          },
          ...diskItems,
        ]
      : []),
    service,
    // Remove Server takes the server out of this console's tree only (no confirmation in the MMC).
    { id: 'remove-server', label: 'Remove Server', icon: 'remove', enabled: true, run: () => root.ui.removeServer(host.name) },
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
    void root.commands.run(
      { cmdlet: 'Start-VM', params: { Name: vm.name, ComputerName: vm.host } },
      {
        intro: 'An error occurred while attempting to start the selected virtual machine(s).',
        vmId: vm.id,
      },
    );
  });
  // Confirmation wording is *unconfirmed* (Hyper-V Manager 2012 R2's main window (details *unconfirmed*) is from product memory); kept close to VMConnect's.
  const turnOff = command('turn-off', 'Turn Off...', 'turnOff', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Turn Off Machine',
      message: `Do you want to turn off "${vm.name}"?`,
      detail: 'If you turn off the virtual machine, any unsaved data in it will be lost.',
      confirmLabel: 'Turn Off',
      onConfirm: () =>
        void root.commands.run(
          { cmdlet: 'Stop-VM', params: { Name: vm.name, TurnOff: true, ComputerName: vm.host } },
          {
            intro: 'An error occurred while attempting to turn off the selected virtual machine(s).',
            vmId: vm.id,
          },
        ),
    });
  });
  const shutDown = command('shut-down', 'Shut Down...', 'shutDown', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Shut Down Machine',
      message: `Do you want to shut down "${vm.name}"?`,
      detail: 'The guest operating system is asked to shut down; applications get the chance to save their work.',
      confirmLabel: 'Shut Down',
      onConfirm: () =>
        void root.commands.run(
          { cmdlet: 'Stop-VM', params: { Name: vm.name, ComputerName: vm.host } },
          {
            intro: 'An error occurred while attempting to shut down the selected virtual machine(s).',
            vmId: vm.id,
          },
        ),
    });
  });
  const save = command('save', 'Save', 'save', () => {
    void root.commands.run(
      { cmdlet: 'Save-VM', params: { Name: vm.name, ComputerName: vm.host } },
      {
        intro: 'An error occurred while attempting to save the state of the selected virtual machine(s).',
        vmId: vm.id,
      },
    );
  });
  const pause = command('pause', 'Pause', 'pause', () => {
    void root.commands.run(
      { cmdlet: 'Suspend-VM', params: { Name: vm.name, ComputerName: vm.host } },
      {
        intro: 'An error occurred while attempting to pause the selected virtual machine(s).',
        vmId: vm.id,
      },
    );
  });
  const resume = command('resume', 'Resume', 'resume', () => {
    void root.commands.run(
      { cmdlet: 'Resume-VM', params: { Name: vm.name, ComputerName: vm.host } },
      {
        intro: 'An error occurred while attempting to resume the selected virtual machine(s).',
        vmId: vm.id,
      },
    );
  });
  // Hyper-V Manager's "Delete Saved State..." discards the memory image: the VM is then off, as
  // after Stop-VM -TurnOff (engine/common/vm-power-rules.ts). Wording *unconfirmed*.
  const deleteSavedState = command('delete-saved-state', 'Delete Saved State...', 'delete', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Delete Saved State',
      message: `Do you want to delete the saved state of "${vm.name}"?`,
      detail:
        'The virtual machine will be turned off: deleting the saved state is the same as turning off the virtual machine, and anything it had not saved to its disks is lost.',
      confirmLabel: 'Delete',
      onConfirm: () =>
        void root.commands.run(
          { cmdlet: 'Stop-VM', params: { Name: vm.name, TurnOff: true, ComputerName: vm.host } },
          {
            intro: 'An error occurred while attempting to delete the saved state of the selected virtual machine(s).',
            vmId: vm.id,
          },
        ),
    });
  });

  // Connect... opens Virtual Machine Connection in any state (an off VM shows how to start it).
  const connect: ActionItem = { id: 'connect', label: 'Connect...', icon: 'connect', enabled: true, run: () => root.vmConnect.open(vm) };
  const settings: ActionItem = { id: 'settings', label: 'Settings...', icon: 'settings', enabled: true, run: () => root.settings.openVm(vm) };
  const checkpoint = command('checkpoint', 'Checkpoint', 'checkpoint', () => {
    void root.commands.run(
      { cmdlet: 'Checkpoint-VM', params: { Name: vm.name, ComputerName: vm.host } },
      {
        intro: 'An error occurred while attempting to checkpoint the selected virtual machine(s).',
        vmId: vm.id,
      },
    );
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
      onConfirm: () =>
        void root.commands.run(
          { cmdlet: 'Restart-VM', params: { Name: vm.name, Force: true, ComputerName: vm.host } },
          {
            intro: 'An error occurred while attempting to reset the selected virtual machine(s).',
            vmId: vm.id,
          },
        ),
    });
  });
  const move = command('move', 'Move...', 'move', () => root.wizards.openMove(vm));
  // Export... in every state but the transitional ones (2012 R2 exports a running VM; Export-VM refuses the rest in Hyper-V's words).
  const exportVm = command('export', 'Export...', 'export', () => root.wizards.openExport(vm));
  // Delete asks first and says what is kept, as Hyper-V Manager does (wording *unconfirmed*).
  const remove = command('delete', 'Delete...', 'delete', () => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Delete Selected Virtual Machines',
      message: `Are you sure you want to delete the virtual machine "${vm.name}"?`,
      detail:
        'Its configuration, its checkpoints and its saved state are deleted. Its virtual hard disks are not deleted: they stay on their volumes, and you can attach them to another virtual machine.',
      confirmLabel: 'Delete',
      onConfirm: () =>
        void root.commands.run(
          { cmdlet: 'Remove-VM', params: { Name: vm.name, Force: true, ComputerName: vm.host } },
          {
            intro: 'An error occurred while attempting to delete the selected virtual machine(s).',
            vmId: vm.id,
          },
        ),
    });
  });
  const rename = command('rename', 'Rename...', 'rename', () => root.renames.start({ kind: 'vm', vmId: vm.id, vmName: vm.name, host: vm.host }));
  // Revert applies the checkpoint the VM runs from (Restore-VMSnapshot). Wording *unconfirmed*.
  const parent = currentCheckpoint(vm);
  const revert =
    parent &&
    command('revert', 'Revert...', 'revert', () => {
      root.dialogs.show({
        kind: 'confirm',
        title: 'Revert Virtual Machine',
        message: `Are you sure you want to revert "${vm.name}" to its previous checkpoint?`,
        detail: `The virtual machine goes back to the checkpoint "${parent.name}". Everything it did since then is lost.`,
        confirmLabel: 'Revert',
        onConfirm: () =>
          void root.commands.run(
            { cmdlet: 'Restore-VMSnapshot', params: { VMName: vm.name, Name: parent.name, ComputerName: vm.host } },
            {
              intro: 'An error occurred while attempting to revert the virtual machine.',
              vmId: vm.id,
            },
          ),
      });
    });
  const helpItem = help(root, 'move');

  // Exactly the actions the VM's state allows (engine/common/vm-power-rules.ts), in Hyper-V
  // Manager's order: Connect, Settings, the power actions, Reset, Checkpoint, Revert, Move, Rename, Help.
  const can = (a: PowerAction) => powerActionValid(vm.state, a);
  const running = vm.state === 'Running' || vm.state === 'Paused';
  return [
    connect,
    settings,
    ...(can('Start') ? [start] : []),
    ...(can('TurnOff') && vm.state !== 'Saved' ? [turnOff] : []),
    ...(can('ShutDown') ? [shutDown] : []),
    ...(can('Save') ? [save] : []),
    ...(can('Pause') ? [pause] : []),
    ...(can('Resume') ? [resume] : []),
    ...(vm.state === 'Saved' ? [deleteSavedState] : []),
    ...(running ? [reset] : []),
    ...(vm.state === 'Starting' || vm.state === 'Stopping' ? [] : [checkpoint, ...(revert ? [revert] : [])]),
    move,
    ...(vm.state === 'Starting' || vm.state === 'Stopping' ? [] : [exportVm]),
    rename,
    // Start and Delete when off (the Manager offers Delete for a saved VM too).
    ...(vm.state === 'Off' || vm.state === 'Saved' ? [remove] : []),
    helpItem,
  ];
}

/**
 * The Action menu: what the Actions pane lists for the current selection (a VM, else its server,
 * else the "Hyper-V Manager" root). The desktop's native Action menu runs these same entries
 * (renderer/actions/desktop-menu.ts).
 */
export function actionMenuItems(root: RootStore): ActionItem[] {
  const { inventory, ui } = root;
  const vm = inventory.selectedVm;
  const host = inventory.selectedHost;
  if (vm) return vmActions(root, vm);
  if (host) return hostActions(root, host);
  if (ui.tree?.kind === 'root') return managerActions(root);
  return [
    { id: 'nothing', label: 'No item selected', icon: 'help', enabled: false, disabledReason: 'Select a server or a virtual machine first.', run: () => {} },
  ];
}

/**
 * The actions of a checkpoint in the Checkpoints pane (right-click, and the Actions pane's section
 * for a selected checkpoint): Apply, Rename, Delete Checkpoint, Delete Checkpoint Subtree.
 * Confirmation wording *unconfirmed* (Hyper-V Manager 2012 R2 from product memory).
 */
export function checkpointActions(root: RootStore, vm: Vm, cp: Checkpoint): ActionItem[] {
  const busy = root.commands.isBusy(vm.id);
  const connected = root.connection.connected;
  const blockedReason = !connected ? 'Not connected to the engine.' : busy ? 'Waiting for the engine to answer the previous command.' : undefined;
  const item = (id: string, label: string, icon: ActionIcon, run: () => void): ActionItem => ({
    id,
    label,
    icon,
    enabled: blockedReason === undefined,
    ...(blockedReason ? { disabledReason: blockedReason } : {}),
    run,
  });
  const target = { VMName: vm.name, Name: cp.name, ComputerName: vm.host };
  const hasChildren = vm.checkpoints.some((c) => c.parentId === cp.id);
  const confirm = (title: string, message: string, detail: string, confirmLabel: string, command: Command, intro: string) =>
    root.dialogs.show({
      kind: 'confirm',
      title,
      message,
      detail,
      confirmLabel,
      onConfirm: () => void root.commands.run(command, { intro, vmId: vm.id }),
    });
  // Hyper-V Manager 2012 R2 lists a checkpoint's actions as Settings..., Apply..., Export...,
  // Rename..., Delete Checkpoint..., Delete Checkpoint Subtree..., Help. Settings... is left out:
  // the lab records no configuration per checkpoint (docs/manager-coverage.md).
  return [
    item('apply-checkpoint', 'Apply...', 'revert', () =>
      confirm(
        'Apply Checkpoint',
        `Are you sure you want to apply the checkpoint "${cp.name}"?`,
        `The current state of "${vm.name}" will be lost. Take a checkpoint first (Checkpoint) if you want to keep it.`,
        'Apply',
        { cmdlet: 'Restore-VMSnapshot', params: target },
        'An error occurred while attempting to apply the checkpoint.',
      ),
    ),
    item('export-checkpoint', 'Export...', 'export', () => root.wizards.openExport(vm, cp.name)),
    item('rename-checkpoint', 'Rename...', 'rename', () =>
      root.renames.start({ kind: 'checkpoint', vmId: vm.id, vmName: vm.name, host: vm.host, checkpointId: cp.id, checkpointName: cp.name }),
    ),
    item('delete-checkpoint', 'Delete Checkpoint...', 'delete', () =>
      confirm(
        'Delete Checkpoint',
        `Are you sure you want to delete the checkpoint "${cp.name}"?`,
        'Its saved state and configuration files are deleted. The virtual machine and the other checkpoints are kept.',
        'Delete',
        { cmdlet: 'Remove-VMSnapshot', params: target },
        'An error occurred while attempting to delete the checkpoint.',
      ),
    ),
    ...(hasChildren
      ? [
          item('delete-checkpoint-subtree', 'Delete Checkpoint Subtree...', 'delete', () =>
            confirm(
              'Delete Checkpoint Subtree',
              `Are you sure you want to delete the checkpoint "${cp.name}" and all the checkpoints below it?`,
              'Their saved states and configuration files are deleted. The virtual machine is kept.',
              'Delete',
              { cmdlet: 'Remove-VMSnapshot', params: { ...target, IncludeAllChildSnapshots: true } },
              'An error occurred while attempting to delete the checkpoint subtree.',
            ),
          ),
        ]
      : []),
    help(root, 'checkpoints'),
  ];
}
