// Set-, Get- and Remove-SmbBandwidthLimit: an absolute cap per SMB traffic category on a computer
// (Microsoft Learn, "Set-SmbBandwidthLimit" and "Manage Data Center Bridging"). The 1 MB/s minimum is in the signature (ValidateRange).
// Collections are replaced, never changed in place: objects a schema default filled in may be
// shared between hosts (engine/model/world.ts defaults), and a change must stay on its host.
import type { Host } from '../model/world';
import type { CmdletDefinition } from './definition';
import { bandwidthCategories, getSmbBandwidthLimitSignature, removeSmbBandwidthLimitSignature, setSmbBandwidthLimitSignature } from './catalog/network';
import { stringList, targetHosts } from './targets';

type Category = (typeof bandwidthCategories)[number];

function categoriesOf(v: unknown): Category[] {
  const list = stringList(v as string[] | undefined) as Category[];
  return list.length ? list : [...bandwidthCategories];
}

function limitSummary(host: Host, category: Category, bytesPerSecond: number) {
  return { Category: category, BytesPerSecond: bytesPerSecond, PSComputerName: host.name };
}

export const setSmbBandwidthLimit: CmdletDefinition = {
  signature: setSmbBandwidthLimitSignature,
  run(ctx, params) {
    const category = params.Category as Category;
    const rate = params.BytesPerSecond as number;
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    let changed = false;
    for (const host of hosts) {
      if (host.smb.bandwidthLimits[category] === rate) continue;
      host.smb.bandwidthLimits = { ...host.smb.bandwidthLimits, [category]: rate };
      changed = true;
      ctx.log('Information', 'Microsoft-Windows-SMBClient', `SMB bandwidth limit for ${category} traffic on '${host.name}' set to ${rate} bytes per second.`);
      ctx.networkChanged(host.name);
    }
    if (changed) ctx.worldChanged();
    return {};
  },
};

export const getSmbBandwidthLimit: CmdletDefinition = {
  signature: getSmbBandwidthLimitSignature,
  run(ctx, params) {
    const categories = categoriesOf(params.Category);
    const output = targetHosts(ctx, params, 'CimSession', false).flatMap((host) =>
      categories.flatMap((c) => {
        const rate = host.smb.bandwidthLimits[c];
        return rate === undefined ? [] : [limitSummary(host, c, rate)];
      }),
    );
    return { output };
  },
};

/** Unconfirmed: without -Category every limit is removed. */
export const removeSmbBandwidthLimit: CmdletDefinition = {
  signature: removeSmbBandwidthLimitSignature,
  run(ctx, params) {
    const categories = categoriesOf(params.Category);
    const hosts = targetHosts(ctx, params, 'CimSession', false);
    let changed = false;
    for (const host of hosts) {
      const removed = categories.filter((c) => host.smb.bandwidthLimits[c] !== undefined);
      const limits = { ...host.smb.bandwidthLimits };
      for (const c of removed) {
        delete limits[c];
        ctx.log('Information', 'Microsoft-Windows-SMBClient', `SMB bandwidth limit for ${c} traffic removed on '${host.name}'.`);
      }
      if (removed.length) {
        host.smb.bandwidthLimits = limits;
        changed = true;
        ctx.networkChanged(host.name);
      }
    }
    if (changed) ctx.worldChanged();
    return {};
  },
};
