// The values a script handles while it runs, as Windows PowerShell 4.0 treats them (Windows
// PowerShell Language Specification 3.0, chapter 6 "Conversions" and 7.8 "Equality and
// relational operators"): objects that carry a .NET type name, hashtables, script blocks, and
// plain strings, numbers, booleans, $null and arrays. Comparison is case-insensitive unless the
// c-prefixed operator asks otherwise; the left operand's type decides how the right one converts;
// with an array on the left an operator filters the array (1,2,3 -gt 1 gives 2,3).
import type { ScriptBlockNodeRef } from './script-block';
import { wildcardMatch } from '../../cmdlets/wildcard';
import type { PipelineKind } from '../../cmdlets/signature';

/** An object a cmdlet wrote, with the type name PowerShell's formatter and Get-Member see. */
export class PsObject {
  constructor(
    readonly typeName: string,
    readonly properties: Record<string, unknown>,
  ) {}
}

/** A hashtable: keys case-insensitive, in the order written (PowerShell's is unordered; insertion order reads better and is deterministic). */
export class PsHashtable {
  private readonly entries = new Map<string, { key: string; value: unknown }>();

  get(key: string): unknown {
    return this.entries.get(key.toLowerCase())?.value;
  }

  has(key: string): boolean {
    return this.entries.has(key.toLowerCase());
  }

  set(key: string, value: unknown): void {
    this.entries.set(key.toLowerCase(), { key, value });
  }

  delete(key: string): void {
    this.entries.delete(key.toLowerCase());
  }

  get size(): number {
    return this.entries.size;
  }

  *pairs(): IterableIterator<[string, unknown]> {
    for (const { key, value } of this.entries.values()) yield [key, value];
  }
}

/** A script block value ({ $_.State -eq 'Running' }): run by Where-Object, ForEach-Object and computed properties. */
export class ScriptBlockValue {
  constructor(
    readonly node: ScriptBlockNodeRef,
    readonly text: string,
  ) {}
}

/** Text that a Format-* cmdlet or Out-String made: written as is. */
export class FormattedText {
  constructor(readonly lines: readonly string[]) {}
}

/** The .NET type names of what the cmdlets write, by the noun of the cmdlet (Microsoft Learn, each cmdlet's "Outputs" section). */
const TYPE_BY_NOUN: Record<string, string> = {
  vm: 'Microsoft.HyperV.PowerShell.VirtualMachine',
  vmhost: 'Microsoft.HyperV.PowerShell.VMHost',
  vmswitch: 'Microsoft.HyperV.PowerShell.VMSwitch',
  vmsnapshot: 'Microsoft.HyperV.PowerShell.VMSnapshot',
  vmnetworkadapter: 'Microsoft.HyperV.PowerShell.VMNetworkAdapter',
  vmharddiskdrive: 'Microsoft.HyperV.PowerShell.HardDiskDrive',
  vmmemory: 'Microsoft.HyperV.PowerShell.VMMemory',
  vmprocessor: 'Microsoft.HyperV.PowerShell.VMProcessor',
  vmmigrationnetwork: 'Microsoft.HyperV.PowerShell.VMMigrationNetwork',
  vhd: 'Microsoft.Vhd.PowerShell.VirtualHardDisk',
  job: 'System.Management.Automation.Job',
  netadapter: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter',
  netadapterrdma: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapterRdmaSettingData',
  netlbfoteam: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetLbfoTeam',
  netlbfoteammember: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetLbfoTeamMember',
  netipaddress: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetIPAddress',
  smbshare: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbShare',
  smbshareaccess: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbShareAccessControlEntry',
  smbmultichannelconnection: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbMultichannelConnection',
  smbbandwidthlimit: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbBandwidthLimit',
  netqospolicy: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosPolicySettingData',
  netqostrafficclass: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosTrafficClassSettingData',
  netqosflowcontrol: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosFlowControlSettingData',
  netqosdcbxsetting: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosDcbxSettingData',
  netadapterqos: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapterQosSettingData',
  windowsfeature: 'Microsoft.Windows.ServerManager.Commands.Feature',
  smbconnection: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbConnection',
  smbclientnetworkinterface: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbClientNetworkInterface',
  smbservernetworkinterface: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbServerNetworkInterface',
  netadapteradvancedproperty: 'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapterAdvancedPropertySettingData',
  vmintegrationservice: 'Microsoft.HyperV.PowerShell.VMIntegrationComponent',
  vmnetworkadaptervlan: 'Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting',
  service: 'System.ServiceProcess.ServiceController',
  connection: 'System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus',
};

