// What the script runners need of the engine: run a command, let simulated time pass, read the
// jobs and the final state. Engine satisfies it; the runners import this, not engine.ts, so the
// engine and its scripting do not import each other.
import type { CommandOutput, Result } from '../contract';
import type { Job } from '../model/jobs';
import type { World } from '../model/world';

export interface ScriptHost {
  readonly now: number;
  invoke(input: unknown): Result<CommandOutput>;
  advance(ms: number): void;
  runUntilIdle(): void;
  /** The instant of the next scheduled event, if any. */
  readonly sim: { nextEventAt(): number | undefined };
  readonly operations: { job(id: string): Job | undefined };
  state(): { world: World; jobs: Job[] };
  /** The computer the console is signed in on (objects from another one are bound with -ComputerName). */
  readonly localComputer?: string;
}
