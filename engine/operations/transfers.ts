// The transfers a move runs, over the engine's FlowNetwork, planned by engine/net:
// - a single-leg transfer (one SMB file copy, a local copy, a memory pass) is started through the
//   NetworkFabric, which owns failover: Multichannel stalls then goes on over the survivors, a TCP
//   stream on a failed stand-alone adapter fails, a team loses capacity (reference
//   Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming");
// - a transfer the fabric cannot express is composed here and started on the FlowNetwork
//   directly: a copy relayed by the VM's host between two other computers (share → share: the
//   host reads over one SMB session and writes over another), and the mirrored guest writes,
//   which also cost a write on the source volume. On a network change these are re-planned here;
//   if no plan is left they fail.
// Relayed copies are the cross product of the two legs' paths: every byte crosses one path of each
// leg, so every resource's capacity holds in the max-min allocation.
import type { FlowNetwork } from '../sim/flow-network';
import type { NetworkFabric, TransferChange } from '../net/fabric';
import type { Path, PathUse } from '../net/flow-port';
import type { TransferPlan, TransferRequest } from '../net/transfer-planner';
import type { ResolvedPath } from '../model/paths';
import type { SmbCategory } from '../net/resources';

export interface TransferSpec {
  id: string;
  bytes: number;
  /** One request, or two chained legs (relay through the middle host). */
  legs: TransferRequest[];
  /** Extra resource uses on every path (e.g. the mirror's write on the source volume). */
  extraUses?: PathUse[];
  /** Cap on the whole transfer (bytes/s), e.g. the guest's write rate for a mirror. */
  maxRate?: number;
  onComplete: () => void;
  onFailed: (reason: string) => void;
  /** Stalls and reroutes the fabric reports (not failures: onFailed gets those). */
  onChanged?: (change: TransferChange) => void;
}

export interface TransferInfo {
  transport: string;
  channels: { client: string; server: string; rdma: boolean; connections: number }[];
  /** Physical adapters as "HOST:NIC". */
  nics: string[];
}

type PlanOutcome = { ok: true; paths: Path[]; plans: TransferPlan[] } | { ok: false; reason: string };

interface Direct {
  spec: TransferSpec;
  plans: TransferPlan[];
  hosts: Set<string>;
}

export class Transfers {
  private readonly viaFabric = new Map<string, TransferSpec>();
  private readonly direct = new Map<string, Direct>();
  /** Transfers in flight per lower-case host name. */
  private readonly busy = new Map<string, number>();
  /** Hosts whose load changed while nothing of theirs was in flight: synced before their next transfer. */
  private readonly stale = new Set<string>();

  constructor(
    private readonly flow: FlowNetwork,
    private readonly fabric: NetworkFabric,
  ) {}

  /**
   * A VM arrived on, left or stopped on a host: its idle CPU changed (the fabric derives the CPU
   * capacity from the running VMs' demand). A host with transfers in flight is re-synced now; one
   * with nothing in flight when a transfer next uses it (or flushStale()).
   */
  hostLoadChanged(host: string): void {
    this.fabric.loadChanged(host);
    this.noteLoadChanged(host);
  }

  /**
   * A command changed the world somewhere (a VM started, stopped, got more processors...): every
   * host's CPU capacity may be out of date. Hosts with transfers in flight are re-synced now, the
   * others before their next transfer.
   */
  allHostsChanged(hosts: readonly string[]): void {
    this.fabric.loadChanged();
    for (const h of hosts) this.noteLoadChanged(h);
  }

  private noteLoadChanged(host: string): void {
    const key = host.toLowerCase();
    if ((this.busy.get(key) ?? 0) > 0) {
      this.fabric.syncHost(host);
      this.stale.delete(key);
    } else this.stale.add(key);
  }

  /** Brings every host with a pending load change up to date (before a view of capacities). */
  flushStale(): void {
    for (const h of this.stale) this.fabric.refreshHost(h);
    this.stale.clear();
  }

  private track(legs: TransferRequest[], delta: 1 | -1): void {
    for (const h of hostsOf(legs)) {
      if (delta > 0 && this.stale.delete(h)) this.fabric.syncHost(h);
      const n = (this.busy.get(h) ?? 0) + delta;
      if (n > 0) this.busy.set(h, n);
      else this.busy.delete(h);
    }
  }

  /** Starts a transfer; returns the refusal reason when no plan exists (nothing started). */
  start(spec: TransferSpec): { ok: true } | { ok: false; reason: string } {
    this.track(spec.legs, 1);
    const r = this.startTracked(spec);
    if (!r.ok) this.track(spec.legs, -1);
    return r;
  }

