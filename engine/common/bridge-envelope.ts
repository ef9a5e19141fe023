// The envelope every answer and event crosses a transport in, as zod schemas declared once: the
// doors build answers of this shape (engine/contract.ts re-exports these schemas) and createBridge
// (bridge.ts) validates each one on arrival, so a malformed answer is a clear failure of that
// request instead of a page that reads `undefined`. What an answer carries (a world view, a job list)
// is the engine's, typed by the contract's request→response map; it is not parsed again here.
//
// Pages run this under a Content-Security-Policy without 'unsafe-eval': their entry points turn
// zod's JIT off (z.config({ jitless: true }), see renderer/zod-config.ts) before this module loads.
import { z } from 'zod';
import { ErrorRecordFields } from './error-record';

export const RequestId = z.number().int().nonnegative();

// ── Errors: Hyper-V-style message, the parameter at fault, and the fix where there is one ───────
export const ContractError = z.object({
  code: z.enum(['InvalidRequest', 'InvalidParameter', 'CommandRefused', 'NotFound', 'Internal']),
  message: z.string(),
  parameter: z.string().optional(),
  fix: z.string().optional(),
  /** The fix worded for the console (the page, button or option to use), where it differs from `fix`'s PowerShell. */
  guiFix: z.string().optional(),
  messageId: z.number().int().optional(),
  /** Every schema problem, each with the path of the field at fault. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /** The PowerShell error record's other fields (category, target, exception, error id): see error-record.ts. */
  record: ErrorRecordFields.optional(),
});
export type ContractError = z.infer<typeof ContractError>;

/** The answer to one request: `{kind: 'result', id, result}` with `result` ok and a value, or an error. */
export const Response = z.object({
  kind: z.literal('result'),
  id: RequestId,
  result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value: z.unknown() }), z.object({ ok: z.literal(false), error: ContractError })]),
});
export type Response = z.infer<typeof Response>;

/** The kinds of EngineEvent (engine/contract.ts); a type test keeps the two lists equal. */
export const ENGINE_EVENT_TYPES = ['world', 'jobs', 'log', 'clock', 'notice', 'lab', 'scenario'] as const;

/** An event as it arrives: its kind is checked here, its payload is the engine's (see EngineEvent). */
export const EventEnvelope = z.object({
  kind: z.literal('event'),
  event: z.looseObject({ type: z.enum(ENGINE_EVENT_TYPES) }),
});
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/**
 * The id of a request that failed validation, to answer it with its refusal: its `id` when that is
 * a valid request id, else 0 (the caller's pending request then times out or is failed by the
 * transport, as it would for any malformed message).
 */
export function requestIdOf(raw: unknown): number {
  const id = RequestId.safeParse(typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined);
  return id.success ? id.data : 0;
}
