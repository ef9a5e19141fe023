// The network fabric: registers each host's resources in the flow network when something first
// uses them, keeps their capacities in step with the world, starts transfers from plans, and
// decides what a change does to the transfers in flight (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming"; Ben Armstrong, "Faster live migration with compression" and "... with RDMA in Windows Server 2012 R2"; Microsoft Learn, "Set-SmbBandwidthLimit" and "Manage Data Center Bridging"):
// - SMB Multichannel that loses a channel stalls briefly, then goes on over the survivors (or
//   over the next tier, if a whole tier is gone) with no error;
// - a TCP live migration stream on a stand-alone adapter that goes down fails (the caller fails
//   the job); on a team the stream moves to a surviving member;
// - RDMA disabled, a team created or removed, a bandwidth limit set, VM CPU demand changed: the
//   capacities are re-synced and the plans re-made.
// The world object is the engine's live world: callers change it, then tell the fabric
// (onHostChanged), except for link state, which onLinkChange sets itself.
import type { Simulator } from '../sim/simulator';
import type { Host, World } from '../model/world';
import { findHost } from '../model/paths';
import type { FlowNetworkPort, Path } from './flow-port';
import { hostInterfaces, hostVnicAliases, lineRate } from './interfaces';
import { multichannelConnectionRows, planMultichannel, type SmbMultichannelConnectionRow } from './multichannel-planner';
import { NetParameters, type NetParams } from './parameters';
import { describeResource, Resources, SMB_CATEGORIES } from './resources';
import {
  EPHEMERAL_PORT_COUNT,
  EPHEMERAL_PORT_FIRST,
  planTransfer,
  streamKey,
  type PlanContext,
  type PlanResult,
  type TransferPlan,
  type TransferRequest,
} from './transfer-planner';
import { qosPaths, qosRelevant, samePaths, type QosPathInfo } from './qos';

export interface StartTransfer {
  id: string;
  bytes: number;
  request: Omit<TransferRequest, 'id'> & { id?: string };
  onComplete?: (id: string) => void;
  /** Called when the fabric fails the transfer later (e.g. from a scheduled event); onLinkChange also returns it. */
  onFailed?: (id: string, reason: string) => void;
}

export type TransferChangeAction = 'stalled' | 'rerouted' | 'failed';

export interface TransferChange {
  id: string;
  action: TransferChangeAction;
  reason: string;
  /** For 'stalled': simulated ms when the transfer goes on. */
  resumesAt?: number;
  /** For 'failed': payload bytes done before the failure. */
  bytesDone?: number;
  /** The plan now in force (stalled / rerouted). */
  plan?: TransferPlan;
}

interface Live {
  id: string;
  bytes: number;
  request: TransferRequest;
  plan: TransferPlan;
  onComplete?: (id: string) => void;
  onFailed?: (id: string, reason: string) => void;
  /** Bumped on every re-plan, so a stale scheduled resume does nothing. */
  generation: number;
  stalledUntil?: number;
  /** The paths last given to the flow network when DCB re-weighted them (engine/net/qos.ts). */
  qosPaths?: Path[];
}

export class NetworkFabric {
  private live = new Map<string, Live>();
  private failures = new Map<string, number>();
  private readonly params: NetParams;
  /**
   * Lower-case names of the hosts whose resources are in the flow network. A host is registered
   * the first time a transfer, a capacity read or a change touches it: a 1,000-host world has
   * 21,000 resources, and registering them all took a sixth of its load time (bench
   * world.1000x10000) for hosts most sessions never move anything on.
   */
  private readonly registered = new Set<string>();
  /** Whether the last DCB pass changed any path: the next one must run even if DCB is gone. */
  private qosApplied = false;
  /** Next ephemeral source port per lower-case host name (Windows hands them out in turn). */
  private readonly nextPort = new Map<string, number>();
  /** Source port of each open connection, by connection key (transfer-planner's streamKey / smbConnectionKey). */
  private readonly ports = new Map<string, number>();
  /** Cores demanded per lower-case host name; a host whose load changed is left out (loadChanged). */
  private demand: Map<string, number> | undefined;

