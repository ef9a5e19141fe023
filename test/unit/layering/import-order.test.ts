// Every engine module can be the first one a process imports. In an import cycle, the module
// imported first sees its partners' exports uninitialised: importing move-cmdlets.ts first once
// threw "ReferenceError: Cannot access 'moveVmStorage' before initialization".
import { describe, expect, it, vi } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../../support/web-host-process';

function modulesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return modulesUnder(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('engine modules load in any order', () => {
  const modules = modulesUnder(join(ROOT, 'engine'));
  it('finds the engine', () => expect(modules.length).toBeGreaterThan(100));
  for (const file of modules) {
    it(relative(ROOT, file), async () => {
      vi.resetModules();
      await expect(import(file)).resolves.toBeDefined();
    });
  }
});
