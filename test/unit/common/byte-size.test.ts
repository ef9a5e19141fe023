import { describe, expect, it } from 'vitest';
import { bitRateText, byteRateText, byteSizeText } from '../../../engine/common/byte-size';

const KB = 1024;
const MB = 1024 ** 2;
const GB = 1024 ** 3;
const TB = 1024 ** 4;

describe('byteSizeText', () => {
  it('writes whole bytes under 1 KB', () => {
    expect(byteSizeText(0)).toBe('0 bytes');
    expect(byteSizeText(900)).toBe('900 bytes');
    expect(byteSizeText(1023)).toBe('1023 bytes');
    expect(byteSizeText(12.6)).toBe('13 bytes');
  });

  it('uses the largest binary unit reached, with three significant digits and no trailing zeros', () => {
    expect(byteSizeText(KB)).toBe('1 KB');
    expect(byteSizeText(1.5 * GB)).toBe('1.5 GB');
    expect(byteSizeText(1.25 * GB)).toBe('1.25 GB');
    expect(byteSizeText(12.34 * MB)).toBe('12.3 MB');
    expect(byteSizeText(40 * GB)).toBe('40 GB');
    expect(byteSizeText(127 * GB)).toBe('127 GB');
    expect(byteSizeText(750 * MB)).toBe('750 MB');
    expect(byteSizeText(3 * TB)).toBe('3 TB');
    expect(byteSizeText(2048 * TB)).toBe('2 PB');
  });

  it('carries into the next unit when rounding reaches 1,024', () => {
    // The renderer's two copies wrote 1,048,575 bytes as "1024 KB" and "1,024 KB".
    expect(byteSizeText(MB - 1)).toBe('1 MB');
    expect(byteSizeText(1023.4 * KB)).toBe('1023 KB');
    expect(byteSizeText(GB - 1)).toBe('1 GB');
  });

  it('keeps the sign of a negative count', () => {
    expect(byteSizeText(-1.5 * GB)).toBe('-1.5 GB');
    expect(byteSizeText(-12)).toBe('-12 bytes');
  });

  it('names IEC units when asked, and writes nothing for a non-number', () => {
    expect(byteSizeText(3 * GB, 'iec')).toBe('3 GiB');
    expect(byteSizeText(1.5 * MB, 'iec')).toBe('1.5 MiB');
    expect(byteSizeText(Number.NaN)).toBe('');
    expect(byteSizeText(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('byteRateText', () => {
  it('reads a PowerShell 750MB limit back as 750 MB/s', () => {
    expect(byteRateText(750 * MB)).toBe('750 MB/s');
    expect(byteRateText(2 * GB)).toBe('2 GB/s');
    expect(byteRateText(512 * KB)).toBe('512 KB/s');
    expect(byteRateText(Number.NaN)).toBe('');
  });
});

describe('one size, one text, in every pane', () => {
  it("the Jobs pane reads a storage move capped at Set-SmbBandwidthLimit's 750MB as 750 MB/s, like the Networking pane", async () => {
    // Before, the Jobs pane divided by 1,000,000: "786 MB/s" for a 750MB cap, above the limit shown beside it.
    const { rateText } = await import('../../../renderer/views/jobs/job-format');
    const { bandwidthText } = await import('../../../renderer/views/network/net-format');
    expect(rateText(750 * MB, 'StorageMove')).toBe('750 MB/s');
    expect(bandwidthText(750 * MB)).toBe('750 MB/s');
  });

  it('the lab checks and the Jobs pane write a rate alike', async () => {
    expect(byteRateText(1.5 * GB)).toBe('1.5 GB/s');
    const { rateText } = await import('../../../renderer/views/jobs/job-format');
    expect(rateText(1.5 * GB, 'StorageMove')).toBe('1.5 GB/s');
  });
});

describe('bitRateText', () => {
  it('writes rates in bits as link speeds are read, in Mb/s below a tenth of a gigabit', () => {
    expect(bitRateText(17.3e9 / 8)).toBe('17.3 Gb/s');
    expect(bitRateText(4.24e9 / 8)).toBe('4.24 Gb/s');
    expect(bitRateText(120e9 / 8)).toBe('120 Gb/s');
    expect(bitRateText(50e6 / 8)).toBe('50 Mb/s');
    expect(bitRateText(10)).toBe('1 Mb/s');
  });
});
