// The Data Center Bridging and QoS cmdlets: NetQos policies, DCB traffic classes, PFC, DCBX and
// the adapters' NetAdapterQos (Microsoft Learn, "Manage Data Center Bridging" and each cmdlet's
// reference page). They change host.dcb and the adapters' dcbQos (engine/model/dcb.ts); the
// network layer applies them to the transfers in flight at once (engine/net/qos.ts).
// - The DcbQos cmdlets (traffic classes, flow control, DCBX) come with the Data-Center-Bridging
//   feature: without it the computer has no such CIM class. The refusal text is *unconfirmed*.
// - ETS may reserve at most 99 % over the classes ([Default] keeps at least 1 %) and there are at
//   most eight classes with [Default]; a priority belongs to one class. Refusal texts *unconfirmed*.
// - Output objects carry 2012 R2's property names; views in engine/common/ps-format.ts.
import { CommandRefusal } from '../errors';
import {
  classRows,
  dcbOf,
  dcbProblems,
  priorityRanges,
  DEFAULT_CLASS_NAME,
  MAX_RESERVED_PERCENT,
  MAX_TRAFFIC_CLASSES,
  type HostDcb,
  type QosPolicy,
} from '../model/dcb';
import type { Host, Nic } from '../model/world';
import { TEMPLATE_PORTS } from '../net/qos';
import {
  disableNetAdapterQosSignature,
  disableNetQosFlowControlSignature,
  enableNetAdapterQosSignature,
  enableNetQosFlowControlSignature,
  getNetAdapterQosSignature,
  getNetQosDcbxSettingSignature,
  getNetQosFlowControlSignature,
  getNetQosPolicySignature,
  getNetQosTrafficClassSignature,
  newNetQosPolicySignature,
  newNetQosTrafficClassSignature,
  removeNetQosPolicySignature,
  removeNetQosTrafficClassSignature,
  setNetQosDcbxSettingSignature,
  setNetQosPolicySignature,
  setNetQosTrafficClassSignature,
} from './catalog/dcb';
import type { CmdletContext, CmdletDefinition } from './definition';
import { adaptersOf, selectAdapters, type AdapterView } from './net-adapters';
import type { BoundParams } from './signature';
import { stringList, targetHosts } from './targets';
import { hasWildcard, sameName, wildcardMatch } from './wildcard';

const SOURCE = 'Microsoft-Windows-QoS-Pacer';
const DCB_SOURCE = 'Microsoft-Windows-DCB';

/** The computer's DCB record, created on first change. */
function dcbFor(h: Host): HostDcb {
  h.dcb ??= dcbOf(h);
  return h.dcb;
}

/** The hosts of a DcbQos cmdlet: each must have the Data-Center-Bridging feature. */
function dcbHosts(ctx: CmdletContext, params: BoundParams): Host[] {
  const hosts = targetHosts(ctx, params, 'CimSession', false);
  for (const h of hosts) {
    if (!h.dcb?.featureInstalled) {
      throw new CommandRefusal(`The Data Center Bridging feature is not installed on '${h.name}'.`, {
        parameter: 'CimSession',
        code: 'NotFound',
        fix: `Install it first: Install-WindowsFeature Data-Center-Bridging -ComputerName ${h.name}`,
      });
    }
  }
  return hosts;
}

function changed(ctx: CmdletContext, h: Host): void {
  ctx.networkChanged(h.name);
  ctx.worldChanged();
}

