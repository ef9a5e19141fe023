// Get-VM and the power actions: Start-VM, Stop-VM (shut down, -TurnOff, -Save), Save-VM,
// Suspend-VM and Resume-VM, by one rule table (engine/common/vm-power-rules.ts) the console's
// menus read too. -AsJob is accepted and the action completes at once (power changes take no
// simulated time here). While a move of the VM is queued or running, every power action is
// refused (operations/configuration-lock.ts).
import { CommandRefusal } from '../errors';
import { assignedMemoryAt, memoryDemandAt, memoryStatusAt } from '../common/dynamic-memory';
import type { Vm } from '../model/world';
import type { CmdletContext, CmdletDefinition, CmdletOutcome } from './definition';
import type { BoundParams } from './signature';
import { getVmSignature, resumeVmSignature, saveVmSignature, startVmSignature, stopVmSignature, suspendVmSignature } from './catalog/vm';
import { powerCommandText, powerVerdict, type PowerAction } from '../common/vm-power-rules';
import { refuseStateChangeWhileMoving } from '../operations/configuration-lock';
import { DEFAULT_AUTOMATIC_START_ACTION, DEFAULT_AUTOMATIC_STOP_ACTION, integrationServiceEnabled } from '../common/vm-configuration';
import { alreadyInStateText, startRefusedText, stateChangeRefusedText } from '../operations/parameters';
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
    // Get-VM's default view: CPUUsage(%), MemoryAssigned(M) and Status. CPU is the guest's demand (what
    // Hyper-V Manager's CPU Usage column shows, renderer/format/vm-columns.ts); a VM that is not running
    // has none and no memory assigned; every VM operates normally (no integration faults are modelled).
    // MemoryAssigned follows Dynamic Memory (engine/common/dynamic-memory.ts); MemoryDemand and
    // MemoryStatus are reported for Dynamic Memory VMs (0 and blank otherwise: *unconfirmed*).
    CPUUsage: vm.state === 'Running' ? vm.workload.cpuDemandPercent : 0,
    MemoryAssigned: assignedMemoryAt(vm, now),
    MemoryDemand: vm.memory.dynamic ? memoryDemandAt(vm, now) : 0,
    MemoryStatus: memoryStatusAt(vm, now),
    MemoryMinimum: vm.memory.minimumBytes,
    MemoryMaximum: vm.memory.maximumBytes,
    Status: 'Operating normally',
    Path: vm.paths.configuration,
    SnapshotFileLocation: vm.paths.snapshots,
    SmartPagingFilePath: vm.paths.smartPaging,
    Generation: vm.generation,
    Version: vm.configurationVersion,
    Notes: vm.notes,
    AutomaticStartAction: vm.automaticStartAction ?? DEFAULT_AUTOMATIC_START_ACTION,
    AutomaticStartDelay: vm.automaticStartDelaySeconds ?? 0,
    AutomaticStopAction: vm.automaticStopAction ?? DEFAULT_AUTOMATIC_STOP_ACTION,
  };
}

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

/** What the event log says after each action (Hyper-V-Worker; event ids where we know them, the rest *unconfirmed* and left out). */
const EVENTS: Record<PowerAction, { verb: string; id?: number }> = {
  Start: { verb: 'started successfully', id: 18601 },
  ShutDown: { verb: 'was shut down', id: 18508 },
  TurnOff: { verb: 'was turned off', id: 18508 },
  Save: { verb: 'was saved' },
  Pause: { verb: 'was paused' },
  Resume: { verb: 'was resumed' },
};

function refusal(vm: Vm, action: PowerAction, instead: PowerAction | undefined): CommandRefusal {
  const message = action === 'Start' ? startRefusedText(vm.name) : stateChangeRefusedText(vm.name);
  const fix = `'${vm.name}' is ${vm.state}.${instead ? ` Use ${powerCommandText(instead)} instead.` : ''}`;
  return new CommandRefusal(message, { parameter: 'Name', fix });
}

