/**
 * Where a signed-in request's time goes: the production build (one process) runs under V8's CPU
 * profiler while BENCH_N sequential `GET /api/user/organizations` with a session cookie pass
 * through it, then as many `GET /api/health` (the no-op floor) under a second profile. Prints the
 * CPU per request of each, the signed-in profile's top packages and functions, and PostgreSQL's
 * transactions and table counters per signed-in request. Needs a build (`pnpm exec next build`).
 * BENCH_N=3000, BENCH_PROFILE_DIR to keep the .cpuprofile files.
 */
import { mkdtempSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@gatehouse/db";
import { topOfProfile } from "./support/cpu-profile";
import { startProductionApp } from "./support/production-app";
import { printTableCounters, printTopOfProfile, readCounters, settle, toggleProfilers } from "./support/profiling";
import { SamlSignInFixture } from "./support/saml-sign-ins";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const n = Number(process.env.BENCH_N ?? 3000);
const profileDir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), "gatehouse-cpu-prof-"));
mkdirSync(profileDir, { recursive: true });

async function requests(url: string, cookie: string | null, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await fetch(url, { headers: cookie ? { cookie } : {} });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  }
}

/** Profiles `count` sequential requests; returns the profile files, moved to their own folder. */
async function profiled(pid: number, name: string, run: () => Promise<void>): Promise<string[]> {
  toggleProfilers(pid);
  await run();
  toggleProfilers(pid);
  // The preload writes its file once the profiler has stopped.
  await new Promise((r) => setTimeout(r, 2000));
  const dir = join(profileDir, name);
  mkdirSync(dir, { recursive: true });
  return readdirSync(profileDir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => {
      renameSync(join(profileDir, f), join(dir, f));
      return join(dir, f);
    });
}

const app = await startProductionApp({
  port: 3470 + offset,
  pgPort: 54397,
  workers: 1,
  env: { NODE_OPTIONS: `--import ${join(import.meta.dirname, "support/cpu-profile-preload.mjs")}`, CPU_PROFILE_DIR: profileDir },
});
const fixture = await SamlSignInFixture.create(app).catch(async (error: unknown) => {
  await app.stop();
  throw error;
});
const signedInUrl = `${app.url}/api/user/organizations`;
const floorUrl = `${app.url}/api/health`;
const mainDb = new URL(app.databaseUrl).pathname.slice(1);
const stats = createDatabase(app.databaseUrl, { max: 1 }).$client;
let signedIn: string[] = [];
let floor: string[] = [];
try {
  const [prepared] = await fixture.prepare(app.url, 1);
  const cookie = await SamlSignInFixture.signIn(app.url, prepared!);
  await requests(signedInUrl, cookie, 500);
  await requests(floorUrl, null, 500);
  await settle();
  const idle0 = await readCounters(stats, [mainDb]);
  const t0 = performance.now();
  signedIn = await profiled(app.pid, "signed-in", () => requests(signedInUrl, cookie, n));
  const busyMs = performance.now() - t0;
  await settle();
  const busy = await readCounters(stats, [mainDb]);
  await new Promise((r) => setTimeout(r, busyMs));
  await settle();
  const idle = await readCounters(stats, [mainDb]);
  const background = idle.xacts.get(mainDb)! - busy.xacts.get(mainDb)!;
  console.log(`${n} sequential signed-in requests in ${(busyMs / 1000).toFixed(1)} s (${(busyMs / n).toFixed(2)} ms each); per request:`);
  console.log(`  ${((busy.xacts.get(mainDb)! - idle0.xacts.get(mainDb)! - background) / n).toFixed(2)} transactions (background ${background} subtracted)`);
  printTableCounters(idle0, busy, n);
  const t1 = performance.now();
  floor = await profiled(app.pid, "no-op", () => requests(floorUrl, null, n));
  console.log(`${n} sequential no-op requests in ${((performance.now() - t1) / 1000).toFixed(1)} s (${((performance.now() - t1) / n).toFixed(2)} ms each)`);
} finally {
  await stats.end();
  await fixture.close();
  await app.stop();
}

const floorMs = topOfProfile(floor).totalMs;
console.log(`\nno-op floor: ${(floorMs / n).toFixed(2)} ms of server CPU per request`);
printTopOfProfile(signedIn, n, "signed-in request", { packages: 20, functions: 40, ours: 40 });
if (!process.env.BENCH_PROFILE_DIR) rmSync(profileDir, { recursive: true, force: true });
process.exit(0);
