// Flow-set text files (docs/flow-files.md): a static network of links and a list of flows with
// start times, run on the flow network to completion. Used by the flow-network benchmark and by
// `hvlab flows <file>`, so anybody can rerun a workload and compare finish times.
//
//   # comment
//   link <name> <bytes_per_s>
//   flow <id> <start_s> <bytes> <link>[,<link>...]
//
// Each flow is a transfer with one path using each listed link with perByte 1.
import { FlowNetwork } from './flow-network';
import { Simulator } from './simulator';
import { createRandom } from './random';

export interface FlowLink {
  name: string;
  /** Capacity in bytes per second, > 0. */
  bytesPerS: number;
}

export interface FlowDef {
  id: string;
  /** Start time in simulated seconds, ≥ 0. */
  startS: number;
  bytes: number;
  /** Names of the links the flow crosses (each consumed once per byte). */
  links: string[];
}

export interface FlowSet {
  links: FlowLink[];
  flows: FlowDef[];
}

export interface FlowFinish {
  id: string;
  /** Simulated second at which the flow's last byte was delivered. */
  finishS: number;
}

export interface FlowRunResult {
  /** One per flow, sorted by id (plain code-unit order). */
  finishes: FlowFinish[];
  /** Simulator events run (flow starts, recompute flushes, completion events). */
  events: number;
  /** Wall-clock time the run took, in milliseconds. */
  wallMs: number;
  /** FlowNetwork.stats at the end of the run. */
  recomputes: number;
  flowsTouched: number;
  settled: number;
  pathsMoved: number;
}

/** A flow-set file or object that does not make sense; `line` is 1-based when it comes from a file. */
export class FlowFileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'FlowFileError';
  }
}

