import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, memberships, ssoTestRequests } from "@gatehouse/db";
import { hashToken } from "@gatehouse/core";
import { beginTestSignIn, completeTestRequest, sendTestEmail, testRequestEmail } from "../../src";
import { makeSamlConnection, useSsoStack } from "../flows/harness";
import { samlSignIn } from "./helpers";

const stack = useSsoStack();

const requestsFor = (connectionId: string) => stack.ctx.db.select().from(ssoTestRequests).where(eq(ssoTestRequests.connectionId, connectionId));

describe("test by email", () => {
  it("refuses an email that is not a member of the account, and sends nothing", async () => {
    const setup = await makeSamlConnection(stack, "tm-stranger");
    const before = stack.smtp.messages().length;
    const result = await sendTestEmail(stack.ctx, {
      accountId: setup.account.id,
      connectionId: setup.connection.id,
      memberEmail: " Stranger@Elsewhere.test ",
      actor: setup.actor,
    });
    expect(result).toEqual({
      ok: false,
      error: "stranger@elsewhere.test is not a member of Acct tm-stranger. Invite them first, or test with a member's email.",
    });
    expect(await requestsFor(setup.connection.id)).toHaveLength(0);
    expect(stack.smtp.messages().length).toBe(before);
    expect(stack.smtp.messages().some((m) => m.to.includes("stranger@elsewhere.test"))).toBe(false);
  });

  it("refuses non-admins", async () => {
    const setup = await makeSamlConnection(stack, "tm-nonadmin");
    const memberActor = { userId: setup.member.id, label: setup.member.email, ip: null };
    const result = await sendTestEmail(stack.ctx, {
      accountId: setup.account.id,
      connectionId: setup.connection.id,
      memberEmail: setup.admin.email,
      actor: memberActor,
    });
    expect(result).toEqual({ ok: false, error: "Only account admins can test connections." });
    expect(await requestsFor(setup.connection.id)).toHaveLength(0);
  });

  it("emails the member a link that starts a test sign-in, until it expires", async () => {
    const setup = await makeSamlConnection(stack, "tm-member");
    const sentAt = new Date(Date.now() - 1000);
    const result = await sendTestEmail(stack.ctx, {
      accountId: setup.account.id,
      connectionId: setup.connection.id,
      memberEmail: "MEMBER@tm-member.test",
      actor: setup.actor,
    });
    expect(result).toMatchObject({ ok: true, value: { email: setup.member.email } });
    if (!result.ok) return;
    expect(result.value.expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 60 * 60_000);

    const email = await stack.smtp.waitForEmail({ to: setup.member.email, after: sentAt });
    expect(email.subject).toContain("asked you to test single sign-on for Acct tm-member");
    expect(email.text).toContain(setup.connection.name);
    const link = email.links.find((href) => href.startsWith(`${stack.ctx.appUrl}/api/sso/test?token=`));
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get("token")!;

    const [row] = await requestsFor(setup.connection.id);
    expect(row).toMatchObject({
      id: result.value.requestId,
      userId: setup.member.id,
      requestedByUserId: setup.admin.id,
      tokenHash: hashToken(token),
      completedAt: null,
    });
    expect(row!.tokenHash).not.toContain(token);
    const [audit] = await stack.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, setup.connection.id), eq(auditEvents.action, "sso.test.requested")));
    expect(audit).toMatchObject({ actorUserId: setup.admin.id, metadata: { email: setup.member.email } });

    const begun = await beginTestSignIn(stack.ctx, token);
    expect(begun).toMatchObject({ ok: true, value: { testId: row!.id, email: setup.member.email, connection: { id: setup.connection.id } } });
    expect(await testRequestEmail(stack.ctx, row!.id)).toBe(setup.member.email);
    expect(await beginTestSignIn(stack.ctx, `${token}x`)).toMatchObject({ ok: false, error: expect.stringContaining("not valid") });

    // A day later the link no longer works.
    await stack.ctx.db
      .update(ssoTestRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(ssoTestRequests.id, row!.id));
    expect(await beginTestSignIn(stack.ctx, token)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^This test link expired on .+\. Ask Acct tm-member's admin to send you a new one\.$/),
    });
  });

  it("runs the test sign-in the link starts, and the link stops working once completed", async () => {
    const setup = await makeSamlConnection(stack, "tm-flow");
    const result = await sendTestEmail(stack.ctx, {
      accountId: setup.account.id,
      connectionId: setup.connection.id,
      memberEmail: setup.member.email,
      actor: setup.actor,
    });
    expect(result.ok).toBe(true);
    const email = await stack.smtp.waitForEmail({ to: setup.member.email });
    const token = new URL(email.links.find((href) => href.includes("/api/sso/test?token="))!).searchParams.get("token")!;
    const begun = await beginTestSignIn(stack.ctx, token);
    if (!begun.ok) throw new Error(begun.error);

    // What the /api/sso/test route does: startSsoFlow(ctx, { connection, purpose: "test_email", testId }).
    const outcome = await samlSignIn(stack, {
      connection: begun.value.connection,
      appId: setup.app.id,
      email: setup.member.email,
      purpose: "test_email",
      testId: begun.value.testId,
    });
    expect(outcome).toMatchObject({ kind: "result_recorded", purpose: "test_email", ok: true });

    // The successful test sign-in completed the request itself: completing again changes nothing.
    expect(await completeTestRequest(stack.ctx, begun.value.testId)).toBe(false);
    expect(await beginTestSignIn(stack.ctx, token)).toMatchObject({ ok: false, error: expect.stringContaining("already completed") });
    // The tested member's email stays readable for the flow that is finishing.
    expect(await testRequestEmail(stack.ctx, begun.value.testId)).toBe(setup.member.email);
    expect(await testRequestEmail(stack.ctx, null)).toBeNull();
    expect(await testRequestEmail(stack.ctx, "not-a-uuid")).toBeNull();
  });

  it("replaces the earlier link when the same member is asked again", async () => {
    const setup = await makeSamlConnection(stack, "tm-again");
    const input = { accountId: setup.account.id, connectionId: setup.connection.id, memberEmail: setup.member.email, actor: setup.actor };
    const first = await sendTestEmail(stack.ctx, input);
    const firstEmail = await stack.smtp.waitForEmail({ to: setup.member.email });
    const firstToken = new URL(firstEmail.links.find((href) => href.includes("/api/sso/test?token="))!).searchParams.get("token")!;
    const second = await sendTestEmail(stack.ctx, input);
    expect(first.ok && second.ok).toBe(true);
    expect(await beginTestSignIn(stack.ctx, firstToken)).toEqual({
      ok: false,
      error: `A newer test email replaced this link. Open the link in the most recent email about ${setup.connection.name}.`,
    });
    // A test sign-in started from the first link still knows whose test it is.
    expect(await testRequestEmail(stack.ctx, first.ok ? first.value.requestId : null)).toBe(setup.member.email);
    const emails = stack.smtp.messages().filter((m) => m.to.includes(setup.member.email));
    const secondToken = new URL(emails[0]!.links.find((href) => href.includes("/api/sso/test?token="))!).searchParams.get("token")!;
    expect(secondToken).not.toBe(firstToken);
    expect(await beginTestSignIn(stack.ctx, secondToken)).toMatchObject({ ok: true, value: { testId: second.ok ? second.value.requestId : "" } });
  });

  it("withdraws the new link when the email cannot be sent, and keeps the earlier one", async () => {
    const setup = await makeSamlConnection(stack, "tm-smtp-down");
    const input = { accountId: setup.account.id, connectionId: setup.connection.id, memberEmail: setup.member.email, actor: setup.actor };
    const first = await sendTestEmail(stack.ctx, input);
    const email = await stack.smtp.waitForEmail({ to: setup.member.email });
    const token = new URL(email.links.find((href) => href.includes("/api/sso/test?token="))!).searchParams.get("token")!;
    const down = {
      ...stack.ctx,
      mailer: {
        transport: "smtp" as const,
        send: async () => ({ id: "x", status: "failed" as const, error: "Connection refused by smtp.test:25" }),
        deliver: stack.ctx.mailer.deliver,
        close() {},
      },
    };
    expect(await sendTestEmail(down, input)).toEqual({
      ok: false,
      error: `The test email to ${setup.member.email} could not be sent: Connection refused by smtp.test:25. Check the email settings, then try again.`,
    });
    expect((await requestsFor(setup.connection.id)).map((r) => r.id)).toEqual([first.ok ? first.value.requestId : ""]);
    expect(await beginTestSignIn(stack.ctx, token)).toMatchObject({ ok: true });
  });

  it("refuses a link whose member has left the account", async () => {
    const setup = await makeSamlConnection(stack, "tm-left");
    await sendTestEmail(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, memberEmail: setup.member.email, actor: setup.actor });
    const email = await stack.smtp.waitForEmail({ to: setup.member.email });
    const token = new URL(email.links.find((href) => href.includes("/api/sso/test?token="))!).searchParams.get("token")!;
    await stack.ctx.db.delete(memberships).where(and(eq(memberships.accountId, setup.account.id), eq(memberships.userId, setup.member.id)));
    expect(await beginTestSignIn(stack.ctx, token)).toMatchObject({ ok: false, error: expect.stringContaining("no longer a member of Acct tm-left") });
  });
});
