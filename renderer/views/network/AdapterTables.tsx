// The adapters of a computer (Get-NetAdapter + Get-NetAdapterRdma in one table, with throughput
// now), its NIC teams (Get-NetLbfoTeam) and its SMB Multichannel connections
// (Get-SmbMultichannelConnection). Link and RDMA toggles and team removal are cmdlets.
import { observer } from 'mobx-react-lite';
import { CheckmarkCircleRegular, WarningFilled } from '@fluentui/react-icons';
import type { AdapterView, Command, NetworkView } from '../../../engine/contract';
import type { RootStore } from '../../stores/root-store';
import { useRoot } from '../app/root-context';
import { loadBalancingText, rdmaStatus, speedText, teamingModeText, throughputText } from './net-format';

async function runNetCommand(root: RootStore, command: Command, busyKey: string, intro: string): Promise<void> {
  const result = await root.network.invoke(command, busyKey);
  if (!result.ok) root.dialogs.show({ kind: 'error', title: 'Hyper-V Mobility Lab', intro, error: result.error });
}

export const AdaptersTable = observer(function AdaptersTable({ view }: { view: NetworkView }) {
  const root = useRoot();
  const host = view.host;
  const setLink = (a: AdapterView, up: boolean) => {
    const command: Command = { cmdlet: up ? 'Enable-NetAdapter' : 'Disable-NetAdapter', params: { Name: [a.name], CimSession: [host] } };
    const run = () => void runNetCommand(root, command, `link:${a.name}`, `The adapter ${a.name} could not be ${up ? 'enabled' : 'disabled'}.`);
    if (up) {
      run();
      return;
    }
    root.dialogs.show({
      kind: 'confirm',
      title: 'Disable-NetAdapter',
      message: `Do you want to disable the network adapter "${a.name}" on ${host}?`,
      detail: `Like pulling its cable: transfers using ${a.name} fail over to the remaining interfaces (SMB Multichannel, team members) or stall until it comes back. (PowerShell: Disable-NetAdapter -Name ${a.name} -CimSession ${host})`,
      confirmLabel: 'Disable',
      onConfirm: run,
    });
  };
  const setRdma = (a: AdapterView, enabled: boolean) => {
    void runNetCommand(
      root,
      { cmdlet: enabled ? 'Enable-NetAdapterRdma' : 'Disable-NetAdapterRdma', params: { Name: [a.name], CimSession: [host] } },
      `rdma:${a.name}`,
      `RDMA could not be ${enabled ? 'enabled' : 'disabled'} on ${a.name}.`,
    );
  };
  return (
    <section className="hv-net-section" aria-labelledby="net-adapters-title">
      <h3 id="net-adapters-title" className="hv-net-title">
        Network adapters
      </h3>
      <div className="hv-table-scroll">
        <table className="hv-simple-table hv-net-table" data-testid="adapters-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Description</th>
              <th scope="col" className="hv-num">
                Speed
              </th>
              <th scope="col">RDMA</th>
              <th scope="col">RDMA state</th>
              <th scope="col">RSS</th>
              <th scope="col">Team</th>
              <th scope="col">IPv4 address</th>
              <th scope="col">Link</th>
              <th scope="col" className="hv-num">
                Sent
              </th>
              <th scope="col" className="hv-num">
                Received
              </th>
            </tr>
          </thead>
          <tbody>
            {view.adapters.map((a) => {
              const rdma = rdmaStatus(a);
              return (
                <tr
                  key={a.name}
                  data-testid={`adapter-${a.name}`}
                  data-link={a.linkUp ? 'up' : 'down'}
                  className={rdma.kind === 'trap' ? 'hv-row-warning' : undefined}
                >
                  <th scope="row">{a.name}</th>
                  <td className="hv-net-description" title={a.description}>
                    {a.description}
                  </td>
                  <td className="hv-num">{speedText(a.speedGbps)}</td>
                  <td>{a.rdmaType === 'none' ? '—' : a.rdmaType}</td>
                  <td className="hv-net-rdma" data-rdma={rdma.kind} data-testid={`adapter-rdma-cell-${a.name}`}>
                    {rdma.kind === 'trap' ? (
                      <span className="hv-rdma-trap" title={rdma.why} data-testid={`adapter-rdma-${a.name}`} data-rdma={rdma.kind}>
                        <WarningFilled aria-hidden="true" /> {rdma.text}
                        <span className="visually-hidden">. {rdma.why}</span>
                      </span>
                    ) : rdma.kind === 'operational' ? (
                      <span className="hv-rdma-ok" data-testid={`adapter-rdma-${a.name}`} data-rdma={rdma.kind}>
                        <CheckmarkCircleRegular aria-hidden="true" /> {rdma.text}
                      </span>
                    ) : (
                      <span className="hv-text-muted" data-testid={`adapter-rdma-${a.name}`} data-rdma={rdma.kind}>
                        {rdma.text}
                      </span>
                    )}{' '}
                    {a.rdmaType !== 'none' && (
                      <button
                        type="button"
                        className="hv-small-button"
                        disabled={root.network.isBusy(`rdma:${a.name}`)}
                        onClick={() => setRdma(a, !a.rdmaEnabled)}
                        data-testid={`adapter-rdma-toggle-${a.name}`}
                        aria-label={`${a.rdmaEnabled ? 'Disable' : 'Enable'} RDMA on ${a.name}`}
                        title={`${a.rdmaEnabled ? 'Disable' : 'Enable'}-NetAdapterRdma -Name ${a.name} -CimSession ${host}`}
                      >
                        {a.rdmaEnabled ? 'RDMA off' : 'RDMA on'}
                      </button>
                    )}
                  </td>
                  <td>{a.rssCapable ? 'Yes' : 'No'}</td>
                  <td>{a.team ?? ''}</td>
                  <td>
                    {a.ipAddress && !a.hostAdapter ? (
                      a.ipAddress
                    ) : a.ipAddress && a.hostAdapter ? (
                      <span data-testid={`adapter-ip-${a.name}`}>
                        {a.ipAddress} <span className="hv-text-muted">on {a.hostAdapter}</span>
                      </span>
                    ) : (
                      <span className="hv-text-muted">{a.team ? '(on the team)' : a.virtualSwitch ? `(switch ${a.virtualSwitch} only)` : 'none'}</span>
                    )}
                  </td>
                  <td className="hv-net-actions">
                    <span data-testid={`adapter-link-${a.name}`} className={a.linkUp ? 'hv-link-up' : 'hv-link-down'}>
                      {a.linkUp ? 'Up' : 'Disabled'}
                    </span>{' '}
                    <button
                      type="button"
                      className="hv-small-button"
                      disabled={root.network.isBusy(`link:${a.name}`)}
                      onClick={() => setLink(a, !a.linkUp)}
                      data-testid={`adapter-toggle-${a.name}`}
                      aria-label={`${a.linkUp ? 'Disable' : 'Enable'} ${a.name}`}
                      title={`${a.linkUp ? 'Disable' : 'Enable'}-NetAdapter -Name ${a.name} -CimSession ${host}`}
                    >
                      {a.linkUp ? 'Disable' : 'Enable'}
                    </button>
                  </td>
                  <td className="hv-num">{throughputText(a.txBytesPerSec)}</td>
                  <td className="hv-num">{throughputText(a.rxBytesPerSec)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {view.adapters.some((a) => rdmaStatus(a).kind === 'trap' && a.team) && (
        <p className="hv-note hv-note-warning" role="note" data-testid="rdma-trap-note">
          <WarningFilled aria-hidden="true" />
          <span>
            RDMA is enabled on teamed adapters, but in Windows Server 2012 R2 teamed adapters do not support RDMA: SMB Direct will not use them. Keep RDMA
            adapters out of LBFO teams and let SMB Multichannel aggregate them.
          </span>
        </p>
      )}
      {view.adapters.some((a) => rdmaStatus(a).kind === 'trap' && a.virtualSwitch && !a.team) && (
        <p className="hv-note hv-note-warning" role="note" data-testid="rdma-vswitch-note">
          <WarningFilled aria-hidden="true" />
          <span>
            RDMA is enabled on adapters bound to a Hyper-V virtual switch, but in Windows Server 2012 R2 RDMA is not available through a virtual switch: the
            host's traffic goes through its vEthernet adapter, which is not RDMA-capable, so SMB falls back to TCP/IP. Remove the switch (Virtual Switch
            Manager) or bind it to other adapters.
          </span>
        </p>
      )}
    </section>
  );
});

export const TeamsTable = observer(function TeamsTable({ view }: { view: NetworkView }) {
  const root = useRoot();
  const host = view.host;
  const remove = (name: string) => {
    root.dialogs.show({
      kind: 'confirm',
      title: 'Remove-NetLbfoTeam',
      message: `Do you want to remove the NIC team "${name}" from ${host}?`,
      detail: `Its members become stand-alone adapters again. (PowerShell: Remove-NetLbfoTeam -Name ${name} -CimSession ${host})`,
      confirmLabel: 'Remove Team',
      onConfirm: () =>
        void runNetCommand(
          root,
          { cmdlet: 'Remove-NetLbfoTeam', params: { Name: [name], CimSession: [host] } },
          `team:${name}`,
          `The team ${name} could not be removed.`,
        ),
    });
  };
  return (
    <section className="hv-net-section" aria-labelledby="net-teams-title">
      <h3 id="net-teams-title" className="hv-net-title">
        NIC teams
      </h3>
      {view.teams.length === 0 ? (
        <p className="hv-text-muted hv-net-empty">No NIC teams on {host}.</p>
      ) : (
        <div className="hv-table-scroll">
          <table className="hv-simple-table hv-net-table" data-testid="teams-table">
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Members</th>
                <th scope="col">Teaming mode</th>
                <th scope="col">Load balancing</th>
                <th scope="col" className="hv-num">
                  Speed
                </th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.teams.map((t) => (
                <tr key={t.name} data-testid={`team-${t.name}`}>
                  <th scope="row">{t.name}</th>
                  <td>{t.members.join(', ')}</td>
                  <td>{teamingModeText(t.mode)}</td>
                  <td>{loadBalancingText(t.loadBalancing)}</td>
                  <td className="hv-num">{speedText(t.speedGbps)}</td>
                  <td className={t.status === 'Up' ? 'hv-link-up' : 'hv-link-down'}>{t.status}</td>
                  <td className="hv-net-actions">
                    <button
                      type="button"
                      className="hv-small-button"
                      disabled={root.network.isBusy(`team:${t.name}`)}
                      onClick={() => remove(t.name)}
                      data-testid={`team-remove-${t.name}`}
                      aria-label={`Remove team ${t.name}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});

/** Get-SmbMultichannelConnection's columns, in its order. */
const MULTICHANNEL_COLUMNS = [
  'ServerName',
  'Selected',
  'ClientIpAddress',
  'ServerIpAddress',
  'ClientInterfaceIndex',
  'ServerInterfaceIndex',
  'ClientRSSCapable',
  'ClientRdmaCapable',
  'ClientLinkSpeed',
  'MaxChannels',
  'CurrentChannels',
  'Failed',
  'FailureCount',
];

function multichannelCell(column: string, value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (column === 'ClientLinkSpeed' && typeof value === 'number') return speedText(value / 1e9);
  return String(value);
}

export const MultichannelTable = observer(function MultichannelTable({ view }: { view: NetworkView }) {
  const rows = view.multichannel;
  return (
    <section className="hv-net-section" aria-labelledby="net-mc-title">
      <h3 id="net-mc-title" className="hv-net-title">
        SMB Multichannel connections <span className="hv-text-muted">(Get-SmbMultichannelConnection on {view.host})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="hv-text-muted hv-net-empty" data-testid="multichannel-empty">
          No SMB transfer is running from {view.host} now. Start a move over SMB (a storage move to a share, or a live migration with the SMB performance
          option) to see which interfaces SMB Multichannel selects.
        </p>
      ) : (
        <div className="hv-table-scroll">
          <table className="hv-simple-table hv-net-table" data-testid="multichannel-table">
            <thead>
              <tr>
                {MULTICHANNEL_COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {MULTICHANNEL_COLUMNS.map((c) => (
                    <td key={c}>{multichannelCell(c, r[c])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