/** Cmdlets whose output type is not the noun's. */
const TYPE_BY_CMDLET: Record<string, string> = {
  'install-windowsfeature': 'Microsoft.Windows.ServerManager.Commands.FeatureOperationResult',
};

/** Cmdlets whose output is not named by their noun (Start-VM -Passthru writes a VirtualMachine; Wait-Job a Job). */
export function outputTypeName(cmdlet: string): string {
  const noun = cmdlet.slice(cmdlet.indexOf('-') + 1).toLowerCase();
  return TYPE_BY_CMDLET[cmdlet.toLowerCase()] ?? TYPE_BY_NOUN[noun] ?? 'System.Management.Automation.PSCustomObject';
}

/** What a piped object is to the binder (the parameter that takes it) and which property names it. */
const PIPELINE_IDENTITY: Record<string, { kind: PipelineKind; identity: string; host: string }> = {
  'Microsoft.HyperV.PowerShell.VirtualMachine': { kind: 'VM', identity: 'Name', host: 'ComputerName' },
  'System.Management.Automation.Job': { kind: 'Job', identity: 'Id', host: '' },
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter': { kind: 'NetAdapter', identity: 'Name', host: 'PSComputerName' },
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapterRdmaSettingData': {
    kind: 'NetAdapter',
    identity: 'Name',
    host: 'PSComputerName',
  },
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetLbfoTeam': { kind: 'NetLbfoTeam', identity: 'Name', host: 'PSComputerName' },
  'Microsoft.HyperV.PowerShell.VMSwitch': { kind: 'VMSwitch', identity: 'Name', host: 'ComputerName' },
};

export function pipelineIdentity(o: PsObject): { kind: PipelineKind; identity: string; host: string } | undefined {
  return PIPELINE_IDENTITY[o.typeName];
}

/** Case-insensitive property lookup; undefined when the object has no such property. */
export function propertyOf(value: unknown, name: string): { found: boolean; value: unknown } {
  const lower = name.toLowerCase();
  if (value instanceof PsObject) {
    for (const [k, v] of Object.entries(value.properties)) if (k.toLowerCase() === lower) return { found: true, value: v };
    return { found: false, value: null };
  }
  if (value instanceof PsHashtable) {
    if (value.has(name)) return { found: true, value: value.get(name) };
    if (lower === 'count' || lower === 'keys' || lower === 'values') {
      const pairs = [...value.pairs()];
      return { found: true, value: lower === 'count' ? pairs.length : lower === 'keys' ? pairs.map((p) => p[0]) : pairs.map((p) => p[1]) };
    }
    return { found: false, value: null };
  }
  if (typeof value === 'string' && lower === 'length') return { found: true, value: value.length };
  if (value instanceof ScriptBlockValue) return { found: false, value: null };
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) if (k.toLowerCase() === lower) return { found: true, value: v as unknown };
  }
  return { found: false, value: null };
}

