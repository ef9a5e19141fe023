// The "Virtual Machines" list: eight sortable columns, Explorer-style selection, virtualized rows
// (10,000 VMs scroll as fast as 10). Keyboard: arrows, Page Up/Down, Home/End move the selection;
// Shift+F10 or the Menu key opens the VM's actions; Enter opens Connect like a double-click.
import { observer } from 'mobx-react-lite';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DesktopRegular } from '@fluentui/react-icons';
import type { Vm } from '../../../engine/model/world';
import { vmActions } from '../../actions/catalogue';
import { assignedMemoryText, cpuUsageText, memoryDemandText, memoryStatusText, uptimeText } from '../../format/vm-columns';
import type { VmColumn } from '../../stores/ui-store';
import { useRoot } from '../app/root-context';
import { ContextMenu, type ContextMenuRequest } from '../shared/ContextMenu';
import { InlineRename } from '../shared/InlineRename';

export const ROW_HEIGHT = 20;
const HEADER_HEIGHT = 23;

const COLUMNS: { id: VmColumn; label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'state', label: 'State' },
  { id: 'cpu', label: 'CPU Usage' },
  { id: 'memory', label: 'Assigned Memory' },
  { id: 'uptime', label: 'Uptime' },
  { id: 'status', label: 'Status' },
  // Hyper-V Manager 2012 R2 offers these two through View > Add/Remove Columns; shown here at the end.
  { id: 'memoryDemand', label: 'Memory Demand' },
  { id: 'memoryStatus', label: 'Memory Status' },
];

