// Dynamic Memory on every host (Microsoft TechNet, "Hyper-V Dynamic Memory Overview"; "Hyper-V
// Dynamic Memory Configuration Guide"). A running Dynamic Memory VM gets its memory demand plus its
// buffer, between Minimum and Maximum; when a host cannot give every VM that much, each keeps at
// least its Minimum and the rest goes by Memory Weight (a VM of weight 8000 gets memory before one
// of 5000). Memory moves at a rate: hot add is quick, ballooning memory back out is slower, and a
// VM can only grow into memory that is free now (parameters.ts, *unconfirmed* rates).
//
// Event-driven, like the flow network: rebalance() settles every VM's stretch (engine/common/
// dynamic-memory.ts) at now, plans where each is going, and schedules one event at the next
// instant anything changes — a demand step, a guest done booting, a VM reaching its target, a
// smart paging file's memory ballooned out. Nothing runs per tick, and a world at rest schedules
// nothing (runUntilIdle ends).
//
// Held fixed while planning: static VMs (their startup memory), VMs still booting (startup), paused
// VMs and VMs in a live migration (what they hold; the migration copies that), the management OS's
// reserve and memory reserved by incoming migrations. A VM restarted through Smart Paging is
// ballooned down until what it holds fits in the physical part (or lower, to its target); then its
// smart paging file is deleted (smart-paging.ts) and it takes part in the sharing again.
import type { EventHandle, Simulator } from '../sim/simulator';
import type { Host, Vm, World } from '../model/world';
import { assignedMemoryAt, holdsMemoryState, memoryDemandAt, memoryTargetBytes, nextDemandStepAt, physicalMemoryAt } from '../common/dynamic-memory';
import { hostReserve } from './host-memory';
import type { MoveParams } from './parameters';

const MiB = 1024 * 1024;

export interface DynamicMemoryEnv {
  readonly sim: Simulator;
  readonly params: MoveParams;
  world(): World;
  /** The world changed (snapshot, pre-check caches); must not call back into rebalance(). */
  worldChanged(): void;
  incomingMemory(): Map<string, number>;
  isMigrating(vm: Vm): boolean;
  /** Deletes the VM's smart paging file: its memory has been ballooned out. */
  releaseSmartPaging(vm: Vm): void;
}

interface Sharer {
  vm: Vm;
  plan: Plan;
  current: number;
  minimum: number;
  target: number;
  weight: number;
}

export class DynamicMemory {
  private handle: EventHandle | undefined;
  private planning = false;

  constructor(private readonly env: DynamicMemoryEnv) {}

  /** Re-plans every host's Dynamic Memory VMs at now and schedules the next change. */
  rebalance(): void {
    if (this.planning) return;
    this.planning = true;
    try {
      const world = this.env.world();
      const now = this.env.sim.now;
      // Only hosts where Dynamic Memory has something to do are planned: in a world of static VMs
      // (the generated 10,000-VM world) this is one cheap pass, as rebalance runs on every change.
      const planned = new Set<string>();
      for (const vm of world.vms) if (vm.assignedMemory || (vm.memory.dynamic && holdsMemoryState(vm.state))) planned.add(vm.host.toLowerCase());
      const byHost = new Map<string, Vm[]>();
      for (const vm of planned.size === 0 ? [] : world.vms) {
        const key = vm.host.toLowerCase();
        if (!planned.has(key)) continue;
        const list = byHost.get(key);
        if (list) list.push(vm);
        else byHost.set(key, [vm]);
      }
      const incoming = this.env.incomingMemory();
      let changed = false;
      let next = Infinity;
      for (const host of world.hosts) {
        const key = host.name.toLowerCase();
        const vms = byHost.get(key);
        if (!vms) continue;
        const r = this.planHost(host, vms, now, incoming.get(key) ?? 0);
        changed ||= r.changed;
        next = Math.min(next, r.next);
      }
      if (this.handle !== undefined) this.env.sim.cancel(this.handle);
      this.handle = undefined;
      if (next < Infinity) {
        this.handle = this.env.sim.schedule(Math.max(next, now + 1), () => {
          this.handle = undefined;
          this.rebalance();
        });
      }
      if (changed) this.env.worldChanged();
    } finally {
      this.planning = false;
    }
  }

