import { accountDomains, and, eq, sql, type AccountDomain } from "@gatehouse/db";
import { recordAuditEvent } from "../audit";
import { nowOf, type Actor } from "../context";
import { checkDomainRecord } from "./check-domain-record";
import { decideDomainCheck, PENDING_RECHECK_MS, type DomainCheckDecision } from "./decide-domain-check";
import type { DomainContext } from "./domain-context";
import { notifyDomainLost } from "./notify-domain-lost";

export const SYSTEM_ACTOR: Actor = { userId: null, label: "Domain re-check", ip: null };

/**
 * Checks one claim in DNS, stores the decision, and carries out its consequences: a takeover
 * moves the domain from the other account (which sees "verification lost"), a loss tells the
 * account's admins. Returns the updated row.
 */
export async function applyDomainCheck(
  ctx: DomainContext,
  row: AccountDomain,
  input: { trigger: "manual" | "scheduled"; actor: Actor },
): Promise<{ row: AccountDomain; decision: DomainCheckDecision }> {
  const [holder] =
    row.status === "verified"
      ? []
      : await ctx.db
          .select()
          .from(accountDomains)
          .where(and(eq(accountDomains.domain, row.domain), eq(accountDomains.status, "verified"), sql`${accountDomains.accountId} <> ${row.accountId}`))
          .limit(1);
  const outcome = await checkDomainRecord(ctx.lookupTxt, { domain: row.domain, token: row.verificationToken, holderToken: holder?.verificationToken });
  const now = nowOf(ctx);
  let decision = decideDomainCheck({
    domain: row.domain,
    status: row.status,
    missingSince: row.missingSince,
    now,
    trigger: input.trigger,
    code: outcome.code,
    holder: holder ? { recordPresent: outcome.holderRecordPresent } : null,
  });

  const updated = await ctx.db
    .transaction(async (tx) => {
      if (decision.takeOverFromHolder && holder) {
        const [moved] = await tx
          .update(accountDomains)
          .set({
            status: "lost",
            lostAt: now,
            nextCheckAt: null,
            lastCheckDetail: `Another account proved ${row.domain} after this account's TXT record was removed.`,
          })
          .where(and(eq(accountDomains.id, holder.id), eq(accountDomains.status, "verified")))
          .returning({ id: accountDomains.id });
        if (moved) {
          await recordAuditEvent(tx, {
            accountId: holder.accountId,
            actor: SYSTEM_ACTOR,
            action: "domain.lost",
            target: { type: "domain", id: holder.id, label: holder.domain },
            metadata: { reason: "taken_over" },
          });
        }
      }
      const [saved] = await tx
        .update(accountDomains)
        .set({
          status: decision.status,
          missingSince: decision.missingSince,
          nextCheckAt: decision.nextCheckAt,
          lastCheckedAt: now,
          lastCheckResult: outcome.code,
          lastCheckDetail: decision.detail,
          ...(decision.verifiedAt ? { verifiedAt: decision.verifiedAt, lostAt: null } : {}),
          ...(decision.lostAt ? { lostAt: decision.lostAt } : {}),
        })
        .where(eq(accountDomains.id, row.id))
        .returning();
      if (!saved) return null;
      const action = input.trigger === "manual" ? "domain.checked" : decision.status !== row.status ? `domain.${decision.status}` : null;
      if (action) {
        await recordAuditEvent(tx, {
          accountId: row.accountId,
          actor: input.actor,
          action,
          target: { type: "domain", id: row.id, label: row.domain },
          metadata: {
            result: outcome.code,
            from: row.status,
            to: decision.status,
            ...(decision.takeOverFromHolder ? { tookOverFromAccountId: holder?.accountId } : {}),
          },
        });
      }
      return saved;
    })
    .catch((error: unknown) => {
      // Another claim became verified between our read and write (the partial unique index):
      // this one stays pending, and the next check sees that holder.
      if ((error as { code?: string }).code === "23505") return "conflict" as const;
      throw error;
    });

  if (updated === "conflict") {
    decision = {
      ...decision,
      status: "pending",
      verifiedAt: null,
      takeOverFromHolder: false,
      nextCheckAt: new Date(now.getTime() + PENDING_RECHECK_MS),
      detail: `${row.domain} was just verified by another account. Check again in a moment.`,
    };
    const [saved] = await ctx.db
      .update(accountDomains)
      .set({ lastCheckedAt: now, lastCheckResult: outcome.code, lastCheckDetail: decision.detail, nextCheckAt: decision.nextCheckAt })
      .where(eq(accountDomains.id, row.id))
      .returning();
    return { row: saved ?? row, decision };
  }
  if (!updated) return { row, decision };
  if (decision.takeOverFromHolder && holder)
    await notifyDomainLost(ctx, { accountId: holder.accountId, domain: holder.domain, reason: "taken_over", lostAt: now });
  if (decision.lostAt) await notifyDomainLost(ctx, { accountId: row.accountId, domain: row.domain, reason: "record_missing", lostAt: now });
  return { row: updated, decision };
}
