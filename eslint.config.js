// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Only the doc model (shared/model) and the server's room code (server/sync) touch Yjs structures. */
const yjsOnlyInModel = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'yjs', message: 'Use the doc model in shared/model instead of touching Yjs directly.' }],
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      ...yjsOnlyInModel,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Tests may build docs directly to craft hostile or old documents.
    files: ['shared/model/**', 'server/sync/**', 'test/**', 'bench/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // shared/ is imported by client and server, never the other way round.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'yjs', message: 'Only shared/model may import yjs.' }],
          patterns: [
            { group: ['**/client/**', '**/server/**'], message: 'shared/ must not import client or server code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/client/**', '**/server/**'], message: 'shared/ must not import client or server code.' },
          ],
        },
      ],
    },
  },
);
