// ESLint 9 flat config: Next's rules (core web vitals), typescript-eslint's, and the one rule that keeps the
// layout honest: imports point app -> components -> lib -> db, never back (see "Hur koden är ordnad" in the README).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const layers = [
  { target: "./components", from: "./app", message: "En komponent importerar aldrig från app/ (skicka in action som prop)." },
  { target: "./lib", from: "./app", message: "lib/ importerar aldrig från app/." },
  { target: "./lib", from: "./components", message: "lib/ importerar aldrig komponenter." },
  { target: "./db", from: "./app", message: "db/ importerar bara db/." },
  { target: "./db", from: "./components", message: "db/ importerar bara db/." },
  // db/schema.ts builds its column enums from lib/domain.ts (no Drizzle, no zod, no server code in it).
  { target: "./db", from: "./lib", except: ["./domain.ts"], message: "db/ importerar bara db/ (och lib/domain.ts)." },
  { target: "./db", from: "./scripts", message: "db/ importerar bara db/." },
  { target: "./db", from: "./test", message: "db/ importerar bara db/." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", "bench/out/**", "data/**", "test-results/**", "playwright-report/**", "public/sw.js"]),
  {
    rules: {
      "import/no-restricted-paths": ["error", { zones: layers }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Vitest's useTempOutbox and Playwright's fixture `use` are not React hooks.
    files: ["**/*.test.ts", "e2e/**", "test/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Production code never imports the test helpers.
    files: ["app/**", "components/**", "lib/**", "db/**", "scripts/**"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/test/*", "**/test/*"], message: "Testhjälpen i test/ är bara för tester." }] },
      ],
    },
  },
]);
