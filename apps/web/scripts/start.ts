import { availableParallelism } from "node:os";
import { prepareDatabase } from "./prepare-database";
import { runNext } from "./run-next";
import { runWorkers } from "./run-workers";
import { serverNodeFlags } from "./server-node-flags";

// `pnpm start` after `pnpm build`: migrations on start, never the demo seed. WEB_CONCURRENCY > 1
// (or "auto": one per core) serves through that many processes on the one port (run-workers.ts).
const port = process.env.PORT ?? "3000";
const requested = process.env.WEB_CONCURRENCY ?? "1";
const workers = requested === "auto" ? availableParallelism() : Number(requested);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  console.error(`[gatehouse] WEB_CONCURRENCY must be a whole number from 1 to 64, or "auto" (got "${requested}").`);
  process.exit(1);
}
const heap = serverNodeFlags(process.env);
if (!heap.ok) {
  console.error(`[gatehouse] ${heap.error}`);
  process.exit(1);
}
const database = await prepareDatabase({ seed: false });
if (workers === 1) runNext(["start", "--port", port], { DATABASE_URL: database.url }, database.stop, heap.flags);
else runWorkers({ workers, port: Number(port), env: { DATABASE_URL: database.url }, nodeFlags: heap.flags, onExit: database.stop });