  private planHost(host: Host, vms: Vm[], now: number, incomingBytes: number): { changed: boolean; next: number } {
    const p = this.env.params;
    let changed = false;
    let next = Infinity;
    let fixed = hostReserve(host, p) + incomingBytes;
    const sharers: Sharer[] = [];
    const plans: Plan[] = [];
    for (const vm of vms) {
      if (!holdsMemoryState(vm.state) || !vm.memory.dynamic) {
        if (vm.assignedMemory) {
          delete vm.assignedMemory;
          changed = true;
        }
        if (holdsMemoryState(vm.state)) fixed += physicalMemoryAt(vm, now);
        continue;
      }
      const startup = vm.memory.startupBytes;
      const had = vm.assignedMemory ? { ...vm.assignedMemory } : undefined;
      // A VM without a stretch holds its startup memory; one just started holds it until its guest has booted.
      const a: Stretch = had
        ? { ...had }
        : { bytes: startup, at: Math.max(now, (vm.startedAt ?? now) + p.dynamicMemoryBootMs), toBytes: startup, bytesPerSec: 0 };
      const current = stretchAt(a, now);
      if (a.at < now && current !== a.bytes) {
        a.bytes = current;
        a.at = now;
      }
      const plan: Plan = { vm, a, had, keep: false };
      plans.push(plan);
      const f = vm.smartPagingFile;
      if (f && current <= startup - f.sizeBytes) {
        this.env.releaseSmartPaging(vm);
        changed = true;
      }
      next = Math.min(next, nextDemandStepAt(vm, now) ?? Infinity);
      const target = memoryTargetBytes(vm, memoryDemandAt(vm, now));
      const booting = a.at > now;
      if (booting || vm.state !== 'Running' || this.env.isMigrating(vm)) {
        hold(a);
        fixed += physicalAt(vm, a, now);
        // Once booted it will move (or a smart paging file must go): wake up then.
        if (booting && (target !== startup || vm.smartPagingFile)) {
          plan.keep = true;
          next = Math.min(next, a.at);
        }
        continue;
      }
      if (vm.smartPagingFile) {
        // Bridged by a smart paging file: Hyper-V balloons it down at least until what it holds fits
        // in physical memory (at most its target), then deletes the file (the Overview).
        const fits = startup - vm.smartPagingFile.sizeBytes;
        const to = Math.min(target, fits, current);
        steer(a, to, current, now, p);
        fixed += physicalAt(vm, a, now);
        // The next event: the file's release (what it holds fits), or its target below that.
        const stop = current > fits ? Math.max(to, fits) : to;
        if (stop < current) next = Math.min(next, now + msFor(current - stop, p.dynamicMemoryBalloonBytesPerSec));
        continue;
      }
      sharers.push({ vm, plan, current, minimum: vm.memory.minimumBytes, target, weight: vm.memory.weight });
    }

    if (sharers.length > 0) {
      const pool = host.memoryBytes - fixed;
      const alloc = share(sharers, pool);
      // A VM grows only into memory free now; what others are still ballooning out comes at their next event.
      const free = pool - sharers.reduce((n, s) => n + s.current, 0);
      const growth = sharers.reduce((n, s, i) => n + Math.max(0, alloc[i]! - s.current), 0);
      const scale = growth > free ? Math.max(0, free) / growth : 1;
      sharers.forEach((s, i) => {
        let to = alloc[i]!;
        if (to > s.current && scale < 1) to = s.current + Math.floor(((to - s.current) * scale) / MiB) * MiB;
        steer(s.plan.a, to, s.current, now, p);
        if (to !== s.current) next = Math.min(next, now + msFor(Math.abs(to - s.current), s.plan.a.bytesPerSec));
      });
    }

    // A VM that holds its startup memory and stays there needs no stretch in the world.
    for (const { vm, a, had, keep } of plans) {
      const trivial = !keep && a.bytes === vm.memory.startupBytes && a.toBytes === a.bytes && !vm.smartPagingFile;
      if (trivial) {
        if (vm.assignedMemory) {
          delete vm.assignedMemory;
          changed = true;
        }
      } else if (!had || had.bytes !== a.bytes || had.at !== a.at || had.toBytes !== a.toBytes || had.bytesPerSec !== a.bytesPerSec) {
        vm.assignedMemory = a;
        changed = true;
      }
    }
    return { changed, next };
  }
}

