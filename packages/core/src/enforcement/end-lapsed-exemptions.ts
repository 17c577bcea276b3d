import { and, eq, lte, memberships, users } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor, type CoreContext } from "../context";
import { isSsoEnforcedForMember } from "../sign-in-policy";
import { endNonSsoSessionsOpeningAccount } from "./end-non-sso-sessions";
import { describeExemption } from "./security-settings";

/** Who ends a time-limited exemption in the audit log: the job, not a person. */
export const EXEMPTION_JOB_ACTOR: Actor = { userId: null, label: "SSO exemption expiry", ip: null };

// A backlog (the sweep was off for a while) is worked through a batch per tick.
const BATCH = 200;

/**
 * Ends every "SSO off until <date>" whose date has come (run every minute by a sweep): clears the
 * exemption, audits `member.sso_exemption_ended`, and when the account now requires SSO of the
 * member, ends their sessions that open it without its SSO (a password session from the exemption
 * would otherwise live on for its whole lifetime), audited as `security.sessions_ended`. The
 * conditional UPDATE makes two replicas running it at once handle each exemption once. Returns how
 * many exemptions ended.
 */
export async function endLapsedSsoExemptions(ctx: Pick<CoreContext, "db" | "now">, at?: Date): Promise<number> {
  const now = at ?? nowOf(ctx);
  const lapsed = await ctx.db
    .select({
      membershipId: memberships.id,
      accountId: memberships.accountId,
      userId: memberships.userId,
      until: memberships.ssoExemptUntil,
      email: users.email,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.ssoExempt, true), lte(memberships.ssoExemptUntil, now)))
    .limit(BATCH);
  let ended = 0;
  for (const row of lapsed) {
    // The exemption no longer counts (it ran out), so this is the rule the member is under from now on.
    const enforced = await isSsoEnforcedForMember({ db: ctx.db, now: () => now }, { userId: row.userId, accountId: row.accountId });
    const handled = await ctx.db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(memberships)
        .set({ ssoExempt: false, ssoExemptUntil: null })
        .where(and(eq(memberships.id, row.membershipId), eq(memberships.ssoExempt, true), lte(memberships.ssoExemptUntil, now)))
        .returning({ id: memberships.id });
      if (!claimed) return false;
      const target = { type: "user", id: row.userId, label: row.email };
      await recordAuditEvent(tx, {
        accountId: row.accountId,
        actor: EXEMPTION_JOB_ACTOR,
        action: "member.sso_exemption_ended",
        target,
        metadata: { from: describeExemption(true, row.until), to: describeExemption(false, null) },
      });
      const count = enforced ? await endNonSsoSessionsOpeningAccount(tx, row.accountId, [row.userId]) : 0;
      if (count > 0) {
        await recordAuditEvent(tx, {
          accountId: row.accountId,
          actor: EXEMPTION_JOB_ACTOR,
          action: "security.sessions_ended",
          target,
          metadata: { reason: "sso_exemption_ended", count, members: 1 },
        });
      }
      return true;
    });
    if (handled) ended += 1;
  }
  return ended;
}
