// Free space while moves write their destination files (issue "Moves" §2, §5).
//
// Free space is derived, never stored (model/paths.ts): capacity − other data − the VM files the
// world knows. A move's destination files are not in the world until its switch, so they are
// tracked here as *partial files* (also recorded on the job, Job.partialFiles, so that a restart can
// remove them): a file being copied takes the bytes written so far — read live from the flow
// network — and a file copied but not yet switched takes its whole size. Mirrored guest writes
// rewrite blocks of the same files and take no extra space.
//
// Filling up. A volume whose free space reaches volumeFullMarginBytes fails every move writing to
// it at that instant with Windows' ERROR_DISK_FULL, and they roll back (which frees their partial
// files). The instant is found without ticking: no copy can fill a volume faster than the
// volume's write capacity, so a check is scheduled at now + free / writeCapacity — the earliest
// moment it could be full — and at the check, re-scheduled from the space then left. The checks
// close in on the true instant geometrically, and only run while something writes to the volume.
import type { Simulator, EventHandle } from '../sim/simulator';
import { hostIndexOf, vmFileBytesByVolume, volumeKey, forEachVmFile, locateVolume } from '../model/paths';
import type { Host, Vm, Volume, World } from '../model/world';
import { Resources } from '../net/resources';

export interface PartialWriter {
  /** volumeKey(computer, letter). */
  key: string;
  computer: string;
  volume: string;
  sizeBytes: number;
  /** Bytes on disk now. */
  written(): number;
  /** True while bytes are still being written. */
  growing(): boolean;
  /** The owner to fail when the volume fills up. */
  owner: { diskFull(writer: PartialWriter): void };
}

interface Watched {
  writers: Set<PartialWriter>;
  handle: EventHandle | -1;
  at: number;
}

/** Windows' text for a full volume. */
export const DISK_FULL = 'There is not enough space on the disk. (0x80070070)';

export class VolumeSpace {
  private usage: Map<string, number> | undefined;
  private hosts: Map<string, Host> | undefined;
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly world: () => World,
    private readonly sim: Simulator,
    /** A flow-network resource's capacity per second (NetworkFabric.capacity). */
    private readonly capacity: (resource: string) => number,
    private readonly marginBytes: number,
  ) {}

  /** The world may have changed in ways this does not see (a cmdlet ran): recompute usage on demand. */
  invalidate(): void {
    this.usage = undefined;
    this.hosts = undefined;
  }

  /** A VM's files are about to change (sign −1) or have changed (sign +1): keeps the cached usage exact. */
  applyVm(vm: Vm, sign: 1 | -1): void {
    if (!this.usage || !this.hosts) return;
    const usage = this.usage;
    const hosts = this.hosts;
    forEachVmFile(vm, (_k, path, size) => {
      const k = locateVolume(vm.host, path, hosts);
      if (k.startsWith('!')) return;
      usage.set(k, (usage.get(k) ?? 0) + sign * size);
    });
  }

  private index(): { usage: Map<string, number>; hosts: Map<string, Host> } {
    if (!this.usage || !this.hosts) {
      const w = this.world();
      this.hosts = hostIndexOf(w);
      this.usage = vmFileBytesByVolume(w, this.hosts);
    }
    return { usage: this.usage, hosts: this.hosts };
  }

  private volumeOf(computer: string, letter: string): { host: Host; volume: Volume } | undefined {
    const host = this.index().hosts.get(computer.toLowerCase());
    const volume = host?.volumes.find((v) => v.letter === letter.toUpperCase());
    return host && volume ? { host, volume } : undefined;
  }

  /** Bytes the partial files of running moves take on a volume now. */
  partialBytes(key: string): number {
    let n = 0;
    for (const w of this.watched.get(key)?.writers ?? []) n += w.written();
    return n;
  }

  /** Free bytes on a volume now: capacity − other data − VM files − partial files. */
  freeBytes(computer: string, letter: string): number {
    const v = this.volumeOf(computer, letter);
    if (!v) return 0;
    const key = volumeKey(v.host.name, v.volume.letter);
    const files = this.index().usage.get(key) ?? 0;
    return v.volume.capacityBytes - v.volume.otherDataBytes - files - this.partialBytes(key);
  }

  add(w: PartialWriter): void {
    let s = this.watched.get(w.key);
    if (!s) {
      s = { writers: new Set(), handle: -1, at: Infinity };
      this.watched.set(w.key, s);
    }
    s.writers.add(w);
    this.schedule(w.key);
  }

  remove(w: PartialWriter): void {
    const s = this.watched.get(w.key);
    if (!s || !s.writers.delete(w)) return;
    if (s.writers.size === 0) {
      if (s.handle !== -1) this.sim.cancel(s.handle);
      this.watched.delete(w.key);
    }
  }

  /** A writer started or stopped growing, or capacities changed: re-plan the next check. */
  touch(key: string): void {
    if (this.watched.has(key)) this.schedule(key);
  }

  /** Every watched volume of a host (its capacities may have changed). */
  touchHost(host: string): void {
    const prefix = `${host.toLowerCase()}|`;
    for (const key of this.watched.keys()) if (key.startsWith(prefix)) this.schedule(key);
  }

  private schedule(key: string): void {
    const s = this.watched.get(key);
    if (!s) return;
    const first = s.writers.values().next().value as PartialWriter;
    let growing = false;
    for (const w of s.writers) if (w.growing()) growing = true;
    const free = this.freeBytes(first.computer, first.volume);
    const room = free - this.marginBytes;
    if (growing && room <= Math.max(4096, this.marginBytes * 1e-4)) {
      this.full(key);
      return;
    }
    const cap = this.capacity(Resources.volWrite(first.computer, first.volume.toUpperCase()));
    const at = growing && cap > 0 ? this.sim.now + (room * 1000) / cap : Infinity;
    if (at === s.at && s.handle !== -1) return;
    if (s.handle !== -1) this.sim.cancel(s.handle);
    s.handle = -1;
    s.at = at;
    if (at !== Infinity) {
      s.handle = this.sim.schedule(at, () => {
        s.handle = -1;
        s.at = Infinity;
        this.schedule(key);
      });
    }
  }

  private full(key: string): void {
    const s = this.watched.get(key);
    if (!s) return;
    const writers = [...s.writers].filter((w) => w.growing());
    for (const w of writers) w.owner.diskFull(w);
    // The owners removed their writers; whatever is left (finished copies) re-plans its watch.
    if (this.watched.has(key)) this.schedule(key);
  }
}
