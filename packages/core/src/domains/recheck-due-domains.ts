import { accountDomains, inArray, sql } from "@gatehouse/db";
import { applyDomainCheck, SYSTEM_ACTOR } from "./apply-domain-check";
import type { DomainContext } from "./domain-context";

/** A claimed row is not picked again by a concurrent sweep for this long (a check takes seconds). */
const CLAIM_MS = 5 * 60_000;

/**
 * The periodic sweep: re-checks every pending and verified domain whose next check is due.
 * Rows are claimed with SKIP LOCKED and pushed forward first, so sweeps running at once on
 * several replicas never check one domain twice. Returns how many were checked.
 */
export async function recheckDueDomains(ctx: DomainContext, now: Date, limit = 100): Promise<{ checked: number; failed: number }> {
  const claimUntil = new Date(now.getTime() + CLAIM_MS);
  const claimed = await ctx.db.execute<{ id: string }>(sql`
    update ${accountDomains} set next_check_at = ${claimUntil.toISOString()}
    where id in (
      select id from ${accountDomains}
      where status in ('pending', 'verified') and next_check_at <= ${now.toISOString()}
      order by next_check_at
      limit ${limit}
      for update skip locked
    )
    returning id`);
  const ids = [...claimed].map((r) => r.id);
  if (ids.length === 0) return { checked: 0, failed: 0 };
  const rows = await ctx.db.select().from(accountDomains).where(inArray(accountDomains.id, ids));
  let failed = 0;
  for (const row of rows) {
    try {
      await applyDomainCheck({ ...ctx, now: () => now }, row, { trigger: "scheduled", actor: SYSTEM_ACTOR });
    } catch (error) {
      // One broken row must not stop the sweep; it is picked again after the claim runs out.
      failed++;
      console.error(`[domains] re-check of ${row.domain} failed:`, error);
    }
  }
  return { checked: rows.length - failed, failed };
}
