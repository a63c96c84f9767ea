// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/** Globals the pure engine must not touch: time, randomness, I/O. */
const impureGlobals = [
  'setTimeout',
  'setInterval',
  'setImmediate',
  'fetch',
  'process',
  'require',
  'performance',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', 'coverage/**', '**/scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The engine is pure: time and ids are passed in, nothing is read from the outside world.
    files: ['engine/src/**/*.ts'],
    ignores: ['engine/src/**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...impureGlobals.map((name) => ({ name, message: 'The engine is pure: pass it in.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The engine is pure: take `now` as an argument.' },
        { object: 'Math', property: 'random', message: 'The engine is pure: take ids as an argument.' },
        { object: 'crypto', property: 'randomUUID', message: 'The engine is pure: take ids as an argument.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The engine is pure: take `now` as an argument.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:*',
                'fs',
                'path',
                'os',
                'child_process',
                'net',
                'http',
                'https',
                'crypto',
                'worker_threads',
              ],
              message: 'The engine does no I/O.',
            },
            {
              group: [
                '@tongban/runtime',
                '@tongban/runtime/*',
                '@tongban/ui',
                '@tongban/client',
                'react',
                'react-dom',
              ],
              message: 'Imports go one way: apps and runtime depend on the engine, never back.',
            },
          ],
        },
      ],
    },
  },
);
