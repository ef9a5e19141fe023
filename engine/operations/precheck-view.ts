// The part of the world a move's pre-checks can see, so that checking one move costs what the move
// touches, not what the datacenter holds (issue "Moves" §9: 1,000 moves in a 10,000-VM world).
//
// The pre-checks (engine/operations/prechecks, read-only here) look at world.vms for: the VM and
// its namesakes (subject), the VMs on the destination host (memory, name clash), the VMs on the
// host the command talks to (the "VMs there are ..." hint), and every VM with a file on a volume a
// file of the move lands on (free space, file collisions). All of those live on a small set of
// computers: the computer the command talks to, the VM's host, the destination host, the
// computers holding the VM's files now, and the file servers the request's paths name. The view is
// the world with only the VMs hosted on, or holding a file on, one of those computers — in the
// world's own order, so every `find` gives the same answer. A property test
// (test/unit/operations/precheck-view.test.ts) checks runPrechecks(view) = runPrechecks(world).
//
// The index (computer → VMs) is rebuilt lazily after the world changes: engine commands that
// change it say so (ctx.worldChanged / networkChanged), and the operations invalidate it when a
// move switches or a smart paging file comes or goes.
import { forEachVmFile, hostIndexOf, locateVolume, parsePath } from '../model/paths';
import type { Host, Vm, World } from '../model/world';
import type { MoveRequest } from './prechecks';

interface Index {
  /** Position of each VM in world.vms and each host in world.hosts (the view keeps the world's order). */
  position: Map<Vm, number>;
  hostPosition: Map<Host, number>;
  /** Lower-case computer → VMs hosted there or holding a file there. */
  byComputer: Map<string, Set<Vm>>;
  /** Lower-case VM name → VMs of that name. */
  byName: Map<string, Vm[]>;
  hosts: Map<string, Host>;
}

export class PrecheckView {
  private index: Index | undefined;

  constructor(private readonly world: () => World) {}

  invalidate(): void {
    this.index = undefined;
  }

  private build(): Index {
    const w = this.world();
    const hosts = hostIndexOf(w);
    const byComputer = new Map<string, Set<Vm>>();
    const byName = new Map<string, Vm[]>();
    const position = new Map<Vm, number>();
    w.vms.forEach((vm, i) => position.set(vm, i));
    const hostPosition = new Map<Host, number>();
    w.hosts.forEach((h, i) => hostPosition.set(h, i));
    const add = (computer: string, vm: Vm): void => {
      let s = byComputer.get(computer);
      if (!s) byComputer.set(computer, (s = new Set()));
      s.add(vm);
    };
    for (const vm of w.vms) {
      add(vm.host.toLowerCase(), vm);
      const n = vm.name.toLowerCase();
      const list = byName.get(n);
      if (list) list.push(vm);
      else byName.set(n, [vm]);
      forEachVmFile(vm, (_k, path) => {
        const key = locateVolume(vm.host, path, hosts);
        if (!key.startsWith('!')) add(key.slice(0, key.indexOf('|')), vm);
      });
    }
    return { position, hostPosition, byComputer, byName, hosts };
  }

  /**
   * The world as the pre-checks of this request need it. With `allHosts` false the hosts are
   * narrowed to the computers the move touches too: every check of a move that passes reads only
   * those, but refusal texts list the lab's hosts ("the Hyper-V hosts in this lab are ..."), so a
   * refused move is checked again with all hosts (Operations.prechecks).
   */
  viewFor(request: MoveRequest, allHosts = true): World {
    const w = this.world();
    const ix = (this.index ??= this.build());
    const computers = new Set<string>();
    const addComputer = (name: string | undefined): void => {
      if (!name) return;
      const h = ix.hosts.get(name.toLowerCase()) ?? ix.hosts.get(name.toLowerCase().split('.')[0]!);
      computers.add((h?.name ?? name).toLowerCase());
    };
    addComputer(request.initiatedOn);
    addComputer(request.destinationHost);
    const namesakes = ix.byName.get(request.vmName.toLowerCase()) ?? [];
    for (const vm of namesakes) {
      addComputer(vm.host);
      forEachVmFile(vm, (_k, path) => {
        const key = locateVolume(vm.host, path, ix.hosts);
        if (!key.startsWith('!')) computers.add(key.slice(0, key.indexOf('|')));
      });
    }
    const p = request.placement;
    const paths =
      p.mode === 'SingleFolder'
        ? [p.folder]
        : p.mode === 'PerItem'
          ? [p.configuration, p.snapshots, p.smartPaging, ...p.vhds.flatMap((v) => [v.source, v.destination])]
          : [];
    for (const path of paths) {
      if (!path) continue;
      const parsed = parsePath(path);
      if (parsed?.kind === 'unc') addComputer(parsed.server);
    }
    const keep = new Set<Vm>(namesakes);
    for (const c of computers) for (const vm of ix.byComputer.get(c) ?? []) keep.add(vm);
    const vms = [...keep].sort((a, b) => ix.position.get(a)! - ix.position.get(b)!);
    if (allHosts) return { ...w, vms };
    const hosts = [...new Set([...computers].map((c) => ix.hosts.get(c)).filter((h): h is Host => !!h))];
    hosts.sort((a, b) => ix.hostPosition.get(a)! - ix.hostPosition.get(b)!);
    return { ...w, vms, hosts };
  }
}
