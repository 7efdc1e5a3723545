// Lint, with the layering of STYLE §1 as errors: every file belongs to a zone, and a zone imports
// only what the table allows. Modelled on VS Code's code-import-patterns, without its weight.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import path from 'node:path';

const ROOT = import.meta.dirname;
const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Top-level folders that are zones or tooling; a linted file anywhere else is an error. */
const KNOWN_TOP_LEVEL = new Set(['shared', 'renderer', 'preload', 'main', 'server', 'test', 'bench', 'scripts', 'build-resources']);

const layeringPlugin = {
  rules: {
    'file-in-zone': {
      meta: { type: 'problem', schema: [], messages: { orphan: 'File "{{file}}" belongs to no zone (STYLE §1): move it under a zone folder.' } },
      create(context) {
        return {
          Program(node) {
            const relative = path.relative(ROOT, context.filename);
            const top = relative.split(path.sep)[0];
            const isRootConfig = !relative.includes(path.sep) && /\.config\.(ts|js|mjs|cjs)$/.test(relative);
            if (!KNOWN_TOP_LEVEL.has(top) && !isRootConfig) context.report({ node, messageId: 'orphan', data: { file: relative } });
          },
        };
      },
    },
  },
};

/** A relative import that climbs into another zone, e.g. `../../main/x`. */
const zoneImport = (zone) => ({
  regex: `^(\\.\\./)+(${zone})(/|$)`,
  message: `This zone may not import from ${zone}/ (STYLE §1).`,
});
const forbid = (...zones) => zones.map(zoneImport);

export default tseslint.config(
  { ignores: ['node_modules/**', '.cache/**', 'court-data/**', 'out/**', 'dist/**', 'dist-web/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { layering: layeringPlugin },
    rules: {
      'layering/file-in-zone': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'dexie', 'ws'].map((name) => ({
            name,
            message: 'shared/ is pure: no Node, DOM, Electron, React or storage imports (STYLE §1).',
          })),
          patterns: forbid('renderer', 'main', 'preload', 'server', 'test', 'bench', 'scripts'),
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'require', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, 'electron'].map((name) => ({
            name,
            message: 'The renderer talks to the desktop only through renderer/bridge (STYLE §2).',
          })),
          patterns: forbid('main', 'preload', 'server', 'test', 'bench', 'scripts'),
        },
      ],
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...forbid('renderer', 'main', 'server', 'test', 'bench', 'scripts'), { regex: '^(\\.\\./)+shared/(?!contracts/)', message: 'preload/ imports only shared/contracts (STYLE §1).' }] },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('renderer', 'preload', 'server', 'test', 'bench', 'scripts') }] },
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': ['error', { patterns: forbid('renderer', 'preload', 'main', 'test', 'bench', 'scripts') }] },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.{ts,tsx,mjs}', 'scripts/**/*.{ts,mjs,cjs,js}', '*.config.{ts,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
