// Builds the RootStore over a bridge and renders the console into the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { listenForDesktopMenu } from '../../actions/desktop-menu';
import type { LabBridge } from '../../bridge/connection';
import { RootStore } from '../../stores/root-store';
import { NARROW_WINDOW_QUERY } from '../../stores/ui-store';
import { App } from './App';

export function mountConsole(bridge: LabBridge, element: HTMLElement): RootStore {
  const root = new RootStore(bridge, {
    ui: {
      storage: safeLocalStorage(),
      darkQuery: window.matchMedia?.('(prefers-color-scheme: dark)'),
      narrowQuery: window.matchMedia?.(NARROW_WINDOW_QUERY),
    },
  });
  root.start();
  const stopMenu = bridge.connection.status().transport === 'desktop' ? listenForDesktopMenu(root) : () => {};
  createRoot(element).render(
    <StrictMode>
      <App root={root} />
    </StrictMode>,
  );
  window.addEventListener('pagehide', (e) => {
    if (e.persisted) return; // kept in the back/forward cache: it may come back as it was
    stopMenu();
    root.dispose();
  });
  return root;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