  private startTracked(spec: TransferSpec): { ok: true } | { ok: false; reason: string } {
    if (spec.legs.length === 1 && !spec.extraUses?.length && spec.maxRate === undefined) {
      const r = this.fabric.start({
        id: spec.id,
        bytes: spec.bytes,
        request: spec.legs[0]!,
        onComplete: () => {
          if (this.viaFabric.delete(spec.id)) this.track(spec.legs, -1);
          spec.onComplete();
        },
        onFailed: (_id, reason) => {
          if (this.viaFabric.delete(spec.id)) this.track(spec.legs, -1);
          spec.onFailed(reason);
        },
      });
      if (!r.ok) return { ok: false, reason: r.reason };
      this.viaFabric.set(spec.id, spec);
      return { ok: true };
    }
    const planned = this.compose(spec);
    if (!planned.ok) return planned;
    this.fabric.ensureResources(planned.paths);
    const d: Direct = { spec, plans: planned.plans, hosts: hostsOf(spec.legs) };
    this.direct.set(spec.id, d);
    this.flow.startTransfer({
      id: spec.id,
      bytes: spec.bytes,
      paths: planned.paths,
      onComplete: () => {
        if (this.direct.delete(spec.id)) this.track(spec.legs, -1);
        spec.onComplete();
      },
    });
    return { ok: true };
  }

  /** Stops a transfer; returns the bytes it had delivered (0 if it was not running). */
  cancel(id: string): number {
    const f = this.viaFabric.get(id);
    if (f) {
      this.viaFabric.delete(id);
      this.track(f.legs, -1);
      return this.fabric.cancel(id)?.bytesDone ?? 0;
    }
    const d = this.direct.get(id);
    if (d) {
      this.direct.delete(id);
      this.track(d.spec.legs, -1);
      return this.flow.cancelTransfer(id).bytesDone;
    }
    return 0;
  }

  isActive(id: string): boolean {
    return this.viaFabric.has(id) || this.direct.has(id);
  }

  /**
   * Bytes delivered so far. A transfer the flow network has finished but whose completion callback
   * has not run yet (several finish at one instant, callbacks run one after the other) counts whole.
   */
  bytesDone(id: string): number {
    const spec = this.viaFabric.get(id) ?? this.direct.get(id)?.spec;
    if (!spec) return 0;
    return this.flow.isActive(id) ? this.flow.bytesDone(id) : spec.bytes;
  }

  rate(id: string): number {
    return this.isActive(id) && this.flow.isActive(id) ? this.flow.rate(id) : 0;
  }

  stalled(id: string): boolean {
    return this.viaFabric.has(id) && this.fabric.isStalled(id);
  }

  /** Transport, channels and adapters of a running transfer. */
  info(id: string): TransferInfo | undefined {
    const f = this.viaFabric.get(id) ? this.fabric.planOf(id) : undefined;
    const plans = f ? [f] : this.direct.get(id)?.plans;
    return plans ? describe(plans) : undefined;
  }

  /**
   * A host's network changed (a cmdlet already changed the world): the fabric re-plans its own
   * transfers (its failures reach onFailed), direct ones are re-planned here.
   */
  networkChanged(host: string): void {
    this.stale.delete(host.toLowerCase());
    const changes = this.fabric.onHostChanged(host);
    for (const c of changes) {
      if (c.action === 'failed') continue;
      this.viaFabric.get(c.id)?.onChanged?.(c);
    }
    const key = host.toLowerCase();
    for (const d of [...this.direct.values()]) {
      if (!d.hosts.has(key) || !this.direct.has(d.spec.id)) continue;
      const planned = this.compose(d.spec);
      if (!planned.ok) {
        this.direct.delete(d.spec.id);
        this.track(d.spec.legs, -1);
        this.flow.cancelTransfer(d.spec.id);
        d.spec.onFailed(planned.reason);
        continue;
      }
      this.fabric.ensureResources(planned.paths);
      d.plans = planned.plans;
      this.flow.setPaths(d.spec.id, planned.paths);
    }
  }

  private compose(spec: TransferSpec): PlanOutcome {
    const plans: TransferPlan[] = [];
    for (const leg of spec.legs) {
      const r = this.fabric.plan(leg);
      if (!r.ok) return { ok: false, reason: r.reason };
      plans.push(r.plan);
    }
    let paths: Path[] = plans[0]!.paths;
    for (const p of plans.slice(1)) paths = crossProduct(paths, p.paths);
    const extra = spec.extraUses ?? [];
    // A cap on the whole transfer is shared by its paths in proportion to their weights.
    const totalWeight = paths.reduce((n, p) => n + (p.weight ?? 1), 0);
    paths = paths.map((p) => {
      const uses = mergeUses([...p.uses, ...extra]);
      const share = spec.maxRate === undefined ? undefined : (spec.maxRate * (p.weight ?? 1)) / totalWeight;
      const maxRate = share === undefined ? p.maxRate : Math.min(share, p.maxRate ?? Infinity);
      return { uses, ...(p.weight !== undefined ? { weight: p.weight } : {}), ...(maxRate !== undefined ? { maxRate } : {}) };
    });
    return { ok: true, paths, plans };
  }
}

