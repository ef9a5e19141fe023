// Crash consistency against the real browser host (issue "Moves" §6; docs/design.md "State, persistence
// and failure"): start many concurrent moves over the WebSocket contract, SIGKILL the process at a
// random (seeded) moment, restart it on the same data directory, and check that every VM has
// exactly one complete set of files known to exactly one host, that no partial file survived, and
// that nothing was lost or duplicated. Two lanes (two data directories, two processes at a time)
// share the 2 cores; each lane keeps its world from kill to kill.
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type WebSocket from 'ws';
import { prng } from '../../engine/model/generate-world';
import { validateWorld } from '../../engine/model/validate';
import { resolvePath, vmFiles } from '../../engine/model/paths';
import type { World, Vm } from '../../engine/model/world';
import type { Job } from '../../engine/model/jobs';
import { defaultWorld } from '../../engine/model/default-world';
import { ROOT, launchWebHost } from '../support/web-host-process';
import { connectSocketBridge } from '../support/socket-bridge';
import type { TransportBridge } from '../../engine/common/bridge';
import type { Command } from '../../engine/contract';
import { depth } from '../support/depth';

const LANES = 2;
/** 25 kills a lane under CI; 5 locally, where the suite shares the machine. */
const TRIALS_PER_LANE = depth(5, 25);
const dirs: string[] = [];
/** Servers not yet killed: a failing lane must not leave one behind. */
const live = new Set<Server>();

interface Server {
  child: ChildProcess;
  ws: WebSocket;
  bridge: TransportBridge;
}

async function startServer(dataDir: string, forceDev = false): Promise<Server> {
  try {
    return await launch(dataDir, forceDev);
  } catch (err) {
    // The built renderer can vanish while another job rebuilds it: the dev server needs no build.
    if (!forceDev && /not built yet/.test((err as Error).message)) return launch(dataDir, true);
    throw err;
  }
}

async function launch(dataDir: string, forceDev: boolean): Promise<Server> {
  const dev = forceDev || !existsSync(join(ROOT, 'dist', 'renderer', 'index.html'));
  // detached: the server gets its own process group, so one SIGKILL to the group kills the host
  // and its engine thread together (and anything it started), as a power cut would.
  const host = await launchWebHost(dataDir, { dev, detached: true, timeoutMs: 30_000 });
  const { ws, bridge } = await connectSocketBridge(host);
  const server: Server = { child: host.process, ws, bridge };
  live.add(server);
  return server;
}

/** The world and jobs as the page's first query sees them. */
async function worldOf(s: Server): Promise<{ world: World; jobs: Job[] }> {
  const answer = await s.bridge.query({ name: 'world' });
  if (!answer.ok) throw new Error(`the world query failed: ${answer.error.message}`);
  return answer.value;
}

async function kill(s: Server): Promise<void> {
  live.delete(s);
  const exited = new Promise<void>((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) resolve();
    else s.child.once('exit', () => resolve());
  });
  try {
    process.kill(-s.child.pid!, 'SIGKILL');
  } catch {
    /* already gone */
  }
  s.ws.terminate();
  await exited;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The VM's files as a fingerprint that must never change: kinds and sizes, not places. */
function fingerprint(vm: Vm): string {
  return vmFiles(vm)
    .filter((f) => f.kind !== 'smartPaging')
    .map((f) => `${f.kind}:${f.sizeBytes}`)
    .sort()
    .join(',');
}

interface Checked {
  interrupted: number;
  completed: number;
}

/** The invariants after a restart. */
function check(world: World, jobs: Job[], original: Map<string, string>): Checked {
  const v = validateWorld(world);
  expect(v.ok, v.ok ? '' : JSON.stringify(v.errors.slice(0, 3))).toBe(true);
  // Every VM exactly once, on a Hyper-V host, with exactly its files.
  expect(world.vms.map((x) => x.id).sort()).toEqual([...original.keys()].sort());
  const owners = new Map<string, string>();
  for (const vm of world.vms) {
    expect(world.hosts.find((h) => h.name === vm.host)?.role).toBe('HyperV');
    expect(fingerprint(vm)).toBe(original.get(vm.id));
    for (const f of vmFiles(vm)) {
      const r = resolvePath(world, vm.host, f.path);
      expect(r.ok, `${vm.name}: ${f.path}`).toBe(true);
      if (!r.ok) continue;
      // Exactly one owner for every file's bytes (configuration folders are folders, skip them).
      if (f.kind === 'configuration') continue;
      const key = `${r.value.computer}|${r.value.localPath}`.toLowerCase();
      expect(owners.get(key), `${key} belongs to ${owners.get(key)} and ${vm.name}`).toBeUndefined();
      owners.set(key, vm.name);
    }
  }
  let interrupted = 0;
  let completed = 0;
  for (const j of jobs) {
    expect(j.state === 'Queued' || j.state === 'Running', `job ${j.id} still ${j.state} after a restart`).toBe(false);
    expect(j.partialFiles).toEqual([]);
    if (j.error?.message === 'The move was interrupted by a restart; rolled back.') interrupted++;
    if (j.state === 'Completed') completed++;
  }
  return { interrupted, completed };
}

