// Data Center Bridging in the flow network: which priority a transfer's traffic is tagged with,
// what share of a DCB adapter's transmit bandwidth its traffic class is guaranteed, and what RoCE
// loses without Priority Flow Control.
//
// Tagging (Microsoft Learn, "New-NetQosPolicy" and "Manage Data Center Bridging"): the OS packet
// scheduler tags TCP traffic that a policy matches (-SMB is TCP 445, -LiveMigration TCP 6600, so
// live migration *over SMB* is SMB traffic); RDMA traffic bypasses the TCP/IP stack, so only a
// -NetDirectPortMatchCondition policy tags it (the adapter does). Untagged traffic travels on
// priority 0.
//
// ETS (IEEE 802.1Qaz; Microsoft Learn, "Data Center Bridging (DCB) overview": "bandwidth
// allocation ... if a traffic class does not use its allocation, ETS allows other classes to use
// the available bandwidth"): on an adapter with NetAdapterQos enabled, each class that has
// traffic gets its percentage of the link under contention, a class with less to send lends the
// rest, and flows inside a class share their class fairly. The flow network computes weighted
// max-min rates, so this is modelled by weights, exactly for the adapter's transmit link: a path
// of class c on an adapter gets weight w₀ · (share_c / Σ share of the classes present) ·
// (W / W_c), where w₀ is its own weight (SMB connections), W the sum of w₀ · wire bytes per
// payload byte over all paths on that adapter and W_c that sum over class c. Each class's total weight is then proportional to its share,
// the adapter's total is unchanged (so traffic on other adapters sees the same scale), and a
// class held back elsewhere (a one-core TCP stream) leaves its unused share to the others, as
// progressive filling does. Strict classes come first. A path's weight applies to every resource
// it uses, so on a bottleneck other than the DCB adapter the weights skew sharing too: the lab's
// approximation, noted in parameters.ts.
//
// PFC and RoCE (Microsoft Learn, "Deploy SMB Direct with RoCE network adapters": RoCE "requires
// DCB and PFC"; NVIDIA/Mellanox, "RoCE deployment" community guide; Guo et al., "RDMA over
// Commodity Ethernet at Scale", SIGCOMM 2016: RoCE NICs recover a lost packet by go-back-N):
// RoCE runs on UDP/Ethernet with no retransmission of its own beyond go-back-N, so without PFC a
// congested switch port drops packets and the NIC resends everything after each loss. The lab
// treats a receiving port with traffic from more than one sending adapter (incast) as congested;
// a RoCE path into it whose priority is not PFC-protected at both ends delivers only
// roceWithoutPfcGoodput of its wire bytes. iWARP (TCP underneath) and InfiniBand (credit-based
// link flow control) need no PFC.
import type { Host, Nic, World } from '../model/world';
import { classRows, dcbOf, type HostDcb } from '../model/dcb';
import { findHost, hostIndexOf } from '../model/paths';
import type { Path } from './flow-port';
import { NetParameters, type NetParams } from './parameters';
import { describeResource } from './resources';
import type { TransferPlan } from './transfer-planner';

/** TCP ports of the built-in policy templates (Microsoft Learn, "New-NetQosPolicy"). */
export const TEMPLATE_PORTS = { SMB: 445, LiveMigration: 6600, iSCSI: 3260, NFS: 2049 } as const;
export const SMB_PORT = 445;
export const LIVE_MIGRATION_PORT = 6600;

/** One kind of traffic as the policies see it: TCP to a port, or RDMA (NetworkDirect) to a port. */
export interface TrafficMatch {
  rdma: boolean;
  port: number;
}

