import { emailOutbox, eq } from "@gatehouse/db";
import { startSmtpCapture, type SmtpCapture } from "@gatehouse/testing/smtp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer, getOutboxEmail, passwordResetEmail, purgeOutbox } from "../src/index";
import { useTestDatabase } from "./database";

const db = useTestDatabase();
const SECRET = "single-use-secret-4f2a";
const resetUrl = `https://sso.example.com/reset-password?token=${SECRET}`;
const reset = (to: string) => ({ ...passwordResetEmail({ name: "Ada", resetUrl, expiresInMinutes: 60 }), to, template: "password-reset" });

describe("what the outbox keeps (issue #12)", () => {
  let capture: SmtpCapture;
  beforeAll(async () => {
    capture = await startSmtpCapture();
  });
  afterAll(async () => {
    await capture.stop();
  });

  it("over SMTP, delivers the link but stores no body that carries it", async () => {
    const mailer = createMailer({ db: db(), smtpUrl: capture.smtpUrl, from: "no-reply@gatehouse.test", devMailbox: true });
    const result = await mailer.send(reset("smtp.user@example.com"));
    mailer.close();
    expect((await capture.waitForEmail({ to: "smtp.user@example.com" })).links).toContain(resetUrl);
    const row = await getOutboxEmail(db(), result.id);
    expect(row).toMatchObject({ to: "smtp.user@example.com", subject: expect.stringContaining("password"), template: "password-reset", status: "sent" });
    expect(`${row?.html} ${row?.text}`).not.toContain(SECRET);
  });

  it("without SMTP and without the dev mailbox (production), stores no link either", async () => {
    const mailer = createMailer({ db: db(), from: "no-reply@gatehouse.test" });
    const result = await mailer.send(reset("prod.user@example.com"));
    const row = await getOutboxEmail(db(), result.id);
    expect(`${row?.html} ${row?.text}`).not.toContain(SECRET);
  });

  it("keeps the whole email for the dev mailbox in development", async () => {
    const mailer = createMailer({ db: db(), from: "no-reply@gatehouse.test", devMailbox: true });
    const result = await mailer.send(reset("dev.user@example.com"));
    const row = await getOutboxEmail(db(), result.id);
    expect(row?.text).toContain(resetUrl);
  });
});

describe("purgeOutbox", () => {
  it("deletes rows older than the retention, keeps newer ones, and runs as the mailer sends", async () => {
    const old = new Date(Date.now() - 31 * 24 * 60 * 60_000);
    const recent = new Date(Date.now() - 29 * 24 * 60 * 60_000);
    const row = { to: "old@example.com", subject: "s", html: "h", text: "t", template: "x", transport: "smtp" as const };
    await db()
      .insert(emailOutbox)
      .values([
        { ...row, createdAt: old },
        { ...row, createdAt: old },
        { ...row, to: "recent@example.com", createdAt: recent },
      ]);
    expect(await purgeOutbox(db(), { olderThanDays: 30, limit: 1 })).toBe(1);
    const mailer = createMailer({ db: db(), from: "no-reply@gatehouse.test", retentionDays: 30 });
    await mailer.send(reset("trigger@example.com"));
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.to, "old@example.com"))).toEqual([]);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.to, "recent@example.com"))).toHaveLength(1);
  });
});
