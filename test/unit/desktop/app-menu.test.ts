// Hyper-V Manager's menu bar.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { appMenuTemplate, type AppMenuActions } from '../../../doors/desktop/app-menu';
import { MENU_COMMANDS, type MenuCommand } from '../../../doors/desktop/ipc-channels';

function actions() {
  return {
    send: vi.fn<(command: MenuCommand) => void>(),
    quit: vi.fn<() => void>(),
    about: vi.fn<() => void>(),
    reload: vi.fn<() => void>(),
    toggleDevTools: vi.fn<() => void>(),
  } satisfies AppMenuActions;
}

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  return (template.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('appMenuTemplate', () => {
  it('has File, Action, View and Help with Hyper-V Manager wording', () => {
    const t = appMenuTemplate(actions(), { dev: false, platform: 'win32' });
    expect(t.map((m) => m.label)).toEqual(['&File', '&Action', '&View', '&Help']);
    expect(items(t, '&File').map((i) => i.label)).toEqual(['E&xit']);
    expect(items(t, '&Action').filter((i) => i.type !== 'separator').map((i) => i.label?.replace(/&/g, ''))).toEqual([
      'Refresh', 'Hyper-V Settings...', 'Move...', 'Start', 'Shut Down...', 'Turn Off...',
    ]);
    expect(items(t, '&Action').find((i) => i.id === 'refresh')?.accelerator).toBe('F5');
    expect(items(t, '&Help').filter((i) => i.type !== 'separator').map((i) => i.label?.replace(/&/g, ''))).toEqual([
      'Hyper-V Manager Help', 'About Hyper-V Mobility Lab',
    ]);
  });

  it('sends page commands and runs main-process actions', () => {
    const a = actions();
    const t = appMenuTemplate(a, { dev: false, platform: 'linux' });
    const all = t.flatMap((m) => (m.submenu ?? []) as MenuItemConstructorOptions[]);
    for (const item of all) click(item);
    expect(a.send.mock.calls.map((c) => c[0]).sort()).toEqual([...MENU_COMMANDS].sort());
    expect(a.quit).toHaveBeenCalledTimes(1);
    expect(a.about).toHaveBeenCalledTimes(1);
    expect(a.reload).not.toHaveBeenCalled();
    expect(a.toggleDevTools).not.toHaveBeenCalled();
  });

  it('offers Reload and DevTools in development only', () => {
    const a = actions();
    const dev = appMenuTemplate(a, { dev: true, platform: 'linux' });
    click(items(dev, '&View').find((i) => i.id === 'reload'));
    click(items(dev, '&View').find((i) => i.id === 'toggle-devtools'));
    expect(a.reload).toHaveBeenCalledTimes(1);
    expect(a.toggleDevTools).toHaveBeenCalledTimes(1);
    const ids = items(appMenuTemplate(a, { dev: false }), '&View').map((i) => i.id).filter(Boolean);
    expect(ids).toEqual(['toggle-theme', 'toggle-actions-pane', 'show-jobs', 'show-event-log', 'show-networking', 'show-powershell', 'open-labs']);
  });

  it('opens the bottom panes and the Labs pane from the View menu', () => {
    const a = actions();
    const view = items(appMenuTemplate(a, { dev: false }), '&View');
    for (const id of ['show-jobs', 'show-event-log', 'show-networking', 'show-powershell', 'open-labs']) click(view.find((i) => i.id === id));
    expect(a.send.mock.calls.map((c) => c[0])).toEqual(['showJobs', 'showEventLog', 'showNetworking', 'showPowerShell', 'openLabs']);
  });

  it('adds the application menu on macOS', () => {
    expect(appMenuTemplate(actions(), { dev: false, platform: 'darwin' })[0]).toEqual({ role: 'appMenu' });
  });
});
