import { lte } from "drizzle-orm";
import { accounts, eq } from "@gatehouse/db";
import { enforcementSuspensionEmail } from "@gatehouse/email";
import { listAccountAdminEmails } from "../account-admins";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { isEnforcedUnder } from "../enforcement/affected-members";
import { endNonSsoSessionsOpeningAccount } from "../enforcement/end-non-sso-sessions";
import { loadAccountMembersForEnforcement } from "../enforcement/load-enforcement";
import { fail, ok, type Result } from "../result";
import { authoriseSupportOrAdmin } from "./authorise-support-or-admin";
import { isAllowedSuspensionHours } from "./support-reason";
import { MAX_SUSPENSION_HOURS, MIN_SUSPENSION_HOURS } from "../limits";

/** Who restores a suspension in the audit log: the job, not a person. */
export const SUSPENSION_JOB_ACTOR: Actor = { userId: null, label: "Enforcement suspension ended", ip: null };

/**
 * Support pauses SSO enforcement for a few hours so a locked-out customer can sign in with a
 * password (the sign-in policy ignores enforcement while now < enforcement_suspended_until).
 * A second suspension replaces the first. The account's admins are told by email.
 */
export async function suspendEnforcement(
  ctx: CoreContext,
  input: { accountId: string; hours: number; actor: Actor; reason: string; byOperator?: boolean },
): Promise<Result<{ until: Date }>> {
  const allowed = await authoriseSupportOrAdmin(
    ctx.db,
    input.accountId,
    { actor: input.actor, reason: input.reason, bySupport: true, byOperator: input.byOperator },
    "suspend enforcement",
  );
  if (!allowed.ok) return allowed;
  if (!isAllowedSuspensionHours(input.hours)) return fail(`Suspend for a whole number of hours from ${MIN_SUSPENSION_HOURS} to ${MAX_SUSPENSION_HOURS}.`);
  const now = nowOf(ctx);
  const until = new Date(now.getTime() + input.hours * 3_600_000);
  const account = await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ name: accounts.name, until: accounts.enforcementSuspendedUntil })
      .from(accounts)
      .where(eq(accounts.id, input.accountId))
      .for("update");
    if (!before) return null;
    await tx.update(accounts).set({ enforcementSuspendedUntil: until }).where(eq(accounts.id, input.accountId));
    await recordAuditEvent(tx, {
      accountId: input.accountId,
      actor: input.actor,
      action: "security.enforcement_suspended",
      target: { type: "account", id: input.accountId, label: before.name },
      metadata: { from: before.until?.toISOString() ?? null, to: until.toISOString(), hours: input.hours, ...allowed.value },
    });
    return before;
  });
  if (!account) return fail("This account no longer exists.");
  await notifyAdmins(ctx, { accountId: input.accountId, accountName: account.name, event: "suspended", until, reason: allowed.value.reason ?? null });
  return ok({ until });
}

/**
 * Ends every suspension whose time has come (run every minute by a sweep): clears the column,
 * audits `security.enforcement_restored`, ends the password (non-SSO) sessions the restored rule
 * refuses, and tells the admins. The conditional UPDATE makes two replicas running it at once
 * restore (and email) each account once.
 */
export async function restoreSuspendedEnforcement(ctx: CoreContext, at?: Date): Promise<number> {
  const now = at ?? nowOf(ctx);
  const restored = await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .update(accounts)
      .set({ enforcementSuspendedUntil: null })
      .where(lte(accounts.enforcementSuspendedUntil, now))
      .returning({ id: accounts.id, name: accounts.name });
    for (const row of rows) {
      await recordAuditEvent(tx, {
        accountId: row.id,
        actor: SUSPENSION_JOB_ACTOR,
        action: "security.enforcement_restored",
        target: { type: "account", id: row.id, label: row.name },
        metadata: { from: "suspended", to: "enforced" },
      });
    }
    return rows;
  });
  for (const row of restored) {
    await endSessionsRefusedAfterSuspension(ctx, row.id, now);
    await notifyAdmins(ctx, { accountId: row.id, accountName: row.name, event: "restored", until: now, reason: null });
  }
  return restored.length;
}

/**
 * The members the restored rule requires SSO of keep no session into this account that it would
 * refuse: those opened with a password (or another way than this account's SSO) while enforcement
 * was paused. Their earlier such sessions already ended when enforcement was switched on, so in
 * practice these are the suspension's own sign-ins; a session narrowed to the member's other
 * accounts stays. Audited as `security.sessions_ended` with the count.
 */
async function endSessionsRefusedAfterSuspension(ctx: CoreContext, accountId: string, now: Date): Promise<number> {
  const [account] = await ctx.db.select({ authRequired: accounts.authRequired }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) return 0;
  const members = await loadAccountMembersForEnforcement(ctx.db, accountId);
  const rule = {
    authRequired: account.authRequired,
    enforcementSuspendedUntil: null,
    enforcingDomainIds: members.flatMap((m) => (m.domainEnforcesSso && m.domainId ? [m.domainId] : [])),
  };
  const enforced = members.filter((m) => isEnforcedUnder(m, rule, now));
  const ended = await endNonSsoSessionsOpeningAccount(
    ctx.db,
    accountId,
    enforced.map((m) => m.userId),
  );
  if (ended > 0) {
    await recordAuditEvent(ctx.db, {
      accountId,
      actor: SUSPENSION_JOB_ACTOR,
      action: "security.sessions_ended",
      metadata: { reason: "enforcement_restored", count: ended, members: enforced.length },
    });
  }
  return ended;
}

async function notifyAdmins(
  ctx: CoreContext,
  input: { accountId: string; accountName: string; event: "suspended" | "restored"; until: Date; reason: string | null },
): Promise<void> {
  const admins = await listAccountAdminEmails(ctx.db, input.accountId);
  const rendered = enforcementSuspensionEmail({ ...input, securityUrl: `${ctx.appUrl}/settings/security` });
  for (const email of admins) await ctx.mailer.send({ ...rendered, to: email, template: `enforcement-${input.event}` });
}
