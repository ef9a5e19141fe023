// The Virtual Machines list of the selected server, sorted the way the user clicked the headers.
import { computed, makeObservable } from 'mobx';
import type { Vm } from '../../engine/model/world';
import { assignedMemoryValue, cpuUsageValue, memoryDemandValue, memoryStatusText } from '../format/vm-columns';
import type { InventoryStore } from './inventory-store';
import type { JobStore } from './job-store';
import type { SortOrder, UiStore } from './ui-store';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export class VmListStore {
  constructor(
    private readonly inventory: InventoryStore,
    private readonly jobs: JobStore,
    private readonly ui: UiStore,
  ) {
    makeObservable(this, { rows: computed, selectedIndex: computed });
  }

  get rows(): readonly Vm[] {
    return sortVms(this.inventory.vmsOfSelectedHost, this.ui.sort, (vm) => this.jobs.statusOf(vm.id));
  }

  get selectedIndex(): number {
    const id = this.ui.selectedVmId;
    return id === undefined ? -1 : this.rows.findIndex((vm) => vm.id === id);
  }
}

/**
 * Sorts a copy. Blank cells (a VM that is off has no CPU usage) go last whichever the direction,
 * as in Explorer-style lists; ties fall back to the name so the order is stable.
 */
export function sortVms(vms: readonly Vm[], order: SortOrder, statusOf: (vm: Vm) => string): Vm[] {
  const dir = order.direction === 'ascending' ? 1 : -1;
  const key = keyFor(order.column, statusOf);
  const byName = (a: Vm, b: Vm) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  return [...vms].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const blankA = ka === undefined || ka === '';
    const blankB = kb === undefined || kb === '';
    if (blankA !== blankB) return blankA ? 1 : -1;
    let c = 0;
    if (!blankA && !blankB) c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : collator.compare(String(ka), String(kb));
    return c !== 0 ? c * dir : byName(a, b) * (order.column === 'name' ? dir : 1);
  });
}

function keyFor(column: SortOrder['column'], statusOf: (vm: Vm) => string): (vm: Vm) => string | number | undefined {
  switch (column) {
    case 'name':
      return () => 0;
    case 'state':
      return (vm) => vm.state;
    case 'cpu':
      return cpuUsageValue;
    case 'memory':
      return (vm) => assignedMemoryValue(vm);
    case 'memoryDemand':
      return (vm) => memoryDemandValue(vm);
    case 'memoryStatus':
      return (vm) => memoryStatusText(vm);
    case 'uptime':
      // Longest uptime = earliest start; negate so ascending means shortest uptime first.
      return (vm) => ((vm.state === 'Running' || vm.state === 'Paused' || vm.state === 'Stopping') && vm.startedAt !== undefined ? -vm.startedAt : undefined);
    case 'status':
      return statusOf;
  }
}
