// ESLint: JavaScript's and typescript-eslint's recommended rules, and, with type information, the
// type-checked rules the tree passes: above all no promise left floating (no-floating-promises) nor
// passed where its result is ignored (no-misused-promises). The other type-checked rules of
// typescript-eslint's recommendedTypeChecked (no-unsafe-*, require-await, unbound-method, …) found
// about 600 places at their introduction; they are to be turned on as those are mended.
// Formatting is prettier's job (`npx prettier --check .`); import directions dependency-cruiser's.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const typeChecked = [
    'await-thenable',
    'no-array-delete',
    'no-duplicate-type-constituents',
    'no-floating-promises',
    'no-for-in-array',
    'no-implied-eval',
    'no-misused-promises',
    'no-redundant-type-constituents',
    'no-unsafe-unary-minus',
    'only-throw-error',
    'restrict-plus-operands',
];

export default tseslint.config(
    { ignores: ['dist/', 'node_modules/', 'test-results/', 'connectors/build/', 'connectors/.nango/', '**/*.generated.*', '**/*.js', '**/*.cjs', '**/*.mjs'] },
    js.configs.recommended,
    ...tseslint.configs.recommended,
    {
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
            ...Object.fromEntries(typeChecked.map((rule) => [`@typescript-eslint/${rule}`, 'error'])),
            // A leading underscore names what is left out on purpose (a destructured field, an unused parameter).
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
        },
    },
    {
        files: ['test/**/*.ts'],
        rules: {
            // Tests match printed output, whose indentation is spaces.
            'no-regex-spaces': 'off',
        },
    },
);
