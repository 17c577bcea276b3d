/**
 * /login's first-load JavaScript (gzip) next to a bare page of the same build: the framework's own
 * chunks alone, and /help/sign-in (a static page under the same layouts, with only next/link).
 * Builds first (a stale .next would measure old code) unless BENCH_SKIP_BUILD=1; pass a .next
 * directory as the first argument to measure another build.
 *
 * First-load JS = the build manifest's rootMainFiles + the page's entryJSFiles (its layouts and
 * the page's client components) from its client reference manifest; the nomodule polyfills and
 * the lazily fetched _buildManifest files are left out, as Next's own size report did.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const appDir = resolve(import.meta.dirname, "..");
const dist = resolve(process.argv[2] ?? join(appDir, ".next"));

if (!process.argv[2] && process.env.BENCH_SKIP_BUILD !== "1") {
  const built = spawnSync("pnpm", ["exec", "next", "build"], { cwd: appDir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const rootMainFiles: string[] = JSON.parse(readFileSync(join(dist, "build-manifest.json"), "utf8")).rootMainFiles;

function entryFiles(route: string): string[] {
  const g = globalThis as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  g.__RSC_MANIFEST = {};
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route].
  new Function(readFileSync(join(dist, "server/app", `${route}_client-reference-manifest.js`), "utf8"))();
  const manifest = g.__RSC_MANIFEST[route];
  if (!manifest) throw new Error(`no client reference manifest for ${route}`);
  return Object.values(manifest.entryJSFiles).flat();
}

function gzipBytes(files: Iterable<string>): number {
  let total = 0;
  for (const file of new Set(files)) total += gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  return total;
}

const framework = gzipBytes(rootMainFiles);
const bare = gzipBytes([...rootMainFiles, ...entryFiles("/(auth)/help/sign-in/page")]);
const login = gzipBytes([...rootMainFiles, ...entryFiles("/(auth)/login/page")]);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`first-load JS (gzip) in ${dist}`);
console.log(`  framework only (rootMainFiles)   ${kb(framework)}`);
console.log(`  bare page (/help/sign-in)        ${kb(bare)}`);
console.log(
  `  /login                           ${kb(login)}  = ${(login / bare).toFixed(2)}× the bare page, ${(login / framework).toFixed(2)}× the framework alone (goal ≤ 1.1×)`,
);
