/**
 * Does RSS grow with POST bodies in Node, in Next.js or in our app? POSTs BENCH_POSTS (12,000)
 * urlencoded bodies of BENCH_BODY_KB (12 KB, a SAML response's size) to one server, BENCH_CONCURRENCY
 * (16) at a time, and prints the server's RSS split by mapping kind (/proc/<pid>/smaps) every 2,000
 * and after 5 s idle, with its process.memoryUsage() at the end.
 *
 *   BENCH_TARGET=node       a bare node:http server that reads and parses each body
 *   BENCH_TARGET=next-bare  `next start` in BENCH_BARE_NEXT_DIR (a built app of the same Next/React)
 *   BENCH_TARGET=app        our production build (`pnpm exec next build` first), started as operators do
 *   BENCH_PATH              the path to POST to (defaults: "/" for node, "/api/echo" for next-bare, "/help/sign-in" for app)
 *   BENCH_ALLOCATOR=jemalloc  the server runs with libjemalloc preloaded (LD_PRELOAD) instead of glibc's malloc
 *
 * Other variables of the run (NODE_OPTIONS, MALLOC_*) reach the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { processTree, treeRssMb } from "./support/proc";
import { allocatorEnv } from "./support/jemalloc";
import { startProductionApp } from "./support/production-app";
import { formatSplit, mappingSplit } from "./support/smaps";
import { timeConcurrently } from "./support/stats";

const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const target = process.env.BENCH_TARGET ?? "node";
const posts = Number(process.env.BENCH_POSTS ?? 12_000);
const bodyBytes = Number(process.env.BENCH_BODY_KB ?? 12) * 1024;
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 16);
const allocator = process.env.BENCH_ALLOCATOR ?? "glibc";
const port = 3460 + offset;
const appDir = resolve(import.meta.dirname, "..");
const memoryLog = join(appDir, `.memory-usage-${process.pid}.jsonl`);

const serverEnv: Record<string, string> = {
  NODE_OPTIONS: [process.env.NODE_OPTIONS, `--import ${join(import.meta.dirname, "support/memory-usage-preload.mjs")}`].filter(Boolean).join(" "),
  MEMORY_LOG_FILE: memoryLog,
  ...allocatorEnv(allocator),
};

// A bare node:http server: reads the whole body and parses it, as a form handler would.
const bareNodeServer = `
require("node:http").createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const fields = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ fields: [...fields.keys()].length }));
  });
}).listen(${port});`;

async function waitUntilListening(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}`);
    const isListening = await fetch(url).then(
      () => true,
      () => false,
    );
    if (isListening) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not listen within a minute");
}

/** Starts the target; returns its URL, the root of its process tree and how to stop it. */
async function startTarget(): Promise<{ url: string; root: () => number; path: string; stop: () => Promise<void> }> {
  if (target === "app") {
    const app = await startProductionApp({ port, pgPort: 54392, workers: 1, env: serverEnv });
    return { url: app.url, root: () => app.pid, path: process.env.BENCH_PATH ?? "/help/sign-in", stop: app.stop };
  }
  const [command, args, cwd, path] =
    target === "node"
      ? ["node", ["-e", bareNodeServer], appDir, "/"]
      : target === "next-bare"
        ? ["node_modules/.bin/next", ["start", "--port", String(port)], process.env.BENCH_BARE_NEXT_DIR ?? "", "/api/echo"]
        : [];
  if (!command) throw new Error(`BENCH_TARGET must be node, next-bare or app (got "${target}")`);
  if (target === "next-bare" && !existsSync(join(cwd!, ".next"))) throw new Error("BENCH_BARE_NEXT_DIR must name a built Next.js app");
  const child = spawn(command, args as string[], {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...serverEnv, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://localhost:${port}`;
  await waitUntilListening(url, child);
  return {
    url,
    root: () => child.pid!,
    path: process.env.BENCH_PATH ?? (path as string),
    stop: async () => {
      process.kill(-child.pid!, "SIGKILL");
    },
  };
}

/** The server is the tree's largest process (the app runs under a tsx wrapper). */
function serverPid(root: number): number {
  const pids = processTree(root);
  const rss = treeRssMb(root);
  return pids[rss.indexOf(Math.max(...rss))]!;
}

/** The server's own process.memoryUsage(): the first sample at or after `since` (ms), or the last. */
function memoryUsage(pid: number, since?: number): string {
  if (!existsSync(memoryLog)) return "(no sample)";
  const rows = readFileSync(memoryLog, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, number>)
    .filter((r) => r.pid === pid);
  const r = since === undefined ? rows.at(-1) : rows.find((row) => row.at! >= since);
  if (!r) return "(no sample)";
  const mb = (v: number) => `${(v / 1048576).toFixed(0)} MB`;
  return `heap total ${mb(r.heapTotal!)} (used ${mb(r.heapUsed!)}), external ${mb(r.external!)} (array buffers ${mb(r.arrayBuffers!)})`;
}

// A SAML-response-like form: base64 of random bytes, so no two bodies are the same.
const body = () =>
  `SAMLResponse=${encodeURIComponent(randomBytes(Math.floor((bodyBytes * 3) / 4) - 30).toString("base64"))}&RelayState=${randomBytes(8).toString("hex")}`;

const server = await startTarget();
try {
  // A few requests first, so lazily loaded code is in before the start figure.
  const post = async () => {
    const res = await fetch(`${server.url}${server.path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: body(),
      redirect: "manual",
    });
    await res.arrayBuffer();
  };
  for (let i = 0; i < 20; i++) await post();
  const pid = serverPid(server.root());
  const start = mappingSplit(pid);
  const startedAt = Date.now();
  console.log(`${target} (${allocator}) POST ${server.path}, ${posts} × ${bodyBytes / 1024} KB, ${concurrency} concurrent`);
  console.log(`  start:        ${formatSplit(start)}`);
  let last = start;
  for (let done = 0; done < posts; done += 2000) {
    const batch = Math.min(2000, posts - done);
    await timeConcurrently(Array.from({ length: batch }), concurrency, post);
    last = mappingSplit(pid);
    console.log(`  after ${String(done + batch).padStart(6)}: ${formatSplit(last)}`);
  }
  await new Promise((r) => setTimeout(r, 5000));
  last = mappingSplit(pid);
  console.log(`  5 s idle:     ${formatSplit(last)}`);
  console.log(`  growth ${(last.rss - start.rss).toFixed(0)} MB`);
  console.log(`  JS at the start: ${memoryUsage(pid, startedAt)}`);
  console.log(`  JS at the end:   ${memoryUsage(pid)}`);
} finally {
  await server.stop();
  rmSync(memoryLog, { force: true });
}
process.exit(0);
