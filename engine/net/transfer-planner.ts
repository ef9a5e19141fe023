// Turns "host A sends bytes to host B this way" into flow-network paths: which adapters, how many
// connections, RDMA or TCP, team members, CPU cost per byte, SMB bandwidth-limit category
// (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; Microsoft Learn, "NIC Teaming settings" and "RDMA and Switch Embedded Teaming"; Ben Armstrong, "Faster live migration with compression" and "... with RDMA in Windows Server 2012 R2"; Microsoft Learn, "Set-SmbBandwidthLimit" and "Manage Data Center Bridging"; docs/design.md "Domain on top").
//
// A transfer's `bytes` are payload bytes delivered (for a live migration: guest memory bytes, so
// a compressed stream consumes 1/ratio wire bytes per byte). Every path lists, per byte delivered:
//   nic tx/rx        1 / efficiency (÷ compression ratio)   line rate minus protocol overhead
//   cpu  (each end)  cycles per byte                         idle CPU (backs compression off)
//   rxq  (receiver)  cycles per byte of one core             TCP receive work sits on RSS cores
//   vol read/write   1                                        storage copies
//   smblimit         1                                        Set-SmbBandwidthLimit on the client
// and a path's maxRate bounds what its TCP connections can do on one core each.
import type { Host, Vm, World } from '../model/world';
import { findHost } from '../model/paths';
import { hash32, hostInterfaces, receiveMember, seeEachOther, sendMember, inSubnet, type NetInterface, type TcpTuple } from './interfaces';
import { planMultichannel, type MultichannelPlan, type SmbChannel } from './multichannel-planner';
import { BYTES_PER_GBIT, NetParameters as P } from './parameters';
import { Resources, type SmbCategory } from './resources';
import type { Path, PathUse } from './flow-port';

export type TransferKind = 'SmbFileCopy' | 'LiveMigrationTcp' | 'LiveMigrationCompression' | 'LiveMigrationSmb' | 'LocalCopy';

export interface Endpoint {
  host: string;
  /** Drive letter of the volume read (source) or written (destination), for storage copies. */
  volume?: string;
  /** The share the bytes go through, when reached by UNC path (its EncryptData applies). */
  share?: string;
}

export interface TransferRequest {
  /** Transfer id; also seeds the team-member hash of a TCP live migration stream. */
  id: string;
  kind: TransferKind;
  source: Endpoint;
  destination: Endpoint;
  /** SMB client (the host that opens the session). Default: the Hyper-V host of the two, else the source. */
  client?: string;
  /** VM name or id: its compression ratio for Compression. */
  vm?: string;
  /** Overrides the VM's compression ratio. */
  compressionRatio?: number;
  /** SMB bandwidth-limit category. Default: LiveMigration for LiveMigrationSmb, else Default. */
  category?: SmbCategory;
  /** SMB encryption on (else taken from the share's EncryptData). */
  encrypted?: boolean;
}

export interface PlannedChannel {
  clientHost: string;
  serverHost: string;
  /** Interface aliases (Job.channels' client/server). */
  client: string;
  server: string;
  clientIp: string;
  serverIp: string;
  rdma: boolean;
  connections: number;
  /** Indexes into plan.paths of the paths that carry this channel. */
  paths: number[];
  /** Physical adapters involved, sending side and receiving side. */
  sendNics: string[];
  receiveNics: string[];
}

export interface TransferPlan {
  request: TransferRequest;
  /** e.g. 'SMB Direct (iWARP) x2', 'SMB Multichannel (RSS) x2', 'TCP/IP', 'Compression', 'Local'. */
  transport: string;
  paths: Path[];
  channels: PlannedChannel[];
  /** For TCP/IP and Compression: the one interface pair and team members the stream uses. */
  stream?: { sourceInterface: string; destinationInterface: string; sourceNic: string; destinationNic: string };
  multichannel?: MultichannelPlan;
  client?: string;
  server?: string;
  category?: SmbCategory;
  compressionRatio: number;
  /** Wire bytes per payload byte on the busiest path (1/efficiency, ÷ ratio). */
  wireBytesPerByte: number;
  cpuCyclesPerByte: { source: number; destination: number };
  notes: string[];
}

