import { and, count, eq, gt, isNull, securityEvents, sql, type Database } from "@gatehouse/db";

export type SecurityEventInput = {
  /** What happened, as a short code, e.g. `saml.response_unverified`. */
  kind: string;
  ip: string | null;
  /** Reason codes and ids only: never raw exception text or message content. */
  detail?: Record<string, unknown>;
};

/** Rows kept per IP per minute: enough to see an attack, too few for anyone to flood the table. */
export const SECURITY_EVENTS_PER_IP_PER_MINUTE = 20;

/**
 * Writes one event to the deployment's security log unless this IP already wrote its quota in
 * the last minute. The count and the insert run under a per-IP advisory lock in one transaction,
 * so concurrent requests cannot both slip under the limit. Returns whether the row was written.
 */
export async function recordSecurityEvent(db: Database, input: SecurityEventInput, limitPerMinute = SECURITY_EVENTS_PER_IP_PER_MINUTE): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`security_events:${input.ip ?? ""}`}))`);
    const sameIp = input.ip === null ? isNull(securityEvents.ip) : eq(securityEvents.ip, input.ip);
    const [recent] = await tx
      .select({ n: count() })
      .from(securityEvents)
      .where(and(sameIp, gt(securityEvents.createdAt, sql`now() - interval '1 minute'`)));
    if ((recent?.n ?? 0) >= limitPerMinute) return false;
    await tx.insert(securityEvents).values({ kind: input.kind, ip: input.ip, detail: input.detail ?? {} });
    return true;
  });
}

/** How long the deployment's security log keeps its rows. */
export const SECURITY_EVENTS_RETENTION_DAYS = 90;

/** Deletes security-log rows past the retention, in bounded batches (a periodic sweep). */
export async function pruneSecurityEvents(db: Database, now: Date, retentionDays = SECURITY_EVENTS_RETENTION_DAYS): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const deleted = await db.execute<{ id: number }>(sql`
    delete from ${securityEvents} where id in (
      select id from ${securityEvents} where ${securityEvents.createdAt} < ${cutoff.toISOString()}::timestamptz limit 5000
    ) returning id`);
  return (deleted as unknown as unknown[]).length;
}