/** A move that is valid for the VM where it is now (the engine may still refuse some: that is fine). */
function randomMove(rnd: () => number, world: World, vm: Vm, tag: string): Command {
  const other = vm.host === 'HV01' ? 'HV02' : 'HV01';
  const onShare = vm.paths.configuration.startsWith('\\\\');
  const r = rnd();
  if (r < 0.35) {
    const target = rnd() < 0.5 ? `E:\\VMs\\${vm.name}-${tag}` : rnd() < 0.5 ? `\\\\FS01\\VMs\\${vm.name}-${tag}` : `D:\\VMs\\${vm.name}-${tag}`;
    return { cmdlet: 'Move-VMStorage', params: { VMName: vm.name, ComputerName: [vm.host], DestinationStoragePath: target, AsJob: true } };
  }
  if (r < 0.5 && onShare && vm.state === 'Running') {
    return { cmdlet: 'Move-VM', params: { Name: vm.name, DestinationHost: other, ComputerName: [vm.host], AsJob: true } };
  }
  void world;
  return {
    cmdlet: 'Move-VM',
    params: {
      Name: vm.name,
      DestinationHost: other,
      ComputerName: [vm.host],
      IncludeStorage: true,
      DestinationStoragePath: `${rnd() < 0.5 ? 'D' : 'E'}:\\VMs\\${vm.name}-${tag}`,
      AsJob: true,
    },
  };
}

async function lane(index: number, seed: number): Promise<{ trials: number; interrupted: number; completed: number; refused: number }> {
  const dir = mkdtempSync(join(tmpdir(), `hvlab-crash-${index}-`));
  dirs.push(dir);
  const rnd = prng(seed);
  const original = new Map(defaultWorld().vms.map((v) => [v.id, fingerprint(v)]));
  let interrupted = 0;
  let completed = 0;
  let refused = 0;
  for (let t = 0; t < TRIALS_PER_LANE; t++) {
    const s = await startServer(dir);
    const world = await worldOf(s);
    const c = check(world.world, world.jobs, original);
    interrupted += c.interrupted;
    completed += c.completed;
    // Run fast; moves of 12–260 GiB take 5–300 simulated seconds, i.e. up to half a wall second each.
    await s.bridge.clock({ action: 'setSpeed', speed: rnd() < 0.5 ? 600 : 60 });
    const vms = [...world.world.vms].sort(() => rnd() - 0.5);
    for (const vm of vms.slice(0, 2 + Math.floor(rnd() * 4))) {
      const r = await s.bridge.invoke(randomMove(rnd, world.world, vm, `${index}-${t}`));
      if (!r.ok) refused++;
    }
    if (rnd() < 0.2) await s.bridge.invoke({ cmdlet: 'Stop-Job', params: { Id: [world.jobs.length + 1] } });
    // Mostly short: kills land mid-move. Sometimes longer than the door's 1 s save interval, so
    // that finished moves get saved too.
    await sleep(rnd() < 0.3 ? 1200 + Math.floor(rnd() * 1300) : 50 + Math.floor(rnd() * 1000));
    await kill(s);
  }
  // A last start-up: the state left by the last kill is consistent too.
  const s = await startServer(dir);
  const world = await worldOf(s);
  const c = check(world.world, world.jobs, original);
  await kill(s);
  return { trials: TRIALS_PER_LANE, interrupted: interrupted + c.interrupted, completed: completed + c.completed, refused };
}

describe('crash consistency of the browser host under SIGKILL', () => {
  afterAll(async () => {
    await Promise.all([...live].map(kill));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(
    `survives ${LANES * TRIALS_PER_LANE} kills mid-move with nothing lost or duplicated`,
    async () => {
      const results = await Promise.all(Array.from({ length: LANES }, (_, i) => lane(i, 20261125 + i)));
      const total = results.reduce(
        (a, r) => ({
          trials: a.trials + r.trials,
          interrupted: a.interrupted + r.interrupted,
          completed: a.completed + r.completed,
          refused: a.refused + r.refused,
        }),
        { trials: 0, interrupted: 0, completed: 0, refused: 0 },
      );
      expect(total.trials).toBe(LANES * TRIALS_PER_LANE);
      // The kills did land mid-move (saved states with running jobs, rolled back) and moves also finished.
      expect(total.interrupted).toBeGreaterThan(0);
      expect(total.completed).toBeGreaterThan(0);
    },
    depth(180_000, 600_000),
  );
});