/**
 * What the planner asks of the running network (engine/net/fabric.ts answers): the source port of
 * a connection, and how many connections already send on a team member (Dynamic's flowlets go to
 * the least-loaded one). Without it (plans made for display) a connection's port comes from a
 * hash of its key and Dynamic places by the hash.
 */
export interface PlanContext {
  /** The ephemeral source port the opening host gave the connection with this key. */
  sourcePort(key: string, host: string): number;
  /** Connections sending on this host's adapter, not counting those of the transfer being planned. */
  sendLoad?(host: string, nic: string): number;
  /** CPU cycles/s the host's running VMs leave idle (what Compression may use). */
  spareCpu?(host: string): number;
}

/** Windows' dynamic (ephemeral) port range since Vista / Server 2008: 49152–65535 (Microsoft Support KB 929851). */
export const EPHEMERAL_PORT_FIRST = 49152;
export const EPHEMERAL_PORT_COUNT = 16384;
/** Live migration's TCP port (Microsoft Learn, "Manage Data Center Bridging": the -LiveMigration filter matches TCP 6600). */
export const LIVE_MIGRATION_PORT = 6600;
/** SMB's TCP port. */
export const SMB_PORT = 445;

const hashedPorts: PlanContext = { sourcePort: (key) => EPHEMERAL_PORT_FIRST + (hash32(key) % EPHEMERAL_PORT_COUNT) };

/** The connection key of a live migration's TCP stream (one per migration, kept across its passes). */
export function streamKey(requestId: string): string {
  return `lm:${requestId}`;
}

/** The connection key of one SMB connection (a session's connections live as long as the session). */
export function smbConnectionKey(clientHost: string, serverHost: string, clientAlias: string, serverAlias: string, k: number): string {
  return `smb:${clientHost}>${serverHost}:${clientAlias}>${serverAlias}#${k}`.toLowerCase();
}

/** A connection leaving `host`, with Dynamic's load: others' connections plus this plan's own placed so far. */
function flowOn(ctx: PlanContext, host: string, tuple: TcpTuple, placed?: Map<string, number>) {
  const sendLoad = ctx.sendLoad;
  return { tuple, ...(sendLoad ? { load: (m: string) => sendLoad(host, m) + (placed?.get(m) ?? 0) } : {}) };
}

export type PlanRefusalCode = 'UnknownHost' | 'UnknownVolume' | 'UnknownVm' | 'NoNetwork' | 'NoMigrationNetwork' | 'Invalid';
export type PlanResult = { ok: true; plan: TransferPlan } | { ok: false; code: PlanRefusalCode; reason: string };

const refuse = (code: PlanRefusalCode, reason: string): PlanResult => ({ ok: false, code, reason });

function hz(h: Host): number {
  return h.cpu.ghz * 1e9;
}

function findVm(world: World, key: string): Vm | undefined {
  const k = key.toLowerCase();
  return world.vms.find((v) => v.id.toLowerCase() === k) ?? world.vms.find((v) => v.name.toLowerCase() === k);
}