export function vmRowDomId(vm: Pick<Vm, 'id'>): string {
  return `vm-row-${vm.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export const VmGrid = observer(function VmGrid() {
  const root = useRoot();
  const { ui, vmList } = root;
  const rows = vmList.rows;
  const selectedIndex = vmList.selectedIndex;
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<ContextMenuRequest | undefined>();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
  });

  // Keep the selected row in view when the selection moves (keyboard) or the sort changes.
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, ui.sort, virtualizer]);

  const pageSize = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 200) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);

  const openMenuFor = useCallback(
    (vm: Vm, x: number, y: number) => {
      setMenu({ x, y, label: vm.name, items: vmActions(root, vm), returnFocus: scrollRef.current });
    },
    [root],
  );

  // Stable across renders, so a row re-renders only when its VM, position or selection changes.
  const rowHandlers = useMemo<RowHandlers>(
    () => ({
      select: (vm) => root.ui.selectVm(vm.id),
      contextMenu: (vm, e) => {
        e.preventDefault();
        root.ui.selectVm(vm.id);
        scrollRef.current?.focus({ preventScroll: true });
        openMenuFor(vm, e.clientX, e.clientY);
      },
      open: (vm) =>
        vmActions(root, vm)
          .find((a) => a.id === 'connect')
          ?.run(),
    }),
    [root, openMenuFor],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return; // header buttons handle their own keys
    if (rows.length === 0) return;
    const last = rows.length - 1;
    const at = selectedIndex;
    let next: number | undefined;
    switch (e.key) {
      case 'ArrowDown':
        next = at < 0 ? 0 : Math.min(last, at + 1);
        break;
      case 'ArrowUp':
        next = at < 0 ? 0 : Math.max(0, at - 1);
        break;
      case 'PageDown':
        next = at < 0 ? 0 : Math.min(last, at + pageSize);
        break;
      case 'PageUp':
        next = at < 0 ? 0 : Math.max(0, at - pageSize);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case ' ':
        if (at < 0) next = 0;
        break;
      case 'Enter': {
        const vm = rows[at];
        if (vm)
          vmActions(root, vm)
            .find((a) => a.id === 'connect')
            ?.run();
        break;
      }
      case 'F2': {
        // Windows' rename key, as in Hyper-V Manager's list.
        const vm = rows[at];
        if (vm)
          vmActions(root, vm)
            .find((a) => a.id === 'rename' && a.enabled)
            ?.run();
        break;
      }
      case 'ContextMenu':
      case 'F10': {
        if (e.key === 'F10' && !e.shiftKey) return;
        const vm = rows[at];
        const el = vm ? document.getElementById(vmRowDomId(vm)) : null;
        if (vm && el) {
          const r = el.getBoundingClientRect();
          openMenuFor(vm, r.left + 40, r.bottom);
        }
        break;
      }
      default:
        return;
    }
    e.preventDefault();
    const vm = next === undefined ? undefined : rows[next];
    if (vm) ui.selectVm(vm.id);
  };

  const selectedVm = selectedIndex >= 0 ? rows[selectedIndex] : undefined;
  const items = virtualizer.getVirtualItems();

  return (
    <div
      ref={scrollRef}
      className={`hv-grid${menu ? ' hv-menu-open' : ''}`}
      role="grid"
      aria-label="Virtual Machines"
      aria-rowcount={rows.length + 1}
      aria-colcount={COLUMNS.length}
      aria-multiselectable={false}
      aria-activedescendant={selectedVm ? vmRowDomId(selectedVm) : undefined}
      tabIndex={0}
      data-testid="vm-list"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="hv-grid-head">
        <div role="row" aria-rowindex={1} className="hv-grid-row">
          {COLUMNS.map((col, i) => {
            const sorted = ui.sort.column === col.id ? ui.sort.direction : undefined;
            return (
              <div key={col.id} role="columnheader" aria-colindex={i + 1} aria-sort={sorted ?? 'none'} className="hv-colheader">
                <button type="button" onClick={() => ui.sortBy(col.id)} data-testid={`vm-col-${col.id}`} title={`Sort by ${col.label}`}>
                  <span>{col.label}</span>
                  {sorted && (
                    <span className="hv-sort-glyph" aria-hidden="true">
                      {sorted === 'ascending' ? '▲' : '▼'}
                    </span>
                  )}
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="hv-grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const vm = rows[item.index];
          if (!vm) return null;
          return <VmRow key={item.key} vm={vm} index={item.index} top={item.start} selected={vm.id === ui.selectedVmId} handlers={rowHandlers} />;
        })}
      </div>
      {rows.length === 0 && (
        <div className="hv-empty" role="row">
          <span role="gridcell">No virtual machines were found on this server.</span>
        </div>
      )}
      <ContextMenu request={menu} onClose={() => setMenu(undefined)} />
    </div>
  );
});

interface RowHandlers {
  select(vm: Vm): void;
  contextMenu(vm: Vm, e: MouseEvent<HTMLDivElement>): void;
  open(vm: Vm): void;
}

interface VmRowProps {
  vm: Vm;
  index: number;
  top: number;
  selected: boolean;
  handlers: RowHandlers;
}

const VmRow = observer(function VmRow({ vm, index, top, selected, handlers }: VmRowProps) {
  const { clock, jobs, renames } = useRoot();
  const status = jobs.statusOf(vm.id);
  const running = vm.state === 'Running';
  return (
    <div
      id={vmRowDomId(vm)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className="hv-grid-row hv-vm-row"
      style={{ transform: `translateY(${top}px)` }}
      data-testid={`vm-row-${vm.name}`}
      data-state={vm.state}
      onMouseDown={(e) => {
        if (e.button === 0) handlers.select(vm);
      }}
      onDoubleClick={() => handlers.open(vm)}
      onContextMenu={(e) => handlers.contextMenu(vm, e)}
    >
      <div role="gridcell" aria-colindex={1} className="hv-cell">
        <span className={`hv-vm-icon ${running ? 'running' : 'stopped'}`} aria-hidden="true">
          <DesktopRegular />
        </span>
        {renames.isEditing('vm', vm.id) ? (
          <InlineRename
            value={vm.name}
            label={`New name of ${vm.name}`}
            testId="rename-vm-input"
            onCommit={(text) => renames.commit(text)}
            onCancel={() => renames.cancel()}
          />
        ) : (
          <span>{vm.name}</span>
        )}
      </div>
      <div role="gridcell" aria-colindex={2} className="hv-cell">
        <span>{vm.state}</span>
      </div>
      <div role="gridcell" aria-colindex={3} className="hv-cell">
        <span>{cpuUsageText(vm)}</span>
      </div>
      <div role="gridcell" aria-colindex={4} className="hv-cell" data-testid={`vm-memory-${vm.name}`}>
        <span>{assignedMemoryText(vm, clock.now)}</span>
      </div>
      <div role="gridcell" aria-colindex={5} className="hv-cell">
        <span>{uptimeText(vm, clock.now)}</span>
      </div>
      <div role="gridcell" aria-colindex={6} className={`hv-cell${status ? ' hv-status-moving' : ''}`} data-testid={`vm-status-${vm.name}`}>
        <span>{status}</span>
      </div>
      <div role="gridcell" aria-colindex={7} className="hv-cell" data-testid={`vm-demand-${vm.name}`}>
        <span>{memoryDemandText(vm, clock.now)}</span>
      </div>
      <div role="gridcell" aria-colindex={8} className="hv-cell" data-testid={`vm-memory-status-${vm.name}`}>
        <span>{memoryStatusText(vm, clock.now)}</span>
      </div>
    </div>
  );
});
