// Set-VM, Set-VMMemory and Set-VMProcessor: the virtual machine settings that decide whether and
// how a VM can move (memory for the destination, processor compatibility, the smart paging and
// checkpoint folders). Every VM named is checked before any is changed, and none may change while
// a move of it is queued or running (operations/configuration-lock.ts).
import { CommandRefusal } from '../errors';
import type { Vm, VmMemory } from '../model/world';
import { samePath } from '../model/paths';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import { getVmMemorySignature, setVmMemorySignature, setVmProcessorSignature, setVmSignature } from './catalog/vm';
import { describeMemoryChange, planMemory, type MemoryChange, type MemoryParameterNames } from './memory-rules';
import { refuseWhileMoving } from '../operations/configuration-lock';
import { folderProblem } from './paths';
import { hostOfVm, targetVms } from './targets';
import { vmSummary } from './vm-lifecycle';
import { processorSummary } from './vm-configuration';
import {
  DEFAULT_AUTOMATIC_START_ACTION,
  DEFAULT_AUTOMATIC_STOP_ACTION,
  processorControlOf,
  type AutomaticStartAction,
  type AutomaticStopAction,
} from '../common/vm-configuration';

const psQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Hyper-V's refusal for a setting that needs the VM off (processors, their compatibility, the smart paging folder). */
function needsOff(vm: Vm, device: string, parameter: string, otherwise?: string): CommandRefusal {
  return new CommandRefusal(
    `'${vm.name}' failed to modify device '${device}'. The operation cannot be performed while the virtual machine is in its current state.`,
    { parameter, fix: `The virtual machine is ${vm.state}; turn it off first: Stop-VM -Name ${psQuote(vm.name)}${otherwise ? `; ${otherwise}` : ''}` },
  );
}

function checkFolder(ctx: CmdletContext, vm: Vm, path: string, what: string, parameter: string): void {
  const host = hostOfVm(ctx, vm);
  let why: string | undefined;
  const problem = host ? folderProblem(ctx.world, host, path, (w) => (why = w)) : undefined;
  if (problem) throw new CommandRefusal(`Failed to change the ${what} of '${vm.name}' to '${path}'. ${problem}`, { parameter, ...(why ? { fix: why } : {}) });
}

function checkProcessorCount(ctx: CmdletContext, vm: Vm, count: number, parameter: string): void {
  if (vm.state !== 'Off') throw needsOff(vm, 'Processor', parameter);
  const host = hostOfVm(ctx, vm);
  if (host && count > host.cpu.cores) {
    throw new CommandRefusal(
      `'${vm.name}' failed to modify device 'Processor'. The virtual machine cannot have more virtual processors (${count}) than the host '${host.name}' has logical processors (${host.cpu.cores}).`,
      { parameter },
    );
  }
}

type Plan = { vm: Vm; apply: () => string[] };

function runPlans(ctx: CmdletContext, plans: Plan[], params: BoundParams) {
  let changed = false;
  for (const plan of plans) {
    const what = plan.apply();
    if (what.length) {
      changed = true;
      ctx.log('Information', 'Hyper-V-VMMS', `'${plan.vm.name}' configuration changed: ${what.join('; ')}.`);
    }
  }
  if (changed) ctx.worldChanged();
  return params.Passthru ? { output: plans.map((p) => vmSummary(p.vm, ctx.sim.now)) } : {};
}

function memoryApply(vm: Vm, next: VmMemory | undefined): string[] {
  if (!next) return [];
  const what = describeMemoryChange(vm.memory, next);
  vm.memory = next;
  return what ? [`memory: ${what}`] : [];
}

