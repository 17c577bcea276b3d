// Preloaded into the server's processes (NODE_OPTIONS=--import …) by heap-growth.ts: every 2 s it
// appends process.memoryUsage() to MEMORY_LOG_FILE, so RSS can be split into the JS heap, memory
// outside it held by JS objects (external, array buffers) and the rest (native).
import { appendFileSync } from "node:fs";

const file = process.env.MEMORY_LOG_FILE;
if (file) {
  setInterval(() => appendFileSync(file, `${JSON.stringify({ pid: process.pid, at: Date.now(), ...process.memoryUsage() })}\n`), 2000).unref();
}