const NUMBER = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const NAME = /^[^\s,#]+$/;

/**
 * What a flow set may hold (docs/flow-files.md, "Limits"). They keep every simulated time finite
 * and well inside a double's exact range (in ms, the kernel's unit), and the run's memory bounded.
 */
export const FLOW_FILE_LIMITS = {
  links: 1_000_000,
  flows: 1_000_000,
  /** Links one flow crosses. */
  pathLinks: 256,
  /** Characters in a link name or flow id. */
  nameLength: 256,
  /** Latest start, simulated seconds (about 31,700 years). */
  startS: 1e12,
  /** Largest flow, bytes (1 EB). */
  bytes: 1e18,
  /** Link capacity range, bytes/s: from 1 byte per 1,000 s up to 1 PB/s. */
  minBytesPerS: 1e-3,
  maxBytesPerS: 1e15,
  /**
   * No flow may be able to finish later than this, simulated seconds: the last start plus every
   * flow's bytes over its slowest link bounds every finish time (while any flow runs, a link that
   * bottlenecks it is full, which drains that sum at least one second per second).
   */
  horizonS: 1e13,
} as const;

function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** 1e+12 as "1e12", 0.001 as "0.001": limits as a person writes them in the file. */
function numberText(n: number): string {
  return Math.abs(n) >= 1e6 ? n.toExponential().replace('e+', 'e') : String(n);
}

function checkName(name: string, what: 'link name' | 'flow id', line?: number): void {
  if (!NAME.test(name)) throw new FlowFileError(`bad ${what} "${name.slice(0, 64)}"`, line);
  if (name.length > FLOW_FILE_LIMITS.nameLength)
    throw new FlowFileError(`${what} "${name.slice(0, 32)}…" is ${name.length} characters long; the limit is ${FLOW_FILE_LIMITS.nameLength}`, line);
}

function checkCapacity(name: string, bytesPerS: number, line?: number): void {
  const { minBytesPerS, maxBytesPerS } = FLOW_FILE_LIMITS;
  if (!(Number.isFinite(bytesPerS) && bytesPerS > 0))
    throw new FlowFileError(`capacity of link "${name}" must be > 0 bytes/s, got ${numberText(bytesPerS)}`, line);
  if (bytesPerS < minBytesPerS || bytesPerS > maxBytesPerS)
    throw new FlowFileError(
      `capacity of link "${name}" is ${numberText(bytesPerS)} bytes/s; it must be between ${numberText(minBytesPerS)} and ${numberText(maxBytesPerS)} bytes/s`,
      line,
    );
}

function checkFlowNumbers(id: string, startS: number, bytes: number, pathLinks: number, line?: number): void {
  if (!(Number.isFinite(startS) && startS >= 0)) throw new FlowFileError(`start of flow "${id}" must be ≥ 0, got ${startS}`, line);
  if (startS > FLOW_FILE_LIMITS.startS)
    throw new FlowFileError(`start of flow "${id}" is ${numberText(startS)} s; the latest start is ${numberText(FLOW_FILE_LIMITS.startS)} s`, line);
  if (!(Number.isFinite(bytes) && bytes >= 0)) throw new FlowFileError(`bytes of flow "${id}" must be ≥ 0, got ${bytes}`, line);
  if (bytes > FLOW_FILE_LIMITS.bytes)
    throw new FlowFileError(`flow "${id}" is ${numberText(bytes)} bytes; the largest flow is ${numberText(FLOW_FILE_LIMITS.bytes)} bytes`, line);
  if (pathLinks > FLOW_FILE_LIMITS.pathLinks)
    throw new FlowFileError(`flow "${id}" crosses ${pathLinks} links; the limit is ${FLOW_FILE_LIMITS.pathLinks}`, line);
}

/** Throws at the first flow (in order) after which some finish could pass the horizon. */
function checkHorizon(flows: readonly FlowDef[], capacity: ReadonlyMap<string, number>, lineOf: (i: number) => number | undefined): void {
  let lastStart = 0;
  let work = 0;
  flows.forEach((f, i) => {
    let slowest = Infinity;
    for (const n of f.links) slowest = Math.min(slowest, capacity.get(n)!);
    lastStart = Math.max(lastStart, f.startS);
    work += f.bytes / slowest;
    if (lastStart + work > FLOW_FILE_LIMITS.horizonS) {
      throw new FlowFileError(
        `with flow "${f.id}" the flows could run until ${(lastStart + work).toPrecision(3)} simulated seconds, past the limit of ${numberText(FLOW_FILE_LIMITS.horizonS)} s (the last start plus every flow's bytes over its slowest link); use fewer bytes or faster links`,
        lineOf(i),
      );
    }
  });
}

function parseNumber(text: string, what: string, line: number): number {
  if (!NUMBER.test(text)) throw new FlowFileError(`${what} must be a non-negative number, got "${text}"`, line);
  const v = Number(text);
  if (!Number.isFinite(v)) throw new FlowFileError(`${what} is out of range: "${text}"`, line);
  return v;
}

/** Parses a flow-set file; throws FlowFileError naming the line and what is wrong. */
export function parseFlowFile(text: string): FlowSet {
  const lines = text.split(/\r?\n/);
  const links: FlowLink[] = [];
  const linkLine = new Map<string, number>();
  const pending: { line: number; def: FlowDef }[] = [];
  const flowLine = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    const hash = raw.indexOf('#');
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (body === '') return;
    const f = body.split(/\s+/);
    const kind = f[0]!;
    if (kind === 'link') {
      if (f.length !== 3) throw new FlowFileError(`expected "link <name> <bytes_per_s>", got ${f.length} fields`, line);
      const name = f[1]!;
      checkName(name, 'link name', line);
      const first = linkLine.get(name);
      if (first !== undefined) throw new FlowFileError(`duplicate link "${name}" (first defined on line ${first})`, line);
      if (links.length >= FLOW_FILE_LIMITS.links) throw new FlowFileError(`more than ${countText(FLOW_FILE_LIMITS.links)} links`, line);
      const bytesPerS = parseNumber(f[2]!, `capacity of link "${name}"`, line);
      checkCapacity(name, bytesPerS, line);
      linkLine.set(name, line);
      links.push({ name, bytesPerS });
    } else if (kind === 'flow') {
      if (f.length !== 5) throw new FlowFileError(`expected "flow <id> <start_s> <bytes> <link>[,<link>...]", got ${f.length} fields`, line);
      const id = f[1]!;
      checkName(id, 'flow id', line);
      const first = flowLine.get(id);
      if (first !== undefined) throw new FlowFileError(`duplicate flow "${id}" (first defined on line ${first})`, line);
      if (pending.length >= FLOW_FILE_LIMITS.flows) throw new FlowFileError(`more than ${countText(FLOW_FILE_LIMITS.flows)} flows`, line);
      const startS = parseNumber(f[2]!, `start of flow "${id}"`, line);
      const bytes = parseNumber(f[3]!, `bytes of flow "${id}"`, line);
      const names = f[4]!.split(',');
      checkFlowNumbers(id, startS, bytes, names.length, line);
      const seen = new Set<string>();
      for (const n of names) {
        if (n === '') throw new FlowFileError(`empty link name in "${f[4]!.slice(0, 64)}"`, line);
        if (seen.has(n)) throw new FlowFileError(`link "${n}" listed twice for flow "${id}"`, line);
        seen.add(n);
      }
      flowLine.set(id, line);
      pending.push({ line, def: { id, startS, bytes, links: names } });
    } else {
      throw new FlowFileError(`unknown directive "${kind}" (expected "link" or "flow")`, line);
    }
  });
  // Links may be declared after the flows that use them; check the names once all are known.
  for (const { line, def } of pending) {
    for (const n of def.links) if (!linkLine.has(n)) throw new FlowFileError(`unknown link "${n}"`, line);
  }
  const flows = pending.map((p) => p.def);
  checkHorizon(flows, new Map(links.map((l) => [l.name, l.bytesPerS])), (i) => pending[i]!.line);
  return { links, flows };
}

