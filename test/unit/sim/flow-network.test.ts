// Hand-computed cases for the flow network. Capacities are in units per second, sizes in bytes,
// simulated time in ms; every expected finish time is worked out in the comments.
import { describe, expect, it } from 'vitest';
import { Simulator } from '../../../engine/sim/simulator';
import { FlowNetwork, type Path } from '../../../engine/sim/flow-network';

function setup(resources: Record<string, number>): { sim: Simulator; net: FlowNetwork; done: Map<string, number> } {
  const sim = new Simulator();
  const net = new FlowNetwork(sim);
  for (const [id, cap] of Object.entries(resources)) net.addResource(id, cap);
  return { sim, net, done: new Map() };
}

function link(...ids: string[]): Path {
  return { uses: ids.map((resource) => ({ resource, perByte: 1 })) };
}

function start(ctx: ReturnType<typeof setup>, id: string, bytes: number, paths: Path[]): void {
  ctx.net.startTransfer({ id, bytes, paths, onComplete: (x) => ctx.done.set(x, ctx.sim.now) });
}

describe('FlowNetwork: hand-computed allocations and finish times', () => {
  it('one flow: finish = size / capacity', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'a', 1000, [link('L')]);
    expect(ctx.net.rate('a')).toBe(100);
    expect(ctx.net.usage('L')).toBe(100);
    ctx.sim.advance(2500);
    expect(ctx.net.bytesDone('a')).toBeCloseTo(250, 9);
    expect(ctx.net.remaining('a')).toBeCloseTo(750, 9);
    expect(ctx.net.completionAt('a')).toBeCloseTo(10_000, 9);
    ctx.sim.runUntilIdle();
    // 1000 B / 100 B/s = 10 s
    expect(ctx.done.get('a')).toBeCloseTo(10_000, 9);
    expect(ctx.net.isActive('a')).toBe(false);
    expect(ctx.net.usage('L')).toBe(0);
  });

  it('two flows share a link; the shorter ends and the other speeds up', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'short', 500, [link('L')]);
    start(ctx, 'long', 1500, [link('L')]);
    expect(ctx.net.rate('short')).toBe(50);
    expect(ctx.net.rate('long')).toBe(50);
    ctx.sim.runUntilIdle();
    // Both at 50 B/s: short ends at 500/50 = 10 s; long has 500 done, 1000 left at 100 B/s: +10 s = 20 s.
    expect(ctx.done.get('short')).toBeCloseTo(10_000, 9);
    expect(ctx.done.get('long')).toBeCloseTo(20_000, 9);
  });

  it('classic max-min: links A=10, B=20, C=30; flows {A}, {A,B}, {B,C} get 5, 5, 15', () => {
    const ctx = setup({ A: 10, B: 20, C: 30 });
    start(ctx, 'f1', 50, [link('A')]);
    start(ctx, 'f2', 100, [link('A', 'B')]);
    start(ctx, 'f3', 300, [link('B', 'C')]);
    // Filling: A saturates at level 5 (f1 + f2 = 10) → f1 = f2 = 5; f3 grows until B: 5 + f3 = 20 → f3 = 15 (C has room).
    expect(ctx.net.rate('f1')).toBeCloseTo(5, 12);
    expect(ctx.net.rate('f2')).toBeCloseTo(5, 12);
    expect(ctx.net.rate('f3')).toBeCloseTo(15, 12);
    expect(ctx.net.usage('B')).toBeCloseTo(20, 12);
    expect(ctx.net.usage('C')).toBeCloseTo(15, 12);
    ctx.sim.runUntilIdle();
    // t=10 s: f1 done (50/5). f2 has 50 done, f3 150. Now f2 and f3 share B (20) and A (10) holds only f2:
    // both reach 10 together (A: f2 = 10, B: 10 + 10 = 20). f2's 50 left → 5 s → t=15 s.
    // f3 has 150 + 50 = 200 done, 100 left, alone on B (20) and C (30) → 20 B/s → 5 s → t=20 s.
    expect(ctx.done.get('f1')).toBeCloseTo(10_000, 9);
    expect(ctx.done.get('f2')).toBeCloseTo(15_000, 9);
    expect(ctx.done.get('f3')).toBeCloseTo(20_000, 9);
  });

  it('the same three flows with C=12: f3 is held by C at 12 and B keeps 3 spare', () => {
    const ctx = setup({ A: 10, B: 20, C: 12 });
    start(ctx, 'f1', 50, [link('A')]);
    start(ctx, 'f2', 100, [link('A', 'B')]);
    start(ctx, 'f3', 300, [link('B', 'C')]);
    expect(ctx.net.pathRates('f1')).toEqual([5]);
    expect(ctx.net.rate('f3')).toBeCloseTo(12, 12);
    expect(ctx.net.usage('B')).toBeCloseTo(17, 12);
  });

  it('the worked example of docs/design.md: A=10 {p1, p2}, B=4 {p2, p3} give 8, 2, 2; when p3 leaves the levels settle in place to 6 and 4', () => {
    const ctx = setup({ A: 10, B: 4 });
    start(ctx, 'p1', 1e6, [link('A')]);
    start(ctx, 'p2', 1e6, [link('A', 'B')]);
    start(ctx, 'p3', 1e6, [link('B')]);
    expect(['p1', 'p2', 'p3'].map((id) => ctx.net.rate(id))).toEqual([8, 2, 2]);
    const settled = ctx.net.stats.settled;
    ctx.net.cancelTransfer('p3');
    // B keeps p2 alone: 4 / 1 = 4; A's crossing p2 went from 2 to 4, so A's level is (10 - 4) / 1 = 6.
    expect(['p1', 'p2'].map((id) => ctx.net.rate(id))).toEqual([6, 4]);
    expect(ctx.net.stats.settled).toBe(settled + 1);
  });

  it('weighted shares: weights 1 and 2 on a 90 B/s link get 30 and 60', () => {
    const ctx = setup({ L: 90 });
    start(ctx, 'w1', 300, [{ ...link('L'), weight: 1 }]);
    start(ctx, 'w2', 300, [{ ...link('L'), weight: 2 }]);
    expect(ctx.net.rate('w1')).toBeCloseTo(30, 12);
    expect(ctx.net.rate('w2')).toBeCloseTo(60, 12);
    ctx.sim.runUntilIdle();
    // w2: 300/60 = 5 s. w1 has 150 done at 5 s, 150 left at 90 → 5/3 s → 20/3 s.
    expect(ctx.done.get('w2')).toBeCloseTo(5_000, 9);
    expect(ctx.done.get('w1')).toBeCloseTo(20_000 / 3, 9);
  });

  it('perByte < 1 on the wire and a CPU in cycles/byte', () => {
    // A compressed stream: 0.5 wire bytes per byte, 10 CPU cycles per byte.
    const path: Path = {
      uses: [
        { resource: 'wire', perByte: 0.5 },
        { resource: 'cpu', perByte: 10 },
      ],
    };
    const ctx = setup({ wire: 100, cpu: 1000 });
    start(ctx, 'z', 1000, [path]);
    // wire allows 200 B/s, CPU allows 100 B/s → 100 B/s; wire carries 50, CPU burns 1000 cycles/s.
    expect(ctx.net.rate('z')).toBeCloseTo(100, 12);
    expect(ctx.net.usage('wire')).toBeCloseTo(50, 12);
    expect(ctx.net.usage('cpu')).toBeCloseTo(1000, 12);
    ctx.net.setCapacity('cpu', 4000);
    // Now the wire binds: 200 B/s, CPU 2000 cycles/s.
    expect(ctx.net.rate('z')).toBeCloseTo(200, 12);
    expect(ctx.net.usage('cpu')).toBeCloseTo(2000, 12);
    ctx.sim.runUntilIdle();
    expect(ctx.done.get('z')).toBeCloseTo(5_000, 9);
  });

  it('per-path maxRate caps a flow; the other takes the rest; the cap can be changed mid-flow', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'capped', 300, [{ ...link('L'), maxRate: 30 }]);
    start(ctx, 'free', 1400, [link('L')]);
    expect(ctx.net.rate('capped')).toBe(30);
    expect(ctx.net.rate('free')).toBeCloseTo(70, 12);
    ctx.sim.advance(5_000); // capped 150 done, free 350 done
    ctx.net.setPathMaxRate('capped', 0, undefined); // now 50 / 50
    expect(ctx.net.rate('capped')).toBeCloseTo(50, 12);
    ctx.sim.runUntilIdle();
    // capped: 150 left at 50 → t = 8 s. free: at 8 s has 350 + 150 = 500, 900 left at 100 → t = 17 s.
    expect(ctx.done.get('capped')).toBeCloseTo(8_000, 9);
    expect(ctx.done.get('free')).toBeCloseTo(17_000, 9);
  });

  it('a capacity drop mid-flow', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'a', 1000, [link('L')]);
    ctx.sim.advance(5_000);
    ctx.net.setCapacity('L', 50);
    ctx.sim.runUntilIdle();
    // 500 done at 5 s, 500 left at 50 → +10 s = 15 s.
    expect(ctx.done.get('a')).toBeCloseTo(15_000, 9);
  });

  it('a capacity going to 0 stalls the flow until it returns', () => {
    const ctx = setup({ L: 100, other: 10 });
    start(ctx, 'a', 1000, [link('L')]);
    start(ctx, 'b', 100, [link('other')]);
    ctx.sim.advance(5_000);
    ctx.net.setCapacity('L', 0);
    expect(ctx.net.rate('a')).toBe(0);
    expect(ctx.net.completionAt('a')).toBe(Infinity);
    ctx.sim.advance(1_000);
    expect(ctx.net.bytesDone('a')).toBeCloseTo(500, 9);
    ctx.sim.advance(2_000); // t = 8 s
    ctx.net.setCapacity('L', 100);
    expect(ctx.net.rate('a')).toBe(100);
    ctx.sim.runUntilIdle();
    // 500 before the outage, 500 after it from 8 s → 13 s. b was never disturbed: 100/10 = 10 s.
    expect(ctx.done.get('a')).toBeCloseTo(13_000, 9);
    expect(ctx.done.get('b')).toBeCloseTo(10_000, 9);
  });

  it('a multipath transfer keeps its bytes when a path is removed and finishes on the survivor', () => {
    const ctx = setup({ nic1: 100, nic2: 100 });
    start(ctx, 'smb', 1000, [link('nic1'), link('nic2')]);
    expect(ctx.net.pathRates('smb')).toEqual([100, 100]);
    expect(ctx.net.rate('smb')).toBe(200);
    ctx.sim.advance(2_000);
    expect(ctx.net.bytesDone('smb')).toBeCloseTo(400, 9);
    ctx.net.setPaths('smb', [link('nic1')]); // cable pulled on nic2
    expect(ctx.net.bytesDone('smb')).toBeCloseTo(400, 9);
    expect(ctx.net.pathRates('smb')).toEqual([100]);
    expect(ctx.net.usage('nic2')).toBe(0);
    ctx.sim.runUntilIdle();
    // 600 left at 100 → 2 + 6 = 8 s.
    expect(ctx.done.get('smb')).toBeCloseTo(8_000, 9);
  });

  it('setPaths([]) stalls a transfer; new paths resume it', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'a', 1000, [link('L')]);
    ctx.sim.advance(1_000);
    ctx.net.setPaths('a', []);
    expect(ctx.net.rate('a')).toBe(0);
    ctx.sim.advance(10_000);
    expect(ctx.net.bytesDone('a')).toBeCloseTo(100, 9);
    ctx.net.setPaths('a', [link('L')]);
    ctx.sim.runUntilIdle();
    // 100 done by 1 s, stalled until 11 s, 900 left at 100 → 20 s.
    expect(ctx.done.get('a')).toBeCloseTo(20_000, 9);
  });

  it('cancel returns the bytes done, calls no onComplete, and frees the share', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'a', 1000, [link('L')]);
    start(ctx, 'b', 1000, [link('L')]);
    ctx.sim.advance(2_000);
    expect(ctx.net.cancelTransfer('a').bytesDone).toBeCloseTo(100, 9);
    expect(ctx.net.isActive('a')).toBe(false);
    expect(ctx.net.activeTransfers()).toEqual(['b']);
    ctx.sim.runUntilIdle();
    // b: 100 done at 2 s, 900 left at 100 → 11 s.
    expect(ctx.done.has('a')).toBe(false);
    expect(ctx.done.get('b')).toBeCloseTo(11_000, 9);
  });

  it('a zero-byte transfer completes at now, in an event (not inside startTransfer)', () => {
    const ctx = setup({ L: 100 });
    ctx.sim.advance(3_000);
    start(ctx, 'empty', 0, [link('L')]);
    expect(ctx.done.has('empty')).toBe(false);
    expect(ctx.net.isActive('empty')).toBe(true);
    ctx.sim.advance(0);
    expect(ctx.done.get('empty')).toBe(3_000);
    expect(ctx.net.isActive('empty')).toBe(false);
  });

  it('transfers ending at the same instant complete in one event, in start order', () => {
    const ctx = setup({ L: 100 });
    const order: string[] = [];
    for (const id of ['x', 'y', 'z']) ctx.net.startTransfer({ id, bytes: 100, paths: [link('L')], onComplete: (i) => order.push(i) });
    ctx.sim.runUntilIdle();
    expect(order).toEqual(['x', 'y', 'z']);
    expect(ctx.sim.now).toBeCloseTo(3_000, 9);
  });

  it('changes at one instant cost one recompute; reads right after a change are correct', () => {
    const ctx = setup({ L: 100 });
    const before = ctx.net.stats.recomputes;
    for (let i = 0; i < 10; i++) start(ctx, `t${i}`, 1000, [link('L')]);
    ctx.net.setCapacity('L', 200);
    ctx.sim.advance(0);
    expect(ctx.net.stats.recomputes - before).toBe(1);
    expect(ctx.net.rate('t3')).toBeCloseTo(20, 12);
    start(ctx, 'late', 1000, [link('L')]);
    expect(ctx.net.rate('t3')).toBeCloseTo(200 / 11, 12); // the read recomputes at once
    expect(ctx.net.stats.recomputes - before).toBe(2);
  });

  it('recomputes only the component a change touches', () => {
    const ctx = setup({ A: 100, B: 100, C: 100 });
    for (let i = 0; i < 5; i++) start(ctx, `a${i}`, 1e6, [link('A', 'B')]);
    for (let i = 0; i < 7; i++) start(ctx, `c${i}`, 1e6, [link('C')]);
    ctx.sim.advance(0);
    const touched = ctx.net.stats.flowsTouched;
    start(ctx, 'c-new', 1e6, [link('C')]);
    ctx.sim.advance(0);
    // Only C's 7 flows and the new one can change; A/B's 5 are another component.
    expect(ctx.net.stats.flowsTouched - touched).toBeLessThanOrEqual(8);
    expect(ctx.net.rate('a0')).toBeCloseTo(20, 12);
    expect(ctx.net.rate('c0')).toBeCloseTo(12.5, 12);
  });

  it('a path with no resource runs at its maxRate; multipath completion instants are exact', () => {
    const ctx = setup({ L: 100 });
    start(ctx, 'delay', 500, [{ uses: [], maxRate: 50 }]);
    start(ctx, 'mix', 900, [link('L'), { uses: [], maxRate: 50 }]);
    expect(ctx.net.rate('delay')).toBe(50);
    expect(ctx.net.pathRates('mix')).toEqual([100, 50]);
    // mix: 150 B/s → 6 s; delay: 500 / 50 = 10 s.
    expect(ctx.net.completionAt('mix')).toBeCloseTo(6_000, 9);
    ctx.net.setPaths('mix', [{ uses: [], maxRate: 50 }]); // now 50 B/s, 900 left → 18 s
    expect(ctx.net.completionAt('mix')).toBeCloseTo(18_000, 9);
    ctx.sim.runUntilIdle();
    expect(ctx.done.get('delay')).toBeCloseTo(10_000, 9);
    expect(ctx.done.get('mix')).toBeCloseTo(18_000, 9);
  });

  it('switches a transfer between one and several paths and back, keeping its bytes', () => {
    const ctx = setup({ A: 100, B: 100 });
    start(ctx, 't', 2000, [link('A')]);
    ctx.sim.advance(2_000); // 200 done
    ctx.net.setPaths('t', [link('A'), link('B')]);
    ctx.sim.advance(2_000); // +400 → 600
    expect(ctx.net.bytesDone('t')).toBeCloseTo(600, 9);
    ctx.net.setPaths('t', [link('B')]);
    ctx.sim.advance(1_000); // +100 → 700
    expect(ctx.net.bytesDone('t')).toBeCloseTo(700, 9);
    ctx.sim.runUntilIdle();
    // 1300 left at 100 B/s from 5 s → 18 s.
    expect(ctx.done.get('t')).toBeCloseTo(18_000, 9);
  });

  it('splits a component when the flow joining two parts goes away', () => {
    const ctx = setup({ A: 100, B: 100 });
    start(ctx, 'bridge', 1e6, [link('A', 'B')]);
    for (let i = 0; i < 4; i++) start(ctx, `a${i}`, 1e6, [link('A')]);
    for (let i = 0; i < 2; i++) start(ctx, `b${i}`, 1e6, [link('B')]);
    ctx.sim.advance(1000);
    ctx.net.cancelTransfer('bridge');
    ctx.sim.advance(0);
    const touched = ctx.net.stats.flowsTouched;
    ctx.net.cancelTransfer('a0');
    ctx.sim.advance(0);
    // Only the three remaining flows on A are re-filled; B's two (at a higher level, 50) are now
    // another component.
    expect(ctx.net.stats.flowsTouched - touched).toBe(3);
    expect(ctx.net.rate('a1')).toBeCloseTo(100 / 3, 12);
    expect(ctx.net.rate('b1')).toBeCloseTo(50, 12);
  });

  it('moves a path to a group that fell below its own and settles the rest around it, without a refill', () => {
    // A = 10, B = 12. f1 on A, f2 on A and B, f3 on B: A's level is 5 (f1, f2), B's 7 (f3; f2
    // crosses it at 5). f4 joins B: with f2 still on A, B would fall to (12 − 5) / 2 = 3.5 < 5, so
    // f2 moves to B: B = 12 / 3 = 4 (f2, f3, f4) and A = 10 − 4 = 6 for f1.
    const ctx = setup({ A: 10, B: 12 });
    start(ctx, 'f1', 1e6, [link('A')]);
    start(ctx, 'f2', 1e6, [link('A', 'B')]);
    start(ctx, 'f3', 1e6, [link('B')]);
    ctx.sim.advance(1_000);
    expect([ctx.net.rate('f1'), ctx.net.rate('f2'), ctx.net.rate('f3')]).toEqual([5, 5, 7]);
    const stats = ctx.net.stats;
    const [settled, moved] = [stats.settled, stats.pathsMoved];
    start(ctx, 'f4', 1e6, [link('B')]);
    ctx.sim.advance(0);
    expect(stats.pathsMoved - moved).toBe(1);
    expect(stats.settled - settled).toBe(1);
    for (const [id, rate] of [
      ['f1', 6],
      ['f2', 4],
      ['f3', 4],
      ['f4', 4],
    ] as const)
      expect(ctx.net.rate(id)).toBeCloseTo(rate, 12);
    ctx.net.verifyStructure();
    ctx.sim.advance(1_000); // f2: 5 bytes in the first second, 4 in the second
    expect(ctx.net.bytesDone('f2')).toBeCloseTo(9, 12);
    // f4 leaves: B alone would give f2 and f3 6, above A's 10 − 6 = 4 for f1, so f2 moves back to A
    // (the group it now crosses fell below it): A = 5 (f1, f2), B = 12 − 5 = 7 for f3.
    ctx.net.cancelTransfer('f4');
    ctx.sim.advance(0);
    expect(stats.pathsMoved - moved).toBe(2);
    expect(stats.settled - settled).toBe(2);
    for (const [id, rate] of [
      ['f1', 5],
      ['f2', 5],
      ['f3', 7],
    ] as const)
      expect(ctx.net.rate(id)).toBeCloseTo(rate, 12);
    ctx.net.verifyStructure();
    ctx.sim.advance(1_000);
    expect(ctx.net.bytesDone('f2')).toBeCloseTo(14, 12);
  });

  it('a capped path on a shared link joins the others when the link falls below its cap', () => {
    // A = 433, B = 253. a over A and B gets 253 (B). b has two paths on A: p0 (perByte 0.25 twice,
    // so 0.5 per byte) and p1 capped at 76: 1·λ + 0.5λ + 76 = 433 → λ = 238 < 253, so a moves to A.
    // c (perByte 3): 4.5λ + 76 = 433 → λ = 79.33…, b.p1 still capped. d (perByte 0.25):
    // 4.75λ + 76 = 433 would give 75.16 < 76, so b.p1 is no longer held by its cap:
    // 5.75λ = 433 → λ = 75.30…, and b.p1 runs at it too.
    const ctx = setup({ A: 433, B: 253 });
    start(ctx, 'a', 1e9, [link('A', 'B')]);
    expect(ctx.net.rate('a')).toBeCloseTo(253, 9);
    start(ctx, 'b', 1e9, [
      {
        uses: [
          { resource: 'A', perByte: 0.25 },
          { resource: 'A', perByte: 0.25 },
        ],
      },
      { uses: [{ resource: 'A', perByte: 1 }], maxRate: 76 },
    ]);
    expect(ctx.net.rate('a')).toBeCloseTo(238, 9);
    expect(ctx.net.pathRates('b')).toEqual([expect.closeTo(238, 9), expect.closeTo(76, 9)]);
    start(ctx, 'c', 1e9, [{ uses: [{ resource: 'A', perByte: 3 }] }]);
    expect(ctx.net.rate('c')).toBeCloseTo(357 / 4.5, 9);
    start(ctx, 'd', 1e9, [{ uses: [{ resource: 'A', perByte: 0.25 }] }]);
    expect(ctx.net.rate('a')).toBeCloseTo(433 / 5.75, 9);
    expect(ctx.net.pathRates('b')).toEqual([expect.closeTo(433 / 5.75, 9), expect.closeTo(433 / 5.75, 9)]);
    expect(ctx.net.usage('A')).toBeCloseTo(433, 9);
  });

  it('a resource with perByte 0 does not limit a path but its outage stalls it', () => {
    const ctx = setup({ L: 100, lic: 1 });
    start(ctx, 'a', 1000, [
      {
        uses: [
          { resource: 'L', perByte: 1 },
          { resource: 'lic', perByte: 0 },
        ],
      },
    ]);
    expect(ctx.net.rate('a')).toBe(100);
    ctx.net.setCapacity('lic', 0);
    expect(ctx.net.rate('a')).toBe(0);
    ctx.net.setCapacity('lic', 1);
    expect(ctx.net.rate('a')).toBe(100);
  });
});