export function planTransfer(world: World, req: TransferRequest, ctx: PlanContext = hashedPorts): PlanResult {
  const src = findHost(world, req.source.host);
  const dst = findHost(world, req.destination.host);
  if (!src) return refuse('UnknownHost', `computer "${req.source.host}" does not exist`);
  if (!dst) return refuse('UnknownHost', `computer "${req.destination.host}" does not exist`);
  for (const [end, h] of [
    [req.source, src],
    [req.destination, dst],
  ] as const) {
    if (end.volume && !h.volumes.some((v) => v.letter === end.volume!.toUpperCase()))
      return refuse('UnknownVolume', `volume ${end.volume}: does not exist on ${h.name}`);
  }
  let ratio = 1;
  if (req.kind === 'LiveMigrationCompression') {
    const vm = req.vm ? findVm(world, req.vm) : undefined;
    if (req.vm && !vm) return refuse('UnknownVm', `virtual machine "${req.vm}" does not exist`);
    ratio = req.compressionRatio ?? vm?.workload.compressionRatio ?? 2;
    if (!(ratio >= 1)) return refuse('Invalid', `compression ratio must be at least 1, got ${ratio}`);
  }
  const storage: PathUse[] = [];
  if (req.source.volume) storage.push({ resource: Resources.volRead(src.name, req.source.volume.toUpperCase()), perByte: 1 });
  if (req.destination.volume) storage.push({ resource: Resources.volWrite(dst.name, req.destination.volume.toUpperCase()), perByte: 1 });

  const sameHost = src.name === dst.name;
  if (req.kind === 'LocalCopy' || (req.kind === 'SmbFileCopy' && sameHost)) {
    if (!sameHost) return refuse('Invalid', `a local copy stays on one computer, not ${src.name} → ${dst.name}`);
    return {
      ok: true,
      plan: base(req, 'Local', [{ uses: storage }], ratio, { source: 0, destination: 0 }, 0, ['same computer: volume to volume, no network']),
    };
  }
  if (sameHost) return refuse('Invalid', `a live migration needs two different hosts, got ${src.name} twice`);

  switch (req.kind) {
    case 'LiveMigrationTcp':
    case 'LiveMigrationCompression':
      return planStream(req, src, dst, ratio, storage, ctx);
    case 'LiveMigrationSmb':
      return planSmb(world, req, src, dst, storage, req.category ?? 'LiveMigration', src.name, true, ctx);
    case 'SmbFileCopy': {
      const client = req.client ? findHost(world, req.client) : dst.role === 'FileServer' ? src : src.role === 'FileServer' ? dst : src;
      if (!client) return refuse('UnknownHost', `computer "${req.client}" does not exist`);
      if (client.name !== src.name && client.name !== dst.name) return refuse('Invalid', `the SMB client ${client.name} must be the source or the destination`);
      return planSmb(world, req, src, dst, storage, req.category ?? 'Default', client.name, false, ctx);
    }
  }
  return refuse('Invalid', `unknown transfer kind ${String(req.kind)}`);
}

function base(
  req: TransferRequest,
  transport: string,
  paths: Path[],
  ratio: number,
  cpu: { source: number; destination: number },
  wire: number,
  notes: string[],
): TransferPlan {
  return { request: req, transport, paths, channels: [], compressionRatio: ratio, wireBytesPerByte: wire, cpuCyclesPerByte: cpu, notes };
}

// ── Live migration over one TCP stream (TCP/IP, Compression) ────────────────────────────────────

/** Migration networks in priority order (lower Priority first, then listed order). */
function migrationSubnets(h: Host): string[] {
  return h.migration.networks
    .map((n, i) => ({ n, i }))
    .sort((a, b) => a.n.priority - b.n.priority || a.i - b.i)
    .map((x) => x.n.subnet);
}

function allowedForMigration(h: Host, iface: NetInterface): number {
  // Rank of the interface among the host's migration networks; Infinity when not allowed.
  if (!iface.ip) return Infinity;
  const subnets = migrationSubnets(h);
  const at = subnets.findIndex((s) => inSubnet(iface.ip!, s));
  if (at >= 0) return at;
  return h.migration.useAnyNetwork ? subnets.length : Infinity;
}

