// How Windows PowerShell 4.0 on Windows Server 2012 R2 writes objects to the console (Out-Default):
// the one formatter of the lab, used by the console's prompt, `hvlab run`'s text report,
// Format-Table, Format-List and Out-String, so that all of them print the same text.
//
// - Objects of one type in a row form one table (or list), under a blank line; a new type starts a
//   new one (about_Format.ps1xml).
// - A type with a default view prints its view's columns (the views of Hyper-V's, NetAdapter's and
//   SMB's format files as 2012 R2 shows them, below); any other object prints as a table when it
//   has at most 4 properties and as a list from 5 on (PowerShell's rule for objects without a view).
// - Columns are as wide as their widest cell; when the table is wider than the console, the
//   widest columns give way and their cells end in "..." (PowerShell truncates cells that way).
// - Format-List shows `Name : Value`, names padded to the longest; `Format-List *` every property.
// - Arrays in a cell show as {a, b, c, d...} ($FormatEnumerationLimit = 4).
//
// Values reach this module as plain data (the renderer runs it too, on what crossed the bridge): an
// object is `{ typeName, properties }`, pre-formatted text (Format-Table's output) is `{ lines }`.
import { timeSpanText } from './time-span';

export interface FormattableObject {
  typeName: string;
  properties: Record<string, unknown>;
}

export interface FormattedLines {
  lines: readonly string[];
}

function isObject(v: unknown): v is FormattableObject {
  return (
    typeof v === 'object' && v !== null && typeof (v as FormattableObject).typeName === 'string' && typeof (v as FormattableObject).properties === 'object'
  );
}

function isLines(v: unknown): v is FormattedLines {
  return typeof v === 'object' && v !== null && Array.isArray((v as FormattedLines).lines);
}

/** Hashtables print as PowerShell prints them: a Name / Value table. */
interface PairsLike {
  pairs(): Iterable<[string, unknown]>;
}

function isPairs(v: unknown): v is PairsLike {
  return typeof v === 'object' && v !== null && typeof (v as PairsLike).pairs === 'function';
}

interface Column {
  header: string;
  value(o: FormattableObject): unknown;
  align?: 'left' | 'right';
  /** A fixed width from the view (Format-Table -AutoSize ignores it). */
  width?: number;
}

/**
 * A table view. `split`: the view gives no column widths, and Windows PowerShell 4.0 then shares
 * the console's width equally between the columns (each (width - 1 - gaps) / columns wide): the
 * SmbShare module's views print that way (Microsoft Learn, "Get-SmbShare", example 1, where a
 * 120-column console cuts "Cluster Shared Volumes Default Share" to "Cluster Shared Volumes Def...").
 */
interface TableView {
  columns: readonly Column[];
  split?: boolean;
}

const MB = 1024 * 1024;

function prop(name: string): (o: FormattableObject) => unknown {
  return (o) => o.properties[name];
}

/**
 * Hyper-V's Uptime column: the view writes `$_.Uptime.ToString("hh\:mm\:ss")`, so a VM up for more
 * than a day shows the hours of its last day only (a known quirk of the 2012 R2 view; *unconfirmed*
 * beyond the transcripts of Microsoft Learn's Get-VM page, which show hh:mm:ss).
 */
