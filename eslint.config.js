// @ts-check
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * One lint for the whole monorepo (`pnpm lint`). Rules are chosen to catch bugs and keep the
 * package boundaries, not to restyle code: formatting is Prettier's job (`pnpm format`).
 */

// Files that legitimately read the environment: the app's one env module, Next's runtime probe,
// the CLI's env module, and everything that starts or drives processes (scripts, tests, benches,
// configs, the IdP sandbox that only exists for tests and `pnpm dev`).
const envReaders = [
  "apps/web/src/env.ts",
  "apps/web/src/instrumentation.ts",
  "packages/cli/src/env.ts",
  "apps/idp-sandbox/**",
  "packages/testing/**",
  "packages/db/src/testing.ts",
  "scripts/**",
  "**/scripts/**",
  "**/test/**",
  "**/e2e/**",
  "**/bench/**",
  "**/*.test.ts",
  "**/*.config.{ts,js,mjs}",
];

const appImports = {
  group: ["@gatehouse/web", "@gatehouse/web/*", "@gatehouse/idp-sandbox", "@gatehouse/idp-sandbox/*", "**/apps/**"],
  message: "Packages never import apps: move the shared piece into a package.",
};
// The IdP sandbox is a test fixture: packages' tests and benches may drive it, their code may not.
const appImportsOutsideTests = { ...appImports, group: ["@gatehouse/web", "@gatehouse/web/*", "**/apps/**"] };
const deepPackageImports = { group: ["**/packages/*/src/**"], message: "Import a package by its name (@gatehouse/…), not by a path into its source." };

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.next/**",
      "**/dist/**",
      "**/.state/**",
      "**/test-results/**",
      "**/playwright-report/**",
      "**/next-env.d.ts",
      "packages/db/migrations/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: "latest", sourceType: "module" },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // Local .d.ts files type untyped libraries; a path reference is how they are pulled in.
      "@typescript-eslint/triple-slash-reference": ["error", { path: "always", types: "prefer-import", lib: "always" }],
      // Input checks here strip or refuse control characters on purpose (XML, SVG, IdP fields).
      "no-control-regex": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read configuration through apps/web/src/env.ts (or the CLI's src/env.ts), where it is validated once.",
        },
      ],
      "no-restricted-imports": ["error", { patterns: [deepPackageImports] }],
    },
  },
  { files: envReaders, rules: { "no-restricted-properties": "off" } },
  {
    // Tests read JSON answers loosely, and Playwright fixtures must destructure (`async ({}, use)`).
    files: ["**/test/**", "**/e2e/**", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-empty-pattern": "off" },
  },
  {
    files: ["packages/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImports, deepPackageImports] }] },
  },
  {
    files: ["packages/*/test/**", "packages/*/bench/**", "packages/**/*.test.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [appImportsOutsideTests, deepPackageImports] }] },
  },
  {
    // Decisions stay free of the framework: core runs in the CLI, jobs and tests too.
    files: ["packages/core/**"],
    ignores: ["packages/core/test/**", "packages/core/bench/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            appImports,
            deepPackageImports,
            {
              group: ["next", "next/*", "next-auth", "next-auth/*", "react", "react/*", "react-dom", "react-dom/*"],
              message: "packages/core holds pure decisions and operations: no Next.js or React here.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["apps/web/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin },
    settings: { next: { rootDir: "apps/web/" } },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      // Our images are data: URLs (QR codes) and admin-uploaded logos; next/image adds nothing there.
      "@next/next/no-img-element": "off",
    },
  },
);
