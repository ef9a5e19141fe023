// VM files on SMB 3.0 shares (Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?" "Move only the virtual machine", Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499
// "SMB storage"): files a live move leaves in place must be reachable by the destination host,
// and every share the VM uses after the move must grant Full Control to the computer accounts of
// the Hyper-V hosts involved.
import type { Host, Share } from '../../model/world';
import { computerAccount, sameName, type Precheck } from './context';
import { error, type Incompatibility } from './incompatibility';
import { chooseAnotherFolder, WizardOption, WizardPage } from './wizard-pages';
import { isRegularShare, sameLocation } from './locate';

/**
 * In a live move every file that does not move ("Move only the virtual machine", or an item a
 * per-item move does not name) must be on an SMB share of a third computer: a local path names
 * the destination's own disk, and a share on either Hyper-V host is a loopback configuration
 * Microsoft does not support for Hyper-V over SMB — and would tie the VM to the host it left.
 * Text unconfirmed.
 */
export const filesReachable: Precheck = ({ vm, source, destination, live, placement }) => {
  if (!live) return [];
  const out: Incompatibility[] = [];
  for (const f of placement.files) {
    if (f.action !== 'stay') continue;
    const ok =
      f.source.ok &&
      f.destination.ok &&
      sameLocation(f.source.at, f.destination.at) &&
      isRegularShare(f.destination.at) &&
      !sameName(f.destination.at.computer, source.name) &&
      !sameName(f.destination.at.computer, destination.name);
    if (ok) continue;
    const vmOnly = placement.mode === 'VmOnly';
    out.push(
      error('not-on-shared-storage', {
        message: `The virtual machine '${vm.name}' cannot be moved to '${destination.name}' without its storage: '${f.sourcePath}' is not on shared storage that '${destination.name}' can reach.`,
        source: f.label,
        fix: vmOnly
          ? `"Move only the virtual machine" needs all of its files on an SMB 3.0 share of a file server such as \\\\FS01\\VMs. Move the storage with it (Move-VM '${vm.name}' ${destination.name} -IncludeStorage -DestinationStoragePath <folder on ${destination.name}>), or first move its storage to a share (Move-VMStorage '${vm.name}' -DestinationStoragePath \\\\<file server>\\<share>\\${vm.name}).`
          : `Name a destination for this item too (${paramFor(f.kind)}), or move it to an SMB 3.0 share of a file server first.`,
        guiFix: vmOnly
          ? `"${WizardOption.vmOnly}" needs all of its files on an SMB 3.0 share of a file server such as \\\\FS01\\VMs. Go back to "${WizardPage.moveOptions}" and choose "${WizardOption.vmSingle}", or first move its storage to a share ("Move the virtual machine's storage").`
          : `Go back to "${WizardPage.items}" and select '${f.label}' too, so that it gets a folder on ${destination.name}, or move it to an SMB 3.0 share of a file server first.`,
        parameter: vmOnly ? 'IncludeStorage' : undefined,
      }),
    );
  }
  return out;
};

function paramFor(kind: string): string {
  switch (kind) {
    case 'vhd':
      return '-Vhds';
    case 'configuration':
      return '-VirtualMachinePath';
    case 'checkpoint':
      return '-SnapshotFilePath';
    default:
      return '-SmartPagingFilePath';
  }
}

/**
 * Accounts that give a host's computer account Full Control on a share. The model has no group
 * membership beyond the obvious: Everyone, and Domain Computers of the host's domain.
 */
function grants(share: Share, host: Host): boolean {
  const accepted = [computerAccount(host), 'Everyone', `${host.domain}\\Domain Computers`];
  const named = (list: readonly string[] | undefined) => (list ?? []).some((a) => accepted.some((b) => sameName(a, b)));
  // A deny entry (New-SmbShare -NoAccess, Block-SmbShareAccess) wins over any grant (Microsoft Learn, "Block-SmbShareAccess").
  return !named(share.noAccess) && named(share.fullControl);
}

/**
 * Share permissions: Full Control for the computer account of each host involved (Microsoft Learn, "Set up hosts for live migration without Failover Clustering"; Savill, "Mastering Hyper-V 2012 R2", p. 499) — the VM's
 * host for a storage move; source and destination for a live move. Checked on every share a
 * file lands on or, in a live move, stays on, and on every share a location setting will point
 * at. Admin shares (D$) are the administrators' and are not checked. "General access denied
 * error (0x80070005)" is Windows' text; the sentence is modelled on Hyper-V's "User '...' failed
 * to create external configuration store at '...'" (unconfirmed).
 */
export const shareAccess: Precheck = ({ world, source, destination, live, placement }) => {
  const hosts = live ? [source, destination] : [source];
  const uses: { path: string; computer: string; share: string; parameter?: string }[] = [];
  for (const f of placement.files) {
    if (!live && f.action === 'stay') continue;
    if (f.destination.ok && isRegularShare(f.destination.at)) {
      uses.push({ path: f.destinationPath, computer: f.destination.at.computer, share: f.destination.at.share!, parameter: f.parameter });
    }
  }
  for (const r of placement.requestedPaths) {
    if (r.located.ok && isRegularShare(r.located.at))
      uses.push({ path: r.path, computer: r.located.at.computer, share: r.located.at.share!, parameter: r.parameter });
  }

  const out: Incompatibility[] = [];
  const reported = new Set<string>();
  for (const u of uses) {
    const server = world.hosts.find((h) => sameName(h.name, u.computer));
    const share = server?.shares.find((s) => sameName(s.name, u.share));
    if (!server || !share) continue;
    for (const h of hosts) {
      const key = `${server.name}|${share.name}|${h.name}`.toLowerCase();
      if (reported.has(key) || grants(share, h)) continue;
      reported.add(key);
      const account = computerAccount(h);
      out.push(
        error('share-access', {
          message: `User '${account}' failed to access '${u.path}': General access denied error (0x80070005).`,
          source: `\\\\${server.name}\\${share.name}`,
          fix: `Grant ${account} Full Control on the share and its folder: Grant-SmbShareAccess -Name ${share.name} -AccountName '${account}' -AccessRight Full -CimSession ${server.name} (and the same on the NTFS permissions of ${share.path}). Every Hyper-V host that runs the VM from the share needs it.`,
          guiFix: `On ${server.name}, give ${account} Full Control on the share '${share.name}' and on its folder ${share.path} (every Hyper-V host that runs the VM from the share needs it), or ${chooseAnotherFolder(u.parameter).replace(/^Go back/, 'go back')} that is not on this share.`,
          parameter: u.parameter,
        }),
      );
    }
  }
  return out;
};
