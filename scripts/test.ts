// `npm test`: every test there is — lint (ESLint with the layer boundaries, Prettier), type check,
// unit and integration tests (vitest, real Postgres) and browser tests (Playwright, real Chromium
// against the real portal) — then one closing line "N passed, N failed, N skipped" counted from
// the runners' JSON reports. Exits non-zero when anything failed or a runner could not run.
//
//   npm test                      everything (what CI runs)
//   npm test -- <pattern…>        only the test files whose path matches, in both runners
//                                 (vitest: the path contains it; Playwright: the path matches it
//                                 as a regular expression); lint and types are skipped
//   npm run check                 lint, types and unit tests: the fast loop before a commit
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");
const REPORTS = join(ROOT, ".reports");
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const args = process.argv.slice(2);
const isCheck = args.includes("--check");
const patterns = args.filter((arg) => arg !== "--check");

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function run(title: string, command: string, commandArgs: string[], env: Record<string, string> = {}): number {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, commandArgs, {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return result.status ?? 1;
}

/** Steps without a report of their own (lint, types) run side by side, one core each, their
 *  output printed whole as each ends; each counts as one test. */
async function runSteps(steps: { title: string; command: string; args: string[] }[]): Promise<void> {
  await Promise.all(
    steps.map(
      ({ title, command, args: stepArgs }) =>
        new Promise<void>((done) => {
          const child = spawn(command, stepArgs, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: "1" } });
          const output: Buffer[] = [];
          child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
          child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
          child.on("close", (code) => {
            console.log(`\n━━ ${title} ━━`);
            process.stdout.write(Buffer.concat(output));
            if (code === 0) total.passed += 1;
            else {
              console.log(`${title} failed`);
              total.failed += 1;
              runnerFailed = true;
            }
            done();
          });
        }),
    ),
  );
}

function readJson<T>(file: string): T | null {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : null;
  } catch {
    return null;
  }
}

function testFiles(folder: string, suffix: string): string[] {
  const dir = join(ROOT, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(suffix))
    .map((name) => relative(ROOT, join(dir, name)));
}

const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);

// A runner is skipped when a pattern leaves it no file (Playwright would still build and start
// the portal only to find nothing to run).
const vitestSelected =
  patterns.length === 0 ||
  [...testFiles("tests/unit", ".test.ts"), ...testFiles("tests/integration", ".test.ts")].some((file) =>
    patterns.some((p) => file.includes(p)),
  );
const playwrightSelected =
  !isCheck && (patterns.length === 0 || testFiles("tests/e2e", ".spec.ts").some((file) => patterns.some((p) => new RegExp(p).test(file))));

// 1. Lint and types: a boundary broken, a file not formatted or a type error anywhere fails the run.
if (patterns.length === 0) {
  await runSteps([
    { title: "lint", command: "npm", args: ["run", "--silent", "lint"] },
    { title: "type check", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
  ]);
}

// 2. Unit and integration tests (unit only for `npm run check`).
if (vitestSelected) {
  const vitestReport = join(REPORTS, "vitest.json");
  const vitestStatus = run(isCheck ? "unit tests" : "unit and integration tests", bin("vitest"), [
    "run",
    ...(isCheck ? ["--project", "unit"] : []),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${vitestReport}`,
    ...(patterns.length > 0 ? ["--passWithNoTests", ...patterns] : []),
  ]);
  const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestReport);
  if (vitest) {
    total.passed += vitest.numPassedTests;
    total.failed += vitest.numFailedTests;
    total.skipped += vitest.numPendingTests + vitest.numTodoTests;
  }
  if (vitestStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) runnerFailed = true;
}

// 3. Browser tests.
if (playwrightSelected) {
  const playwrightReport = join(REPORTS, "playwright.json");
  const playwrightStatus = run("browser tests", bin("playwright"), ["test", ...patterns], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightReport);
  if (playwright) {
    total.passed += playwright.stats.expected + playwright.stats.flaky;
    total.failed += playwright.stats.unexpected;
    total.skipped += playwright.stats.skipped;
  }
  if (playwrightStatus !== 0 && (!playwright || playwright.stats.unexpected === 0)) runnerFailed = true;
}

if (!vitestSelected && !playwrightSelected && patterns.length > 0) {
  console.error(`\nNo test file matches ${patterns.join(" ")}`);
  runnerFailed = true;
}

if (runnerFailed && total.failed === 0) total.failed = 1;
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 || runnerFailed ? 1 : 0);