type Stretch = NonNullable<Vm['assignedMemory']>;

interface Plan {
  vm: Vm;
  a: Stretch;
  had: Stretch | undefined;
  keep: boolean;
}

function stretchAt(a: Stretch, now: number): number {
  return assignedMemoryAt(
    {
      state: 'Running',
      memory: { dynamic: true, startupBytes: a.bytes, minimumBytes: 0, maximumBytes: 0, bufferPercent: 0, weight: 0 },
      workload: {},
      assignedMemory: a,
    },
    now,
  );
}

function physicalAt(vm: Vm, a: Stretch, now: number): number {
  return physicalMemoryAt({ ...vm, assignedMemory: a }, now);
}

function hold(a: Stretch): void {
  a.toBytes = a.bytes;
  a.bytesPerSec = 0;
}

/** Sets a new course from `current` at `now`; a course already under way is left as it is. */
function steer(a: Stretch, to: number, current: number, now: number, p: MoveParams): void {
  const rate = to > current ? p.dynamicMemoryHotAddBytesPerSec : to < current ? p.dynamicMemoryBalloonBytesPerSec : 0;
  if (a.toBytes === to && a.bytesPerSec === rate) return;
  if (a.at < now) {
    a.bytes = current;
    a.at = now;
  }
  a.toBytes = to;
  a.bytesPerSec = rate;
}

function msFor(bytes: number, bytesPerSec: number): number {
  return bytesPerSec > 0 ? Math.ceil((bytes * 1000) / bytesPerSec) : Infinity;
}

/**
 * What each VM gets from `pool`: its target when all fit; otherwise its Minimum, and the rest shared
 * in proportion to Memory Weight, none beyond its target (weighted max-min fairness); weight 0
 * gets only what the others leave. Whole MB.
 */
export function share(sharers: readonly Pick<Sharer, 'minimum' | 'target' | 'weight'>[], pool: number): number[] {
  const wanted = sharers.reduce((n, s) => n + s.target, 0);
  if (wanted <= pool) return sharers.map((s) => s.target);
  const out = sharers.map((s) => s.minimum);
  let left = pool - out.reduce((n, v) => n + v, 0);
  const fill = (indices: number[], weightOf: (i: number) => number): void => {
    let open = indices.filter((i) => sharers[i]!.target > out[i]!);
    while (open.length > 0 && left > 0) {
      const total = open.reduce((n, i) => n + weightOf(i), 0);
      const full = open.filter((i) => sharers[i]!.target - out[i]! <= (left * weightOf(i)) / total);
      if (full.length === 0) {
        for (const i of open) out[i]! += Math.floor((left * weightOf(i)) / total);
        left = 0;
        break;
      }
      for (const i of full) {
        left -= sharers[i]!.target - out[i]!;
        out[i] = sharers[i]!.target;
      }
      open = open.filter((i) => !full.includes(i));
    }
  };
  const indices = sharers.map((_, i) => i);
  fill(
    indices.filter((i) => sharers[i]!.weight > 0),
    (i) => sharers[i]!.weight,
  );
  fill(
    indices.filter((i) => sharers[i]!.weight === 0),
    () => 1,
  );
  return out.map((v) => Math.floor(v / MiB) * MiB);
}