function uptimeText(ms: unknown): string {
  const total = typeof ms === 'number' && Number.isFinite(ms) ? Math.max(0, Math.floor(ms / 1000)) : 0;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor((total % 86400) / 3600))}:${two(Math.floor((total % 3600) / 60))}:${two(total % 60)}`;
}

function megabytes(v: unknown): unknown {
  return typeof v === 'number' ? Math.round(v / MB) : v;
}

/** Bits per second as the NetAdapter and SMB views write a speed: "10 Gbps", "100 Mbps". */
export function bitRateText(v: unknown): unknown {
  if (typeof v !== 'number' || !Number.isFinite(v)) return v;
  const units: [number, string][] = [
    [1e9, 'Gbps'],
    [1e6, 'Mbps'],
    [1e3, 'Kbps'],
  ];
  for (const [size, unit] of units) if (v >= size) return `${Number((v / size).toFixed(1))} ${unit}`;
  return `${v} bps`;
}

const cols = (...names: string[]): Column[] => names.map((n) => ({ header: n, value: prop(n) }));
const CIM = 'Microsoft.Management.Infrastructure.CimInstance#';
const SMB = `${CIM}ROOT/Microsoft/Windows/SMB/`;

/** Default table views by type name (Hyper-V's HyperV.Format.ps1xml, NetAdapter and SMB CDXML views, PowerShell's own for jobs and groups). */
const TABLE_COLUMNS: Record<string, readonly Column[]> = {
  'Microsoft.HyperV.PowerShell.VirtualMachine': [
    { header: 'Name', value: prop('Name') },
    { header: 'State', value: prop('State') },
    { header: 'CPUUsage(%)', value: prop('CPUUsage') },
    { header: 'MemoryAssigned(M)', value: (o) => megabytes(o.properties.MemoryAssigned) },
    { header: 'Uptime', value: (o) => uptimeText(o.properties.Uptime) },
    { header: 'Status', value: prop('Status') },
  ],
  // Get-VMMemory (the 2012 R2 Hyper-V module's view of VMMemory).
  'Microsoft.HyperV.PowerShell.VMMemory': [
    { header: 'VMName', value: prop('VMName') },
    { header: 'DynamicMemoryEnabled', value: prop('DynamicMemoryEnabled') },
    { header: 'Minimum(M)', value: (o) => megabytes(o.properties.Minimum) },
    { header: 'Startup(M)', value: (o) => megabytes(o.properties.Startup) },
    { header: 'Maximum(M)', value: (o) => megabytes(o.properties.Maximum) },
  ],
  'Microsoft.HyperV.PowerShell.VMHost': [
    { header: 'Name', value: prop('Name') },
    { header: 'LogicalProcessorCount', value: prop('LogicalProcessorCount') },
    { header: 'MemoryCapacity(M)', value: (o) => megabytes(o.properties.MemoryCapacity) },
    { header: 'VirtualMachineMigrationEnabled', value: prop('VirtualMachineMigrationEnabled') },
  ],
  'Microsoft.HyperV.PowerShell.VMSwitch': [
    { header: 'Name', value: prop('Name') },
    { header: 'SwitchType', value: prop('SwitchType') },
    { header: 'NetAdapterInterfaceDescription', value: prop('NetAdapterInterfaceDescription') },
  ],
  'Microsoft.HyperV.PowerShell.VMSnapshot': [
    { header: 'VMName', value: prop('VMName') },
    { header: 'Name', value: prop('Name') },
    { header: 'SnapshotType', value: prop('SnapshotType') },
    { header: 'CreationTime', value: prop('CreationTime') },
    { header: 'ParentSnapshotName', value: prop('ParentSnapshotName') },
  ],
  'System.Management.Automation.Job': [
    // PowerShell's job view has fixed column widths (6, 15, 15, 13, 15, 20, then the rest).
    { header: 'Id', value: prop('Id'), width: 6 },
    { header: 'Name', value: prop('Name'), width: 15 },
    { header: 'PSJobTypeName', value: prop('PSJobTypeName'), width: 15 },
    { header: 'State', value: prop('State'), width: 13 },
    { header: 'HasMoreData', value: prop('HasMoreData'), width: 15 },
    { header: 'Location', value: prop('Location'), width: 20 },
    { header: 'Command', value: prop('Command') },
  ],
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetAdapter': [
    // The NetAdapter format file's widths: transcripts cut names at 25 ("vEthernet (Default Swi...") and
    // descriptions at 39 characters; the widths of the last four columns are *unconfirmed*.
    { header: 'Name', value: prop('Name'), width: 25 },
    { header: 'InterfaceDescription', value: prop('InterfaceDescription'), width: 39 },
    { header: 'ifIndex', value: prop('ifIndex'), align: 'right', width: 7 },
    { header: 'Status', value: prop('Status'), width: 12 },
    { header: 'MacAddress', value: prop('MacAddress'), width: 22 },
    { header: 'LinkSpeed', value: prop('LinkSpeed'), align: 'right', width: 12 },
  ],
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/Microsoft/Windows/SMB/MSFT_SmbMultichannelConnection': [
    { header: 'Server Name', value: prop('ServerName') },
    { header: 'Selected', value: prop('Selected') },
    { header: 'Client IP', value: prop('ClientIpAddress') },
    { header: 'Server IP', value: prop('ServerIpAddress') },
    { header: 'Client Interface Index', value: prop('ClientInterfaceIndex'), align: 'right' },
    { header: 'Server Interface Index', value: prop('ServerInterfaceIndex'), align: 'right' },
    { header: 'Client RSS Capable', value: prop('ClientRSSCapable') },
    { header: 'Client RDMA Capable', value: prop('ClientRdmaCapable') },
  ],
  // DcbQos's CDXML views (Microsoft Learn, "Get-NetQosTrafficClass", "Get-NetQosFlowControl", "Get-NetQosDcbxSetting" examples).
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosTrafficClassSettingData': [
    { header: 'Name', value: prop('Name'), width: 25 },
    { header: 'Algorithm', value: prop('Algorithm'), width: 9 },
    { header: 'Bandwidth(%)', value: prop('Bandwidth'), width: 12 },
    { header: 'Priority', value: prop('Priority'), width: 25 },
    { header: 'PolicySet', value: prop('PolicySet'), width: 15 },
    { header: 'IfIndex', value: prop('IfIndex'), width: 7 },
    { header: 'IfAlias', value: prop('IfAlias') },
  ],
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosFlowControlSettingData': [
    { header: 'Priority', value: prop('Priority'), width: 10 },
    { header: 'Enabled', value: prop('Enabled'), width: 10 },
    { header: 'PolicySet', value: prop('PolicySet'), width: 16 },
    { header: 'IfIndex', value: prop('IfIndex'), width: 7 },
    { header: 'IfAlias', value: prop('IfAlias') },
  ],
  'Microsoft.Management.Infrastructure.CimInstance#ROOT/StandardCimv2/MSFT_NetQosDcbxSettingData': [
    { header: 'Willing', value: prop('Willing'), width: 7 },
    { header: 'PolicySet', value: prop('PolicySet'), width: 15 },
    { header: 'IfIndex', value: prop('IfIndex'), width: 7 },
    { header: 'IfAlias', value: prop('IfAlias') },
  ],
  // ServerManager's views (Microsoft Learn, "Get-WindowsFeature" and "Install-WindowsFeature" examples).
  'Microsoft.Windows.ServerManager.Commands.Feature': [
    { header: 'Display Name', value: prop('DisplayName'), width: 55 },
    { header: 'Name', value: prop('Name'), width: 26 },
    { header: 'Install State', value: prop('InstallState'), width: 17, align: 'right' },
  ],
  'Microsoft.Windows.ServerManager.Commands.FeatureOperationResult': [
    { header: 'Success', value: prop('Success'), width: 7 },
    { header: 'Restart Needed', value: prop('RestartNeeded'), width: 14 },
    { header: 'Exit Code', value: prop('ExitCode'), width: 14 },
    { header: 'Feature Result', value: prop('FeatureResult') },
  ],
  'Microsoft.HyperV.PowerShell.VMNetworkAdapter': cols('Name', 'IsManagementOs', 'VMName', 'SwitchName', 'MacAddress', 'Status', 'IPAddresses'),
  'Microsoft.HyperV.PowerShell.HardDiskDrive': cols('VMName', 'ControllerType', 'ControllerNumber', 'ControllerLocation', 'DiskNumber', 'Path'),
  'Microsoft.HyperV.PowerShell.VMProcessor': cols('VMName', 'Count', 'CompatibilityForMigrationEnabled'),
  'Microsoft.HyperV.PowerShell.VMIntegrationComponent': cols('VMName', 'Name', 'Enabled', 'PrimaryStatusDescription', 'SecondaryStatusDescription'),
  'Microsoft.HyperV.PowerShell.VMNetworkAdapterVlanSetting': [
    ...cols('VMName', 'VMNetworkAdapterName'),
    { header: 'Mode', value: prop('OperationMode') },
    { header: 'VlanList', value: (o) => (o.properties.OperationMode === 'Access' ? o.properties.AccessVlanId : '') },
  ],
  [`${CIM}ROOT/StandardCimv2/MSFT_NetAdapterRdmaSettingData`]: cols('Name', 'InterfaceDescription', 'Enabled'),
  [`${CIM}ROOT/StandardCimv2/MSFT_NetAdapterAdvancedPropertySettingData`]: cols('Name', 'DisplayName', 'DisplayValue', 'RegistryKeyword', 'RegistryValue'),
  [`${SMB}MSFT_SmbClientNetworkInterface`]: [
    { header: 'Interface Index', value: prop('InterfaceIndex') },
    { header: 'RSS Capable', value: prop('RssCapable') },
    { header: 'RDMA Capable', value: prop('RdmaCapable') },
    { header: 'Speed', value: (o) => bitRateText(o.properties.LinkSpeed) },
    { header: 'IpAddresses', value: prop('IpAddresses') },
    { header: 'Friendly Name', value: prop('FriendlyName') },
  ],
  [`${SMB}MSFT_SmbServerNetworkInterface`]: [
    { header: 'Scope Name', value: prop('ScopeName') },
    { header: 'Interface Index', value: prop('InterfaceIndex') },
    { header: 'RSS Capable', value: prop('RssCapable') },
    { header: 'RDMA Capable', value: prop('RdmaCapable') },
    { header: 'Speed', value: (o) => bitRateText(o.properties.LinkSpeed) },
    { header: 'IpAddress', value: prop('IpAddress') },
  ],
  'System.Management.ManagementObject#root\\cimv2\\Win32_PingStatus': [
    // Test-Connection's view (Windows PowerShell 4.0); its widths are *unconfirmed*.
    { header: 'Source', value: prop('Source'), width: 13 },
    { header: 'Destination', value: prop('Destination'), width: 15 },
    { header: 'IPV4Address', value: prop('IPV4Address'), width: 16 },
    { header: 'IPV6Address', value: prop('IPV6Address'), width: 40 },
    { header: 'Bytes', value: prop('BufferSize'), width: 8 },
    { header: 'Time(ms)', value: prop('ResponseTime'), width: 9 },
  ],
  'System.ServiceProcess.ServiceController': [
    // Get-Service's view: 8, 18 and 38 characters, as every Windows PowerShell transcript shows it.
    { header: 'Status', value: prop('Status'), width: 8 },
    { header: 'Name', value: prop('Name'), width: 18 },
    { header: 'DisplayName', value: prop('DisplayName'), width: 38 },
  ],
  'Microsoft.PowerShell.Commands.HistoryInfo': [
    { header: 'Id', value: prop('Id'), align: 'right', width: 4 },
    { header: 'CommandLine', value: prop('CommandLine') },
  ],
  'Microsoft.PowerShell.Commands.GroupInfo': [
    { header: 'Count', value: prop('Count'), align: 'right' },
    { header: 'Name', value: prop('Name') },
    { header: 'Group', value: prop('Group') },
  ],
  'Microsoft.PowerShell.Commands.MemberDefinition': [
    { header: 'Name', value: prop('Name') },
    { header: 'MemberType', value: prop('MemberType') },
    { header: 'Definition', value: prop('Definition') },
  ],
};

/** Views whose columns split the console's width (see TableView). */
const SPLIT_VIEWS: Record<string, readonly Column[]> = {
  [`${SMB}MSFT_SmbShare`]: cols('Name', 'ScopeName', 'Path', 'Description'),
  [`${SMB}MSFT_SmbShareAccessControlEntry`]: cols('Name', 'ScopeName', 'AccountName', 'AccessControlType', 'AccessRight'),
  [`${SMB}MSFT_SmbConnection`]: cols('ServerName', 'ShareName', 'UserName', 'Credential', 'Dialect', 'NumOpens'),
};

const TABLE_VIEWS: Record<string, TableView> = {
  ...Object.fromEntries(Object.entries(TABLE_COLUMNS).map(([k, columns]) => [k, { columns }])),
  ...Object.fromEntries(Object.entries(SPLIT_VIEWS).map(([k, columns]) => [k, { columns, split: true }])),
};

/**
 * Types whose default view is a list: every property (Get-VHD, Measure-Object's result), or the
 * view's (the NetLbfo and NetTCPIP format files: Get-NetLbfoTeam, Get-NetLbfoTeamMember,
 * Get-NetIPAddress list these, without PSComputerName).
 */
const LIST_VIEWS: Record<string, readonly Column[] | 'all'> = {
  'Microsoft.Vhd.PowerShell.VirtualHardDisk': 'all',
  'Microsoft.PowerShell.Commands.GenericMeasureInfo': 'all',
  [`${CIM}ROOT/StandardCimv2/MSFT_NetLbfoTeam`]: cols('Name', 'Members', 'TeamNics', 'TeamingMode', 'LoadBalancingAlgorithm', 'Status'),
  [`${CIM}ROOT/StandardCimv2/MSFT_NetLbfoTeamMember`]: [
    ...cols('Name', 'InterfaceDescription', 'Team', 'AdministrativeMode', 'OperationalStatus'),
    { header: 'TransmitLinkSpeed(Gbps)', value: (o) => gigabits(o.properties.TransmitLinkSpeed) },
    { header: 'ReceiveLinkSpeed(Gbps)', value: (o) => gigabits(o.properties.ReceiveLinkSpeed) },
    ...cols('FailureReason'),
  ],
  [`${CIM}ROOT/StandardCimv2/MSFT_NetIPAddress`]: cols(
    'IPAddress',
    'InterfaceIndex',
    'InterfaceAlias',
    'AddressFamily',
    'Type',
    'PrefixLength',
    'PrefixOrigin',
    'SuffixOrigin',
    'AddressState',
    'ValidLifetime',
    'PreferredLifetime',
    'SkipAsSource',
    'PolicyStore',
  ),
};

function gigabits(v: unknown): unknown {
  return typeof v === 'number' ? Number((v / 1e9).toFixed(1)) : v;
}

/** Properties written as milliseconds that PowerShell holds as a TimeSpan. */
const TIMESPAN_PROPERTIES = new Set(['uptime']);

/** PowerShell's $FormatEnumerationLimit. */
export const FORMAT_ENUMERATION_LIMIT = 4;

/** A value as it shows in a table cell or after "Name : ". */
export function cellText(v: unknown, property = ''): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') {
    if (TIMESPAN_PROPERTIES.has(property.toLowerCase())) return timeSpanText(v);
    return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  }
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const shown = v.slice(0, FORMAT_ENUMERATION_LIMIT).map((x) => cellText(x));
    return `{${shown.join(', ')}${v.length > FORMAT_ENUMERATION_LIMIT ? '...' : ''}}`;
  }
  if (isObject(v))
    return v.typeName.startsWith('Selected.') || v.typeName === 'System.Management.Automation.PSCustomObject'
      ? `@{${Object.entries(v.properties)
          .map(([k, x]) => `${k}=${cellText(x)}`)
          .join('; ')}}`
      : v.typeName.replace(/#.*$/, '');
  if (isPairs(v)) return 'System.Collections.Hashtable';
  if (typeof v === 'object')
    return `@{${Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}=${cellText(x)}`)
      .join('; ')}}`;
  return String(v);
}

