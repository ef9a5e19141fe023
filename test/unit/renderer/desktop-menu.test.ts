// The desktop's native Action menu (doors/desktop/app-menu.ts) and the in-page Action menu
// (renderer/actions/catalogue.ts, actionMenuItems) list the same actions with the same words, and a
// native entry does what the in-page entry of the same id does.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { defaultWorld } from '../../../engine/model/default-world';
import type { VmState } from '../../../engine/model/world';
import { appMenuTemplate } from '../../../doors/desktop/app-menu';
import { MENU_COMMANDS, type MenuCommand } from '../../../doors/desktop/ipc-channels';
import type { ActionItem } from '../../../renderer/actions/action-item';
import { actionMenuItems } from '../../../renderer/actions/catalogue';
import { SERVER_MENU_IDS, VM_MENU_IDS, runMenuCommand } from '../../../renderer/actions/desktop-menu';
import { rootWithWorld } from '../../support/renderer-root';

const harness = rootWithWorld;

/** Every entry that runs something (a submenu's own entries, not the submenu), with its label; View (the themes) counts as one. */
function leaves(items: readonly ActionItem[]): { id: string; label: string }[] {
  return items.flatMap((i) => (i.submenu && i.id !== 'view' ? leaves(i.submenu) : [{ id: i.id, label: i.label }]));
}

const STATES: VmState[] = ['Off', 'Running', 'Paused', 'Saved', 'Starting', 'Stopping'];

/** What the in-page Action menu lists, over the root, every server and every VM in every state, with and without a checkpoint. */
function inPageActionMenu(): Map<string, string> {
  const out = new Map<string, string>();
  const add = (items: ActionItem[]) => leaves(items).forEach((l) => out.set(l.id, l.label));
  const { root } = harness();
  root.ui.selectRoot();
  add(actionMenuItems(root));
  for (const host of root.inventory.hyperVHosts) {
    root.ui.selectServer(host.name);
    add(actionMenuItems(root));
  }
  // A server whose Virtual Machine Management service is stopped offers Start Service.
  const stopped = defaultWorld();
  stopped.hosts[0]!.vmms = 'Stopped';
  const s = harness(stopped);
  s.root.ui.selectServer(stopped.hosts[0]!.name);
  add(actionMenuItems(s.root));
  for (const state of STATES) {
    for (const withCheckpoint of [false, true]) {
      const world = defaultWorld();
      const vm = world.vms[0]!;
      vm.state = state;
      vm.checkpoints = withCheckpoint ? [{ id: 'cp1', name: 'Before patch', createdAt: 1, files: [] }] : [];
      const h = harness(world);
      h.root.ui.selectServer(vm.host);
      h.root.ui.selectVm(vm.id);
      add(actionMenuItems(h.root));
    }
  }
  return out;
}

function nativeMenu() {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = appMenuTemplate({ send, quit: () => {}, about: () => {}, reload: () => {}, toggleDevTools: () => {} }, { dev: false, platform: 'win32' });
  const submenu = (label: string) => (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
  const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    items.flatMap((i) => (i.submenu ? flat(i.submenu as MenuItemConstructorOptions[]) : i.type === 'separator' ? [] : [i]));
  /** The command an entry sends. */
  const commandOf = (item: MenuItemConstructorOptions): MenuCommand | undefined => {
    send.mockClear();
    (item.click as (() => void) | undefined)?.();
    return send.mock.calls[0]?.[0];
  };
  return { submenu, flat, commandOf };
}

/** The in-page action id a native command runs. */
const ID_OF: Partial<Record<MenuCommand, string>> = { ...SERVER_MENU_IDS, ...VM_MENU_IDS, refresh: 'refresh', help: 'help', connectToServer: 'connect-server' };

describe('the native Action menu', () => {
  it('lists exactly what the in-page Action menu can list, with the same words', () => {
    const inPage = inPageActionMenu();
    const native = nativeMenu();
    const nativeIds = new Map<string, string>();
    for (const item of native.flat(native.submenu('&Action'))) {
      const command = native.commandOf(item);
      expect(command, `native ${String(item.label)} sends a page command`).toBeDefined();
      const id = ID_OF[command!];
      expect(id, `${command} names an in-page action`).toBeDefined();
      nativeIds.set(id!, String(item.label).replace(/&/g, ''));
    }
    // The in-page View submenu (the themes) is the native View menu's Toggle Theme, and Help is Help > Help Topics (F1).
    const elsewhere = new Map([
      ['view', 'toggleTheme'],
      ['help', 'help'],
    ]);
    const all = native.flat([...native.submenu('&View'), ...native.submenu('&Help')]).map((i) => native.commandOf(i));
    for (const [id, command] of elsewhere) {
      expect(inPage.has(id), `in-page ${id}`).toBe(true);
      expect(all).toContain(command);
    }
    const expected = new Map([...inPage].filter(([id]) => !elsewhere.has(id)));
    expect(new Map([...nativeIds].sort())).toEqual(new Map([...expected].sort()));
  });

  it('every command the native menu sends is one the page listens for', () => {
    const native = nativeMenu();
    for (const label of ['&File', '&Action', '&View', '&Help']) {
      for (const item of native.flat(native.submenu(label))) {
        const command = native.commandOf(item);
        if (command) expect(MENU_COMMANDS).toContain(command);
      }
    }
  });

  it('runs the entry of the selected VM as the in-page menu does, and says why when it cannot', async () => {
    const world = defaultWorld();
    const vm = world.vms.find((v) => v.state === 'Running')!;
    const { root, invoked } = harness(world);
    root.ui.selectServer(vm.host);
    root.ui.selectVm(vm.id);
    runMenuCommand(root, 'pause');
    await Promise.resolve();
    expect(invoked).toEqual([{ cmdlet: 'Suspend-VM', params: { Name: vm.name, ComputerName: vm.host } }]);

    runMenuCommand(root, 'resume');
    expect(root.dialogs.current).toMatchObject({ kind: 'info', title: 'Resume', message: `Resume is not possible while ${vm.name} is running.` });
    root.dialogs.close(root.dialogs.current!.id);

    root.ui.selectVm(undefined);
    runMenuCommand(root, 'checkpoint');
    expect(root.dialogs.current).toMatchObject({ kind: 'info', message: 'Select a virtual machine in the list first, then choose Checkpoint again.' });
    root.dialogs.close(root.dialogs.current!.id);

    runMenuCommand(root, 'newVirtualMachine');
    expect(root.wizards.newVm).toBeDefined();
  });
});
