import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { createFreshDatabase, dropDatabase, startTestServer } from "@gatehouse/db/testing";

const appDir = resolve(import.meta.dirname, "../..");

export type ProductionApp = {
  url: string;
  databaseUrl: string;
  encryptionKey: string;
  /** The `pnpm start` process: the server and its workers are it and its descendants. */
  pid: number;
  /** Starts the app again with another number of processes, on the same database. */
  restart: (workers: number) => Promise<void>;
  stop: () => Promise<void>;
};

/** Waits until the app answers a static page (migrations done, server listening). */
async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode} before serving`);
    const ok = await fetch(`${url}/help/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the app did not serve within 2 minutes");
}

/**
 * The production build, started the way operators start it (`apps/web/scripts/start.ts`), on a
 * fresh database of an embedded PostgreSQL. `next build` must have run (the bench builds first).
 */
export async function startProductionApp(options: { port: number; pgPort: number; workers: number; env?: Record<string, string> }): Promise<ProductionApp> {
  const server = await startTestServer(options.pgPort);
  const fresh = await createFreshDatabase(server.adminUrl);
  const url = `http://localhost:${options.port}`;
  const encryptionKey = randomBytes(32).toString("base64url");
  let child: ChildProcess | null = null;

  const startApp = async (workers: number) => {
    // As `pnpm start` runs it: node with tsx's loader, no tsx CLI process in between.
    child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: appDir,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
      env: {
        ...process.env,
        PATH: `${resolve(appDir, "node_modules/.bin")}:${process.env.PATH}`,
        NODE_ENV: "production",
        PORT: String(options.port),
        APP_URL: url,
        DATABASE_URL: fresh.url,
        AUTH_SECRET: randomBytes(32).toString("base64url"),
        ENCRYPTION_KEY: encryptionKey,
        // The sandbox IdP's metadata URL is on this machine.
        OUTBOUND_ALLOW_LOOPBACK: "1",
        WEB_CONCURRENCY: String(workers),
        ...options.env,
      },
    });
    await waitUntilServing(url, child);
  };

  const stopApp = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once("exit", r));
    process.kill(-running.pid!, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (running.exitCode === null) process.kill(-running.pid!, "SIGKILL");
  };

  await startApp(options.workers);
  return {
    url,
    databaseUrl: fresh.url,
    encryptionKey,
    get pid() {
      return child!.pid!;
    },
    restart: async (workers) => {
      await stopApp();
      await startApp(workers);
    },
    stop: async () => {
      await stopApp();
      await fresh.drop().catch(() => {});
      await dropDatabase(server.adminUrl, `${new URL(fresh.url).pathname.slice(1)}_sso`);
      await server.stop();
    },
  };
}
