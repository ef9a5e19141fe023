// The Event Log pane: the engine's Hyper-V-VMMS-style entries as Event Viewer lists them — level,
// time (simulated clock), source, event ID, message — newest first, virtualized, filtered by level.
// The selected entry's full message shows below the list, as in Event Viewer's preview pane.
import { observer } from 'mobx-react-lite';
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { LogEntry } from '../../../engine/model/jobs';
import { timeSpanText } from '../../../engine/common/time-span';
import { LOG_LEVELS, type LogLevel } from '../../stores/log-store';
import { useRoot } from '../app/root-context';

const ROW_HEIGHT = 20;
const HEADER_HEIGHT = 22;
const COLUMNS = ['Level', 'Simulated time', 'Source', 'Event ID', 'Message'];

function rowDomId(seq: number): string {
  return `log-row-${seq}`;
}

export const EventLogPanel = observer(function EventLogPanel() {
  const { log, dock } = useRoot();
  const selected = dock.selectedLogSeq !== undefined ? log.entry(dock.selectedLogSeq) : undefined;
  return (
    <div className="hv-log" data-testid="event-log-pane">
      <div className="hv-dock-toolbar" role="toolbar" aria-label="Event Log filter">
        <span className="hv-dock-toolbar-label" id="log-filter-label">
          Show:
        </span>
        <div role="group" aria-labelledby="log-filter-label" className="hv-check-group">
          {LOG_LEVELS.map((level) => (
            <label key={level} className="hv-check">
              <input type="checkbox" checked={log.levels.has(level)} onChange={() => log.toggleLevel(level)} data-testid={`log-filter-${level}`} />
              <LevelIcon level={level} />
              {level} ({log.counts[level].toLocaleString('en-US')})
            </label>
          ))}
        </div>
        <span className="hv-dock-toolbar-note">Applications and Services Logs › Microsoft › Windows › Hyper-V-VMMS › Admin (simulated)</span>
      </div>
      <LogList />
      <div className="hv-log-preview" aria-label="Selected event" data-testid="log-preview">
        {selected ? (
          <>
            <div className="hv-log-preview-head">
              <LevelIcon level={selected.level} />
              <strong>{selected.level}</strong>
              <span>· {selected.source}</span>
              {selected.eventId !== undefined && <span>· Event ID {selected.eventId}</span>}
              <span>· {timeSpanText(selected.at)}</span>
            </div>
            <p className="hv-log-message">{selected.message}</p>
          </>
        ) : (
          <span className="hv-text-muted">
            {log.loadError ? `The event log could not be loaded: ${log.loadError.message}` : 'Select an event to read its full message.'}
          </span>
        )}
      </div>
    </div>
  );
});

const LogList = observer(function LogList() {
  const { log, dock } = useRoot();
  const rows = log.visible;
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedIndex = useMemo(
    () => (dock.selectedLogSeq === undefined ? -1 : rows.findIndex((e) => e.seq === dock.selectedLogSeq)),
    [rows, dock.selectedLogSeq],
  );
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
    // Rows follow the scroll in the next frame rather than a synchronous re-render per scroll event.
    useFlushSync: false,
    getItemKey: (i) => rows[i]?.seq ?? i,
  });
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || rows.length === 0) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 200) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const at = selectedIndex;
    const last = rows.length - 1;
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = at < 0 ? 0 : Math.min(last, at + 1);
    else if (e.key === 'ArrowUp') next = at < 0 ? 0 : Math.max(0, at - 1);
    else if (e.key === 'PageDown') next = at < 0 ? 0 : Math.min(last, at + page);
    else if (e.key === 'PageUp') next = at < 0 ? 0 : Math.max(0, at - page);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next === undefined) return;
    e.preventDefault();
    dock.selectLogEntry(rows[next]!.seq);
  };

  const selected = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  return (
    <div
      ref={scrollRef}
      className="hv-grid hv-log-grid"
      role="grid"
      aria-label="Events, newest first"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selected ? rowDomId(selected.seq) : undefined}
      tabIndex={0}
      data-testid="event-log-list"
      data-autofocus
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="hv-grid-head">
        <div role="row" aria-rowindex={1} className="hv-grid-row hv-log-cols">
          {COLUMNS.map((c, i) => (
            <div key={c} role="columnheader" aria-colindex={i + 1} className="hv-colheader hv-colheader-static">
              <span>{c}</span>
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="hv-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = rows[item.index];
          if (!entry) return null;
          return (
            <LogRow
              key={item.key}
              entry={entry}
              index={item.index}
              top={item.start}
              selected={entry.seq === dock.selectedLogSeq}
              onSelect={() => dock.selectLogEntry(entry.seq)}
            />
          );
        })}
      </div>
      {rows.length === 0 && (
        <div className="hv-empty" role="row">
          <span role="gridcell">{log.entries.length === 0 ? 'No events have been logged yet.' : 'No events match the filter.'}</span>
        </div>
      )}
    </div>
  );
});

function LogRow({ entry, index, top, selected, onSelect }: { entry: LogEntry; index: number; top: number; selected: boolean; onSelect(): void }) {
  return (
    <div
      id={rowDomId(entry.seq)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="hv-grid-row hv-log-cols hv-job-row"
      style={{ transform: `translateY(${top}px)` }}
      data-testid="log-row"
      data-level={entry.level}
      data-event-id={entry.eventId}
      onMouseDown={(e) => {
        if (e.button === 0) onSelect();
      }}
    >
      <div role="gridcell" aria-colindex={1} className="hv-cell">
        <LevelIcon level={entry.level} />
        <span>{entry.level}</span>
      </div>
      <div role="gridcell" aria-colindex={2} className="hv-cell hv-num">
        <span>{timeSpanText(entry.at)}</span>
      </div>
      <div role="gridcell" aria-colindex={3} className="hv-cell">
        <span>{entry.source}</span>
      </div>
      <div role="gridcell" aria-colindex={4} className="hv-cell hv-num">
        <span>{entry.eventId ?? ''}</span>
      </div>
      <div role="gridcell" aria-colindex={5} className="hv-cell" title={entry.message}>
        <span>{entry.message}</span>
      </div>
    </div>
  );
}

export function LevelIcon({ level }: { level: LogLevel }) {
  switch (level) {
    case 'Error':
      return (
        <span className="hv-level-icon error" aria-hidden="true">
          <ErrorCircleFilled />
        </span>
      );
    case 'Warning':
      return (
        <span className="hv-level-icon warning" aria-hidden="true">
          <WarningFilled />
        </span>
      );
    case 'Information':
      return (
        <span className="hv-level-icon info" aria-hidden="true">
          <InfoFilled />
        </span>
      );
  }
}
