// Which Windows PowerShell module a cmdlet comes from, and the name PowerShell gives its
// implementation in a FullyQualifiedErrorId. On Windows Server 2012 R2 (Microsoft Learn module
// reference pages "Hyper-V", "SmbShare", "NetAdapter", "NetLbfo", "NetQos", "NetTCPIP",
// "Microsoft.PowerShell.Core"):
// - the Hyper-V module and PowerShell's own modules are binary cmdlets: their errors end in the
//   .NET class, e.g. `InvalidParameter,Microsoft.HyperV.PowerShell.Commands.GetVMCommand`;
// - SmbShare, NetAdapter, NetLbfo, NetQos and NetTCPIP are CDXML modules whose commands are
//   functions: their errors end in the function's name, e.g. `CmdletizationQuery_NotFound_Name,Get-NetAdapter`.
import type { CmdletSignature } from './signature';

export type ModuleName =
  | 'Hyper-V'
  | 'SmbShare'
  | 'NetAdapter'
  | 'NetLbfo'
  | 'NetQos'
  | 'NetTCPIP'
  | 'DcbQos'
  | 'ServerManager'
  | 'Microsoft.PowerShell.Core'
  | 'Microsoft.PowerShell.Utility'
  | 'Microsoft.PowerShell.Management';

/** Nouns of PowerShell's own modules (the rest is decided by the noun's prefix). */
const CORE_NOUNS = new Set(['job', 'help', 'command', 'history']);
const UTILITY_VERB_NOUNS = new Set(['select-object', 'sort-object', 'group-object', 'measure-object', 'get-member', 'out-string', 'start-sleep']);
const CORE_VERB_NOUNS = new Set(['where-object', 'foreach-object']);

export function moduleOf(name: string): ModuleName {
  const lower = name.toLowerCase();
  const noun = lower.slice(lower.indexOf('-') + 1);
  if (CORE_VERB_NOUNS.has(lower) || CORE_NOUNS.has(noun)) return 'Microsoft.PowerShell.Core';
  if (UTILITY_VERB_NOUNS.has(lower) || /^(format|write)-/.test(lower)) return 'Microsoft.PowerShell.Utility';
  if (noun === 'connection') return 'Microsoft.PowerShell.Management';
  if (noun === 'windowsfeature') return 'ServerManager';
  if (noun.startsWith('smb')) return 'SmbShare';
  if (noun.startsWith('netlbfo')) return 'NetLbfo';
  // Enable-NetAdapterQos is in NetAdapter; the DCB cmdlets (NetQosTrafficClass, NetQosFlowControl,
  // NetQosDcbxSetting) are in DcbQos; NetQosPolicy is in NetQos.
  if (noun.startsWith('netadapter')) return 'NetAdapter';
  if (noun.startsWith('netqospolicy')) return 'NetQos';
  if (noun.startsWith('netqos')) return 'DcbQos';
  if (noun.startsWith('netip') || noun.startsWith('netroute')) return 'NetTCPIP';
  return 'Hyper-V';
}

/** Binary (class) cmdlets vs CDXML functions: see the header. */
export function isFunctionModule(module: ModuleName): boolean {
  return module === 'SmbShare' || module === 'NetAdapter' || module === 'NetLbfo' || module === 'NetQos' || module === 'DcbQos' || module === 'NetTCPIP';
}

const CLASS_NAMESPACE: Partial<Record<ModuleName, string>> = {
  'Hyper-V': 'Microsoft.HyperV.PowerShell.Commands',
  'Microsoft.PowerShell.Core': 'Microsoft.PowerShell.Commands',
  'Microsoft.PowerShell.Utility': 'Microsoft.PowerShell.Commands',
  'Microsoft.PowerShell.Management': 'Microsoft.PowerShell.Commands',
  ServerManager: 'Microsoft.Windows.ServerManager.Commands',
};

/** What a FullyQualifiedErrorId ends in: `Microsoft.HyperV.PowerShell.Commands.GetVMCommand` or `Get-NetAdapter`. */
export function implementationName(sig: Pick<CmdletSignature, 'name'>): string {
  const module = moduleOf(sig.name);
  const namespace = CLASS_NAMESPACE[module];
  if (isFunctionModule(module) || !namespace) return sig.name;
  return `${namespace}.${sig.name.replace('-', '')}Command`;
}