/** The record must stay valid after a change; a violation is refused before anything changes. */
function checkRecord(next: HostDcb, parameter: string): void {
  const p = dcbProblems(next)[0];
  if (p) throw new CommandRefusal(capitalised(p.message), { parameter });
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ── NetQos policies ─────────────────────────────────────────────────────────────────────────────

function policyRow(h: Host, p: QosPolicy, many: boolean) {
  return {
    Name: p.name,
    Owner: 'PowerShell / WMI',
    NetworkProfile: 'All',
    Precedence: p.precedence,
    ...(p.template
      ? { Template: p.template }
      : p.netDirectPort !== undefined
        ? { NetDirectPort: p.netDirectPort }
        : { IPProtocol: p.ipProtocol ?? 'Both', IPDstPort: p.ipDstPort }),
    JobObject: '',
    PriorityValue: p.priority,
    ...(many ? { PSComputerName: h.name } : {}),
  };
}

function selectPolicies(h: Host, names: string[]): QosPolicy[] {
  const all = dcbOf(h).policies;
  if (names.length === 0) return [...all];
  const out: QosPolicy[] = [];
  for (const n of names) {
    const hit = all.filter((p) => wildcardMatch(n, p.name));
    if (hit.length === 0 && !hasWildcard(n))
      throw new CommandRefusal(
        `No MSFT_NetQosPolicySettingData objects found with property 'Name' equal to '${n}'.  Verify the value of the property and retry.`,
        {
          parameter: 'Name',
          code: 'NotFound',
        },
      );
    for (const p of hit) if (!out.includes(p)) out.push(p);
  }
  return out;
}

function conditionOf(params: BoundParams): Pick<QosPolicy, 'template' | 'netDirectPort' | 'ipDstPort' | 'ipProtocol'> | undefined {
  const switches = [
    ['SMB', 'SMB'],
    ['LiveMigration', 'LiveMigration'],
    ['ISCSI', 'iSCSI'],
    ['NFS', 'NFS'],
    ['Default', 'Default'],
  ] as const;
  for (const [parameter, template] of switches) if (params[parameter] === true) return { template };
  if (params.NetDirectPortMatchCondition !== undefined) return { netDirectPort: Number(params.NetDirectPortMatchCondition) };
  if (params.IPDstPortMatchCondition !== undefined) {
    const proto = params.IPProtocolMatchCondition as string | undefined;
    return { ipDstPort: Number(params.IPDstPortMatchCondition), ...(proto && proto !== 'None' ? { ipProtocol: proto as 'TCP' | 'UDP' | 'Both' } : {}) };
  }
  return undefined;
}

export const newNetQosPolicy: CmdletDefinition = {
  signature: newNetQosPolicySignature,
  run(ctx, params) {
    const name = String(params.Name);
    const condition = conditionOf(params);
    if (!condition)
      throw new CommandRefusal(
        'A QoS policy needs a match condition: -SMB, -LiveMigration, -iSCSI, -NFS, -Default, -NetDirectPortMatchCondition or -IPDstPortMatchCondition.',
        {
          parameter: 'Name',
        },
      );
    if (params.PriorityValue8021Action === undefined)
      throw new CommandRefusal('A QoS policy needs an action: the lab models -PriorityValue8021Action (the 802.1p priority to tag with).', {
        parameter: 'PriorityValue8021Action',
      });
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const policy: QosPolicy = { name, ...condition, priority: Number(params.PriorityValue8021Action), precedence: Number(params.Precedence ?? 127) };
    for (const h of hosts) {
      if (dcbOf(h).policies.some((p) => sameName(p.name, name)))
        throw new CommandRefusal(`A QoS policy named '${name}' already exists on '${h.name}'.`, {
          parameter: 'Name',
          fix: `Change it with Set-NetQosPolicy -Name ${name}.`,
        });
    }
    const output = hosts.map((h) => {
      const d = dcbFor(h);
      d.policies = [...d.policies, { ...policy }];
      ctx.log('Information', SOURCE, `QoS policy '${name}' created on '${h.name}': ${describePolicy(policy)} tagged with priority ${policy.priority}.`);
      changed(ctx, h);
      return policyRow(h, policy, hosts.length > 1);
    });
    return { output };
  },
};

/** What a policy matches, in words (the event log, the Networking pane). */
export function describePolicy(p: QosPolicy): string {
  if (p.template === 'Default') return 'traffic no other policy matches';
  if (p.template) return `${p.template} traffic (TCP ${TEMPLATE_PORTS[p.template]})`;
  if (p.netDirectPort !== undefined) return `RDMA traffic to port ${p.netDirectPort}`;
  return `${p.ipProtocol ?? 'TCP and UDP'} traffic to port ${p.ipDstPort}`;
}

export const getNetQosPolicy: CmdletDefinition = {
  signature: getNetQosPolicySignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    return { output: hosts.flatMap((h) => selectPolicies(h, stringList(params.Name)).map((p) => policyRow(h, p, hosts.length > 1))) };
  },
};

