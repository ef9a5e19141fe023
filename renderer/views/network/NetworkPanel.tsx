// The Networking pane for one computer (picked here, or the server selected in the tree): adapters
// with link and RDMA toggles, NIC teams, SMB Multichannel connections, SMB bandwidth limits, Data
// Center Bridging classes with per-class throughput, and
// live charts of throughput per adapter and CPU. Polls the engine about once a second while shown.
import { observer } from 'mobx-react-lite';
import { useEffect, useId, useState } from 'react';
import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRoot } from '../app/root-context';
import { AdaptersTable, MultichannelTable, TeamsTable } from './AdapterTables';
import { BandwidthLimits } from './BandwidthLimits';
import { DcbSection } from './DcbSection';
import { TeamDialog } from './TeamDialog';
import { TelemetryCharts } from './TelemetryCharts';

export const NetworkPanel = observer(function NetworkPanel() {
  const { network, dock, ui } = useRoot();
  const [teamDialog, setTeamDialog] = useState(false);
  const selectId = useId();
  useEffect(() => network.watch(), [network]);
  // A different computer: ask at once rather than at the next tick.
  const host = network.host;
  useEffect(() => {
    if (host) void network.poll();
  }, [host, network]);

  const view = network.view && network.loadedHost === host ? network.view : undefined;
  const following = dock.networkHost === undefined;
  return (
    <div className="hv-network" data-testid="network-pane">
      <div className="hv-dock-toolbar" role="toolbar" aria-label="Networking">
        <label htmlFor={selectId} className="hv-dock-toolbar-label">
          Computer:
        </label>
        <select
          id={selectId}
          className="hv-select"
          value={following ? '' : (host ?? '')}
          onChange={(e) => dock.setNetworkHost(e.target.value || undefined)}
          data-testid="network-host"
          data-autofocus
        >
          <option value="">Selected in the tree{ui.selectedServerName ? ` (${ui.selectedServerName})` : ''}</option>
          {network.hostChoices.map((h) => (
            <option key={h} value={h}>
              {h}
            </option>
          ))}
        </select>
        <Button size="small" icon={<AddRegular />} onClick={() => setTeamDialog(true)} disabled={!view} data-testid="network-new-team">
          New NIC Team...
        </Button>
        {view && (
          <span className="hv-dock-toolbar-note" data-testid="network-cpu">
            {host}: {view.cpu.cores} cores at {view.cpu.ghz} GHz · CPU {Math.round(view.cpu.vmDemandPercent + view.cpu.transferPercent)} % (virtual machines{' '}
            {Math.round(view.cpu.vmDemandPercent)} %, transfers {Math.round(view.cpu.transferPercent)} %)
          </span>
        )}
      </div>
      {network.viewError && network.loadedHost === host ? (
        <div className="hv-empty" role="alert">
          {network.viewError.message}
        </div>
      ) : !view ? (
        <div className="hv-empty" role="status">
          Loading the network of {host ?? 'the computer'}…
        </div>
      ) : (
        <div className="hv-network-body">
          <div className="hv-network-tables">
            <AdaptersTable view={view} />
            <TeamsTable view={view} />
            <MultichannelTable view={view} />
            <BandwidthLimits view={view} />
            <DcbSection view={view} />
          </div>
          <TelemetryCharts view={view} />
        </div>
      )}
      {teamDialog && view && <TeamDialog view={view} onClose={() => setTeamDialog(false)} />}
    </div>
  );
});
