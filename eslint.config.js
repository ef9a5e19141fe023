// Layering rules of docs/design.md, enforced: only the desktop composition root and the preload bridge
// may load `electron`; the renderer sees engine *types* only, except the shared pure layer
// engine/common/ (no Node, no DOM, no other engine code), which it may run; the engine knows no
// transport.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const electronOnlyInDesktopRoot = {
  name: 'electron',
  message: 'Only electron.main.ts and preload/ may import electron (docs/design.md: the app must run without the Electron runtime).',
  allowTypeImports: true,
};

export default tseslint.config(
  // types/: ambient declarations for one tsconfig layer only (tsconfig.common.json), in no other program.
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/e2e/artifacts/**', 'types/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Type-aware (recommendedTypeChecked): a promise nobody awaits loses its rejection, and a
      // promise passed where a void callback is expected (an onClick, an 'on' handler) is never
      // awaited. Fire-and-forget is written `void p` where the callee handles its own errors.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Off, reviewed: its 43 findings were all callbacks declared with method shorthand in prop and
      // port types (`onClose(): void`) and implemented as closures, which never read `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Off, reviewed: its 20 findings were all String(x) of values formatted on purpose (the
      // console's formatter of any value, parameters the binder already typed, ws frames that are
      // Buffers); none printed [object Object].
      '@typescript-eslint/no-base-to-string': 'off',
      // Off for the same reason: cmdlet handlers interpolate parameter values the binder has typed.
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Off: `EventHandle | -1` names a sentinel on purpose, though EventHandle is a number.
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronOnlyInDesktopRoot] }],
    },
  },
  {
    // No import cycles anywhere (a lower layer never imports a higher one, and a module loaded in
    // the middle of a cycle sees its partner's exports uninitialised). Type-only imports are
    // erased at build time, so they do not count.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true, allowUnsafeDynamicCyclicDependency: false }] },
  },
  // Plain JavaScript (scripts, bin, the electron-builder config) is in no tsconfig: linted untyped.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read JSON and fakes answer with `async` for the port's shape; `any` from JSON.parse is
    // asserted on right away.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['electron.main.ts', 'preload/**'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInDesktopRoot],
          patterns: [
            {
              regex: '(^|/)engine(/(?!common(/|$)).*)?$',
              allowTypeImports: true,
              message:
                'The renderer may import engine types only (docs/design.md: the renderer never runs simulation code); engine/common/ is the shared layer it may run.',
            },
            {
              group: ['**/doors/**', 'node:*', 'ws', 'conf', 'electron-store'],
              message: 'The renderer runs in a sandboxed page: no Node modules or door code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInDesktopRoot],
          patterns: [
            {
              group: ['**/doors/**', '**/renderer/**', 'ws', 'node:http', 'node:https', 'node:net', 'electron-store', 'react', 'mobx'],
              message: 'The engine is free of transports and UI (docs/design.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // The shared pure layer: code the renderer and the doors run as well as the engine. It stands
    // alone — no other engine module at run time, no Node module, no DOM — so importing it drags
    // nothing in (`import type` of the contract is allowed: it is erased).
    files: ['engine/common/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInDesktopRoot],
          patterns: [
            {
              group: ['../*', '../**'],
              allowTypeImports: true,
              message:
                'engine/common/ is the shared pure layer: it imports no other engine module at run time (move what it needs into engine/common/; type-only imports of the contract are erased).',
            },
            // Every Node built-in, with or without node: (events, util, stream… as well as fs and path).
            {
              group: [
                'node:*',
                ...builtinModules,
                ...builtinModules.map((m) => `${m}/*`),
                'ws',
                'conf',
                'electron-store',
                'react',
                'react-dom',
                'mobx',
                'mobx-react-lite',
              ],
              message: 'engine/common/ runs in the renderer too: no Node modules, no UI.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'location',
          'fetch',
          'XMLHttpRequest',
          'WebSocket',
          'requestAnimationFrame',
          'HTMLElement',
          'getComputedStyle',
          'process',
          'Buffer',
          'require',
          'module',
          '__dirname',
          '__filename',
          'global',
          'setImmediate',
        ].map((name) => ({ name, message: 'engine/common/ runs in the engine, the doors and the renderer: no DOM or Node globals.' })),
      ],
    },
  },
);