export const setNetQosPolicy: CmdletDefinition = {
  signature: setNetQosPolicySignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const picked = hosts.map((h) => ({ h, policies: selectPolicies(h, stringList(params.Name)) }));
    const output: unknown[] = [];
    for (const { h, policies } of picked) {
      const d = dcbFor(h);
      d.policies = d.policies.map((p) => {
        if (!policies.includes(p)) return p;
        const next: QosPolicy = { ...p };
        if (params.PriorityValue8021Action !== undefined) next.priority = Number(params.PriorityValue8021Action);
        if (params.Precedence !== undefined) next.precedence = Number(params.Precedence);
        if (params.NetDirectPortMatchCondition !== undefined) {
          if (p.netDirectPort === undefined)
            throw new CommandRefusal(`QoS policy '${p.name}' does not match on a NetworkDirect port; create a new policy for RDMA traffic.`, {
              parameter: 'NetDirectPortMatchCondition',
            });
          next.netDirectPort = Number(params.NetDirectPortMatchCondition);
        }
        if (params.IPDstPortMatchCondition !== undefined || params.IPProtocolMatchCondition !== undefined) {
          if (p.template !== undefined || p.netDirectPort !== undefined)
            throw new CommandRefusal(`QoS policy '${p.name}' does not match on an IP port; create a new policy for that traffic.`, {
              parameter: 'IPDstPortMatchCondition',
            });
          if (params.IPDstPortMatchCondition !== undefined) next.ipDstPort = Number(params.IPDstPortMatchCondition);
          const proto = params.IPProtocolMatchCondition as string | undefined;
          if (proto === 'None') delete next.ipProtocol;
          else if (proto) next.ipProtocol = proto as 'TCP' | 'UDP' | 'Both';
        }
        ctx.log('Information', SOURCE, `QoS policy '${p.name}' changed on '${h.name}': ${describePolicy(next)} tagged with priority ${next.priority}.`);
        if (params.PassThru) output.push(policyRow(h, next, hosts.length > 1));
        return next;
      });
      if (policies.length) changed(ctx, h);
    }
    return { output };
  },
};

export const removeNetQosPolicy: CmdletDefinition = {
  signature: removeNetQosPolicySignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const picked = hosts.map((h) => ({ h, policies: selectPolicies(h, stringList(params.Name)) }));
    const output: unknown[] = [];
    for (const { h, policies } of picked) {
      if (!policies.length) continue;
      const d = dcbFor(h);
      d.policies = d.policies.filter((p) => !policies.includes(p));
      ctx.log('Information', SOURCE, `QoS policies removed on '${h.name}': ${policies.map((p) => p.name).join(', ')}.`);
      if (params.PassThru) output.push(...policies.map((p) => policyRow(h, p, hosts.length > 1)));
      changed(ctx, h);
    }
    return { output };
  },
};

// ── Traffic classes ─────────────────────────────────────────────────────────────────────────────

function classRow(h: Host, c: ReturnType<typeof classRows>[number], many: boolean) {
  return {
    Name: c.name,
    Algorithm: c.algorithm,
    Bandwidth: c.algorithm === 'ETS' ? c.bandwidthPercentage : 0,
    Priority: priorityRanges(c.priorities),
    PolicySet: 'Global',
    IfIndex: '',
    IfAlias: '',
    ...(many ? { PSComputerName: h.name } : {}),
  };
}

function selectClasses(h: Host, names: string[], withDefault: boolean): ReturnType<typeof classRows> {
  const rows = classRows(dcbOf(h)).filter((c) => withDefault || c.name !== DEFAULT_CLASS_NAME);
  if (names.length === 0) return rows;
  const out: typeof rows = [];
  for (const n of names) {
    const hit = rows.filter((c) => wildcardMatch(n, c.name) || sameName(n, c.name));
    if (hit.length === 0 && !hasWildcard(n)) {
      if (!withDefault && sameName(n, DEFAULT_CLASS_NAME))
        throw new CommandRefusal(
          'The [Default] traffic class cannot be changed or removed: it holds the priorities no other class has, with the bandwidth they leave.',
          {
            parameter: 'Name',
          },
        );
      throw new CommandRefusal(
        `No MSFT_NetQosTrafficClassSettingData objects found with property 'Name' equal to '${n}'.  Verify the value of the property and retry.`,
        {
          parameter: 'Name',
          code: 'NotFound',
        },
      );
    }
    for (const c of hit) if (!out.includes(c)) out.push(c);
  }
  return out;
}

function priorities(params: BoundParams): number[] {
  return [...new Set((params.Priority as number[] | undefined) ?? [])];
}

