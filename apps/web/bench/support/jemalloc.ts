import { existsSync } from "node:fs";

// Where Debian and Ubuntu's libjemalloc2 package installs jemalloc.
const JEMALLOC_PATHS = ["/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "/usr/lib/aarch64-linux-gnu/libjemalloc.so.2"];

/**
 * The environment that runs a server under jemalloc instead of glibc's malloc (BENCH_ALLOCATOR=jemalloc),
 * to tell allocator fragmentation from growth of what the process holds. Stops the bench when missing.
 */
export function allocatorEnv(allocator: string | undefined): Record<string, string> {
  if (!allocator || allocator === "glibc") return {};
  const path = JEMALLOC_PATHS.find((p) => existsSync(p));
  if (allocator !== "jemalloc" || !path) {
    console.error(`BENCH_ALLOCATOR must be glibc or jemalloc, and jemalloc needs libjemalloc2 installed (apt-get install libjemalloc2).`);
    process.exit(1);
  }
  return { LD_PRELOAD: path };
}