/** Interface pairs live migration may use between two hosts, best first. */
export function migrationPairs(src: Host, dst: Host): { source: NetInterface; destination: NetInterface; rank: number }[] {
  const pairs: { source: NetInterface; destination: NetInterface; rank: number }[] = [];
  const srcIfaces = hostInterfaces(src).filter((i) => i.ip && i.up);
  for (const d of hostInterfaces(dst)) {
    if (!d.ip || !d.up) continue;
    const rd = allowedForMigration(dst, d);
    if (rd === Infinity) continue;
    for (const s of srcIfaces) {
      const rs = allowedForMigration(src, s);
      if (rs === Infinity || !seeEachOther(s, d)) continue;
      pairs.push({ source: s, destination: d, rank: rd * 1000 + rs });
    }
  }
  // Same priority (e.g. "use any network"): the faster pair, then the lower interface index.
  pairs.sort(
    (a, b) =>
      a.rank - b.rank ||
      Math.min(b.source.linkSpeedGbps, b.destination.linkSpeedGbps) - Math.min(a.source.linkSpeedGbps, a.destination.linkSpeedGbps) ||
      a.destination.index - b.destination.index ||
      a.source.index - b.source.index,
  );
  return pairs;
}

function noMigrationNetwork(src: Host, dst: Host): PlanResult {
  for (const h of [dst, src]) {
    if (!h.migration.useAnyNetwork && h.migration.networks.length === 0) {
      return refuse('NoMigrationNetwork', `no live migration network is set on ${h.name}: "Use these IP addresses for live migration" lists none`);
    }
  }
  return refuse(
    'NoNetwork',
    `no network connects ${src.name} and ${dst.name} for live migration: no interface pair is up, on the same subnet and allowed by both hosts' live migration networks`,
  );
}

function planStream(req: TransferRequest, src: Host, dst: Host, ratio: number, storage: PathUse[], ctx: PlanContext): PlanResult {
  const pair = migrationPairs(src, dst)[0];
  if (!pair) return noMigrationNetwork(src, dst);
  const compression = req.kind === 'LiveMigrationCompression';
  // One TCP stream per migration (port 6600); on a team it is on one member at a time, so it never
  // gets more than one member's bandwidth (Microsoft Learn, "NIC Teaming settings"; interfaces.ts).
  const tuple: TcpTuple = {
    sourceIp: pair.source.ip!,
    destinationIp: pair.destination.ip!,
    sourcePort: ctx.sourcePort(streamKey(req.id), src.name),
    destinationPort: LIVE_MIGRATION_PORT,
  };
  const sNic = sendMember(pair.source, flowOn(ctx, src.name, tuple))!;
  const dNic = receiveMember(pair.destination, { tuple })!;
  const eff = tcpEfficiencyBetween(src, sNic, dst, dNic);
  const share = compression ? compressedShare(src, sNic, dst, dNic, ratio, eff, ctx) : 1;
  const cost = streamCosts(share, compression ? ratio : 1, compression);
  const wire = cost.wire / eff;
  const cpuSrc = cost.source;
  const cpuDst = cost.destination;
  const uses: PathUse[] = [
    { resource: Resources.nicTx(src.name, sNic), perByte: wire },
    { resource: Resources.nicRx(dst.name, dNic), perByte: wire },
    { resource: Resources.cpu(src.name), perByte: cpuSrc },
    { resource: Resources.cpu(dst.name), perByte: cpuDst },
    { resource: pair.destination.rxCores(dNic), perByte: P.tcpStreamCoreCyclesPerByte * cost.wire },
    ...storage,
  ];
  const maxRate = streamBound(src, dst) / cost.wire;
  const notes = [
    `one TCP stream over ${pair.source.alias} (${pair.source.ip}) → ${pair.destination.alias} (${pair.destination.ip})${pair.source.kind === 'team' || pair.destination.kind === 'team' ? `, team members ${sNic} → ${dNic}` : ''}`,
  ];
  if (compression && share >= 1) notes.push(`compressed ${ratio}:1 with idle CPU only`);
  else if (compression)
    notes.push(`compressed ${ratio}:1 with idle CPU only: ${Math.round(share * 100)} % of pages compressed, the rest sent uncompressed for lack of idle CPU`);
  if (pair.source.rdma && pair.destination.rdma) notes.push('RDMA-capable adapters, used as plain TCP: choose SMB to use SMB Direct');
  const plan: TransferPlan = {
    ...base(req, compression ? 'Compression' : 'TCP/IP', [{ uses, maxRate }], ratio, { source: cpuSrc, destination: cpuDst }, wire, notes),
    stream: { sourceInterface: pair.source.alias, destinationInterface: pair.destination.alias, sourceNic: sNic, destinationNic: dNic },
    channels: [
      {
        clientHost: src.name,
        serverHost: dst.name,
        client: pair.source.alias,
        server: pair.destination.alias,
        clientIp: pair.source.ip!,
        serverIp: pair.destination.ip!,
        rdma: false,
        connections: 1,
        paths: [0],
        sendNics: [sNic],
        receiveNics: [dNic],
      },
    ],
  };
  return { ok: true, plan };
}

