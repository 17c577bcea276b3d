import { asc, eq, memberships, users, type Database } from "@gatehouse/db";

export type MemberWithLogin = {
  userId: string;
  email: string;
  name: string;
  role: "admin" | "member";
  /** False for members who only ever signed in through SSO: a reset link lets them set one. */
  hasPassword: boolean;
  ssoExempt: boolean;
  ssoExemptUntil: Date | null;
};

/** Every member of an account with how they can sign in, for choosing who gets a reset link. */
export async function listMembersWithLogin(db: Database, accountId: string): Promise<MemberWithLogin[]> {
  const rows = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      passwordHash: users.passwordHash,
      ssoExempt: memberships.ssoExempt,
      ssoExemptUntil: memberships.ssoExemptUntil,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.accountId, accountId))
    .orderBy(asc(users.email));
  return rows.map(({ passwordHash, ...m }) => ({ ...m, hasPassword: passwordHash !== null }));
}
