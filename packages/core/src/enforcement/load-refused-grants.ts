import { eq, ssoConnections, type Database } from "@gatehouse/db";
import { grantsRefusedNow } from "../session-grants";
import { loadMembershipEnforcement } from "./load-enforcement";

/**
 * The session's granted accounts that require SSO of its user now (grantsRefusedNow). Looked up
 * only when one of them has an exemption that ran out and is not yet handled by the sweep.
 */
export async function loadRefusedGrants(
  db: Database,
  session: { userId: string; connectionId: string | null; grantedAccountIds: string[] },
  now: Date,
): Promise<string[]> {
  const memberships = await loadMembershipEnforcement(db, session.userId);
  const [connection] = session.connectionId
    ? await db.select({ accountId: ssoConnections.accountId }).from(ssoConnections).where(eq(ssoConnections.id, session.connectionId)).limit(1)
    : [];
  return grantsRefusedNow({ grantedAccountIds: session.grantedAccountIds, memberships, ssoAccountId: connection?.accountId ?? null, now });
}
