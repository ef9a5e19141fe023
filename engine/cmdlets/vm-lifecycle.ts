// Get-VM, Start-VM and Stop-VM: the power actions a learner uses between moves.
// -AsJob is accepted and the action completes at once (power changes take no simulated time here).
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import type { CmdletDefinition } from './definition';
import { getVmSignature, startVmSignature, stopVmSignature } from './catalog/vm';
import { stringList, targetHosts, targetVms, vmNotFound } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

/** What Get-VM writes to the pipeline: the columns Hyper-V Manager and PowerShell show. */
export function vmSummary(vm: Vm, now: number) {
  return {
    Name: vm.name,
    State: vm.state,
    ComputerName: vm.host,
    ProcessorCount: vm.processorCount,
    MemoryStartup: vm.memory.startupBytes,
    DynamicMemoryEnabled: vm.memory.dynamic,
    Uptime: vm.state === 'Running' && vm.startedAt !== undefined ? now - vm.startedAt : 0,
    Path: vm.paths.configuration,
    SnapshotFileLocation: vm.paths.snapshots,
    SmartPagingFilePath: vm.paths.smartPaging,
    Generation: vm.generation,
    Version: vm.configurationVersion,
    Notes: vm.notes,
  };
}

/** PowerShell writes this warning (not an error) when the VM is already where it was asked to go. */
const alreadyThere = (vm: Vm) => `The virtual machine '${vm.name}' is already in the specified state.`;

export const getVm: CmdletDefinition = {
  signature: getVmSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'ComputerName', true);
    const names = stringList(params.Name);
    const onHosts = ctx.world.vms.filter((vm) => hosts.some((h) => sameName(h.name, vm.host)));
    for (const name of names) {
      if (!hasWildcard(name) && !onHosts.some((vm) => sameName(vm.name, name))) throw vmNotFound(ctx, name, 'Name');
    }
    const vms = onHosts.filter((vm) => names.length === 0 || names.some((n) => wildcardMatch(n, vm.name)));
    return { output: vms.map((vm) => vmSummary(vm, ctx.sim.now)) };
  },
};

export const startVm: CmdletDefinition = {
  signature: startVmSignature,
  run(ctx, params) {
    const vms = targetVms(ctx, params, 'Name');
    const warnings: string[] = [];
    const toStart: Vm[] = [];
    for (const vm of vms) {
      if (vm.state === 'Running') warnings.push(alreadyThere(vm));
      else if (vm.state === 'Off' || vm.state === 'Saved' || vm.state === 'Paused') toStart.push(vm);
      else throw new CommandRefusal(`'${vm.name}' failed to start. The operation cannot be performed while the virtual machine is in its current state.`, { parameter: 'Name' });
    }
    for (const vm of toStart) {
      if (vm.state !== 'Paused') vm.startedAt = ctx.sim.now;
      vm.state = 'Running';
      ctx.log('Information', 'Hyper-V-Worker', `'${vm.name}' started successfully.`, 18601);
    }
    if (toStart.length) ctx.worldChanged();
    return { warnings, ...(params.Passthru ? { output: vms.map((vm) => vmSummary(vm, ctx.sim.now)) } : {}) };
  },
};

export const stopVm: CmdletDefinition = {
  signature: stopVmSignature,
  run(ctx, params) {
    if (params.Save && params.TurnOff) {
      throw new CommandRefusal('Specify either -Save or -TurnOff, not both.', { parameter: 'TurnOff', code: 'InvalidParameter' });
    }
    const vms = targetVms(ctx, params, 'Name');
    const warnings: string[] = [];
    const toStop: Vm[] = [];
    for (const vm of vms) {
      if (vm.state === 'Off' || (vm.state === 'Saved' && !params.TurnOff)) warnings.push(alreadyThere(vm));
      else if (vm.state === 'Running' || vm.state === 'Paused' || vm.state === 'Saved') toStop.push(vm);
      else throw new CommandRefusal(`The operation cannot be performed while the virtual machine '${vm.name}' is in its current state (${vm.state}).`, { parameter: 'Name' });
    }
    for (const vm of toStop) {
      vm.state = params.Save ? 'Saved' : 'Off';
      delete vm.startedAt;
      const verb = params.Save ? 'saved' : params.TurnOff ? 'turned off' : 'shut down';
      ctx.log('Information', 'Hyper-V-Worker', `'${vm.name}' was ${verb}.`, 18508);
    }
    if (toStop.length) ctx.worldChanged();
    return { warnings, ...(params.Passthru ? { output: vms.map((vm) => vmSummary(vm, ctx.sim.now)) } : {}) };
  },
};