export const newNetQosTrafficClass: CmdletDefinition = {
  signature: newNetQosTrafficClassSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    const name = String(params.Name);
    const algorithm = params.Algorithm as 'ETS' | 'Strict';
    if (algorithm === 'ETS' && params.BandwidthPercentage === undefined)
      throw new CommandRefusal('An ETS traffic class needs -BandwidthPercentage (1-99): the share of the bandwidth it is guaranteed.', {
        parameter: 'BandwidthPercentage',
      });
    const cls = { name, priorities: priorities(params), algorithm, bandwidthPercentage: Number(params.BandwidthPercentage ?? 1) };
    const plans = hosts.map((h) => {
      const d = dcbOf(h);
      if (sameName(name, DEFAULT_CLASS_NAME) || d.trafficClasses.some((c) => sameName(c.name, name)))
        throw new CommandRefusal(`A traffic class named '${name}' already exists on '${h.name}'.`, { parameter: 'Name' });
      if (d.trafficClasses.length >= MAX_TRAFFIC_CLASSES - 1)
        throw new CommandRefusal(`'${h.name}' already has ${MAX_TRAFFIC_CLASSES} traffic classes with [Default], the most ETS allows.`, { parameter: 'Name' });
      const next = { ...d, trafficClasses: [...d.trafficClasses, cls] };
      const taken = d.trafficClasses.find((c) => c.priorities.some((p) => cls.priorities.includes(p)));
      if (taken)
        throw new CommandRefusal(
          `Priority ${cls.priorities.find((p) => taken.priorities.includes(p))} is already in traffic class '${taken.name}' on '${h.name}'.`,
          {
            parameter: 'Priority',
          },
        );
      checkReserve(next, h, 'BandwidthPercentage');
      return { h, next };
    });
    const output = plans.map(({ h, next }) => {
      h.dcb = next;
      ctx.log(
        'Information',
        DCB_SOURCE,
        `Traffic class '${name}' created on '${h.name}': priority ${priorityRanges(cls.priorities)}, ${algorithm}${algorithm === 'ETS' ? ` ${cls.bandwidthPercentage} %` : ''}.`,
      );
      changed(ctx, h);
      return classRow(h, { ...cls }, hosts.length > 1);
    });
    return { output };
  },
};

function checkReserve(next: HostDcb, h: Host, parameter: string): void {
  const reserved = next.trafficClasses.reduce((s, c) => s + (c.algorithm === 'ETS' ? c.bandwidthPercentage : 0), 0);
  if (reserved > MAX_RESERVED_PERCENT)
    throw new CommandRefusal(
      `The ETS traffic classes on '${h.name}' would reserve ${reserved} % of the bandwidth; at most ${MAX_RESERVED_PERCENT} % can be reserved, the [Default] class keeps at least 1 %.`,
      { parameter, fix: 'Lower the share of this class or of another one (Set-NetQosTrafficClass -BandwidthPercentage).' },
    );
  checkRecord(next, parameter);
}

export const getNetQosTrafficClass: CmdletDefinition = {
  signature: getNetQosTrafficClassSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    return { output: hosts.flatMap((h) => selectClasses(h, stringList(params.Name), true).map((c) => classRow(h, c, hosts.length > 1))) };
  },
};

export const setNetQosTrafficClass: CmdletDefinition = {
  signature: setNetQosTrafficClassSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    const plans = hosts.map((h) => {
      const picked = selectClasses(h, stringList(params.Name), false).map((c) => c.name);
      const d = dcbOf(h);
      const next: HostDcb = {
        ...d,
        trafficClasses: d.trafficClasses.map((c) => {
          if (!picked.includes(c.name)) return c;
          const n = { ...c };
          if (params.Algorithm !== undefined) n.algorithm = params.Algorithm as 'ETS' | 'Strict';
          if (params.BandwidthPercentage !== undefined) n.bandwidthPercentage = Number(params.BandwidthPercentage);
          if (params.Priority !== undefined) n.priorities = priorities(params);
          return n;
        }),
      };
      checkReserve(next, h, params.BandwidthPercentage !== undefined ? 'BandwidthPercentage' : 'Priority');
      return { h, next, picked };
    });
    const output: unknown[] = [];
    for (const { h, next, picked } of plans) {
      h.dcb = next;
      if (!picked.length) continue;
      ctx.log('Information', DCB_SOURCE, `Traffic classes changed on '${h.name}': ${picked.join(', ')}.`);
      if (params.PassThru) output.push(...selectClasses(h, picked, false).map((c) => classRow(h, c, hosts.length > 1)));
      changed(ctx, h);
    }
    return { output };
  },
};