/** `$x.Name`: a property; on an array, .Count/.Length, else each element's property (member enumeration, PowerShell 3.0 and later). */
export function memberOf(value: unknown, name: string): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const lower = name.toLowerCase();
    if (lower === 'count' || lower === 'length') return value.length;
    const out = value.map((v) => memberOf(v, name)).filter((v) => v !== null && v !== undefined);
    return out.length === 1 ? out[0] : out;
  }
  const p = propertyOf(value, name);
  if (p.found) return p.value ?? null;
  // Every object answers .Count with 1 (PowerShell 3.0 and later), $null with 0.
  if (name.toLowerCase() === 'count') return 1;
  return null;
}

/** PowerShell's conversion to Boolean (Language Specification 6.2). */
export function isTrue(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v.length > 0;
  if (Array.isArray(v)) return v.length === 0 ? false : v.length === 1 ? isTrue(v[0]) : true;
  return true;
}

/** How a value reads as text: what "$x" and string comparisons see. */
export function toText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map(toText).join(' ');
  if (v instanceof PsObject)
    return v.typeName
      .replace(/^Microsoft\.Management\.Infrastructure\.CimInstance#.*$/, 'Microsoft.Management.Infrastructure.CimInstance')
      .replace(/^System\.Management\.Automation\.PSCustomObject$/, '');
  if (v instanceof PsHashtable) return 'System.Collections.Hashtable';
  if (v instanceof ScriptBlockValue) return v.text;
  if (v instanceof FormattedText) return v.lines.join('\n');
  return String(v);
}

export function numberText(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  return String(v);
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return 0;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** -eq between two scalars: the right converts to the left's type. */
function scalarEquals(a: unknown, b: unknown, caseSensitive: boolean): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number') {
    const n = toNumber(b);
    return n !== undefined && n === a;
  }
  if (typeof a === 'boolean') return a === isTrue(b);
  if (typeof a === 'string') {
    const t = toText(b);
    return caseSensitive ? a === t : a.toLowerCase() === t.toLowerCase();
  }
  return a === b;
}

