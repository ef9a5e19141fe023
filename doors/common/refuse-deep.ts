// Refusing a request nested deeper than the contract ever is, before anything walks it: shared by
// the engine host and the door's side of the engine thread (a value that deep cannot even be
// structured-cloned to the thread: the clone overflows the stack).
import { checkJsonDepth } from '../../engine/common/json-depth';
import type { Response } from '../../engine/contract';

/**
 * A request nested deeper than the contract ever is, refused before validation: zod and the
 * engine walk values recursively, and 10,000 nested arrays ended as "Maximum call stack size exceeded".
 */
export function refuseDeep(raw: unknown, id: number): Response | undefined {
  const problem = checkJsonDepth(raw);
  if (!problem) return undefined;
  const message = `Invalid request: ${problem.path}: ${problem.message}.`;
  return { kind: 'result', id, result: { ok: false, error: { code: 'InvalidRequest', message, issues: [{ path: problem.path, message: problem.message }] } } };
}
