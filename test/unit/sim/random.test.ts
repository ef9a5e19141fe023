import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../engine/sim/random';

describe('createRandom (mulberry32)', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(xs);
  });

  it('matches the reference mulberry32 sequence', () => {
    // Reference values of mulberry32(1), first three outputs (t / 2^32).
    const r = createRandom(1);
    expect([r.next(), r.next(), r.next()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it('stays in range and is roughly uniform', () => {
    const r = createRandom(7);
    const buckets = new Array<number>(10).fill(0);
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      if (!(x >= 0 && x < 1)) outside++;
      else buckets[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    for (let i = 0; i < 1000; i++) {
      const k = r.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
      const v = r.range(-2, 3);
      expect(v >= -2 && v < 3).toBe(true);
    }
  });

  it('resumes from its state', () => {
    const r = createRandom(99);
    r.next();
    const s = r.state();
    const rest = [r.next(), r.next()];
    const again = createRandom(s);
    expect([again.next(), again.next()]).toEqual(rest);
  });

  it('rejects bad arguments', () => {
    const r = createRandom(1);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
    expect(() => r.int(0)).toThrow(RangeError);
    expect(() => r.int(1.5)).toThrow(RangeError);
    expect(() => r.range(2, 1)).toThrow(RangeError);
    expect(() => r.pick([])).toThrow(RangeError);
    expect(r.pick(['only'])).toBe('only');
  });
});
