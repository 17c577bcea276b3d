import { and, eq, memberships, users, type Database } from "@gatehouse/db";

/** The email addresses of an account's admins: who gets the account's operational emails. */
export async function listAccountAdminEmails(db: Database, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, accountId), eq(memberships.role, "admin")));
  return rows.map((r) => r.email);
}