/**
 * Per byte of guest memory, when a share `f` of the pages is compressed `ratio`:1 and the rest is
 * sent as it is: wire bytes (before framing), and CPU cycles at each end (TCP plus, for the
 * compressed pages, compression and decompression).
 */
function streamCosts(f: number, ratio: number, compression: boolean): { wire: number; source: number; destination: number } {
  const c = compression ? P.compressCyclesPerByte : 0;
  const d = compression ? P.decompressCyclesPerByte : 0;
  return {
    wire: f / ratio + (1 - f),
    source: f * (c + P.tcpSendCyclesPerByte / ratio) + (1 - f) * P.tcpSendCyclesPerByte,
    destination: f * (d + P.tcpReceiveCyclesPerByte / ratio) + (1 - f) * P.tcpReceiveCyclesPerByte,
  };
}

/**
 * The share of pages Compression compresses. It "uses only idle CPU" and backs off when the VMs
 * need it (Ben Armstrong, "Faster live migration with compression in Windows Server 2012 R2"):
 * pages it has no CPU for go uncompressed over the same TCP stream, so with no idle CPU it is as
 * fast as TCP/IP, never slower. *Unconfirmed*: the split is not published; we take the share that
 * gives the highest rate given the line, the one stream's core and the CPU the VMs leave idle at
 * each end (parameters.compressionShareSteps). Without a running network (display-only plans)
 * all pages are compressed.
 */
function compressedShare(src: Host, sNic: string, dst: Host, dNic: string, ratio: number, eff: number, ctx: PlanContext): number {
  if (!ctx.spareCpu) return 1;
  const line = Math.min(nicLineRate(src, sNic), nicLineRate(dst, dNic)) * eff;
  const spareSrc = ctx.spareCpu(src.name);
  const spareDst = ctx.spareCpu(dst.name);
  const bound = streamBound(src, dst);
  const rate = (f: number): number => {
    const c = streamCosts(f, ratio, true);
    return Math.min(line / c.wire, bound / c.wire, spareSrc / c.source, spareDst / c.destination);
  };
  const steps = P.compressionShareSteps;
  let best = 0;
  let bestRate = rate(0);
  for (let k = 1; k <= steps; k++) {
    const r = rate(k / steps);
    if (r > bestRate * (1 + 1e-9)) {
      best = k / steps;
      bestRate = r;
    }
  }
  return best;
}

function nicLineRate(h: Host, nic: string): number {
  const n = h.nics.find((x) => x.name.toLowerCase() === nic.toLowerCase());
  return n ? n.speedGbps * BYTES_PER_GBIT : 0;
}

/** The largest frame an adapter sends (its *JumboPacket; absent: 1514). */
function framePacket(h: Host, nic: string): number {
  return h.nics.find((n) => n.name.toLowerCase() === nic.toLowerCase())?.jumboPacket ?? 1514;
}

/**
 * TCP's payload share of the line rate between two adapters, from the frame size both send
 * (engine/net/parameters.ts, jumbo frames): tcpEfficiency at the standard 1514-byte frame.
 */
function tcpEfficiencyBetween(src: Host, sNic: string, dst: Host, rNic: string): number {
  const share = (mtu: number) => (mtu - P.tcpIpHeaderBytes) / (mtu + P.ethernetOverheadBytes);
  const mtu = Math.min(framePacket(src, sNic), framePacket(dst, rNic)) - P.ethernetHeaderBytes;
  return P.tcpEfficiency * (share(mtu) / share(1514 - P.ethernetHeaderBytes));
}

