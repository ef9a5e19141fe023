// Builds the RootStore over a bridge and renders the console into the page.
import { StrictMode } from 'react';
import { autorun } from 'mobx';
import { createRoot } from 'react-dom/client';
import { listenForDesktopMenu } from '../../actions/desktop-menu';
import type { LabBridge } from '../../bridge/connection';
import { RootStore } from '../../stores/root-store';
import { NARROW_WINDOW_QUERY } from '../../stores/ui-store';
import { App } from './App';
import { downloadText } from '../labs/download';

export function mountConsole(bridge: LabBridge, element: HTMLElement): RootStore {
  const root = new RootStore(bridge, {
    ui: {
      storage: safeLocalStorage(),
      darkQuery: window.matchMedia?.('(prefers-color-scheme: dark)'),
      narrowQuery: window.matchMedia?.(NARROW_WINDOW_QUERY),
    },
    download: (fileName, text) => downloadText(fileName, text, 'application/json'),
  });
  root.start();
  // A first run offers the getting-started tour; a browser driven by automation (the e2e journeys,
  // navigator.webdriver) is not offered it, so the tour never stands over what a journey clicks.
  if (root.tour.firstRun && !navigator.webdriver) root.tour.start();
  const desktop = bridge.connection.status().transport === 'desktop';
  const stopMenu = desktop ? listenForDesktopMenu(root) : () => {};
  // The title bar names the scenario and marks unsaved changes (the desktop window takes the page's title).
  const stopTitle = autorun(() => {
    document.title = root.scenarios.title;
  });
  // Closing the tab with unsaved changes asks first (the browser words the question; the desktop
  // asks Save / Don't Save / Cancel natively, doors/desktop/scenario-dialogs.ts).
  const beforeUnload = (e: BeforeUnloadEvent) => {
    if (!root.scenarios.dirty) return;
    e.preventDefault();
    e.returnValue = '';
  };
  if (!desktop) window.addEventListener('beforeunload', beforeUnload);
  createRoot(element).render(
    <StrictMode>
      <App root={root} />
    </StrictMode>,
  );
  window.addEventListener('pagehide', (e) => {
    if (e.persisted) return; // kept in the back/forward cache: it may come back as it was
    stopMenu();
    stopTitle();
    window.removeEventListener('beforeunload', beforeUnload);
    root.dispose();
  });
  return root;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Reading window.localStorage throws when storage is disabled; the console then remembers nothing.
    return undefined;
  }
}
