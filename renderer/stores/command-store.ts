// Sends commands to the engine and turns a refusal into a Hyper-V-style error dialog. Nothing is
// applied locally: the engine's 'world' event shows the outcome.
import { action, makeObservable, observable } from 'mobx';
import type { Bridge, Command, CommandOutput, ContractError, Result } from '../../engine/contract';
import type { DialogStore } from './dialog-store';

export interface RunOptions {
  /** First line of the error dialog, saying what was being attempted. */
  intro: string;
  /** The VM the command is about: its actions are disabled while the command is in flight. */
  vmId?: string;
}

export class CommandStore {
  /** VM ids with a command waiting for the engine's answer. */
  readonly busy = observable.set<string>();

  constructor(
    private readonly bridge: Bridge,
    private readonly dialogs: DialogStore,
  ) {
    makeObservable<CommandStore, 'settle'>(this, { settle: action });
  }

  isBusy(vmId: string): boolean {
    return this.busy.has(vmId);
  }

  async run(command: Command, options: RunOptions): Promise<Result<CommandOutput>> {
    const { vmId } = options;
    if (vmId) action(() => this.busy.add(vmId))();
    let result: Result<CommandOutput>;
    try {
      result = await this.bridge.invoke(command);
    } catch (err) {
      result = { ok: false, error: { code: 'Internal', message: `The command could not be sent: ${(err as Error).message}` } };
    }
    this.settle(result, options);
    return result;
  }

  private settle(result: Result<CommandOutput>, options: RunOptions): void {
    if (options.vmId) this.busy.delete(options.vmId);
    if (!result.ok) this.dialogs.show({ kind: 'error', title: 'Hyper-V Manager', intro: options.intro, error: consoleError(result.error) });
  }
}

/** A refusal as the console shows it: the fix worded for the console where the engine gives one, else the PowerShell one. */
export function consoleError(error: ContractError): ContractError {
  const { guiFix, ...rest } = error;
  return guiFix ? { ...rest, fix: guiFix } : rest;
}