  constructor(
    private readonly flow: FlowNetworkPort,
    private readonly sim: Simulator,
    private readonly world: World,
    params: Partial<NetParams> = {},
  ) {
    this.params = { ...NetParameters, ...params };
  }

  /**
   * VM CPU demand changed on a host (a VM started, stopped, arrived or left), or anywhere when no
   * host is named: the next sync of those hosts counts their running VMs again.
   */
  loadChanged(host?: string): void {
    if (host === undefined) this.demand = undefined;
    else this.demand?.delete(host.toLowerCase());
  }

  /** Cores' worth of CPU a host's running VMs ask for. */
  private coresDemandedOn(h: Host): number {
    // A 1,000-host world must not scan its 10,000 VMs once per host registered: one pass counts
    // every host; after that, only a host whose load changed is counted again.
    this.demand ??= coresDemandedByHost(this.world);
    const key = h.name.toLowerCase();
    let cores = this.demand.get(key);
    if (cores === undefined) this.demand.set(key, (cores = coresDemandedOnHost(this.world.vms, key)));
    return cores;
  }

  /**
   * A resource's capacity, registering its host first if nothing has used it yet (0 for a
   * resource no host has, e.g. an adapter that was removed).
   */
  capacity(resource: string): number {
    this.register(resource);
    return this.flow.hasResource(resource) ? this.flow.capacity(resource) : 0;
  }

  /**
   * Makes sure every resource the paths use exists before flows go over them: the hosts they
   * name are registered; a resource no host has (its adapter was removed since the plan was
   * made) is added with no capacity, so a path over it stalls rather than throws.
   */
  ensureResources(paths: readonly Path[]): void {
    for (let i = 0; i < paths.length; i++) {
      const uses = paths[i]!.uses;
      for (let j = 0; j < uses.length; j++) {
        const id = uses[j]!.resource;
        this.register(id);
        if (!this.flow.hasResource(id)) this.flow.addResource(id, 0);
      }
    }
  }

  private register(resource: string): void {
    if (this.flow.hasResource(resource)) return;
    const host = describeResource(resource)?.host;
    if (host !== undefined && !this.registered.has(host.toLowerCase())) this.syncHost(host);
  }

  /** Idle CPU cycles/s of a host: total minus its running VMs' demand, never below the root's share. */
  idleCpu(host: Host, coresDemanded?: number): number {
    const total = host.cpu.cores * host.cpu.ghz * 1e9;
    const cores = coresDemanded ?? coresDemandedOnHost(this.world.vms, host.name.toLowerCase());
    return Math.max(total * this.params.minimumHostCpuShare, total - cores * host.cpu.ghz * 1e9);
  }

  /** Brings a registered host's resources up to date; one nothing has used yet stays unregistered. */
  refreshHost(name: string): void {
    if (this.registered.has(name.toLowerCase())) this.syncHost(name);
  }

