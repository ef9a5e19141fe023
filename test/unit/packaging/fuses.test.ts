// build/electron-builder.config.cjs: every Electron fuse set explicitly to the hardened value, the
// app's identity, targets and icons — and the whole file valid against electron-builder's own schema.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ID, PRODUCT_NAME } from '../../../doors/desktop/app-identity';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..', '..');
const config = require(join(root, 'build', 'electron-builder.config.cjs')) as Record<string, unknown> & {
  electronFuses: Record<string, unknown>;
  linux: { target: string[]; icon: string; category: string; maintainer: string };
  win: { target: string[]; icon: string };
  nsis: { installerIcon: string; uninstallerIcon: string };
  directories: { output: string };
  files: string[];
};

/** The hardened value of every fuse (electron-builder's FuseOptionsV1 key names). */
const REQUIRED_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

describe('electron fuses', () => {
  it.each(Object.entries(REQUIRED_FUSES))('%s is set to %s', (fuse, value) => {
    expect(config.electronFuses).toHaveProperty(fuse);
    expect(config.electronFuses[fuse]).toBe(value);
  });

  it('sets no fuse left unchecked here', () => {
    expect(Object.keys(config.electronFuses).sort()).toEqual(Object.keys(REQUIRED_FUSES).sort());
  });

  it('covers every fuse the installed @electron/fuses knows (a new Electron fuse fails this test)', () => {
    const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, string | number> };
    const names = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      const key = name[0]!.toLowerCase() + name.slice(1);
      expect(REQUIRED_FUSES, `fuse ${name} has no required value`).toHaveProperty(key);
    }
  });
});

describe('electron-builder configuration', () => {
  it('names the app as the desktop door does', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    const pkg = require(join(root, 'package.json')) as { productName: string; main: string };
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(pkg.main).toBe('dist/electron/main.cjs');
  });

  it('packs dist/ and package.json into an asar, without node_modules, into release/', () => {
    expect(config.asar).toBe(true);
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!node_modules{,/**/*}']));
  });

  it('builds an AppImage and a deb on Linux and an NSIS installer on Windows', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(config.linux.category).toBe('Education');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('uses the committed icons', () => {
    expect(existsSync(join(root, config.linux.icon, '256x256.png'))).toBe(true);
    for (const ico of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) expect(existsSync(join(root, ico))).toBe(true);
  });

  it("passes electron-builder's own schema validation, which rejects a misspelt key", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(c: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add() {} };
    await expect(validateConfiguration(structuredClone(config), logger)).resolves.toBeUndefined();
    const typo = { ...structuredClone(config), electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(typo, logger)).rejects.toThrow(/electronFuses/);
  });
});
