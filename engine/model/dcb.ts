// Data Center Bridging and NetQos on one computer: the world's record and the rules that read it
// (Microsoft Learn, "Data Center Bridging (DCB) overview" and "Manage Data Center Bridging";
// IEEE 802.1Qaz (ETS, DCBX) and 802.1Qbb (PFC)). Kept apart from world.ts so the network layer,
// the cmdlets and the validation share one reading of it:
// - a QoS policy (New-NetQosPolicy) tags matching traffic with an 802.1p priority 0-7;
// - a traffic class (New-NetQosTrafficClass) groups priorities and gets a share of each
//   DCB-enabled adapter's transmit bandwidth under ETS, or strict priority; the implicit
//   [Default] class holds every other priority and gets what the ETS classes leave (at least 1 %);
// - PFC (Enable-NetQosFlowControl) makes a priority lossless;
// - DCBX Willing (Set-NetQosDcbxSetting) lets the adapter accept the switch's settings.
// The DcbQos cmdlets and the adapters' use of the classes need the Data-Center-Bridging feature.
import { z } from 'zod';

const dcbName = z.string().trim().min(1, 'must not be empty').max(255);
export const Priority8021 = z.number().int().min(0, 'an 802.1p priority is 0..7').max(7, 'an 802.1p priority is 0..7');

/** What a policy matches: a built-in filter template, or a port condition. */
export const QosPolicy = z.object({
  name: dcbName,
  /** -SMB (TCP 445), -LiveMigration (TCP 6600), -iSCSI (TCP 3260), -NFS (TCP 2049), -Default (everything else). */
  template: z.enum(['SMB', 'LiveMigration', 'iSCSI', 'NFS', 'Default']).optional(),
  /** -NetDirectPortMatchCondition: RDMA (NetworkDirect) traffic to this port, e.g. 445 for SMB Direct. */
  netDirectPort: z.number().int().min(1).max(65535).optional(),
  /** -IPDstPortMatchCondition with -IPProtocolMatchCondition (TCP by default). */
  ipDstPort: z.number().int().min(1).max(65535).optional(),
  ipProtocol: z.enum(['TCP', 'UDP', 'Both']).optional(),
  /** -PriorityValue8021Action. */
  priority: Priority8021,
  /** -Precedence (0-255, default 127): breaks ties between policies that match alike. */
  precedence: z.number().int().min(0).max(255).default(127),
});
export type QosPolicy = z.infer<typeof QosPolicy>;

export const TrafficClass = z.object({
  name: dcbName,
  priorities: z.array(Priority8021).min(1, 'a traffic class needs at least one priority'),
  algorithm: z.enum(['ETS', 'Strict']).default('ETS'),
  /** Share of the adapter's bandwidth under contention, 1-99 (ignored for Strict). */
  bandwidthPercentage: z.number().int().min(1).max(99),
});
export type TrafficClass = z.infer<typeof TrafficClass>;

export const HostDcb = z.object({
  /** Install-WindowsFeature Data-Center-Bridging: the DcbQos module and the adapters' DCB use. */
  featureInstalled: z.boolean().default(false),
  policies: z.array(QosPolicy).default([]),
  /** The classes created; the [Default] class is implicit. */
  trafficClasses: z.array(TrafficClass).default([]),
  /** Priorities with Priority Flow Control on. */
  flowControl: z.array(Priority8021).default([]),
  /** Set-NetQosDcbxSetting -Willing (2012 R2's default: True). */
  willing: z.boolean().default(true),
});
export type HostDcb = z.infer<typeof HostDcb>;

/** ETS allows eight traffic classes an adapter can hold, the default one among them (Microsoft Learn, "Manage Data Center Bridging"). */
export const MAX_TRAFFIC_CLASSES = 8;
/** The ETS classes may reserve at most 99 %: the [Default] class keeps at least 1 %. */
export const MAX_RESERVED_PERCENT = 99;

export const DEFAULT_CLASS_NAME = '[Default]';

