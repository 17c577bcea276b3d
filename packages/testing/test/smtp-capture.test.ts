import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import { clearEmailsOverHttp, listEmailsOverHttp, waitForEmailOverHttp } from "../src/index";
import { startSmtpCapture, type SmtpCapture } from "../src/smtp-capture";
import { mimeMessage, sendRawSmtp } from "./raw-smtp";

const FROM = "Gatehouse <no-reply@gatehouse.test>";

function send(capture: SmtpCapture, to: string, subject: string, options: { links?: string[]; bcc?: string[] } = {}) {
  const links = options.links ?? ["https://app.test/a"];
  const html = `<p>Hello</p>${links.map((href, i) => `<a class="btn" href="${href.replaceAll("&", "&amp;")}">Link ${i}</a>`).join("")}`;
  return sendRawSmtp(capture.smtpUrl, {
    from: "no-reply@gatehouse.test",
    to: [to, ...(options.bcc ?? [])],
    data: mimeMessage({ from: FROM, to, subject, text: `Hello\n${links.join("\n")}`, html }),
  });
}

describe("startSmtpCapture", () => {
  let capture: SmtpCapture;
  before(async () => {
    capture = await startSmtpCapture();
  });
  after(async () => {
    await capture.stop();
  });
  beforeEach(() => capture.clear());

  it("listens on loopback", () => {
    assert.match(capture.smtpUrl, /^smtp:\/\/127\.0\.0\.1:\d+$/);
    assert.match(capture.httpUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("parses a delivered message, including its links in order", async () => {
    await send(capture, "Ada@Example.test", "Welcome", {
      links: ["https://app.test/invite?token=abc&next=%2F", "https://app.test/help"],
      bcc: ["audit@example.test"],
    });
    const [email] = capture.messages();
    assert.ok(email);
    assert.deepEqual(email.to, ["Ada@Example.test", "audit@example.test"]);
    assert.equal(email.from, `"Gatehouse" <no-reply@gatehouse.test>`);
    assert.equal(email.subject, "Welcome");
    assert.match(email.text, /Hello/);
    assert.match(email.html, /<p>Hello<\/p>/);
    assert.deepEqual(email.links, ["https://app.test/invite?token=abc&next=%2F", "https://app.test/help"]);
    assert.ok(Math.abs(Date.parse(email.receivedAt) - Date.now()) < 5_000);
  });

  it("accepts AUTH with any credentials", async () => {
    await sendRawSmtp(capture.smtpUrl, {
      from: "a@example.test",
      to: ["b@example.test"],
      auth: { user: "someone", pass: "anything" },
      data: mimeMessage({ from: "a@example.test", to: "b@example.test", subject: "Authed", text: "x", html: "<p>x</p>" }),
    });
    assert.equal(capture.messages()[0]?.subject, "Authed");
  });

  it("lists newest first", async () => {
    await send(capture, "a@example.test", "First");
    await send(capture, "a@example.test", "Second");
    assert.deepEqual(
      capture.messages().map((e) => e.subject),
      ["Second", "First"],
    );
  });

  it("waitForEmail resolves when a matching email arrives later", async () => {
    const waiting = capture.waitForEmail({ to: "LATE@example.test", subject: /reset/i, timeoutMs: 5_000 });
    await send(capture, "late@example.test", "Something else");
    await send(capture, "late@example.test", "Reset your password");
    assert.equal((await waiting).subject, "Reset your password");
  });

  it("waitForEmail returns at once for mail already there, honouring `after`", async () => {
    await send(capture, "b@example.test", "Old");
    const cutoff = new Date(Date.now() + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await send(capture, "b@example.test", "New");
    assert.equal((await capture.waitForEmail({ to: "b@example.test", after: cutoff })).subject, "New");
    assert.equal((await capture.waitForEmail({ to: "b@example.test", subject: "Ol" })).subject, "Old");
  });

  it("waitForEmail times out with what did arrive", async () => {
    await send(capture, "c@example.test", "Unrelated");
    await assert.rejects(capture.waitForEmail({ to: "c@example.test", subject: "Invite", timeoutMs: 100 }), (error: Error) => {
      assert.match(error.message, /No email to c@example\.test with subject Invite within 100 ms/);
      assert.match(error.message, /"Unrelated"/);
      return true;
    });
  });

  it("serves mail over HTTP, filtered by recipient case-insensitively, newest first", async () => {
    await send(capture, "d@example.test", "One");
    await send(capture, "e@example.test", "Other");
    await send(capture, "d@example.test", "Two");
    const response = await fetch(`${capture.httpUrl}/messages?to=D%40EXAMPLE.test`);
    assert.equal(response.status, 200);
    const emails = (await response.json()) as { subject: string; links: string[] }[];
    assert.deepEqual(
      emails.map((e) => e.subject),
      ["Two", "One"],
    );
    assert.deepEqual(emails[0]?.links, ["https://app.test/a"]);
    assert.equal((await listEmailsOverHttp(capture.httpUrl)).length, 3);
    assert.equal((await fetch(`${capture.httpUrl}/nope`)).status, 404);
    assert.equal((await fetch(`${capture.httpUrl}/messages`, { method: "POST" })).status, 405);
  });

  it("DELETE /messages clears the mailbox", async () => {
    await send(capture, "f@example.test", "Gone soon");
    const response = await fetch(`${capture.httpUrl}/messages`, { method: "DELETE" });
    assert.equal(response.status, 204);
    assert.equal(capture.messages().length, 0);
    await send(capture, "f@example.test", "Again");
    await clearEmailsOverHttp(capture.httpUrl);
    assert.equal(capture.messages().length, 0);
  });

  it("waitForEmailOverHttp polls until the email arrives", async () => {
    const startedAt = new Date();
    const waiting = waitForEmailOverHttp(capture.httpUrl, { to: "g@example.test", subject: "Verify", after: startedAt, timeoutMs: 5_000, intervalMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await send(capture, "g@example.test", "Verify your email");
    assert.equal((await waiting).subject, "Verify your email");
    await assert.rejects(
      waitForEmailOverHttp(capture.httpUrl, { to: "g@example.test", subject: "Nope", timeoutMs: 150, intervalMs: 50 }),
      /No email to g@example\.test with subject Nope .* within 150 ms; received for that address: "Verify your email"/,
    );
  });
});

describe("stop", () => {
  it("rejects pending waits and frees the ports", async () => {
    const capture = await startSmtpCapture();
    const waiting = capture.waitForEmail({ to: "x@example.test", timeoutMs: 10_000 });
    await capture.stop();
    await assert.rejects(waiting, /SMTP capture stopped/);
    await assert.rejects(fetch(`${capture.httpUrl}/messages`));
    await assert.rejects(send(capture, "x@example.test", "Late"));
  });

  it("fails to start on a port in use", async () => {
    const first = await startSmtpCapture();
    try {
      const port = Number(new URL(first.smtpUrl).port);
      await assert.rejects(startSmtpCapture({ smtpPort: port }), /EADDRINUSE/);
    } finally {
      await first.stop();
    }
  });
});
