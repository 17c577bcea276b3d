import { and, eq, memberships, sql, users, type Database, type SsoProvider } from "@gatehouse/db";
import { isReachedByAssertedEmail, plusAddressLookup } from "./plus-address";

/**
 * With Google, the member whose email is a plus-addressed form of the asserted one
 * (`ami+cio@acme.test` for `ami@acme.test`). Members of this account only: the rule reaches
 * memberships, never a login outside the account. Two candidates are ambiguous and match nobody.
 */
export async function findPlusAddressedMember(db: Database, input: { accountId: string; provider: SsoProvider; email: string }) {
  const lookup = plusAddressLookup(input.provider, input.email);
  if (!lookup) return null;
  const escape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await db
    .select({ user: users })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.accountId, input.accountId), sql`lower(${users.email}) like ${`${escape(lookup.localPart)}+%@${escape(lookup.domain)}`}`))
    .limit(20);
  const reached = rows.filter((r) => isReachedByAssertedEmail(input.provider, input.email, r.user.email));
  return reached.length === 1 ? reached[0]!.user : null;
}
