// Restart-VM and Smart Paging (Microsoft Learn, "Hyper-V Dynamic Memory Overview"; the claim of the ADMIN Magazine article on Hyper-V with SMB 3 in Windows Server 2012 R2).
//
// A restart gives the VM's memory back and asks for its startup memory again. When the host
// cannot give startup memory but can give the Dynamic Memory minimum (host-memory.ts
// restartMemory), a smart paging file of the gap is created in the VM's Smart Paging File Location
// (vm.paths.smartPaging, "<VM ID>.slp") and vm.smartPagingFile is set: it takes space on that
// volume like any VM file. Once the VM has booted and ballooned the extra memory back out — what
// it holds fits in the physical part — the file is deleted ("expected within 10 minutes"): Dynamic
// Memory decides when (dynamic-memory.ts calls release()), at the balloon rate of parameters.ts.
// No room for the file there → the restart fails and the VM is left off (it was shut down for the
// restart; the start failed). Start-VM from Off never uses Smart Paging: see startMemoryProblem.
import type { Simulator } from '../sim/simulator';
import type { Vm, World } from '../model/world';
import { joinPath, resolvePath } from '../model/paths';
import { CommandRefusal } from '../errors';
import { LogText, type LogLine } from './event-log';
import { restartMemory, notEnoughMemoryMessage } from './host-memory';
import type { MoveParams } from './parameters';
import type { VolumeSpace } from './volume-space';
import { DISK_FULL } from './volume-space';

export interface SmartPagingEnv {
  readonly sim: Simulator;
  readonly params: MoveParams;
  readonly space: VolumeSpace;
  world(): World;
  log(line: LogLine): void;
  worldChanged(): void;
  incomingMemory(): Map<string, number>;
  isMigrating(vm: Vm): boolean;
}

export interface RestartOutcome {
  vm: Vm;
  smartPaging?: { path: string; sizeBytes: number };
}

export class SmartPaging {
  constructor(private readonly env: SmartPagingEnv) {}

  /**
   * Restarts one VM (Restart-VM). Throws CommandRefusal with Hyper-V's message when it cannot;
   * the world then already shows the VM off (the restart shut it down first).
   */
  restart(vm: Vm): RestartOutcome {
    const world = this.env.world();
    if (vm.state !== 'Running') {
      // Unconfirmed text: the wording Hyper-V uses for an operation in the wrong state.
      throw new CommandRefusal(`'${vm.name}' failed to restart. The operation cannot be performed while the object is in its current state (${vm.state}).`, {
        parameter: 'Name',
      });
    }
    if (this.env.isMigrating(vm)) {
      // Unconfirmed text.
      throw new CommandRefusal(`'${vm.name}' failed to restart. The operation cannot be performed while the virtual machine is being migrated.`, {
        parameter: 'Name',
        fix: `Wait for the live migration of '${vm.name}' to finish (Get-Job), or cancel it (Stop-Job).`,
      });
    }
    const host = world.hosts.find((h) => h.name.toLowerCase() === vm.host.toLowerCase());
    if (!host) throw new CommandRefusal(`'${vm.name}' failed to restart: its host ${vm.host} does not exist.`, { code: 'Internal' });
    // The restart hands the VM's memory (and any smart paging file still bridging it) back first.
    this.env.space.applyVm(vm, -1);
    delete vm.smartPagingFile;
    // The guest boots again with its startup memory; Dynamic Memory takes over once it has booted.
    delete vm.assignedMemory;
    const now = this.env.sim.now;
    const plan = restartMemory(world, host, vm, this.env.params, this.env.incomingMemory(), now);
    if (plan.kind === 'refused') {
      return this.failOff(
        vm,
        `${notEnoughMemoryMessage(vm)} Could not initialize memory: Ran out of memory (0x8007000E).`,
        vm.memory.dynamic
          ? `${host.name} cannot give '${vm.name}' even its minimum memory (${mib(vm.memory.minimumBytes)} MB). Move or shut down another virtual machine on ${host.name}.`
          : `'${vm.name}' uses static memory, so Smart Paging cannot bridge the gap. Free ${mib(vm.memory.startupBytes)} MB on ${host.name}, or enable Dynamic Memory with a lower minimum (Set-VMMemory, with the VM off).`,
      );
    }
    vm.startedAt = now;
    if (plan.kind === 'physical') {
      this.env.space.applyVm(vm, 1);
      this.env.log(LogText.restarted(vm));
      this.env.worldChanged();
      return { vm };
    }
    const path = joinPath(vm.paths.smartPaging, `${vm.id}${this.env.params.smartPagingExtension}`);
    const at = resolvePath(world, vm.host, path);
    if (!at.ok)
      return this.failOff(
        vm,
        `Could not create the smart paging file '${path}': ${at.message}.`,
        `Point the Smart Paging File Location at a folder on a volume of ${host.name} or a reachable share (Set-VM -SmartPagingFilePath).`,
      );
    const where = at.value;
    const free = this.env.space.freeBytes(where.computer, where.volume);
    if (free < plan.gapBytes) {
      return this.failOff(
        vm,
        `Could not create the smart paging file '${path}' (${mib(plan.gapBytes)} MB needed, ${mib(Math.max(0, free))} MB free on ${where.computer} ${where.volume}:): ${DISK_FULL}`,
        `Move the Smart Paging File Location to a volume with at least ${mib(plan.gapBytes)} MB free (Move-VMStorage '${vm.name}' -SmartPagingFilePath <folder>, or Set-VM -SmartPagingFilePath with the VM off), or free memory on ${host.name}.`,
      );
    }
    vm.smartPagingFile = { path, sizeBytes: plan.gapBytes, createdAt: now };
    this.env.space.applyVm(vm, 1);
    this.env.log(LogText.smartPagingInUse(vm, path, plan.gapBytes));
    this.env.log(LogText.restarted(vm));
    this.env.worldChanged();
    return { vm, smartPaging: { path, sizeBytes: plan.gapBytes } };
  }

  /** The restart shut the VM down and the start failed: it is left off; the refusal carries the reason. */
  private failOff(vm: Vm, reason: string, fix: string): never {
    vm.state = 'Off';
    delete vm.startedAt;
    this.env.space.applyVm(vm, 1);
    this.env.log(LogText.restartFailed(vm, reason));
    this.env.worldChanged();
    throw new CommandRefusal(`'${vm.name}' failed to restart. ${reason}`, { parameter: 'Name', fix });
  }

  /** Deletes the smart paging file: the VM has ballooned the bridged memory back out (dynamic-memory.ts). */
  release(vm: Vm): void {
    const f = vm.smartPagingFile;
    if (!f) return;
    this.env.space.applyVm(vm, -1);
    delete vm.smartPagingFile;
    this.env.space.applyVm(vm, 1);
    this.env.log(LogText.smartPagingReleased(vm, f.path));
  }
}

function mib(n: number): string {
  return (n / 1024 ** 2).toFixed(0);
}
