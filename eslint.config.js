import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './eslint-boundaries.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'web/dist/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: '.only is forbidden' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/policy/**/*.ts'],
    // Only the loader reads the policy file; tests and their support may read fixtures.
    ignores: ['src/policy/**/*.test.ts', 'src/policy/test-support.ts', 'src/policy/load-policy.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../store/*',
                '../registry/*',
                '../http/*',
                '../cli/*',
                '../requests/*',
                '../provision/*',
                '../security/*',
                'fastify',
                'kysely',
                'node:fs',
                'node:fs/*',
              ],
              message: 'src/policy is pure: it imports no slice, database, HTTP or file system.',
            },
          ],
        },
      ],
    },
  },
  ...boundaries(),
);
