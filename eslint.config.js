// @ts-check
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// utils/ outside platform/ is the pure core: it must run in a test without a browser, so only
// platform/ may reach browser APIs, and nothing in utils/ may depend on an entrypoint.
const CORE_IMPORTS = {
  patterns: [
    { regex: '^(wxt|#imports)(/|$)', message: 'The core stays free of WXT: go through utils/platform/.' },
    { regex: '^(webextension-polyfill|@wxt-dev/|@webext-core/)', message: 'Browser APIs are reached only through utils/platform/.' },
    { regex: '(^|/)entrypoints(/|$)', message: 'The core must not depend on an entrypoint.' },
  ],
};

const BROWSER_GLOBALS = [
  { name: 'chrome', message: 'Browser APIs are reached only through utils/platform/.' },
  { name: 'browser', message: 'Browser APIs are reached only through utils/platform/.' },
];

// Every string that ends up as markup is an injection risk in an extension page; build DOM nodes or JSX instead.
const HTML_SINKS = [
  { property: 'innerHTML', message: 'Set text or build nodes; never parse HTML from strings.' },
  { property: 'outerHTML', message: 'Set text or build nodes; never parse HTML from strings.' },
  { property: 'insertAdjacentHTML', message: 'Set text or build nodes; never parse HTML from strings.' },
  { object: 'document', property: 'write', message: 'Build nodes instead of writing markup.' },
  { object: 'document', property: 'writeln', message: 'Build nodes instead of writing markup.' },
];

export default defineConfig(
  globalIgnores(['.output/', '.wxt/', 'node_modules/', 'coverage/', 'docs/', 'test-results/']),

  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  comments.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // A disable comment must say why the rule does not apply there.
      '@eslint-community/eslint-comments/require-description': 'error',
      '@eslint-community/eslint-comments/no-unused-disable': 'error',

      // `onClick={() => setOpen(false)}` reads well and returns nothing anyone uses.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // Numbers in messages and CSS values are the common case and print as expected.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],

      // `const { dropped: _, ...rest } = x` is how a key is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],

      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',

      'no-restricted-properties': ['error', ...HTML_SINKS],
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text or elements, never raw HTML.' }],
    },
  },

  {
    files: ['utils/**'],
    ignores: ['utils/platform/**'],
    rules: {
      'no-restricted-imports': ['error', CORE_IMPORTS],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },

  {
    files: ['tests/**'],
    rules: {
      // A wrong guess in a test throws and fails that test, which is what a test should do.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `expect(mock.method)` hands a method over unbound on purpose; the matcher never calls it.
      '@typescript-eslint/unbound-method': 'off',
      // Asymmetric matchers (`expect.objectContaining`) and evaluated page code are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      // Fakes and mocks stand in for async browser APIs without awaiting anything themselves.
      '@typescript-eslint/require-await': 'off',
    },
  },

  {
    // The config file itself is plain JavaScript outside the tsconfig.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
