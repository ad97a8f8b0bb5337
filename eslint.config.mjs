// @ts-check
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import prettierConfig from 'eslint-config-prettier'

/** Only these may import 'electron': the composition root, the Electron adapters and the preload. */
const ELECTRON_ALLOWED = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**']

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: "Only src/main/index.ts, src/main/electron/** and src/preload/** may import 'electron' (DESIGN.md §1).",
        },
      ],
      patterns: [{ group: ['electron/*'], message: "Only the Electron adapters may import 'electron'." }],
    },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
      message: "Only src/main/index.ts, src/main/electron/** and src/preload/** may require 'electron'.",
    },
    {
      selector: "ImportExpression[source.value='electron']",
      message: "Only src/main/index.ts, src/main/electron/** and src/preload/** may import 'electron'.",
    },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
    },
  },
  { files: ['**/*.{ts,vue,js,mjs}'], ignores: ELECTRON_ALLOWED, rules: noElectron },
  // Formatting is Prettier's (npm run lint checks it): no stylistic rule may disagree with it.
  prettierConfig,
)
