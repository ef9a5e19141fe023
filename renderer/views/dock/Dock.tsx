// The bottom dock under the Hyper-V Manager panes: Jobs | Event Log | Networking | PowerShell.
// Resizable with its splitter (mouse or keyboard), collapsible to its tab strip, remembered across
// restarts. The tabs are a WAI-ARIA tablist: Left/Right/Home/End move between them; the View menu
// and Ctrl+` open it. Only the pane on top is mounted, so a hidden Networking pane polls nothing.
import { observer } from 'mobx-react-lite';
import { useEffect, useRef, type KeyboardEvent, type ReactElement } from 'react';
import {
  ChevronDownRegular,
  ChevronUpRegular,
  DocumentBulletListRegular,
  NetworkCheckRegular,
  TaskListLtrRegular,
  WindowConsoleRegular,
} from '@fluentui/react-icons';
import { DOCK_HEIGHT, DOCK_TABS, type DockTab } from '../../stores/dock-store';
import { useRoot } from '../app/root-context';
import { Splitter } from '../shared/Splitter';
import { PowerShellConsole } from '../console/PowerShellConsole';
import { JobsPanel } from '../jobs/JobsPanel';
import { EventLogPanel } from '../log/EventLogPanel';
import { NetworkPanel } from '../network/NetworkPanel';
import './dock.css';
import { PaneBoundary } from '../shared/PaneBoundary';

const ICONS: Record<DockTab, ReactElement> = {
  jobs: <TaskListLtrRegular />,
  log: <DocumentBulletListRegular />,
  network: <NetworkCheckRegular />,
  console: <WindowConsoleRegular />,
};

const PANEL_ID = 'dock-panel';
const tabId = (t: DockTab) => `dock-tab-${t}`;

export const Dock = observer(function Dock() {
  const root = useRoot();
  const { dock } = root;
  const tablist = useRef<HTMLDivElement>(null);

  // View menu, links and Ctrl+`: move focus into the pane once it is on screen.
  const lastFocus = useRef(dock.focusRequest);
  useEffect(() => {
    if (dock.focusRequest === lastFocus.current) return;
    lastFocus.current = dock.focusRequest;
    requestAnimationFrame(() => {
      const panel = document.getElementById(PANEL_ID);
      const target = panel?.querySelector<HTMLElement>('[data-autofocus]') ?? document.getElementById(tabId(dock.tab));
      target?.focus({ preventScroll: true });
    });
  }, [dock.focusRequest, dock.tab]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === '`' && e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        dock.show('console');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dock]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = DOCK_TABS.findIndex((t) => t.id === dock.tab);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % DOCK_TABS.length;
    else if (e.key === 'ArrowLeft') next = (i + DOCK_TABS.length - 1) % DOCK_TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = DOCK_TABS.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const tab = DOCK_TABS[next]!.id;
    dock.setTab(tab);
    tablist.current?.querySelector<HTMLElement>(`#${tabId(tab)}`)?.focus();
  };

  const maxHeight = Math.max(DOCK_HEIGHT.min, Math.min(DOCK_HEIGHT.max, (typeof window !== 'undefined' ? window.innerHeight : 900) - 220));
  const height = Math.min(dock.height, maxHeight);
  return (
    <>
      {dock.open && (
        <Splitter
          orientation="horizontal"
          direction={-1}
          value={height}
          min={DOCK_HEIGHT.min}
          max={maxHeight}
          onChange={(v) => dock.setHeight(v)}
          label="Resize the bottom pane"
          controls="dock"
          testId="splitter-dock"
        />
      )}
      <section
        id="dock"
        className={`hv-dock${dock.open ? '' : ' collapsed'}`}
        style={dock.open ? { height } : undefined}
        aria-label="Jobs, Event Log, Networking and PowerShell"
        data-testid="dock"
        data-open={dock.open}
      >
        <div className="hv-dock-bar">
          <div ref={tablist} role="tablist" aria-label="Bottom pane" className="hv-dock-tabs" onKeyDown={onKeyDown}>
            {DOCK_TABS.map((t) => {
              const selected = dock.tab === t.id;
              return (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={tabId(t.id)}
                  aria-selected={selected}
                  aria-controls={dock.open && selected ? PANEL_ID : undefined}
                  tabIndex={selected ? 0 : -1}
                  className="hv-dock-tab"
                  data-testid={`dock-tab-${t.id}`}
                  onClick={() => (selected && dock.open ? undefined : dock.setTab(t.id))}
                >
                  <span className="hv-dock-tab-icon" aria-hidden="true">
                    {ICONS[t.id]}
                  </span>
                  {t.label}
                  {t.id === 'jobs' && <ActiveJobsBadge />}
                </button>
              );
            })}
          </div>
          <span className="hv-dock-bar-spacer" />
          <button
            type="button"
            className="hv-tool"
            aria-expanded={dock.open}
            aria-controls="dock"
            aria-label={dock.open ? 'Collapse the bottom pane' : 'Expand the bottom pane'}
            title={dock.open ? 'Collapse the bottom pane' : 'Expand the bottom pane'}
            onClick={() => dock.toggle()}
            data-testid="dock-toggle"
          >
            {dock.open ? <ChevronDownRegular /> : <ChevronUpRegular />}
          </button>
        </div>
        {dock.open && (
          <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(dock.tab)} className="hv-dock-panel" data-testid={`dock-panel-${dock.tab}`}>
            <PaneBoundary key={dock.tab} name={DOCK_TABS.find((t) => t.id === dock.tab)?.label ?? 'Bottom pane'} className="hv-pane-crashed-fill">
              {dock.tab === 'jobs' && <JobsPanel />}
              {dock.tab === 'log' && <EventLogPanel />}
              {dock.tab === 'network' && <NetworkPanel />}
              {dock.tab === 'console' && <PowerShellConsole />}
            </PaneBoundary>
          </div>
        )}
      </section>
    </>
  );
});

/** The number of running and queued jobs on the Jobs tab (its own observer: it changes often). */
const ActiveJobsBadge = observer(function ActiveJobsBadge() {
  const running = useRoot().jobs.active.length;
  return running > 0 ? (
    <span className="hv-badge" aria-label={`${running} active`}>
      {running}
    </span>
  ) : null;
});
