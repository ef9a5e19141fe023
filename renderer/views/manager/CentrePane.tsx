// The middle of the console: for a server, the Virtual Machines list, the Checkpoints pane and the
// details pane, split by keyboard-adjustable splitters; for the "Hyper-V Manager" node, a short
// introduction, as the MMC shows.
import { observer } from 'mobx-react-lite';
import { PANE_LIMITS } from '../../stores/ui-store';
import { useRoot } from '../app/root-context';
import { PaneBoundary } from '../shared/PaneBoundary';
import { Splitter } from '../shared/Splitter';
import { CheckpointsPane } from './CheckpointsPane';
import { VmDetails } from './VmDetails';
import { VmGrid } from './VmGrid';

export const CentrePane = observer(function CentrePane() {
  const root = useRoot();
  const { ui, inventory } = root;
  const host = inventory.selectedHost;

  if (!inventory.loaded) {
    return (
      <div className="hv-centre">
        <section className="hv-pane" style={{ flex: 1 }} aria-busy="true">
          <div className="hv-pane-title">
            <h2>Hyper-V Manager</h2>
          </div>
          <div className="hv-empty" role="status">
            {root.loadError ? `The inventory could not be loaded: ${root.loadError.message}` : 'Loading the inventory from the engine…'}
          </div>
        </section>
      </div>
    );
  }

  if (!host) {
    return (
      <div className="hv-centre">
        <section className="hv-pane" style={{ flex: 1 }} aria-label="Hyper-V Manager" data-testid="manager-intro">
          <div className="hv-pane-title">
            <h2>Hyper-V Manager</h2>
          </div>
          <div className="hv-intro">
            <h2>Hyper-V Manager provides the tools and information you can use to manage a virtualization server.</h2>
            <p>
              Select a server in the tree on the left to see its virtual machines. This lab's datacenter, “{inventory.world?.name}”, has{' '}
              {inventory.hyperVHosts.length} Hyper-V server{inventory.hyperVHosts.length === 1 ? '' : 's'}
              {inventory.fileServers.length > 0 && (
                <>
                  {' '}
                  and {inventory.fileServers.length} file server{inventory.fileServers.length === 1 ? '' : 's'} (
                  {inventory.fileServers.map((h) => h.name).join(', ')}) holding SMB 3 shares
                </>
              )}
              .
            </p>
            <p>
              You are signed in on {inventory.world?.session.signedInOn} as {inventory.world?.session.user}.
            </p>
          </div>
        </section>
      </div>
    );
  }

  if (host.vmms === 'Stopped') {
    // Hyper-V Manager shows no virtual machines for a server it cannot reach the service of.
    return (
      <div className="hv-centre">
        <section className="hv-pane" style={{ flex: 1 }} aria-label="Virtual Machines" data-testid="vmms-stopped">
          <div className="hv-pane-title">
            <h2>Virtual Machines</h2>
          </div>
          <div className="hv-empty" role="status">
            The Virtual Machine Management service is not running on {host.name}. Its virtual machines keep running, but they cannot be managed until the
            service starts. To start it, choose Start Service in the Actions pane.
          </div>
        </section>
      </div>
    );
  }

  const count = inventory.vmsOfSelectedHost.length;
  return (
    <div className="hv-centre">
      <section
        id="pane-vms"
        className="hv-pane"
        style={{ height: ui.paneSizes.vmList, flex: '0 1 auto', minHeight: PANE_LIMITS.vmList.min }}
        aria-label="Virtual Machines"
      >
        <div className="hv-pane-title">
          <h2>Virtual Machines</h2>
          <span className="hv-pane-title-extra" aria-live="polite">
            {count.toLocaleString('en-US')} virtual machine{count === 1 ? '' : 's'}
          </span>
        </div>
        <PaneBoundary name="Virtual Machines" className="hv-pane-crashed-fill">
          <VmGrid />
        </PaneBoundary>
      </section>
      <Splitter
        orientation="horizontal"
        value={ui.paneSizes.vmList}
        min={PANE_LIMITS.vmList.min}
        max={PANE_LIMITS.vmList.max}
        onChange={(v) => ui.setPaneSize('vmList', v)}
        label="Resize the Virtual Machines list"
        controls="pane-vms"
        testId="splitter-vmlist"
      />
      <PaneBoundary name="Checkpoints" style={{ height: ui.paneSizes.checkpoints, flex: 'none' }}>
        <CheckpointsPane id="pane-checkpoints" height={ui.paneSizes.checkpoints} />
      </PaneBoundary>
      <Splitter
        orientation="horizontal"
        value={ui.paneSizes.checkpoints}
        min={PANE_LIMITS.checkpoints.min}
        max={PANE_LIMITS.checkpoints.max}
        onChange={(v) => ui.setPaneSize('checkpoints', v)}
        label="Resize the Checkpoints pane"
        controls="pane-checkpoints"
        testId="splitter-checkpoints"
      />
      <PaneBoundary name="Details" style={{ flex: 1 }}>
        <VmDetails id="pane-details" />
      </PaneBoundary>
    </div>
  );
});
