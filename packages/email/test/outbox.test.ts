import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createMailer, emailVerificationEmail, getOutboxEmail, listOutbox } from "../src/index";
import { useTestDatabase } from "./database";

const db = useTestDatabase();

async function sendTo(to: string, n: number) {
  const mailer = createMailer({ db: db(), from: "no-reply@gatehouse.test", devMailbox: true });
  const email = emailVerificationEmail({ verifyUrl: `https://sso.example.com/verify?n=${n}` });
  return mailer.send({ ...email, to, template: "email-verification" });
}

describe("listOutbox", () => {
  it("lists newest first, filtered by recipient case-insensitively, up to the limit", async () => {
    const first = await sendTo("one@example.com", 1);
    const second = await sendTo("two@example.com", 2);
    const third = await sendTo("One@Example.com", 3);

    expect((await listOutbox(db())).map((e) => e.id)).toEqual([third.id, second.id, first.id]);
    expect((await listOutbox(db(), { to: "ONE@example.com" })).map((e) => e.id)).toEqual([third.id, first.id]);
    expect((await listOutbox(db(), { limit: 1 })).map((e) => e.id)).toEqual([third.id]);
    expect(await listOutbox(db(), { to: "nobody@example.com" })).toEqual([]);
  });
});

describe("getOutboxEmail", () => {
  it("returns the full email", async () => {
    const { id } = await sendTo("get@example.com", 4);
    const email = await getOutboxEmail(db(), id);
    expect(email).toMatchObject({ id, to: "get@example.com", template: "email-verification", status: "sent" });
    expect(email?.html).toContain('href="https://sso.example.com/verify?n=4"');
  });

  it("returns undefined for unknown and malformed ids", async () => {
    expect(await getOutboxEmail(db(), randomUUID())).toBeUndefined();
    expect(await getOutboxEmail(db(), "not-a-uuid")).toBeUndefined();
    expect(await getOutboxEmail(db(), "'; drop table email_outbox; --")).toBeUndefined();
  });
});
