import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createDatabase } from "@gatehouse/db";
import { createFreshDatabase, dropDatabase, startTestServer } from "@gatehouse/db/testing";
import { seedDemoData } from "@gatehouse/core";
import { startSmtpCapture } from "@gatehouse/testing/smtp";
import { startSandbox } from "@gatehouse/idp-sandbox";

/**
 * The end-to-end run: a real PostgreSQL (fresh database), a real SMTP server, a production build
 * of the app, then Playwright in Debian's chromium. Everything listens on loopback only.
 */
const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
const port = Number(process.env.E2E_PORT ?? 3311 + offset);
const pg = await startTestServer(Number(process.env.E2E_PG_PORT ?? 54341));
const database = await createFreshDatabase(pg.adminUrl);
const db = createDatabase(database.url, { max: 1 });
await seedDemoData(db);
await db.$client.end();
const smtp = await startSmtpCapture();
const sandbox = await startSandbox({ port: Number(process.env.E2E_SANDBOX_PORT ?? 3312 + offset), appUrl: `http://localhost:${port}` });

const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(port),
  DATABASE_URL: database.url,
  APP_URL: `http://localhost:${port}`,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  ENCRYPTION_KEY: randomBytes(32).toString("base64url"),
  SMTP_URL: smtp.smtpUrl,
  SMTP_CAPTURE_HTTP_URL: smtp.httpUrl,
  IDP_SANDBOX_URL: sandbox.url,
  // Domain verification asks the sandbox's DNS server, which answers TXT records for *.test.
  DNS_SERVERS: sandbox.dns.address,
  // A production build refuses loopback addresses by default; the sandbox IdPs live there.
  OUTBOUND_ALLOW_LOOPBACK: "1",
  // The dev mailbox page, as in `pnpm dev` (e2e/guide puts a delivered email's body in it).
  ENABLE_DEV_MAILBOX: "1",
};

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

let code = 0;
try {
  if (process.env.E2E_SKIP_BUILD !== "1") code = await run("pnpm", ["exec", "next", "build"]);
  if (code === 0) code = await run("pnpm", ["exec", "playwright", "test", ...process.argv.slice(2)]);
} finally {
  await smtp.stop();
  await sandbox.stop();
  await database.drop().catch(() => {});
  await dropDatabase(pg.adminUrl, `${new URL(database.url).pathname.slice(1)}_sso`);
  await pg.stop();
}
process.exit(code);