  /** Sets every resource of a host from the world: adapters, receive cores, CPU, volumes, SMB limits. */
  syncHost(name: string | Host): void {
    const h = typeof name === 'string' ? findHost(this.world, name) : name;
    if (!h) return;
    this.registered.add(h.name.toLowerCase());
    const coreHz = h.cpu.ghz * 1e9;
    for (let i = 0; i < h.nics.length; i++) {
      const n = h.nics[i]!;
      const cap = n.linkUp ? lineRate(n) : 0;
      this.ensure(Resources.nicTx(h.name, n.name), cap);
      this.ensure(Resources.nicRx(h.name, n.name), cap);
      // Receive work of the adapter spreads over its RSS queues' cores (one core without RSS).
      this.ensure(Resources.rxCores(h.name, n.name), Math.min(Math.max(1, n.rssQueues > 1 ? n.rssQueues : 1), h.cpu.cores) * coreHz);
    }
    // A host vNIC's traffic is processed on one core (no vRSS for host vNICs in 2012 R2).
    const vnics = hostVnicAliases(h);
    for (let i = 0; i < vnics.length; i++) this.ensure(Resources.rxCores(h.name, vnics[i]!), coreHz);
    this.ensure(Resources.cpu(h.name), this.idleCpu(h, this.coresDemandedOn(h)));
    for (let i = 0; i < h.volumes.length; i++) {
      const v = h.volumes[i]!;
      this.ensure(Resources.volRead(h.name, v.letter), v.readBytesPerSec);
      this.ensure(Resources.volWrite(h.name, v.letter), v.writeBytesPerSec);
    }
    for (let i = 0; i < SMB_CATEGORIES.length; i++) {
      const c = SMB_CATEGORIES[i]!;
      this.ensure(Resources.smbLimit(h.name, c), h.smb.bandwidthLimits[c] ?? this.params.unlimitedBytesPerSecond);
    }
  }

  private ensure(id: string, capacity: number): void {
    this.flow.ensureResource(id, capacity);
  }

  /** Plans without starting. */
  plan(request: TransferRequest): PlanResult {
    return planTransfer(this.world, request, this.context());
  }

  /**
   * The running network as the planner sees it: connections' source ports, and the connections
   * sending on each team member (for Dynamic), leaving out the transfer being re-planned — whose
   * own members count half a connection less, so it moves only when that evens the load out.
   */
  private context(self?: Live): PlanContext {
    return {
      sourcePort: (key, host) => this.portOf(key, host),
      spareCpu: (host) => {
        const h = findHost(this.world, host);
        return h ? this.idleCpu(h, this.coresDemandedOn(h)) : 0;
      },
      sendLoad: (host, nic) => {
        const tx = Resources.nicTx(host, nic);
        let n = 0;
        for (const l of this.live.values()) {
          if (l === self) continue;
          for (const p of l.plan.paths) if (p.uses.some((u) => u.resource === tx)) n += p.weight ?? 1;
        }
        if (self?.plan.paths.some((p) => p.uses.some((u) => u.resource === tx))) n -= 0.5;
        return n;
      },
    };
  }

  /** A connection's ephemeral source port: given in turn from 49152 by the host that opens it, kept while it is open. */
  private portOf(key: string, host: string): number {
    const known = this.ports.get(key);
    if (known !== undefined) return known;
    if (key.startsWith('lm:')) {
      // A live migration's connection closes with the migration: forget the ones no transfer uses.
      const open = new Set<string>();
      for (const l of this.live.values()) open.add(streamKey(l.request.id));
      for (const k of this.ports.keys()) if (k.startsWith('lm:') && !open.has(k)) this.ports.delete(k);
    }
    const h = host.toLowerCase();
    const port = this.nextPort.get(h) ?? EPHEMERAL_PORT_FIRST;
    this.nextPort.set(h, port + 1 < EPHEMERAL_PORT_FIRST + EPHEMERAL_PORT_COUNT ? port + 1 : EPHEMERAL_PORT_FIRST);
    this.ports.set(key, port);
    return port;
  }

