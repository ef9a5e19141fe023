import { describe, expect, it } from 'vitest';
import { dayAndTime, elapsedText, timeSpanText } from '../../../engine/common/time-span';

describe('timeSpanText (.NET TimeSpan, as Get-VM Uptime and Hyper-V Manager write it)', () => {
  it('writes hh:mm:ss below a day', () => {
    expect(timeSpanText(0)).toBe('00:00:00');
    expect(timeSpanText(999)).toBe('00:00:00');
    expect(timeSpanText(1000)).toBe('00:00:01');
    expect(timeSpanText(3_723_000)).toBe('01:02:03');
    expect(timeSpanText(86_399_999)).toBe('23:59:59');
  });

  it('puts the days in front from one day on', () => {
    expect(timeSpanText(86_400_000)).toBe('1.00:00:00');
    expect(timeSpanText(90_061_000)).toBe('1.01:01:01');
    expect(timeSpanText(400 * 86_400_000 + 5000)).toBe('400.00:00:05');
  });

  it('writes a negative span as zero, and nothing for a value that is not a number', () => {
    // The Virtual Machines list's copy wrote -1 s as "0-1:0-1:0-1".
    expect(timeSpanText(-1000)).toBe('00:00:00');
    expect(timeSpanText(-0.5)).toBe('00:00:00');
    expect(timeSpanText(Number.NaN)).toBe('');
    expect(timeSpanText(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('dayAndTime (checkpoint names: "Day 2 - 03:04:05")', () => {
  it('counts days from 1 and writes the time of day', () => {
    expect(dayAndTime(0)).toEqual({ day: 1, time: '00:00:00' });
    expect(dayAndTime(86_400_000 + 3 * 3_600_000 + 4 * 60_000 + 5_500)).toEqual({ day: 2, time: '03:04:05' });
    expect(dayAndTime(86_399_999)).toEqual({ day: 1, time: '23:59:59' });
  });
});

describe('elapsedText', () => {
  it('writes milliseconds below a second, hundredths of a second below 100 s, whole seconds above', () => {
    expect(elapsedText(4.25)).toBe('4.3 ms');
    expect(elapsedText(850)).toBe('850 ms');
    expect(elapsedText(12_500)).toBe('12.50 s');
    expect(elapsedText(142_400)).toBe('142 s');
  });
});
