import { eq, scimTokens, sql, type Database } from "@gatehouse/db";

/** Default requests per token per minute (SCIM_RATE_LIMIT_PER_MINUTE overrides it in the app). */
export const SCIM_RATE_LIMIT_PER_MINUTE = 600;
const WINDOW_MS = 60_000;

export type ScimRateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether a request counted as number `count` of the window that began at `windowStartedAt` may go ahead. Pure. */
export function decideScimRate(input: { windowStartedAt: Date; count: number; limit: number; now: Date }): ScimRateDecision {
  if (input.count <= input.limit) return { allowed: true };
  const left = input.windowStartedAt.getTime() + WINDOW_MS - input.now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)) };
}

/**
 * Counts one request against a token's fixed one-minute window in a single UPDATE, so parallel
 * requests on any replica each get their own count.
 */
export async function countScimRequest(db: Database, tokenId: string, limit: number, now = new Date()): Promise<ScimRateDecision> {
  const windowStart = new Date(now.getTime() - WINDOW_MS).toISOString();
  const nowIso = now.toISOString();
  const fresh = sql`(${scimTokens.rateWindowStartedAt} is null or ${scimTokens.rateWindowStartedAt} <= ${windowStart}::timestamptz)`;
  const [row] = await db
    .update(scimTokens)
    .set({
      rateWindowStartedAt: sql`case when ${fresh} then ${nowIso}::timestamptz else ${scimTokens.rateWindowStartedAt} end`,
      rateWindowCount: sql`case when ${fresh} then 1 else ${scimTokens.rateWindowCount} + 1 end`,
    })
    .where(eq(scimTokens.id, tokenId))
    .returning({ windowStartedAt: scimTokens.rateWindowStartedAt, count: scimTokens.rateWindowCount });
  if (!row?.windowStartedAt) return { allowed: true };
  return decideScimRate({ windowStartedAt: row.windowStartedAt, count: row.count, limit, now });
}
