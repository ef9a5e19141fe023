// Hyper-V's per-host maximums for running virtual machines: 1,024 running VMs and 2,048 virtual
// processors of running VMs per host (TechNet, "Hyper-V scalability in Windows Server 2012 and
// Windows Server 2012 R2"; figures in engine/common/hyperv-limits.ts). Start-VM and the live
// migration pre-check ask the same question: would these VMs, added to what runs there, fit?
// The refusal's wording is unconfirmed; the figures are the published ones.
import { isRunningState } from '../model/validate-limits';
import type { Host, Vm, World } from '../model/world';
import { HYPERV_LIMITS } from '../common/hyperv-limits';

export interface RunningLoad {
  vms: number;
  processors: number;
}

/** Running VMs on `host` and their virtual processors, leaving out the VM ids in `except`. */
export function runningLoad(world: World, host: Host, except?: ReadonlySet<string>): RunningLoad {
  const name = host.name.toLowerCase();
  const load = { vms: 0, processors: 0 };
  for (const vm of world.vms) {
    if (!isRunningState(vm.state) || vm.host.toLowerCase() !== name || except?.has(vm.id)) continue;
    load.vms++;
    load.processors += vm.processorCount;
  }
  return load;
}

/** Why `adding` cannot also run on `host`, or undefined when it can. */
export function runLimitProblem(host: Host, load: RunningLoad, adding: Vm): string | undefined {
  const L = HYPERV_LIMITS.host;
  if (load.vms + 1 > L.runningVms) {
    return `${host.name} already runs ${load.vms} virtual machines; Hyper-V runs at most ${L.runningVms.toLocaleString('en-US')} per host.`;
  }
  if (load.processors + adding.processorCount > L.virtualProcessors) {
    return `The running virtual machines on ${host.name} have ${load.processors} virtual processors and '${adding.name}' has ${adding.processorCount}; Hyper-V supports at most ${L.virtualProcessors.toLocaleString('en-US')} per host.`;
  }
  return undefined;
}
