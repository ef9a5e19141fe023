// A small valid pack to break in tests, and helpers to read loader errors.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadLabPack, type LabPack, type LabPackIssue } from '../../../engine/labs';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A minimal valid pack on the default world (a fresh object each call, safe to mutate). */
export function minimalPack(): Record<string, unknown> {
  return {
    formatVersion: 1,
    id: 'tiny-lab',
    title: 'Tiny lab',
    level: 'Beginner',
    estimatedMinutes: 5,
    objectives: ['70-412: Manage VM movement — perform storage migration'],
    briefing: '## The situation\n\nMove SQL01.',
    world: { base: 'default', patch: {} },
    tasks: [
      {
        id: 'move',
        title: 'Move SQL01',
        description: 'Move it to the share.',
        points: 10,
        checks: [{ type: 'vmFilesUnder', vm: 'SQL01', path: '\\\\FS01\\VMs\\SQL01' }],
      },
      {
        id: 'online',
        title: 'Keep it online',
        description: 'No downtime.',
        checks: [
          { type: 'vmNeverOff', vm: 'SQL01' },
          { type: 'jobCompleted', vm: 'SQL01', kind: 'StorageMove' },
        ],
      },
    ],
    hints: [
      { id: 'h1', task: 'move', text: 'Move-VMStorage', costPoints: 2 },
      { id: 'h2', text: 'Think.', costPoints: 1 },
    ],
    referenceSolution: 'Move-VMStorage -VMName SQL01 -DestinationStoragePath \\\\FS01\\VMs\\SQL01',
  };
}

export function loadOk(input: unknown): LabPack {
  const r = loadLabPack(input);
  if (!r.ok) throw new Error(`expected a valid pack, got:\n${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.pack;
}

export function loadErrors(input: unknown): LabPackIssue[] {
  const r = loadLabPack(input);
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.errors;
}

/** "path: message" lines, for readable expectations. */
export function lines(errors: readonly LabPackIssue[]): string[] {
  return errors.map((e) => `${e.path}: ${e.message}`);
}

export function builtinJson(id: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${ROOT}assets/labs/${id}.json`, 'utf8')) as Record<string, unknown>;
}
