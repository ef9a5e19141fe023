// Start-VM with the host memory rule (the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft Learn, "Hyper-V Dynamic Memory Overview"): a VM started from Off (or
// from a saved state) needs its startup memory in physical memory — Smart Paging is never used
// when starting from Off — or it fails with Hyper-V's message. The start itself is the command
// language's handler (engine/cmdlets/vm-lifecycle.ts); this checks memory first, with the one
// accounting the moves and Smart Paging use (operations/host-memory.ts), VMs started by the same
// command counted in turn. Then the host's maximums for running VMs (operations/host-limits.ts).
import { CommandRefusal } from '../../errors';
import type { CmdletDefinition } from '../../cmdlets/definition';
import { startVm as startVmHandler } from '../../cmdlets/vm-lifecycle';
import { targetVms } from '../../cmdlets/targets';
import { hostMemory, notEnoughMemoryMessage } from '../host-memory';
import { runLimitProblem, runningLoad, type RunningLoad } from '../host-limits';
import { operationsOf } from './common';
import type { Host, Vm } from '../../model/world';
import { numaNodeOf } from '../../common/vm-configuration';

/**
 * With NUMA spanning off, a VM must fit in one NUMA node of its host: its virtual processors and
 * its startup memory (Microsoft Learn, "Hyper-V Virtual NUMA Overview"; the node size is the lab's,
 * engine/common/vm-configuration.ts numaNodeOf; the wording is *unconfirmed*).
 */
function numaProblem(host: Host, vm: Vm): string | undefined {
  if (host.numaSpanningEnabled !== false) return undefined;
  const node = numaNodeOf({ cores: host.cpu.cores, memoryBytes: host.memoryBytes });
  if (vm.processorCount > node.processors) {
    return `NUMA spanning is disabled on ${host.name} and the virtual machine's ${vm.processorCount} virtual processors do not fit in one NUMA node (${node.processors} logical processors).`;
  }
  if (vm.memory.startupBytes > node.memoryBytes) {
    return `NUMA spanning is disabled on ${host.name} and the virtual machine's startup memory (${vm.memory.startupBytes / 1024 ** 2} MB) does not fit in one NUMA node (${Math.floor(node.memoryBytes / 1024 ** 2)} MB).`;
  }
  return undefined;
}

export const startVm: CmdletDefinition = {
  signature: startVmHandler.signature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const starting = targetVms(ctx, params, 'Name').filter((vm) => vm.state === 'Off' || vm.state === 'Saved');
    const incoming = ops.incomingMemory();
    const taken = new Map<string, number>();
    const loads = new Map<string, RunningLoad>();
    for (const vm of starting) {
      const host = ctx.world.hosts.find((h) => h.name.toLowerCase() === vm.host.toLowerCase());
      if (!host) continue;
      const key = host.name.toLowerCase();
      const available = hostMemory(ctx.world, host, ops.params, incoming, undefined, ctx.sim.now).availableBytes - (taken.get(key) ?? 0);
      if (available < vm.memory.startupBytes) {
        throw new CommandRefusal(`'${vm.name}' failed to start. ${notEnoughMemoryMessage(vm)} Could not initialize memory: Ran out of memory (0x8007000E).`, {
          parameter: 'Name',
          fix: `${host.name} has ${(Math.max(0, available) / 1024 ** 3).toFixed(1)} GB free for virtual machines and '${vm.name}' needs ${(vm.memory.startupBytes / 1024 ** 3).toFixed(1)} GB to start (Smart Paging is used only when a running VM restarts). Shut down or move a virtual machine off ${host.name}, or lower the startup memory of '${vm.name}' (Set-VMMemory).`,
        });
      }
      const numa = numaProblem(host, vm);
      if (numa) {
        throw new CommandRefusal(`'${vm.name}' failed to start. ${numa}`, {
          parameter: 'Name',
          fix: `Allow NUMA spanning on ${host.name} (Hyper-V Settings > NUMA Spanning, or Set-VMHost -NumaSpanningEnabled $true), or give '${vm.name}' fewer virtual processors or less startup memory.`,
        });
      }
      taken.set(key, (taken.get(key) ?? 0) + vm.memory.startupBytes);
      let load = loads.get(key);
      if (!load) loads.set(key, (load = runningLoad(ctx.world, host)));
      const limit = runLimitProblem(host, load, vm);
      if (limit)
        throw new CommandRefusal(`'${vm.name}' failed to start. ${limit}`, {
          parameter: 'Name',
          fix: `Shut down or move a virtual machine off ${host.name} first.`,
        });
      load.vms++;
      load.processors += vm.processorCount;
    }
    const out = startVmHandler.run(ctx, params);
    for (const h of new Set(starting.map((vm) => vm.host))) ops.transfers.hostLoadChanged(h);
    return out;
  },
};
