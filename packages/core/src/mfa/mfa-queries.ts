import { accounts, and, eq, inArray, isNotNull, memberships, mfaFactors, type Database } from "@gatehouse/db";
import { isMfaRequiredBy } from "./mfa-step";

/** Whether the user has confirmed an authenticator app. */
export async function userHasMfa(db: Pick<Database, "select">, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: mfaFactors.userId })
    .from(mfaFactors)
    .where(and(eq(mfaFactors.userId, userId), isNotNull(mfaFactors.confirmedAt)))
    .limit(1);
  return Boolean(row);
}

/** Of these users, the ones with MFA (for the team list's MFA column). */
export async function usersWithMfa(db: Pick<Database, "select">, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db
    .select({ userId: mfaFactors.userId })
    .from(mfaFactors)
    .where(and(inArray(mfaFactors.userId, userIds), isNotNull(mfaFactors.confirmedAt)));
  return new Set(rows.map((r) => r.userId));
}

/** Whether any of the user's accounts requires MFA (`auth_required = 'mfa'` or `require_mfa`). */
export async function mfaRequirementFor(db: Pick<Database, "select">, userId: string): Promise<boolean> {
  const policies = await db
    .select({ authRequired: accounts.authRequired, requireMfa: accounts.requireMfa })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.id, memberships.accountId))
    .where(eq(memberships.userId, userId));
  return isMfaRequiredBy(policies);
}
