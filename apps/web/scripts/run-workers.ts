import cluster, { type Worker } from "node:cluster";
import { fileURLToPath } from "node:url";

/**
 * Forks `workers` processes that each serve the built app (serve-worker.mjs) on the same port: the
 * primary accepts connections and hands them out in turn (node:cluster's round robin), so one
 * slow request never waits behind another process's CPU. A worker that dies is replaced.
 */
export function runWorkers(options: { workers: number; port: number; env: Record<string, string>; nodeFlags?: string[]; onExit: () => Promise<void> }): void {
  let stopping = false;
  // The workers run serve-worker.mjs on node: neither start.ts again nor tsx's loader (this
  // process's execArgv), which cost each worker about 130 MB.
  cluster.setupPrimary({ exec: fileURLToPath(new URL("./serve-worker.mjs", import.meta.url)), execArgv: options.nodeFlags ?? [] });
  const env = { ...options.env, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const fork = (): Worker => cluster.fork(env);
  for (let i = 0; i < options.workers; i++) fork();
  console.log(`[gatehouse] serving on port ${options.port} with ${options.workers} processes`);

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void options.onExit().finally(() => process.exit(0));
      return;
    }
    console.error(`[gatehouse] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    // A worker that cannot start at all would otherwise be replaced in a tight loop.
    setTimeout(fork, 1000);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const running = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      if (running.length === 0) void options.onExit().finally(() => process.exit(0));
      for (const worker of running) worker.process.kill(signal);
    });
  }
}
