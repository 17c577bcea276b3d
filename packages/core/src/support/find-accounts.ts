import { accountDomains, accounts, asc, desc, eq, ilike, inArray, memberships, or, sql, users, type Database } from "@gatehouse/db";
import { containsPattern } from "../like-pattern";

export const SUPPORT_SEARCH_LIMIT = 25;

export type SupportAccountHit = {
  id: string;
  name: string;
  slug: string;
  authRequired: "any" | "mfa" | "sso";
  enforcementSuspendedUntil: Date | null;
  memberCount: number;
  domains: string[];
};

/**
 * Finds accounts for support by name, slug, a claimed or verified domain, or a member's email
 * (any part of each). Name and email are answered by trigram indexes; an empty query lists the
 * newest accounts.
 */
export async function findAccountsForSupport(db: Database, query: string, limit = SUPPORT_SEARCH_LIMIT): Promise<SupportAccountHit[]> {
  const search = query.trim().toLowerCase();
  const pattern = containsPattern(search);
  // A member email matches on its domain part as well: "acme.test" finds ada@acme.test's account.
  const byDomain = db.select({ accountId: accountDomains.accountId }).from(accountDomains).where(ilike(accountDomains.domain, pattern));
  const byMember = db
    .select({ accountId: memberships.accountId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(ilike(users.email, pattern));
  const where = search
    ? or(ilike(accounts.name, pattern), ilike(accounts.slug, pattern), inArray(accounts.id, byDomain), inArray(accounts.id, byMember))
    : undefined;
  const rows = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      slug: accounts.slug,
      authRequired: accounts.authRequired,
      enforcementSuspendedUntil: accounts.enforcementSuspendedUntil,
      // Spelled out: drizzle leaves columns unqualified in a single-table select, which would
      // turn these correlated subqueries into self-comparisons.
      memberCount: sql<number>`(select count(*)::int from memberships m where m.account_id = "accounts"."id")`,
      domains: sql<string[]>`coalesce((select array_agg(d.domain order by d.domain) from account_domains d where d.account_id = "accounts"."id"), '{}')`,
    })
    .from(accounts)
    .where(where)
    .orderBy(search ? asc(accounts.name) : desc(accounts.createdAt))
    .limit(limit);
  return rows;
}
