// Free space, per destination volume: everything the move copies onto a volume must fit there
// together — two 60 GB disks do not fit in 100 GB free, although each would alone. Files moving
// within their own volume need nothing extra, and the space the sources free up counts only after
// the move (a storage move deletes the source last — Microsoft Learn, "Use live migration without Failover Clustering to move a virtual machine"; Ben Armstrong, "How does storage migration actually work?"), so it is not
// counted here. "There is not enough space on the disk. (0x80070070)" is Windows' own text; the
// sentence around it is unconfirmed.
import { formatBytes, formatBytesApart, type Precheck } from './context';
import { error, type Incompatibility } from './incompatibility';
import { chooseAnotherFolder } from './wizard-pages';

export const diskSpace: Precheck = ({ placement }) => {
  const out: Incompatibility[] = [];
  for (const v of placement.volumes) {
    if (v.requiredBytes <= v.freeBytes) continue;
    const parameters = new Set(
      placement.files
        .filter((f) => f.action === 'copy' && f.destination.ok && f.destination.at.computer === v.computer && f.destination.at.volume === v.volume)
        .map((f) => f.parameter),
    );
    const [needed, free] = formatBytesApart(v.requiredBytes, Math.max(0, v.freeBytes));
    out.push(
      error('disk-space', {
        message: `Not enough space on volume ${v.volume}: of ${v.computer} for the files being moved there (${needed} needed, ${free} free). There is not enough space on the disk. (0x80070070)`,
        source: `${v.computer} ${v.volume}:`,
        fix: `Choose a volume with at least ${formatBytes(v.requiredBytes)} free for ${v.files.join(', ')}, split the files over several volumes (-Vhds per disk), or free ${formatBytes(v.requiredBytes - v.freeBytes)} on ${v.computer} ${v.volume}:.`,
        guiFix: `${chooseAnotherFolder(parameters.size === 1 ? [...parameters][0] : undefined)} on a volume with at least ${formatBytes(v.requiredBytes)} free for ${v.files.join(', ')}; or give the files folders on different volumes (the option that moves the data to different locations); or free ${formatBytes(v.requiredBytes - v.freeBytes)} on ${v.computer} ${v.volume}:.`,
        parameter: parameters.size === 1 ? [...parameters][0] : undefined,
      }),
    );
  }
  return out;
};
