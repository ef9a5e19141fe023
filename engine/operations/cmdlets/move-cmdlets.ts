// Move-VMStorage, Move-VM and Compare-VM (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"; the Hyper-V module's cmdlet help for Windows Server 2012 R2; Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499).
// The bound parameters become a MoveRequest, the pre-checks judge it (the same ones the Move
// Wizard shows), and a move that passes becomes a job. The engine is event-driven: without
// -AsJob the cmdlet still returns once its job exists — the console shows its progress, and the
// script runner (engine/scripting) blocks on it the way PowerShell would.
import { CommandRefusal } from '../../errors';
import type { CmdletContext, CmdletDefinition } from '../../cmdlets/definition';
import type { BoundParams, CmdletSignature } from '../../cmdlets/signature';
import { formatCommand } from '../../cmdlets/format';
import { compareVmSignature, moveVmSignature, moveVmStorageSignature } from '../../cmdlets/catalog/moves';
import { vmSummary } from '../../cmdlets/vm-lifecycle';
import { toMoveRequest, type MoveCmdletName } from '../prechecks';
import { jobRow, operationsOf, precheckRefusal } from './common';

function startMove(ctx: CmdletContext, sig: CmdletSignature, name: MoveCmdletName, params: BoundParams) {
  const ops = operationsOf(ctx);
  const request = toMoveRequest(name, params, ctx.world);
  const result = ops.prechecks(request);
  if (result.errors.length > 0 || !result.placement) {
    throw precheckRefusal(
      result.errors,
      name === 'Move-VM' ? `run Compare-VM with the same parameters to see them all` : 'fix this one and run the command again to see the next',
    );
  }
  const placement = result.placement;
  const vm = ctx.world.vms.find((v) => v.id === placement.vmId)!;
  const busy = ops.activeMoveOf(vm);
  if (busy) {
    // Hyper-V runs one move of a VM at a time; the text is unconfirmed.
    throw new CommandRefusal(
      `The operation cannot be performed because the virtual machine '${vm.name}' is already being moved (job ${busy.id}, ${busy.cmdlet}).`,
      {
        parameter: name === 'Move-VMStorage' ? 'VMName' : 'Name',
        fix: `Wait for job ${busy.id} to finish (Wait-Job -Id ${busy.id}) or cancel it (Stop-Job -Id ${busy.id}).`,
      },
    );
  }
  const job = ops.startMove({ cmdlet: name, commandText: formatCommand(sig, params), request, vm, placement });
  const warnings = result.warnings.map((w) => w.message);
  const output: unknown[] = [];
  if (params.AsJob === true) output.push(jobRow(job));
  else if (params.Passthru === true) output.push(vmSummary(vm, ctx.sim.now));
  return { output, jobIds: [job.id], warnings };
}

export const moveVmStorage: CmdletDefinition = {
  signature: moveVmStorageSignature,
  run: (ctx, params) => startMove(ctx, moveVmStorageSignature, 'Move-VMStorage', params),
};

export const moveVm: CmdletDefinition = {
  signature: moveVmSignature,
  run: (ctx, params) => startMove(ctx, moveVmSignature, 'Move-VM', params),
};

/**
 * Compare-VM: the compatibility report, errors and warnings, without moving anything. The real
 * report (VMCompatibilityReport) has VM, OperationType, Destination, Path and Incompatibilities
 * (Message, MessageId, Source); the lab adds Severity and Fix to each row. A VM or computer that
 * cannot be found is refused, as Get-VM would.
 */
export const compareVm: CmdletDefinition = {
  signature: compareVmSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const request = toMoveRequest('Compare-VM', params, ctx.world);
    const result = ops.prechecks(request);
    const fatal = result.errors.find((e) => e.check === 'vm-not-found' || e.check === 'computer-unreachable');
    if (fatal) throw precheckRefusal([fatal], '');
    const rows = [...result.errors, ...result.warnings].map((i) => ({
      Message: i.message,
      MessageId: i.messageId ?? 0,
      Source: i.source ?? '',
      Severity: i.severity === 'error' ? 'Error' : 'Warning',
      Fix: i.fix,
    }));
    return {
      output: [
        {
          VM: request.vmName,
          OperationType: 'MoveVirtualMachine',
          Destination: request.destinationHost ?? '',
          Path: result.placement?.locations.configuration.after ?? '',
          IncludeStorage: request.includeStorage,
          Incompatibilities: rows,
        },
      ],
    };
  },
};
