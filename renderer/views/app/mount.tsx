// Builds the RootStore over a bridge and renders the console into the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { LabBridge } from '../../bridge/connection';
import { RootStore } from '../../stores/root-store';
import { App } from './App';

export function mountConsole(bridge: LabBridge, element: HTMLElement): RootStore {
  const root = new RootStore(bridge, {
    ui: {
      storage: safeLocalStorage(),
      darkQuery: window.matchMedia?.('(prefers-color-scheme: dark)'),
    },
  });
  root.start();
  createRoot(element).render(
    <StrictMode>
      <App root={root} />
    </StrictMode>,
  );
  window.addEventListener('pagehide', () => root.dispose());
  return root;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