export const removeNetQosTrafficClass: CmdletDefinition = {
  signature: removeNetQosTrafficClassSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    const plans = hosts.map((h) => ({ h, picked: selectClasses(h, stringList(params.Name), false) }));
    const output: unknown[] = [];
    for (const { h, picked } of plans) {
      if (!picked.length) continue;
      const d = dcbFor(h);
      d.trafficClasses = d.trafficClasses.filter((c) => !picked.some((p) => p.name === c.name));
      ctx.log(
        'Information',
        DCB_SOURCE,
        `Traffic classes removed on '${h.name}': ${picked.map((c) => c.name).join(', ')}; their priorities are back in [Default].`,
      );
      if (params.PassThru) output.push(...picked.map((c) => classRow(h, c, hosts.length > 1)));
      changed(ctx, h);
    }
    return { output };
  },
};

// ── Priority Flow Control ───────────────────────────────────────────────────────────────────────

function flowRows(h: Host, ps: number[], many: boolean) {
  const on = dcbOf(h).flowControl;
  return ps.map((p) => ({ Priority: p, Enabled: on.includes(p), PolicySet: 'Global', IfIndex: '', IfAlias: '', ...(many ? { PSComputerName: h.name } : {}) }));
}

function flowPriorities(params: BoundParams): number[] {
  const ps = priorities(params);
  return ps.length ? ps.sort((a, b) => a - b) : [0, 1, 2, 3, 4, 5, 6, 7];
}

export const getNetQosFlowControl: CmdletDefinition = {
  signature: getNetQosFlowControlSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    return { output: hosts.flatMap((h) => flowRows(h, flowPriorities(params), hosts.length > 1)) };
  },
};

function setFlowControl(enabled: boolean): CmdletDefinition['run'] {
  return (ctx, params) => {
    const hosts = dcbHosts(ctx, params);
    const ps = flowPriorities(params);
    const output: unknown[] = [];
    for (const h of hosts) {
      const d = dcbFor(h);
      const before = d.flowControl.join();
      d.flowControl = enabled ? [...new Set([...d.flowControl, ...ps])].sort((a, b) => a - b) : d.flowControl.filter((p) => !ps.includes(p));
      if (d.flowControl.join() !== before) {
        ctx.log('Information', DCB_SOURCE, `Priority Flow Control ${enabled ? 'enabled' : 'disabled'} for priority ${priorityRanges(ps)} on '${h.name}'.`);
        changed(ctx, h);
      }
      if (params.PassThru) output.push(...flowRows(h, ps, hosts.length > 1));
    }
    return { output };
  };
}

export const enableNetQosFlowControl: CmdletDefinition = { signature: enableNetQosFlowControlSignature, run: setFlowControl(true) };
export const disableNetQosFlowControl: CmdletDefinition = { signature: disableNetQosFlowControlSignature, run: setFlowControl(false) };

// ── DCBX ────────────────────────────────────────────────────────────────────────────────────────

function dcbxRow(h: Host, many: boolean) {
  return { Willing: dcbOf(h).willing, PolicySet: 'Global', IfIndex: '', IfAlias: '', ...(many ? { PSComputerName: h.name } : {}) };
}

export const getNetQosDcbxSetting: CmdletDefinition = {
  signature: getNetQosDcbxSettingSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    return { output: hosts.map((h) => dcbxRow(h, hosts.length > 1)) };
  },
};

export const setNetQosDcbxSetting: CmdletDefinition = {
  signature: setNetQosDcbxSettingSignature,
  run(ctx, params) {
    const hosts = dcbHosts(ctx, params);
    const willing = params.Willing === true;
    for (const h of hosts) {
      const d = dcbFor(h);
      if (d.willing === willing) continue;
      d.willing = willing;
      ctx.log(
        'Information',
        DCB_SOURCE,
        willing
          ? `DCBX Willing set on '${h.name}': the adapters accept the switch's DCB settings.`
          : `DCBX Willing cleared on '${h.name}': the adapters keep the computer's own DCB settings.`,
      );
      changed(ctx, h);
    }
    return { output: params.PassThru ? hosts.map((h) => dcbxRow(h, hosts.length > 1)) : [] };
  },
};

// ── NetAdapterQos ───────────────────────────────────────────────────────────────────────────────

