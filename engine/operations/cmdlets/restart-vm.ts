// Restart-VM: shut down and start again, with Smart Paging when the host cannot give a Dynamic
// Memory VM its startup memory (engine/operations/smart-paging.ts; Microsoft Learn, "Hyper-V Dynamic Memory Overview").
// A restart takes no simulated time here (like Start-VM / Stop-VM in vm-lifecycle.ts); -AsJob is
// accepted and completes at once.
import type { CmdletDefinition } from '../../cmdlets/definition';
import { restartVmSignature } from '../../cmdlets/catalog/vm';
import { targetVms } from '../../cmdlets/targets';
import { vmSummary } from '../../cmdlets/vm-lifecycle';
import { operationsOf } from './common';

export const restartVm: CmdletDefinition = {
  signature: restartVmSignature,
  run(ctx, params) {
    const ops = operationsOf(ctx);
    const vms = targetVms(ctx, params, 'Name');
    const warnings: string[] = [];
    for (const vm of vms) {
      const r = ops.smartPaging.restart(vm);
      if (r.smartPaging) {
        warnings.push(
          `'${vm.name}' restarted with a ${(r.smartPaging.sizeBytes / 1024 ** 2).toFixed(0)} MB smart paging file at ${r.smartPaging.path}: ${vm.host} could not give it its startup memory. The file is deleted once the memory is ballooned back.`,
        );
      }
    }
    // A VM that failed its restart is off: its host has more idle CPU (compression, TCP costs).
    for (const host of new Set(vms.map((vm) => vm.host))) ops.transfers.hostLoadChanged(host);
    return { warnings, ...(params.Passthru === true ? { output: vms.map((vm) => vmSummary(vm, ctx.sim.now)) } : {}) };
  },
};
