// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules over the sources, tests and
// scripts. `npm test` runs it (`npm run lint` alone).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '.bench/', 'scratch/', 'src/**/*.generated.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' },
    },
    rules: {
      // Unused names starting with _ are deliberate (placeholders in destructuring and callbacks).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters are matched on purpose: refusing them in input, stripping escape codes from output.
      'no-control-regex': 'off',
    },
  },
  {
    // The stages run one way (ARCHITECTURE.md): only the CLI touches the process, files and the terminal, and
    // nothing below it imports from it (the library entry, src/index.ts, is the CLI's sibling and may).
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**'], message: 'src/cli/ is the outermost layer: move what you need below it.' }] }],
    },
  },
  {
    // Generators of arbitrary JSON-like values (bench inputs, property tests) are typed loosely on purpose.
    files: ['scripts/**', 'test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