function hostsOf(legs: TransferRequest[]): Set<string> {
  const s = new Set<string>();
  for (const l of legs) {
    s.add(l.source.host.toLowerCase());
    s.add(l.destination.host.toLowerCase());
  }
  return s;
}

/** Same resource used twice on one path (e.g. the relay host's CPU on both legs): one use, summed. */
function mergeUses(uses: PathUse[]): PathUse[] {
  const byRes = new Map<string, number>();
  for (const u of uses) byRes.set(u.resource, (byRes.get(u.resource) ?? 0) + u.perByte);
  return [...byRes].map(([resource, perByte]) => ({ resource, perByte }));
}

function crossProduct(a: Path[], b: Path[]): Path[] {
  const out: Path[] = [];
  for (const p of a) {
    for (const q of b) {
      const maxRate = Math.min(p.maxRate ?? Infinity, q.maxRate ?? Infinity);
      out.push({
        uses: mergeUses([...p.uses, ...q.uses]),
        weight: (p.weight ?? 1) * (q.weight ?? 1),
        ...(maxRate !== Infinity ? { maxRate } : {}),
      });
    }
  }
  return out;
}

/** Transport, channels and adapters of one or two plans. */
export function describe(plans: TransferPlan[]): TransferInfo {
  const channels: TransferInfo['channels'] = [];
  const nics = new Set<string>();
  for (const p of plans) {
    const sender = p.request.source.host;
    const receiver = p.request.destination.host;
    for (const c of p.channels) {
      channels.push({ client: `${c.clientHost}:${c.client}`, server: `${c.serverHost}:${c.server}`, rdma: c.rdma, connections: c.connections });
      for (const n of c.sendNics) nics.add(`${sender}:${n}`);
      for (const n of c.receiveNics) nics.add(`${receiver}:${n}`);
    }
  }
  return { transport: plans.map((p) => p.transport).join(' + '), channels, nics: [...nics] };
}

/**
 * The transfer requests that copy one file, done by `mover` (the host whose VMMS copies: the VM's
 * host for a storage move, the source host for a shared-nothing live migration):
 *   both ends on the mover            → a local copy, volume to volume;
 *   one end on another computer       → one SMB copy between the mover and it;
 *   both ends on other computers      → two SMB legs relayed by the mover.
 * SMB traffic of moves counts in the VirtualMachine bandwidth-limit category (reference
 * Ben Armstrong, "Faster live migration with compression" and "... with RDMA in Windows Server 2012 R2"; Microsoft Learn, "Set-SmbBandwidthLimit" and "Manage Data Center Bridging": storage traffic of VMs, also the storage part of shared-nothing
 * live migration). With readSource false (mirrored guest writes) the source volume is not read.
 */
export function fileCopyLegs(
  id: string,
  mover: string,
  src: ResolvedPath,
  dst: ResolvedPath,
  options: { category?: SmbCategory; readSource?: boolean } = {},
): TransferRequest[] {
  const category = options.category ?? 'VirtualMachine';
  const m = mover.toLowerCase();
  const srcHere = src.computer.toLowerCase() === m;
  const dstHere = dst.computer.toLowerCase() === m;
  // A mirror leg carries guest writes: it reads nothing from the source volume.
  const srcEnd = { host: src.computer, ...(options.readSource === false ? {} : { volume: src.volume }), ...(src.share ? { share: src.share } : {}) };
  const dstEnd = { host: dst.computer, volume: dst.volume, ...(dst.share ? { share: dst.share } : {}) };
  if (srcHere && dstHere) return [{ id, kind: 'LocalCopy', source: srcEnd, destination: dstEnd }];
  if (srcHere || dstHere) return [{ id, kind: 'SmbFileCopy', source: srcEnd, destination: dstEnd, client: mover, category }];
  return [
    { id: `${id}/in`, kind: 'SmbFileCopy', source: srcEnd, destination: { host: mover }, client: mover, category },
    { id: `${id}/out`, kind: 'SmbFileCopy', source: { host: mover }, destination: dstEnd, client: mover, category },
  ];
}
