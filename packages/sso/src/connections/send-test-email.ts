import { accounts, and, eq, gt, isNull, memberships, sql, ssoConnections, ssoTestRequests, users, type SsoConnection } from "@gatehouse/db";
import {
  actorDisplayName,
  fail,
  findUserByEmail,
  generateToken,
  hashToken,
  isAccountAdmin,
  isEmailShaped,
  normaliseEmail,
  nowOf,
  ok,
  recordAuditEvent,
  type Actor,
  type Result,
} from "@gatehouse/core";
import { ssoTestEmail } from "@gatehouse/email";
import type { SsoContext } from "../context";
import { getConnection } from "./queries";

export const TEST_REQUEST_LIFETIME_HOURS = 24;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The link in the test email; the route behind it calls `beginTestSignIn`. */
export function testSignInUrl(appUrl: string, token: string): string {
  return `${appUrl}/api/sso/test?token=${encodeURIComponent(token)}`;
}

export type TestEmailSent = { requestId: string; email: string; expiresAt: Date };

/**
 * Test by email: an admin asks a member to try the connection. The member gets a link (good for
 * 24 hours) that starts a test sign-in; the result shows on the connection's page. Asking the same
 * member again replaces the earlier link. If the email cannot be sent, the new link is withdrawn
 * and any earlier one keeps working.
 */
export async function sendTestEmail(
  ctx: SsoContext,
  input: { accountId: string; connectionId: string; memberEmail: string; actor: Actor },
): Promise<Result<TestEmailSent>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can test connections.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  const email = normaliseEmail(input.memberEmail);
  if (!isEmailShaped(email)) return fail("Enter the member's email address, like name@company.com.");
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return fail("This account no longer exists.");
  const user = await findUserByEmail(ctx.db, email);
  const [membership] = user
    ? await ctx.db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.accountId, input.accountId), eq(memberships.userId, user.id)))
        .limit(1)
    : [];
  if (!user || !membership) return fail(`${email} is not a member of ${account.name}. Invite them first, or test with a member's email.`);

  const adminName = await actorDisplayName(ctx.db, input.actor);
  const token = generateToken();
  const now = nowOf(ctx);
  const expiresAt = new Date(now.getTime() + TEST_REQUEST_LIFETIME_HOURS * 60 * 60_000);

  const [inserted] = await ctx.db
    .insert(ssoTestRequests)
    .values({ connectionId: connection.id, userId: user.id, requestedByUserId: input.actor.userId, tokenHash: hashToken(token), createdAt: now, expiresAt })
    .returning({ id: ssoTestRequests.id });
  const requestId = inserted!.id;

  const rendered = ssoTestEmail({
    accountName: account.name,
    connectionName: connection.name,
    adminName,
    signInUrl: testSignInUrl(ctx.appUrl, token),
    expiresAt,
  });
  const sent = await ctx.mailer.send({ ...rendered, to: user.email, template: "sso-test" });
  if (sent.status === "failed") {
    // The link never reached anyone: it must not stay usable.
    await ctx.db.delete(ssoTestRequests).where(eq(ssoTestRequests.id, requestId));
    await recordAuditEvent(ctx.db, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.test.email_failed",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: { email: user.email, error: sent.error ?? null },
    });
    return fail(`The test email to ${user.email} could not be sent: ${sent.error ?? "the mail server refused it"}. Check the email settings, then try again.`);
  }
  // One live link per member and connection: the new email replaces earlier ones. They are
  // expired rather than deleted, so a test sign-in already under way still knows whose it is.
  await ctx.db
    .update(ssoTestRequests)
    .set({ expiresAt: now })
    .where(
      and(
        eq(ssoTestRequests.connectionId, connection.id),
        eq(ssoTestRequests.userId, user.id),
        isNull(ssoTestRequests.completedAt),
        sql`${ssoTestRequests.id} <> ${requestId}`,
        gt(ssoTestRequests.expiresAt, now),
      ),
    );
  await recordAuditEvent(ctx.db, {
    accountId: input.accountId,
    actor: input.actor,
    action: "sso.test.requested",
    target: { type: "sso_connection", id: connection.id, label: connection.name },
    metadata: { email: user.email, requestId, expiresAt: expiresAt.toISOString() },
  });
  return ok({ requestId, email: user.email, expiresAt });
}