/** The property names of a value, in order (hashtables: their keys). */
export function propertyNames(v: unknown): string[] {
  if (isObject(v)) return Object.keys(v.properties);
  if (isPairs(v)) return [...v.pairs()].map((p) => p[0]);
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) return Object.keys(v);
  if (typeof v === 'string') return ['Length'];
  return [];
}

export interface FormatOptions {
  /** Format-Table or Format-List; default: the type's view. */
  view?: 'table' | 'list';
  /** The columns (Format-Table -Property). */
  properties?: readonly string[];
  autoSize?: boolean;
  hideHeaders?: boolean;
  /** Format-List *: every property, not the view's. */
  allProperties?: boolean;
}

function truncate(s: string, width: number): string {
  if (s.length <= width) return s;
  if (width <= 3) return s.slice(0, width);
  return `${s.slice(0, width - 3)}...`;
}

/** One table: header, dashes under each header, rows; columns one space apart. */
export function formatTableLines(
  objects: readonly FormattableObject[],
  columns: readonly Column[],
  width: number,
  hideHeaders = false,
  autoSize = false,
): string[] {
  const cells = objects.map((o) => columns.map((c) => cellText(c.value(o), c.header).replace(/\r?\n/g, ' ')));
  const numeric = columns.map(
    (c, i) =>
      c.align === 'right' ||
      (c.align === undefined &&
        objects.length > 0 &&
        objects.every((o) => typeof c.value(o) === 'number' || c.value(o) === null || c.value(o) === undefined) &&
        !TIMESPAN_PROPERTIES.has(c.header.toLowerCase()) &&
        cells.some((r) => r[i] !== '')),
  );
  const widths = columns.map((c, i) =>
    c.width !== undefined && !autoSize && i < columns.length - 1 ? c.width : Math.max(c.header.length, ...cells.map((r) => r[i]!.length)),
  );
  // Too wide for the console: narrow the widest column, one character at a time, down to its header or 8.
  const total = () => widths.reduce((s, w) => s + w, 0) + Math.max(0, widths.length - 1);
  let guard = 0;
  while (total() > width - 1 && guard++ < 100_000) {
    let widest = -1;
    for (let i = 0; i < widths.length; i++) if (widths[i]! > Math.max(columns[i]!.header.length, 8) && (widest < 0 || widths[i]! > widths[widest]!)) widest = i;
    if (widest < 0) break;
    widths[widest]!--;
  }
  // Columns that still do not fit are left out, from the right (PowerShell drops them).
  let shown = widths.length;
  while (shown > 1 && widths.slice(0, shown).reduce((s, w) => s + w, 0) + shown - 1 > width - 1) shown--;
  const pad = (s: string, i: number) => (numeric[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!));
  const line = (parts: string[]) =>
    parts
      .slice(0, shown)
      .map((p, i) => pad(truncate(p, widths[i]!), i))
      .join(' ')
      .replace(/\s+$/, '');
  const out = [''];
  if (!hideHeaders) {
    out.push(line(columns.map((c) => c.header)));
    out.push(line(columns.map((c, i) => '-'.repeat(Math.min(c.header.length, widths[i]!)))));
  }
  for (const r of cells) out.push(line(r));
  out.push('');
  return out;
}

