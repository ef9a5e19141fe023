// The pre-checks of a move command without running it: what Compare-VM reports and what the Move
// Wizard shows before Finish (libvirt's job statistics (virDomainJobInfo) — pre-checks that block with a
// clear reason before the move starts).
import type { PrecheckReport, Result, WireCommand } from '../contract';
import { describeIssues } from '../contract';
import { CommandRefusal } from '../errors';
import type { World } from '../model/world';
import { findSignature } from '../cmdlets/registry';
import { paramsSchema } from '../cmdlets/params-schema';
import { formatCommand } from '../cmdlets/format';
import { runPrechecks, toMoveRequest } from '../operations/prechecks';

const MOVE_CMDLETS = new Set(['move-vm', 'move-vmstorage', 'compare-vm']);

export function precheckCommand(world: World, command: WireCommand, options: Parameters<typeof runPrechecks>[2] = {}): Result<PrecheckReport> {
  const sig = findSignature(command.cmdlet);
  if (!sig || !MOVE_CMDLETS.has(sig.name.toLowerCase())) {
    return {
      ok: false,
      error: { code: 'InvalidRequest', message: `Pre-checks apply to Move-VM, Move-VMStorage and Compare-VM, not '${command.cmdlet}'.`, parameter: 'cmdlet' },
    };
  }
  const bound = paramsSchema(sig).safeParse(command.params);
  if (!bound.success) {
    const issues = describeIssues(bound.error);
    return {
      ok: false,
      error: {
        code: 'InvalidParameter',
        message: `Cannot validate argument on parameter '${issues[0]!.path}'. ${issues[0]!.message}`,
        parameter: issues[0]!.path,
        issues,
      },
    };
  }
  try {
    const request = toMoveRequest(sig.name, bound.data, world);
    const { errors, warnings } = runPrechecks(world, request, options);
    const strip = (i: (typeof errors)[number]) => ({ ...i });
    return { ok: true, value: { commandText: formatCommand(sig, bound.data), errors: errors.map(strip), warnings: warnings.map(strip) } };
  } catch (err) {
    if (err instanceof CommandRefusal) return { ok: false, error: err.toContractError() };
    throw err;
  }
}
