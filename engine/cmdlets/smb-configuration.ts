// Get-/Set-SmbClientConfiguration and Get-/Set-SmbServerConfiguration. The settings the
// Multichannel planner reads (engine/net/multichannel-planner.ts) are the world's: EnableMultiChannel
// at either end, the connections per RSS interface and per server. A change re-plans the SMB
// transfers crossing the computer at once (ctx.networkChanged): the lab does not model the delay
// before a running session notices (Update-SmbMultichannelConnection forces the same re-plan).
// The other properties are printed with 2012 R2's defaults (Microsoft Learn,
// "Get-SmbClientConfiguration" and "Get-SmbServerConfiguration" examples; "Performance tuning for
// file servers" for the connection counts).
import { serverMultichannelEnabled, type Host } from '../model/world';
import type { CmdletContext, CmdletDefinition } from './definition';
import type { BoundParams } from './signature';
import {
  getSmbClientConfigurationSignature,
  getSmbServerConfigurationSignature,
  setSmbClientConfigurationSignature,
  setSmbServerConfigurationSignature,
} from './catalog/smb';
import { targetHosts } from './targets';

/** What Get-SmbClientConfiguration prints, in its order; the modelled values come from the world. */
export function smbClientConfiguration(h: Host) {
  return {
    ConnectionCountPerRssNetworkInterface: h.smb.connectionsPerRssInterface,
    DirectoryCacheEntriesMax: 16,
    DirectoryCacheEntrySizeMax: 65536,
    DirectoryCacheLifetime: 10,
    DormantFileLimit: 1023,
    EnableBandwidthThrottling: true,
    EnableByteRangeLockingOnReadOnlyFiles: true,
    EnableLargeMtu: true,
    EnableMultiChannel: h.smb.multichannelEnabled,
    EnableSecuritySignature: true,
    ExtendedSessionTimeout: 1000,
    FileInfoCacheEntriesMax: 64,
    FileInfoCacheLifetime: 10,
    FileNotFoundCacheEntriesMax: 128,
    FileNotFoundCacheLifetime: 5,
    KeepConn: 600,
    MaxCmds: 50,
    MaximumConnectionCountPerServer: h.smb.maximumConnectionCountPerServer,
    OplocksDisabled: false,
    RequireSecuritySignature: false,
    SessionTimeout: 60,
    UseOpportunisticLocking: true,
    WindowSizeThreshold: 8,
  };
}

/** What Get-SmbServerConfiguration prints, in its order. */
export function smbServerConfiguration(h: Host) {
  return {
    AnnounceComment: '',
    AnnounceServer: false,
    AsynchronousCredits: 64,
    AutoDisconnectTimeout: 15,
    AutoShareServer: true,
    AutoShareWorkstation: true,
    CachedOpenLimit: 10,
    DurableHandleV2TimeoutInSeconds: 180,
    EnableAuthenticateUserSharing: false,
    EnableDownlevelTimewarp: false,
    EnableForcedLogoff: true,
    EnableLeasing: true,
    EnableMultiChannel: serverMultichannelEnabled(h),
    EnableOplocks: true,
    EnableSecuritySignature: false,
    EnableSMB1Protocol: true,
    EnableSMB2Protocol: true,
    EnableStrictNameChecking: true,
    // Server-wide EncryptData is not modelled (so never set): per-share EncryptData is (New-SmbShare -EncryptData).
    EncryptData: false,
    IrpStackSize: 15,
    KeepAliveTime: 2,
    MaxChannelPerSession: 32,
    MaxMpxCount: 50,
    MaxSessionPerConnection: 16384,
    MaxThreadsPerQueue: 20,
    MaxWorkItems: 1,
    NullSessionPipes: '',
    NullSessionShares: '',
    OplockBreakWait: 35,
    PendingClientTimeoutInSeconds: 120,
    RejectUnencryptedAccess: true,
    RequireSecuritySignature: false,
    ServerHidden: true,
    Smb2CreditsMax: 2048,
    Smb2CreditsMin: 128,
    SmbServerNameHardeningLevel: 0,
    TreatHostAsStableStorage: false,
    ValidateAliasNotCircular: true,
    ValidateShareScope: true,
    ValidateShareScopeNotAliased: true,
    ValidateTargetName: true,
  };
}

function withComputer<T extends object>(row: T, h: Host, many: boolean): T {
  return many ? { ...row, PSComputerName: h.name } : row;
}

export const getSmbClientConfiguration: CmdletDefinition = {
  signature: getSmbClientConfigurationSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    return { output: hosts.map((h) => withComputer(smbClientConfiguration(h), h, hosts.length > 1)) };
  },
};

export const getSmbServerConfiguration: CmdletDefinition = {
  signature: getSmbServerConfigurationSignature,
  run(ctx, params) {
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    return { output: hosts.map((h) => withComputer(smbServerConfiguration(h), h, hosts.length > 1)) };
  },
};

/** Applies each change on every target computer, logs what changed and re-plans its SMB transfers. */
function applyOnHosts(ctx: CmdletContext, params: BoundParams, role: 'client' | 'server', changes: [string, (h: Host) => boolean][]): void {
  const hosts = targetHosts(ctx, params, 'CimSession', false);
  let any = false;
  for (const h of hosts) {
    const changed = changes.filter(([, apply]) => apply(h)).map(([what]) => what);
    if (changed.length === 0) continue;
    any = true;
    ctx.log(
      'Information',
      `Microsoft-Windows-SMB${role === 'client' ? 'Client' : 'Server'}`,
      `SMB ${role} configuration of '${h.name}' changed: ${changed.join(', ')}.`,
    );
    ctx.networkChanged(h.name);
  }
  if (any) ctx.worldChanged();
}

/** A change to one setting: applied only when the parameter is given and differs. */
function setting<T>(params: BoundParams, parameter: string, read: (h: Host) => T, write: (h: Host, v: T) => void): [string, (h: Host) => boolean] {
  const value = params[parameter] as T | undefined;
  return [
    `${parameter} = ${String(value)}`,
    (h) => {
      if (value === undefined || read(h) === value) return false;
      write(h, value);
      return true;
    },
  ];
}

export const setSmbClientConfiguration: CmdletDefinition = {
  signature: setSmbClientConfigurationSignature,
  run(ctx, params) {
    applyOnHosts(ctx, params, 'client', [
      setting<boolean>(
        params,
        'EnableMultiChannel',
        (h) => h.smb.multichannelEnabled,
        (h, v) => (h.smb.multichannelEnabled = v),
      ),
      setting<number>(
        params,
        'ConnectionCountPerRssNetworkInterface',
        (h) => h.smb.connectionsPerRssInterface,
        (h, v) => (h.smb.connectionsPerRssInterface = v),
      ),
      setting<number>(
        params,
        'MaximumConnectionCountPerServer',
        (h) => h.smb.maximumConnectionCountPerServer,
        (h, v) => (h.smb.maximumConnectionCountPerServer = v),
      ),
    ]);
    return {};
  },
};

export const setSmbServerConfiguration: CmdletDefinition = {
  signature: setSmbServerConfigurationSignature,
  run(ctx, params) {
    applyOnHosts(ctx, params, 'server', [
      setting<boolean>(
        params,
        'EnableMultiChannel',
        (h) => serverMultichannelEnabled(h),
        (h, v) => (h.smbServer = { ...h.smbServer, multichannelEnabled: v }),
      ),
    ]);
    return {};
  },
};
