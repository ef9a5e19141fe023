// Get-VM, Start-VM and Stop-VM: the power actions a learner uses between moves.
import { CommandRefusal } from '../errors';
import type { Vm } from '../model/world';
import type { CmdletDefinition } from './definition';

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
    Generation: vm.generation,
    Version: vm.configurationVersion,
  };
}

export const getVm: CmdletDefinition = {
  signature: {
    name: 'Get-VM',
    synopsis: 'Gets the virtual machines from one or more Hyper-V hosts.',
    parameters: [
      { name: 'Name', type: 'String[]', position: 0, aliases: ['VMName'] },
      { name: 'ComputerName', type: 'String[]' },
    ],
  },
  run(ctx, params) {
    const names = (params.Name as string[] | undefined)?.map((n) => n.toLowerCase());
    const hosts = (params.ComputerName as string[] | undefined)?.map((n) => n.toLowerCase());
    const vms = ctx.world.vms.filter(
      (vm) => (!names || names.includes(vm.name.toLowerCase())) && (!hosts || hosts.includes(vm.host.toLowerCase())),
    );
    if (names && vms.length === 0) {
      throw new CommandRefusal(`Hyper-V was unable to find a virtual machine with name "${params.Name}".`, { parameter: 'Name', code: 'NotFound' });
    }
    return { output: vms.map((vm) => vmSummary(vm, ctx.sim.now)) };
  },
};

export const startVm: CmdletDefinition = {
  signature: {
    name: 'Start-VM',
    synopsis: 'Starts a virtual machine.',
    parameters: [
      { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['VMName'], fromPipeline: true },
      { name: 'ComputerName', type: 'String' },
      { name: 'AsJob', type: 'Switch' },
    ],
  },
  run(ctx, params) {
    const vm = ctx.findVm(String(params.Name), 'Name');
    if (vm.state === 'Running') {
      throw new CommandRefusal(`'${vm.name}' failed to start. The virtual machine is already running.`, { parameter: 'Name' });
    }
    vm.state = 'Running';
    vm.startedAt = ctx.sim.now;
    ctx.log('Information', 'Hyper-V-Worker', `'${vm.name}' started successfully.`, 18601);
    ctx.worldChanged();
    return {};
  },
};

export const stopVm: CmdletDefinition = {
  signature: {
    name: 'Stop-VM',
    synopsis: 'Shuts down, turns off, or saves a virtual machine.',
    parameters: [
      { name: 'Name', type: 'String', position: 0, mandatoryIn: ['*'], aliases: ['VMName'], fromPipeline: true },
      { name: 'ComputerName', type: 'String' },
      { name: 'TurnOff', type: 'Switch' },
      { name: 'Save', type: 'Switch' },
      { name: 'Force', type: 'Switch' },
      { name: 'AsJob', type: 'Switch' },
    ],
  },
  run(ctx, params) {
    const vm = ctx.findVm(String(params.Name), 'Name');
    if (vm.state !== 'Running' && vm.state !== 'Paused') {
      throw new CommandRefusal(`The operation cannot be performed while the virtual machine '${vm.name}' is in its current state (${vm.state}).`, { parameter: 'Name' });
    }
    vm.state = params.Save ? 'Saved' : 'Off';
    delete vm.startedAt;
    const verb = params.Save ? 'saved' : params.TurnOff ? 'turned off' : 'shut down';
    ctx.log('Information', 'Hyper-V-Worker', `'${vm.name}' was ${verb}.`, 18508);
    ctx.worldChanged();
    return {};
  },
};