/** Checks a flow set built in code (parseFlowFile's output always passes). */
export function validateFlowSet(set: FlowSet): void {
  if (set.links.length > FLOW_FILE_LIMITS.links) throw new FlowFileError(`more than ${countText(FLOW_FILE_LIMITS.links)} links`);
  if (set.flows.length > FLOW_FILE_LIMITS.flows) throw new FlowFileError(`more than ${countText(FLOW_FILE_LIMITS.flows)} flows`);
  const capacity = new Map<string, number>();
  for (const l of set.links) {
    checkName(l.name, 'link name');
    if (capacity.has(l.name)) throw new FlowFileError(`duplicate link "${l.name}"`);
    checkCapacity(l.name, l.bytesPerS);
    capacity.set(l.name, l.bytesPerS);
  }
  const names = capacity;
  const ids = new Set<string>();
  for (const f of set.flows) {
    checkName(f.id, 'flow id');
    if (ids.has(f.id)) throw new FlowFileError(`duplicate flow "${f.id}"`);
    ids.add(f.id);
    checkFlowNumbers(f.id, f.startS, f.bytes, f.links.length);
    if (f.links.length === 0) throw new FlowFileError(`flow "${f.id}" uses no link`);
    if (new Set(f.links).size !== f.links.length) throw new FlowFileError(`flow "${f.id}" lists a link twice`);
    for (const n of f.links) if (!names.has(n)) throw new FlowFileError(`unknown link "${n}" in flow "${f.id}"`);
  }
  checkHorizon(set.flows, capacity, () => undefined);
}

/** The text of a flow set; parseFlowFile(formatFlowFile(s)) gives back s exactly. */
export function formatFlowFile(set: FlowSet, comment?: string): string {
  const out: string[] = [];
  if (comment) for (const c of comment.split('\n')) out.push(`# ${c}`);
  for (const l of set.links) out.push(`link ${l.name} ${String(l.bytesPerS)}`);
  if (set.links.length && set.flows.length) out.push('');
  for (const f of set.flows) out.push(`flow ${f.id} ${String(f.startS)} ${String(f.bytes)} ${f.links.join(',')}`);
  return `${out.join('\n')}\n`;
}

