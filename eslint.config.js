import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * The layers, bottom first: a file imports from its own layer and the layers below it, never above.
 * `files` says which files a layer is; `imported` how an import of it is written (relative paths name
 * the folder or file, whichever folder they are written from). Shared facts go down a layer rather
 * than a layer reaching up for them.
 */
const LAYERS = [
  {
    name: 'pixels and geometry, and the engines’ contract',
    files: ['src/pipeline/*.ts', 'src/engines/types.ts'],
    ignores: ['src/pipeline/check.ts'],
    imported: [],
  },
  // The stages that see the document, in the order the check runs them.
  { name: 'outline', files: ['src/pipeline/outline/**'], imported: ['**/outline/**'] },
  { name: 'rectify', files: ['src/pipeline/rectify/**'], imported: ['**/rectify/**'] },
  { name: 'clarity', files: ['src/pipeline/clarity/**'], imported: ['**/clarity/**'] },
  { name: 'portrait', files: ['src/pipeline/portrait/**'], imported: ['**/portrait/**'] },
  // Reading the document: its MRZ, or its printed front.
  {
    name: 'reading',
    files: ['src/pipeline/mrz/**', 'src/pipeline/front/**'],
    imported: ['**/mrz/**', '**/front/**'],
  },
  { name: 'rules', files: ['src/pipeline/rules/**'], imported: ['**/rules/**'] },
  {
    name: 'the check, and the live camera’s framing',
    files: ['src/pipeline/check.ts', 'src/pipeline/steps/**', 'src/pipeline/framing/**'],
    imported: ['**/check.ts', '**/steps/**', '**/framing/**'],
  },
];

/** Beside the pipeline: they take only its bottom layer (pixels, the engines' contract, sizes). */
const BESIDE = {
  name: 'engines and decoders',
  files: ['src/engines/**', 'src/decode/**'],
  ignores: ['src/engines/types.ts'],
};

/** On top, importing anything: nothing below may import them. */
const TOP = [
  '**/app/**',
  '**/workers/**',
  '**/cli/**',
  '**/decode/**',
  '**/engines/*',
  '!**/engines/types.ts',
];

const layerRules = [
  ...LAYERS.map((layer, i) => ({
    files: layer.files,
    ignores: layer.ignores ?? [],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...LAYERS.slice(i + 1).flatMap((above) => above.imported), ...TOP],
              message: `Layers point down: ${layer.name} imports nothing above it (see eslint.config.js).`,
            },
          ],
        },
      ],
    },
  })),
  {
    files: BESIDE.files,
    ignores: BESIDE.ignores,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                ...LAYERS.flatMap((layer) => layer.imported),
                '**/app/**',
                '**/workers/**',
                '**/cli/**',
              ],
              message: `Layers point down: ${BESIDE.name} take only the pipeline's bottom layer (see eslint.config.js).`,
            },
          ],
        },
      ],
    },
  },
];

/**
 * Units a person can hold in their head (issue 16): no source file over 300 lines, no function over 60.
 * Tests and scripts are not held to it.
 */
const SIZE_LIMITS = {
  files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
  rules: {
    'max-lines': ['error', { max: 300 }],
    'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
  },
};

/**
 * Except the WebAssembly emitters (the users of src/pipeline/wasm.ts): each writes its module's body as
 * one list of instructions, whose length is its data, and split up it would read worse. morphology.ts
 * emits WebAssembly too, but fits, so it is held to the limit.
 */
const WASM_EMITTERS = {
  files: ['src/pipeline/rectify/warpKernel.ts', 'src/pipeline/outline/medianBlur5.ts'],
  rules: { 'max-lines-per-function': 'off' },
};

/**
 * The pipeline is pure and says what it found in its results: it never logs (a debugging line left in
 * it would write to the CLI's stderr and the worker's console on every photo).
 */
const PIPELINE_SILENT = {
  files: ['src/pipeline/**/*.ts'],
  rules: { 'no-console': 'error' },
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'fixtures/',
      'models/',
      // Emscripten's output for our OpenCV build (tools/opencv-build), as it made it.
      'vendor/',
      'test-results/',
      'playwright-report/',
      '.tmp/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layerRules,
  SIZE_LIMITS,
  WASM_EMITTERS,
  PIPELINE_SILENT,
  {
    // Preloads given to `node --require` must be CommonJS.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
