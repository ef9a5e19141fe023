// Every cmdlet the engine knows, by name (case-insensitive, as PowerShell resolves them).
import type { CmdletDefinition } from './definition';
import { getVm, startVm, stopVm } from './vm-lifecycle';

const definitions: CmdletDefinition[] = [getVm, startVm, stopVm];

const byName = new Map(definitions.map((d) => [d.signature.name.toLowerCase(), d]));

export function findCmdlet(name: string): CmdletDefinition | undefined {
  return byName.get(name.toLowerCase());
}

export function allCmdlets(): readonly CmdletDefinition[] {
  return definitions;
}
