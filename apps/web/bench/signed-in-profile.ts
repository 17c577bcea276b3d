/**
 * Where a signed-in request's time goes: the production build (one process) runs under V8's CPU
 * profiler while BENCH_N sequential `GET /api/user/organizations` with a session cookie pass
 * through it, then as many `GET /api/health` (the no-op floor) under a second profile. Prints the
 * CPU per request of each, what the signed-in request spends beyond the no-op by package and
 * function, the signed-in profile's own top list, and PostgreSQL's transactions and table counters
 * per signed-in request. Needs a build (`pnpm exec next build`).
 * BENCH_N=3000, BENCH_PROFILE_DIR to keep the .cpuprofile files.
 */
import { mkdtempSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@gatehouse/db";
import { topOfProfile, type Row } from "./support/cpu-profile";
import { printTableCounters, printTopOfProfile, readCounters, settle, startProfiledApp, toggleProfilers } from "./support/profiling";
import { SamlSignInFixture } from "./support/saml-sign-ins";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const n = Number(process.env.BENCH_N ?? 3000);
const profileDir = process.env.BENCH_PROFILE_DIR ?? mkdtempSync(join(tmpdir(), "gatehouse-cpu-prof-"));
mkdirSync(profileDir, { recursive: true });

/** Each row's time in `profile` minus its time in `floor`, per request, largest first. */
function excessOver(profile: Row[], floor: Row[], count: number): Row[] {
  const floorMs = new Map(floor.map((row) => [row.name, row.ms]));
  const names = new Set([...profile, ...floor].map((row) => row.name));
  const inProfile = new Map(profile.map((row) => [row.name, row.ms]));
  return [...names].map((name) => ({ name, ms: ((inProfile.get(name) ?? 0) - (floorMs.get(name) ?? 0)) / count })).sort((a, b) => b.ms - a.ms);
}

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

const { app, fixture } = await startProfiledApp({ port: 3470 + offset, pgPort: 54397, profileDir });
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

const signedInTop = topOfProfile(signedIn);
const floorTop = topOfProfile(floor);
console.log(
  `\nServer CPU per request under the profiler: signed-in ${(signedInTop.totalMs / n).toFixed(2)} ms, no-op ${(floorTop.totalMs / n).toFixed(2)} ms; the excess by self time:`,
);
for (const [key, rows] of [
  ["packages", 12],
  ["functions", 30],
] as const) {
  console.log(`  by ${key.replace(/s$/, "")} (ms per request, signed-in − no-op):`);
  for (const row of excessOver(signedInTop[key], floorTop[key], n).slice(0, rows)) console.log(`    ${row.ms.toFixed(3).padStart(7)}  ${row.name}`);
}
printTopOfProfile(signedIn, n, "signed-in request", { packages: 12, functions: 20, ours: 30 });
if (!process.env.BENCH_PROFILE_DIR) rmSync(profileDir, { recursive: true, force: true });
process.exit(0);
