// The details pane under the checkpoints: the selected VM's name, then Summary / Memory /
// Networking tabs along the bottom edge, as in Hyper-V Manager.
import { observer } from 'mobx-react-lite';
import { useRef, type KeyboardEvent } from 'react';
import type { Vm } from '../../../engine/model/world';
import { assignedMemoryText, memoryDemandText, memoryMbText, memoryStatusText } from '../../format/vm-columns';
import { weightName } from '../../stores/settings-vm';
import { byteSizeText } from '../../../engine/common/byte-size';
import type { DetailsTab } from '../../stores/ui-store';
import { useRoot } from '../app/root-context';

const TABS: { id: DetailsTab; label: string }[] = [
  { id: 'summary', label: 'Summary' },
  { id: 'memory', label: 'Memory' },
  { id: 'networking', label: 'Networking' },
];

export const VmDetails = observer(function VmDetails({ id }: { id: string }) {
  const { inventory, ui } = useRoot();
  const vm = inventory.selectedVm;
  const tabId = (t: DetailsTab) => `${id}-tab-${t}`;
  return (
    <section id={id} className="hv-pane hv-details" aria-label={vm ? `Details of ${vm.name}` : 'Details'} data-testid="vm-details">
      <div className="hv-pane-title">
        <h2>{vm ? vm.name : 'Details'}</h2>
      </div>
      {vm ? (
        <>
          <div className="hv-details-body" role="tabpanel" tabIndex={0} aria-labelledby={tabId(ui.detailsTab)} data-testid={`vm-details-${ui.detailsTab}`}>
            {ui.detailsTab === 'summary' && <SummaryTab vm={vm} />}
            {ui.detailsTab === 'memory' && <MemoryTab vm={vm} />}
            {ui.detailsTab === 'networking' && <NetworkingTab vm={vm} />}
          </div>
          <DetailsTabs tabId={tabId} />
        </>
      ) : (
        <div className="hv-empty">Select a virtual machine to see its details.</div>
      )}
    </section>
  );
});

/** The tabs along the bottom edge: a WAI-ARIA tablist (arrows, Home/End move and select). */
const DetailsTabs = observer(function DetailsTabs({ tabId }: { tabId(t: DetailsTab): string }) {
  const { ui } = useRoot();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = TABS.findIndex((t) => t.id === ui.detailsTab);
    let next: number | undefined;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i + TABS.length - 1) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next === undefined) return;
    e.preventDefault();
    const tab = TABS[next]!;
    ui.setDetailsTab(tab.id);
    list.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(tab.id))}`)?.focus();
  };
  return (
    <div ref={list} className="hv-details-tabs" role="tablist" aria-label="Details" onKeyDown={onKeyDown}>
      {TABS.map((t) => {
        const selected = ui.detailsTab === t.id;
        return (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={selected}
            tabIndex={selected ? 0 : -1}
            className="hv-tab"
            data-testid={`details-tab-${t.id}`}
            onClick={() => ui.setDetailsTab(t.id)}
          >
            {t.label}
          </button>
        );
      })}
    </div>
  );
});

function SummaryTab({ vm }: { vm: Vm }) {
  return (
    <div className="hv-details-columns">
      <dl className="hv-props">
        <dt>Created:</dt>
        {/* The world model does not record creation times yet. */}
        <dd>Not recorded</dd>
        <dt>Configuration Version:</dt>
        <dd>{vm.configurationVersion}</dd>
        <dt>Generation:</dt>
        <dd>{vm.generation}</dd>
        <dt>Virtual processors:</dt>
        <dd>{vm.processorCount}</dd>
        <dt>Notes:</dt>
        <dd>{vm.notes || 'None'}</dd>
      </dl>
      <dl className="hv-props">
        <dt>Configuration file location:</dt>
        <dd>{vm.paths.configuration}</dd>
        <dt>Checkpoint file location:</dt>
        <dd>{vm.paths.snapshots}</dd>
        <dt>Smart Paging file location:</dt>
        <dd>{vm.paths.smartPaging}</dd>
        {vm.vhds.map((d) => (
          <VhdRow key={d.path} controller={d.controller} path={d.path} size={d.sizeBytes} max={d.maxSizeBytes} type={d.type} />
        ))}
        {vm.passThroughDisks.map((d) => (
          <PassThroughRow key={`${d.controller}-${d.diskNumber}`} controller={d.controller} disk={d.diskNumber} />
        ))}
      </dl>
    </div>
  );
}

function VhdRow({ controller, path, size, max, type }: { controller: string; path: string; size: number; max: number; type: string }) {
  return (
    <>
      <dt>Hard Drive ({controller}):</dt>
      <dd>
        {path}{' '}
        <span style={{ color: 'var(--hv-text-muted)' }}>
          ({type}, {byteSizeText(size)} of {byteSizeText(max)})
        </span>
      </dd>
    </>
  );
}

function PassThroughRow({ controller, disk }: { controller: string; disk: number }) {
  return (
    <>
      <dt>Hard Drive ({controller}):</dt>
      <dd>Physical disk {disk} (pass-through)</dd>
    </>
  );
}

/**
 * Hyper-V Manager's Memory tab: the settings (startup, Dynamic Memory, minimum, maximum, buffer)
 * beside what the VM has now — Assigned Memory, and for Dynamic Memory its Memory Demand and Memory
 * Status — and its Memory Weight worded as the Settings dialog words it (weightName).
 */
const MemoryTab = observer(function MemoryTab({ vm }: { vm: Vm }) {
  const { clock } = useRoot();
  const m = vm.memory;
  const priority = Math.round(m.weight / 100);
  return (
    <div className="hv-details-columns">
      <dl className="hv-props">
        <dt>Startup Memory:</dt>
        <dd>{memoryMbText(m.startupBytes)}</dd>
        <dt>Dynamic Memory:</dt>
        <dd>{m.dynamic ? 'Enabled' : 'Disabled'}</dd>
        {m.dynamic && (
          <>
            <dt>Minimum Memory:</dt>
            <dd>{memoryMbText(m.minimumBytes)}</dd>
            <dt>Maximum Memory:</dt>
            <dd>{memoryMbText(m.maximumBytes)}</dd>
            <dt>Memory Buffer:</dt>
            <dd>{m.bufferPercent} %</dd>
          </>
        )}
      </dl>
      <dl className="hv-props">
        <dt>Assigned Memory:</dt>
        <dd data-testid="memory-tab-assigned">{assignedMemoryText(vm, clock.now)}</dd>
        {m.dynamic && (
          <>
            <dt>Memory Demand:</dt>
            <dd data-testid="memory-tab-demand">{memoryDemandText(vm, clock.now)}</dd>
            <dt>Memory Status:</dt>
            <dd data-testid="memory-tab-status">{memoryStatusText(vm, clock.now)}</dd>
          </>
        )}
        <dt>Memory Weight:</dt>
        <dd data-testid="memory-tab-weight">
          {weightName(priority)} ({priority})
        </dd>
      </dl>
    </div>
  );
});

function NetworkingTab({ vm }: { vm: Vm }) {
  if (vm.networkAdapters.length === 0)
    return (
      <div className="hv-empty" style={{ padding: 0 }}>
        This virtual machine has no network adapters.
      </div>
    );
  return (
    <table className="hv-simple-table">
      <thead>
        <tr>
          <th scope="col">Adapter</th>
          <th scope="col">Connected To</th>
        </tr>
      </thead>
      <tbody>
        {vm.networkAdapters.map((a, i) => (
          <tr key={`${a.name}-${i}`}>
            <td>{a.name}</td>
            <td>{a.switchName ?? 'Not connected'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
