import { describe, expect, it } from 'vitest';
import { formatBytesApart } from '../../../engine/operations/prechecks/context';

describe('sizes a learner compares', () => {
  it('read differently when they differ', () => {
    const GiB = 1024 ** 3;
    expect(formatBytesApart(260 * GiB, 260 * GiB - 20 * 1024 ** 2)).toEqual(['260.00 GB', '259.98 GB']);
    expect(formatBytesApart(100 * GiB, 50 * GiB)).toEqual(['100.0 GB', '50.0 GB']);
    expect(formatBytesApart(GiB + 1, GiB)).toEqual(['1,073,741,825 bytes', '1,073,741,824 bytes']);
  });
});
