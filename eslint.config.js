// ESLint 9 flat config: a small, type-aware rule set (docs/architecture.md#checks-on-every-change).
// Import boundaries between apps and libraries are checked by dependency-cruiser (.dependency-cruiser.cjs).
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'storage/**', '.tools/**', 'apps/api/src/console/console-globals.d.ts', 'apps/api/src/console/api-types.d.ts', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  {
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-private-class-members': 'error',
      'no-unused-private-class-members': 'off',
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@app/**', group: 'internal' }],
          pathGroupsExcludedImportTypes: ['builtin'],
          'newlines-between': 'never',
        },
      ],
      'import-x/no-duplicates': 'error',
      // Error codes come from the areas' catalogs, "not found" from notFound() (docs/rules.md#bad-input-changes-nothing).
      '@typescript-eslint/no-deprecated': 'error',
    },
  },
);