/** Runs a flow set to completion on a fresh Simulator and FlowNetwork. */
export function runFlowSet(set: FlowSet): FlowRunResult {
  validateFlowSet(set);
  // The one wall-clock read in engine/sim: it reports how long this run itself took (a
  // benchmark figure); it never influences the simulation.
  const wall0 = performance.now();
  const sim = new Simulator(0);
  const net = new FlowNetwork(sim);
  for (const l of set.links) net.addResource(l.name, l.bytesPerS);
  const finishMs = new Map<string, number>();
  const onComplete = (id: string): void => {
    finishMs.set(id, sim.now);
  };
  for (const f of set.flows) {
    const spec = { id: f.id, bytes: f.bytes, paths: [{ uses: f.links.map((resource) => ({ resource, perByte: 1 })) }], onComplete };
    sim.schedule(f.startS * 1000, () => net.startTransfer(spec));
  }
  sim.runUntilIdle();
  const wallMs = performance.now() - wall0;
  const finishes: FlowFinish[] = set.flows.map((f) => {
    const ms = finishMs.get(f.id);
    if (ms === undefined) throw new Error(`flow "${f.id}" did not finish (internal error)`);
    return { id: f.id, finishS: ms / 1000 };
  });
  finishes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const { recomputes, flowsTouched, settled, pathsMoved } = net.stats;
  return { finishes, events: sim.eventsRun, wallMs, recomputes, flowsTouched, settled, pathsMoved };
}

/** `flow <id> <finish_s>` lines (6 decimals, sorted by id), then `# wall <ms> ms`. */
export function formatFinishes(result: Pick<FlowRunResult, 'finishes' | 'wallMs'>): string {
  const out = result.finishes.map((f) => `flow ${f.id} ${f.finishS.toFixed(6)}`);
  out.push(`# wall ${result.wallMs.toFixed(1)} ms`);
  return `${out.join('\n')}\n`;
}

export interface GenerateFlowSetOptions {
  hosts: number;
  flows: number;
  seed: number;
  /** Starts are uniform over [0, durationS) seconds, to the microsecond (default 100). */
  durationS?: number;
  /** NIC speeds drawn uniformly per host, in Gb/s (default 1, 10, 40). */
  speedsGbps?: number[];
  /** Flow sizes uniform over [minBytes, maxBytes) (default 1 GB to 100 GB, decimal). */
  minBytes?: number;
  maxBytes?: number;
}

/**
 * A seeded benchmark workload: host i has one NIC (speed drawn from speedsGbps) as two links,
 * `h<i>.tx` and `h<i>.rx`; each flow goes from a random host's tx to a different random host's rx.
 */
export function generateFlowSet(opts: GenerateFlowSetOptions): FlowSet {
  const { hosts, flows, seed } = opts;
  const durationS = opts.durationS ?? 100;
  const speeds = opts.speedsGbps ?? [1, 10, 40];
  const minBytes = opts.minBytes ?? 1e9;
  const maxBytes = opts.maxBytes ?? 100e9;
  if (!Number.isInteger(hosts) || hosts < 2) throw new RangeError(`generateFlowSet: hosts must be an integer ≥ 2, got ${hosts}`);
  if (!Number.isInteger(flows) || flows < 0) throw new RangeError(`generateFlowSet: flows must be an integer ≥ 0, got ${flows}`);
  if (!(durationS >= 0) || speeds.length === 0 || !(minBytes >= 0 && maxBytes >= minBytes))
    throw new RangeError('generateFlowSet: bad duration, speeds or sizes');
  const rnd = createRandom(seed);
  const links: FlowLink[] = [];
  for (let h = 0; h < hosts; h++) {
    const bytesPerS = (rnd.pick(speeds) * 1e9) / 8;
    links.push({ name: `h${h}.tx`, bytesPerS }, { name: `h${h}.rx`, bytesPerS });
  }
  const width = String(Math.max(0, flows - 1)).length;
  const list: FlowDef[] = [];
  for (let i = 0; i < flows; i++) {
    const src = rnd.int(hosts);
    let dst = rnd.int(hosts - 1);
    if (dst >= src) dst++;
    const startS = Math.floor(rnd.next() * durationS * 1e6) / 1e6;
    const bytes = Math.floor(rnd.range(minBytes, maxBytes));
    list.push({ id: `f${String(i).padStart(width, '0')}`, startS, bytes, links: [`h${src}.tx`, `h${dst}.rx`] });
  }
  return { links, flows: list };
}
