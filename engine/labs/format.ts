// Numbers as a learner reads them in a check's "expected" and "found". Sizes and rates use
// PowerShell's units (1MB = 1024 × 1024 bytes), because that is how the learner typed them
// (Set-SmbBandwidthLimit -BytesPerSecond 750MB).

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;

function trim(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1).replace(/\.0$/, '') : n.toFixed(2).replace(/\.?0+$/, '');
}

export function formatBytes(n: number): string {
  if (n >= GB) return `${trim(n / GB)} GB`;
  if (n >= MB) return `${trim(n / MB)} MB`;
  if (n >= KB) return `${trim(n / KB)} KB`;
  return `${Math.round(n)} bytes`;
}

export function formatRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatMs(ms: number): string {
  if (ms >= 100_000) return `${(ms / 1000).toFixed(0)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** "a, b and c" */
export function listText(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}`;
}
