// Words as a learner reads them in a check's "expected" and "found". Sizes and rates are
// engine/common/byte-size.ts (PowerShell's units, 1MB = 1024 × 1024 bytes, because that is how the
// learner typed them: Set-SmbBandwidthLimit -BytesPerSecond 750MB); durations engine/common/time-span.ts.

/** "a, b and c" */
export function listText(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)!}`;
}