export const setVm: CmdletDefinition = {
  signature: setVmSignature,
  run(ctx, params) {
    if (params.DynamicMemory === true && params.StaticMemory === true) {
      throw new CommandRefusal('Specify either -DynamicMemory or -StaticMemory, not both.', { parameter: 'StaticMemory', code: 'InvalidParameter' });
    }
    const names: MemoryParameterNames = {
      dynamic: 'DynamicMemory',
      startup: 'MemoryStartupBytes',
      minimum: 'MemoryMinimumBytes',
      maximum: 'MemoryMaximumBytes',
    };
    const change: MemoryChange = {
      ...(params.DynamicMemory === true ? { dynamic: true } : params.StaticMemory === true ? { dynamic: false } : {}),
      ...(params.MemoryStartupBytes !== undefined ? { startupBytes: params.MemoryStartupBytes as number } : {}),
      ...(params.MemoryMinimumBytes !== undefined ? { minimumBytes: params.MemoryMinimumBytes as number } : {}),
      ...(params.MemoryMaximumBytes !== undefined ? { maximumBytes: params.MemoryMaximumBytes as number } : {}),
    };
    const smartPaging = params.SmartPagingFilePath as string | undefined;
    const snapshots = params.SnapshotFileLocation as string | undefined;
    const processors = params.ProcessorCount as number | undefined;
    const notes = params.Notes as string | undefined;
    const startAction = params.AutomaticStartAction as AutomaticStartAction | undefined;
    const startDelay = params.AutomaticStartDelay as number | undefined;
    const stopAction = params.AutomaticStopAction as AutomaticStopAction | undefined;

    const plans = targetVms(ctx, params, 'Name').map((vm): Plan => {
      refuseWhileMoving(ctx.operations, vm, 'Name');
      if (processors !== undefined) checkProcessorCount(ctx, vm, processors, 'ProcessorCount');
      const memory = Object.keys(change).length ? planMemory(vm, change, names) : undefined;
      if (smartPaging !== undefined) {
        checkFolder(ctx, vm, smartPaging, 'smart paging file path', 'SmartPagingFilePath');
        // Unconfirmed: Hyper-V keeps the folder of a smart paging file in use; the lab refuses the change meanwhile.
        if (vm.smartPagingFile) {
          throw new CommandRefusal(`The smart paging file location of '${vm.name}' cannot be changed while its smart paging file is in use.`, {
            parameter: 'SmartPagingFilePath',
          });
        }
        // Hyper-V Manager greys the Smart Paging File Location out unless the VM is off; a running
        // VM's location moves with Move-VMStorage -SmartPagingFilePath.
        if (vm.state !== 'Off' && !samePath(smartPaging, vm.paths.smartPaging)) {
          throw needsOff(
            vm,
            'Smart Paging File Location',
            'SmartPagingFilePath',
            `or move it while it runs: Move-VMStorage -VMName ${psQuote(vm.name)} -SmartPagingFilePath ${psQuote(smartPaging)}`,
          );
        }
      }
      if (snapshots !== undefined) {
        checkFolder(ctx, vm, snapshots, 'snapshot file location', 'SnapshotFileLocation');
        if (vm.checkpoints.length) {
          throw new CommandRefusal(`The snapshot file location of '${vm.name}' cannot be changed because the virtual machine has checkpoints.`, {
            parameter: 'SnapshotFileLocation',
            fix: 'Delete the checkpoints first, or move them with Move-VMStorage -SnapshotFilePath.',
          });
        }
      }
      if (stopAction !== undefined && vm.state !== 'Off' && stopAction !== (vm.automaticStopAction ?? DEFAULT_AUTOMATIC_STOP_ACTION)) {
        // A VM whose stop action is Save keeps a file the size of its memory beside its
        // configuration from the moment it starts, so the action is fixed while it runs (Hyper-V
        // Manager greys the page out; *unconfirmed* wording).
        throw needsOff(vm, 'Automatic Stop Action', 'AutomaticStopAction');
      }
      return {
        vm,
        apply: () => {
          const what: string[] = [];
          if (startAction !== undefined && startAction !== (vm.automaticStartAction ?? DEFAULT_AUTOMATIC_START_ACTION)) {
            vm.automaticStartAction = startAction;
            what.push(`automatic start action: ${startAction}`);
          }
          if (startDelay !== undefined && startDelay !== (vm.automaticStartDelaySeconds ?? 0)) {
            vm.automaticStartDelaySeconds = startDelay;
            what.push(`automatic start delay: ${startDelay} s`);
          }
          if (stopAction !== undefined && stopAction !== (vm.automaticStopAction ?? DEFAULT_AUTOMATIC_STOP_ACTION)) {
            vm.automaticStopAction = stopAction;
            what.push(`automatic stop action: ${stopAction}`);
          }
          if (processors !== undefined && vm.processorCount !== processors) {
            vm.processorCount = processors;
            what.push(`processors: ${processors}`);
          }
          what.push(...memoryApply(vm, memory));
          if (smartPaging !== undefined && vm.paths.smartPaging !== smartPaging) {
            vm.paths.smartPaging = smartPaging;
            what.push(`smart paging file path: ${smartPaging}`);
          }
          if (snapshots !== undefined && vm.paths.snapshots !== snapshots) {
            vm.paths.snapshots = snapshots;
            what.push(`snapshot file location: ${snapshots}`);
          }
          if (notes !== undefined && vm.notes !== notes) {
            vm.notes = notes;
            what.push('notes');
          }
          return what;
        },
      };
    });
    return runPlans(ctx, plans, params);
  },
};

