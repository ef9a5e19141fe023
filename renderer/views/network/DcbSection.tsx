// Data Center Bridging on one computer (Get-NetQosTrafficClass, Get-NetQosFlowControl,
// Get-NetQosPolicy and Get-NetAdapterQos in one read-only section): each traffic class with its
// priorities, ETS share and PFC, and what it is sending on each DCB adapter now, so a learner sees
// the shares hold under contention and an idle class's share lent. Changes are made with the
// cmdlets (the section names them); shown only when the computer has the feature or a policy.
import { observer } from 'mobx-react-lite';
import type { DcbView, NetworkView } from '../../../engine/contract';
import { throughputText } from './net-format';

function shareOf(bytes: number, adapterTotal: number): string {
  return adapterTotal > 0 ? ` (${Math.round((100 * bytes) / adapterTotal)} %)` : '';
}

function adapterNote(a: DcbView['adapters'][number], featureInstalled: boolean): string {
  if (!a.enabled) return 'QoS off (Enable-NetAdapterQos)';
  if (!featureInstalled) return 'QoS on, not operational: the Data-Center-Bridging feature is not installed';
  return a.lossyRoce ? 'RoCE without PFC into a congested port: resending lost packets' : 'DCB operational';
}

export const DcbSection = observer(function DcbSection({ view }: { view: NetworkView }) {
  const dcb = view.dcb;
  if (!dcb) return null;
  const adapters = dcb.adapters;
  const totals = adapters.map((a) => Object.values(a.classTxBytesPerSec).reduce((s, x) => s + x, 0));
  return (
    <section className="hv-net-section" aria-labelledby="net-dcb-title" data-testid="dcb-section">
      <h3 id="net-dcb-title" className="hv-net-title">
        Data Center Bridging{' '}
        <span className="hv-text-muted">
          ({dcb.featureInstalled ? 'feature installed' : 'feature not installed: Install-WindowsFeature Data-Center-Bridging'}; DCBX Willing{' '}
          {dcb.willing ? 'True' : 'False'})
        </span>
      </h3>
      <div className="hv-table-scroll">
        <table className="hv-simple-table hv-net-table" data-testid="dcb-classes-table">
          <thead>
            <tr>
              <th scope="col">Traffic class</th>
              <th scope="col">Priorities</th>
              <th scope="col">Algorithm</th>
              <th scope="col" className="hv-num">
                Bandwidth
              </th>
              <th scope="col">PFC</th>
              {adapters.map((a) => (
                <th key={a.name} scope="col" className="hv-num">
                  {a.name} sent
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {dcb.classes.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td>{c.priorities || '(none)'}</td>
                <td>{c.algorithm}</td>
                <td className="hv-num">{c.algorithm === 'ETS' ? `${c.bandwidthPercentage} %` : 'first'}</td>
                <td>{c.pfc ? 'On' : 'Off'}</td>
                {adapters.map((a, i) => {
                  const bytes = a.classTxBytesPerSec[c.name] ?? 0;
                  return (
                    <td key={a.name} className="hv-num" data-testid={`dcb-${c.name}-${a.name}`}>
                      {a.operational ? `${throughputText(bytes)}${shareOf(bytes, totals[i]!)}` : '—'}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={5}>
                Adapter state
              </th>
              {adapters.map((a) => (
                <td key={a.name} className="hv-text-muted">
                  {adapterNote(a, dcb.featureInstalled)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      {dcb.policies.length > 0 && (
        <p className="hv-text-muted" data-testid="dcb-policies">
          Tagged by QoS policies: {dcb.policies.map((p) => `${p.name}: ${p.matches} → priority ${p.priority}`).join('; ')}. Untagged traffic travels on priority
          0.
        </p>
      )}
    </section>
  );
});
