// scripts/build-electron.mjs: the main process and the sandboxed preload bundle without the Electron
// runtime, and require nothing that would be missing from the packaged app.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinModules } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Metafile {
  outputs: Record<string, { imports: { path: string; external?: boolean }[] }>;
}

let outdir: string;
let result: { outdir: string; main: Metafile; engine: Metafile; preload: Metafile };

beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'hvlab-build-electron-'));
  // @ts-expect-error -- an .mjs script without type declarations
  const { buildElectron } = (await import('../../../scripts/build-electron.mjs')) as {
    buildElectron(o: { outdir: string; logLevel: string }): Promise<typeof result>;
  };
  result = await buildElectron({ outdir, logLevel: 'silent' });
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function externals(meta: Metafile): string[] {
  return [...new Set(Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path)))].sort();
}

const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

describe('build-electron', () => {
  it('writes dist/electron/main.cjs and preload.cjs as CommonJS', () => {
    for (const name of ['main.cjs', 'preload.cjs']) {
      const text = readFileSync(join(outdir, name), 'utf8');
      expect(text.startsWith('"use strict";')).toBe(true);
      expect(text).not.toMatch(/^\s*(import|export)\s/m);
    }
    expect(existsSync(join(outdir, 'icon.png'))).toBe(true);
  });

  it('main requires only electron and Node built-ins (everything else is bundled)', () => {
    const ext = externals(result.main);
    expect(ext).toContain('electron');
    for (const path of ext) expect(path === 'electron' || builtins.has(path), `main.cjs requires ${path}`).toBe(true);
    expect(readFileSync(join(outdir, 'main.cjs'), 'utf8')).not.toContain('import.meta');
  });

  it('the engine is its own bundle for the utility process (Node built-ins only), and is not in the main process', () => {
    for (const path of externals(result.engine)) expect(builtins.has(path), `engine-worker.cjs requires ${path}`).toBe(true);
    const engine = readFileSync(join(outdir, 'engine-worker.cjs'), 'utf8');
    const declares = /\b(Simulator|EngineHost) = class\b/g;
    expect(engine.match(declares)?.sort()).toEqual(['EngineHost = class', 'Simulator = class']);
    expect(engine).not.toContain('import.meta');
    // The main process keeps windows, menus and dialogs; simulating there blocked them (issue 16).
    expect(readFileSync(join(outdir, 'main.cjs'), 'utf8')).not.toMatch(declares);
  });

  it('the sandboxed preload requires electron and nothing else', () => {
    expect(externals(result.preload)).toEqual(['electron']);
    const text = readFileSync(join(outdir, 'preload.cjs'), 'utf8');
    expect(text.match(/require\("[^"]+"\)/g)).toEqual(['require("electron")']);
    expect(text).toContain('exposeInMainWorld("hvlab"');
    // The engine (simulation, contract schemas) never reaches the page's preload; the bridge's
    // envelope check (engine/common/bridge-envelope.ts, zod) does, bundled, not required.
    expect(text).not.toMatch(/Simulator|FlowNetwork|EngineHost/);
  });

  it('main finds the preload beside itself and the renderer in ../renderer', () => {
    const text = readFileSync(join(outdir, 'main.cjs'), 'utf8');
    expect(text).toMatch(/"preload\.cjs"/);
    expect(text).toMatch(/"\.\.", "renderer"/);
  });
});
