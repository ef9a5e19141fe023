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
    expect(items(t, '&File').map((i) => i.label)).toEqual([
      '&New...',
      '&Open...',
      '&Save',
      'Save &As...',
      '&Revert to Saved',
      undefined,
      'Recent Scenari&os',
      undefined,
      'E&xit',
    ]);
    expect(
      items(t, '&Action')
        .filter((i) => i.type !== 'separator')
        .map((i) => i.label?.replace(/&/g, '')),
    ).toEqual([
      'Connect to Server...',
      'New',
      'Import Virtual Machine...',
      'Hyper-V Settings...',
      'Virtual Switch Manager...',
      'Edit Disk...',
      'Inspect Disk...',
      'Stop Service',
      'Start Service',
      'Remove Server',
      'Refresh',
      'Connect...',
      'Settings...',
      'Start',
      'Turn Off...',
      'Shut Down...',
      'Save',
      'Pause',
      'Resume',
      'Delete Saved State...',
      'Reset',
      'Checkpoint',
      'Revert...',
      'Move...',
      'Export...',
      'Rename...',
      'Delete...',
    ]);
    expect(items(t, '&Action').find((i) => i.id === 'refresh')?.accelerator).toBe('F5');
    expect(
      items(t, '&Help')
        .filter((i) => i.type !== 'separator')
        .map((i) => i.label?.replace(/&/g, '')),
    ).toEqual(['Hyper-V Manager Help', 'Getting Started Tour', 'About Hyper-V Mobility Lab']);
  });

  it('File sends the scenario commands to the page and lists the recent scenarios, numbered, for the main process to open', () => {
    const a = { ...actions(), openRecent: vi.fn<(key: string) => void>() };
    const empty = appMenuTemplate(a, { dev: false, platform: 'win32' });
    expect(items(empty, '&File').find((i) => i.id === 'recent-scenarios')).toMatchObject({ enabled: false, submenu: [] });
    const t = appMenuTemplate(a, {
      dev: false,
      platform: 'win32',
      recent: [
        { key: 'library-1', name: 'R&D rack', where: 'Data folder' },
        { key: 'file-2', name: 'Exam', where: 'C:\\Labs\\Exam.hvlab.json' },
      ],
    });
    const file = items(t, '&File');
    for (const [id, command] of [
      ['new-scenario', 'newScenario'],
      ['open-scenario', 'openScenario'],
      ['save-scenario', 'saveScenario'],
      ['save-scenario-as', 'saveScenarioAs'],
      ['revert-scenario', 'revertScenario'],
    ] as const) {
      click(file.find((i) => i.id === id));
      expect(a.send).toHaveBeenLastCalledWith(command);
      expect(MENU_COMMANDS).toContain(command);
    }
    expect(file.find((i) => i.id === 'save-scenario')?.accelerator).toBe('CmdOrCtrl+S');
    const recent = file.find((i) => i.id === 'recent-scenarios')!.submenu as MenuItemConstructorOptions[];
    expect(recent.map((i) => i.label)).toEqual(['&1 R&&D rack', '&2 Exam']);
    click(recent[1]);
    expect(a.openRecent).toHaveBeenCalledWith('file-2');
  });

  it('sends page commands and runs main-process actions', () => {
    const a = actions();
    const t = appMenuTemplate(a, { dev: false, platform: 'linux' });
    const flat = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
      items.flatMap((i) => [i, ...flat((i.submenu ?? []) as MenuItemConstructorOptions[])]);
    const all = flat(t.flatMap((m) => (m.submenu ?? []) as MenuItemConstructorOptions[]));
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
    const ids = items(appMenuTemplate(a, { dev: false }), '&View')
      .map((i) => i.id)
      .filter(Boolean);
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
