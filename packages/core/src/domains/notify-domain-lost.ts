import { accounts, and, eq, memberships, users } from "@gatehouse/db";
import { domainVerificationLostEmail } from "@gatehouse/email";
import type { CoreContext } from "../context";

/** Tells every admin of the account that a domain is no longer verified. */
export async function notifyDomainLost(
  ctx: CoreContext,
  input: { accountId: string; domain: string; reason: "record_missing" | "taken_over"; lostAt: Date },
): Promise<void> {
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return;
  const admins = await ctx.db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.accountId, input.accountId), eq(memberships.role, "admin")));
  const rendered = domainVerificationLostEmail({ accountName: account.name, domain: input.domain, reason: input.reason, lostAt: input.lostAt, domainsUrl: `${ctx.appUrl}/settings/domains` });
  for (const admin of admins) await ctx.mailer.send({ ...rendered, to: admin.email, template: "domain-verification-lost" });
}