/** What the route needs to start the test sign-in: `startSsoFlow(ctx, { connection, purpose: "test_email", testId })`. */
export type TestSignInStart = { connection: SsoConnection; testId: string; email: string };

/**
 * The link in a test email: finds the request it belongs to (not completed, not expired, its member
 * still in the account). The link keeps working until a test sign-in through it succeeds, so a
 * member can try again after the admin fixes a setting.
 */
export async function beginTestSignIn(ctx: SsoContext, token: string): Promise<Result<TestSignInStart>> {
  if (!token || token.length > 200) return fail(UNKNOWN_LINK);
  const [row] = await ctx.db
    .select({ request: ssoTestRequests, connection: ssoConnections, email: users.email, accountName: accounts.name })
    .from(ssoTestRequests)
    .innerJoin(ssoConnections, eq(ssoConnections.id, ssoTestRequests.connectionId))
    .innerJoin(users, eq(users.id, ssoTestRequests.userId))
    .innerJoin(accounts, eq(accounts.id, ssoConnections.accountId))
    .where(eq(ssoTestRequests.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) return fail(UNKNOWN_LINK);
  const { request, connection } = row;
  if (request.completedAt) {
    return fail(`You already completed this test of ${connection.name}. If ${row.accountName}'s admin needs another test, they can send you a new link.`);
  }
  const now = nowOf(ctx);
  if (request.expiresAt.getTime() <= now.getTime()) {
    const [newer] = await ctx.db
      .select({ id: ssoTestRequests.id })
      .from(ssoTestRequests)
      .where(
        and(
          eq(ssoTestRequests.connectionId, request.connectionId),
          eq(ssoTestRequests.userId, request.userId),
          gt(ssoTestRequests.createdAt, request.createdAt),
          isNull(ssoTestRequests.completedAt),
          gt(ssoTestRequests.expiresAt, now),
        ),
      )
      .limit(1);
    if (newer) return fail(`A newer test email replaced this link. Open the link in the most recent email about ${connection.name}.`);
    return fail(`This test link expired on ${formatUtc(request.expiresAt)}. Ask ${row.accountName}'s admin to send you a new one.`);
  }
  const [membership] = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.accountId, connection.accountId), eq(memberships.userId, request.userId)))
    .limit(1);
  if (!membership) return fail(`You are no longer a member of ${row.accountName}, so there is nothing to test. Ask its admin if this is a mistake.`);
  return ok({ connection, testId: request.id, email: row.email });
}

const UNKNOWN_LINK =
  "This test link is not valid: it may have been replaced by a newer test email. Open the link in the most recent email, or ask your admin to send a new one.";

const formatUtc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** The email of the member a test request is for, or null (finish-sign-in's expected email for 'test_email' flows). */
export async function testRequestEmail(ctx: Pick<SsoContext, "db">, testId: string | null): Promise<string | null> {
  if (!testId || !UUID.test(testId)) return null;
  const [row] = await ctx.db
    .select({ email: users.email })
    .from(ssoTestRequests)
    .innerJoin(users, eq(users.id, ssoTestRequests.userId))
    .where(eq(ssoTestRequests.id, testId))
    .limit(1);
  return row?.email ?? null;
}

/** Marks a test request done, so its link stops working. Returns false when it was already done or is gone. */
export async function completeTestRequest(ctx: Pick<SsoContext, "db" | "now">, testId: string | null): Promise<boolean> {
  if (!testId || !UUID.test(testId)) return false;
  const done = await ctx.db
    .update(ssoTestRequests)
    .set({ completedAt: nowOf(ctx) })
    .where(and(eq(ssoTestRequests.id, testId), isNull(ssoTestRequests.completedAt)))
    .returning({ id: ssoTestRequests.id });
  return done.length > 0;
}