describe('FlowNetwork: errors', () => {
  it('rejects bad resources', () => {
    const { net } = setup({ L: 1 });
    expect(() => net.addResource('L', 5)).toThrow(/duplicate resource "L"/);
    expect(() => net.addResource('M', -1)).toThrow(/capacity/);
    expect(() => net.addResource('N', Number.NaN)).toThrow(/capacity/);
    expect(() => net.setCapacity('nope', 1)).toThrow(/unknown resource "nope"/);
    expect(() => net.capacity('nope')).toThrow(/unknown resource/);
    expect(() => net.ensureResource('M', -1)).toThrow(/ensureResource\("M"\): capacity must be a finite number/);
    expect(() => net.ensureResource('', 1)).toThrow(/non-empty string/);
    expect(net.hasResource('M')).toBe(false);
  });

  it('ensureResource adds a resource once and afterwards only sets its capacity', () => {
    const ctx = setup({ L: 100 });
    ctx.net.ensureResource('M', 50);
    expect(ctx.net.resources()).toEqual(['L', 'M']);
    start(ctx, 'a', 1e6, [link('L', 'M')]);
    expect(ctx.net.rate('a')).toBe(50);
    ctx.net.ensureResource('M', 50); // unchanged: nothing to recompute
    ctx.net.ensureResource('M', 80);
    expect(ctx.net.resources()).toEqual(['L', 'M']);
    expect(ctx.net.capacity('M')).toBe(80);
    expect(ctx.net.rate('a')).toBe(80);
  });

  it('rejects bad transfers with a clear message', () => {
    const { net } = setup({ L: 1 });
    net.startTransfer({ id: 'a', bytes: 1, paths: [link('L')] });
    expect(() => net.startTransfer({ id: 'a', bytes: 1, paths: [link('L')] })).toThrow(/duplicate transfer id/);
    expect(() => net.startTransfer({ id: 'b', bytes: 1, paths: [link('X')] })).toThrow(/path 0: unknown resource "X"/);
    expect(() => net.startTransfer({ id: 'b', bytes: -1, paths: [link('L')] })).toThrow(/bytes must be/);
    expect(() => net.startTransfer({ id: 'b', bytes: Number.NaN, paths: [link('L')] })).toThrow(/bytes must be/);
    expect(() => net.startTransfer({ id: 'b', bytes: 1, paths: [] })).toThrow(/at least one path/);
    expect(() => net.startTransfer({ id: 'b', bytes: 1, paths: [{ ...link('L'), weight: 0 }] })).toThrow(/weight/);
    expect(() => net.startTransfer({ id: 'b', bytes: 1, paths: [{ uses: [] }] })).toThrow(/unbounded/);
    expect(() => net.startTransfer({ id: 'b', bytes: 1, paths: [{ uses: [{ resource: 'L', perByte: -1 }] }] })).toThrow(/perByte/);
    expect(net.isActive('b')).toBe(false);
    expect(() => net.cancelTransfer('zzz')).toThrow(/unknown or finished transfer "zzz"/);
    expect(() => net.setPathMaxRate('a', 3, 1)).toThrow(/no path 3/);
    expect(() => net.setPathMaxRate('a', 0, -5)).toThrow(/maxRate/);
  });
});
