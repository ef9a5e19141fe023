// The Networking pane's Data Center Bridging section: the classes and their shares, the policies
// that tag traffic, and what each class sends on each DCB adapter now (the fabric's per-path
// placement, engine/net/qos.ts, times the flow network's rates).
import type { DcbView } from '../contract';
import type { Host } from '../model/world';
import { classRows, dcbOf, priorityRanges } from '../model/dcb';
import type { NetworkFabric } from '../net/fabric';
import { dcbOperational } from '../net/qos';
import { Resources } from '../net/resources';
import { dcbCapable, describePolicy } from '../cmdlets/dcb-qos';

/** The section, or undefined for a computer with neither the feature nor a QoS policy. */
export function dcbView(host: Host, fabric: NetworkFabric): DcbView | undefined {
  const d = dcbOf(host);
  if (!d.featureInstalled && d.policies.length === 0) return undefined;
  const classes = classRows(d);
  const traffic = fabric.qosTraffic();
  const adapters = host.nics.filter(dcbCapable).map((nic) => {
    const tx = Resources.nicTx(host.name, nic.name);
    const classTxBytesPerSec: Record<string, number> = {};
    let lossyRoce = false;
    for (const t of traffic) {
      if (t.tx !== tx) continue;
      const name = t.trafficClass ?? classes.find((c) => c.priorities.includes(t.priority))?.name ?? classes[0]!.name;
      classTxBytesPerSec[name] = (classTxBytesPerSec[name] ?? 0) + t.wireBytesPerSec;
      lossyRoce ||= t.lossy;
    }
    return { name: nic.name, enabled: nic.dcbQos === true, operational: dcbOperational(host, nic), classTxBytesPerSec, lossyRoce };
  });
  return {
    featureInstalled: d.featureInstalled,
    willing: d.willing,
    classes: classes.map((c) => ({
      name: c.name,
      algorithm: c.algorithm,
      bandwidthPercentage: c.bandwidthPercentage,
      priorities: priorityRanges(c.priorities),
      pfc: c.priorities.some((p) => d.flowControl.includes(p)),
    })),
    policies: d.policies.map((p) => ({ name: p.name, matches: describePolicy(p), priority: p.priority })),
    adapters,
  };
}