/**
 * Applies one power action to the VMs named by -Name, by the rules of engine/common/vm-power-rules.ts.
 * Every VM is checked before any changes (a refusal changes nothing); a VM already in the asked
 * state gives PowerShell's warning.
 */
export function applyPowerAction(ctx: CmdletContext, params: BoundParams, action: PowerAction): CmdletOutcome {
  const vms = targetVms(ctx, params, 'Name');
  const warnings: string[] = [];
  const changes: { vm: Vm; to: Vm['state'] }[] = [];
  for (const vm of vms) {
    const verdict = powerVerdict(vm.state, action);
    if (verdict.kind === 'already') {
      warnings.push(alreadyInStateText(vm.name));
      continue;
    }
    if (verdict.kind === 'refuse') throw refusal(vm, action, verdict.instead);
    if (action === 'ShutDown' && vm.state === 'Running' && !integrationServiceEnabled(vm.integrationServices, 'Shutdown')) {
      // A shut down asks the guest through the Shutdown integration service; without it Hyper-V
      // cannot (Microsoft Learn, "Manage Hyper-V Integration Services"). *Unconfirmed* wording.
      throw new CommandRefusal(`The virtual machine '${vm.name}' cannot be shut down because its Shutdown integration service is not enabled.`, {
        parameter: 'Name',
        fix: `Turn it off instead (Stop-VM -Name '${vm.name.replace(/'/g, "''")}' -TurnOff), or enable the service: Enable-VMIntegrationService -Name Shutdown -VMName '${vm.name.replace(/'/g, "''")}'.`,
      });
    }
    refuseStateChangeWhileMoving(ctx.operations, vm, 'Name', action === 'Start' ? startRefusedText(vm.name) : stateChangeRefusedText(vm.name));
    changes.push({ vm, to: verdict.to });
  }
  for (const { vm, to } of changes) {
    const from = vm.state;
    vm.state = to;
    // Uptime counts from a start; a resume (from Paused) continues it; off and saved VMs have none.
    if (to === 'Running' && from !== 'Paused') vm.startedAt = ctx.sim.now;
    if (to === 'Off' || to === 'Saved') {
      delete vm.startedAt;
      // A smart paging file only bridges a running VM's memory after a restart; once the VM stops
      // (or its memory is saved to disk) Hyper-V deletes it (Microsoft Learn, "Hyper-V Dynamic
      // Memory Overview"). It used to wait for its release timer, taking space meanwhile.
      if (vm.smartPagingFile) {
        ctx.log('Information', 'Hyper-V-Worker', `'${vm.name}' deleted its smart paging file ${vm.smartPagingFile.path}.`);
        delete vm.smartPagingFile;
      }
    }
    const event = EVENTS[action];
    ctx.log('Information', 'Hyper-V-Worker', `'${vm.name}' ${event.verb}.`, event.id);
  }
  if (changes.length) ctx.worldChanged();
  return { warnings, ...(params.Passthru ? { output: vms.map((vm) => vmSummary(vm, ctx.sim.now)) } : {}) };
}

export const startVm: CmdletDefinition = {
  signature: startVmSignature,
  run: (ctx, params) => applyPowerAction(ctx, params, 'Start'),
};

export const stopVm: CmdletDefinition = {
  signature: stopVmSignature,
  run(ctx, params) {
    if (params.Save && params.TurnOff) {
      throw new CommandRefusal('Specify either -Save or -TurnOff, not both.', { parameter: 'TurnOff', code: 'InvalidParameter' });
    }
    return applyPowerAction(ctx, params, params.Save ? 'Save' : params.TurnOff ? 'TurnOff' : 'ShutDown');
  },
};

export const saveVm: CmdletDefinition = { signature: saveVmSignature, run: (ctx, params) => applyPowerAction(ctx, params, 'Save') };
export const suspendVm: CmdletDefinition = { signature: suspendVmSignature, run: (ctx, params) => applyPowerAction(ctx, params, 'Pause') };
export const resumeVm: CmdletDefinition = { signature: resumeVmSignature, run: (ctx, params) => applyPowerAction(ctx, params, 'Resume') };
