import { and, eq, gt, inArray, sessions, sql, ssoConnections, type Database } from "@gatehouse/db";

/** The members' sessions not signed in through this account's SSO (password, social, or another account's SSO). */
const nonSsoSessionsOf = (accountId: string, userIds: string[]) =>
  and(
    inArray(sessions.userId, userIds),
    sql`not (${sessions.method} = 'sso' and ${sessions.connectionId} is not null and ${sessions.connectionId} in (select ${ssoConnections.id} from ${ssoConnections} where ${eq(ssoConnections.accountId, accountId)}))`,
  );

/** Ends those sessions once the account enforces SSO for the members (they would otherwise stay open). Returns how many ended. */
export async function endNonSsoSessions(db: Pick<Database, "delete">, accountId: string, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const ended = await db.delete(sessions).where(nonSsoSessionsOf(accountId, userIds)).returning({ idHash: sessions.idHash });
  return ended.length;
}

/**
 * Like endNonSsoSessions, but only the sessions that open this account (their grants include it, or
 * are unnarrowed): a password session narrowed to the member's other accounts stays, as the policy allows it.
 */
export async function endNonSsoSessionsOpeningAccount(db: Pick<Database, "delete">, accountId: string, userIds: string[]): Promise<number> {
  if (userIds.length === 0) return 0;
  const opensAccount = sql`(${sessions.grantedAccountIds} is null or ${accountId}::uuid = any(${sessions.grantedAccountIds}))`;
  const ended = await db
    .delete(sessions)
    .where(and(nonSsoSessionsOf(accountId, userIds), opensAccount))
    .returning({ idHash: sessions.idHash });
  return ended.length;
}

/** How many sessions endNonSsoSessions would end, for the confirmation page. */
export async function countNonSsoSessions(db: Pick<Database, "select">, accountId: string, userIds: string[], now: Date): Promise<number> {
  if (userIds.length === 0) return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(nonSsoSessionsOf(accountId, userIds), gt(sessions.expiresAt, now)));
  return row?.n ?? 0;
}
