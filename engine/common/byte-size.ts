// Byte counts and byte rates as a person reads them: binary units (1 KB = 1,024 bytes, as Windows
// labels sizes and as PowerShell's 1KB literal means), three significant digits with trailing zeros
// dropped ("1.5 GB", "12.3 MB", "750 MB", "612 bytes"). One writer for the lab checks' expected and
// found texts, the CLI's run report, the doors' file-size refusals, and the renderer's VM details,
// VM settings, folder picker and Jobs pane, so one size never reads two ways.
//
// A rate is the same size per second. Sizes and rates are never written in decimal units here: a
// limit set with Set-SmbBandwidthLimit -BytesPerSecond 750MB must read back as 750 MB/s wherever
// the moves it caps are shown. Link speeds, in bits, are another matter (Gb/s, decimal, as
// adapters report them): not here.

/** How the units are named: as Windows writes them (KB, MB) or by IEC 80000-13 (KiB, MiB). */
export type UnitNames = 'windows' | 'iec';

const NAMES: Record<UnitNames, readonly string[]> = {
  windows: ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'],
  iec: ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'],
};

/** 3 significant digits, trailing zeros dropped: 1.5, 12.3, 750, 0.99. */
function threeDigits(v: number): string {
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1).replace(/\.0$/, '');
  return v.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * `bytes` in the largest binary unit it reaches ("1.5 GB"); under 1 KB as whole bytes ("900
 * bytes"). A value that rounds up to 1,024 of a unit is written in the next ("1 MB", not "1024 KB").
 * A value that is not a finite number is written as nothing.
 */
export function byteSizeText(bytes: number, units: UnitNames = 'windows'): string {
  if (!Number.isFinite(bytes)) return '';
  const names = NAMES[units];
  let power = 0;
  while (power < names.length - 1 && Math.abs(bytes) >= 1024 ** (power + 1)) power++;
  if (power === 0) return `${Math.round(bytes)} bytes`;
  let text = threeDigits(bytes / 1024 ** power);
  if (Math.abs(Number(text)) >= 1024 && power < names.length - 1) text = threeDigits(bytes / 1024 ** ++power);
  return `${text} ${names[power]}`;
}

/** Bytes per second as a size per second: "750 MB/s", "1.25 GB/s". */
export function byteRateText(bytesPerSecond: number, units: UnitNames = 'windows'): string {
  const size = byteSizeText(bytesPerSecond, units);
  return size && `${size}/s`;
}

/**
 * Bytes per second in bits, as link speeds are read: "17.3 Gb/s", "4.24 Gb/s", "120 Gb/s", and
 * below a tenth of a gigabit "50 Mb/s" (at least 1 Mb/s, so a trickle never reads as nothing).
 * The Jobs pane's live migrations and the Networking pane's adapters both write rates this way.
 */
export function bitRateText(bytesPerSecond: number): string {
  const gbps = (bytesPerSecond * 8) / 1e9;
  if (gbps >= 100) return `${Math.round(gbps)} Gb/s`;
  if (gbps >= 0.1) return `${gbps.toFixed(gbps >= 10 ? 1 : 2)} Gb/s`;
  return `${Math.max(1, Math.round((bytesPerSecond * 8) / 1e6))} Mb/s`;
}