export const setVmMemory: CmdletDefinition = {
  signature: setVmMemorySignature,
  run(ctx, params) {
    const names: MemoryParameterNames = { dynamic: 'DynamicMemoryEnabled', startup: 'StartupBytes', minimum: 'MinimumBytes', maximum: 'MaximumBytes' };
    const change: MemoryChange = {
      ...(params.DynamicMemoryEnabled !== undefined ? { dynamic: params.DynamicMemoryEnabled as boolean } : {}),
      ...(params.StartupBytes !== undefined ? { startupBytes: params.StartupBytes as number } : {}),
      ...(params.MinimumBytes !== undefined ? { minimumBytes: params.MinimumBytes as number } : {}),
      ...(params.MaximumBytes !== undefined ? { maximumBytes: params.MaximumBytes as number } : {}),
      ...(params.Buffer !== undefined ? { bufferPercent: params.Buffer as number } : {}),
      ...(params.Priority !== undefined ? { priority: params.Priority as number } : {}),
    };
    const plans = targetVms(ctx, params, 'VMName').map((vm): Plan => {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      const memory = planMemory(vm, change, names);
      return { vm, apply: () => memoryApply(vm, memory) };
    });
    const outcome = runPlans(ctx, plans, params);
    return params.Passthru ? { output: plans.map(({ vm }) => memorySummary(vm)) } : outcome;
  },
};

/** Get-VMMemory: the settings of each VM named (wildcards allowed) on the hosts of -ComputerName. */
export const getVmMemory: CmdletDefinition = {
  signature: getVmMemorySignature,
  run(ctx, params) {
    return { output: targetVms(ctx, params, 'VMName').map(memorySummary) };
  },
};

/** What Get-VMMemory shows (Set-VMMemory -Passthru writes it). */
export function memorySummary(vm: Vm) {
  return {
    VMName: vm.name,
    ComputerName: vm.host,
    DynamicMemoryEnabled: vm.memory.dynamic,
    Startup: vm.memory.startupBytes,
    Minimum: vm.memory.minimumBytes,
    Maximum: vm.memory.maximumBytes,
    Buffer: vm.memory.bufferPercent,
    Priority: vm.memory.weight / 100,
  };
}

export const setVmProcessor: CmdletDefinition = {
  signature: setVmProcessorSignature,
  run(ctx, params) {
    const count = params.Count as number | undefined;
    const compatibility = params.CompatibilityForMigrationEnabled as boolean | undefined;
    const reserve = params.Reserve as number | undefined;
    const maximum = params.Maximum as number | undefined;
    const weight = params.RelativeWeight as number | undefined;
    const plans = targetVms(ctx, params, 'VMName').map((vm): Plan => {
      refuseWhileMoving(ctx.operations, vm, 'VMName');
      if (count !== undefined) checkProcessorCount(ctx, vm, count, 'Count');
      if (compatibility !== undefined && vm.state !== 'Off') throw needsOff(vm, 'Processor', 'CompatibilityForMigrationEnabled');
      // Resource control may change while the VM runs; the reserve can never exceed the limit
      // (Hyper-V Manager keeps them so; *unconfirmed* wording).
      const control = processorControlOf(vm.processor);
      const nextControl = { reserve: reserve ?? control.reserve, maximum: maximum ?? control.maximum, relativeWeight: weight ?? control.relativeWeight };
      if (nextControl.reserve > nextControl.maximum) {
        throw new CommandRefusal(
          `'${vm.name}' failed to modify device 'Processor'. The virtual machine reserve (${nextControl.reserve}%) cannot be greater than the virtual machine limit (${nextControl.maximum}%).`,
          { parameter: reserve !== undefined ? 'Reserve' : 'Maximum', code: 'InvalidParameter' },
        );
      }
      return {
        vm,
        apply: () => {
          const what: string[] = [];
          if (nextControl.reserve !== control.reserve || nextControl.maximum !== control.maximum || nextControl.relativeWeight !== control.relativeWeight) {
            vm.processor = nextControl;
            what.push(`processor reserve ${nextControl.reserve}%, limit ${nextControl.maximum}%, relative weight ${nextControl.relativeWeight}`);
          }
          if (count !== undefined && vm.processorCount !== count) {
            vm.processorCount = count;
            what.push(`processors: ${count}`);
          }
          if (compatibility !== undefined && vm.compatibilityForMigration !== compatibility) {
            vm.compatibilityForMigration = compatibility;
            what.push(`processor compatibility for migration ${compatibility ? 'enabled' : 'disabled'}`);
          }
          return what;
        },
      };
    });
    const outcome = runPlans(ctx, plans, params);
    return params.Passthru ? { output: plans.map(({ vm }) => processorSummary(ctx, vm)) } : outcome;
  },
};
