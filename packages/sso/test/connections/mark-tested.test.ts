import { describe, expect, it } from "vitest";
import { and, auditEvents, eq, ssoConnections, ssoResults, type SsoResultSummary } from "@gatehouse/db";
import { getSecuritySettings } from "@gatehouse/core";
import { getConnection, markConnectionTested } from "../../src";
import { makeSamlConnection, useSsoStack } from "../flows/harness";

const stack = useSsoStack();

const summary = (ok: boolean, purpose: SsoResultSummary["purpose"] = "authenticate"): SsoResultSummary => ({
  at: new Date().toISOString(),
  ok,
  purpose,
  email: "admin@example.test",
  name: null,
  memberLabel: null,
  reason: ok ? null : "Invalid signature",
  advice: null,
  clockOffsetSeconds: 0,
  byUserEmail: "admin@example.test",
});

/** A connection whose settings were never proven: no verifiedAt, no results. */
async function untestedConnection(tag: string) {
  const setup = await makeSamlConnection(stack, tag);
  await stack.ctx.db.update(ssoConnections).set({ enabled: false, verifiedAt: null }).where(eq(ssoConnections.id, setup.connection.id));
  return setup;
}

const audits = (connectionId: string, action: string) =>
  stack.ctx.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.targetId, connectionId), eq(auditEvents.action, action)));

describe("mark a connection as tested", () => {
  it("refuses while no Authenticate or test sign-in has succeeded", async () => {
    const setup = await untestedConnection("mt-none");
    await stack.ctx.db.insert(ssoResults).values({ connectionId: setup.connection.id, summary: summary(false) });
    const result = await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor });
    expect(result).toEqual({
      ok: false,
      error:
        "This connection has no successful sign-in yet, so it cannot be marked as tested. Run Authenticate, or send a test email to a member, and mark it once a sign-in succeeds.",
    });
    const after = await getConnection(stack.ctx.db, setup.account.id, setup.connection.id);
    expect(after).toMatchObject({ markedTestedAt: null, markedTestedByUserId: null });
    expect(await audits(setup.connection.id, "sso.connection.marked_tested")).toHaveLength(0);
  });

  it("marks a connection with a successful test result, once, with who marked it", async () => {
    const setup = await untestedConnection("mt-result");
    await stack.ctx.db.insert(ssoResults).values({ connectionId: setup.connection.id, summary: summary(true, "test_email") });
    const result = await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor });
    expect(result).toMatchObject({ ok: true, value: { alreadyMarked: false } });
    const after = await getConnection(stack.ctx.db, setup.account.id, setup.connection.id);
    expect(after?.markedTestedAt).toBeInstanceOf(Date);
    expect(after?.markedTestedByUserId).toBe(setup.admin.id);
    expect(await audits(setup.connection.id, "sso.connection.marked_tested")).toHaveLength(1);

    const again = await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor });
    expect(again).toMatchObject({ ok: true, value: { alreadyMarked: true, markedTestedAt: after!.markedTestedAt } });
    expect(await audits(setup.connection.id, "sso.connection.marked_tested")).toHaveLength(1);
  });

  it("marks a connection whose settings were verified by Authenticate", async () => {
    const setup = await makeSamlConnection(stack, "mt-verified");
    expect(await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor })).toMatchObject({
      ok: true,
    });
  });

  it("refuses non-admins and other accounts' connections", async () => {
    const setup = await makeSamlConnection(stack, "mt-who");
    const other = await makeSamlConnection(stack, "mt-other");
    const memberActor = { userId: setup.member.id, label: setup.member.email, ip: null };
    expect(await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, actor: memberActor })).toEqual({
      ok: false,
      error: "Only account admins can configure SSO.",
    });
    expect(await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: other.connection.id, actor: setup.actor })).toEqual({
      ok: false,
      error: "That connection no longer exists.",
    });
    expect((await getConnection(stack.ctx.db, other.account.id, other.connection.id))?.markedTestedAt).toBeNull();
  });

  it("unlocks SSO enforcement for 24 hours when it rests on a success, and can be renewed after", async () => {
    const setup = await makeSamlConnection(stack, "mt-fresh");
    const old = new Date(Date.now() - 72 * 3_600_000);
    await stack.ctx.db.update(ssoConnections).set({ enabled: true, verifiedAt: old, markedTestedAt: null }).where(eq(ssoConnections.id, setup.connection.id));
    expect((await getSecuritySettings(stack.ctx, setup.account.id))?.hasFreshTest).toBe(false);

    const marked = await markConnectionTested(stack.ctx, { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor });
    expect(marked).toMatchObject({ ok: true, value: { alreadyMarked: false } });
    expect((await getSecuritySettings(stack.ctx, setup.account.id))?.hasFreshTest).toBe(true);

    const dayLater = { ...stack.ctx, now: () => new Date(Date.now() + 25 * 3_600_000) };
    expect((await getSecuritySettings(dayLater, setup.account.id))?.hasFreshTest).toBe(false);
    const renewed = await markConnectionTested(dayLater, { accountId: setup.account.id, connectionId: setup.connection.id, actor: setup.actor });
    expect(renewed).toMatchObject({ ok: true, value: { alreadyMarked: false } });
    expect((await getSecuritySettings(dayLater, setup.account.id))?.hasFreshTest).toBe(true);
    expect(await audits(setup.connection.id, "sso.connection.marked_tested")).toHaveLength(2);
  });
});
