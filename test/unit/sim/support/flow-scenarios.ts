// Random flow-network scenarios (resources, transfers with weighted, capped, multi-path paths, and
// timed changes: capacities and outages, cancels, dropped paths, new rate caps), shared by the
// property test and the golden test.
import fc from 'fast-check';
import type { Path } from '../../../../engine/sim/flow-network';

export interface TransferDef {
  id: string;
  at: number;
  bytes: number;
  paths: Path[];
}
export type Action =
  | { kind: 'cap'; at: number; res: number; cap: number }
  | { kind: 'cancel'; at: number; t: number }
  | { kind: 'drop'; at: number; t: number } // remove the transfer's first path (if it has > 1)
  | { kind: 'maxRate'; at: number; t: number; max: number | undefined };

export interface Scenario {
  caps: number[];
  transfers: TransferDef[];
  actions: Action[];
}

export const capArb = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 12, arbitrary: fc.integer({ min: 1, max: 1000 }) });

export const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 6 }).chain((nr) => {
  const useArb = fc.record({
    r: fc.integer({ min: 0, max: nr - 1 }),
    perByte: fc.constantFrom(0.25, 0.5, 1, 1, 1, 2, 3),
  });
  const pathArb: fc.Arbitrary<Path> = fc
    .record({
      uses: fc.array(useArb, { minLength: 1, maxLength: 3 }),
      weight: fc.constantFrom(1, 1, 1, 2, 0.5, 3),
      // About one path in three capped (fc.option's freq is the odds of nil: 1 in freq).
      maxRate: fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }) }),
    })
    .map((p) => ({ uses: p.uses.map((u) => ({ resource: `r${u.r}`, perByte: u.perByte })), weight: p.weight, maxRate: p.maxRate }));
  const transferArb = fc.record({
    at: fc.integer({ min: 0, max: 20 }).map((s) => s * 500),
    bytes: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 9, arbitrary: fc.integer({ min: 1, max: 5000 }) }),
    paths: fc.array(pathArb, { minLength: 1, maxLength: 3 }),
  });
  return fc.record({
    caps: fc.array(capArb, { minLength: nr, maxLength: nr }),
    transfers: fc.array(transferArb, { minLength: 1, maxLength: 8 }).map((ts) => ts.map((t, i) => ({ ...t, id: `t${i}` }))),
    actions: fc.array(
      fc.oneof(
        fc.record({
          kind: fc.constant('cap' as const),
          at: fc.integer({ min: 0, max: 40 }).map((s) => s * 250),
          res: fc.integer({ min: 0, max: nr - 1 }),
          cap: capArb,
        }),
        fc.record({ kind: fc.constant('cancel' as const), at: fc.integer({ min: 0, max: 40 }).map((s) => s * 250), t: fc.nat(7) }),
        fc.record({ kind: fc.constant('drop' as const), at: fc.integer({ min: 0, max: 40 }).map((s) => s * 250), t: fc.nat(7) }),
        fc.record({
          kind: fc.constant('maxRate' as const),
          at: fc.integer({ min: 0, max: 40 }).map((s) => s * 250),
          t: fc.nat(7),
          max: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
        }),
      ),
      { maxLength: 8 },
    ),
  });
});
