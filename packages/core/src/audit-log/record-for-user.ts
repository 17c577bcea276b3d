import { eq, memberships, type Database } from "@gatehouse/db";
import { recordAuditEvent, type AuditInput } from "../audit";

/**
 * Records an event about a person that belongs to no single account (a password sign-in proves
 * the login, not one account) in the log of every account they are a member of, so each
 * account's admins see their members' sign-ins. With no user or no membership it goes to the
 * deployment's log (no account).
 */
export async function recordAuditEventForUser(db: Database, userId: string | null, input: Omit<AuditInput, "accountId">): Promise<void> {
  const accountIds = userId
    ? (await db.select({ accountId: memberships.accountId }).from(memberships).where(eq(memberships.userId, userId))).map((r) => r.accountId)
    : [];
  if (accountIds.length === 0) return recordAuditEvent(db, { ...input, accountId: null });
  for (const accountId of accountIds) await recordAuditEvent(db, { ...input, accountId });
}
