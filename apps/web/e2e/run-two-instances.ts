import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createDatabase } from "@gatehouse/db";
import { createFreshDatabase, dropDatabase, startTestServer } from "@gatehouse/db/testing";
import { seedDemoData } from "@gatehouse/core";
import { startSmtpCapture } from "@gatehouse/testing/smtp";

/**
 * Two replicas of the app on one PostgreSQL: two `next start` processes of the same build (run
 * `next build` first, or let e2e/run.ts do it), one database, one SMTP capture. Both run job
 * workers, as replicas behind a load balancer would. Then the Playwright specs in
 * e2e/two-instances, which address each instance by its own URL.
 */
const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const ports = [Number(process.env.E2E_PORT_A ?? 3313 + offset), Number(process.env.E2E_PORT_B ?? 3314 + offset)] as const;
const pg = await startTestServer(Number(process.env.E2E_TWO_PG_PORT ?? 54343));
const database = await createFreshDatabase(pg.adminUrl);
const db = createDatabase(database.url, { max: 1 });
await seedDemoData(db);
await db.$client.end();
const smtp = await startSmtpCapture();

// Shared by both instances, as replicas share their configuration.
const shared = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: database.url,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  SMTP_URL: smtp.smtpUrl,
  SMTP_CAPTURE_HTTP_URL: smtp.httpUrl,
  OUTBOUND_ALLOW_LOOPBACK: "1",
  // Every minute, so the spec sees the periodic sweep run (once per minute across both).
  SAML_METADATA_REFRESH_MINUTES: "1",
};
const urls = [`http://localhost:${ports[0]}`, `http://localhost:${ports[1]}`] as const;

function startInstance(port: number, url: string, name: string): ChildProcess {
  const child = spawn("pnpm", ["exec", "next", "start", "--port", String(port)], {
    env: { ...shared, PORT: String(port), APP_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const prefix = (chunk: Buffer) => chunk.toString().replace(/^(?=.)/gm, `[${name}] `);
  child.stdout?.on("data", (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on("data", (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

async function waitUntilUp(url: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/login`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not start within ${timeoutMs / 1000} s`);
}

function stopInstance(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    // The whole process group: pnpm, then next.
    process.kill(-child.pid!, "SIGTERM");
    setTimeout(() => child.exitCode === null && process.kill(-child.pid!, "SIGKILL"), 10_000).unref();
  });
}

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...shared, E2E_INSTANCE_A_URL: urls[0], E2E_INSTANCE_B_URL: urls[1] } });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

let code = 0;
const instances: ChildProcess[] = [];
try {
  if (process.env.E2E_SKIP_BUILD !== "1") code = await run("pnpm", ["exec", "next", "build"]);
  if (code === 0) {
    instances.push(startInstance(ports[0], urls[0], "A"), startInstance(ports[1], urls[1], "B"));
    await Promise.all(urls.map((url) => waitUntilUp(url)));
    code = await run("pnpm", ["exec", "playwright", "test", "--config", "playwright.two-instances.config.ts", ...process.argv.slice(2)]);
  }
} finally {
  await Promise.all(instances.map(stopInstance));
  await smtp.stop();
  await database.drop().catch(() => {});
  await dropDatabase(pg.adminUrl, `${new URL(database.url).pathname.slice(1)}_sso`);
  await pg.stop();
}
process.exit(code);
