// Every tunable constant of the network model, each with its source or the reason for its value
// (docs/design.md: "Every tunable constant lives in one documented parameters module with its source").
// Published figures they are calibrated against: the published figures in docs/calibration.md, checked by
// test/unit/net/calibration.test.ts and tabled in docs/calibration.md. Values marked *unconfirmed*
// have no published source: they are the most plausible choice, and are kept here to be changed.

/** Bytes per second carried by one Gb/s of line rate. */
export const BYTES_PER_GBIT = 1e9 / 8;

export const NetParameters = {
  // ── Wire efficiency: payload bytes per byte of line rate ──────────────────────────────────────
  /**
   * TCP/IP over Ethernet with a 1500-byte MTU: 1460 payload bytes per 1538 bytes on the wire
   * (preamble, header, FCS, inter-frame gap, IP and TCP headers) = 0.949. Published: a TCP live
   * migration on 1 GbE runs at ~95 % of the link (aidanfinn ?p=15421; the published figures in docs/calibration.md).
   */
  tcpEfficiency: 0.95,
  /**
   * SMB 2/3 over TCP on top of tcpEfficiency: request/response headers, credit round trips and
   * ACK traffic. Calibrated so that SMB Multichannel over 4 × 10 GbE gives 4,300 MB/s
   * (Barreto 2012/04/10, quoting the 2011 white paper; MB taken as 10^6 bytes):
   * 4300 / (4 × 1250 × 0.95) = 0.905.
   */
  smbOverTcpEfficiency: 0.905,
  /**
   * SMB Direct (RDMA): 1 MB transfers with small headers, no TCP. Published: one 10 Gb iWARP NIC
   * carries a live migration at ~10 Gb/s, two fill ~20 Gb/s (aidanfinn ?p=15421; workinghardinit
   * 2013/09/03). 0.97 leaves room for Ethernet/IP/iWARP (or RoCE) framing.
   */
  smbDirectEfficiency: 0.97,
  /**
   * Jumbo frames (the adapters' *JumboPacket, 1514 / 4088 / 9014 bytes with the 14-byte Ethernet
   * header): tcpEfficiency above is the 1500-byte MTU's 1460 / 1538; a path whose two adapters
   * both send larger frames gets (MTU − tcpIpHeaderBytes) / (MTU + ethernetOverheadBytes) in its
   * place, scaled by the same calibration (9000-byte MTU: 8960 / 9038 = 0.991, +4.4 %). The
   * smaller end's frame size wins, as TCP's MSS negotiation gives (RFC 879). Framing arithmetic
   * only: the lower CPU cost per byte of fewer packets, and the physical switch having to pass
   * jumbo frames, are *unconfirmed* and not modelled; SMB Direct paths are unaffected.
   */
  ethernetOverheadBytes: 38,
  tcpIpHeaderBytes: 40,
  ethernetHeaderBytes: 14,

  // ── CPU cost, in CPU cycles per payload byte ──────────────────────────────────────────────────
  /**
   * Receiving TCP on the host (interrupts/DPCs, copies, the migration worker writing guest
   * memory). Calibrated on the 2 × 10 Gb LACP team live migration: ~17 Gb/s at ~22 % CPU of a
   * dual-socket 8-core host (workinghardinit 2015/08/04). We take 2 × 8 cores at 2.6 GHz
   * (an E5-2650 v2 class box; the post names only "dual socket, 8 core") = 41.6 G cycles/s:
   * 0.22 × 41.6e9 / (17e9 / 8) = 4.3 cycles/byte.
   */
  tcpReceiveCyclesPerByte: 4.4,
  /**
   * Sending TCP: large send offload and checksum offload take segmentation off the CPU, so the
   * sender pays about half the receiver's cost. *Inference*, no published split.
   */
  tcpSendCyclesPerByte: 2.2,
  /**
   * One TCP connection is processed on one core (RSS spreads connections, not one connection,
   * over cores): cycles of that one core per byte. 4.9 puts one stream at ~4.25 Gb/s on a
   * 2.6 GHz core, so that (a) one TCP live migration over a 2 × 10 Gb team stays ≤ 10 Gb/s, (b)
   * four streams spread over the two members reach the published ~17 Gb/s, (c) Compression on
   * a 10 Gb link is about 2× TCP/IP yet below SMB Direct on the same link (Ben Armstrong, "Faster live migration with compression" and "... with RDMA in Windows Server 2012 R2"; the published figures in docs/calibration.md).
   * *Calibrated*, not measured directly. Revisited for issue 15: four streams reaching ~17 Gb/s
   * need ≥ 4.25 Gb/s each, and the TechEd 2013 proportions (TCP/IP > 60 s, Compression ~15 s,
   * SMB Direct < 10 s) then hold on 40 GbE RDMA with a VM compressing 5:1 (docs/calibration.md).
   */
  tcpStreamCoreCyclesPerByte: 4.9,
  /**
   * SMB Direct: the NICs place data in the other server's memory; the CPU only posts and
   * completes 1 MB work requests. "Practically zero" CPU (Armstrong 2013/12/30): 0.1 cycle/byte
   * is 0.3 % of a 16-core 2.6 GHz host at 10 Gb/s.
   */
  smbDirectCyclesPerByte: 0.1,
  /**
   * Live migration compression (source side), per uncompressed byte. An LZ77-class compressor
   * of the Xpress family runs at roughly 300 MB/s per 2.6 GHz core. *Unconfirmed*: Microsoft
   * publishes no figure; the effect that matters (≈ 2× on slow links, backs off when VMs need
   * CPU) holds for any value of this order.
   */
  compressCyclesPerByte: 8,
  /**
   * Compression compresses only the pages idle CPU allows and sends the others uncompressed on the
   * same stream (transfer-planner.ts, compressedShare): the share is chosen in steps of
   * 1/compressionShareSteps. *Unconfirmed* mechanism: Microsoft says only that compression uses
   * idle CPU and throttles itself against the VMs' demand (Armstrong 2013/10/29).
   */
  compressionShareSteps: 64,
  /** Decompression on the destination, per uncompressed byte: LZ decompression is ~3× cheaper. *Unconfirmed*. */
  decompressCyclesPerByte: 2.5,
  /**
   * SMB encryption (AES-128-CCM in 2012 R2), each end, per byte. With encryption SMB Direct loses
   * direct data placement (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"), so it also pays the TCP-like costs above. *Unconfirmed*:
   * AES-CCM with AES-NI runs at about 1–3 cycles/byte.
   */
  smbEncryptionCyclesPerByte: 2.5,

  // ── Host CPU ──────────────────────────────────────────────────────────────────────────────────
  /**
   * Share of the host's cycles the management OS always gets, however busy the VMs are: the root
   * partition's virtual processors are scheduled too, so transfers never stop dead for CPU.
   * *Unconfirmed*; 5 % is one core in twenty.
   */
  minimumHostCpuShare: 0.05,

  // ── SMB client defaults (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct"; MS performance tuning: file server) ───────────────────
  /** Connections per RSS-capable interface (client default, range 1–16). */
  connectionsPerRssInterface: 4,
  /** Connections per RDMA-capable interface (client default). */
  connectionsPerRdmaInterface: 2,
  /** Connections per interface that is neither (client default). */
  connectionsPerNonRssInterface: 1,
  /** At most this many connections per server (client default, range 1–64). */
  maximumConnectionCountPerServer: 32,

  // ── Failures ──────────────────────────────────────────────────────────────────────────────────
  /**
   * When a Multichannel channel's link goes down, outstanding requests on it time out and are
   * replayed on the survivors; the copy then goes on with no error (Jose Barreto, "Make sure your network interfaces are RSS-capable"; Microsoft Learn, "Performance tuning for file servers" and "SMB Direct", Microsoft's
   * own cable-pull test). The length of the pause is *unconfirmed*: 1.5 s.
   */
  multichannelFailoverStallMs: 1500,
  /**
   * A team losing a member moves that member's flows to the survivors; LBFO failover is
   * sub-second. *Unconfirmed*: 200 ms.
   */
  teamFailoverStallMs: 200,
  // ── Data Center Bridging (engine/net/qos.ts) ─────────────────────────────────────────────────
  /**
   * Goodput of a RoCE path without PFC on its priority, when its receiving port is congested
   * (more than one sending adapter into it): the share of its wire bytes that are not go-back-N
   * resends. RoCE "requires DCB and PFC" (Microsoft Learn, "Deploy SMB Direct with RoCE network
   * adapters"; NVIDIA/Mellanox, "RoCE deployment" guide), and RoCE NICs recover a lost packet by
   * resending from it on (go-back-N: Guo et al., "RDMA over Commodity Ethernet at Scale", SIGCOMM
   * 2016), but no vendor publishes a throughput figure for an unprotected congested port.
   * *Unconfirmed*: 0.4 (60 % of the wire spent on resends), the order of collapse the papers show
   * at loss rates of a fraction of a percent. Uncongested RoCE without PFC runs at full speed.
   */
  roceWithoutPfcGoodput: 0.4,
  /**
   * Weight factor of a Strict-priority traffic class over the ETS classes on one adapter: strict
   * traffic is sent first (IEEE 802.1Qaz), which weighted max-min gives with a weight this large.
   * A modelling constant, not a Windows figure. ETS shares are applied as max-min weights on the
   * sending adapter; where a DCB path's bottleneck is another resource (the receiver's port), the
   * same weights skew that sharing too — an approximation of the lab (engine/net/qos.ts).
   */
  strictPriorityWeight: 1e6,
  /** Capacity given to a resource that has no limit (an SMB bandwidth category with none set). */
  unlimitedBytesPerSecond: 1e15,
} as const;

/** The parameters as plain numbers (for overrides in tests and what-if labs). */
export type NetParams = { -readonly [K in keyof typeof NetParameters]: number };
