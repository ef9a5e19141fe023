// How a cmdlet's parameters are declared: one declaration feeds the PowerShell binder (names,
// positions, parameter sets, prefixes), the runtime schema every door validates against, the
// formatter that writes canonical PowerShell, and tab completion in the console.
import { z } from 'zod';

export type ParameterType =
  | 'String'
  | 'String[]'
  | 'Int'
  /** A byte count; PowerShell size literals (512MB, 4GB) bind here. */
  | 'Bytes'
  | 'Bool'
  | 'Switch'
  | 'Hashtable[]'
  | 'Enum';

export interface ParameterSpec {
  name: string;
  type: ParameterType;
  /** For Enum: the allowed values, in their canonical spelling. */
  values?: readonly string[];
  /** Position in the parameter sets where it is positional (0-based). */
  position?: number;
  /** Parameter sets it belongs to; absent means every set. */
  sets?: readonly string[];
  /** Sets in which it is mandatory ('*' = all sets it belongs to). */
  mandatoryIn?: readonly string[];
  aliases?: readonly string[];
  /** Accepts the VM object piped from Get-VM. */
  fromPipeline?: boolean;
  min?: number;
  max?: number;
  help?: string;
}

export interface CmdletSignature {
  name: string;
  synopsis: string;
  parameters: readonly ParameterSpec[];
  defaultSet?: string;
}

export type ParamValue = string | number | boolean | string[] | Record<string, string>[];
export type BoundParams = Record<string, ParamValue>;

function valueSchema(p: ParameterSpec): z.ZodType {
  switch (p.type) {
    case 'String':
      return z.string().min(1, `${p.name} must not be empty`);
    case 'String[]':
      return z.array(z.string().min(1)).min(1);
    case 'Int': {
      let s = z.number().int(`${p.name} must be a whole number`);
      if (p.min !== undefined) s = s.min(p.min);
      if (p.max !== undefined) s = s.max(p.max);
      return s;
    }
    case 'Bytes': {
      let s = z.number().int(`${p.name} must be a whole number of bytes`).nonnegative();
      if (p.min !== undefined) s = s.min(p.min);
      if (p.max !== undefined) s = s.max(p.max);
      return s;
    }
    case 'Bool':
    case 'Switch':
      return z.boolean();
    case 'Hashtable[]':
      return z.array(z.record(z.string(), z.string()));
    case 'Enum':
      return z.enum(p.values as [string, ...string[]]);
  }
}

/** The runtime schema of a cmdlet's bound parameters (names exact, as the formatter writes them). */
export function paramsSchema(sig: CmdletSignature): z.ZodType<BoundParams> {
  const shape: Record<string, z.ZodType> = {};
  for (const p of sig.parameters) shape[p.name] = valueSchema(p).optional();
  return z.object(shape).strict() as unknown as z.ZodType<BoundParams>;
}
