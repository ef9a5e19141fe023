// The console frame: menu bar, tree | centre | actions, status bar; or the error page when the
// engine cannot be reached at all.
import { observer } from 'mobx-react-lite';
import { useEffect } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { PANE_LIMITS } from '../../stores/ui-store';
import type { RootStore } from '../../stores/root-store';
import { DialogHost } from '../dialogs/DialogHost';
import { ActionsPane } from '../manager/ActionsPane';
import { CentrePane } from '../manager/CentrePane';
import { Dock } from '../dock/Dock';
import { ConsoleToolbar } from '../manager/ConsoleToolbar';
import { MenuBar } from '../manager/MenuBar';
import { ServerTree } from '../manager/ServerTree';
import { LabsPane } from '../labs/LabsPane';
import { LABS_WIDTH, type LabStore } from '../../stores/lab-store';
import { StatusBar } from '../manager/StatusBar';
import { PaneBoundary, type PaneExit } from '../shared/PaneBoundary';
import { Splitter } from '../shared/Splitter';
import { preventBrowserContextMenu, useTextContextMenu } from '../shared/TextContextMenu';
import { installAccessKeyCues } from '../shared/window-keys';
import { ConnectionBanner, NoticeBar } from './ConnectionBanner';
import { ErrorPage } from './ErrorPage';
import { RootContext, useRoot } from './root-context';
import { fluentTheme } from './theme';
import { helpTopicFor } from '../../help/help-topics';

export const App = observer(function App({ root }: { root: RootStore }) {
  const theme = root.ui.theme;
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // F5 refreshes the console, as in the MMC, instead of reloading the page.
      if (e.key === 'F5' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        if (root.connection.connected) void root.refresh();
      }
      // F1 opens the help at the topic of the window or pane that has the focus, as in Windows.
      if (e.key === 'F1' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        root.help.open(helpTopicFor(document.activeElement));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [root]);
  useEffect(() => installAccessKeyCues(), []);
  useEffect(() => preventBrowserContextMenu(), []);
  const textMenu = useTextContextMenu();
  return (
    <RootContext.Provider value={root}>
      {/* No layout class on the provider: Fluent copies it onto every portal's mount node. */}
      <FluentProvider theme={fluentTheme(theme)} style={{ height: '100%' }}>
        <div className="hv-provider" onContextMenu={textMenu.onContextMenu}>
          {root.connection.status.phase === 'failed' ? <ErrorPage /> : <Console />}
          {textMenu.menu}
        </div>
        <DialogHost />
      </FluentProvider>
    </RootContext.Provider>
  );
});

const Console = observer(function Console() {
  const { ui, connection, labs } = useRoot();
  // The desktop window has a native menu bar (doors/desktop/app-menu.ts); don't draw a second one.
  const desktop = connection.status.transport === 'desktop';
  return (
    <div className="hv-app">
      <header style={{ flex: 'none' }}>
        <h1 className="visually-hidden">Hyper-V Manager</h1>
        {!desktop && (
          <PaneBoundary name="Menu bar">
            <MenuBar />
          </PaneBoundary>
        )}
        <PaneBoundary name="Toolbar">
          <ConsoleToolbar />
        </PaneBoundary>
        <ConnectionBanner />
        <NoticeBar />
      </header>
      <main className="hv-workspace" aria-label="Hyper-V Manager">
        {ui.treeVisible && (
          <>
            <PaneBoundary name="Hyper-V Manager tree" style={{ width: ui.paneSizes.tree, flex: 'none' }}>
              <ServerTree id="pane-tree" />
            </PaneBoundary>
            <Splitter
              orientation="vertical"
              value={ui.paneSizes.tree}
              min={PANE_LIMITS.tree.min}
              max={PANE_LIMITS.tree.max}
              onChange={(v) => ui.setPaneSize('tree', v)}
              label="Resize the console tree"
              controls="pane-tree"
              testId="splitter-tree"
            />
          </>
        )}
        <PaneBoundary name="Hyper-V Manager" className="hv-centre">
          <CentrePane />
        </PaneBoundary>
        {ui.actionsPaneVisible && (
          <>
            <Splitter
              orientation="vertical"
              direction={-1}
              value={ui.paneSizes.actions}
              min={PANE_LIMITS.actions.min}
              max={PANE_LIMITS.actions.max}
              onChange={(v) => ui.setPaneSize('actions', v)}
              label="Resize the Actions pane"
              controls="pane-actions"
              testId="splitter-actions"
            />
            <PaneBoundary name="Actions" style={{ width: ui.paneSizes.actions, flex: 'none' }}>
              <ActionsPane id="pane-actions" />
            </PaneBoundary>
          </>
        )}
        {labs.open && (
          <>
            <Splitter
              orientation="vertical"
              direction={-1}
              value={labs.width}
              min={LABS_WIDTH.min}
              max={LABS_WIDTH.max}
              onChange={(v) => labs.setWidth(v)}
              label="Resize the Labs pane"
              controls="pane-labs"
              testId="splitter-labs"
            />
            <PaneBoundary name="Labs" style={{ width: labs.width, flex: 'none' }} exits={labExits(labs)}>
              <LabsPane id="pane-labs" />
            </PaneBoundary>
          </>
        )}
      </main>
      <PaneBoundary name="Bottom pane">
        <Dock />
      </PaneBoundary>
      <PaneBoundary name="Status bar">
        <StatusBar />
      </PaneBoundary>
    </div>
  );
});

/** The ways out of a crashed Labs pane: the running lab can always be left, the pane closed. */
function labExits(labs: LabStore): PaneExit[] {
  return [
    ...(labs.activeLabId ? [{ label: 'Leave lab', run: () => labs.leave(), testId: 'pane-leave-lab' }] : []),
    { label: 'Close Labs', run: () => labs.setOpen(false), testId: 'pane-close-labs' },
  ];
}
