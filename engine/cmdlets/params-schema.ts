// The runtime schema of a cmdlet's bound parameters, built from its signature: the value rules
// and the parameter-set resolution the binder applies, so a command object from any door obeys
// the same rules as one typed at the prompt.
import { z } from 'zod';
import type { BoundParams, CmdletSignature, ParamValue, ParameterSpec } from './signature';
import { checkValue, normalizeValue } from './value-rules';
import { resolveParameterSet } from './parameter-sets';

function valueSchema(p: ParameterSpec): z.ZodType {
  return z.preprocess(
    (v) => normalizeValue(p, v),
    z.custom<ParamValue>().superRefine((v, ctx) => {
      const problem = checkValue(p, v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  );
}

/**
 * The runtime schema of a cmdlet's bound parameters (names exact, as the formatter writes them).
 * It canonicalizes enum spellings and hashtable keys, checks each value as the binder does
 * (types, ValidateRange, not-empty) and resolves the parameter set: a command object built by a
 * wizard obeys the same rules as one typed in the console.
 */
export function paramsSchema(sig: CmdletSignature): z.ZodType<BoundParams> {
  const shape: Record<string, z.ZodType> = {};
  for (const p of sig.parameters) shape[p.name] = valueSchema(p).optional();
  return z
    .object(shape)
    .strict()
    .superRefine((params, ctx) => {
      const supplied = Object.keys(params).filter((k) => params[k] !== undefined);
      const resolution = resolveParameterSet(sig, supplied);
      if (!resolution.ok) ctx.addIssue({ code: 'custom', message: resolution.message, path: [resolution.parameter ?? supplied[0] ?? sig.name] });
    }) as unknown as z.ZodType<BoundParams>;
}
