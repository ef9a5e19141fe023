// Binds one command's parameters and arguments to a cmdlet's signature the way PowerShell's
// parameter binder does: named parameters first (each narrowing the parameter sets), then
// positional arguments in position order (trying the default set's parameter first), then the
// object piped in, then the set is chosen and its mandatory parameters checked.
import type { StaticCommandNode as CommandNode, ValueNode } from './syntax';
import type { BoundParams, CmdletSignature, ParameterSpec, ParamValue, PipelineKind } from './signature';
import { dotNetTypeName, isArrayType } from './signature';
import { ScriptError, type Range } from './source-text';
import type { ShouldProcessSwitches } from './should-process';
import { matchParameter, nameMessages } from './parameter-names';
import { convertArgument, display, toBoolean } from './conversion';
import { chooseSet, inSet, messages as setMessages, missingMandatory, setNames, setsAccepting } from './parameter-sets';

export const bindingMessages = {
  missingArgument: (p: ParameterSpec) => `Missing an argument for parameter '${p.name}'. Specify a parameter of type '${dotNetTypeName(p)}' and try again.`,
  specifiedTwice: (name: string) =>
    `Cannot bind parameter because parameter '${name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
  positional: (argument: string) => `A positional parameter cannot be found that accepts argument '${argument}'.`,
  pipelineInput:
    'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
};

/** Objects piped in from the previous command, by the name or id that identifies them. */
export interface PipedInput {
  kind: PipelineKind;
  /** The producer's identifying parameter ('Name' or 'Id'), to pick the matching parameter here. */
  identity: string;
  values: (string | number)[];
  /** The computers the producer asked (its -ComputerName or -CimSession). */
  hosts?: string[];
  at: Range;
}

function syntheticNode(value: string | number | (string | number)[], at: Range): ValueNode {
  if (Array.isArray(value)) return { kind: 'array', items: value.map((v) => syntheticNode(v, at)), at };
  return typeof value === 'number' ? { kind: 'number', value, text: String(value), at } : { kind: 'string', value, quoted: true, at };
}

function inSignatureOrder(sig: CmdletSignature, bound: Map<string, ParamValue>): BoundParams {
  const out: BoundParams = {};
  for (const p of sig.parameters) {
    const v = bound.get(p.name);
    if (v !== undefined) out[p.name] = v;
  }
  return out;
}

/**
 * The parameter objects of one command: usually one; one per piped object when the piped
 * parameter takes a single value (Get-VM A,B | Move-VM -DestinationHost HV02 moves each).
 */
export function bindCommand(node: CommandNode, sig: CmdletSignature, piped?: PipedInput, switches?: ShouldProcessSwitches): BoundParams[] {
  const bound = new Map<string, ParamValue>();
  const positional: ValueNode[] = [];
  let candidates = setNames(sig);
  const elements = node.elements;

  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (el.kind === 'argument') {
      positional.push(el.value);
      continue;
    }
    const match = matchParameter(sig, el.name);
    if (match.kind === 'unknown') throw new ScriptError(nameMessages.notFound(el.name), el.at, el.name);
    if (match.kind === 'ambiguous') throw new ScriptError(nameMessages.ambiguous(el.name, match.names), el.at, el.name);
    if (match.kind === 'common') {
      // -WhatIf / -Confirm (and -WhatIf:$false, -Confirm:$false): read here, acted on by whoever runs the command (should-process.ts).
      if (switches && match.common.shouldProcessOnly) {
        const spec: ParameterSpec = { name: match.common.name, type: 'Switch' };
        if (el.colon && !el.argument) throw new ScriptError(bindingMessages.missingArgument(spec), el.at, spec.name);
        const c = el.argument ? toBoolean(spec, el.argument) : ({ ok: true, value: true } as const);
        if (!c.ok) throw new ScriptError(c.message, c.at, spec.name);
        switches[match.common.name as keyof ShouldProcessSwitches] = c.value;
        continue;
      }
      if (!match.common.ignored) throw new ScriptError(nameMessages.commonNotSupported(match.common.name), el.at, match.common.name);
      continue;
    }
    const p = match.spec;
    if (bound.has(p.name)) throw new ScriptError(bindingMessages.specifiedTwice(p.name), el.at, p.name);
    let value: ParamValue;
    if (p.type === 'Switch') {
      if (el.argument) {
        const c = toBoolean(p, el.argument);
        if (!c.ok) throw new ScriptError(c.message, c.at, p.name);
        value = c.value;
      } else if (el.colon) {
        throw new ScriptError(bindingMessages.missingArgument(p), el.at, p.name);
      } else {
        value = true;
      }
    } else {
      let argument = el.argument;
      if (!argument && !el.colon) {
        const next = elements[i + 1];
        if (next?.kind === 'argument') {
          argument = next.value;
          i++;
        }
      }
      if (!argument) throw new ScriptError(bindingMessages.missingArgument(p), el.at, p.name);
      const c = convertArgument(p, argument);
      if (!c.ok) throw new ScriptError(c.message, c.at, p.name);
      value = c.value;
    }
    const narrowed = setsAccepting(sig, [p.name], candidates);
    if (narrowed.length === 0) throw new ScriptError(setMessages.cannotResolve, el.at, p.name);
    candidates = narrowed;
    bound.set(p.name, value);
  }

  const defaultFirst = (a: ParameterSpec, b: ParameterSpec) => {
    const d = sig.defaultSet;
    return d ? Number(inSet(b, d)) - Number(inSet(a, d)) : 0;
  };
  for (const argument of positional) {
    const open = sig.parameters.filter((p) => p.position !== undefined && p.type !== 'Switch' && !bound.has(p.name) && candidates.some((s) => inSet(p, s)));
    if (open.length === 0) throw new ScriptError(bindingMessages.positional(display(argument)), argument.at);
    const position = Math.min(...open.map((p) => p.position!));
    const atPosition = open.filter((p) => p.position === position).sort(defaultFirst);
    let failure: { message: string; at: Range; parameter: string } | undefined;
    let taken = false;
    for (const p of atPosition) {
      const c = convertArgument(p, argument);
      if (c.ok) {
        bound.set(p.name, c.value);
        candidates = setsAccepting(sig, [p.name], candidates);
        taken = true;
        break;
      }
      failure ??= { message: c.message, at: c.at, parameter: p.name };
    }
    if (!taken && failure) throw new ScriptError(failure.message, failure.at, failure.parameter);
  }

  const variants: Map<string, ParamValue>[] = [];
  if (piped) {
    const targets = sig.parameters.filter((p) => p.fromPipeline === piped.kind && candidates.some((s) => inSet(p, s)));
    const target = targets.find((p) => p.name === piped.identity) ?? targets[0];
    if (!target || bound.has(target.name)) throw new ScriptError(bindingMessages.pipelineInput, node.nameAt);
    candidates = setsAccepting(sig, [target.name], candidates);
    const host = sig.hostParameter ? sig.parameters.find((p) => p.name === sig.hostParameter) : undefined;
    if (host && piped.hosts && !bound.has(host.name)) {
      bound.set(host.name, isArrayType(host.type) ? piped.hosts : piped.hosts[0]!);
    }
    const groups = isArrayType(target.type) ? [piped.values] : piped.values.map((v) => [v]);
    for (const group of groups) {
      const node1 = syntheticNode(isArrayType(target.type) ? group : group[0]!, piped.at);
      const c = convertArgument(target, node1);
      if (!c.ok) throw new ScriptError(c.message, piped.at, target.name);
      variants.push(new Map([...bound, [target.name, c.value]]));
    }
  } else {
    variants.push(bound);
  }

  return variants.map((params) => {
    const names = [...params.keys()];
    const set = chooseSet(sig, candidates, names);
    if (set === undefined) throw new ScriptError(setMessages.cannotResolve, node.nameAt);
    const missing = missingMandatory(sig, set, names);
    if (missing.length) throw new ScriptError(setMessages.missingMandatory(missing), node.nameAt, missing[0]);
    return inSignatureOrder(sig, params);
  });
}
