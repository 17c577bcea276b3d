/**
 * Where a SAML sign-in's time goes: the production build (one process) runs under V8's CPU
 * profiler while BENCH_N sequential sign-ins pass through it, and PostgreSQL's own counters are
 * read around them. Prints the functions and packages with the most CPU time (self), and per
 * sign-in: transactions on each database (an autocommit statement is one) and, per table, index
 * and sequential scans and rows written. Needs a build (`pnpm exec next build`).
 * BENCH_N=300, BENCH_PROFILE_DIR to keep the .cpuprofile files.
 */
import { mkdtempSync, readdirSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@gatehouse/db";
import { startProductionApp } from "./support/production-app";
import { topOfProfile } from "./support/cpu-profile";
import { processTree } from "./support/proc";
import { SamlSignInFixture } from "./support/saml-sign-ins";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const n = Number(process.env.BENCH_N ?? 300);
const profileDir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), "gatehouse-cpu-prof-"));

type Counters = { xacts: Map<string, number>; tables: Map<string, number[]> };
const TABLE_COLUMNS = ["seq_scan", "idx_scan", "n_tup_ins", "n_tup_upd", "n_tup_del"] as const;

type Sql = ReturnType<typeof createDatabase>["$client"];

async function readCounters(sql: Sql, databases: string[]): Promise<Counters> {
  const xacts = new Map<string, number>();
  for (const row of await sql<{ datname: string; xacts: string }[]>`
    SELECT datname, (xact_commit + xact_rollback)::text AS xacts FROM pg_stat_database WHERE datname = ANY(${databases})`)
    xacts.set(row.datname, Number(row.xacts));
  const tables = new Map<string, number[]>();
  for (const row of await sql<Record<string, string>[]>`
    SELECT schemaname || '.' || relname AS name, coalesce(seq_scan, 0)::text AS seq_scan, coalesce(idx_scan, 0)::text AS idx_scan,
           n_tup_ins::text AS n_tup_ins, n_tup_upd::text AS n_tup_upd, n_tup_del::text AS n_tup_del
    FROM pg_stat_user_tables`)
    tables.set(
      row.name!,
      TABLE_COLUMNS.map((c) => Number(row[c])),
    );
  return { xacts, tables };
}

/** Starts, or stops and writes, the CPU profiler in each node process of the server (see cpu-profile-preload.mjs; Next renames its process, so the executable tells). */
function toggleProfilers(root: number): void {
  for (const pid of processTree(root)) if (/\/node$/.test(readlinkSync(`/proc/${pid}/exe`))) process.kill(pid, "SIGUSR2");
}

/** Backends report their counters when idle for 10 s (PostgreSQL 15+): wait that long before reading. */
const settle = () => new Promise((r) => setTimeout(r, 11_000));

const app = await startProductionApp({
  port: 3460 + offset,
  pgPort: 54396,
  workers: 1,
  env: { NODE_OPTIONS: `--import ${join(import.meta.dirname, "support/cpu-profile-preload.mjs")}`, CPU_PROFILE_DIR: profileDir },
});
const fixture = await SamlSignInFixture.create(app).catch(async (error: unknown) => {
  await app.stop();
  throw error;
});
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
  console.log(`  per table (${TABLE_COLUMNS.join(", ")}):`);
  for (const [name, after] of busy.tables) {
    const before = idle0.tables.get(name) ?? TABLE_COLUMNS.map(() => 0);
    const perSignIn = after.map((v, i) => (v - before[i]!) / n);
    if (perSignIn.some((v) => v >= 0.05)) console.log(`    ${name.padEnd(44)} ${perSignIn.map((v) => v.toFixed(2).padStart(6)).join(" ")}`);
  }
} finally {
  await stats.end();
  await fixture.close();
  await app.stop();
}

const profiles = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
const { totalMs, functions, packages, ours } = topOfProfile(profiles.map((f) => join(profileDir, f)));
console.log(`\nCPU profile of the server (${profiles.length} processes, ${totalMs.toFixed(0)} ms sampled, ${(totalMs / n).toFixed(1)} ms per sign-in):`);
console.log("  by package (self time):");
for (const row of packages.slice(0, 15))
  console.log(`    ${row.ms.toFixed(0).padStart(7)} ms ${((100 * row.ms) / totalMs).toFixed(1).padStart(5)}%  ${row.name}`);
console.log("  by function (self time):");
for (const row of functions.slice(0, 25))
  console.log(`    ${row.ms.toFixed(0).padStart(7)} ms ${((100 * row.ms) / totalMs).toFixed(1).padStart(5)}%  ${row.name}`);
console.log("  our functions, total time (with what they call):");
for (const row of ours.slice(0, 30)) console.log(`    ${row.ms.toFixed(0).padStart(7)} ms ${((100 * row.ms) / totalMs).toFixed(1).padStart(5)}%  ${row.name}`);
if (!process.env.BENCH_PROFILE_DIR) rmSync(profileDir, { recursive: true, force: true });
process.exit(0);