/** What one TCP connection can carry: each end processes it on one core. */
function streamBound(sender: Host, receiver: Host): number {
  return Math.min(hz(receiver) / P.tcpStreamCoreCyclesPerByte, hz(sender) / P.tcpSendCyclesPerByte);
}

// ── SMB (file copies, live migration over SMB) ──────────────────────────────────────────────────

function planSmb(
  world: World,
  req: TransferRequest,
  src: Host,
  dst: Host,
  storage: PathUse[],
  category: SmbCategory,
  clientName: string,
  liveMigration: boolean,
  ctx: PlanContext,
): PlanResult {
  const clientIsSource = clientName === src.name;
  const client = clientIsSource ? src : dst;
  const server = clientIsSource ? dst : src;
  let filter: ((i: NetInterface) => boolean) | undefined;
  if (liveMigration) {
    // *Inference*: live migration over SMB honours the destination's "Use these IP addresses".
    if (!dst.migration.useAnyNetwork && dst.migration.networks.length === 0) return noMigrationNetwork(src, dst);
    filter = (i) => allowedForMigration(dst, i) !== Infinity;
  }
  const mc = planMultichannel(
    world,
    client.name,
    server.name,
    filter ? { serverFilter: filter, serverFilterReason: `only ${dst.name}'s live migration networks` } : {},
  );
  if (!mc.ok) return refuse('NoNetwork', mc.reason);
  const shareName = (clientIsSource ? req.destination : req.source).share;
  const share = shareName ? server.shares.find((s) => s.name.toLowerCase() === shareName.toLowerCase()) : undefined;
  const encrypted = req.encrypted ?? share?.encryptData ?? false;
  const limit: PathUse = { resource: Resources.smbLimit(client.name, category), perByte: 1 };
  const paths: Path[] = [];
  const channels: PlannedChannel[] = [];
  const notes = [...mc.plan.notes];
  let cpuSrc = 0;
  let cpuDst = 0;
  let wireMax = 0;
  for (const ch of mc.plan.channels) {
    const sendIface = clientIsSource ? ch.client : ch.server;
    const recvIface = clientIsSource ? ch.server : ch.client;
    const first = paths.length;
    const direct = ch.tier === 'RDMA' && !encrypted;
    if (direct) {
      const wire = 1 / P.smbDirectEfficiency;
      const sNic = sendIface.upMembers[0]!; // RDMA interfaces are never teamed
      const rNic = recvIface.upMembers[0]!;
      paths.push({
        weight: ch.connections,
        uses: [
          { resource: Resources.nicTx(src.name, sNic), perByte: wire },
          { resource: Resources.nicRx(dst.name, rNic), perByte: wire },
          { resource: Resources.cpu(src.name), perByte: P.smbDirectCyclesPerByte },
          { resource: Resources.cpu(dst.name), perByte: P.smbDirectCyclesPerByte },
          limit,
          ...storage,
        ],
      });
      cpuSrc = Math.max(cpuSrc, P.smbDirectCyclesPerByte);
      cpuDst = Math.max(cpuDst, P.smbDirectCyclesPerByte);
      wireMax = Math.max(wireMax, wire);
      channels.push(channelOf(ch, true, [first], [sNic], [rNic]));
      continue;
    }
    // TCP connections (or RDMA without direct data placement, when encrypted): each connection is
    // on one sending and one receiving member as the team (and, inbound, the switch) place it, and
    // on one core. The client opens them, from consecutive ephemeral ports to port 445.
    const enc = encrypted ? P.smbEncryptionCyclesPerByte : 0;
    const cS = P.tcpSendCyclesPerByte + enc;
    const cR = P.tcpReceiveCyclesPerByte + enc;
    const groups = new Map<string, { s: string; r: string; n: number }>();
    const placed = new Map<string, number>();
    for (let k = 0; k < ch.connections; k++) {
      const tuple: TcpTuple = {
        sourceIp: ch.client.ip!,
        destinationIp: ch.server.ip!,
        sourcePort: ctx.sourcePort(smbConnectionKey(ch.clientHost, ch.serverHost, ch.client.alias, ch.server.alias, k), ch.clientHost),
        destinationPort: SMB_PORT,
      };
      const s = sendMember(sendIface, flowOn(ctx, src.name, tuple, placed))!;
      placed.set(s, (placed.get(s) ?? 0) + 1);
      const r = receiveMember(recvIface, { tuple })!;
      const g = groups.get(`${s}|${r}`) ?? { s, r, n: 0 };
      g.n++;
      groups.set(`${s}|${r}`, g);
    }
    const bound = streamBound(src, dst);
    for (const g of groups.values()) {
      const wire = 1 / (tcpEfficiencyBetween(src, g.s, dst, g.r) * P.smbOverTcpEfficiency);
      wireMax = Math.max(wireMax, wire);
      paths.push({
        weight: g.n,
        maxRate: g.n * bound,
        uses: [
          { resource: Resources.nicTx(src.name, g.s), perByte: wire },
          { resource: Resources.nicRx(dst.name, g.r), perByte: wire },
          { resource: Resources.cpu(src.name), perByte: cS },
          { resource: Resources.cpu(dst.name), perByte: cR },
          { resource: recvIface.rxCores(g.r), perByte: P.tcpStreamCoreCyclesPerByte },
          limit,
          ...storage,
        ],
      });
    }
    cpuSrc = Math.max(cpuSrc, cS);
    cpuDst = Math.max(cpuDst, cR);
    const ids = [...groups.keys()].map((_, i) => first + i);
    channels.push(channelOf(ch, false, ids, [...new Set([...groups.values()].map((g) => g.s))], [...new Set([...groups.values()].map((g) => g.r))]));
  }
  const n = mc.plan.channels.length;
  const tier = mc.plan.tier;
  const rdmaKind = mc.plan.channels[0]!.client.rdmaType;
  let transport: string;
  if (tier === 'RDMA' && !encrypted) transport = `SMB Direct (${rdmaKind}) x${n}`;
  else if (tier === 'RDMA') transport = `SMB Direct (${rdmaKind}, encrypted: no direct data placement) x${n}`;
  else if (mc.plan.totalConnections === 1) transport = 'SMB (TCP/IP)';
  else transport = `SMB Multichannel (${tier === 'RSS' ? 'RSS' : 'TCP'}) x${n}`;
  if (liveMigration) transport = `SMB: ${transport}`;
  if (encrypted) notes.push('SMB encryption: no direct data placement, RDMA runs no faster than TCP');
  if (tier === 'RDMA' && !encrypted) notes.push('SMB Direct: the adapters place data in memory; practically no CPU');
  return {
    ok: true,
    plan: {
      ...base(req, transport, paths, 1, { source: cpuSrc, destination: cpuDst }, wireMax, notes),
      channels,
      multichannel: mc.plan,
      client: client.name,
      server: server.name,
      category,
    },
  };
}

function channelOf(ch: SmbChannel, rdma: boolean, paths: number[], sendNics: string[], receiveNics: string[]): PlannedChannel {
  return {
    clientHost: ch.clientHost,
    serverHost: ch.serverHost,
    client: ch.client.alias,
    server: ch.server.alias,
    clientIp: ch.client.ip!,
    serverIp: ch.server.ip!,
    rdma,
    connections: ch.connections,
    paths,
    sendNics,
    receiveNics,
  };
}

/** Job.channels entries for a plan. */
export function jobChannels(plan: TransferPlan): { client: string; server: string; rdma: boolean; connections: number }[] {
  return plan.channels.map((c) => ({
    client: `${c.clientHost} ${c.client} (${c.clientIp})`,
    server: `${c.serverHost} ${c.server} (${c.serverIp})`,
    rdma: c.rdma,
    connections: c.connections,
  }));
}
