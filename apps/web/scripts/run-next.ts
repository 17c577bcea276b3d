import { spawn } from "node:child_process";

/** Runs `next <command>` as a child with extra environment, and stops `onExit` with it. */
export function runNext(args: string[], env: Record<string, string>, onExit: () => Promise<void>): void {
  // Nothing may leave the machine: Next.js telemetry is off.
  const child = spawn("next", args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await onExit().catch(() => {});
    process.exit(code);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code) => void shutdown(code ?? 0));
}
