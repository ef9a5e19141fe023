// A cmdlet the engine can run: its signature (see signature.ts) and what it does.
import type { Simulator } from '../sim/simulator';
import type { World, Vm } from '../model/world';
import type { BoundParams, CmdletSignature } from './signature';
import type { Operations } from '../operations/operations';

export interface CmdletContext {
  readonly world: World;
  readonly sim: Simulator;
  /** Writes an entry to the Hyper-V event log. */
  log(level: 'Information' | 'Warning' | 'Error', source: string, message: string, eventId?: number): void;
  /** Tells every door that the world changed shape. */
  worldChanged(): void;
  /** Resolves -VMName / -Name to one VM, or refuses in Hyper-V's words. */
  findVm(name: string, parameter: string): Vm;
  /**
   * Tells the network layer that a host's network changed (an adapter's link or RDMA, a team, an
   * SMB bandwidth limit), so flows crossing it are re-planned. Call after the change is made.
   */
  networkChanged(host: string): void;
  /**
   * The move operations and their jobs (engine/operations): the move, job and restart cmdlets use
   * them. Optional so that a context built for a unit test of another cmdlet needs none.
   */
  readonly operations?: Operations;
}

export interface CmdletOutcome {
  output?: unknown[];
  jobIds?: string[];
  warnings?: string[];
}

export interface CmdletDefinition {
  signature: CmdletSignature;
  run(ctx: CmdletContext, params: BoundParams): CmdletOutcome;
}
