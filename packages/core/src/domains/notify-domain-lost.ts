import { accounts, eq } from "@gatehouse/db";
import { domainVerificationLostEmail } from "@gatehouse/email";
import { listAccountAdminEmails } from "../account-admins";
import type { CoreContext } from "../context";

/** Tells every admin of the account that a domain is no longer verified. */
export async function notifyDomainLost(
  ctx: CoreContext,
  input: { accountId: string; domain: string; reason: "record_missing" | "taken_over"; lostAt: Date },
): Promise<void> {
  const [account] = await ctx.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, input.accountId)).limit(1);
  if (!account) return;
  const admins = await listAccountAdminEmails(ctx.db, input.accountId);
  const rendered = domainVerificationLostEmail({
    accountName: account.name,
    domain: input.domain,
    reason: input.reason,
    lostAt: input.lostAt,
    domainsUrl: `${ctx.appUrl}/settings/domains`,
  });
  for (const to of admins) await ctx.mailer.send({ ...rendered, to, template: "domain-verification-lost" });
}
