// Get-Help and Get-Command: every cmdlet has a topic whose examples parse, syntax lines are
// generated from the parameter sets as PowerShell 4.0 writes them, and the discovery filters work.
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../engine/engine';
import { defaultWorld } from '../../../engine/model/default-world';
import { allSignatures, findSignature } from '../../../engine/cmdlets/registry';
import { parseScript } from '../../../engine/cmdlets';
import { hasWrittenTopic, helpTopicOf } from '../../../engine/cmdlets/cmdlet-help';
import { syntaxLines } from '../../../engine/cmdlets/help-text';
import { startPromptRun } from '../../../engine/scripting/prompt-run';
import type { CommandOutput, Result } from '../../../engine/contract';

function run(text: string): Result<CommandOutput> {
  const r = startPromptRun(new Engine({ world: defaultWorld() }), text);
  r.step(10);
  const [s] = r.outcome().statements;
  if (!s) throw new Error(`nothing ran: ${JSON.stringify(r.outcome())}`);
  return s.result;
}

function text(line: string): string {
  const r = run(line);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.output.join('\n');
}

function rows(line: string): { CommandType: string; Name: string; ModuleName: string }[] {
  const r = run(line);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.output as { CommandType: string; Name: string; ModuleName: string }[];
}

describe('help topics', () => {
  it.each(allSignatures().map((s) => [s.name]))('%s has a written topic whose examples parse as that cmdlet', (name) => {
    const sig = findSignature(name)!;
    expect(hasWrittenTopic(name), `write ${name}'s description and examples in engine/cmdlets/cmdlet-help.ts`).toBe(true);
    const topic = helpTopicOf(sig);
    expect(topic.description.length).toBeGreaterThan(20);
    expect(topic.examples.length).toBeGreaterThan(0);
    for (const e of topic.examples) {
      const parsed = parseScript(e.code);
      expect(parsed.ok ? '' : parsed.error.message, e.code).toBe('');
      if (parsed.ok) expect(parsed.statements[0]!.cmdlet).toBe(name);
    }
  });

  it('the syntax is generated per parameter set: positional first, brackets as PowerShell writes them, -WhatIf/-Confirm on cmdlets that change things', () => {
    expect(syntaxLines(findSignature('Remove-VM')!)).toEqual([
      'Remove-VM [-Name] <String[]> [-ComputerName <String[]>] [-Force] [-AsJob] [-Passthru] [-WhatIf] [-Confirm] [<CommonParameters>]',
    ]);
    expect(syntaxLines(findSignature('Get-VMSnapshot')!)).toEqual([
      'Get-VMSnapshot [-VMName] <String[]> [[-Name] <String>] [-ComputerName <String[]>] [<CommonParameters>]',
    ]);
    const job = syntaxLines(findSignature('Get-Job')!);
    expect(job).toHaveLength(3);
    expect(job[2]).toMatch(/^Get-Job -State <JobState> \{NotStarted \| Running \| Completed \| Failed \| Stopped/);
  });

  it('Get-Help Move-VM: NAME, SYNOPSIS, SYNTAX, DESCRIPTION, REMARKS; -Detailed adds PARAMETERS and EXAMPLES; -Full the attributes', () => {
    const plain = text('Get-Help Move-VM');
    const heads = plain.split('\n').filter((l) => /^[A-Z]+$/.test(l));
    expect(heads).toEqual(['NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'REMARKS']);
    expect(plain).toContain('    Move-VM [-Name] <String> [-DestinationHost] <String> ');
    expect(plain).toContain('    To see the examples, type: "get-help Move-VM -examples".');
    const detailed = text('help Move-VM -Detailed');
    expect(detailed.split('\n').filter((l) => /^[A-Z]+$/.test(l))).toEqual(['NAME', 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'REMARKS']);
    expect(detailed).toContain('    -DestinationHost <String>\n        The Hyper-V host to move to.');
    expect(detailed).toContain('-------------------------- EXAMPLE 1 --------------------------');
    expect(detailed).not.toContain('Required?');
    const full = text('Get-Help Move-VM -Full');
    expect(full).toContain('        Required?                    true\n        Position?                    2');
    expect(full).toContain('OUTPUTS');
  });

  it('Get-Help -Examples shows the name, synopsis and the examples only', () => {
    const out = text('Get-Help Move-VM -Examples');
    expect(out).toContain('    -------------------------- EXAMPLE 1 --------------------------\n\n    PS C:\\>Move-VM -Name WEB01 -DestinationHost HV02\n');
    expect(out).not.toContain('SYNTAX');
  });

  it('Get-Help -Parameter takes wildcards; an unknown topic is HelpNotFound', () => {
    const out = text('Get-Help Move-VM -Parameter Destination*');
    expect(out).toContain('-DestinationHost <String>');
    expect(out).toContain('-DestinationStoragePath <String>');
    expect(out).not.toContain('-Name <String>');
    const missing = run('Get-Help Get-Foo');
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.error.message).toBe('Get-Help could not find Get-Foo in a help file in this session.');
      expect(missing.error.record).toMatchObject({
        category: 'ResourceUnavailable',
        fullyQualifiedErrorId: 'HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand',
      });
    }
  });

  it('Get-Help with a wildcard that matches several cmdlets lists them', () => {
    const r = run('Get-Help *-VMSnapshot');
    expect(r.ok && (r.value.output as { Name: string }[]).map((x) => x.Name)).toEqual([
      'Get-VMSnapshot',
      'Restore-VMSnapshot',
      'Remove-VMSnapshot',
      'Rename-VMSnapshot',
      'Export-VMSnapshot',
    ]);
  });
});

describe('Get-Command', () => {
  it('-Module Hyper-V lists the Hyper-V cmdlets, sorted by name', () => {
    const all = rows('Get-Command -Module Hyper-V');
    expect(all.length).toBeGreaterThan(40);
    expect(new Set(all.map((r) => `${r.CommandType} ${r.ModuleName}`))).toEqual(new Set(['Cmdlet Hyper-V']));
    expect(all.map((r) => r.Name)).toEqual([...all.map((r) => r.Name)].sort((a, b) => a.localeCompare(b, 'en')));
    expect(all.map((r) => r.Name)).toContain('Move-VM');
  });

  it('the CIM modules are functions; -Verb, -Noun and names take wildcards', () => {
    expect(rows('Get-Command -Module NetAdapter').every((r) => r.CommandType === 'Function' && r.ModuleName === 'NetAdapter')).toBe(true);
    expect(rows('Get-Command -Module NetLbfo').map((r) => r.Name)).toEqual([
      'Add-NetLbfoTeamMember',
      'Get-NetLbfoTeam',
      'Get-NetLbfoTeamMember',
      'New-NetLbfoTeam',
      'Remove-NetLbfoTeam',
      'Remove-NetLbfoTeamMember',
      'Set-NetLbfoTeamMember',
    ]);
    expect(rows('Get-Command -Verb Move').map((r) => r.Name)).toEqual(['Move-VM', 'Move-VMStorage']);
    expect(rows('Get-Command -Noun VMSwitch -Verb Get,Set').map((r) => r.Name)).toEqual(['Get-VMSwitch', 'Set-VMSwitch']);
    expect(rows('gcm *Smb*Limit').map((r) => r.Name)).toEqual(['Get-SmbBandwidthLimit', 'Remove-SmbBandwidthLimit', 'Set-SmbBandwidthLimit']);
    expect(rows('Get-Command -Module SmbShare').map((r) => r.Name)).toContain('Get-SmbMultichannelConnection');
  });

  it('a name without wildcards that matches nothing is CommandNotFoundException', () => {
    const r = run('Get-Command Get-Foo');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.record).toMatchObject({ category: 'ObjectNotFound', targetName: 'Get-Foo', reason: 'CommandNotFoundException' });
  });
});