/** The policy that tags this traffic on the sending host, if any. */
export function matchingPolicy(d: HostDcb, t: TrafficMatch): HostDcb['policies'][number] | undefined {
  let best: HostDcb['policies'][number] | undefined;
  let bestRank = Infinity;
  for (const p of d.policies) {
    let rank = Infinity;
    if (t.rdma) {
      if (p.netDirectPort === t.port) rank = 0;
    } else if (p.ipDstPort === t.port && (p.ipProtocol ?? 'TCP') !== 'UDP') rank = 0;
    else if (p.template && p.template !== 'Default' && TEMPLATE_PORTS[p.template] === t.port) rank = 0;
    else if (p.template === 'Default') rank = 1;
    // More specific first, then the lower -Precedence value (*unconfirmed* direction), then the older.
    if (rank === Infinity) continue;
    const r = rank * 1000 + p.precedence;
    if (r < bestRank) {
      best = p;
      bestRank = r;
    }
  }
  return best;
}

/** The 802.1p priority the host tags the traffic with (0 when no policy matches). */
export function taggedPriority(h: Host, t: TrafficMatch): number {
  return matchingPolicy(dcbOf(h), t)?.priority ?? 0;
}

/**
 * Whether the adapter schedules by traffic class and honours PFC: the feature installed and
 * NetAdapterQos enabled. DCBX Willing would let the switch's settings replace the host's; the
 * lab's physical switches advertise none, so the host's own apply either way (*unconfirmed*).
 */
export function dcbOperational(h: Host, nic: Nic): boolean {
  return !!h.dcb?.featureInstalled && nic.dcbQos === true;
}

export interface ClassOf {
  name: string;
  algorithm: 'ETS' | 'Strict';
  bandwidthPercentage: number;
}

/** The traffic class a priority belongs to on this host ([Default] when no class names it). */
export function classOfPriority(h: Host, priority: number): ClassOf {
  const rows = classRows(dcbOf(h));
  return rows.find((c) => c.priorities.includes(priority)) ?? rows[0]!;
}

/** The traffic of each path of a plan, or undefined for a path that uses no network. */
export function pathTraffic(plan: TransferPlan): (TrafficMatch | undefined)[] {
  // Plans and paths are never changed in place (a re-plan or re-weighting makes new ones), so what
  // is read from them is kept: the fabric asks again after every start and end of a transfer.
  let known = trafficOfPlan.get(plan);
  if (!known) trafficOfPlan.set(plan, (known = readPathTraffic(plan)));
  return known;
}

const trafficOfPlan = new WeakMap<TransferPlan, (TrafficMatch | undefined)[]>();

function readPathTraffic(plan: TransferPlan): (TrafficMatch | undefined)[] {
  const kind = plan.request.kind;
  if (kind === 'LocalCopy' || plan.transport === 'Local') return plan.paths.map(() => undefined);
  if (kind === 'LiveMigrationTcp' || kind === 'LiveMigrationCompression') return plan.paths.map(() => ({ rdma: false, port: LIVE_MIGRATION_PORT }));
  const out: (TrafficMatch | undefined)[] = plan.paths.map(() => ({ rdma: false, port: SMB_PORT }));
  for (const c of plan.channels) for (const i of c.paths) out[i] = { rdma: c.rdma, port: SMB_PORT };
  return out;
}

/** The sending and receiving adapters of a path, from its nic:…:tx and nic:…:rx uses. */
type PathNics = { tx?: { host: string; nic: string; id: string }; rx?: { host: string; nic: string; id: string } };

const nicsOfPath = new WeakMap<Path, PathNics>();

function pathNics(p: Path): PathNics {
  let known = nicsOfPath.get(p);
  if (!known) nicsOfPath.set(p, (known = readPathNics(p)));
  return known;
}

function readPathNics(p: Path): PathNics {
  const out: PathNics = {};
  for (const u of p.uses) {
    if (!u.resource.startsWith('nic:')) continue;
    const d = describeResource(u.resource);
    if (!d) continue;
    const cut = d.detail.lastIndexOf(':');
    const nic = d.detail.slice(0, cut);
    if (d.detail.endsWith(':tx')) out.tx = { host: d.host, nic, id: u.resource };
    else if (d.detail.endsWith(':rx')) out.rx = { host: d.host, nic, id: u.resource };
  }
  return out;
}

