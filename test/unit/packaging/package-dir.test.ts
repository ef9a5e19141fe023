// electron-builder run for real on build/electron-builder.config.cjs (Linux "dir" target), with a
// stand-in Electron binary that carries the fuse wire: proves the fuses are flipped in the binary and
// that the asar holds the bundles, the renderer and package.json — and no node_modules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as ElectronBuilder from 'electron-builder';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..', '..');
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, as the real binary ships them: '1' enabled, '0' disabled. */
const DEFAULT_WIRE = '10110001';

let dir: string;
let appDir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hvlab-package-'));
  const project = join(dir, 'project');
  mkdirSync(join(project, 'dist', 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(project, 'build'));
  cpSync(join(root, 'package.json'), join(project, 'package.json'));
  cpSync(join(root, 'assets'), join(project, 'assets'), { recursive: true });
  cpSync(join(root, 'build', 'electron-builder.config.cjs'), join(project, 'build', 'electron-builder.config.cjs'));
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
  writeFileSync(join(project, 'dist', 'renderer', 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(project, 'dist', 'renderer', 'assets', 'index.js'), '');
  // @ts-expect-error -- an .mjs script without type declarations
  const { buildElectron } = (await import('../../../scripts/build-electron.mjs')) as {
    buildElectron(o: { outdir: string; logLevel: string }): Promise<unknown>;
  };
  await buildElectron({ outdir: join(project, 'dist', 'electron'), logLevel: 'silent' });

  const electronDist = join(dir, 'electron-dist');
  mkdirSync(electronDist);
  writeFileSync(
    join(electronDist, 'electron'),
    Buffer.concat([
      Buffer.from('#!/bin/sh\nexit 0\n#'),
      Buffer.from(SENTINEL, 'latin1'),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE, 'latin1'),
    ]),
    { mode: 0o755 },
  );
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');

  const { build, Platform } = require('electron-builder') as typeof ElectronBuilder;
  const config = require(join(project, 'build', 'electron-builder.config.cjs')) as Record<string, unknown>;
  await build({
    projectDir: project,
    targets: Platform.LINUX.createTarget('dir'),
    config: { ...config, electronDist, directories: { output: join(dir, 'release'), buildResources: 'build' } },
    publish: 'never',
  });
  appDir = join(dir, 'release', 'linux-unpacked');
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('packaged app (linux dir)', () => {
  it('has every fuse flipped to its hardened value in the executable', () => {
    const exe = readFileSync(join(appDir, 'hyperv-mobility-lab'));
    const at = exe.indexOf(SENTINEL) + SENTINEL.length;
    expect(exe[at]).toBe(1);
    const wire = exe.subarray(at + 2, at + 2 + exe[at + 1]!).toString('latin1');
    // RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolExtraPrivileges
    expect(wire).toBe('01001100');
  });

  it('ships the bundles, the renderer and package.json in app.asar, without node_modules or source maps', () => {
    const asar = require('@electron/asar') as { listPackage(p: string): string[]; extractFile(p: string, f: string): Buffer };
    const archive = join(appDir, 'resources', 'app.asar');
    const files = asar.listPackage(archive).map((f) => f.replace(/\\/g, '/'));
    expect(files).toEqual(expect.arrayContaining(['/package.json', '/dist/electron/main.cjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html']));
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(JSON.parse(asar.extractFile(archive, 'package.json').toString()).main).toBe('dist/electron/main.cjs');
  });
});
