// What a pre-check reports: one row of Compare-VM's `.Incompatibilities` (Message, MessageId,
// Source — the Hyper-V module's cmdlet help for Windows Server 2012 R2) plus what the lab adds for a learner: the fix, the
// parameter at fault and whether the row blocks the move. The Move Wizard and Move-VM refuse a move
// while any `error` row is present; `warning` rows are shown and the move may go ahead.

export type Severity = 'error' | 'warning';

/**
 * Stable names of the checks, so the console, the wizard and lab graders can tell rows apart
 * without parsing messages (messages are Hyper-V's text and may contain names and sizes).
 */
export type PrecheckName =
  | 'vm-not-found'
  | 'computer-unreachable'
  | 'vm-state'
  | 'destination-unknown'
  | 'destination-not-hyper-v'
  | 'vmms-stopped'
  | 'same-host'
  | 'vm-exists-on-destination'
  | 'migration-disabled'
  | 'down-level-destination'
  | 'different-domain'
  | 'no-migration-network'
  | 'credssp-not-on-source'
  | 'kerberos-delegation'
  | 'processor-vendor'
  | 'processor-family'
  | 'memory'
  | 'host-limit'
  | 'virtual-switch'
  | 'pass-through-disk'
  | 'path-invalid'
  | 'vhd-not-attached'
  | 'vhd-name-changed'
  | 'file-exists'
  | 'disk-space'
  | 'share-access'
  | 'not-on-shared-storage'
  | 'nothing-to-move';

export interface Incompatibility {
  check: PrecheckName;
  /** Hyper-V's message. Texts not found in a source are marked "unconfirmed" where they are built. */
  message: string;
  /** Compare-VM's MessageId, only where known (the Hyper-V module's cmdlet help for Windows Server 2012 R2: 33012 for a missing switch). */
  messageId?: number;
  /** The object at fault, as Compare-VM's Source names it: "Network Adapter", "SQL01.vhdx", "HV02". */
  source?: string;
  /** What the learner can do about it, with the PowerShell where there is one. */
  fix: string;
  /**
   * The same advice worded for the Move Wizard (the page and the option to change, never a
   * PowerShell parameter); absent where `fix` names no PowerShell and serves both.
   */
  guiFix?: string;
  /** The cmdlet parameter at fault, when one is (DestinationHost, Vhds, DestinationStoragePath...). */
  parameter?: string;
  severity: Severity;
}

type Row = Omit<Incompatibility, 'check' | 'severity'>;

export function error(check: PrecheckName, row: Row): Incompatibility {
  return { check, severity: 'error', ...stripUndefined(row) };
}

export function warning(check: PrecheckName, row: Row): Incompatibility {
  return { check, severity: 'warning', ...stripUndefined(row) };
}

// Rows are compared with toEqual in tests and sent over the contract as JSON: no undefined keys.
function stripUndefined(row: Row): Row {
  const out: Row = { message: row.message, fix: row.fix };
  if (row.guiFix !== undefined) out.guiFix = row.guiFix;
  if (row.messageId !== undefined) out.messageId = row.messageId;
  if (row.source !== undefined) out.source = row.source;
  if (row.parameter !== undefined) out.parameter = row.parameter;
  return out;
}
