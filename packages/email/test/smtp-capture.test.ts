import { waitForEmailOverHttp } from "@gatehouse/testing";
import { startSmtpCapture, type SmtpCapture } from "@gatehouse/testing/smtp";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The capture package cannot depend on nodemailer, so its real-client test lives here.
describe("SMTP capture with nodemailer", () => {
  let capture: SmtpCapture;
  let transport: ReturnType<typeof nodemailer.createTransport>;
  beforeAll(async () => {
    capture = await startSmtpCapture();
    transport = nodemailer.createTransport(capture.smtpUrl);
  });
  afterAll(async () => {
    transport.close();
    await capture.stop();
  });

  const send = (to: string, subject: string, href: string) =>
    transport.sendMail({
      from: '"Gatehouse" <no-reply@gatehouse.test>',
      to,
      bcc: "audit@example.test",
      subject,
      text: `Open ${href}`,
      html: `<p>Open <a href="${href.replaceAll("&", "&amp;")}">this</a> or <a href='https://example.test/help'>help</a></p>`,
    });

  it("captures recipients, subject, bodies and links", async () => {
    const waiting = capture.waitForEmail({ to: "User@Example.test", subject: /^Welcome/ });
    await send("user@example.test", "Welcome aboard", "https://example.test/a?x=1&y=2");
    const email = await waiting;
    expect(email.to).toEqual(["user@example.test", "audit@example.test"]);
    expect(email.from).toBe('"Gatehouse" <no-reply@gatehouse.test>');
    expect(email.text.trim()).toBe("Open https://example.test/a?x=1&y=2");
    expect(email.links).toEqual(["https://example.test/a?x=1&y=2", "https://example.test/help"]);
  });

  it("is readable over HTTP from another process", async () => {
    const after = new Date();
    const waiting = waitForEmailOverHttp(capture.httpUrl, { to: "other@example.test", subject: "Reset", after, timeoutMs: 5_000 });
    await send("other@example.test", "Reset your password", "https://example.test/reset?t=1");
    const email = await waiting;
    expect(email.links[0]).toBe("https://example.test/reset?t=1");
    expect(new Date(email.receivedAt).getTime()).toBeGreaterThanOrEqual(after.getTime());

    const listed = (await (await fetch(`${capture.httpUrl}/messages?to=OTHER@example.test`)).json()) as { subject: string }[];
    expect(listed.map((e) => e.subject)).toEqual(["Reset your password"]);
    expect((await fetch(`${capture.httpUrl}/messages`, { method: "DELETE" })).status).toBe(204);
    expect(capture.messages()).toEqual([]);
  });
});
