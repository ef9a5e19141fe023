import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../engine/sim/simulator';

describe('Simulator', () => {
  it('runs events in time order, whatever order they were scheduled in', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    sim.schedule(30, () => seen.push('c@30'));
    sim.schedule(10, () => seen.push('a@10'));
    sim.schedule(20, () => seen.push('b@20'));
    sim.runUntilIdle();
    expect(seen).toEqual(['a@10', 'b@20', 'c@30']);
    expect(sim.now).toBe(30);
  });

  it('runs same-instant events first-scheduled first (FIFO), also for events scheduled while running', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    for (let i = 0; i < 50; i++) sim.schedule(5, () => seen.push(i));
    sim.schedule(5, () => sim.schedule(5, () => seen.push(99)));
    sim.runUntilIdle();
    expect(seen).toEqual([...Array.from({ length: 50 }, (_, i) => i), 99]);
  });

  it('clamps an event scheduled in the past to now', () => {
    const sim = new Simulator(100);
    let at = -1;
    sim.schedule(50, () => (at = sim.now));
    sim.runUntilIdle();
    expect(at).toBe(100);
  });

  it('cancel removes an event, is idempotent, and ignores handles that already ran', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    const a = sim.schedule(1, () => seen.push('a'));
    const b = sim.schedule(2, () => seen.push('b'));
    sim.schedule(3, () => seen.push('c'));
    expect(sim.pending).toBe(3);
    sim.cancel(b);
    sim.cancel(b);
    expect(sim.pending).toBe(2);
    sim.advance(1);
    sim.cancel(a); // already ran
    expect(sim.pending).toBe(1);
    sim.runUntilIdle();
    expect(seen).toEqual(['a', 'c']);
    expect(sim.pending).toBe(0);
  });

  it('an event can cancel a later event at the same instant', () => {
    const sim = new Simulator();
    const seen: string[] = [];
    let h = -1;
    sim.schedule(5, () => {
      seen.push('first');
      sim.cancel(h);
    });
    h = sim.schedule(5, () => seen.push('second'));
    sim.runUntilIdle();
    expect(seen).toEqual(['first']);
  });

  it('advance runs events up to and including now + ms, then leaves the clock at now + ms', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    sim.schedule(10, () => seen.push(sim.now));
    sim.schedule(10.000001, () => seen.push(sim.now));
    sim.advance(10);
    expect(seen).toEqual([10]);
    expect(sim.now).toBe(10);
    sim.advance(0);
    expect(seen).toEqual([10]);
    sim.advance(5);
    expect(seen).toEqual([10, 10.000001]);
    expect(sim.now).toBe(15);
    expect(() => sim.advance(-1)).toThrow(RangeError);
    expect(() => sim.advance(Number.NaN)).toThrow(RangeError);
  });

  it('events scheduled during advance inside the window run in the same advance', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    sim.schedule(1, () => sim.schedule(4, () => seen.push(sim.now)));
    sim.schedule(1, () => sim.schedule(6, () => seen.push(sim.now)));
    sim.advance(5);
    expect(seen).toEqual([4]);
    sim.advance(5);
    expect(seen).toEqual([4, 6]);
  });

  it('nextEventAt skips cancelled events; runUntilIdle stops at its limit', () => {
    const sim = new Simulator();
    const h = sim.schedule(1, () => undefined);
    sim.schedule(7, () => undefined);
    sim.cancel(h);
    expect(sim.nextEventAt()).toBe(7);
    const loop = (): void => {
      sim.schedule(sim.now + 1, loop);
    };
    loop();
    sim.runUntilIdle(100);
    expect(sim.eventsRun).toBe(100);
    expect(sim.pending).toBe(1);
  });

  it('stays small and ordered when most events are cancelled (compaction)', () => {
    const sim = new Simulator();
    const seen: number[] = [];
    const handles: number[] = [];
    for (let i = 0; i < 1000; i++) handles.push(sim.schedule(1000 - i, () => seen.push(1000 - i)));
    for (let i = 0; i < 1000; i++) if (i % 10 !== 0) sim.cancel(handles[i]!);
    expect(sim.pending).toBe(100);
    sim.runUntilIdle();
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(100);
  });

  it('rejects non-finite times', () => {
    const sim = new Simulator();
    expect(() => sim.schedule(Number.NaN, () => undefined)).toThrow(RangeError);
    expect(() => sim.schedule(Infinity, () => undefined)).toThrow(RangeError);
  });
});
