// How a cmdlet's parameters are declared: one declaration feeds the PowerShell binder (names,
// positions, parameter sets, prefixes), the runtime schema every door validates against, the
// formatter that writes canonical PowerShell, and tab completion in the console.
// It imports nothing: the binder, the value rules, the parameter sets and the runtime schema
// (params-schema.ts) all build on it.

export type ParameterType =
  | 'String'
  | 'String[]'
  | 'Int'
  | 'Int[]'
  /** A byte count; PowerShell size literals (512MB, 4GB) bind here. */
  | 'Bytes'
  | 'Bool'
  | 'Switch'
  | 'Hashtable[]'
  | 'Enum'
  | 'Enum[]';

/** What a `Get-X <name> | <cmdlet>` pipeline hands to the next command (see pipeline.ts). */
export type PipelineKind = 'VM' | 'NetAdapter' | 'NetLbfoTeam' | 'Job' | 'VMSwitch';

export interface ParameterSpec {
  name: string;
  type: ParameterType;
  /**
   * The .NET type PowerShell names in binding errors ("Specify a parameter of type 'System.Int64'").
   * Defaults by `type` (see dotNetTypeName). For Int/Int[] it also sets the value range the type
   * can hold (Int32, UInt32, Int64, UInt64).
   */
  typeName?: string;
  /** For Enum / Enum[]: the allowed values, in their canonical spelling. */
  values?: readonly string[];
  /** Position in the parameter sets where it is positional (0-based). */
  position?: number;
  /** Parameter sets it belongs to; absent means every set. */
  sets?: readonly string[];
  /** Sets in which it is mandatory ('*' = all sets it belongs to). */
  mandatoryIn?: readonly string[];
  aliases?: readonly string[];
  /** Takes the object piped from Get-VM / Get-NetAdapter / Get-Job, represented by its name or id. */
  fromPipeline?: PipelineKind;
  /** ValidateRange bounds (inclusive). */
  min?: number;
  max?: number;
  /** A String that may be '' (e.g. Set-VM -Notes ''); every other string must be non-empty. */
  allowEmpty?: boolean;
  /** For Hashtable[]: the keys in their canonical spelling (keys are case-insensitive). */
  hashtableKeys?: readonly string[];
  /** What the console offers when completing this parameter's value. */
  completion?: 'vm' | 'host';
  help?: string;
}

export interface CmdletSignature {
  name: string;
  synopsis: string;
  parameters: readonly ParameterSpec[];
  /** The set PowerShell picks when several remain possible ([CmdletBinding(DefaultParameterSetName)]). */
  defaultSet?: string;
  /** Built-in aliases of the cmdlet itself (gjb → Get-Job). */
  aliases?: readonly string[];
  /** The parameter that selects the computer the cmdlet acts on (-ComputerName or -CimSession). */
  hostParameter?: 'ComputerName' | 'CimSession';
  /** Whether the cmdlet has -WhatIf / -Confirm. Default: every verb except Get, Compare and Wait. */
  supportsShouldProcess?: boolean;
  /**
   * [CmdletBinding(ConfirmImpact)]: a cmdlet of High impact asks before it acts unless told not to
   * ($ConfirmPreference is High by default, about_Preference_Variables). Default: High for Remove-*,
   * Medium otherwise (should-process.ts).
   */
  confirmImpact?: 'High' | 'Medium' | 'Low';
}

/**
 * Declares a catalog entry. It returns its argument unchanged but keeps its literal types (the
 * cmdlet's name, each parameter's name, type, enum values and mandatory sets), from which the
 * console's typed commands are derived (cmdlet-params.ts): a wizard that passes a parameter the
 * cmdlet does not have, or a value of the wrong type, does not compile. Annotating an entry as
 * `: CmdletSignature` instead would widen those types, which the registry refuses.
 */
export function defineCmdlet<const S extends CmdletSignature>(signature: S): S {
  return signature;
}

/** A parameter whose name and type stay literal: what the catalog's shared parameter helpers return. */
export type NamedParameter<N extends string, T extends ParameterType> = ParameterSpec & { readonly name: N; readonly type: T };

export type HashtableValue = Record<string, string>;
export type ParamValue = string | number | boolean | string[] | number[] | HashtableValue[];
export type BoundParams = Record<string, ParamValue>;

const defaultTypeNames: Record<ParameterType, string> = {
  String: 'System.String',
  'String[]': 'System.String[]',
  Int: 'System.Int32',
  'Int[]': 'System.Int32[]',
  Bytes: 'System.Int64',
  Bool: 'System.Boolean',
  Switch: 'System.Management.Automation.SwitchParameter',
  'Hashtable[]': 'System.Collections.Hashtable[]',
  Enum: 'System.String',
  'Enum[]': 'System.String[]',
};

/** The .NET type of the parameter as PowerShell prints it in "Specify a parameter of type ...". */
export function dotNetTypeName(p: ParameterSpec): string {
  if (!p.typeName) return defaultTypeNames[p.type];
  return p.type.endsWith('[]') && !p.typeName.endsWith('[]') ? `${p.typeName}[]` : p.typeName;
}

/** The .NET type of one element (the parameter's own type when it is not an array). */
export function elementTypeName(p: ParameterSpec): string {
  return dotNetTypeName(p).replace(/\[\]$/, '');
}

export function isArrayType(type: ParameterType): boolean {
  return type.endsWith('[]');
}

export function shouldProcess(sig: CmdletSignature): boolean {
  if (sig.supportsShouldProcess !== undefined) return sig.supportsShouldProcess;
  return !/^(Get|Compare|Wait)-/i.test(sig.name);
}
