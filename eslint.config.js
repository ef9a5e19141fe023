// Layering rules of DESIGN.md, enforced: only the desktop composition root and the preload bridge
// may load `electron`; the renderer sees engine *types* only; the engine knows no transport.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnlyInDesktopRoot = {
  name: 'electron',
  message: 'Only electron.main.ts and preload/ may import electron (DESIGN.md: the app must run without the Electron runtime).',
  allowTypeImports: true,
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [electronOnlyInDesktopRoot] }],
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
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [electronOnlyInDesktopRoot],
        patterns: [
          { group: ['**/engine', '**/engine/**'], allowTypeImports: true, message: 'The renderer may import engine types only (DESIGN.md: the renderer never runs simulation code).' },
          { group: ['**/doors/**', 'node:*', 'ws', 'conf', 'electron-store'], message: 'The renderer runs in a sandboxed page: no Node modules or door code.' },
        ],
      }],
    },
  },
  {
    files: ['engine/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [electronOnlyInDesktopRoot],
        patterns: [
          { group: ['**/doors/**', '**/renderer/**', 'ws', 'node:http', 'node:https', 'node:net', 'electron-store', 'react', 'mobx'], message: 'The engine is free of transports and UI (DESIGN.md).' },
        ],
      }],
    },
  },
);