  /**
   * Dynamic load balancing moves flowlets to the least-loaded member (interfaces.ts): when a
   * transfer ends, the TCP connections still sending from a Dynamic team of that host even out
   * over its members. No stall: a flowlet starts after a pause, so nothing is reordered.
   */
  private rebalance(hostName: string): void {
    const h = findHost(this.world, hostName);
    if (!h) return;
    const dynamicTx = new Set<string>();
    for (const t of h.teams) {
      if (t.loadBalancing !== 'Dynamic' || t.members.length < 2) continue;
      const members = new Set(t.members.map((m) => m.toLowerCase()));
      for (const n of h.nics) if (members.has(n.name.toLowerCase())) dynamicTx.add(Resources.nicTx(h.name, n.name));
    }
    if (dynamicTx.size === 0) return;
    for (const l of [...this.live.values()]) {
      // A transfer the flow network finished at this same instant (its completion not yet run) is left alone.
      if (l.stalledUntil !== undefined || !this.flow.isActive(l.id) || !l.plan.paths.some((p) => p.uses.some((u) => dynamicTx.has(u.resource)))) continue;
      const r = planTransfer(this.world, l.request, this.context(l));
      if (!r.ok || r.plan.transport !== l.plan.transport || r.plan.channels.length !== l.plan.channels.length) continue;
      const sameChannels = r.plan.channels.every((c, i) => c.client === l.plan.channels[i]!.client && c.server === l.plan.channels[i]!.server);
      const moved = r.plan.channels.some((c, i) => c.sendNics.join() !== l.plan.channels[i]!.sendNics.join());
      if (sameChannels && moved) this.apply(l, r.plan);
    }
  }

  /** Plans and starts a transfer; a refusal starts nothing. */
  start(t: StartTransfer): PlanResult {
    const request: TransferRequest = { ...t.request, id: t.request.id ?? t.id };
    const r = planTransfer(this.world, request, this.context());
    if (!r.ok) return r;
    this.ensureResources(r.plan.paths);
    const live: Live = {
      id: t.id,
      bytes: t.bytes,
      request,
      plan: r.plan,
      generation: 0,
      ...(t.onComplete ? { onComplete: t.onComplete } : {}),
      ...(t.onFailed ? { onFailed: t.onFailed } : {}),
    };
    this.live.set(t.id, live);
    this.flow.startTransfer({
      id: t.id,
      bytes: t.bytes,
      paths: r.plan.paths,
      onComplete: (id) => {
        this.live.delete(id);
        live.onComplete?.(id);
        this.rebalance(request.source.host);
        this.applyQos();
      },
    });
    this.applyQos();
    return r;
  }

  cancel(id: string): { bytesDone: number } | undefined {
    const l = this.live.get(id);
    if (!l) return undefined;
    this.live.delete(id);
    const done = this.flow.cancelTransfer(id);
    this.rebalance(l.request.source.host);
    this.applyQos();
    return done;
  }

  /** The transfers carrying bytes now (not stalled), as the DCB model reads them. */
  private flowingTransfers(): { id: string; plan: TransferPlan }[] {
    const out: { id: string; plan: TransferPlan }[] = [];
    for (const l of this.live.values()) {
      // A transfer the flow network finished at this same instant still waits for its completion
      // handler; it carries nothing, and re-weighting its paths would name a finished transfer.
      if (l.stalledUntil !== undefined && l.stalledUntil > this.sim.now) continue;
      if (!this.flow.isActive(l.id)) continue;
      out.push({ id: l.id, plan: l.plan });
    }
    return out;
  }

  /**
   * Re-weights the flowing transfers' paths by the hosts' DCB settings (ETS shares, RoCE without
   * PFC: engine/net/qos.ts) after any change to what flows. A world with no QoS settings and no
   * RoCE adapter skips this, leaving every plan's paths as they are.
   */
  private applyQos(): void {
    if (!qosRelevant(this.world) && !this.qosApplied) return;
    const flowing = this.flowingTransfers();
    const { paths } = qosPaths(this.world, flowing, this.params);
    let changed = false;
    for (const { id } of flowing) {
      const l = this.live.get(id)!;
      // Transfers DCB leaves alone run on their plan's paths (one that was re-weighted goes back).
      const next = paths.get(id) ?? (l.qosPaths !== undefined ? l.plan.paths : undefined);
      if (!next) continue;
      const current = l.qosPaths ?? l.plan.paths;
      if (samePaths(current, next)) continue;
      this.ensureResources(next);
      this.flow.setPaths(l.id, next);
      l.qosPaths = samePaths(l.plan.paths, next) ? undefined : next;
      changed = true;
    }
    this.qosApplied = changed || [...this.live.values()].some((l) => l.qosPaths !== undefined);
  }

