import { readlinkSync } from "node:fs";
import { join } from "node:path";
import type { createDatabase } from "@gatehouse/db";
import { topOfProfile } from "./cpu-profile";
import { processTree } from "./proc";
import { startProductionApp, type ProductionApp } from "./production-app";
import { SamlSignInFixture } from "./saml-sign-ins";

/** The production build in one process with the CPU profiler preloaded (idle until toggled), and the SAML sign-in fixture on it. */
export async function startProfiledApp(options: {
  port: number;
  pgPort: number;
  profileDir: string;
}): Promise<{ app: ProductionApp; fixture: SamlSignInFixture }> {
  const app = await startProductionApp({
    port: options.port,
    pgPort: options.pgPort,
    workers: 1,
    env: { NODE_OPTIONS: `--import ${join(import.meta.dirname, "cpu-profile-preload.mjs")}`, CPU_PROFILE_DIR: options.profileDir },
  });
  const fixture = await SamlSignInFixture.create(app).catch(async (error: unknown) => {
    await app.stop();
    throw error;
  });
  return { app, fixture };
}

/** PostgreSQL's own counters: transactions per database, and per table scans and rows written. */
export type Counters = { xacts: Map<string, number>; tables: Map<string, number[]> };
export const TABLE_COLUMNS = ["seq_scan", "idx_scan", "n_tup_ins", "n_tup_upd", "n_tup_del"] as const;

type Sql = ReturnType<typeof createDatabase>["$client"];

export async function readCounters(sql: Sql, databases: string[]): Promise<Counters> {
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

/** Per table, the counters' change ÷ `n` where it reaches 0.05 (what one request or sign-in did). */
export function printTableCounters(before: Counters, after: Counters, n: number): void {
  console.log(`  per table (${TABLE_COLUMNS.join(", ")}):`);
  for (const [name, values] of after.tables) {
    const was = before.tables.get(name) ?? TABLE_COLUMNS.map(() => 0);
    const each = values.map((v, i) => (v - was[i]!) / n);
    if (each.some((v) => v >= 0.05)) console.log(`    ${name.padEnd(44)} ${each.map((v) => v.toFixed(2).padStart(6)).join(" ")}`);
  }
}

/** Starts, or stops and writes, the CPU profiler in each node process of the server (see cpu-profile-preload.mjs; Next renames its process, so the executable tells). */
export function toggleProfilers(root: number): void {
  for (const pid of processTree(root)) if (/\/node$/.test(readlinkSync(`/proc/${pid}/exe`))) process.kill(pid, "SIGUSR2");
}

/** Backends report their counters when idle for 10 s (PostgreSQL 15+): wait that long before reading. */
export const settle = () => new Promise((r) => setTimeout(r, 11_000));

/** The profile's top packages and functions (self time) and our functions (with what they call), per `unit`. */
export function printTopOfProfile(files: string[], n: number, unit: string, rows = { packages: 15, functions: 25, ours: 30 }): void {
  const { totalMs, functions, packages, ours } = topOfProfile(files);
  const pct = (ms: number) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / totalMs).toFixed(1).padStart(5)}%`;
  console.log(`\nCPU profile of the server (${files.length} processes, ${totalMs.toFixed(0)} ms sampled, ${(totalMs / n).toFixed(2)} ms per ${unit}):`);
  console.log("  by package (self time):");
  for (const row of packages.slice(0, rows.packages)) console.log(`    ${pct(row.ms)}  ${row.name}`);
  console.log("  by function (self time):");
  for (const row of functions.slice(0, rows.functions)) console.log(`    ${pct(row.ms)}  ${row.name}`);
  console.log("  our functions, total time (with what they call):");
  for (const row of ours.slice(0, rows.ours)) console.log(`    ${pct(row.ms)}  ${row.name}`);
}
