import { emailOutbox, eq } from "@gatehouse/db";
import { startSmtpCapture, type SmtpCapture } from "@gatehouse/testing/smtp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createMailer, getOutboxEmail, inviteEmail, listOutbox, passwordResetEmail } from "../src/index";
import { closedPort } from "./closed-port";
import { useTestDatabase } from "./database";

const db = useTestDatabase();
const resetUrl = "https://sso.example.com/reset?token=single-use-secret&uid=42";

function reset(to: string) {
  return { ...passwordResetEmail({ name: "Ada", resetUrl, expiresInMinutes: 30 }), to, template: "password-reset" };
}

describe("createMailer over SMTP", () => {
  let capture: SmtpCapture;
  beforeAll(async () => {
    capture = await startSmtpCapture();
  });
  afterAll(async () => {
    await capture.stop();
  });
  beforeEach(() => capture.clear());

  it("delivers the email and records it as sent", async () => {
    const mailer = createMailer({ db: db(), smtpUrl: capture.smtpUrl, from: "no-reply@gatehouse.test" });
    const invite = inviteEmail({
      accountName: "Acme",
      inviterName: "Grace",
      roleLabel: "Member",
      acceptUrl: "https://sso.example.com/invite/accept?token=abc&x=1",
      expiresAt: new Date("2026-05-01T09:30:00Z"),
    });
    const result = await mailer.send({ ...invite, to: "new.member@example.com", template: "invite" });
    mailer.close();

    expect(result).toEqual({ id: expect.any(String), status: "sent" });
    const received = await capture.waitForEmail({ to: "new.member@example.com", subject: "Grace invited you" });
    expect(received.to).toEqual(["new.member@example.com"]);
    expect(received.from).toBe('"Gatehouse" <no-reply@gatehouse.test>');
    expect(received.subject).toBe("Grace invited you to join Acme on Gatehouse");
    expect(received.links).toEqual(["https://sso.example.com/invite/accept?token=abc&x=1", "https://sso.example.com/invite/accept?token=abc&x=1"]);
    expect(received.text).toContain("https://sso.example.com/invite/accept?token=abc&x=1");

    const row = await getOutboxEmail(db(), result.id);
    expect(row).toMatchObject({ to: "new.member@example.com", template: "invite", transport: "smtp", status: "sent", error: null });
    expect(row?.sentAt).toBeInstanceOf(Date);
    // Delivered over SMTP: the record keeps no body, so its invite link is not in the database.
    expect(row?.html).not.toContain("token=abc");
  });

  it("reuses one transport for several emails and uses the product name as sender name", async () => {
    const mailer = createMailer({ db: db(), smtpUrl: capture.smtpUrl, from: "no-reply@acme.test", productName: "Acme SSO" });
    const results = await Promise.all(["a@example.com", "b@example.com"].map((to) => mailer.send(reset(to))));
    mailer.close();
    expect(results.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect((await capture.waitForEmail({ to: "b@example.com" })).from).toBe('"Acme SSO" <no-reply@acme.test>');
    expect(capture.messages()).toHaveLength(2);
  });

  it("logs in when the URL has credentials", async () => {
    const url = new URL(capture.smtpUrl);
    url.username = "mailer";
    url.password = "p@ss word";
    const mailer = createMailer({ db: db(), smtpUrl: url.href, from: "Gatehouse <no-reply@gatehouse.test>" });
    const result = await mailer.send(reset("authed@example.com"));
    mailer.close();
    expect(result.status).toBe("sent");
    expect((await capture.waitForEmail({ to: "authed@example.com" })).links[0]).toBe(resetUrl);
  });
});

describe("createMailer when SMTP is unreachable", () => {
  it("records the failure with a readable reason, without throwing or leaking the password", async () => {
    const port = await closedPort();
    const warn = vi.fn();
    const mailer = createMailer({
      db: db(),
      smtpUrl: `smtp://mailer:Sup3r%2Fsecret@127.0.0.1:${port}`,
      from: "no-reply@gatehouse.test",
      logger: { warn },
    });
    const result = await mailer.send(reset("down@example.com"));
    mailer.close();

    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/^Could not connect to the SMTP server: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    const row = await getOutboxEmail(db(), result.id);
    expect(row).toMatchObject({ status: "failed", transport: "smtp", error: result.error, sentAt: null });

    expect(warn).toHaveBeenCalledTimes(1);
    const logged = String(warn.mock.calls[0]?.[0]);
    expect(logged).toContain(result.id);
    expect(logged).toContain("password-reset");
    for (const text of [logged, result.error ?? "", row?.error ?? ""]) {
      expect(text).not.toContain("Sup3r");
      expect(text).not.toContain("single-use-secret");
    }
  });
});

describe("createMailer without SMTP (dev mailbox)", () => {
  it("keeps the email in the outbox, marked sent", async () => {
    const mailer = createMailer({ db: db(), from: "no-reply@gatehouse.test", devMailbox: true });
    expect(mailer.transport).toBe("dev-mailbox");
    const result = await mailer.send(reset("Dev.User@Example.com"));
    expect(result).toEqual({ id: expect.any(String), status: "sent" });

    const [latest] = await listOutbox(db(), { to: "dev.user@example.com" });
    expect(latest).toMatchObject({ id: result.id, transport: "dev-mailbox", status: "sent", template: "password-reset" });
    expect(latest?.sentAt).toBeInstanceOf(Date);
    expect(latest?.text).toContain(resetUrl);
  });

  it("refuses a recipient that is not one address, before recording anything", async () => {
    const mailer = createMailer({ db: db(), from: "no-reply@gatehouse.test" });
    for (const to of ["a@example.com, b@example.com", "Eve <eve@example.com>", "not-an-address", ""]) {
      await expect(mailer.send(reset(to))).rejects.toThrow(TypeError);
    }
    const rows = await db().select().from(emailOutbox).where(eq(emailOutbox.to, "a@example.com, b@example.com"));
    expect(rows).toEqual([]);
  });
});

describe("createMailer configuration", () => {
  it("rejects a malformed SMTP URL without echoing it", () => {
    expect(() => createMailer({ db: db(), smtpUrl: "http://user:hunter2@mail", from: "x@example.com" })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => createMailer({ db: db(), smtpUrl: "smtp//user:hunter2@", from: "x@example.com" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("hunter2") }),
    );
  });
});