function nicOf(h: Host | undefined, name: string): Nic | undefined {
  if (!h) return undefined;
  const k = name.toLowerCase();
  return h.nics.find((n) => n.name.toLowerCase() === k);
}

/** Whether anything here can change a path: a computer with DCB or QoS settings, or a RoCE adapter (lossy without PFC). */
export function qosRelevant(world: World): boolean {
  for (const h of world.hosts) {
    if (h.dcb !== undefined && (h.dcb.featureInstalled || h.dcb.policies.length > 0)) return true;
    for (const n of h.nics) if (n.rdma.type === 'RoCE') return true;
  }
  return false;
}

export interface QosTransfer {
  id: string;
  plan: TransferPlan;
}

/** A path's place on its sending adapter: for the ETS weights and the per-class telemetry. */
export interface QosPathInfo {
  transfer: string;
  path: number;
  /** Resource id of the sending adapter's transmit link. */
  tx?: string;
  priority: number;
  /** The class it is scheduled in on that adapter, when the adapter runs DCB. */
  trafficClass?: string;
  /** RoCE without PFC protection into a congested port: goodput reduced. */
  lossy: boolean;
}

/**
 * The paths each transfer should run on under the hosts' DCB settings (its plan's paths, re-weighted
 * and, for lossy RoCE, costing more wire bytes), and where each path sits. `paths` lists only the
 * transfers DCB changes: the fabric re-weights after every start and end, so a copy of every plan
 * each time made 1,000 concurrent moves quadratic (moves.1000 bench). `info` is built on request.
 */
