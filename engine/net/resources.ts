// Names of the flow-network resources for the whole engine: one place, so the fabric that
// registers them, the planner that routes over them and the views that chart them agree.
//   nic:HV01:SMB1:tx / :rx              a physical adapter's transmit / receive line rate
//   rxq:HV01:SMB1                        the cores that adapter's receive queues spread work over
//   rxq:HV01:vEthernet (Production)      the one core a host vNIC's traffic is processed on
//   cpu:HV01                              the host's idle CPU cycles (total minus VM demand)
//   vol:HV01:D:read / :write              a volume's read / write bandwidth
//   smblimit:HV01:LiveMigration           Set-SmbBandwidthLimit category cap on HV01 (as client)
export type SmbCategory = 'Default' | 'VirtualMachine' | 'LiveMigration';
export const SMB_CATEGORIES: readonly SmbCategory[] = ['Default', 'VirtualMachine', 'LiveMigration'];

export const Resources = {
  nicTx: (host: string, nic: string): string => `nic:${host}:${nic}:tx`,
  nicRx: (host: string, nic: string): string => `nic:${host}:${nic}:rx`,
  rxCores: (host: string, iface: string): string => `rxq:${host}:${iface}`,
  cpu: (host: string): string => `cpu:${host}`,
  volRead: (host: string, letter: string): string => `vol:${host}:${letter}:read`,
  volWrite: (host: string, letter: string): string => `vol:${host}:${letter}:write`,
  smbLimit: (host: string, category: SmbCategory): string => `smblimit:${host}:${category}`,
} as const;

export type ResourceKind = 'nic' | 'rxq' | 'cpu' | 'vol' | 'smblimit';

/** Splits a resource id back into its parts, for views and diagnostics. */
export function describeResource(id: string): { kind: ResourceKind; host: string; detail: string } | undefined {
  const m = /^(nic|rxq|cpu|vol|smblimit):([^:]+)(?::(.*))?$/.exec(id);
  if (!m) return undefined;
  return { kind: m[1] as ResourceKind, host: m[2]!, detail: m[3] ?? '' };
}
