// Preloaded into the server's processes (NODE_OPTIONS=--import …) by the memory benches: every 2 s it
// appends process.memoryUsage() to MEMORY_LOG_FILE, so RSS can be split into the JS heap, memory
// outside it held by JS objects (external, array buffers) and the rest (native). Run with
// --expose-gc (and no --heapsnapshot-signal), SIGUSR2 collects garbage first and appends a sample
// marked `afterGc`: what the heap still holds then is live, not garbage V8 has not collected yet.
import { appendFileSync } from "node:fs";
import { getHeapSpaceStatistics } from "node:v8";

const file = process.env.MEMORY_LOG_FILE;
if (file) {
  const sample = (extra) => appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), ...process.memoryUsage(), ...extra })}\n`);
  setInterval(sample, 2000).unref();
  if (typeof globalThis.gc === "function") {
    process.on("SIGUSR2", () => {
      globalThis.gc();
      // Which of V8's spaces holds the heap's committed size: [size, used] in bytes.
      const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, [s.space_size, s.space_used_size]]));
      sample({ afterGc: true, spaces });
    });
  }
}
