import { createJobRunner, type JobRunner } from "@gatehouse/jobs";
import { startSmtpCapture } from "@gatehouse/testing/smtp";
import { createDatabase, type Database } from "@gatehouse/db";
import { createFreshDatabase } from "@gatehouse/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, inject } from "vitest";
import { createMailer, EMAIL_DELIVERY_JOB, getOutboxEmail, passwordResetEmail, type EmailDeliveryJob, type Mailer } from "../src/index";
import { closedPort } from "./closed-port";

// The runner connects on its own (pg-boss uses node-postgres), so this file keeps the URL.
let databaseUrl = "";
let database: Database | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
const db = (): Database => {
  if (!database) throw new Error("The database is only available inside tests");
  return database;
};
beforeAll(async () => {
  const fresh = await createFreshDatabase(inject("pgAdminUrl"));
  databaseUrl = fresh.url;
  dropDatabase = fresh.drop;
  database = createDatabase(fresh.url, { max: 2 });
});
afterAll(async () => {
  await database?.$client.end();
  await dropDatabase?.();
});
const resetUrl = "https://sso.example.com/reset?token=single-use-secret&uid=42";
const quiet = { warn: () => {}, error: () => {} };
const cleanup: Array<() => Promise<void> | void> = [];

function reset(to: string) {
  return { ...passwordResetEmail({ name: "Ada", resetUrl, expiresInMinutes: 30 }), to, template: "password-reset" };
}

/** The web app's wiring, in small: a mailer whose `send` queues, and a worker that delivers. */
async function queuedMailer(smtpUrl: string, retries: number): Promise<{ mailer: Mailer; runner: JobRunner }> {
  const runner = createJobRunner({ connectionString: databaseUrl, schema: "email_jobs", pollingIntervalSeconds: 0.5, logger: quiet });
  const mailer = createMailer({
    db: db(),
    smtpUrl,
    from: "no-reply@gatehouse.test",
    logger: quiet,
    queue: { enqueue: (job) => runner.enqueue(EMAIL_DELIVERY_JOB, job) },
  });
  runner.handle<EmailDeliveryJob>(EMAIL_DELIVERY_JOB, async (job, attempt) => void (await mailer.deliver(job, attempt)), {
    retries,
    retryDelaySeconds: 1,
    pollingIntervalSeconds: 0.5,
  });
  await runner.start();
  cleanup.push(
    () => runner.stop(2),
    () => mailer.close(),
  );
  return { mailer, runner };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe("queued email delivery", () => {
  it("send returns at once with the email queued; the worker delivers it and drops the body", async () => {
    const capture = await startSmtpCapture();
    cleanup.push(() => capture.stop());
    const { mailer } = await queuedMailer(capture.smtpUrl, 3);

    const result = await mailer.send(reset("queued@example.com"));
    expect(result.status).toBe("queued");
    const delivered = await capture.waitForEmail({ to: "queued@example.com" });
    expect(delivered.text).toContain(resetUrl);
    const row = await until(
      () => getOutboxEmail(db(), result.id),
      (r) => r?.status === "sent",
    );
    expect(row?.html).not.toContain("single-use-secret");
    expect(row?.text).not.toContain("single-use-secret");
    expect(capture.messages().filter((m) => m.to.includes("queued@example.com"))).toHaveLength(1);
  });

  it("retries with backoff after an SMTP failure, and delivers once the server is back", async () => {
    const smtpPort = await closedPort();
    const { mailer } = await queuedMailer(`smtp://127.0.0.1:${smtpPort}`, 4);

    const result = await mailer.send(reset("retry@example.com"));
    expect(result.status).toBe("queued");
    // The failed attempt is visible on the outbox row, which stays queued.
    const waiting = await until(
      () => getOutboxEmail(db(), result.id),
      (r) => Boolean(r?.error),
    );
    expect(waiting?.status).toBe("queued");
    expect(waiting?.error).toMatch(/^Attempt 1 failed, retrying: Could not connect to the SMTP server/);

    const capture = await startSmtpCapture({ smtpPort });
    cleanup.push(() => capture.stop());
    const delivered = await capture.waitForEmail({ to: "retry@example.com", timeoutMs: 20_000 });
    expect(delivered.subject).toBeTruthy();
    const row = await until(
      () => getOutboxEmail(db(), result.id),
      (r) => r?.status === "sent",
    );
    expect(row?.error).toBeNull();
    expect(capture.messages()).toHaveLength(1);
  });

  it("records the last failure in the outbox row when every attempt fails", async () => {
    const smtpPort = await closedPort();
    const { mailer } = await queuedMailer(`smtp://127.0.0.1:${smtpPort}`, 1);

    const result = await mailer.send(reset("never@example.com"));
    const row = await until(
      () => getOutboxEmail(db(), result.id),
      (r) => r?.status === "failed",
    );
    expect(row?.error).toMatch(/^Could not connect to the SMTP server/);
    expect(row?.text).not.toContain("single-use-secret");
  });

  it("a queue that cannot take the job does not lose the email: it is sent at once", async () => {
    const capture = await startSmtpCapture();
    cleanup.push(() => capture.stop());
    const mailer = createMailer({
      db: db(),
      smtpUrl: capture.smtpUrl,
      from: "no-reply@gatehouse.test",
      logger: quiet,
      queue: { enqueue: () => Promise.reject(new Error("The job runner has not started")) },
    });
    cleanup.push(() => mailer.close());

    const result = await mailer.send(reset("fallback@example.com"));
    expect(result.status).toBe("sent");
    await capture.waitForEmail({ to: "fallback@example.com" });
    expect((await getOutboxEmail(db(), result.id))?.text).not.toContain("single-use-secret");
  });
});
