import { accountDomains, accounts, and, eq, inArray, sessions, ssoConnections } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import type { CoreContext } from "../context";
import { fail, ok, type Result } from "../result";
import { authoriseSupportOrAdmin, type ActingAs } from "./authorise-support-or-admin";

export type DisableSsoCounts = { connectionsDisabled: number; domainsUnenforced: number; sessionsEnded: number };

/**
 * Switches SSO off for an account in one step: every connection off, the requirement back to
 * `any`, no domain enforcing SSO, and every session an SSO sign-in to this account opened ends.
 * Members then sign in with a password (the caller offers them reset emails).
 */
export async function disableSso(ctx: Pick<CoreContext, "db">, input: ActingAs & { accountId: string }): Promise<Result<DisableSsoCounts>> {
  const allowed = await authoriseSupportOrAdmin(ctx.db, input.accountId, input, "switch SSO off");
  if (!allowed.ok) return allowed;
  const [account] = await ctx.db
    .select({ name: accounts.name, authRequired: accounts.authRequired })
    .from(accounts)
    .where(eq(accounts.id, input.accountId))
    .limit(1);
  if (!account) return fail("This account no longer exists.");
  return ctx.db.transaction(async (tx) => {
    const connections = tx.select({ id: ssoConnections.id }).from(ssoConnections).where(eq(ssoConnections.accountId, input.accountId));
    const switchedOff = await tx
      .update(ssoConnections)
      .set({ enabled: false, updatedAt: new Date() })
      .where(and(eq(ssoConnections.accountId, input.accountId), eq(ssoConnections.enabled, true)))
      .returning({ id: ssoConnections.id });
    await tx.update(accounts).set({ authRequired: "any" }).where(eq(accounts.id, input.accountId));
    const unenforced = await tx
      .update(accountDomains)
      .set({ enforceSso: false })
      .where(and(eq(accountDomains.accountId, input.accountId), eq(accountDomains.enforceSso, true)))
      .returning({ domain: accountDomains.domain });
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.method, "sso"), inArray(sessions.connectionId, connections)))
      .returning({ idHash: sessions.idHash });
    const counts = { connectionsDisabled: switchedOff.length, domainsUnenforced: unenforced.length, sessionsEnded: ended.length };
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "sso.disabled",
      target: { type: "account", id: input.accountId, label: account.name },
      metadata: { ...counts, from: account.authRequired, to: "any", domains: unenforced.map((d) => d.domain), ...allowed.value },
    });
    return ok(counts);
  });
}
