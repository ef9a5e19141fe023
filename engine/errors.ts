// A command the engine refuses, in Hyper-V's words (docs/design.md, "Errors are part of the contract").
import type { ContractError } from './contract';

export class CommandRefusal extends Error {
  constructor(
    message: string,
    readonly details: { parameter?: string; fix?: string; guiFix?: string; messageId?: number; code?: ContractError['code'] } = {},
  ) {
    super(message);
    this.name = 'CommandRefusal';
  }

  toContractError(): ContractError {
    return {
      code: this.details.code ?? 'CommandRefused',
      message: this.message,
      ...(this.details.parameter ? { parameter: this.details.parameter } : {}),
      ...(this.details.fix ? { fix: this.details.fix } : {}),
      ...(this.details.guiFix ? { guiFix: this.details.guiFix } : {}),
      ...(this.details.messageId !== undefined ? { messageId: this.details.messageId } : {}),
    };
  }
}
