// "moves.1000": 1,000 concurrent moves — half storage migrations (to the rack's SMB share or to
// another local volume), half live migrations (VM only when the VM is on the share, shared-nothing
// otherwise) to a neighbour in the same rack — in the generated 1,000-host, 10,000-VM world, run to
// completion. Figures: the time to issue the 1,000 commands (pre-checks included), the time to run
// the simulation to idle, events per second, peak memory, and the CPU time of the two (cpu_ms: on a
// shared machine the wall time includes other processes' turns). Target: start_ms + run_ms ≤ 2,000.
import type { Bench } from './harness';
import { heapUsedMiB, peakRssMiB } from './harness';
import { Engine } from '../../engine/engine';
import { generateWorld } from '../../engine/model/generate-world';
import { World } from '../../engine/model/world';

const HOSTS = 1000;
const VMS = 10_000;
const MOVES = Number(process.env.HVLAB_MOVES ?? 1000);
const RACK = 25;

export function benchWorld(): World {
  const input = generateWorld({ hosts: HOSTS, vms: VMS, seed: 42, rackSize: RACK });
  const w = World.parse(input);
  // Kerberos with constrained delegation to every host and file server of the rack (the
  // generated world leaves delegation empty, which the pre-checks rightly refuse).
  for (const h of w.hosts) {
    if (h.role !== 'HyperV') continue;
    const rack = w.hosts.filter((o) => Math.floor(w.hosts.indexOf(o) / RACK) === Math.floor(w.hosts.indexOf(h) / RACK));
    h.delegation = rack.flatMap((o) => [`cifs/${o.name}`, `Microsoft Virtual System Migration Service/${o.name}`]);
    for (const s of w.hosts.filter((o) => o.role === 'FileServer')) for (const share of s.shares) share.fullControl.push(`CONTOSO\\${h.name}$`);
  }
  return w;
}

export function commands(w: World): { cmdlet: string; params: Record<string, unknown> }[] {
  const hyperV = w.hosts.filter((h) => h.role === 'HyperV');
  const index = new Map(w.hosts.map((h, i) => [h.name, i]));
  const out: { cmdlet: string; params: Record<string, unknown> }[] = [];
  for (let i = 0; i < MOVES; i++) {
    const vm = w.vms[i]!;
    const onShare = vm.paths.configuration.startsWith('\\\\');
    const hostAt = index.get(vm.host)!;
    const rack = Math.floor(hostAt / RACK);
    if (i % 2 === 0) {
      const fs = w.hosts[Math.min(rack * RACK + RACK - 1, w.hosts.length - 1)]!;
      const target = onShare || i % 4 === 0 ? `C:\\VMs\\${vm.name}` : `\\\\${fs.name}\\VMs\\${vm.name}-moved`;
      out.push({ cmdlet: 'Move-VMStorage', params: { VMName: vm.name, ComputerName: [vm.host], DestinationStoragePath: target, AsJob: true } });
    } else {
      // The next Hyper-V host of the same rack (same subnets).
      const peers = hyperV.filter((h) => Math.floor(index.get(h.name)! / RACK) === rack && h.name !== vm.host);
      const dst = peers[(i >> 1) % peers.length]!;
      const params: Record<string, unknown> = { Name: vm.name, DestinationHost: dst.name, ComputerName: [vm.host], AsJob: true };
      if (!onShare) Object.assign(params, { IncludeStorage: true, DestinationStoragePath: `D:\\VMs\\${vm.name}` });
      out.push({ cmdlet: 'Move-VM', params });
    }
  }
  return out;
}

export const benches: Bench[] = [
  {
    name: 'moves.1000',
    description: '1,000 concurrent moves (storage and live, mixed) in the 1,000-host world, run to completion',
    target: 'start_ms + run_ms <= 2000',
    run() {
      const w = benchWorld();
      const cmds = commands(w);
      const t0 = performance.now();
      const engine = new Engine({ world: w });
      const t1 = performance.now();
      // CPU time too: on a shared machine the wall time includes other processes' turns.
      const c1 = process.cpuUsage();
      let refused = 0;
      let firstRefusal = '';
      for (const c of cmds) {
        const r = engine.invoke(c);
        if (!r.ok) {
          refused++;
          firstRefusal ||= `${c.cmdlet} ${JSON.stringify(c.params)}: ${r.error.message}`;
        }
      }
      const t2 = performance.now();
      const events0 = engine.sim.eventsRun;
      engine.runUntilIdle();
      const t3 = performance.now();
      const cpu = process.cpuUsage(c1);
      const jobs = engine.state().jobs;
      const completed = jobs.filter((j) => j.state === 'Completed').length;
      if (completed + refused !== MOVES)
        throw new Error(`only ${completed} of ${MOVES - refused} moves completed: ${JSON.stringify(jobs.find((j) => j.state !== 'Completed')?.error)}`);
      const events = engine.sim.eventsRun - events0;
      return {
        engine_ms: t1 - t0,
        start_ms: t2 - t1,
        run_ms: t3 - t2,
        total_ms: t3 - t1,
        cpu_ms: (cpu.user + cpu.system) / 1000,
        moves: MOVES,
        completed,
        refused,
        ...(firstRefusal ? { first_refusal: firstRefusal.slice(0, 200) } : {}),
        events,
        events_per_s: Math.round(events / ((t3 - t2) / 1000)),
        simulated_s: Math.round(engine.now / 1000),
        peak_rss_mb: peakRssMiB(),
        heap_mb: heapUsedMiB(),
      };
    },
  },
];
