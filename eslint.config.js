// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';

/**
 * The client's layers (issue 16), bottom up: `shared/` (model, drawing, texts), `base/`
 * (board engine, sync, presence, API client, i18n hook, router), `ui/` (primitives that
 * know no feature), `features/<name>/` and `app/` (shell and pages). An import may go down
 * or sideways, never up; another feature is reached only through its `index.ts` (and its
 * texts, `i18n.ts`, which the app gathers for the translators' overview and the tests).
 */
const layer = (type) => ({ element: { type } });
const featureSurface = {
  to: {
    element: { type: 'feature' },
    file: { path: ['client/src/features/*/index.ts', 'client/src/features/*/i18n.ts'] },
  },
};
const clientLayers = {
  files: ['client/src/**'],
  plugins: { boundaries },
  settings: {
    'boundaries/elements': [
      { type: 'app', pattern: 'client/src/app' },
      { type: 'feature', pattern: 'client/src/features/*', capture: ['feature'] },
      { type: 'ui', pattern: 'client/src/ui' },
      { type: 'base', pattern: 'client/src/base' },
      { type: 'shared', pattern: 'shared' },
    ],
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          {
            from: layer('app'),
            allow: [{ to: { element: { type: ['app', 'ui', 'base', 'shared'] } } }, featureSurface],
          },
          {
            from: layer('feature'),
            allow: [
              { to: { element: { type: ['ui', 'base', 'shared'] } } },
              { to: layer('feature'), dependency: { relationship: { to: 'internal' } } },
              featureSurface,
            ],
          },
          { from: layer('ui'), allow: [{ to: { element: { type: ['ui', 'base', 'shared'] } } }] },
          { from: layer('base'), allow: [{ to: { element: { type: ['base', 'shared'] } } }] },
        ],
      },
    ],
  },
};

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
  clientLayers,
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
