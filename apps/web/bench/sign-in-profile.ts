/**
 * Where a SAML sign-in's time goes: the production build (one process) runs under V8's CPU
 * profiler while BENCH_N sequential sign-ins pass through it, and PostgreSQL's own counters are
 * read around them. Prints the functions and packages with the most CPU time (self), and per
 * sign-in: transactions on each database (an autocommit statement is one) and, per table, index
 * and sequential scans and rows written. Needs a build (`pnpm exec next build`).
 * BENCH_N=300, BENCH_PROFILE_DIR to keep the .cpuprofile files.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@gatehouse/db";
import { printTableCounters, printTopOfProfile, readCounters, settle, startProfiledApp, toggleProfilers } from "./support/profiling";
import { SamlSignInFixture } from "./support/saml-sign-ins";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const n = Number(process.env.BENCH_N ?? 300);
const profileDir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), "gatehouse-cpu-prof-"));

const { app, fixture } = await startProfiledApp({ port: 3460 + offset, pgPort: 54396, profileDir });
const mainDb = new URL(app.databaseUrl).pathname.slice(1);
const databases = [mainDb, `${mainDb}_sso`];
const stats = createDatabase(app.databaseUrl, { max: 1 }).$client;
try {
  for (const p of await fixture.prepare(app.url, 30)) await SamlSignInFixture.signIn(app.url, p);
  const prepared = await fixture.prepare(app.url, n);
  await settle();
  const idle0 = await readCounters(stats, databases);
  toggleProfilers(app.pid);
  const t0 = performance.now();
  for (const p of prepared) await SamlSignInFixture.signIn(app.url, p);
  const busyMs = performance.now() - t0;
  toggleProfilers(app.pid);
  await settle();
  const busy = await readCounters(stats, databases);
  // As long again idle: pg-boss's polling and other background work, subtracted below.
  await new Promise((r) => setTimeout(r, busyMs));
  await settle();
  const idle = await readCounters(stats, databases);
  console.log(`${n} sequential sign-ins in ${(busyMs / 1000).toFixed(1)} s; per sign-in:`);
  for (const db of databases) {
    const during = busy.xacts.get(db)! - idle0.xacts.get(db)!;
    const background = idle.xacts.get(db)! - busy.xacts.get(db)!;
    console.log(
      `  ${db.endsWith("_sso") ? "Jackson's database" : "our database"}: ${((during - background) / n).toFixed(1)} transactions (background ${background} subtracted)`,
    );
  }
  printTableCounters(idle0, busy, n);
} finally {
  await stats.end();
  await fixture.close();
  await app.stop();
}

const profiles = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
printTopOfProfile(
  profiles.map((f) => join(profileDir, f)),
  n,
  "sign-in",
);
if (!process.env.BENCH_PROFILE_DIR) rmSync(profileDir, { recursive: true, force: true });
process.exit(0);