/** What the computer has when no dcb record exists: 2012 R2 out of the box. */
export function dcbOf(h: { dcb?: HostDcb | undefined }): HostDcb {
  return h.dcb ?? { featureInstalled: false, policies: [], trafficClasses: [], flowControl: [], willing: true };
}

/** The class rows as Get-NetQosTrafficClass lists them: [Default] first, holding the priorities nobody took. */
export function classRows(d: HostDcb): { name: string; priorities: number[]; algorithm: 'ETS' | 'Strict'; bandwidthPercentage: number }[] {
  const taken = new Set(d.trafficClasses.flatMap((c) => c.priorities));
  const reserved = reservedPercent(d);
  const rest = [0, 1, 2, 3, 4, 5, 6, 7].filter((p) => !taken.has(p));
  return [
    { name: DEFAULT_CLASS_NAME, priorities: rest, algorithm: 'ETS', bandwidthPercentage: 100 - reserved },
    ...d.trafficClasses.map((c) => ({ name: c.name, priorities: [...c.priorities], algorithm: c.algorithm, bandwidthPercentage: c.bandwidthPercentage })),
  ];
}

/** Percent reserved by the ETS classes (Strict classes reserve none: they are served first). */
export function reservedPercent(d: HostDcb): number {
  let sum = 0;
  for (const c of d.trafficClasses) if (c.algorithm === 'ETS') sum += c.bandwidthPercentage;
  return sum;
}

/** The problems of a DCB record, each with the field it names (relative to `hosts[X].dcb`). */
export function dcbProblems(d: HostDcb): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const p of d.policies) {
    const k = p.name.toLowerCase();
    if (seen.has(k)) out.push({ path: `policies[${p.name}].name`, message: `duplicate QoS policy name "${p.name}"` });
    seen.add(k);
    const conditions = (p.template ? 1 : 0) + (p.netDirectPort !== undefined ? 1 : 0) + (p.ipDstPort !== undefined ? 1 : 0);
    if (conditions !== 1)
      out.push({
        path: `policies[${p.name}]`,
        message: `QoS policy "${p.name}" needs exactly one condition: a template (SMB, LiveMigration, iSCSI, NFS, Default), netDirectPort or ipDstPort`,
      });
    if (p.ipProtocol !== undefined && p.ipDstPort === undefined)
      out.push({ path: `policies[${p.name}].ipProtocol`, message: `ipProtocol is a condition on ipDstPort, which QoS policy "${p.name}" lacks` });
  }
  seen.clear();
  const owner = new Map<number, string>();
  if (d.trafficClasses.length > MAX_TRAFFIC_CLASSES - 1)
    out.push({ path: 'trafficClasses', message: `at most ${MAX_TRAFFIC_CLASSES - 1} traffic classes besides [Default], got ${d.trafficClasses.length}` });
  for (const c of d.trafficClasses) {
    const k = c.name.toLowerCase();
    if (seen.has(k) || k === DEFAULT_CLASS_NAME.toLowerCase())
      out.push({ path: `trafficClasses[${c.name}].name`, message: `duplicate traffic class name "${c.name}"` });
    seen.add(k);
    for (const p of c.priorities) {
      const other = owner.get(p);
      if (other !== undefined) out.push({ path: `trafficClasses[${c.name}].priorities`, message: `priority ${p} is already in traffic class "${other}"` });
      owner.set(p, c.name);
    }
  }
  const reserved = reservedPercent(d);
  if (reserved > MAX_RESERVED_PERCENT)
    out.push({
      path: 'trafficClasses',
      message: `the ETS classes reserve ${reserved} %: at most ${MAX_RESERVED_PERCENT} %, the [Default] class keeps at least 1 %`,
    });
  if (new Set(d.flowControl).size !== d.flowControl.length) out.push({ path: 'flowControl', message: 'a priority is listed twice' });
  return out;
}

/** "0-2,4-7": priorities as 2012 R2's view prints them. */
export function priorityRanges(ps: readonly number[]): string {
  const sorted = [...new Set(ps)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
