import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  paths: [
    { name: 'electron', message: 'Electron only in main/electron, main/app/electron-*.ts and preload (ARCHITECTURE.md).' },
    { name: 'electron-updater', message: 'electron-updater only in main/electron.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'docs/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  // Import direction (ARCHITECTURE.md): electron stays at the edges.
  {
    files: ['main/**/*.ts', 'shared/**/*.ts', 'server/**/*.ts', 'renderer/**/*.{ts,tsx}', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['main/electron/**', 'main/app/electron-*.ts'],
    rules: { 'no-restricted-imports': ['error', electronOnly] },
  },
  // The renderer never reaches into Node, SQLite or main.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnly,
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3'], message: 'The renderer talks to main only through window.portodesk.' },
            { group: ['**/main/**', '**/preload/**', '**/server/**'], message: 'The renderer may import shared/ only.' },
          ],
        },
      ],
    },
  },
  // shared/ is pure: no Node, no DOM APIs from libraries, no Electron, no React, no main.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...electronOnly,
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'better-sqlite3', 'react', 'react-dom'], message: 'shared/ is pure TypeScript.' },
            { group: ['**/main/**', '**/renderer/**', '**/preload/**', '**/server/**'], message: 'shared/ imports nothing of the app.' },
          ],
        },
      ],
    },
  },
  // Services depend on ports, never on the Electron adapters.
  {
    files: ['main/services/**/*.ts', 'main/db/**/*.ts', 'main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...electronOnly, patterns: [{ group: ['**/electron/**', '**/renderer/**'], message: 'Services use ports, not Electron adapters or the renderer.' }] },
      ],
    },
  },
);
