import { accounts, and, eq, isNull, sessions } from "@gatehouse/db";
import { isMfaRequiredBy } from "./mfa/mfa-step";
import type { CoreContext } from "./context";
import { opensJoinedAccount } from "./session-grants";
import { grantAccountToSession } from "./sessions";
import { isSsoEnforcedForMember } from "./sign-in-policy";
import { hashToken } from "./tokens";

/**
 * After the user joined an account from this session, opens it there (and switches to it) when the
 * session's sign-in could have opened it: see opensJoinedAccount. Returns whether it did.
 */
export async function openJoinedAccount(
  ctx: Pick<CoreContext, "db" | "now">,
  input: { sessionId: string; userId: string; accountId: string },
): Promise<boolean> {
  const [session] = await ctx.db
    .select({ method: sessions.method, mfaVerifiedAt: sessions.mfaVerifiedAt })
    .from(sessions)
    .where(and(eq(sessions.idHash, hashToken(input.sessionId)), eq(sessions.userId, input.userId), isNull(sessions.mfaStep)))
    .limit(1);
  if (!session) return false;
  const [requiresSso, [policy]] = await Promise.all([
    isSsoEnforcedForMember(ctx, { userId: input.userId, accountId: input.accountId }),
    ctx.db.select({ authRequired: accounts.authRequired, requireMfa: accounts.requireMfa }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1),
  ]);
  const requiresMfa = policy ? isMfaRequiredBy([policy]) : true;
  if (!opensJoinedAccount({ method: session.method, requiresSso, requiresMfa, passedMfa: session.mfaVerifiedAt !== null })) return false;
  return grantAccountToSession(ctx.db, input.sessionId, input.accountId);
}
