/**
 * Is the server's memory growth across sign-ins a leak? Starts the production build with
 * --heapsnapshot-signal, signs in BENCH_WARMUP times, takes a heap snapshot, signs in BENCH_N
 * more times (16 concurrent), takes another, and prints RSS, heap used and what grew most
 * between the two snapshots, then the server's own process.memoryUsage() (JS heap, external,
 * and what lies outside both: native memory). MALLOC_ARENA_MAX and NODE_OPTIONS of the run reach
 * the server. Needs a build (`pnpm exec next build`).
 *
 * BENCH_SNAPSHOTS=0 takes no snapshots: writing one costs the server native memory of several
 * times its heap, which glibc keeps, so RSS after a snapshot is no figure of the sign-ins.
 * BENCH_ALLOCATOR=jemalloc runs the server under jemalloc (LD_PRELOAD) instead of glibc's malloc.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { startProductionApp } from "./support/production-app";
import { heapGrowth } from "./support/heap-snapshot";
import { allocatorEnv } from "./support/jemalloc";
import { processTree, treeCpuMs, treeRssMb } from "./support/proc";
import { formatSplit, mappingSplit } from "./support/smaps";
import { SamlSignInFixture } from "./support/saml-sign-ins";
import { timeConcurrently } from "./support/stats";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const warmup = Number(process.env.BENCH_WARMUP ?? 200);
const n = Number(process.env.BENCH_N ?? 1000);
const withSnapshots = process.env.BENCH_SNAPSHOTS !== "0";
const allocator = process.env.BENCH_ALLOCATOR;
const appDir = resolve(import.meta.dirname, "..");

const snapshots = () => new Set(readdirSync(appDir).filter((f) => f.endsWith(".heapsnapshot")));

function serverPid(root: number): number {
  const pids = processTree(root);
  const rss = treeRssMb(root);
  return pids[rss.indexOf(Math.max(...rss))]!;
}

/** Asks the server process (the tree's largest) for a snapshot and waits until it is written. */
async function takeSnapshot(root: number): Promise<string> {
  const before = snapshots();
  process.kill(serverPid(root), "SIGUSR2");
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const [file] = [...snapshots()].filter((f) => !before.has(f));
    if (!file) continue;
    // V8 writes the file in pieces: it is complete when its JSON closes.
    const path = join(appDir, file);
    const size = statSync(path).size;
    const tail = Buffer.alloc(16);
    const fd = openSync(path, "r");
    readSync(fd, tail, 0, 16, Math.max(0, size - 16));
    closeSync(fd);
    if (tail.toString().trimEnd().endsWith("]}")) return path;
  }
}

async function signIns(app: Awaited<ReturnType<typeof startProductionApp>>, fixture: SamlSignInFixture, count: number) {
  for (let done = 0; done < count; done += 250) {
    const prepared = await fixture.prepare(app.url, Math.min(250, count - done));
    await timeConcurrently(prepared, 16, async (p) => void (await SamlSignInFixture.signIn(app.url, p)));
    // Every 1,000: enough points to see whether RSS levels off.
    if ((done + 250) % 1000 === 0 && done + 250 < count) console.log(`  after ${done + 250}: ${await split()}`);
  }
}

// NODE_OPTIONS of this run (say --max-semi-space-size=…) reach the server too.
const memoryLog = join(appDir, `.memory-usage-${process.pid}.jsonl`);
const nodeOptions = [
  process.env.NODE_OPTIONS,
  withSnapshots ? "--heapsnapshot-signal=SIGUSR2" : "--expose-gc",
  `--import ${join(import.meta.dirname, "support/memory-usage-preload.mjs")}`,
]
  .filter(Boolean)
  .join(" ");
const app = await startProductionApp({
  port: 3450 + offset,
  pgPort: 54390,
  workers: 1,
  env: { NODE_OPTIONS: nodeOptions, MEMORY_LOG_FILE: memoryLog, ...allocatorEnv(allocator) },
});

