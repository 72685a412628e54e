// `npm test`: every test there is — type check, unit and integration tests (vitest, real
// Postgres) and browser tests (Playwright, real Chromium against the real portal) — then one
// closing line "N passed, N failed, N skipped" counted from the runners' JSON reports.
// Exits non-zero when anything failed or a runner could not run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const REPORTS = join(ROOT, ".reports");
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function run(title: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
  } catch {
    return null;
  }
}

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

// 1. Types: a type error anywhere fails the run.
const tscStatus = run("type check", bin("tsc"), ["--noEmit", "-p", "."]);
if (tscStatus !== 0) {
  total.failed += 1;
  runnerFailed = true;
} else total.passed += 1;

// 2. Unit and integration tests.
const vitestReport = join(REPORTS, "vitest.json");
const vitestStatus = run("unit and integration tests", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport}`,
]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestReport);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) runnerFailed = true;

// 3. Browser tests.
const playwrightReport = join(REPORTS, "playwright.json");
const playwrightStatus = run("browser tests", bin("playwright"), ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightReport);
if (playwright) {
  total.passed += playwright.stats.expected + playwright.stats.flaky;
  total.failed += playwright.stats.unexpected;
  total.skipped += playwright.stats.skipped;
}
if (playwrightStatus !== 0 && (!playwright || playwright.stats.unexpected === 0)) runnerFailed = true;

if (runnerFailed && total.failed === 0) total.failed = 1;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || runnerFailed ? 1 : 0);