  /** Where each flowing path sits under DCB (sending adapter, priority, class, lossy RoCE), with its wire rate on that adapter. */
  qosTraffic(): (QosPathInfo & { wireBytesPerSec: number })[] {
    const flowing = this.flowingTransfers();
    const { paths, info } = qosPaths(this.world, flowing, this.params, true);
    return info.map((x) => {
      const p = paths.get(x.transfer)?.[x.path] ?? this.live.get(x.transfer)?.plan.paths[x.path];
      const perByte = p?.uses.find((u) => u.resource === x.tx)?.perByte ?? 0;
      const rate = this.flow.isActive(x.transfer) ? (this.flow.pathRates(x.transfer)[x.path] ?? 0) : 0;
      return { ...x, wireBytesPerSec: rate * perByte };
    });
  }

  /** The plan in force for a live transfer. */
  planOf(id: string): TransferPlan | undefined {
    return this.live.get(id)?.plan;
  }

  liveTransfers(): string[] {
    return [...this.live.keys()];
  }

  isStalled(id: string): boolean {
    const l = this.live.get(id);
    return !!l && l.stalledUntil !== undefined && l.stalledUntil > this.sim.now;
  }

  /** Get-SmbMultichannelConnection for a client and server, with failure counts seen so far. */
  multichannelConnections(client: string, server: string): SmbMultichannelConnectionRow[] {
    const r = planMultichannel(this.world, client, server);
    if (!r.ok) return [];
    return multichannelConnectionRows(r.plan, (c) => ({
      failed: false,
      count: this.failures.get(channelKey(c.clientHost, c.serverHost, c.client.alias, c.server.alias)) ?? 0,
    }));
  }

  /**
   * A cable was pulled (up = false) or plugged back (up = true): sets the adapter's link state in
   * the world, syncs capacities and returns what happened to each affected transfer.
   */
  onLinkChange(hostName: string, nicName: string, up: boolean): TransferChange[] {
    const h = findHost(this.world, hostName);
    const nic = h?.nics.find((n) => n.name.toLowerCase() === nicName.toLowerCase());
    if (!h || !nic) throw new RangeError(`adapter "${nicName}" does not exist on ${hostName}`);
    if (nic.linkUp === up) return [];
    nic.linkUp = up;
    return this.onHostChanged(h.name, up ? `${h.name} ${nic.name} link up` : `${h.name} ${nic.name} link down`);
  }

  /**
   * The world changed on this host (adapters, RDMA, teams, switches, migration networks, SMB
   * settings, VM CPU demand): re-syncs its resources and re-plans the transfers that touch it.
   */
  onHostChanged(hostName: string, cause = `${hostName} configuration changed`): TransferChange[] {
    this.loadChanged(hostName);
    this.syncHost(hostName);
    const key = hostName.toLowerCase();
    const changes: TransferChange[] = [];
    for (const l of [...this.live.values()]) {
      const r = l.request;
      if (r.source.host.toLowerCase() !== key && r.destination.host.toLowerCase() !== key) continue;
      const c = this.replan(l, cause);
      if (c) changes.push(c);
    }
    this.applyQos();
    return changes;
  }

