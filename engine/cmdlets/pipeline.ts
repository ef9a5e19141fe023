// The pipelines the console understands: `Get-X <names> [-ComputerName/-CimSession ...] | <cmdlet>`.
// The objects Get-X would write are represented by what names them (a VM or adapter name, a job
// id or name), bound to the next cmdlet's parameter that takes them from the pipeline, with the
// producer's computer list carried over. The producer itself is not run: the next cmdlet finds
// the objects again. Unnamed or wildcard producers (Get-VM | Stop-VM) would need the world to
// expand, so they are refused with a clear message.
import type { CommandNode } from './syntax';
import type { BoundParams, CmdletSignature, PipelineKind } from './signature';
import type { PipedInput } from './binder';
import { ScriptError } from './source-text';
import { stringList } from './targets';
import { hasWildcard } from './wildcard';

export const pipelineProducers: Readonly<Record<string, { kind: PipelineKind; identities: readonly string[] }>> = {
  'Get-VM': { kind: 'VM', identities: ['Name'] },
  'Get-NetAdapter': { kind: 'NetAdapter', identities: ['Name'] },
  'Get-NetAdapterRdma': { kind: 'NetAdapter', identities: ['Name'] },
  'Get-NetLbfoTeam': { kind: 'NetLbfoTeam', identities: ['Name'] },
  'Get-Job': { kind: 'Job', identities: ['Id', 'Name'] },
  'Get-VMSwitch': { kind: 'VMSwitch', identities: ['Name'] },
};

const producerList = Object.keys(pipelineProducers).join(', ');

export const pipelineMessages = {
  notAProducer: (name: string) => `This console pipes only from ${producerList} (for example: Get-VM DC01 | Stop-VM); '${name}' cannot start a pipeline here.`,
  tooLong: 'This console runs pipelines of two commands only, such as Get-VM DC01 | Move-VM -DestinationHost HV02.',
  unnamed: (name: string) =>
    `Name the objects you pipe from ${name} without wildcards (for example: ${name === 'Get-Job' ? 'Get-Job -Id 3 | Wait-Job' : `${name} DC01 | ...`}); this console does not expand them.`,
};

/** What the producer hands on, from its bound parameters. */
export function pipedInputOf(producer: CommandNode, sig: CmdletSignature, params: BoundParams): PipedInput {
  const info = pipelineProducers[sig.name];
  if (!info) throw new ScriptError(pipelineMessages.notAProducer(sig.name), producer.nameAt);
  const identity = info.identities.find((i) => params[i] !== undefined);
  const raw = identity === undefined ? undefined : params[identity];
  const values = Array.isArray(raw) ? [...(raw as (string | number)[])] : raw === undefined ? [] : [raw as string | number];
  if (identity === undefined || values.length === 0 || values.some((v) => typeof v === 'string' && hasWildcard(v))) {
    throw new ScriptError(pipelineMessages.unnamed(sig.name), producer.at);
  }
  const hosts = sig.hostParameter ? stringList(params[sig.hostParameter]) : [];
  return { kind: info.kind, identity, values, ...(hosts.length ? { hosts } : {}), at: producer.at };
}