/** `Name : Value` blocks, one per object, names padded to the longest (a list view's labels and values when given). */
export function formatListLines(objects: readonly FormattableObject[], properties?: readonly string[], view?: readonly Column[]): string[] {
  const out: string[] = [''];
  for (const o of objects) {
    const rows: [string, string][] = view
      ? view.map((c) => [c.header, cellText(c.value(o), c.header)])
      : (properties ?? Object.keys(o.properties)).map((n) => [n, cellText(o.properties[n], n)]);
    const pad = Math.max(0, ...rows.map(([n]) => n.length));
    for (const [n, v] of rows) out.push(`${n.padEnd(pad)} : ${v}`.replace(/\s+$/, ''));
    out.push('');
  }
  return out;
}

function columnsFor(objects: readonly FormattableObject[], properties?: readonly string[]): Column[] {
  const names = properties ?? [...new Set(objects.flatMap((o) => Object.keys(o.properties)))];
  return names.map((n) => ({ header: n, value: prop(n) }));
}

function asObject(v: unknown): FormattableObject | undefined {
  if (isObject(v)) return v;
  if (isPairs(v)) return { typeName: 'System.Collections.Hashtable', properties: Object.fromEntries(v.pairs()) };
  if (typeof v === 'object' && v !== null && !Array.isArray(v) && !isLines(v))
    return { typeName: 'System.Management.Automation.PSCustomObject', properties: v as Record<string, unknown> };
  return undefined;
}