/**
 * Adapters with DCB hardware: the lab takes every Ethernet adapter of 10 Gb/s or more (the
 * converged adapters DCB is for); 1 GbE adapters and InfiniBand have none (*unconfirmed* as a rule:
 * DCB support is a property of the adapter model).
 */
export function dcbCapable(nic: Nic): boolean {
  return nic.medium === 'Ethernet' && nic.speedGbps >= 10;
}

function qosAdapters(h: Host): AdapterView[] {
  return adaptersOf(h).filter((a) => a.nic && dcbCapable(a.nic));
}

const QOS_CLASS = 'MSFT_NetAdapterQosSettingData';
/** The list view pads names to 'OperationalClassifications'; multi-line values continue under the value column. */
const CONTINUE = `\n${' '.repeat('OperationalClassifications'.length + 3)}`;

function adapterQosRow(h: Host, a: AdapterView, many: boolean) {
  const nic = a.nic!;
  const d = dcbOf(h);
  const operational = d.featureInstalled && nic.dcbQos === true;
  const classes = classRows(d);
  const tcLines = ['TC TSA    Bandwidth Priorities', '-- ---    --------- ----------'].concat(
    classes.map(
      (c, i) =>
        `${String(i).padStart(2)} ${c.algorithm.padEnd(6)} ${(c.algorithm === 'ETS' ? `${c.bandwidthPercentage}%` : '').padEnd(9)} ${priorityRanges(c.priorities)}`,
    ),
  );
  const classification = ['Protocol  Port/Type Priority', '--------  --------- --------'].concat(
    d.policies.map((p) => {
      const protocol = p.template === 'Default' ? 'Default' : p.netDirectPort !== undefined ? 'NetDirect' : p.template ? 'TCP' : (p.ipProtocol ?? 'TCP');
      const port = p.template === 'Default' ? '' : String(p.netDirectPort ?? p.ipDstPort ?? TEMPLATE_PORTS[p.template!]);
      return `${protocol.padEnd(9)} ${port.padEnd(9)} ${p.priority}`;
    }),
  );
  return {
    Name: a.name,
    Enabled: nic.dcbQos === true,
    OperationalTrafficClasses: operational ? tcLines.join(CONTINUE) : '',
    OperationalFlowControl: operational ? (d.flowControl.length ? `Priority ${priorityRanges(d.flowControl)} Enabled` : 'All Priorities Disabled') : '',
    OperationalClassifications: operational && d.policies.length ? classification.join(CONTINUE) : '',
    ...(many ? { PSComputerName: h.name } : {}),
  };
}

export const getNetAdapterQos: CmdletDefinition = {
  signature: getNetAdapterQosSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    return { output: hosts.flatMap((h) => selectAdapters(h, params, qosAdapters(h), QOS_CLASS).map((a) => adapterQosRow(h, a, hosts.length > 1))) };
  },
};

function setAdapterQos(enabled: boolean): CmdletDefinition['run'] {
  return (ctx, params) => {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    const picked = hosts.map((h) => ({ h, adapters: selectAdapters(h, params, qosAdapters(h), QOS_CLASS) }));
    const output: unknown[] = [];
    for (const { h, adapters } of picked) {
      const flipped = adapters.filter((a) => (a.nic!.dcbQos === true) !== enabled);
      for (const a of flipped) {
        if (enabled) a.nic!.dcbQos = true;
        else delete a.nic!.dcbQos;
        ctx.log('Information', 'Microsoft-Windows-NDIS', `QoS (DCB) ${enabled ? 'enabled' : 'disabled'} on network adapter '${a.name}' of '${h.name}'.`);
      }
      if (enabled && flipped.length && !h.dcb?.featureInstalled)
        ctx.log(
          'Warning',
          DCB_SOURCE,
          `'${h.name}' does not have the Data Center Bridging feature: the adapters apply no traffic classes or PFC until it is installed.`,
        );
      if (flipped.length) changed(ctx, h);
      if (params.PassThru) output.push(...adapters.map((a) => adapterQosRow(h, a, hosts.length > 1)));
    }
    return { output };
  };
}

export const enableNetAdapterQos: CmdletDefinition = { signature: enableNetAdapterQosSignature, run: setAdapterQos(true) };
export const disableNetAdapterQos: CmdletDefinition = { signature: disableNetAdapterQosSignature, run: setAdapterQos(false) };
