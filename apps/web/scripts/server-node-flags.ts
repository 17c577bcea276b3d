/**
 * V8 flags of the production server processes. Across thousands of sign-ins the live JS heap is
 * flat (about 138 MB after a full GC from 200 to 3,200 sign-ins, bench/heap-growth.ts), but with
 * V8's defaults the committed heap runs to 210–340 MB before V8 collects: RSS without a leak
 * behind it, which was most of the growth. A growing factor of 1.2 and 4 MB semi-spaces keep the
 * committed heap near what is live (about 180 MB) for a few more collections. GATEHOUSE_HEAP_TUNING=off
 * starts the server with V8's defaults.
 */
const TUNED_FLAGS = ["--heap-growing-percent=20", "--max-semi-space-size=4"];

/** The V8 flags `pnpm start` gives the server processes, or why GATEHOUSE_HEAP_TUNING is refused. */
export function serverNodeFlags(env: NodeJS.ProcessEnv): { ok: true; flags: string[] } | { ok: false; error: string } {
  const tuning = env.GATEHOUSE_HEAP_TUNING ?? "on";
  if (tuning !== "on" && tuning !== "off") return { ok: false, error: `GATEHOUSE_HEAP_TUNING must be "on" or "off" (got "${tuning}").` };
  return { ok: true, flags: tuning === "on" ? TUNED_FLAGS : [] };
}
