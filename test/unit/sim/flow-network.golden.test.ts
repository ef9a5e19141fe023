// Golden results: the flow network's finish times, rates and usage, to the bit, on the fixtures,
// generated workloads and random scenarios that use every call of its API. The property test checks
// the allocation against a reference within a tolerance; this one pins the exact floating-point
// results, so a restructuring of the solver (docs/design.md, "The max-min solver") that changes
// any operation's order shows here. If a change is meant to alter results, say so in its commit
// and update the digests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulator } from '../../../engine/sim/simulator';
import { FlowNetwork } from '../../../engine/sim/flow-network';
import { generateFlowSet, parseFlowFile, runFlowSet, type FlowRunResult } from '../../../engine/sim/flow-file';
import { scenarioArb, type Scenario } from './support/flow-scenarios';

/** The IEEE-754 bits of a double, in hex: equal strings mean equal to the bit. */
function bits(x: number): string {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x);
  return v.getBigUint64(0).toString(16);
}

function digest(lines: string[]): string {
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

function finishLines(r: FlowRunResult): string[] {
  return [...r.finishes.map((f) => `${f.id} ${bits(f.finishS)}`), `stats ${r.events} ${r.recomputes} ${r.flowsTouched} ${r.settled} ${r.pathsMoved}`];
}

/** Runs a scenario and records every completion, cancel, and the rates, bytes and usage after each change. */
function scenarioLines(s: Scenario): string[] {
  const sim = new Simulator();
  const net = new FlowNetwork(sim);
  s.caps.forEach((c, r) => net.addResource(`r${r}`, c));
  const lines: string[] = [];
  const snapshot = (why: string): void => {
    const parts = [`@${bits(sim.now)} ${why}`];
    for (let r = 0; r < s.caps.length; r++) parts.push(bits(net.usage(`r${r}`)));
    for (const id of net.activeTransfers()) {
      parts.push(
        `${id}:${net.pathRates(id).map(bits).join(',')}/${bits(net.rate(id))}/${bits(net.bytesDone(id))}/${bits(net.remaining(id))}/${bits(net.completionAt(id))}`,
      );
    }
    lines.push(parts.join(' '));
  };
  const paths = new Map(s.transfers.map((t) => [t.id, [...t.paths]]));
  for (const t of s.transfers) {
    sim.schedule(t.at, () => {
      net.startTransfer({ id: t.id, bytes: t.bytes, paths: t.paths, onComplete: (id) => lines.push(`done ${id} ${bits(sim.now)}`) });
      snapshot(`start ${t.id}`);
    });
  }
  for (const a of s.actions) {
    sim.schedule(a.at, () => {
      if (a.kind === 'cap') net.setCapacity(`r${a.res}`, a.cap);
      else {
        const id = s.transfers[a.t % s.transfers.length]!.id;
        if (!net.isActive(id)) return;
        const ps = paths.get(id)!;
        if (a.kind === 'cancel') lines.push(`cancel ${id} ${bits(net.cancelTransfer(id).bytesDone)}`);
        else if (a.kind === 'drop') {
          if (ps.length < 2) return;
          paths.set(id, ps.slice(1));
          net.setPaths(id, ps.slice(1));
        } else net.setPathMaxRate(id, 0, a.max);
      }
      snapshot(a.kind);
    });
  }
  for (let at = 125; at <= 30_000; at += 1000) sim.schedule(at, () => snapshot('tick'));
  sim.runUntilIdle(100_000);
  lines.push(`stats ${JSON.stringify(net.stats)} ${bits(sim.now)}`);
  return lines;
}

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/flows/${name}`, import.meta.url)), 'utf8');

describe('FlowNetwork golden results (to the bit)', () => {
  it('finishes the fixtures at their exact hand-checked instants', () => {
    expect(runFlowSet(parseFlowFile(fixture('shared-link.txt'))).finishes).toEqual([
      { id: 'a', finishS: 10 },
      { id: 'b', finishS: 20 },
      { id: 'c', finishS: 4 },
    ]);
    expect(runFlowSet(parseFlowFile(fixture('three-links.txt'))).finishes).toEqual([
      { id: 'f1', finishS: 10 },
      { id: 'f2', finishS: 15 },
      { id: 'f3', finishS: 20 },
      { id: 'f4', finishS: 14 },
    ]);
  });

  it.each([
    [8, 200, 9, 'db08d467fc835e81'],
    [24, 600, 11, '4f70e1aad2730183'],
    [96, 2000, 9, '909f5a5594458fbd'],
  ] as const)('finishes generated workload %ix%i (seed %i) at the same instants and with the same recomputes', (hosts, flows, seed, expected) => {
    expect(digest(finishLines(runFlowSet(generateFlowSet({ hosts, flows, seed }))))).toBe(expected);
  });

  it('gives the same rates, bytes, usage and finishes on 150 random scenarios (caps, outages, cancels, weights, several paths)', () => {
    const lines = fc.sample(scenarioArb, { seed: 20261207, numRuns: 150 }).flatMap((s, i) => [`## ${i}`, ...scenarioLines(s)]);
    expect(digest(lines)).toBe('84049b2dfd0f3f61');
  });
});
