import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * `pnpm test`: the lint, then every package's unit and integration tests (vitest, or node:test where a package
 * uses it), then the Playwright end-to-end suite. Each runner prints its own closing line; this
 * prints one more that adds them up.
 */
const root = path.resolve(import.meta.dirname, "..");
const reports = mkdtempSync(path.join(tmpdir(), "gatehouse-test-"));
// Nothing may leave the machine during tests.
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1", DO_NOT_TRACK: "1" };

type Tally = { name: string; passed: number; failed: number; skipped: number; exitCode: number };
const tallies: Tally[] = [];

function run(command: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...env, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const relay = (chunk: Buffer, to: NodeJS.WriteStream) => {
      output += chunk.toString();
      to.write(chunk);
    };
    child.stdout.on("data", (c: Buffer) => relay(c, process.stdout));
    child.stderr.on("data", (c: Buffer) => relay(c, process.stderr));
    child.on("exit", (code) => resolve({ code: code ?? 1, output }));
  });
}

// The lint first: it takes seconds, and a broken boundary or a stray process.env should fail CI
// before the long suites start.
console.log("\n━━ eslint: pnpm lint");
const lint = await run("pnpm", ["run", "lint"], root);
if (lint.code !== 0) {
  console.log("\nLint failed (see above); fix it, or run `pnpm lint` to check again. Tests not run.");
  process.exit(1);
}

const packages = ["packages", "apps"].flatMap((dir) => readdirSync(path.join(root, dir)).map((name) => path.join(root, dir, name)));

for (const dir of packages) {
  const manifest = path.join(dir, "package.json");
  if (!existsSync(manifest)) continue;
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; scripts?: Record<string, string> };
  const script = pkg.scripts?.test;
  if (!script) continue;
  console.log(`\n━━ ${pkg.name}: ${script}`);
  if (script.startsWith("vitest")) {
    const out = path.join(reports, `${pkg.name.replace(/\W/g, "_")}.json`);
    const { code } = await run("pnpm", ["exec", "vitest", "run", "--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile=${out}`], dir);
    const report = existsSync(out)
      ? (JSON.parse(readFileSync(out, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number })
      : null;
    tallies.push({
      name: pkg.name,
      passed: report?.numPassedTests ?? 0,
      failed: report?.numFailedTests ?? (code ? 1 : 0),
      skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
      exitCode: code,
    });
  } else {
    // node:test's spec reporter closes with "ℹ pass N" / "ℹ fail N" lines.
    const { code, output } = await run("pnpm", ["run", "test"], dir);
    const count = (label: string) => Number(new RegExp(`(?:ℹ|#) ${label} (\\d+)`).exec(output)?.[1] ?? 0);
    tallies.push({ name: pkg.name, passed: count("pass"), failed: count("fail") || (code ? 1 : 0), skipped: count("skipped"), exitCode: code });
  }
}

if (process.env.SKIP_E2E !== "1") {
  console.log("\n━━ @gatehouse/web: Playwright end-to-end (Debian chromium)");
  const { code } = await run("pnpm", ["--filter", "@gatehouse/web", "test:e2e"], root);
  const report = existsSync(path.join(root, "apps/web/test-results/e2e.json"))
    ? (JSON.parse(readFileSync(path.join(root, "apps/web/test-results/e2e.json"), "utf8")) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      })
    : null;
  tallies.push({
    name: "playwright (e2e)",
    passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0),
    failed: report?.stats.unexpected ?? (code ? 1 : 0),
    skipped: report?.stats.skipped ?? 0,
    exitCode: code,
  });

  // Two app instances on one PostgreSQL, from the build the run above made.
  console.log("\n━━ @gatehouse/web: Playwright, two instances on one PostgreSQL");
  const two = await run("pnpm", ["--filter", "@gatehouse/web", "test:e2e:two-instances"], root, { E2E_SKIP_BUILD: "1" });
  const twoReport = existsSync(path.join(root, "apps/web/test-results/e2e-two-instances.json"))
    ? (JSON.parse(readFileSync(path.join(root, "apps/web/test-results/e2e-two-instances.json"), "utf8")) as {
        stats: { expected: number; unexpected: number; flaky: number; skipped: number };
      })
    : null;
  tallies.push({
    name: "playwright (2 instances)",
    passed: (twoReport?.stats.expected ?? 0) + (twoReport?.stats.flaky ?? 0),
    failed: twoReport?.stats.unexpected ?? (two.code ? 1 : 0),
    skipped: twoReport?.stats.skipped ?? 0,
    exitCode: two.code,
  });
}

console.log("\n━━ Summary");
for (const t of tallies)
  console.log(
    `${t.name.padEnd(26)} ${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}${t.exitCode ? `  (exit ${t.exitCode})` : ""}`,
  );
const total = tallies.reduce((a, t) => ({ passed: a.passed + t.passed, failed: a.failed + t.failed }), { passed: 0, failed: 0 });
const failed = tallies.some((t) => t.exitCode !== 0) ? Math.max(total.failed, 1) : total.failed;
console.log(`\ntests: ${total.passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