/** The server's own view of its memory (the largest process in the log), first and last sample. */
function memoryUsageSummary(): string[] {
  if (!existsSync(memoryLog)) return [];
  const rows = readFileSync(memoryLog, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, number>);
  const largest = rows.reduce((a, b) => (b.rss! > a.rss! ? b : a));
  const own = rows.filter((r) => r.pid === largest.pid);
  const mbOf = (v: number) => `${(v / 1048576).toFixed(0)} MB`;
  return [own[0]!, own.at(-1)!].map(
    (r, i) =>
      `  ${i === 0 ? "first" : "last "}: rss ${mbOf(r.rss!)}, heap total ${mbOf(r.heapTotal!)} (used ${mbOf(r.heapUsed!)}), external ${mbOf(r.external!)} (array buffers ${mbOf(r.arrayBuffers!)}), outside all of these ${mbOf(r.rss! - r.heapTotal! - r.external!)}`,
  );
}
const fixture = await SamlSignInFixture.create(app);
const files: string[] = [];
const mb = () =>
  treeRssMb(app.pid)
    .map((v) => v.toFixed(0))
    .join(" + ");
/** The server's RSS by mapping kind; without snapshots, also its JS heap after a full GC. */
async function split(): Promise<string> {
  const pid = serverPid(app.pid);
  const before = formatSplit(mappingSplit(pid));
  if (withSnapshots) return before;
  process.kill(pid, "SIGUSR2");
  await new Promise((r) => setTimeout(r, 2000));
  type GcSample = { pid: number; afterGc?: boolean; heapUsed: number; heapTotal: number; external: number; spaces: Record<string, [number, number]> };
  const rows = readFileSync(memoryLog, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as GcSample);
  const gc = rows.filter((r) => r.pid === pid && r.afterGc).at(-1);
  if (!gc) return before;
  const mbOf = (v: number) => `${(v / 1048576).toFixed(0)} MB`;
  const spaces = Object.entries(gc.spaces)
    .filter(([, [size]]) => size > 1048576)
    .map(([name, [size, used]]) => `${name} ${mbOf(used)}/${mbOf(size)}`)
    .join(", ");
  return `${before}\n    after a full GC: JS heap used ${mbOf(gc.heapUsed)} of ${mbOf(gc.heapTotal)} (${spaces}), external ${mbOf(gc.external)}; ${formatSplit(mappingSplit(pid))}`;
}
try {
  console.log(`RSS at start: ${mb()} MB; the server: ${await split()}`);
  // The first sign-in links the identity; after it, sign-ins run concurrently.
  for (const p of await fixture.prepare(app.url, 1)) await SamlSignInFixture.signIn(app.url, p);
  await signIns(app, fixture, warmup);
  console.log(`RSS after ${warmup} warm-up sign-ins: ${mb()} MB; the server: ${await split()}`);
  if (withSnapshots) files.push(await takeSnapshot(app.pid));
  const [t0, cpu0] = [performance.now(), treeCpuMs(app.pid)];
  await signIns(app, fixture, n);
  // Includes preparing the signed responses (in this process) and the GC samples: for comparing runs only.
  const [wallS, cpuMs] = [(performance.now() - t0) / 1000, treeCpuMs(app.pid) - cpu0];
  console.log(`RSS after ${n} more sign-ins: ${mb()} MB; the server: ${await split()}`);
  console.log(`  ${n} sign-ins in ${wallS.toFixed(0)} s; the app's CPU ${(cpuMs / n).toFixed(1)} ms per sign-in`);
  if (withSnapshots) {
    files.push(await takeSnapshot(app.pid));
    console.log(`Heap growth between the snapshots (${warmup} → ${warmup + n} sign-ins), largest first:`);
    for (const row of heapGrowth(files[0]!, files[1]!))
      console.log(`  ${(row.bytes / 1024).toFixed(0).padStart(8)} KB  ${String(row.count).padStart(7)}  ${row.name}`);
  }
  console.log("The server's process.memoryUsage(), first and last sample:");
  for (const line of memoryUsageSummary()) console.log(line);
} finally {
  for (const file of files) rmSync(file, { force: true });
  await fixture.close();
  await app.stop();
  rmSync(memoryLog, { force: true });
}
process.exit(0);