  private replan(l: Live, cause: string): TransferChange | undefined {
    const old = l.plan;
    if (old.stream) {
      // A TCP connection lives on its interface pair: it survives only while that pair does.
      const r = planTransfer(this.world, l.request, this.context(l));
      const same =
        r.ok &&
        r.plan.stream &&
        r.plan.stream.sourceInterface === old.stream.sourceInterface &&
        r.plan.stream.destinationInterface === old.stream.destinationInterface;
      const kept = same ? r : this.planOnPair(l, old);
      if (!kept || !kept.ok || !kept.plan.stream)
        return this.fail(l, `${cause}: the live migration connection over ${old.stream.sourceInterface} → ${old.stream.destinationInterface} was lost`);
      if (kept.plan.stream.sourceNic === old.stream.sourceNic && kept.plan.stream.destinationNic === old.stream.destinationNic) {
        this.apply(l, kept.plan);
        return undefined;
      }
      return this.stallThenApply(
        l,
        kept.plan,
        this.params.teamFailoverStallMs,
        `${cause}: team failover, the stream moves from ${old.stream.sourceNic} → ${old.stream.destinationNic} to ${kept.plan.stream.sourceNic} → ${kept.plan.stream.destinationNic}`,
      );
    }
    const r = planTransfer(this.world, l.request, this.context(l));
    if (!r.ok) return this.fail(l, `${cause}: ${r.reason}`);
    if (old.transport === 'Local') {
      this.apply(l, r.plan);
      return undefined;
    }
    const keyOf = (c: { client: string; server: string; rdma: boolean }): string => `${c.client}>${c.server}:${c.rdma}`;
    const after = new Map(r.plan.channels.map((c) => [keyOf(c), c]));
    const before = new Set(old.channels.map(keyOf));
    const lost = old.channels.filter((c) => !after.has(keyOf(c)));
    if (lost.length) {
      for (const c of lost) {
        const k = channelKey(c.clientHost, c.serverHost, c.client, c.server);
        this.failures.set(k, (this.failures.get(k) ?? 0) + 1);
      }
      return this.stallThenApply(
        l,
        r.plan,
        this.params.multichannelFailoverStallMs,
        `${cause}: SMB Multichannel lost ${lost.map((c) => `${c.client} → ${c.server}`).join(', ')}; continuing on ${r.plan.transport}`,
      );
    }
    // Same channels: a team under one of them may have lost (or regained) a member.
    const moved = old.channels.some((c) => {
      const n = after.get(keyOf(c))!;
      return n.sendNics.join() !== c.sendNics.join() || n.receiveNics.join() !== c.receiveNics.join();
    });
    if (moved) return this.stallThenApply(l, r.plan, this.params.teamFailoverStallMs, `${cause}: team failover within ${r.plan.transport}`);
    const gained = r.plan.channels.filter((c) => !before.has(keyOf(c)));
    this.apply(l, r.plan);
    if (!gained.length) return undefined;
    return { id: l.id, action: 'rerouted', reason: `${cause}: SMB Multichannel now uses ${r.plan.transport}`, plan: r.plan };
  }

  /** Re-plans a TCP stream on the interface pair it already uses, if that pair still works. */
  private planOnPair(l: Live, old: TransferPlan): PlanResult | undefined {
    const request = l.request;
    const src = findHost(this.world, request.source.host);
    const dst = findHost(this.world, request.destination.host);
    if (!src || !dst || !old.stream) return undefined;
    const s = hostInterfaces(src).find((i) => i.alias === old.stream!.sourceInterface);
    const d = hostInterfaces(dst).find((i) => i.alias === old.stream!.destinationInterface);
    if (!s?.up || !d?.up) return undefined;
    // The pair is still up but no longer first choice (a better network appeared): the running
    // stream stays where it is. Plan it as if only that pair existed.
    const restricted: World = {
      ...this.world,
      hosts: this.world.hosts.map((h) => (h === src ? onlyInterface(h, s.alias) : h === dst ? onlyInterface(h, d.alias) : h)),
    };
    return planTransfer(restricted, request, this.context(l));
  }

  private apply(l: Live, plan: TransferPlan): void {
    l.plan = plan;
    l.generation++;
    l.stalledUntil = undefined;
    l.qosPaths = undefined;
    this.ensureResources(plan.paths);
    this.flow.setPaths(l.id, plan.paths);
  }

