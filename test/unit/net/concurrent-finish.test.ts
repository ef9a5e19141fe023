// Transfers that the flow network finishes at the same instant, in a world with RoCE adapters (so the
// DCB model re-weights after every start and end): the first completion handler must not re-weight
// the others, which are finished but not yet told (it threw "FlowNetwork.setPaths: unknown or
// finished transfer" in the moves.1000 bench). Driven as the bench drives it: Move-VM and
// Move-VMStorage jobs in the generated 1,000-host world.
import { expect, test } from 'vitest';
import { Engine } from '../../../engine/engine';
import { benchWorld, commands } from '../../bench/moves.bench';

test('200 concurrent moves in a world with RoCE adapters all complete', () => {
  const world = benchWorld();
  expect(world.hosts.some((h) => h.nics.some((n) => n.rdma.type === 'RoCE'))).toBe(true);
  const engine = new Engine({ world });
  // The first 200 of the bench's moves reach the case (job 71 met it).
  const cmds = commands(world).slice(0, 200);
  for (const c of cmds) expect(engine.invoke(c).ok).toBe(true);
  engine.runUntilIdle();
  const jobs = engine.state().jobs;
  expect(jobs.filter((j) => j.state === 'Completed')).toHaveLength(cmds.length);
}, 300_000);
