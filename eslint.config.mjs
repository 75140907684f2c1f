// ESLint for the whole repository: TypeScript's recommended rules everywhere, the rules of React
// hooks for the screens. `npm run lint` runs it; `npm test` runs lint before the build.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // TypeScript checks names (no-undef would refuse DOM and Node types it does not know).
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Imported files are hostile: the sanitisers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Advice for the React Compiler (TanStack Table's hooks cannot be memoised by it); hubdesk does not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['electron/**', 'scripts/**', 'tests/**', 'resources/**', '*.config.*', 'eslint.config.mjs'],
    languageOptions: { globals: globals.node },
  },
);