  private stallThenApply(l: Live, plan: TransferPlan, stallMs: number, reason: string): TransferChange {
    if (stallMs <= 0) {
      this.apply(l, plan);
      return { id: l.id, action: 'rerouted', reason, plan };
    }
    l.plan = plan;
    const gen = ++l.generation;
    const resumesAt = this.sim.now + stallMs;
    l.stalledUntil = resumesAt;
    this.ensureResources(plan.paths);
    // Nothing moves during the stall: outstanding requests wait for their time-out and replay.
    l.qosPaths = undefined;
    this.flow.setPaths(l.id, stalled(plan.paths));
    this.sim.schedule(resumesAt, () => {
      if (l.generation !== gen || !this.live.has(l.id)) return;
      this.apply(l, l.plan);
      this.applyQos();
    });
    return { id: l.id, action: 'stalled', reason, resumesAt, plan };
  }

  private fail(l: Live, reason: string): TransferChange {
    this.live.delete(l.id);
    const { bytesDone } = this.flow.cancelTransfer(l.id);
    l.onFailed?.(l.id, reason);
    this.applyQos();
    return { id: l.id, action: 'failed', reason, bytesDone };
  }
}

/** The same paths with nothing allowed through (a stall). */
export function stalled(paths: Path[]): Path[] {
  return paths.map((p) => ({ ...p, maxRate: 0 }));
}

function channelKey(client: string, server: string, ci: string, si: string): string {
  return `${client}|${server}|${ci}|${si}`.toLowerCase();
}

/** A copy of a host whose only IP interface is `alias` (others lose their addresses). */
function onlyInterface(h: Host, alias: string): Host {
  const a = alias.toLowerCase();
  const switchAlias = (s: string): string => `vethernet (${s.toLowerCase()})`;
  const keepSwitch = h.virtualSwitches.find((s) => switchAlias(s.name) === a);
  return {
    ...h,
    migration: { ...h.migration, useAnyNetwork: true, networks: [] },
    nics: h.nics.map((n) => (n.name.toLowerCase() === a || keepSwitch?.adapter?.toLowerCase() === n.name.toLowerCase() ? n : { ...n, ipAddress: undefined })),
    teams: h.teams.map((t) => (t.name.toLowerCase() === a || keepSwitch?.adapter?.toLowerCase() === t.name.toLowerCase() ? t : { ...t, ipAddress: undefined })),
    virtualSwitches: h.virtualSwitches.map((s) => (s === keepSwitch || !s.adapter || s.adapter.toLowerCase() === a ? s : { ...s, allowManagementOS: false })),
  };
}

function coresDemandedByHost(world: World): Map<string, number> {
  // Indexed loops and each host spelling lower-cased once: this runs cold, where for-of allocates per item.
  const demand = new Map<string, number>();
  for (let i = 0; i < world.hosts.length; i++) demand.set(world.hosts[i]!.name.toLowerCase(), 0);
  const lower = new Map<string, string>();
  const vms = world.vms;
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i]!;
    if (vm.state !== 'Running') continue;
    let key = lower.get(vm.host);
    if (key === undefined) lower.set(vm.host, (key = vm.host.toLowerCase()));
    demand.set(key, (demand.get(key) ?? 0) + vmCoreDemand(vm));
  }
  return demand;
}

function coresDemandedOnHost(vms: readonly World['vms'][number][], key: string): number {
  let cores = 0;
  for (let i = 0; i < vms.length; i++) {
    const vm = vms[i]!;
    if (vm.state === 'Running' && vm.host.toLowerCase() === key) cores += vmCoreDemand(vm);
  }
  return cores;
}

/** Cores' worth of CPU a running VM asks for: cpuDemandPercent of each virtual processor, one core each. */
function vmCoreDemand(vm: World['vms'][number]): number {
  return (vm.workload.cpuDemandPercent / 100) * vm.processorCount;
}
