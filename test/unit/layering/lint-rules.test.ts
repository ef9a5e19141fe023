// The layering of docs/design.md is enforced by ESLint; these cases prove the rules bite.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The layering rules need no type information; the cases below lint made-up files that are in no
// tsconfig, so the type-aware rules are left out here (they are proven on their own below).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [
    tseslint.configs.disableTypeChecked,
    // import-x/no-cycle follows every import of the made-up file through the project (a renderer
    // file naming engine/engine.ts walks the whole engine), and its parse cache expires after 30 s
    // by default, so each case could parse the tree again. The layering cases do not ask about
    // cycles: it is off for them, and on (with a cache kept for the run) in its own instance below.
    { rules: { 'import-x/no-cycle': 'off' } },
  ],
});
const cycles = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked, { settings: { 'import-x/cache': { lifetime: '∞' } } }],
});

async function problems(filePath: string, code: string, rule = '@typescript-eslint/no-restricted-imports'): Promise<string[]> {
  const [result] = await (rule === 'import-x/no-cycle' ? cycles : eslint).lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('layering rules', () => {
  it('only electron.main.ts and preload/ may import electron', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await problems('engine/engine.ts', code)).toHaveLength(1);
    expect(await problems('doors/desktop/window-security.ts', code)).toHaveLength(1);
    expect(await problems('web.main.ts', code)).toHaveLength(1);
    expect(await problems('renderer/app/App.tsx', code)).toHaveLength(1);
    expect(await problems('electron.main.ts', code)).toHaveLength(0);
    expect(await problems('preload/index.ts', code)).toHaveLength(0);
  });

  it('doors may name Electron types without loading electron', async () => {
    expect(await problems('doors/desktop/window-security.ts', "import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n")).toHaveLength(
      0,
    );
  });

  it('the renderer imports engine types only', async () => {
    expect(await problems('renderer/stores/x.ts', "import { Engine } from '../../engine/engine';\nexport const e = Engine;\n")).toHaveLength(1);
    expect(await problems('renderer/stores/x.ts', "import { World } from '../../engine/model/world';\nexport const w = World;\n")).toHaveLength(1);
    expect(await problems('renderer/stores/x.ts', "import type { World } from '../../engine/model/world';\nexport type W = World;\n")).toHaveLength(0);
    expect(await problems('renderer/stores/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
  });

  it('the engine imports no transport or UI', async () => {
    expect(await problems('engine/operations/x.ts', "import { WebSocket } from 'ws';\nexport const w = WebSocket;\n")).toHaveLength(1);
    expect(await problems('engine/operations/x.ts', "import { startWebHost } from '../../doors/web/web-host';\nexport const s = startWebHost;\n")).toHaveLength(
      1,
    );
  });

  it('the renderer may run the shared pure layer engine/common/, and that layer stands alone', async () => {
    expect(
      await problems('renderer/views/x.tsx', "import { parseMarkdown } from '../../engine/common/markdown';\nexport const p = parseMarkdown;\n"),
    ).toHaveLength(0);
    expect(
      await problems('renderer/views/x.tsx', "import { parseLabPackJson } from '../../engine/labs/pack-loader';\nexport const p = parseLabPackJson;\n"),
    ).toHaveLength(1);
    expect(await problems('engine/common/x.ts', "import { World } from '../model/world';\nexport const w = World;\n")).toHaveLength(1);
    expect(await problems('engine/common/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n")).toHaveLength(1);
    // The contract's types may be named (erased at build time); its values may not be run.
    expect(await problems('engine/common/x.ts', "import type { Bridge } from '../contract';\nexport type B = Bridge;\n")).toHaveLength(0);
    expect(await problems('engine/common/x.ts', "import { Request } from '../contract';\nexport const r = Request;\n")).toHaveLength(1);
    expect(await problems('engine/common/x.ts', "import { parseMarkdown } from './markdown';\nexport const p = parseMarkdown;\n")).toHaveLength(0);
    expect(await problems('engine/common/x.ts', 'export const w = window.innerWidth + process.pid;\n', 'no-restricted-globals')).toHaveLength(2);
    // Node built-ins without the node: prefix, and the renderer's door and stores, are refused too.
    for (const module of ['events', 'util', 'stream', 'fs/promises', 'path', 'react', 'mobx']) {
      expect(await problems('engine/common/x.ts', `import * as m from '${module}';\nexport const n = m;\n`), module).toHaveLength(1);
    }
    expect(
      await problems('engine/common/x.ts', "import { connectBridge } from '../../renderer/bridge/connect';\nexport const c = connectBridge;\n"),
    ).toHaveLength(1);
    expect(await problems('engine/common/x.ts', "import { EngineHost } from '../../doors/common/engine-host';\nexport const h = EngineHost;\n")).toHaveLength(
      1,
    );
    expect(await problems('engine/common/x.ts', "export const f = () => fetch('/x');\n", 'no-restricted-globals')).toHaveLength(1);
    expect(await problems('engine/labs/x.ts', 'export const p = process.pid;\n', 'no-restricted-globals')).toHaveLength(0);
  });

  it('an import cycle fails the lint', async () => {
    // format.ts reads signatures from registry.ts, and move-cmdlets.ts formats commands: a registry
    // that imported the operations' handlers again would close the cycle the command table broke.
    const cyclic = "import { moveVm } from '../operations/cmdlets/move-cmdlets';\nexport const m = moveVm;\n";
    expect(await problems('engine/cmdlets/registry.ts', cyclic, 'import-x/no-cycle')).toHaveLength(1);
    const typeOnly = "import type { CmdletDefinition } from './definition';\nexport type D = CmdletDefinition;\n";
    expect(await problems('engine/cmdlets/registry.ts', typeOnly, 'import-x/no-cycle')).toHaveLength(0);
  }, 300_000);
});

describe('type-aware rules', () => {
  // A made-up file outside every tsconfig's include gets a default project of its own: typed, and
  // quick (a file under engine/ would load the whole tsconfig.json program).
  const typed = new ESLint({
    cwd: process.cwd(),
    overrideConfig: { languageOptions: { parserOptions: { projectService: { allowDefaultProject: ['lint-example/floating.ts'] } } } },
  });
  async function typedProblems(code: string, rule: string): Promise<string[]> {
    const [result] = await typed.lintText(code, { filePath: 'lint-example/floating.ts' });
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
  }

  it('a promise nobody awaits or hands on fails the lint; `void` says it is meant', async () => {
    const save = 'export async function save(): Promise<void> {}\n';
    expect(await typedProblems(`${save}export function f(): void { save(); }\n`, '@typescript-eslint/no-floating-promises')).toHaveLength(1);
    expect(await typedProblems(`${save}export async function f(): Promise<void> { await save(); }\n`, '@typescript-eslint/no-floating-promises')).toHaveLength(
      0,
    );
    expect(await typedProblems(`${save}export function f(): void { void save(); }\n`, '@typescript-eslint/no-floating-promises')).toHaveLength(0);
  }, 300_000);

  it('an async function where a void callback is expected fails the lint', async () => {
    const code = 'export function on(fn: () => void): void { fn(); }\non(async () => { await Promise.resolve(); });\n';
    expect(await typedProblems(code, '@typescript-eslint/no-misused-promises')).toHaveLength(1);
  }, 300_000);
});
