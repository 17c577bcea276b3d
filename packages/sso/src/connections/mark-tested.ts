import { and, eq, inArray, sql, ssoConnections, ssoResults } from "@gatehouse/db";
import { fail, isWithinFreshTestWindow, isAccountAdmin, nowOf, ok, recordAuditEvent, type Actor, type Result } from "@gatehouse/core";
import type { SsoContext } from "../context";
import { getConnection } from "./queries";

export type MarkedTested = { markedTestedAt: Date; alreadyMarked: boolean };

/**
 * "I already tested this connection": the admin vouches for a connection without another test
 * sign-in. Allowed only once it has at least one successful Authenticate or test sign-in, so the
 * mark always rests on a sign-in that really worked. The mark unlocks SSO enforcement for 24
 * hours (see isFreshlyTested in core); marking again within them keeps the first mark, later
 * renews it.
 */
export async function markConnectionTested(ctx: SsoContext, input: { accountId: string; connectionId: string; actor: Actor }): Promise<Result<MarkedTested>> {
  if (!(await isAccountAdmin(ctx.db, input.accountId, input.actor))) return fail("Only account admins can configure SSO.");
  const connection = await getConnection(ctx.db, input.accountId, input.connectionId);
  if (!connection) return fail("That connection no longer exists.");
  const now = nowOf(ctx);
  if (connection.markedTestedAt && isWithinFreshTestWindow(connection.markedTestedAt, now)) {
    return ok({ markedTestedAt: connection.markedTestedAt, alreadyMarked: true });
  }

  if (!connection.verifiedAt) {
    const [success] = await ctx.db
      .select({ id: ssoResults.id })
      .from(ssoResults)
      .where(
        and(
          eq(ssoResults.connectionId, connection.id),
          inArray(sql<string>`${ssoResults.summary}->>'purpose'`, ["authenticate", "test_email"]),
          sql`(${ssoResults.summary}->>'ok')::boolean is true`,
        ),
      )
      .limit(1);
    if (!success) {
      return fail(
        "This connection has no successful sign-in yet, so it cannot be marked as tested. Run Authenticate, or send a test email to a member, and mark it once a sign-in succeeds.",
      );
    }
  }

  const markedTestedAt = now;
  await ctx.db.transaction(async (tx) => {
    await tx.update(ssoConnections).set({ markedTestedAt, markedTestedByUserId: input.actor.userId }).where(eq(ssoConnections.id, connection.id));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.connection.marked_tested",
      target: { type: "sso_connection", id: connection.id, label: connection.name },
      metadata: { verifiedAt: connection.verifiedAt?.toISOString() ?? null },
    });
  });
  return ok({ markedTestedAt, alreadyMarked: false });
}
