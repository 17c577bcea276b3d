/**
 * V8 flags of the production server processes. Across thousands of sign-ins the live JS heap stays
 * flat (~140 MB after a full GC, bench/heap-growth.ts), but V8 lets the committed heap run to
 * 240–340 MB before collecting: its default growing factor (up to 4× the live size after a fast GC)
 * is RSS without a leak behind it. A lower factor and smaller young generation trade a little CPU
 * (more frequent collections) for a heap close to what is live. GATEHOUSE_HEAP_TUNING=off starts
 * the server with V8's defaults.
 */
const TUNED_FLAGS = ["--heap-growing-percent=20", "--max-semi-space-size=4"];

export function serverNodeFlags(env: NodeJS.ProcessEnv): { ok: true; flags: string[] } | { ok: false; error: string } {
  const tuning = env.GATEHOUSE_HEAP_TUNING ?? "on";
  if (tuning !== "on" && tuning !== "off") return { ok: false, error: `GATEHOUSE_HEAP_TUNING must be "on" or "off" (got "${tuning}").` };
  return { ok: true, flags: tuning === "on" ? TUNED_FLAGS : [] };
}