export function qosPaths(
  world: World,
  transfers: readonly QosTransfer[],
  params: NetParams = NetParameters,
  withInfo = false,
): { paths: Map<string, Path[]>; info: QosPathInfo[] } {
  const paths = new Map<string, Path[]>();
  const info: QosPathInfo[] = [];
  /** The transfer's own copy of its plan's paths, made on its first change. */
  const writable = (t: number): Path[] => {
    const id = transfers[t]!.id;
    let list = paths.get(id);
    if (!list) paths.set(id, (list = transfers[t]!.plan.paths.map((p) => ({ ...p }))));
    return list;
  };
  interface Entry {
    t: number;
    i: number;
    w0: number;
    /** Wire units on the sending adapter per payload byte. */
    wire: number;
    cls?: ClassOf;
  }
  const byTx = new Map<string, Entry[]>();
  const sendersInto = new Map<string, Set<string>>();
  // Resource ids carry the host's own name; anything else falls back to the full lookup.
  const hostIndex = hostIndexOf(world);
  const host = (name: string) => hostIndex.get(name) ?? hostIndex.get(name.toLowerCase()) ?? findHost(world, name);
  const nicsOf: ReturnType<typeof pathNics>[][] = [];
  const traffic: (TrafficMatch | undefined)[][] = [];
  const priorities: number[][] = [];
  for (let t = 0; t < transfers.length; t++) {
    const plan = transfers[t]!.plan;
    traffic.push(pathTraffic(plan));
    nicsOf.push(plan.paths.map(pathNics));
    priorities.push([]);
    for (let i = 0; i < plan.paths.length; i++) {
      const n = nicsOf[t]![i]!;
      const tm = traffic[t]![i];
      const sender = n.tx ? host(n.tx.host) : undefined;
      const priority = tm && sender ? taggedPriority(sender, tm) : 0;
      priorities[t]!.push(priority);
      const entry: Entry = { t, i, w0: plan.paths[i]!.weight ?? 1, wire: 1 };
      if (n.tx && sender) {
        const nic = nicOf(sender, n.tx.nic);
        if (nic && tm && dcbOperational(sender, nic)) entry.cls = classOfPriority(sender, priority);
        entry.wire = plan.paths[i]!.uses.find((u) => u.resource === n.tx!.id)?.perByte ?? 1;
        const list = byTx.get(n.tx.id) ?? [];
        list.push(entry);
        byTx.set(n.tx.id, list);
        if (n.rx) {
          const s = sendersInto.get(n.rx.id) ?? new Set<string>();
          s.add(n.tx.id);
          sendersInto.set(n.rx.id, s);
        }
      }
      if (withInfo) {
        const className = n.tx && sender ? entry.cls?.name : undefined;
        info.push({
          transfer: transfers[t]!.id,
          path: i,
          ...(n.tx ? { tx: n.tx.id } : {}),
          priority,
          ...(className ? { trafficClass: className } : {}),
          lossy: false,
        });
      }
    }
  }
  // ETS weights per sending adapter.
  for (const entries of byTx.values()) {
    const classes = new Map<string, { cls: ClassOf; weight: number }>();
    let total = 0;
    // In wire units: ETS shares the link's bytes, and TCP and RDMA spend different wire bytes per payload byte.
    for (const e of entries) {
      total += e.w0 * e.wire;
      if (!e.cls) continue;
      const c = classes.get(e.cls.name) ?? { cls: e.cls, weight: 0 };
      c.weight += e.w0 * e.wire;
      classes.set(e.cls.name, c);
    }
    if (classes.size < 2) continue;
    let shares = 0;
    for (const c of classes.values()) if (c.cls.algorithm === 'ETS') shares += c.cls.bandwidthPercentage;
    for (const e of entries) {
      if (!e.cls) continue;
      const c = classes.get(e.cls.name)!;
      const share = e.cls.algorithm === 'Strict' ? params.strictPriorityWeight : e.cls.bandwidthPercentage / Math.max(shares, 1);
      // Σ over the class of w · wire = share · total: each class's wire bytes follow its share.
      const w = e.w0 * share * (total / c.weight);
      writable(e.t)[e.i]!.weight = w;
    }
  }
  // RoCE without PFC into a congested (incast) port.
  let k = 0;
  for (let t = 0; t < transfers.length; t++) {
    const plan = transfers[t]!.plan;
    for (let i = 0; i < plan.paths.length; i++, k++) {
      const tm = traffic[t]![i];
      const n = nicsOf[t]![i]!;
      if (!tm?.rdma || !n.tx || !n.rx) continue;
      if ((sendersInto.get(n.rx.id)?.size ?? 0) < 2) continue;
      const sender = host(n.tx.host);
      const receiver = host(n.rx.host);
      const sNic = nicOf(sender, n.tx.nic);
      const rNic = nicOf(receiver, n.rx.nic);
      if (!sender || !receiver || !sNic || !rNic || sNic.rdma.type !== 'RoCE') continue;
      const priority = priorities[t]![i]!;
      const protectedEnd = (h: Host, nic: Nic) => dcbOperational(h, nic) && dcbOf(h).flowControl.includes(priority);
      if (protectedEnd(sender, sNic) && protectedEnd(receiver, rNic)) continue;
      if (withInfo) info[k]!.lossy = true;
      const p = writable(t)[i]!;
      p.uses = p.uses.map((u) => (u.resource.startsWith('nic:') ? { ...u, perByte: u.perByte / params.roceWithoutPfcGoodput } : u));
    }
  }
  return { paths, info };
}

/** Whether two path lists are the same for the flow network (weights, caps and uses). */
export function samePaths(a: readonly Path[], b: readonly Path[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if ((x.weight ?? 1) !== (y.weight ?? 1) || (x.maxRate ?? Infinity) !== (y.maxRate ?? Infinity) || x.uses.length !== y.uses.length) return false;
    for (let j = 0; j < x.uses.length; j++) if (x.uses[j]!.resource !== y.uses[j]!.resource || x.uses[j]!.perByte !== y.uses[j]!.perByte) return false;
  }
  return true;
}