function scalarCompare(a: unknown, b: unknown, caseSensitive: boolean): number {
  if (typeof a === 'number') {
    const n = toNumber(b);
    if (n === undefined) return String(a).localeCompare(toText(b));
    return a < n ? -1 : a > n ? 1 : 0;
  }
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  const x = caseSensitive ? toText(a) : toText(a).toLowerCase();
  const y = caseSensitive ? toText(b) : toText(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** -like: * ? and [a-z] wildcards over the whole text (about_Wildcards). */
function like(text: string, pattern: string, caseSensitive: boolean): boolean {
  if (!caseSensitive) return wildcardMatch(pattern, text);
  let source = '';
  for (const c of pattern) source += c === '*' ? '.*' : c === '?' ? '.' : c === '[' || c === ']' ? c : c.replace(/[.*+?^${}()|\\]/g, '\\$&');
  try {
    return new RegExp(`^${source}$`, 'su').test(text);
  } catch {
    return text === pattern;
  }
}

export class RegexError extends Error {}

export function regexOf(pattern: string, caseSensitive: boolean): RegExp {
  try {
    return new RegExp(pattern, caseSensitive ? 'u' : 'iu');
  } catch {
    try {
      return new RegExp(pattern, caseSensitive ? '' : 'i');
    } catch (e) {
      throw new RegexError(`The regular expression pattern ${pattern} is not valid. ${(e as Error).message}`);
    }
  }
}

/** One comparison of two scalars by the operator's name without its dash (eq, clike, notmatch, ...). */
function compareScalar(op: string, a: unknown, b: unknown): boolean {
  const cs = op.startsWith('c') && op !== 'contains';
  const base = cs ? op.slice(1) : op;
  switch (base) {
    case 'eq':
      return scalarEquals(a, b, cs);
    case 'ne':
      return !scalarEquals(a, b, cs);
    case 'gt':
      return scalarCompare(a, b, cs) > 0;
    case 'ge':
      return scalarCompare(a, b, cs) >= 0;
    case 'lt':
      return scalarCompare(a, b, cs) < 0;
    case 'le':
      return scalarCompare(a, b, cs) <= 0;
    case 'like':
      return like(toText(a), toText(b), cs);
    case 'notlike':
      return !like(toText(a), toText(b), cs);
    case 'match':
      return regexOf(toText(b), cs).test(toText(a));
    case 'notmatch':
      return !regexOf(toText(b), cs).test(toText(a));
    default:
      return false;
  }
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

/** A comparison operator applied as PowerShell applies it; an array on the left is filtered. */
export function compare(op: string, left: unknown, right: unknown): unknown {
  const cs = op.startsWith('c') && !op.startsWith('contains');
  const base = cs ? op.slice(1) : op;
  if (base === 'contains' || base === 'notcontains') {
    const has = asList(left).some((x) => scalarEquals(x, right, cs));
    return base === 'contains' ? has : !has;
  }
  if (base === 'in' || base === 'notin') {
    const has = asList(right).some((x) => scalarEquals(x, left, cs));
    return base === 'in' ? has : !has;
  }
  if (Array.isArray(left)) return left.filter((x) => compareScalar(op, x, right));
  return compareScalar(op, left, right);
}

/** + - * / % as PowerShell applies them to numbers, strings (+ joins, * repeats) and arrays (+ appends). */
export function arithmetic(op: string, left: unknown, right: unknown): unknown {
  if (op === '+') {
    if (Array.isArray(left)) return [...(left as unknown[]), ...asList(right)];
    if (typeof left === 'string') return left + toText(right);
    if (left instanceof PsHashtable && right instanceof PsHashtable) {
      const out = new PsHashtable();
      for (const [k, v] of left.pairs()) out.set(k, v);
      for (const [k, v] of right.pairs()) out.set(k, v);
      return out;
    }
  }
  if (op === '*' && typeof left === 'string') {
    const n = toNumber(right) ?? 0;
    return left.repeat(Math.max(0, Math.min(Math.floor(n), 100_000)));
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (a === undefined || b === undefined) {
    throw new TypeError(`The operator '${op}' cannot be applied to '${toText(left)}' and '${toText(right)}'.`);
  }
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new TypeError('Attempted to divide by zero.');
      return a / b;
    default:
      if (b === 0) throw new TypeError('Attempted to divide by zero.');
      return a % b;
  }
}

/** A cmdlet's output object as the pipeline carries it. */
export function wrapOutput(cmdlet: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // A cmdlet run with -AsJob (and Wait-Job, Stop-Job...) writes jobs, whatever its noun.
    const props = value as Record<string, unknown>;
    return new PsObject('PSJobTypeName' in props ? TYPE_BY_NOUN.job! : outputTypeName(cmdlet), props);
  }
  return value;
}

/** Plain JSON of a pipeline value (what hvlab run --json and the contract carry). */
export function toPlain(v: unknown): unknown {
  if (v instanceof PsObject) return v.properties;
  if (v instanceof PsHashtable) return Object.fromEntries([...v.pairs()].map(([k, x]) => [k, toPlain(x)]));
  if (v instanceof ScriptBlockValue) return v.text;
  if (v instanceof FormattedText) return v.lines.join('\n');
  if (Array.isArray(v)) return v.map(toPlain);
  return v ?? null;
}

/** A pipeline value as plain data the formatter reads (engine/common/ps-format.ts), also across the bridge. */
export function toDisplay(v: unknown): unknown {
  if (v instanceof PsObject) return { typeName: v.typeName, properties: Object.fromEntries(Object.entries(v.properties).map(([k, x]) => [k, toDisplay(x)])) };
  if (v instanceof PsHashtable)
    return { typeName: 'System.Collections.Hashtable', properties: Object.fromEntries([...v.pairs()].map(([k, x]) => [k, toDisplay(x)])) };
  if (v instanceof FormattedText) return { lines: [...v.lines] };
  if (v instanceof ScriptBlockValue) return v.text;
  if (Array.isArray(v)) return v.map(toDisplay);
  return v ?? null;
}