/** A run of objects of one type, as its view (or Format-Table / Format-List) shows it. */
function formatRun(objects: FormattableObject[], width: number, options: FormatOptions): string[] {
  const typeName = objects[0]!.typeName;
  if (typeName === 'System.Collections.Hashtable' && options.view !== 'list') {
    const rows = objects.flatMap((o) => Object.entries(o.properties).map(([Name, Value]) => ({ typeName, properties: { Name, Value } })));
    return formatTableLines(rows, columnsFor(rows, ['Name', 'Value']), width, options.hideHeaders);
  }
  const view = TABLE_VIEWS[typeName];
  const listView = LIST_VIEWS[typeName];
  const propertyCount = new Set(objects.flatMap((o) => Object.keys(o.properties))).size;
  const list = options.view === 'list' || (options.view === undefined && (listView !== undefined || (!view && propertyCount >= 5)));
  if (list) {
    // The type's own list view when it prints by default; Format-List (and Format-List *) every property.
    const own = options.view === undefined && listView !== undefined && listView !== 'all' ? listView : undefined;
    return formatListLines(objects, options.properties, own);
  }
  // A view's columns are left-aligned unless the view says otherwise; generic columns of numbers are right-aligned.
  const useView = view && !options.properties && !options.allProperties;
  const columns = options.properties
    ? columnsFor(objects, options.properties)
    : useView
      ? view.columns.map((c) => ({ ...c, align: c.align ?? ('left' as const) }))
      : columnsFor(objects);
  if (useView && view.split && !options.autoSize) {
    const each = Math.max(1, Math.floor((width - 1 - (columns.length - 1)) / columns.length));
    for (const c of columns) c.width = each;
  }
  const lines = formatTableLines(objects, columns, width, options.hideHeaders, options.autoSize);
  // Get-Member prints the type name above its table.
  if (typeName === 'Microsoft.PowerShell.Commands.MemberDefinition') return ['', `   TypeName: ${String(objects[0]!.properties.TypeName)}`, ...lines];
  return lines;
}

/** What the console prints for a pipeline's output, line by line, `width` characters wide. */
export function formatForHost(values: readonly unknown[], width = 120, options: FormatOptions = {}): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < values.length) {
    const v = values[i];
    if (isLines(v)) {
      out.push(...v.lines);
      i++;
      continue;
    }
    const first = asObject(v);
    if (!first) {
      out.push(...cellText(v).split(/\r?\n/));
      i++;
      continue;
    }
    const run = [first];
    i++;
    // Get-Member's rows group by the type they describe; other objects by their own type.
    const key = (o: FormattableObject) =>
      o.typeName === 'Microsoft.PowerShell.Commands.MemberDefinition' ? `gm:${String(o.properties.TypeName)}` : o.typeName;
    while (i < values.length) {
      const next = asObject(values[i]);
      if (!next || key(next) !== key(first)) break;
      run.push(next);
      i++;
    }
    out.push(...formatRun(run, width, options));
  }
  return out;
}
